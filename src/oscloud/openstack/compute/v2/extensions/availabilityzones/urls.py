"""URLs of compute availability zones."""

from __future__ import annotations

from oscloud.service import ServiceClient


def zones_url(client: ServiceClient) -> str:
    """``/os-availability-zone``."""
    return client.service_url("os-availability-zone")


def detail_url(client: ServiceClient) -> str:
    """``/os-availability-zone/detail``."""
    return client.service_url("os-availability-zone", "detail")
