"""Operations on block storage v3 volume transfers.

Microversion 3.55 moves them from ``/os-volume-transfer`` to ``/volume-transfers`` and
adds ``no_snapshots``; the operations use the path that fits the client.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import require_microversions, sort_param
from oscloud.openstack.blockstorage.v3.transfers import urls
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
    "CreateOpts",
    "CreateOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "accept",
    "create",
    "delete",
    "get",
    "list",
    "list_simple",
]


class ListOptsBuilder(Protocol):
    """Anything that can build the query of a transfer listing.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(limit=1)
        >>> builder.to_transfer_list_query()
        [('limit', '1')]
    """

    def to_transfer_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of a transfer listing."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a transfer listing (paging from 3.59).

    Example:
        >>> ListOpts(all_tenants=True, volume_id="v1", sort="created_at:desc"
        ...          ).to_transfer_list_query()
        [('all_tenants', 'true'), ('volume_id', 'v1'), ('sort', 'created_at:desc')]
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))
    offset: int | None = attrs.field(default=None, metadata=wire.query("offset"))
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))

    def to_transfer_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


_PAGING = {"sort": "3.59", "limit": "3.59", "offset": "3.59", "marker": "3.59"}


def _listing(client: ServiceClient, url: str, opts: ListOptsBuilder | None) -> Pager[Transfer]:
    if opts is not None:
        query = opts.to_transfer_list_query()
        require_microversions(client, (k for k, _ in query), _PAGING, "a transfer listing")
        url = wire.with_query(url, query)
    return Pager(client, url, TransferPage)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Transfer]:
    """List transfers with details: ``GET /volume-transfers/detail`` (200).

    Before 3.55 the path is ``/os-volume-transfer/detail``; paging needs 3.59.

    Raises:
        MicroversionError: paging or sorting with a client older than 3.59.

    Example:
        >>> for t in transfers.list(cinder.with_microversion("3.57")).items():  # doctest: +SKIP
        ...     print(t.id, t.volume_id, t.accepted)
    """
    return _listing(client, urls.detail_url(client), opts)


def list_simple(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Transfer]:
    """List transfers (id, name, volume, links): ``GET /volume-transfers`` (200).

    Example:
        >>> ids = [t.id for t in transfers.list_simple(cinder).items()]  # doctest: +SKIP
    """
    return _listing(client, urls.transfers_url(client), opts)


def get(client: ServiceClient, transfer_id: str) -> GetResult:
    """Show a transfer: ``GET /volume-transfers/{transfer_id}`` (200).

    Example:
        >>> transfers.get(cinder, transfer_id).extract().volume_id  # doctest: +SKIP
    """
    url = urls.transfer_url(client, check_id("transfer_id", transfer_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of a transfer's creation.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(volume_id="v1")
        >>> builder.to_transfer_create_map()
        {'transfer': {'volume_id': 'v1'}}
    """

    def to_transfer_create_map(self) -> dict[str, Any]:
        """The body of ``POST /volume-transfers``."""
        ...


@attrs.frozen(kw_only=True)
class CreateOpts:
    """The volume to give away, and a name for the offer.

    ``no_snapshots`` (3.55) leaves the volume's snapshots behind.

    Example:
        >>> CreateOpts(volume_id="c86b9af4", name="first volume").to_transfer_create_map()
        {'transfer': {'volume_id': 'c86b9af4', 'name': 'first volume'}}
    """

    volume_id: str | None = attrs.field(
        default=None, metadata=wire.body("volume_id", required=True)
    )
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    no_snapshots: bool | None = attrs.field(default=None, metadata=wire.body("no_snapshots"))

    def to_transfer_create_map(self) -> dict[str, Any]:
        """The body of the transfer's creation.

        Raises:
            MissingInputError: ``volume_id`` is missing.
        """
        return wire.build_body(self, "transfer")


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Offer a volume to another project: ``POST /volume-transfers`` (202).

    The answer holds the ``auth_key`` the other project needs; it is shown only here.

    Raises:
        MicroversionError: ``no_snapshots`` with a client older than 3.55.

    Example:
        >>> t = transfers.create(cinder, CreateOpts(volume_id=volume_id)).extract()  # doctest: +SKIP
        >>> send_privately(t.id, t.auth_key)  # doctest: +SKIP
    """  # noqa: E501
    body = opts.to_transfer_create_map()
    members = body.get("transfer") or {}
    require_microversions(client, members, {"no_snapshots": "3.55"}, "the transfer body")
    url = urls.transfers_url(client)
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


def accept(client: ServiceClient, transfer_id: str, auth_key: str) -> AcceptResult:
    """Take a volume offered to this project: ``POST /volume-transfers/{id}/accept`` (202).

    ``auth_key`` is the secret create answered; it is sent in the body only and never
    appears in errors or logs.

    Example:
        >>> transfers.accept(receiver, transfer_id, auth_key).extract().volume_id  # doctest: +SKIP
    """
    if not isinstance(auth_key, str) or not auth_key:
        raise MissingInputError("an auth_key is required to accept a transfer")
    url = urls.accept_url(client, check_id("transfer_id", transfer_id))
    body = {"accept": {"auth_key": auth_key}}
    return client.call(AcceptResult, "POST", url, json=body, ok_codes=(202,))


def delete(client: ServiceClient, transfer_id: str) -> DeleteResult:
    """Withdraw a transfer: ``DELETE /volume-transfers/{transfer_id}`` (202).

    Example:
        >>> transfers.delete(cinder, transfer_id).extract_err()  # doctest: +SKIP
    """
    url = urls.transfer_url(client, check_id("transfer_id", transfer_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))
