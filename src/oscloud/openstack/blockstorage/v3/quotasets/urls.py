"""URLs of block storage v3 quota sets; ids are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def quota_set_url(client: ServiceClient, project_id: str) -> str:
    """``/os-quota-sets/{project_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> quota_set_url(client, "project-1")
        'https://cinder.example/v3/p/os-quota-sets/project-1'
    """
    return client.service_url("os-quota-sets", project_id)


def defaults_url(client: ServiceClient, project_id: str) -> str:
    """``/os-quota-sets/{project_id}/defaults``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> defaults_url(client, "project-1")
        'https://cinder.example/v3/p/os-quota-sets/project-1/defaults'
    """
    return client.service_url("os-quota-sets", project_id, "defaults")
