"""Operations on block storage v3 attachments (microversion 3.27; ``complete`` 3.44)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import sort_param
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
    "API_MICROVERSION",
    "COMPLETE_MICROVERSION",
    "AttachMode",
    "CreateOpts",
    "ListOpts",
    "UpdateOpts",
    "complete",
    "create",
    "delete",
    "get",
    "list",
    "list_simple",
    "update",
]

#: The microversion that brings the attachments API.
API_MICROVERSION = "3.27"

#: The microversion that brings ``os-complete``.
COMPLETE_MICROVERSION = "3.44"

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


# -- listing ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of an attachment listing.

    ``instance_id`` is the server's id; ``all_tenants`` (administrators) lists every
    project's attachments. The whole API needs microversion 3.27; no filter needs more.

    Example:
        >>> ListOpts(volume_id="v1", instance_id="s1", status="attached", limit=10)
        ListOpts(all_tenants=None, volume_id='v1', instance_id='s1', status='attached', \
attach_status=None, sort=None, limit=10, offset=None, marker=None)
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    instance_id: str | None = attrs.field(default=None, metadata=wire.query("instance_id"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    attach_status: str | None = attrs.field(default=None, metadata=wire.query("attach_status"))
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=wire.non_negative_int)
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Attachment]:
    """List attachments with details: ``GET /attachments/detail`` (200; 3.27).

    Raises:
        MicroversionError: the client sends a microversion older than 3.27.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> for a in attachments.list(cinder.with_microversion("3.27"),  # doctest: +SKIP
        ...                           ListOpts(volume_id=volume_id)).items():
        ...     print(a.id, a.status, a.instance)
    """
    url = wire.url(client, "attachments", "detail", query=opts, of=ListOpts)
    client.require_microversion(API_MICROVERSION, _FEATURE)
    return Pager(client, url, AttachmentPage)


def list_simple(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Attachment]:
    """List attachments (id, volume, server, status): ``GET /attachments`` (200; 3.27).

    Raises:
        MicroversionError: the client sends a microversion older than 3.27.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> ids = [a.id for a in attachments.list_simple(cinder).items()]  # doctest: +SKIP
    """
    url = wire.url(client, "attachments", query=opts, of=ListOpts)
    client.require_microversion(API_MICROVERSION, _FEATURE)
    return Pager(client, url, AttachmentPage)


def get(client: ServiceClient, attachment_id: str) -> GetResult:
    """Show an attachment: ``GET /attachments/{attachment_id}`` (200; 3.27).

    Example:
        >>> attachments.get(cinder, attachment_id).extract().status  # doctest: +SKIP
        'attached'
    """
    url = client.service_url("attachments", check_id("attachment_id", attachment_id))
    client.require_microversion(API_MICROVERSION, _FEATURE)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


# -- create, update, complete, delete --------------------------------------------------


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new attachment of a volume to a server.

    ``instance_uuid`` names the server it is for; Cinder does not require one (a host
    outside Nova attaches without). Without a ``connector`` the attachment only reserves
    the volume (status ``reserved``); with one, Cinder also exports the volume and
    answers with the ``connection_info``. ``mode`` (``rw`` or ``ro``) needs microversion
    3.54. ``volume_id`` is sent as ``volume_uuid``.

    Example:
        >>> opts = CreateOpts(volume_id="462dcc2d", instance_uuid="31c79baf",
        ...     connector={"host": "tempest-1", "mountpoint": "/dev/vdb"},
        ...     mode=AttachMode.READ_ONLY)
        >>> wire.build_body(opts, "attachment", client=None)
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
        default=None, metadata=wire.body("mode", encode=_mode, min_version="3.54")
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Attach (or reserve) a volume: ``POST /attachments`` (3.27).

    The API reference documents 202; Cinder answers 200. Both are taken.

    Raises:
        MissingInputError: ``volume_id`` is missing, or ``connector`` is empty.
        ValueError: ``mode`` is neither ``rw`` nor ``ro``.
        MicroversionError: the client sends a microversion older than 3.27, or ``mode``
            with one older than 3.54 (before any request).
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> a = attachments.create(cinder.with_microversion("3.54"), CreateOpts(
        ...     volume_id=volume_id, instance_uuid=server_id, connector=connector,
        ...     mode="rw")).extract()  # doctest: +SKIP
        >>> attachments.complete(cinder.with_microversion("3.54"), a.id).extract_err()  # doctest: +SKIP
    """  # noqa: E501
    body = wire.build_body(opts, "attachment", client=client, of=CreateOpts)
    client.require_microversion(API_MICROVERSION, _FEATURE)
    url = client.service_url("attachments")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200, 202))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """The host's connector, given to a reserved attachment.

    Example:
        >>> opts = UpdateOpts(connector={"initiator": "iqn.1993-08.org.debian:01:cad181614cec",
        ...     "host": "tempest-1"})
        >>> wire.build_body(opts, "attachment", client=None)
        {'attachment': {'connector': {'initiator': 'iqn.1993-08.org.debian:01:cad181614cec', \
'host': 'tempest-1'}}}
    """

    connector: Mapping[str, Any] | None = attrs.field(
        default=None, metadata=wire.body("connector", required=True, encode=_connector)
    )


def update(client: ServiceClient, attachment_id: str, opts: UpdateOpts) -> UpdateResult:
    """Give a reserved attachment its connector: ``PUT /attachments/{attachment_id}`` (200).

    Answers with the attachment and its ``connection_info``. Microversion 3.27.

    Raises:
        MissingInputError: ``connector`` is missing or empty.
        MicroversionError: the client sends a microversion older than 3.27.
        TypeError: ``opts`` is not an :class:`UpdateOpts`.

    Example:
        >>> info = attachments.update(cinder, attachment_id, UpdateOpts(connector=connector)
        ...                           ).extract().connection_info  # doctest: +SKIP
    """
    url = client.service_url("attachments", check_id("attachment_id", attachment_id))
    body = wire.build_body(opts, "attachment", client=client, of=UpdateOpts)
    client.require_microversion(API_MICROVERSION, _FEATURE)
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
    attachment = check_id("attachment_id", attachment_id)
    url = client.service_url("attachments", attachment, "action")
    client.require_microversion(COMPLETE_MICROVERSION, "attachment completion")
    return client.call(ActionResult, "POST", url, json={"os-complete": {}}, ok_codes=(202, 204))


def delete(client: ServiceClient, attachment_id: str) -> DeleteResult:
    """Detach: ``DELETE /attachments/{attachment_id}`` (200; 3.27).

    Answers with the attachments still sharing the connection
    (:meth:`~oscloud.openstack.blockstorage.v3.attachments.DeleteResult.extract_attachments`).

    Raises:
        MicroversionError: the client sends a microversion older than 3.27.

    Example:
        >>> attachments.delete(cinder, attachment_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("attachments", check_id("attachment_id", attachment_id))
    client.require_microversion(API_MICROVERSION, _FEATURE)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(200,))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
