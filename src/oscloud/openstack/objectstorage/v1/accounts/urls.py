"""URLs of object storage v1 accounts."""

from __future__ import annotations

from oscloud.openstack.objectstorage.v1 import _common
from oscloud.service import ServiceClient


def account_url(client: ServiceClient) -> str:
    """``/v1/{account}``."""
    return _common.account_url(client)
