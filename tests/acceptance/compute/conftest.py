"""Fixtures for the compute acceptance tests: member and admin clients, the image and flavors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

from oscloud import errors, openstack
from oscloud.openstack.clouds import CloudConfig
from oscloud.openstack.compute.v2 import MAX_MICROVERSION, servers
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient

#: How often the tests poll a server: the fake driver acts in about a second.
POLL = 0.5
#: The longest any server status takes to come (boot, resize, shelve on a loaded machine).
WAIT = 180.0

IMAGE_NAME = "cirros-tiny"
TINY = "m1.tiny"
SMALL = "m1.small"


@pytest.fixture(scope="session")
def compute(member_provider: ProviderClient, member_cloud: CloudConfig) -> ServiceClient:
    """The member's compute client at the newest microversion oscloud knows."""
    client = openstack.new_compute_v2(member_provider, member_cloud.endpoint_opts())
    return client.with_microversion(MAX_MICROVERSION)


@pytest.fixture(scope="session")
def admin_compute(admin_provider: ProviderClient, admin_cloud: CloudConfig) -> ServiceClient:
    """The administrator's compute client at the newest microversion oscloud knows."""
    client = openstack.new_compute_v2(admin_provider, admin_cloud.endpoint_opts())
    return client.with_microversion(MAX_MICROVERSION)


@pytest.fixture(scope="session")
def offline_compute(compute: ServiceClient) -> ServiceClient:
    """The member's client aimed at a closed port: any request sent fails to connect.

    A call that raises an input error through this client raised it before sending.
    """
    return attrs.evolve(compute, endpoint="http://127.0.0.1:9/compute/v2.1/")


@pytest.fixture(scope="session")
def image_id(
    cloud_info: dict[str, Any], member_provider: ProviderClient, member_cloud: CloudConfig
) -> str:
    """The id of the launcher's image (from cloud.json, else found in Glance by name)."""
    image = cloud_info.get("image") or {}
    if image.get("id"):
        return str(image["id"])
    glance = member_provider.locate(member_cloud.endpoint_opts(type="image"))
    url = glance.rstrip("/") + "/v2/images"
    found = member_provider.request("GET", url, params={"name": IMAGE_NAME}, ok_codes=(200,))
    images = found.json()["images"]
    assert images, f"the cloud has no image named {IMAGE_NAME}"
    return str(images[0]["id"])


def _flavor_id(cloud_info: dict[str, Any], name: str, fallback: str) -> str:
    listed = cloud_info.get("flavors") or []
    if isinstance(listed, dict):
        listed = list(listed.values())
    for flavor in listed:
        if isinstance(flavor, dict) and flavor.get("name") == name:
            return str(flavor["id"])
    return fallback


@pytest.fixture(scope="session")
def tiny_flavor_id(cloud_info: dict[str, Any]) -> str:
    """The id of ``m1.tiny`` (1 vCPU, 512 MiB, 1 GiB)."""
    return _flavor_id(cloud_info, TINY, "1")


@pytest.fixture(scope="session")
def small_flavor_id(cloud_info: dict[str, Any]) -> str:
    """The id of ``m1.small`` (1 vCPU, 2048 MiB, 20 GiB)."""
    return _flavor_id(cloud_info, SMALL, "2")


def delete_server(client: ServiceClient, server_id: str) -> None:
    """Delete a server whatever its state (unlocking it first) and wait until it is gone."""
    result = servers.get(client, server_id)
    if isinstance(result.err, errors.NotFoundError):
        return
    if result.err is None and result.extract().locked:
        servers.unlock(client, server_id).extract_err()
    deleted = servers.delete(client, server_id)
    if not isinstance(deleted.err, errors.NotFoundError):
        deleted.extract_err()
    servers.wait_for_delete(client, server_id, timeout=WAIT, interval=POLL)


@pytest.fixture
def server_cleanup(compute: ServiceClient) -> Iterator[Callable[[str], None]]:
    """Register server ids to delete when the test ends."""
    ids: list[str] = []
    yield ids.append
    for server_id in ids:
        delete_server(compute, server_id)
