"""URLs of identity v3 tokens."""

from __future__ import annotations

from oscloud.service import ServiceClient


def tokens_url(client: ServiceClient) -> str:
    """``/v3/auth/tokens``.

    Example:
        >>> from oscloud import ProviderClient
        >>> tokens_url(ServiceClient(provider=ProviderClient(), endpoint="https://k/v3"))
        'https://k/v3/auth/tokens'
    """
    return client.service_url("auth", "tokens")


def catalog_url(client: ServiceClient) -> str:
    """``/v3/auth/catalog``.

    Example:
        >>> from oscloud import ProviderClient
        >>> catalog_url(ServiceClient(provider=ProviderClient(), endpoint="https://k/v3/"))
        'https://k/v3/auth/catalog'
    """
    return client.service_url("auth", "catalog")
