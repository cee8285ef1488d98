"""URLs of compute v2 key pairs; names are checked by the operations before they get here."""

from __future__ import annotations

from oscloud.service import ServiceClient


def keypairs_url(client: ServiceClient) -> str:
    """``/os-keypairs``."""
    return client.service_url("os-keypairs")


def keypair_url(client: ServiceClient, keypair_name: str) -> str:
    """``/os-keypairs/{keypair_name}``."""
    return client.service_url("os-keypairs", keypair_name)
