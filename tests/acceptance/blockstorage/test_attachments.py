"""Block storage v3 attachments (3.27+) against a real Cinder, alone and with a Nova server.

Cinder refuses a member's attachment delete when the attachment names a server and has
a connection, unless Nova confirms the volume is gone from it; the tests that drive the
whole reserve → connect → complete → delete flow through Cinder alone therefore use an
attachment without a server, and the server flow goes through Nova.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from oscloud import errors
from oscloud.openstack.blockstorage.v3 import attachments, volumes
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.compute.v2.extensions import volumeattach
from oscloud.service import ServiceClient
from tests.acceptance.blockstorage.conftest import POLL, WAIT, Cleanup, delete_server, poll
from tests.acceptance.conftest import unique_name

MakeVolume = Callable[..., volumes.Volume]

#: The connection properties of a made-up host; the fake driver accepts any.
CONNECTOR: dict[str, Any] = {
    "host": "oscloud-acc-host",
    "initiator": "iqn.1993-08.org.debian:01:oscloudacc",
    "ip": "127.0.0.1",
    "platform": "x86_64",
    "os_type": "linux",
    "multipath": False,
    "mountpoint": "/dev/vdb",
}


def _volume_status(cinder: ServiceClient, volume_id: str, status: str) -> volumes.Volume:
    return volumes.wait_for_status(cinder, volume_id, status, timeout=WAIT, interval=POLL)


def test_reserve_without_connection_then_delete(
    cinder: ServiceClient, make_volume: MakeVolume
) -> None:
    volume = make_volume()
    client = cinder.with_microversion("3.54")
    server_id = str(uuid.uuid4())  # any consumer id: Nova is not asked about a reservation

    made = attachments.create(
        client,
        attachments.CreateOpts(volume_id=volume.id, instance_uuid=server_id, mode="ro"),
    ).extract()

    assert made.volume_id == volume.id and made.instance == server_id
    assert made.status == "reserved" and made.attach_mode == "ro"
    assert not made.connection_info  # nothing to connect to yet
    assert _volume_status(cinder, volume.id, "reserved").status == "reserved"
    shown = attachments.get(client, made.id).extract()
    by_volume = [
        a.id for a in attachments.list(client, attachments.ListOpts(volume_id=volume.id)).items()
    ]
    by_server = [
        a.id
        for a in attachments.list_simple(
            client, attachments.ListOpts(instance_id=server_id)
        ).items()
    ]
    assert (shown.id, shown.status, shown.instance) == (made.id, "reserved", server_id)
    assert by_volume == by_server == [made.id]

    attachments.delete(client, made.id).extract_err()

    assert _volume_status(cinder, volume.id, "available").attachments == ()
    assert isinstance(attachments.get(client, made.id).err, errors.NotFoundError)


def _reserve_without_server(client: ServiceClient, volume_id: str) -> str:
    """``POST /attachments`` with only the volume: a consumer outside Nova."""
    made = attachments.create(client, attachments.CreateOpts(volume_id=volume_id)).extract()
    return made.id


def test_connect_complete_and_delete(cinder: ServiceClient, make_volume: MakeVolume) -> None:
    volume = make_volume()
    client = cinder.with_microversion("3.44")
    attachment_id = _reserve_without_server(client, volume.id)

    connected = attachments.update(
        client, attachment_id, attachments.UpdateOpts(connector=CONNECTOR)
    ).extract()

    assert connected.id == attachment_id
    assert connected.status in ("reserved", "attaching")  # attached only when completed
    assert connected.connection_info is not None
    assert connected.connection_info.get("driver_volume_type")
    assert "connection_info" not in repr(connected)

    attachments.complete(client, attachment_id).extract_err()

    in_use = _volume_status(cinder, volume.id, "in-use")
    done = attachments.get(client, attachment_id).extract()
    assert done.status == "attached"
    assert done.attached_at is not None and done.attached_at.utcoffset() is not None
    assert [a.attachment_id for a in in_use.attachments] == [attachment_id]
    assert in_use.attachments[0].attached_at is not None

    attachments.delete(client, attachment_id).extract_err()

    assert _volume_status(cinder, volume.id, "available").attachments == ()


def test_attachments_need_microversion_3_27(cinder: ServiceClient) -> None:
    with pytest.raises(errors.MicroversionError):
        attachments.list(cinder)
    with pytest.raises(errors.MicroversionError):
        attachments.complete(cinder.with_microversion("3.27"), str(uuid.uuid4()))


def test_sdk_reserves_without_a_server(
    cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup
) -> None:
    volume = make_volume()
    client = cinder.with_microversion("3.27")

    made = attachments.create(client, attachments.CreateOpts(volume_id=volume.id)).extract()
    cleanup.first("attachment", lambda: attachments.delete(client, made.id).extract_err())

    assert made.instance is None and made.status == "reserved"


def test_attach_through_nova_shows_in_the_attachments_api(
    cinder: ServiceClient,
    compute: ServiceClient,
    make_volume: MakeVolume,
    cleanup: Cleanup,
    image_id: str,
    tiny_flavor_id: str,
) -> None:
    volume = make_volume()
    server = servers.create(
        compute,
        servers.CreateOpts(
            name=unique_name("server"),
            image_ref=image_id,
            flavor_ref=tiny_flavor_id,
            networks="none",
        ),
    ).extract()
    cleanup.first(f"server {server.id}", lambda: delete_server(compute, server.id))
    servers.wait_for_status(compute, server.id, "ACTIVE", timeout=WAIT, interval=POLL)
    client = cinder.with_microversion("3.27")

    nova_view = volumeattach.create(
        compute, server.id, volumeattach.CreateOpts(volume_id=volume.id)
    ).extract()
    in_use = _volume_status(cinder, volume.id, "in-use")

    assert nova_view is not None and nova_view.volume_id == volume.id
    assert [a.server_id for a in in_use.attachments] == [server.id]
    listed = list(attachments.list(client, attachments.ListOpts(volume_id=volume.id)).items())
    assert [(a.instance, a.status) for a in listed] == [(server.id, "attached")]
    shown = attachments.get(client, listed[0].id).extract()
    assert shown.volume_id == volume.id and shown.attach_mode == "rw"
    assert shown.id == in_use.attachments[0].attachment_id

    volumeattach.delete(compute, server.id, volume.id).extract_err()

    available = _volume_status(cinder, volume.id, "available")
    assert available.attachments == ()
    poll(
        lambda: list(attachments.list(client, attachments.ListOpts(volume_id=volume.id)).items()),
        lambda found: found == [],
        what=f"attachments of volume {volume.id}",
    )
