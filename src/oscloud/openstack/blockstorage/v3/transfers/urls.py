"""URLs of block storage v3 volume transfers; ids are checked by the operations first.

From microversion 3.55 transfers live at ``/volume-transfers``; before, at
``/os-volume-transfer``. The operations pass the base that fits the client.
"""

from __future__ import annotations

from oscloud.service import ServiceClient


def base(client: ServiceClient) -> str:
    """``volume-transfers`` from 3.55, ``os-volume-transfer`` before.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://c/v3/p",
        ...                        type="block-storage")
        >>> base(client), base(client.with_microversion("3.55"))
        ('os-volume-transfer', 'volume-transfers')
    """
    return "volume-transfers" if client.microversion_at_least("3.55") else "os-volume-transfer"


def transfers_url(client: ServiceClient) -> str:
    """``/volume-transfers`` (3.55) or ``/os-volume-transfer``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://c/v3/p")
        >>> transfers_url(client)
        'https://c/v3/p/os-volume-transfer'
    """
    return client.service_url(base(client))


def detail_url(client: ServiceClient) -> str:
    """``/volume-transfers/detail`` (3.55) or ``/os-volume-transfer/detail``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://c/v3/p")
        >>> detail_url(client.with_microversion("3.57"))
        'https://c/v3/p/volume-transfers/detail'
    """
    return client.service_url(base(client), "detail")


def transfer_url(client: ServiceClient, transfer_id: str) -> str:
    """``/volume-transfers/{transfer_id}`` (3.55) or ``/os-volume-transfer/{transfer_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://c/v3/p")
        >>> transfer_url(client, "t1")
        'https://c/v3/p/os-volume-transfer/t1'
    """
    return client.service_url(base(client), transfer_id)


def accept_url(client: ServiceClient, transfer_id: str) -> str:
    """``/volume-transfers/{transfer_id}/accept`` (3.55) or the ``os-volume-transfer`` one.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://c/v3/p")
        >>> accept_url(client, "t1")
        'https://c/v3/p/os-volume-transfer/t1/accept'
    """
    return client.service_url(base(client), transfer_id, "accept")
