"""URLs that temporary URLs and form POSTs are made from."""

from __future__ import annotations

from oscloud.openstack.objectstorage.v1 import _common
from oscloud.service import ServiceClient


def object_url(client: ServiceClient, container: str, object_name: str) -> str:
    """``/v1/{account}/{container}/{object}``."""
    return _common.object_url(client, container, object_name)


def form_url(client: ServiceClient, container: str, object_prefix: str) -> str:
    """``/v1/{account}/{container}/{object_prefix}`` (a form POST's action)."""
    return f"{_common.container_url(client, container)}/{_common.quote_object_name(object_prefix)}"
