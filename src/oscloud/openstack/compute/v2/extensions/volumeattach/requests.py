"""Operations on the volume attachments of a server: attach, list, show, swap, detach."""

from __future__ import annotations

import builtins
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.openstack.compute.v2._common import require_microversion
from oscloud.openstack.compute.v2.extensions.volumeattach import urls
from oscloud.openstack.compute.v2.extensions.volumeattach.results import (
    CreateResult,
    DeleteResult,
    GetResult,
    UpdateResult,
    VolumeAttachment,
    VolumeAttachmentPage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CreateOpts",
    "CreateOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "create",
    "delete",
    "get",
    "list",
    "update",
]


def _volume_id(value: Any) -> str:
    return check_id("volume_id", value)


def _non_negative(what: str) -> Any:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{what} must be an integer of at least 0, not {value!r}")
        return value

    return check


def _require_fields(client: ServiceClient, sent: dict[str, Any], versions: dict[str, str]) -> None:
    for name, version in versions.items():
        if name in sent:
            require_microversion(client, version, f"volume attachment {name!r} values")


class ListOptsBuilder(Protocol):
    """Anything that can build the query of a volume attachment listing.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(limit=10)
        >>> builder.to_volume_attachment_list_query()
        [('limit', '10')]
    """

    def to_volume_attachment_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /servers/{server_id}/os-volume_attachments``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Paging of a server's volume attachments: at most ``limit``, skipping ``offset``.

    Example:
        >>> ListOpts(limit=2, offset=4).to_volume_attachment_list_query()
        [('limit', '2'), ('offset', '4')]
    """

    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=_non_negative("limit"))
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=_non_negative("offset"))
    )

    def to_volume_attachment_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


def list(
    client: ServiceClient, server_id: str, opts: ListOptsBuilder | None = None
) -> Pager[VolumeAttachment]:
    """A server's volume attachments: ``GET /servers/{server_id}/os-volume_attachments`` (200).

    One page (``limit`` and ``offset`` choose a slice). Nothing is fetched until the
    pager is iterated.

    Example:
        >>> for attachment in volumeattach.list(compute, server_id).items():  # doctest: +SKIP
        ...     print(attachment.volume_id, attachment.device)
    """
    url = urls.attachments_url(client, check_id("server_id", server_id))
    if opts is not None:
        url = wire.with_query(url, opts.to_volume_attachment_list_query())
    return Pager(client, url, VolumeAttachmentPage)


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of an attach request.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(volume_id="a07f71dc")
        >>> builder.to_volume_attachment_create_map()
        {'volumeAttachment': {'volumeId': 'a07f71dc'}}
    """

    def to_volume_attachment_create_map(self) -> dict[str, Any]:
        """The body of ``POST /servers/{server_id}/os-volume_attachments``."""
        ...


@attrs.frozen(kw_only=True)
class CreateOpts:
    """The volume to attach, and how.

    ``device`` (``/dev/vdb``) is a hint most hypervisors ignore; leave it out to let Nova
    choose. ``tag`` needs microversion 2.49, ``delete_on_termination`` (delete the volume
    with the server) 2.79.

    Example:
        >>> CreateOpts(volume_id="a07f71dc-8151-4e7d-a0cc-cd24a3f11113", tag="foo",
        ...            delete_on_termination=True).to_volume_attachment_create_map()
        {'volumeAttachment': {'volumeId': 'a07f71dc-8151-4e7d-a0cc-cd24a3f11113', \
'tag': 'foo', 'delete_on_termination': True}}
    """

    volume_id: str = attrs.field(metadata=wire.body("volumeId", required=True, encode=_volume_id))
    device: str | None = attrs.field(default=None, metadata=wire.body("device"))
    tag: str | None = attrs.field(default=None, metadata=wire.body("tag"))
    delete_on_termination: bool | None = attrs.field(
        default=None, metadata=wire.body("delete_on_termination")
    )

    def to_volume_attachment_create_map(self) -> dict[str, Any]:
        """The body of ``POST /servers/{server_id}/os-volume_attachments``."""
        return wire.build_body(self, "volumeAttachment")


