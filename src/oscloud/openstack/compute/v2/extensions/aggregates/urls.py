"""URLs of host aggregates; ids are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def aggregates_url(client: ServiceClient) -> str:
    """``/os-aggregates``."""
    return client.service_url("os-aggregates")


def aggregate_url(client: ServiceClient, aggregate_id: str) -> str:
    """``/os-aggregates/{aggregate_id}``."""
    return client.service_url("os-aggregates", aggregate_id)


def action_url(client: ServiceClient, aggregate_id: str) -> str:
    """``/os-aggregates/{aggregate_id}/action``."""
    return client.service_url("os-aggregates", aggregate_id, "action")
