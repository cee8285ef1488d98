"""A tour of oscloud against a real cloud: a server, a volume, objects, paging, clean-up.

Run it against the local cloud that ``tools/localcloud/localcloud.py up`` starts::

    export OS_CLIENT_CONFIG_FILE=.localcloud/clouds.yaml OS_CLOUD=oscloud-member
    python examples/tour.py

It reads the cloud from clouds.yaml (``OS_CLOUD``), or from ``OS_*`` variables when
``OS_CLOUD`` is not set. ``TOUR_IMAGE`` and ``TOUR_FLAVOR`` name the image and flavor to
boot (default ``cirros-tiny`` and ``m1.tiny``). Everything it creates is deleted at the end,
even when a step fails.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator

import oscloud
from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import volumes
from oscloud.openstack.compute.v2 import flavors, servers
from oscloud.openstack.compute.v2.extensions import volumeattach
from oscloud.openstack.objectstorage.v1 import containers, objects

OBJECT_SIZE = 8 * 1024 * 1024


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def progress_bar(label: str) -> Callable[[int, int | None], None]:
    """A progress callback: a redrawn bar on a terminal, a line per quarter elsewhere."""
    interactive = sys.stdout.isatty()
    step = 2 if interactive else 25
    shown = [-step]

    def show(done: int, total: int | None) -> None:
        percent = 100 * done // total if total else 0
        if percent - shown[0] < step and done != total:
            return
        shown[0] = percent
        filled = 30 * percent // 100
        bar = f"  {label} [{'#' * filled}{'-' * (30 - filled)}] {percent:3d}%"
        if interactive:
            print(f"\r{bar}", end="\n" if done == total else "", flush=True)
        else:
            print(bar, flush=True)

    return show


def connect() -> tuple[oscloud.ProviderClient, oscloud.EndpointOpts]:
    if os.environ.get("OS_CLOUD"):
        cloud = openstack.load_cloud()
        say(f"authenticating as cloud {cloud.name!r} from {cloud.source}")
        provider = openstack.authenticated_client(cloud.auth_options, **cloud.provider_options())
        return provider, cloud.endpoint_opts()
    say("authenticating from the OS_* environment variables")
    provider = openstack.authenticated_client(openstack.auth_options_from_env())
    return provider, openstack.endpoint_opts_from_env()


def image_id(provider: oscloud.ProviderClient, eo: oscloud.EndpointOpts, name: str) -> str:
    """Look an image up in Glance with the generic service client (oscloud has no image
    package yet): any API can be reached this way, with the same token and retries."""
    image = oscloud.ServiceClient(
        provider=provider,
        endpoint=provider.locate(
            oscloud.EndpointOpts(type="image", region=eo.region, availability=eo.availability)
        ),
        type="image",
    )
    found = image.get(image.service_url("v2", "images"), params={"name": name}).json()
    if not found["images"]:
        raise SystemExit(f"no image named {name!r}")
    return str(found["images"][0]["id"])


def data_chunks(size: int, chunk: int = 1024 * 1024) -> Iterator[bytes]:
    """Bytes made on the fly: the upload streams them without holding them all."""
    for offset in range(0, size, chunk):
        yield bytes([offset // chunk % 251]) * min(chunk, size - offset)


def delete_server(compute: oscloud.ServiceClient, server_id: str) -> None:
    servers.delete(compute, server_id).extract_err()
    servers.wait_for_delete(compute, server_id, interval=1)


def delete_volume(cinder: oscloud.ServiceClient, volume_id: str) -> None:
    volumes.delete(cinder, volume_id).extract_err()
    volumes.wait_for_delete(cinder, volume_id, interval=1)


def detach(
    compute: oscloud.ServiceClient, cinder: oscloud.ServiceClient, server_id: str, volume_id: str
) -> None:
    volumeattach.delete(compute, server_id, volume_id).extract_err()
    volumes.wait_for_status(cinder, volume_id, "available", interval=1, timeout=120)


def undo(
    stack: contextlib.ExitStack, kind: str, action: Callable[..., object], *args: object
) -> None:
    """Arrange for ``action(*args)`` to run at the end, reporting instead of raising."""

    def run() -> None:
        try:
            action(*args)
            say(f"cleaned up the {kind}")
        except oscloud.OSCloudError as err:
            say(f"could not clean up the {kind}: {err}")

    stack.callback(run)


def main() -> int:
    provider, eo = connect()
    compute = openstack.new_compute_v2(provider, eo).with_highest_microversion(
        "2.100", minimum="2.37"
    )
    cinder = openstack.new_block_storage_v3(provider, eo).with_highest_microversion("3.71")
    swift = openstack.new_object_storage_v1(provider, eo)
    say(
        f"compute at {compute.endpoint} (microversion {compute.microversion}), "
        f"block storage at {cinder.endpoint} ({cinder.microversion}), "
        f"object storage at {swift.endpoint}"
    )
    tag = uuid.uuid4().hex[:6]
    with contextlib.ExitStack() as stack:
        flavor = flavors.find(compute, os.environ.get("TOUR_FLAVOR", "m1.tiny"))
        image = image_id(provider, eo, os.environ.get("TOUR_IMAGE", "cirros-tiny"))
        say(
            f"booting a server: flavor {flavor.name} ({flavor.vcpus} vCPU, {flavor.ram} MB), "
            f"image {image}"
        )
        created = servers.create(
            compute,
            servers.CreateOpts(
                name=f"tour-{tag}",
                image_ref=image,
                flavor_ref=flavor.id,
                networks="none",
                metadata={"made-by": "oscloud tour"},
            ),
        ).extract()
        undo(stack, "server", delete_server, compute, created.id)
        server = servers.wait_for_status(compute, created.id, "ACTIVE", interval=1, timeout=300)
        say(f"server {server.name} is {server.status}")

        say("creating a 1 GB volume")
        volume = volumes.create(cinder, volumes.CreateOpts(size=1, name=f"tour-{tag}")).extract()
        undo(stack, "volume", delete_volume, cinder, volume.id)
        volumes.wait_for_status(cinder, volume.id, "available", interval=1, timeout=120)
        say(f"attaching volume {volume.id} to the server")
        volumeattach.create(
            compute, server.id, volumeattach.CreateOpts(volume_id=volume.id)
        ).extract()
        undo(stack, "attachment", detach, compute, cinder, server.id, volume.id)
        attached = volumes.wait_for_status(cinder, volume.id, "in-use", interval=1, timeout=120)
        devices = ", ".join(a.device or "?" for a in attached.attachments)
        say(f"volume is {attached.status}, attached at {devices}")

        container = f"tour-{tag}"
        containers.create(swift, container).extract()
        undo(stack, "container", lambda: containers.delete(swift, container).extract_err())
        say(f"uploading {OBJECT_SIZE // 2**20} MiB to {container}/data.bin, streamed")
        objects.upload(
            swift,
            container,
            "data.bin",
            data_chunks(OBJECT_SIZE),
            size=OBJECT_SIZE,
            progress=progress_bar("upload  "),
        ).extract()
        undo(stack, "object", lambda: objects.delete(swift, container, "data.bin").extract_err())
        digest = hashlib.md5(usedforsecurity=False)
        with objects.download(
            swift, container, "data.bin", progress=progress_bar("download")
        ) as download:
            for chunk in download.iter_content():
                digest.update(chunk)
        expected = hashlib.md5(usedforsecurity=False)
        for chunk in data_chunks(OBJECT_SIZE):
            expected.update(chunk)
        verdict = "matches" if digest.digest() == expected.digest() else "DIFFERS"
        say(f"downloaded: md5 {digest.hexdigest()} {verdict} what was sent")

        names = [f"notes/{number}.txt" for number in range(5)]
        for name in names:
            objects.upload(swift, container, name, f"{name}\n".encode()).extract()
        undo(stack, "notes", lambda: objects.bulk_delete(swift, container, names).extract())
        say("listing the notes two at a time, one request per page:")
        listing = objects.list(swift, container, objects.ListOpts(prefix="notes/", limit=2))
        for number, page in enumerate(listing, start=1):
            say(f"  page {number}: {[entry.name for entry in objects.extract_objects(page)]}")
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
