"""URLs of block storage v3 availability zones."""

from __future__ import annotations

from oscloud.service import ServiceClient


def zones_url(client: ServiceClient) -> str:
    """``/os-availability-zone``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> zones_url(client)
        'https://cinder.example/v3/p/os-availability-zone'
    """
    return client.service_url("os-availability-zone")
