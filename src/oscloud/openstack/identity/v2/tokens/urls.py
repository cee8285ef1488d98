"""URLs of identity v2.0 tokens."""

from __future__ import annotations

from oscloud.service import ServiceClient


def tokens_url(client: ServiceClient) -> str:
    """``/v2.0/tokens``.

    Example:
        >>> from oscloud import ProviderClient
        >>> tokens_url(ServiceClient(provider=ProviderClient(), endpoint="https://k/v2.0"))
        'https://k/v2.0/tokens'
    """
    return client.service_url("tokens")
