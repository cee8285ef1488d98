"""URLs of object storage v1 containers."""

from __future__ import annotations

from oscloud.openstack.objectstorage.v1 import _common
from oscloud.service import ServiceClient


def list_url(client: ServiceClient) -> str:
    """``/v1/{account}`` (its ``GET`` lists the containers)."""
    return _common.account_url(client)


def container_url(client: ServiceClient, container: str) -> str:
    """``/v1/{account}/{container}``."""
    return _common.container_url(client, container)
