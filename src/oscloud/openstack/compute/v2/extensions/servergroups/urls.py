"""URLs of server groups; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def server_groups_url(client: ServiceClient) -> str:
    """``/os-server-groups``."""
    return client.service_url("os-server-groups")


def server_group_url(client: ServiceClient, server_group_id: str) -> str:
    """``/os-server-groups/{server_group_id}``."""
    return client.service_url("os-server-groups", server_group_id)
