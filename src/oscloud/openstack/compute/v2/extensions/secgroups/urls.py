"""URLs of the legacy security group API (deprecated); ids are checked by the operations."""

from __future__ import annotations

from oscloud.service import ServiceClient


def security_groups_url(client: ServiceClient) -> str:
    """``/os-security-groups``."""
    return client.service_url("os-security-groups")


def security_group_url(client: ServiceClient, security_group_id: str) -> str:
    """``/os-security-groups/{security_group_id}``."""
    return client.service_url("os-security-groups", security_group_id)


def rules_url(client: ServiceClient) -> str:
    """``/os-security-group-rules``."""
    return client.service_url("os-security-group-rules")


def rule_url(client: ServiceClient, rule_id: str) -> str:
    """``/os-security-group-rules/{rule_id}``."""
    return client.service_url("os-security-group-rules", rule_id)


def server_security_groups_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/os-security-groups``."""
    return client.service_url("servers", server_id, "os-security-groups")


def server_action_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/action``."""
    return client.service_url("servers", server_id, "action")
