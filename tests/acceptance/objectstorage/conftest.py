"""Fixtures for the object storage acceptance tests: the member's Swift client and containers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

import attrs
import pytest

from oscloud import errors, openstack
from oscloud.openstack.clouds import CloudConfig
from oscloud.openstack.objectstorage.v1 import containers, objects
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.acceptance.conftest import unique_name


@pytest.fixture(scope="session")
def swift(member_provider: ProviderClient, member_cloud: CloudConfig) -> ServiceClient:
    """The member's object storage client."""
    return openstack.new_object_storage_v1(member_provider, member_cloud.endpoint_opts())


@pytest.fixture(scope="session")
def offline_swift(swift: ServiceClient) -> ServiceClient:
    """The member's client aimed at a closed port: any request sent fails to connect.

    A call that raises an input error through this client raised it before sending.
    """
    return attrs.evolve(swift, endpoint="http://127.0.0.1:9/v1/AUTH_offline/")


def purge(client: ServiceClient, container: str) -> None:
    """Delete a container and everything in it; nothing happens when it does not exist."""
    try:
        names = objects.extract_object_names(objects.list(client, container).all_pages())
    except errors.NotFoundError:
        return
    for name in names:
        result = objects.delete(client, container, name)
        if not isinstance(result.err, errors.NotFoundError):
            result.extract_err()
    removed = containers.delete(client, container)
    if not isinstance(removed.err, errors.NotFoundError):
        removed.extract_err()


@pytest.fixture
def make_container(swift: ServiceClient) -> Iterator[Callable[..., str]]:
    """Create containers named after the test; each is emptied and deleted afterwards.

    The ``<name>_segments`` container large-object uploads create is removed as well.
    """
    made: list[str] = []

    def make(kind: str = "container", opts: containers.CreateOpts | None = None) -> str:
        name = unique_name(kind)
        made.append(name)
        containers.create(swift, name, opts).extract_err()
        return name

    yield make
    for name in made:
        purge(swift, name + "_segments")
        purge(swift, name)


@pytest.fixture
def container(make_container: Callable[..., str]) -> str:
    """A fresh empty container."""
    return make_container()


def md5(data: bytes) -> str:
    """The hex MD5 of ``data`` (what Swift answers as an object's ETag)."""
    return hashlib.md5(data, usedforsecurity=False).hexdigest()
