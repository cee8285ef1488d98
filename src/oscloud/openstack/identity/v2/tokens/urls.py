"""URLs of identity v2.0 tokens."""

from __future__ import annotations

from oscloud.service import ServiceClient


def tokens_url(client: ServiceClient) -> str:
    """``/v2.0/tokens``."""
    return client.service_url("tokens")
