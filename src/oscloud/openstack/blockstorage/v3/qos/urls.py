"""URLs of block storage v3 QoS specs; ids are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def qos_specs_url(client: ServiceClient) -> str:
    """``/qos-specs``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> qos_specs_url(client)
        'https://cinder.example/v3/p/qos-specs'
    """
    return client.service_url("qos-specs")


def qos_spec_url(client: ServiceClient, qos_id: str) -> str:
    """``/qos-specs/{qos_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> qos_spec_url(client, "qos-1")
        'https://cinder.example/v3/p/qos-specs/qos-1'
    """
    return client.service_url("qos-specs", qos_id)


def delete_keys_url(client: ServiceClient, qos_id: str) -> str:
    """``/qos-specs/{qos_id}/delete_keys``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> delete_keys_url(client, "qos-1")
        'https://cinder.example/v3/p/qos-specs/qos-1/delete_keys'
    """
    return client.service_url("qos-specs", qos_id, "delete_keys")


def associations_url(client: ServiceClient, qos_id: str) -> str:
    """``/qos-specs/{qos_id}/associations``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> associations_url(client, "qos-1")
        'https://cinder.example/v3/p/qos-specs/qos-1/associations'
    """
    return client.service_url("qos-specs", qos_id, "associations")


def associate_url(client: ServiceClient, qos_id: str) -> str:
    """``/qos-specs/{qos_id}/associate``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> associate_url(client, "qos-1")
        'https://cinder.example/v3/p/qos-specs/qos-1/associate'
    """
    return client.service_url("qos-specs", qos_id, "associate")


def disassociate_url(client: ServiceClient, qos_id: str) -> str:
    """``/qos-specs/{qos_id}/disassociate``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> disassociate_url(client, "qos-1")
        'https://cinder.example/v3/p/qos-specs/qos-1/disassociate'
    """
    return client.service_url("qos-specs", qos_id, "disassociate")


def disassociate_all_url(client: ServiceClient, qos_id: str) -> str:
    """``/qos-specs/{qos_id}/disassociate_all``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> disassociate_all_url(client, "qos-1")
        'https://cinder.example/v3/p/qos-specs/qos-1/disassociate_all'
    """
    return client.service_url("qos-specs", qos_id, "disassociate_all")
