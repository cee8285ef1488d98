"""Operations on block storage v3 attachments (microversion 3.27; ``complete`` 3.44)."""

from __future__ import annotations

import builtins
import enum
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import (
    require_microversion,
    require_microversions,
    sort_param,
)
from oscloud.openstack.blockstorage.v3.attachments import urls
from oscloud.openstack.blockstorage.v3.attachments.results import (
    ActionResult,
    Attachment,
    AttachmentPage,
    CreateResult,
    DeleteResult,
    GetResult,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "AttachMode",
    "CreateOpts",
    "CreateOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "complete",
    "create",
    "delete",
    "get",
    "list",
    "list_simple",
    "update",
]

_FEATURE = "attachments"


class AttachMode(str, enum.Enum):
    """How a volume is attached: read-write or read-only.

    Example:
        >>> AttachMode("rw") is AttachMode.READ_WRITE
        True
    """

    READ_WRITE = "rw"
    READ_ONLY = "ro"


def _mode(value: AttachMode | str) -> str:
    return AttachMode(value).value


def _connector(value: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(value, Mapping) or not value:
        raise MissingInputError("a connector (the host's connection properties) must not be empty")
    return dict(value)


class ListOptsBuilder(Protocol):
    """Anything that can build the query of an attachment listing.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(volume_id="v1")
        >>> builder.to_attachment_list_query()
        [('volume_id', 'v1')]
    """

    def to_attachment_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /attachments[/detail]``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of an attachment listing.

    ``instance_id`` is the server's id; ``all_tenants`` (administrators) lists every
    project's attachments.

    Example:
        >>> ListOpts(volume_id="v1", instance_id="s1", status="attached",
        ...          limit=10).to_attachment_list_query()
        [('volume_id', 'v1'), ('instance_id', 's1'), ('status', 'attached'), ('limit', '10')]
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    instance_id: str | None = attrs.field(default=None, metadata=wire.query("instance_id"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    attach_status: str | None = attrs.field(default=None, metadata=wire.query("attach_status"))
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))
    offset: int | None = attrs.field(default=None, metadata=wire.query("offset"))
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))

    def to_attachment_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


def _listing(client: ServiceClient, url: str, opts: ListOptsBuilder | None) -> Pager[Attachment]:
    require_microversion(client, "3.27", _FEATURE)
    if opts is not None:
        url = wire.with_query(url, opts.to_attachment_list_query())
    return Pager(client, url, AttachmentPage)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Attachment]:
    """List attachments with details: ``GET /attachments/detail`` (200; 3.27).

    Raises:
        MicroversionError: the client sends a microversion older than 3.27.

    Example:
        >>> for a in attachments.list(cinder.with_microversion("3.27"),  # doctest: +SKIP
        ...                           ListOpts(volume_id=volume_id)).items():
        ...     print(a.id, a.status, a.instance)
    """
    return _listing(client, urls.detail_url(client), opts)


def list_simple(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Attachment]:
    """List attachments (id, volume, server, status): ``GET /attachments`` (200; 3.27).

    Example:
        >>> ids = [a.id for a in attachments.list_simple(cinder).items()]  # doctest: +SKIP
    """
    return _listing(client, urls.attachments_url(client), opts)


