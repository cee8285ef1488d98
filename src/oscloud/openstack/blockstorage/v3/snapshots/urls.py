"""URLs of block storage v3 snapshots; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def snapshots_url(client: ServiceClient) -> str:
    """``/snapshots``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> snapshots_url(client)
        'https://cinder.example/v3/p/snapshots'
    """
    return client.service_url("snapshots")


def detail_url(client: ServiceClient) -> str:
    """``/snapshots/detail``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> detail_url(client)
        'https://cinder.example/v3/p/snapshots/detail'
    """
    return client.service_url("snapshots", "detail")


def snapshot_url(client: ServiceClient, snapshot_id: str) -> str:
    """``/snapshots/{snapshot_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> snapshot_url(client, "snapshot-1")
        'https://cinder.example/v3/p/snapshots/snapshot-1'
    """
    return client.service_url("snapshots", snapshot_id)


def action_url(client: ServiceClient, snapshot_id: str) -> str:
    """``/snapshots/{snapshot_id}/action``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> action_url(client, "snapshot-1")
        'https://cinder.example/v3/p/snapshots/snapshot-1/action'
    """
    return client.service_url("snapshots", snapshot_id, "action")


def metadata_url(client: ServiceClient, snapshot_id: str) -> str:
    """``/snapshots/{snapshot_id}/metadata``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> metadata_url(client, "snapshot-1")
        'https://cinder.example/v3/p/snapshots/snapshot-1/metadata'
    """
    return client.service_url("snapshots", snapshot_id, "metadata")


def metadatum_url(client: ServiceClient, snapshot_id: str, key: str) -> str:
    """``/snapshots/{snapshot_id}/metadata/{key}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> metadatum_url(client, "snapshot-1", "key-1")
        'https://cinder.example/v3/p/snapshots/snapshot-1/metadata/key-1'
    """
    return client.service_url("snapshots", snapshot_id, "metadata", key)
