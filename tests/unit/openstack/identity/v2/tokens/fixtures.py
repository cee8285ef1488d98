"""Identity v2.0 token responses, in the shape of the identity v2.0 API reference."""

from __future__ import annotations

from typing import Any

from tests.unit.helpers.identity import v2_token_body
from tests.unit.helpers.server import FakeServer, Reply

TOKENS_PATH = "/identity/v2.0/tokens"
TOKEN_ID = "aaaaa-bbbbb-ccccc-dddd-v2-token"
TENANT_ID = "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"

#: A token response with fixed times, to compare parsed values exactly.
FIXED: dict[str, Any] = {
    "access": {
        "token": {
            "issued_at": "2014-01-30T15:30:58.819584",
            "expires": "2014-01-31T15:30:58Z",
            "id": TOKEN_ID,
            "tenant": {
                "description": None,
                "enabled": True,
                "id": TENANT_ID,
                "name": "demo",
            },
            "audit_ids": ["SLIXoXBfQmStcwZgOT0BKg"],
        },
        "serviceCatalog": [
            {
                "endpoints": [
                    {
                        "adminURL": "http://compute.example:8774/v2.1/" + TENANT_ID,
                        "region": "RegionOne",
                        "internalURL": "http://compute.internal:8774/v2.1/" + TENANT_ID,
                        "id": "2dad48f09e2a447a9bf852bcd93548ef",
                        "publicURL": "https://compute.example/v2.1/" + TENANT_ID,
                    }
                ],
                "endpoints_links": [],
                "type": "compute",
                "name": "nova",
            }
        ],
        "user": {
            "username": "demo",
            "roles_links": [],
            "id": "9a6590b2ab024747bc2167c4e064d00d",
            "roles": [{"name": "Member"}, {"name": "anotherrole"}],
            "name": "demo",
        },
        "metadata": {"is_admin": 0, "roles": ["7598ac3c634d4c3da4b9126a5f67ca2b"]},
    }
}

UNAUTHORIZED = {
    "error": {
        "message": "The request you have made requires authentication.",
        "code": 401,
        "title": "Unauthorized",
    }
}


def handle_create(server: FakeServer, body: dict[str, Any] | None = None) -> None:
    server.route("POST", TOKENS_PATH, Reply(200, body or v2_token_body(server.url)))
