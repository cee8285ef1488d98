"""URLs of object storage v1 large objects."""

from __future__ import annotations

from oscloud import _wire as wire
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.service import ServiceClient


def object_url(client: ServiceClient, container: str, object_name: str) -> str:
    """``/v1/{account}/{container}/{object}``."""
    return _common.object_url(client, container, object_name)


def manifest_url(client: ServiceClient, container: str, object_name: str, action: str) -> str:
    """``/v1/{account}/{container}/{object}?multipart-manifest={action}``."""
    url = _common.object_url(client, container, object_name)
    return wire.with_query(url, [("multipart-manifest", action)])
