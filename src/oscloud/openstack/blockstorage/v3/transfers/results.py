"""Models and results of block storage v3 volume transfers."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.openstack.blockstorage.v3._common import Link, to_bool_or_none
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result

__all__ = [
    "AcceptResult",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "Transfer",
    "TransferPage",
    "TransferResult",
    "extract_transfers",
]


@attrs.frozen(kw_only=True)
class Transfer:
    """An offer to give a volume to another project.

    ``auth_key`` is answered once, by create; the receiving project needs it to accept.
    It is a secret: it never shows in ``repr``. Microversions: ``source_project_id``,
    ``destination_project_id`` and ``accepted`` 3.57 (details); ``no_snapshots`` is
    what create sent (3.55).

    Example:
        >>> t = Transfer.from_json({"id": "3d26db0c", "name": "first volume",
        ...     "volume_id": "59fe2097", "auth_key": "dbccabcdbad19e07",
        ...     "created_at": "2019-03-20T09:29:46.743632"})
        >>> t.auth_key, "dbccabcdbad19e07" in repr(t), t.created_at.tzinfo
        ('dbccabcdbad19e07', False, datetime.timezone.utc)
    """

    id: str
    volume_id: str
    name: str | None = None
    created_at: _dt.datetime | None = None
    auth_key: str | None = attrs.field(default=None, repr=False)
    source_project_id: str | None = None
    destination_project_id: str | None = None
    accepted: bool | None = None
    no_snapshots: bool | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Transfer:
        """Read a ``transfer`` object (or an item of ``transfers``).

        Example:
            >>> Transfer.from_json({"id": "t1", "volume_id": "v1"}).auth_key is None
            True
        """
        return cls(
            id=data["id"],
            volume_id=data["volume_id"],
            name=data.get("name"),
            created_at=to_utc_or_none(data.get("created_at")),
            auth_key=data.get("auth_key"),
            source_project_id=data.get("source_project_id"),
            destination_project_id=data.get("destination_project_id"),
            accepted=to_bool_or_none(data.get("accepted")),
            no_snapshots=to_bool_or_none(data.get("no_snapshots")),
            links=Link.tuple_from_json(data.get("links")),
        )


class TransferResult(Result[Transfer]):
    """A response holding one transfer (``{"transfer": {...}}``).

    Example:
        >>> TransferResult(body={"transfer": {"id": "t1", "volume_id": "v1"}}).extract().id
        't1'
    """

    resource_key = "transfer"
    model = Transfer

    __slots__ = ()


class CreateResult(TransferResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.transfers.create`.

    Example:
        >>> CreateResult(body={"transfer": {"id": "t1", "volume_id": "v1",
        ...     "auth_key": "k"}}).extract().auth_key
        'k'
    """

    __slots__ = ()


class GetResult(TransferResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.transfers.get`.

    Example:
        >>> GetResult(body={"transfer": {"id": "t1", "volume_id": "v1"}}).extract().volume_id
        'v1'
    """

    __slots__ = ()


class AcceptResult(TransferResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.transfers.accept`.

    Example:
        >>> AcceptResult(body={"transfer": {"id": "t1", "volume_id": "v1",
        ...     "name": "first volume"}}).extract().name
        'first volume'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.transfers.delete`.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class TransferPage(LinkedPage[Transfer]):
    """One page of transfers (paged from 3.59, ``transfers_links``).

    Example:
        >>> extract_transfers(TransferPage(url="u", body={"transfers": [
        ...     {"id": "t1", "volume_id": "v1"}]}))[0].id
        't1'
    """

    resource_key = "transfers"
    model = Transfer

    __slots__ = ()


def extract_transfers(page: Page[Transfer]) -> builtins.list[Transfer]:
    """The transfers of a page.

    Example:
        >>> extract_transfers(TransferPage(url="u", body={"transfers": []}))
        []
    """
    return page.extract()
