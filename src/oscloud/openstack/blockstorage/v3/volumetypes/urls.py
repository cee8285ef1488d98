"""URLs of block storage v3 volume types; ids are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def types_url(client: ServiceClient) -> str:
    """``/types``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> types_url(client)
        'https://cinder.example/v3/p/types'
    """
    return client.service_url("types")


def default_url(client: ServiceClient) -> str:
    """``/types/default``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> default_url(client)
        'https://cinder.example/v3/p/types/default'
    """
    return client.service_url("types", "default")


def type_url(client: ServiceClient, volume_type_id: str) -> str:
    """``/types/{volume_type_id}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> type_url(client, "volume_type-1")
        'https://cinder.example/v3/p/types/volume_type-1'
    """
    return client.service_url("types", volume_type_id)


def extra_specs_url(client: ServiceClient, volume_type_id: str) -> str:
    """``/types/{volume_type_id}/extra_specs``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> extra_specs_url(client, "volume_type-1")
        'https://cinder.example/v3/p/types/volume_type-1/extra_specs'
    """
    return client.service_url("types", volume_type_id, "extra_specs")


def extra_spec_url(client: ServiceClient, volume_type_id: str, key: str) -> str:
    """``/types/{volume_type_id}/extra_specs/{key}``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> extra_spec_url(client, "volume_type-1", "key-1")
        'https://cinder.example/v3/p/types/volume_type-1/extra_specs/key-1'
    """
    return client.service_url("types", volume_type_id, "extra_specs", key)


def access_url(client: ServiceClient, volume_type_id: str) -> str:
    """``/types/{volume_type_id}/os-volume-type-access``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> access_url(client, "volume_type-1")
        'https://cinder.example/v3/p/types/volume_type-1/os-volume-type-access'
    """
    return client.service_url("types", volume_type_id, "os-volume-type-access")


def action_url(client: ServiceClient, volume_type_id: str) -> str:
    """``/types/{volume_type_id}/action``.

    Example:
        >>> from oscloud import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(),
        ...                        endpoint="https://cinder.example/v3/p")
        >>> action_url(client, "volume_type-1")
        'https://cinder.example/v3/p/types/volume_type-1/action'
    """
    return client.service_url("types", volume_type_id, "action")
