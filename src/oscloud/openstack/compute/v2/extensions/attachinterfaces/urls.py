"""URLs of the network interfaces of a server; ids are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def interfaces_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/os-interface``."""
    return client.service_url("servers", server_id, "os-interface")


def interface_url(client: ServiceClient, server_id: str, port_id: str) -> str:
    """``/servers/{server_id}/os-interface/{port_id}``."""
    return client.service_url("servers", server_id, "os-interface", port_id)
