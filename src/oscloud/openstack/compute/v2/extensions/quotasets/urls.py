"""URLs of compute quota sets; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def quota_set_url(client: ServiceClient, project_id: str) -> str:
    """``/os-quota-sets/{project_id}``."""
    return client.service_url("os-quota-sets", project_id)


def detail_url(client: ServiceClient, project_id: str) -> str:
    """``/os-quota-sets/{project_id}/detail``."""
    return client.service_url("os-quota-sets", project_id, "detail")


def defaults_url(client: ServiceClient, project_id: str) -> str:
    """``/os-quota-sets/{project_id}/defaults``."""
    return client.service_url("os-quota-sets", project_id, "defaults")
