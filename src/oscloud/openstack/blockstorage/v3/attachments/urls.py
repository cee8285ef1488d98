"""URLs of block storage v3 attachments; ids are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def attachments_url(client: ServiceClient) -> str:
    """``/attachments``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> attachments_url(client)
        'https://cinder.example/v3/p/attachments'
    """
    return client.service_url("attachments")


def detail_url(client: ServiceClient) -> str:
    """``/attachments/detail``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> detail_url(client)
        'https://cinder.example/v3/p/attachments/detail'
    """
    return client.service_url("attachments", "detail")


def attachment_url(client: ServiceClient, attachment_id: str) -> str:
    """``/attachments/{attachment_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> attachment_url(client, "attachment-1")
        'https://cinder.example/v3/p/attachments/attachment-1'
    """
    return client.service_url("attachments", attachment_id)


def action_url(client: ServiceClient, attachment_id: str) -> str:
    """``/attachments/{attachment_id}/action``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> action_url(client, "attachment-1")
        'https://cinder.example/v3/p/attachments/attachment-1/action'
    """
    return client.service_url("attachments", attachment_id, "action")
