"""Operations on block storage v3 volume transfers.

Microversion 3.55 moves them from ``/os-volume-transfer`` to ``/volume-transfers`` and
adds ``no_snapshots``; the operations use the path that fits the client.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import sort_param
from oscloud.openstack.blockstorage.v3.transfers.results import (
    AcceptResult,
    CreateResult,
    DeleteResult,
    GetResult,
    Transfer,
    TransferPage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "VOLUME_TRANSFERS_MICROVERSION",
    "CreateOpts",
    "ListOpts",
    "accept",
    "create",
    "delete",
    "get",
    "list",
    "list_simple",
]

#: The microversion that brings ``/volume-transfers`` (before: ``/os-volume-transfer``).
VOLUME_TRANSFERS_MICROVERSION = "3.55"


def _base(client: ServiceClient) -> str:
    """``volume-transfers`` from 3.55, ``os-volume-transfer`` before."""
    if client.microversion_at_least(VOLUME_TRANSFERS_MICROVERSION):
        return "volume-transfers"
    return "os-volume-transfer"


# -- listing ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a transfer listing.

    ``sort``, ``limit``, ``offset`` and ``marker`` need microversion 3.59; a client
    older than that raises :class:`~oscloud.errors.MicroversionError` before any request.

    Example:
        >>> ListOpts(all_tenants=True, volume_id="v1", sort="created_at:desc")
        ListOpts(all_tenants=True, volume_id='v1', name=None, sort='created_at:desc', \
limit=None, offset=None, marker=None)
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param, min_version="3.59")
    )
    limit: int | None = attrs.field(
        default=None,
        metadata=wire.query("limit", encode=wire.non_negative_int, min_version="3.59"),
    )
    offset: int | None = attrs.field(
        default=None,
        metadata=wire.query("offset", encode=wire.non_negative_int, min_version="3.59"),
    )
    marker: str | None = attrs.field(
        default=None, metadata=wire.query("marker", min_version="3.59")
    )


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Transfer]:
    """List transfers with details: ``GET /volume-transfers/detail`` (200).

    Before 3.55 the path is ``/os-volume-transfer/detail``; paging needs 3.59.

    Raises:
        MicroversionError: paging or sorting with a client older than 3.59.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> for t in transfers.list(cinder.with_microversion("3.57")).items():  # doctest: +SKIP
        ...     print(t.id, t.volume_id, t.accepted)
    """
    url = wire.url(client, _base(client), "detail", query=opts, of=ListOpts)
    return Pager(client, url, TransferPage)


def list_simple(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Transfer]:
    """List transfers (id, name, volume, links): ``GET /volume-transfers`` (200).

    Raises:
        MicroversionError: paging or sorting with a client older than 3.59.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> ids = [t.id for t in transfers.list_simple(cinder).items()]  # doctest: +SKIP
    """
    url = wire.url(client, _base(client), query=opts, of=ListOpts)
    return Pager(client, url, TransferPage)


def get(client: ServiceClient, transfer_id: str) -> GetResult:
    """Show a transfer: ``GET /volume-transfers/{transfer_id}`` (200).

    Example:
        >>> transfers.get(cinder, transfer_id).extract().volume_id  # doctest: +SKIP
    """
    url = client.service_url(_base(client), check_id("transfer_id", transfer_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


# -- create, accept, delete ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CreateOpts:
    """The volume to give away, and a name for the offer.

    ``no_snapshots`` (3.55) leaves the volume's snapshots behind.

    Example:
        >>> opts = CreateOpts(volume_id="c86b9af4", name="first volume")
        >>> wire.build_body(opts, "transfer", client=None)
        {'transfer': {'volume_id': 'c86b9af4', 'name': 'first volume'}}
    """

    volume_id: str | None = attrs.field(
        default=None, metadata=wire.body("volume_id", required=True)
    )
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    no_snapshots: bool | None = attrs.field(
        default=None, metadata=wire.body("no_snapshots", min_version="3.55")
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Offer a volume to another project: ``POST /volume-transfers`` (202).

    Before 3.55 the path is ``/os-volume-transfer``. The answer holds the ``auth_key``
    the other project needs; it is shown only here.

    Raises:
        MissingInputError: ``volume_id`` is missing.
        MicroversionError: ``no_snapshots`` with a client older than 3.55.
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> t = transfers.create(cinder, CreateOpts(volume_id=volume_id)).extract()  # doctest: +SKIP
        >>> send_privately(t.id, t.auth_key)  # doctest: +SKIP
    """  # noqa: E501
    body = wire.build_body(opts, "transfer", client=client, of=CreateOpts)
    url = client.service_url(_base(client))
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


def accept(client: ServiceClient, transfer_id: str, auth_key: str) -> AcceptResult:
    """Take a volume offered to this project: ``POST /volume-transfers/{id}/accept`` (202).

    ``auth_key`` is the secret create answered; it is sent in the body only and never
    appears in errors or logs.

    Raises:
        MissingInputError: ``auth_key`` is empty.

    Example:
        >>> transfers.accept(receiver, transfer_id, auth_key).extract().volume_id  # doctest: +SKIP
    """
    if not isinstance(auth_key, str) or not auth_key:
        raise MissingInputError("an auth_key is required to accept a transfer")
    url = client.service_url(_base(client), check_id("transfer_id", transfer_id), "accept")
    body = {"accept": {"auth_key": auth_key}}
    return client.call(AcceptResult, "POST", url, json=body, ok_codes=(202,))


def delete(client: ServiceClient, transfer_id: str) -> DeleteResult:
    """Withdraw a transfer: ``DELETE /volume-transfers/{transfer_id}`` (202).

    Example:
        >>> transfers.delete(cinder, transfer_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url(_base(client), check_id("transfer_id", transfer_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
    },
)
