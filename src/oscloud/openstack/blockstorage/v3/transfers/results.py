"""Models and results of block storage v3 volume transfers."""

from __future__ import annotations

import builtins
import datetime as _dt

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.openstack.blockstorage.v3._common import Link
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


@model
@attrs.frozen(kw_only=True)
class Transfer(Model):
    """An offer to give a volume to another project.

    ``auth_key`` is answered once, by create; the receiving project needs it to accept.
    It is a secret: it never shows in ``repr``. Microversions: ``no_snapshots`` 3.55
    (what create sent); ``source_project_id``, ``destination_project_id`` and
    ``accepted`` 3.57 (details). A field the server did not send is ``None``.

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
    created_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    auth_key: str | None = field(default=None, repr=False)
    source_project_id: str | None = field(default=None, min_version="3.57")
    destination_project_id: str | None = field(default=None, min_version="3.57")
    accepted: bool | None = field(read=read.boolean, default=None, min_version="3.57")
    no_snapshots: bool | None = field(read=read.boolean, default=None, min_version="3.55")
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


class TransferResult(Result[Transfer]):
    """A response holding one transfer (``{"transfer": {...}}``): get, create, accept.

    Example:
        >>> TransferResult(body={"transfer": {"id": "t1", "volume_id": "v1"}}).extract().id
        't1'
    """

    resource_key = "transfer"
    model = Transfer

    __slots__ = ()


GetResult = TransferResult
CreateResult = TransferResult
AcceptResult = TransferResult
DeleteResult = ErrResult


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
