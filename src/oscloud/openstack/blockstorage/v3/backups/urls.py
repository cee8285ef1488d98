"""URLs of block storage v3 backups; ids are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def backups_url(client: ServiceClient) -> str:
    """``/backups``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> backups_url(client)
        'https://cinder.example/v3/p/backups'
    """
    return client.service_url("backups")


def detail_url(client: ServiceClient) -> str:
    """``/backups/detail``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> detail_url(client)
        'https://cinder.example/v3/p/backups/detail'
    """
    return client.service_url("backups", "detail")


def import_url(client: ServiceClient) -> str:
    """``/backups/import_record``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> import_url(client)
        'https://cinder.example/v3/p/backups/import_record'
    """
    return client.service_url("backups", "import_record")


def backup_url(client: ServiceClient, backup_id: str) -> str:
    """``/backups/{backup_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> backup_url(client, "backup-1")
        'https://cinder.example/v3/p/backups/backup-1'
    """
    return client.service_url("backups", backup_id)


def restore_url(client: ServiceClient, backup_id: str) -> str:
    """``/backups/{backup_id}/restore``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> restore_url(client, "backup-1")
        'https://cinder.example/v3/p/backups/backup-1/restore'
    """
    return client.service_url("backups", backup_id, "restore")


def export_url(client: ServiceClient, backup_id: str) -> str:
    """``/backups/{backup_id}/export_record``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> export_url(client, "backup-1")
        'https://cinder.example/v3/p/backups/backup-1/export_record'
    """
    return client.service_url("backups", backup_id, "export_record")


def action_url(client: ServiceClient, backup_id: str) -> str:
    """``/backups/{backup_id}/action``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> action_url(client, "backup-1")
        'https://cinder.example/v3/p/backups/backup-1/action'
    """
    return client.service_url("backups", backup_id, "action")
