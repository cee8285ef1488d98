"""URLs of compute v2 flavors; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def flavors_url(client: ServiceClient) -> str:
    """``/flavors``."""
    return client.service_url("flavors")


def detail_url(client: ServiceClient) -> str:
    """``/flavors/detail``."""
    return client.service_url("flavors", "detail")


def flavor_url(client: ServiceClient, flavor_id: str) -> str:
    """``/flavors/{flavor_id}``."""
    return client.service_url("flavors", flavor_id)


def action_url(client: ServiceClient, flavor_id: str) -> str:
    """``/flavors/{flavor_id}/action``."""
    return client.service_url("flavors", flavor_id, "action")


def access_url(client: ServiceClient, flavor_id: str) -> str:
    """``/flavors/{flavor_id}/os-flavor-access``."""
    return client.service_url("flavors", flavor_id, "os-flavor-access")


def extra_specs_url(client: ServiceClient, flavor_id: str) -> str:
    """``/flavors/{flavor_id}/os-extra_specs``."""
    return client.service_url("flavors", flavor_id, "os-extra_specs")


def extra_spec_url(client: ServiceClient, flavor_id: str, key: str) -> str:
    """``/flavors/{flavor_id}/os-extra_specs/{key}``."""
    return client.service_url("flavors", flavor_id, "os-extra_specs", key)
