"""URLs of block storage v3 limits."""

from __future__ import annotations

from oscloud.service import ServiceClient


def limits_url(client: ServiceClient) -> str:
    """``/limits``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> limits_url(client)
        'https://cinder.example/v3/p/limits'
    """
    return client.service_url("limits")
