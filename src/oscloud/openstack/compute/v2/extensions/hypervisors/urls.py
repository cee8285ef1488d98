"""URLs of hypervisors; ids and patterns are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def hypervisors_url(client: ServiceClient) -> str:
    """``/os-hypervisors``."""
    return client.service_url("os-hypervisors")


def detail_url(client: ServiceClient) -> str:
    """``/os-hypervisors/detail``."""
    return client.service_url("os-hypervisors", "detail")


def hypervisor_url(client: ServiceClient, hypervisor_id: str) -> str:
    """``/os-hypervisors/{hypervisor_id}``."""
    return client.service_url("os-hypervisors", hypervisor_id)


def statistics_url(client: ServiceClient) -> str:
    """``/os-hypervisors/statistics``."""
    return client.service_url("os-hypervisors", "statistics")


def search_url(client: ServiceClient, hostname_pattern: str) -> str:
    """``/os-hypervisors/{hostname_pattern}/search`` (before 2.53)."""
    return client.service_url("os-hypervisors", hostname_pattern, "search")


def servers_url(client: ServiceClient, hostname_pattern: str) -> str:
    """``/os-hypervisors/{hostname_pattern}/servers`` (before 2.53)."""
    return client.service_url("os-hypervisors", hostname_pattern, "servers")
