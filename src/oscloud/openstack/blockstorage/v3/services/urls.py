"""URLs of block storage v3 services."""

from __future__ import annotations

from oscloud.service import ServiceClient


def services_url(client: ServiceClient) -> str:
    """``/os-services``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> services_url(client)
        'https://cinder.example/v3/p/os-services'
    """
    return client.service_url("os-services")


def action_url(client: ServiceClient, action: str) -> str:
    """``/os-services/{action}`` (``enable``, ``disable``, ``disable-log-reason``).

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> action_url(client, "enable")
        'https://cinder.example/v3/p/os-services/enable'
    """
    return client.service_url("os-services", action)
