"""Metadata operations shared by every resource that has them (servers, volumes, snapshots).

Nova and Cinder answer the same six calls under ``…/{resource}/{id}/metadata``: the
whole mapping in ``{"metadata": …}``, one item in ``{"meta": {key: value}}``. Resource
packages call these with their own URL and result classes, and name them the same way in
every service:

=======================  =====================================  ==================
resource operation       call                                   here
=======================  =====================================  ==================
``list_metadata``        ``GET …/metadata``                     :func:`get_all`
``set_metadata``         ``PUT …/metadata`` (replace all)       :func:`replace_all`
``update_metadata``      ``POST …/metadata`` (merge)            :func:`merge`
``get_metadatum``        ``GET …/metadata/{key}``               :func:`get_item`
``set_metadatum``        ``PUT …/metadata/{key}``               :func:`set_item`
``delete_metadatum``     ``DELETE …/metadata/{key}``            :func:`delete_item`
=======================  =====================================  ==================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from oscloud.openstack._common import checked_metadata
from oscloud.results import Result
from oscloud.service import ServiceClient, check_id

__all__ = ["delete_item", "get_all", "get_item", "merge", "metadata_url", "replace_all", "set_item"]

R = TypeVar("R", bound=Result[Any])


def metadata_url(
    client: ServiceClient, collection: str, id_name: str, resource_id: str, *key: str
) -> str:
    """``/{collection}/{resource_id}/metadata[/{key}]``, the id and the key checked first.

    Example:
        >>> from oscloud.provider import ProviderClient
        >>> cinder = ServiceClient(provider=ProviderClient(), endpoint="https://c/v3/p")
        >>> metadata_url(cinder, "volumes", "volume_id", "v1", "env")
        'https://c/v3/p/volumes/v1/metadata/env'
    """
    parts = [collection, check_id(id_name, resource_id), "metadata"]
    parts.extend(check_id("key", k) for k in key)
    return client.service_url(*parts)


def get_all(client: ServiceClient, url: str, result_class: type[R]) -> R:
    """``GET …/metadata`` (200): the whole mapping.

    Example:
        >>> get_all(cinder, metadata_url, MetadataResult).extract()  # doctest: +SKIP
    """
    return client.call(result_class, "GET", url, ok_codes=(200,))


def replace_all(
    client: ServiceClient, url: str, metadata: Mapping[str, str], result_class: type[R]
) -> R:
    """``PUT …/metadata`` (200): replace the whole mapping (checked before sending).

    Example:
        >>> replace_all(cinder, url, {"env": "prod"}, MetadataResult)  # doctest: +SKIP
    """
    body = {"metadata": checked_metadata(metadata)}
    return client.call(result_class, "PUT", url, json=body, ok_codes=(200,))


def merge(client: ServiceClient, url: str, metadata: Mapping[str, str], result_class: type[R]) -> R:
    """``POST …/metadata`` (200): merge items into the mapping (checked before sending).

    Example:
        >>> merge(cinder, url, {"tier": "gold"}, MetadataResult)  # doctest: +SKIP
    """
    body = {"metadata": checked_metadata(metadata)}
    return client.call(result_class, "POST", url, json=body, ok_codes=(200,))


def get_item(client: ServiceClient, url: str, result_class: type[R]) -> R:
    """``GET …/metadata/{key}`` (200): one item as ``{key: value}``.

    Example:
        >>> get_item(cinder, item_url, MetadatumResult).extract()  # doctest: +SKIP
    """
    return client.call(result_class, "GET", url, ok_codes=(200,))


def set_item(client: ServiceClient, url: str, key: str, value: str, result_class: type[R]) -> R:
    """``PUT …/metadata/{key}`` (200): create or replace one item (checked before sending).

    Example:
        >>> set_item(cinder, item_url, "env", "prod", MetadatumResult)  # doctest: +SKIP
    """
    body = {"meta": checked_metadata({key: value})}
    return client.call(result_class, "PUT", url, json=body, ok_codes=(200,))


def delete_item(client: ServiceClient, url: str, result_class: type[R], *, ok_code: int) -> R:
    """``DELETE …/metadata/{key}``: Nova answers 204, Cinder 200.

    Example:
        >>> delete_item(cinder, item_url, DeleteResult, ok_code=200)  # doctest: +SKIP
    """
    return client.call(result_class, "DELETE", url, ok_codes=(ok_code,))
