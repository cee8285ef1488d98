"""URLs of compute limits."""

from __future__ import annotations

from oscloud.service import ServiceClient


def limits_url(client: ServiceClient) -> str:
    """``/limits``."""
    return client.service_url("limits")
