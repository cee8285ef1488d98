"""URLs of block storage v3 volumes; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def volumes_url(client: ServiceClient) -> str:
    """``/volumes``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> volumes_url(client)
        'https://cinder.example/v3/p/volumes'
    """
    return client.service_url("volumes")


def detail_url(client: ServiceClient) -> str:
    """``/volumes/detail``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> detail_url(client)
        'https://cinder.example/v3/p/volumes/detail'
    """
    return client.service_url("volumes", "detail")


def summary_url(client: ServiceClient) -> str:
    """``/volumes/summary``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> summary_url(client)
        'https://cinder.example/v3/p/volumes/summary'
    """
    return client.service_url("volumes", "summary")


def volume_url(client: ServiceClient, volume_id: str) -> str:
    """``/volumes/{volume_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> volume_url(client, "volume-1")
        'https://cinder.example/v3/p/volumes/volume-1'
    """
    return client.service_url("volumes", volume_id)


def action_url(client: ServiceClient, volume_id: str) -> str:
    """``/volumes/{volume_id}/action``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> action_url(client, "volume-1")
        'https://cinder.example/v3/p/volumes/volume-1/action'
    """
    return client.service_url("volumes", volume_id, "action")


def metadata_url(client: ServiceClient, volume_id: str) -> str:
    """``/volumes/{volume_id}/metadata``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> metadata_url(client, "volume-1")
        'https://cinder.example/v3/p/volumes/volume-1/metadata'
    """
    return client.service_url("volumes", volume_id, "metadata")


def metadatum_url(client: ServiceClient, volume_id: str, key: str) -> str:
    """``/volumes/{volume_id}/metadata/{key}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> metadatum_url(client, "volume-1", "key-1")
        'https://cinder.example/v3/p/volumes/volume-1/metadata/key-1'
    """
    return client.service_url("volumes", volume_id, "metadata", key)
