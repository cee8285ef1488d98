"""URLs of simple tenant usage; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def all_tenants_url(client: ServiceClient) -> str:
    """``/os-simple-tenant-usage``."""
    return client.service_url("os-simple-tenant-usage")


def tenant_url(client: ServiceClient, tenant_id: str) -> str:
    """``/os-simple-tenant-usage/{tenant_id}``."""
    return client.service_url("os-simple-tenant-usage", tenant_id)
