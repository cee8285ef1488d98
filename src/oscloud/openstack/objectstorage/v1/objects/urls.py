"""URLs of object storage v1 objects."""

from __future__ import annotations

from oscloud.openstack.objectstorage.v1 import _common
from oscloud.service import ServiceClient


def list_url(client: ServiceClient, container: str) -> str:
    """``/v1/{account}/{container}`` (its ``GET`` lists the objects)."""
    return _common.container_url(client, container)


def object_url(client: ServiceClient, container: str, object_name: str) -> str:
    """``/v1/{account}/{container}/{object}``, the name quoted with its ``/`` kept."""
    return _common.object_url(client, container, object_name)
