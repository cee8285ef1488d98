"""URLs of the volume attachments of a server; ids are checked by the operations first."""

from __future__ import annotations

from oscloud.service import ServiceClient


def attachments_url(client: ServiceClient, server_id: str) -> str:
    """``/servers/{server_id}/os-volume_attachments``."""
    return client.service_url("servers", server_id, "os-volume_attachments")


def attachment_url(client: ServiceClient, server_id: str, volume_id: str) -> str:
    """``/servers/{server_id}/os-volume_attachments/{volume_id}``."""
    return client.service_url("servers", server_id, "os-volume_attachments", volume_id)
