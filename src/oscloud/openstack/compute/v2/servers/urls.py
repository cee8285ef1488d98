"""URLs of compute v2 servers; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def servers_url(client: ServiceClient) -> str:
    """``/servers``."""
    return client.service_url("servers")


def detail_url(client: ServiceClient) -> str:
    """``/servers/detail``."""
    return client.service_url("servers", "detail")


def server_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}``."""
    return client.service_url("servers", server_id)


def action_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/action``."""
    return client.service_url("servers", server_id, "action")


def remote_consoles_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/remote-consoles``."""
    return client.service_url("servers", server_id, "remote-consoles")


def metadata_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/metadata``."""
    return client.service_url("servers", server_id, "metadata")


def metadatum_url(client: ServiceClient, server_id: str, key: str) -> str:
    """``/servers/{server_id}/metadata/{key}``."""
    return client.service_url("servers", server_id, "metadata", key)


def ips_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/ips``."""
    return client.service_url("servers", server_id, "ips")


def network_ips_url(client: ServiceClient, server_id: str, network_label: str) -> str:
    """``/servers/{server_id}/ips/{network_label}``."""
    return client.service_url("servers", server_id, "ips", network_label)


def instance_actions_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/os-instance-actions``."""
    return client.service_url("servers", server_id, "os-instance-actions")


def instance_action_url(client: ServiceClient, server_id: str, request_id: str) -> str:
    """``/servers/{server_id}/os-instance-actions/{request_id}``."""
    return client.service_url("servers", server_id, "os-instance-actions", request_id)


def tags_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/tags``."""
    return client.service_url("servers", server_id, "tags")


def tag_url(client: ServiceClient, server_id: str, tag: str) -> str:
    """``/servers/{server_id}/tags/{tag}``."""
    return client.service_url("servers", server_id, "tags", tag)
