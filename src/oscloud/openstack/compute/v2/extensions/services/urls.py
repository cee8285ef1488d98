"""URLs of compute services; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def services_url(client: ServiceClient) -> str:
    """``/os-services``."""
    return client.service_url("os-services")


def service_url(client: ServiceClient, service_id: str) -> str:
    """``/os-services/{service_id}``."""
    return client.service_url("os-services", service_id)
