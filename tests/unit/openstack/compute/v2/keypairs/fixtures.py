"""Compute v2 key pair bodies, shaped like Nova's api-ref and api-samples, and their routes.

Bodies follow ``doc/api_samples/os-keypairs/*``: keypairs-list-resp (2.1 and 2.35, with
``keypairs_links``), keypairs-get-resp, keypairs-post-req/resp at 2.2 (a generated pair)
and keypairs-import-post-req/resp at 2.92. Long keys are shortened; next links point at
the fake server instead of ``openstack.example.com``.
"""

from __future__ import annotations

from typing import Any

from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import COMPUTE

KEY_NAME = "keypair-5d935425-31d5-48a7-a0f1-e76e9813f2c3"
FINGERPRINT = "7e:eb:ab:24:ba:d1:e1:88:ae:9a:fb:66:53:df:d3:bd"
PUBLIC_KEY = (
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCkF3MX59OrlBs3dH5CU7lNmvpbrgZxSpyGjlnE8Flkirnc"
    "/Up22lpjznoxqeoTAwTW034k7Dz6aYIrZGmQwe2TkE084yqvlj45Dkyoj95fW/sZacm0cZNuL69EObEGHdprf "
    "Generated-by-Nova\n"
)
PRIVATE_KEY = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEpAIBAAKCAQEApBdzF+fTq5QbN3R+QlO5TZr6W64GcUqcho5ZxPBZZIq53P1K\n"
    "dtpaY856ManqEwME1tN+JOw8+mmCK2RpkMHtk5BNPOMqr5Y+OQ5MqI/eX1v7GWnJ\n"
    "-----END RSA PRIVATE KEY-----\n"
)


def path(*parts: str) -> str:
    """The path of a compute URL on the fake server: ``/compute/v2.1/<parts>``."""
    return COMPUTE + "/" + "/".join(parts)


#: ``GET /os-keypairs`` at 2.1 (os-keypairs/keypairs-list-resp.json).
LIST_V21: dict[str, Any] = {
    "keypairs": [
        {"keypair": {"fingerprint": FINGERPRINT, "name": KEY_NAME, "public_key": PUBLIC_KEY}}
    ]
}


def list_pages(base_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two pages of ``GET /os-keypairs?limit=1`` at 2.35 (v2.35/keypairs-list-resp.json)."""
    first = {
        "keypairs": [
            {
                "keypair": {
                    "fingerprint": FINGERPRINT,
                    "name": KEY_NAME,
                    "type": "ssh",
                    "public_key": PUBLIC_KEY,
                }
            }
        ],
        "keypairs_links": [
            {
                "href": f"{base_url}{COMPUTE}/os-keypairs?limit=1&marker={KEY_NAME}",
                "rel": "next",
            }
        ],
    }
    second = {
        "keypairs": [
            {
                "keypair": {
                    "fingerprint": "1e:2c:9b:56:79:4b:45:77:f9:ca:7a:98:2c:b0:d5:3c",
                    "name": "keypair-b3c3f8d6-1e58-4a5e-9d6b-7f5c2a1e0b9d",
                    "type": "x509",
                    "public_key": "-----BEGIN CERTIFICATE-----\nMIIB...\n",
                }
            }
        ]
    }
    return first, second


#: ``GET /os-keypairs/{name}`` (os-keypairs/keypairs-get-resp.json, with 2.2's ``type``).
GET_RESPONSE: dict[str, Any] = {
    "keypair": {
        "created_at": "2014-05-07T12:06:13.681238",
        "deleted": False,
        "deleted_at": None,
        "fingerprint": "9d:00:f4:d7:26:6e:52:06:4c:c1:d3:1d:fd:06:66:01",
        "id": 1,
        "name": "keypair-3582d8b7-e588-4aad-b7f7-f4e76f0e4314",
        "public_key": PUBLIC_KEY,
        "type": "ssh",
        "updated_at": None,
        "user_id": "fake",
    }
}

#: ``POST /os-keypairs`` at 2.2, a generated pair (v2.2/keypairs-post-req.json).
GENERATE_REQUEST: dict[str, Any] = {
    "keypair": {"name": "keypair-ab9ff2e6-a6d7-4915-a241-044c369c07f9", "type": "ssh"}
}

#: The answer (v2.2/keypairs-post-resp.json).
GENERATE_RESPONSE: dict[str, Any] = {
    "keypair": {
        "fingerprint": FINGERPRINT,
        "name": "keypair-50ca852e-273f-4cdc-8949-45feba200837",
        "type": "ssh",
        "private_key": PRIVATE_KEY,
        "public_key": PUBLIC_KEY,
        "user_id": "fake",
    }
}

IMPORTED_KEY = (
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDx8nkQv/zgGgB4rMYmIf+6A4l6Rr+o/6lHBQdW5aYd44bd8Jtt"
    "DCE/F/pNRr0lRE+PiqSPO8nDPHw0010JeMH9gYgnnFlyY3/OcJ02RhIPyyxYpv9FhY+2YiUkpwFOcLImyrxEsYX"
    "pD/0d3ac30bNH6Sw9JD9UZHYcpSxsIbECHw== Generated-by-Nova"
)

#: ``POST /os-keypairs`` at 2.92, an import (v2.92/keypairs-import-post-req.json).
IMPORT_REQUEST: dict[str, Any] = {
    "keypair": {
        "name": "me.and.myself@this.nice.domain.com mooh.",
        "type": "ssh",
        "public_key": IMPORTED_KEY,
        "user_id": "fake",
    }
}

#: The answer (v2.92/keypairs-import-post-resp.json).
IMPORT_RESPONSE: dict[str, Any] = {
    "keypair": {
        "fingerprint": "1e:2c:9b:56:79:4b:45:77:f9:ca:7a:98:2c:b0:d5:3c",
        "name": "me.and.myself@this.nice.domain.com mooh.",
        "type": "ssh",
        "public_key": IMPORTED_KEY,
        "user_id": "fake",
    }
}

NOT_FOUND = {"itemNotFound": {"code": 404, "message": "Keypair nope not found for user fake"}}


def handle(server: FakeServer, method: str, route: str, status: int, body: Any = None) -> None:
    """Answer ``method route`` with ``status`` and ``body``."""
    server.route(method, route, Reply(status, body))