def get(client: ServiceClient, attachment_id: str) -> GetResult:
    """Show an attachment: ``GET /attachments/{attachment_id}`` (200; 3.27).

    Example:
        >>> attachments.get(cinder, attachment_id).extract().status  # doctest: +SKIP
        'attached'
    """
    url = urls.attachment_url(client, check_id("attachment_id", attachment_id))
    require_microversion(client, "3.27", _FEATURE)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of ``POST /attachments``.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(volume_id="v1", instance_uuid="s1")
        >>> builder.to_attachment_create_map()
        {'attachment': {'volume_uuid': 'v1', 'instance_uuid': 's1'}}
    """

    def to_attachment_create_map(self) -> dict[str, Any]:
        """The body of ``POST /attachments``."""
        ...


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new attachment of a volume to a server.

    ``instance_uuid`` names the server it is for; Cinder does not require one (a host
    outside Nova attaches without). Without a ``connector`` the attachment only reserves the
    volume (status
    ``reserved``); with one, Cinder also exports the volume and answers with the
    ``connection_info``. ``mode`` (``rw`` or ``ro``) needs microversion 3.54.

    Example:
        >>> CreateOpts(volume_id="462dcc2d", instance_uuid="31c79baf",
        ...     connector={"host": "tempest-1", "mountpoint": "/dev/vdb"},
        ...     mode=AttachMode.READ_ONLY).to_attachment_create_map()
        {'attachment': {'volume_uuid': '462dcc2d', 'instance_uuid': '31c79baf', \
'connector': {'host': 'tempest-1', 'mountpoint': '/dev/vdb'}, 'mode': 'ro'}}
    """

    volume_id: str | None = attrs.field(
        default=None, metadata=wire.body("volume_uuid", required=True)
    )
    instance_uuid: str | None = attrs.field(default=None, metadata=wire.body("instance_uuid"))
    connector: Mapping[str, Any] | None = attrs.field(
        default=None, metadata=wire.body("connector", encode=_connector)
    )
    mode: AttachMode | str | None = attrs.field(
        default=None, metadata=wire.body("mode", encode=_mode)
    )

    def to_attachment_create_map(self) -> dict[str, Any]:
        """The body of ``POST /attachments``.

        Raises:
            MissingInputError: ``volume_id`` is missing.
            ValueError: ``mode`` is neither ``rw`` nor ``ro``.
        """
        return wire.build_body(self, "attachment")


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Attach (or reserve) a volume: ``POST /attachments`` (3.27).

    The API reference documents 202; Cinder answers 200. Both are taken.

    Raises:
        MicroversionError: the client sends a microversion older than 3.27, or ``mode``
            with one older than 3.54 (before any request).

    Example:
        >>> a = attachments.create(cinder.with_microversion("3.54"), CreateOpts(
        ...     volume_id=volume_id, instance_uuid=server_id, connector=connector,
        ...     mode="rw")).extract()  # doctest: +SKIP
        >>> attachments.complete(cinder.with_microversion("3.54"), a.id).extract_err()  # doctest: +SKIP
    """  # noqa: E501
    body = opts.to_attachment_create_map()
    require_microversion(client, "3.27", _FEATURE)
    members = body.get("attachment") or {}
    require_microversions(client, members, {"mode": "3.54"}, "the attachment body")
    url = urls.attachments_url(client)
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200, 202))


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of ``PUT /attachments/{attachment_id}``.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(connector={"host": "h"})
        >>> builder.to_attachment_update_map()
        {'attachment': {'connector': {'host': 'h'}}}
    """

    def to_attachment_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /attachments/{attachment_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """The host's connector, given to a reserved attachment.

    Example:
        >>> UpdateOpts(connector={"initiator": "iqn.1993-08.org.debian:01:cad181614cec",
        ...     "host": "tempest-1"}).to_attachment_update_map()
        {'attachment': {'connector': {'initiator': 'iqn.1993-08.org.debian:01:cad181614cec', \
'host': 'tempest-1'}}}
    """

    connector: Mapping[str, Any] | None = attrs.field(
        default=None, metadata=wire.body("connector", required=True, encode=_connector)
    )

    def to_attachment_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /attachments/{attachment_id}``.

        Raises:
            MissingInputError: ``connector`` is missing or empty.
        """
        return wire.build_body(self, "attachment")


def update(client: ServiceClient, attachment_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Give a reserved attachment its connector: ``PUT /attachments/{attachment_id}`` (200).

    Answers with the attachment and its ``connection_info``. Microversion 3.27.

    Example:
        >>> info = attachments.update(cinder, attachment_id, UpdateOpts(connector=connector)
        ...                           ).extract().connection_info  # doctest: +SKIP
    """
    url = urls.attachment_url(client, check_id("attachment_id", attachment_id))
    body = opts.to_attachment_update_map()
    require_microversion(client, "3.27", _FEATURE)
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def complete(client: ServiceClient, attachment_id: str) -> ActionResult:
    """Mark an attachment done (the volume goes ``in-use``): ``os-complete`` (3.44).

    The API reference documents 202; Cinder answers 204. Both are taken.

    Raises:
        MicroversionError: the client sends a microversion older than 3.44.

    Example:
        >>> attachments.complete(cinder.with_microversion("3.44"), attachment_id
        ...                      ).extract_err()  # doctest: +SKIP
    """
    url = urls.action_url(client, check_id("attachment_id", attachment_id))
    require_microversion(client, "3.44", "attachment completion")
    return client.call(ActionResult, "POST", url, json={"os-complete": {}}, ok_codes=(202, 204))


def delete(client: ServiceClient, attachment_id: str) -> DeleteResult:
    """Detach: ``DELETE /attachments/{attachment_id}`` (200; 3.27).

    Answers with the attachments still sharing the connection
    (:meth:`~oscloud.openstack.blockstorage.v3.attachments.DeleteResult.extract_attachments`).

    Example:
        >>> attachments.delete(cinder, attachment_id).extract_err()  # doctest: +SKIP
    """
    url = urls.attachment_url(client, check_id("attachment_id", attachment_id))
    require_microversion(client, "3.27", _FEATURE)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(200,))
