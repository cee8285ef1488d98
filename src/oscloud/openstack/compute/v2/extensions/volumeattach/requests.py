"""Operations on the volume attachments of a server: attach, list, show, swap, detach."""

from __future__ import annotations

from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
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
    "ListOpts",
    "UpdateOpts",
    "create",
    "delete",
    "get",
    "list",
    "update",
]


def _volume_id(value: Any) -> str:
    return check_id("volume_id", value)


def _attachment_url(client: ServiceClient, server_id: str, volume_id: str) -> str:
    """``/servers/{server_id}/os-volume_attachments/{volume_id}``, both ids checked."""
    server = check_id("server_id", server_id)
    volume = check_id("volume_id", volume_id)
    return client.service_url("servers", server, "os-volume_attachments", volume)


@attrs.frozen(kw_only=True)
class ListOpts:
    """Paging of a server's volume attachments: at most ``limit``, skipping ``offset``.

    Example:
        >>> wire.build_query(ListOpts(limit=2, offset=4), client=None)
        [('limit', '2'), ('offset', '4')]
    """

    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=wire.non_negative_int)
    )


def list(
    client: ServiceClient, server_id: str, opts: ListOpts | None = None
) -> Pager[VolumeAttachment]:
    """A server's volume attachments: ``GET /servers/{server_id}/os-volume_attachments`` (200).

    One page (``limit`` and ``offset`` choose a slice). Nothing is fetched until the
    pager is iterated.

    Example:
        >>> for attachment in volumeattach.list(compute, server_id).items():  # doctest: +SKIP
        ...     print(attachment.volume_id, attachment.device)
    """
    server = check_id("server_id", server_id)
    url = wire.url(client, "servers", server, "os-volume_attachments", query=opts, of=ListOpts)
    return Pager(client, url, VolumeAttachmentPage)


@attrs.frozen(kw_only=True)
class CreateOpts:
    """The volume to attach, and how.

    ``device`` (``/dev/vdb``) is a hint most hypervisors ignore; leave it out to let Nova
    choose. ``tag`` needs microversion 2.49, ``delete_on_termination`` (delete the volume
    with the server) 2.79.

    Example:
        >>> opts = CreateOpts(volume_id="a07f71dc-8151-4e7d-a0cc-cd24a3f11113", tag="foo",
        ...                   delete_on_termination=True)
        >>> wire.build_body(opts, "volumeAttachment", client=None)
        {'volumeAttachment': {'volumeId': 'a07f71dc-8151-4e7d-a0cc-cd24a3f11113', \
'tag': 'foo', 'delete_on_termination': True}}
    """

    volume_id: str = attrs.field(metadata=wire.body("volumeId", required=True, encode=_volume_id))
    device: str | None = attrs.field(default=None, metadata=wire.body("device"))
    tag: str | None = attrs.field(default=None, metadata=wire.body("tag", min_version="2.49"))
    delete_on_termination: bool | None = attrs.field(
        default=None, metadata=wire.body("delete_on_termination", min_version="2.79")
    )


def create(client: ServiceClient, server_id: str, opts: CreateOpts) -> CreateResult:
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
    url = client.service_url("servers", check_id("server_id", server_id), "os-volume_attachments")
    body = wire.build_body(opts, "volumeAttachment", client=client, of=CreateOpts)
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200, 202))


def get(client: ServiceClient, server_id: str, volume_id: str) -> GetResult:
    """Show one attachment: ``GET /servers/{server_id}/os-volume_attachments/{volume_id}``.

    Answers 200; 404 when the volume is not attached to the server.

    Example:
        >>> volumeattach.get(compute, server_id, volume_id).extract().device  # doctest: +SKIP
        '/dev/sdb'
    """
    url = _attachment_url(client, server_id, volume_id)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A volume swap, or (2.85) a change of ``delete_on_termination``.

    ``volume_id`` is the volume to swap in (administrators; Cinder drives the data
    copy). From 2.85 it may be the attached volume itself, with ``delete_on_termination``
    to change that flag.

    Example:
        >>> opts = UpdateOpts(volume_id="a26887c6-c47b-4654-abb5-dfadf7d3f805")
        >>> wire.build_body(opts, "volumeAttachment", client=None)
        {'volumeAttachment': {'volumeId': 'a26887c6-c47b-4654-abb5-dfadf7d3f805'}}
    """

    volume_id: str = attrs.field(metadata=wire.body("volumeId", required=True, encode=_volume_id))
    delete_on_termination: bool | None = attrs.field(
        default=None, metadata=wire.body("delete_on_termination", min_version="2.85")
    )


def update(client: ServiceClient, server_id: str, volume_id: str, opts: UpdateOpts) -> UpdateResult:
    """Swap an attached volume for another (or change it, 2.85): ``PUT`` (202).

    ``PUT /servers/{server_id}/os-volume_attachments/{volume_id}``, where ``volume_id``
    is the attached volume.

    Raises:
        MicroversionError: ``delete_on_termination`` with a client older than 2.85.

    Example:
        >>> volumeattach.update(compute, server_id, old_volume_id,  # doctest: +SKIP
        ...     UpdateOpts(volume_id=new_volume_id)).extract_err()
    """
    url = _attachment_url(client, server_id, volume_id)
    body = wire.build_body(opts, "volumeAttachment", client=client, of=UpdateOpts)
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(202,))


def delete(client: ServiceClient, server_id: str, volume_id: str) -> DeleteResult:
    """Detach a volume: ``DELETE /servers/{server_id}/os-volume_attachments/{volume_id}``.

    Answers 202; the volume becomes ``available`` in the background.

    Example:
        >>> volumeattach.delete(compute, server_id, volume_id).extract_err()  # doctest: +SKIP
    """
    url = _attachment_url(client, server_id, volume_id)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