def create(client: ServiceClient, server_id: str, opts: CreateOptsBuilder) -> CreateResult:
    """Attach a volume to a server: ``POST /servers/{server_id}/os-volume_attachments``.

    Nova answers 200 with the attachment up to microversion 2.100, and 202 with no body
    from 2.101 (``extract()`` is then ``None``); both are success. The volume becomes
    ``in-use`` in the background.

    Raises:
        MicroversionError: ``tag`` with a client older than 2.49, or
            ``delete_on_termination`` with one older than 2.79 (before any request).

    Example:
        >>> attachment = volumeattach.create(compute, server_id,  # doctest: +SKIP
        ...     CreateOpts(volume_id=volume_id)).extract()
    """
    url = urls.attachments_url(client, check_id("server_id", server_id))
    body = opts.to_volume_attachment_create_map()
    _require_fields(
        client, body.get("volumeAttachment", {}), {"tag": "2.49", "delete_on_termination": "2.79"}
    )
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200, 202))


def get(client: ServiceClient, server_id: str, volume_id: str) -> GetResult:
    """Show one attachment: ``GET /servers/{server_id}/os-volume_attachments/{volume_id}``.

    Answers 200; 404 when the volume is not attached to the server.

    Example:
        >>> volumeattach.get(compute, server_id, volume_id).extract().device  # doctest: +SKIP
        '/dev/sdb'
    """
    url = urls.attachment_url(
        client, check_id("server_id", server_id), check_id("volume_id", volume_id)
    )
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of an attachment update.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(volume_id="a26887c6")
        >>> builder.to_volume_attachment_update_map()
        {'volumeAttachment': {'volumeId': 'a26887c6'}}
    """

    def to_volume_attachment_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /servers/{server_id}/os-volume_attachments/{volume_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A volume swap, or (2.85) a change of ``delete_on_termination``.

    ``volume_id`` is the volume to swap in (administrators; Cinder drives the data
    copy). From 2.85 it may be the attached volume itself, with ``delete_on_termination``
    to change that flag.

    Example:
        >>> UpdateOpts(volume_id="a26887c6-c47b-4654-abb5-dfadf7d3f805"
        ...            ).to_volume_attachment_update_map()
        {'volumeAttachment': {'volumeId': 'a26887c6-c47b-4654-abb5-dfadf7d3f805'}}
    """

    volume_id: str = attrs.field(metadata=wire.body("volumeId", required=True, encode=_volume_id))
    delete_on_termination: bool | None = attrs.field(
        default=None, metadata=wire.body("delete_on_termination")
    )

    def to_volume_attachment_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /servers/{server_id}/os-volume_attachments/{volume_id}``."""
        return wire.build_body(self, "volumeAttachment")


def update(
    client: ServiceClient, server_id: str, volume_id: str, opts: UpdateOptsBuilder
) -> UpdateResult:
    """Swap an attached volume for another (or change it, 2.85): ``PUT`` (202).

    ``PUT /servers/{server_id}/os-volume_attachments/{volume_id}``, where ``volume_id``
    is the attached volume.

    Raises:
        MicroversionError: ``delete_on_termination`` with a client older than 2.85.

    Example:
        >>> volumeattach.update(compute, server_id, old_volume_id,  # doctest: +SKIP
        ...     UpdateOpts(volume_id=new_volume_id)).extract_err()
    """
    url = urls.attachment_url(
        client, check_id("server_id", server_id), check_id("volume_id", volume_id)
    )
    body = opts.to_volume_attachment_update_map()
    _require_fields(client, body.get("volumeAttachment", {}), {"delete_on_termination": "2.85"})
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(202,))


def delete(client: ServiceClient, server_id: str, volume_id: str) -> DeleteResult:
    """Detach a volume: ``DELETE /servers/{server_id}/os-volume_attachments/{volume_id}``.

    Answers 202; the volume becomes ``available`` in the background.

    Example:
        >>> volumeattach.delete(compute, server_id, volume_id).extract_err()  # doctest: +SKIP
    """
    url = urls.attachment_url(
        client, check_id("server_id", server_id), check_id("volume_id", volume_id)
    )
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))
