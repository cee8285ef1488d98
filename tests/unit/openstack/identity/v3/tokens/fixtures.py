"""Identity v3 token responses, in the shape of the Keystone API reference's examples."""

from __future__ import annotations

from typing import Any

from tests.unit.helpers.server import FakeServer, Reply

TOKENS_PATH = "/identity/v3/auth/tokens"
CATALOG_PATH = "/identity/v3/auth/catalog"

SUBJECT_TOKEN = "gAAAAABWPa9WsubjectTokenForTests-0001"
USER_ID = "ee4dfb6e5540447cb3741905149d9b6e"
PROJECT_ID = "a6944d763bf64ee6a275f1263fae0352"

#: The Keystone error body for a refused authentication.
UNAUTHORIZED = {
    "error": {
        "code": 401,
        "message": "The request you have made requires authentication.",
        "title": "Unauthorized",
    }
}

TOKEN_NOT_FOUND = {
    "error": {
        "code": 404,
        "message": "Could not find token: gAAAAABWPa9WsubjectTokenForTests-0001.",
        "title": "Not Found",
    }
}


def catalog(base_url: str) -> list[dict[str, Any]]:
    """A catalog like the reference's: identity, compute, volumev3 and object-store."""

    def endpoints(prefix: str, path: str) -> list[dict[str, Any]]:
        return [
            {
                "region_id": "RegionOne",
                "url": base_url + path,
                "region": "RegionOne",
                "interface": interface,
                "id": f"{prefix}{index}8d1b359ee84b438266cb736d81de9",
            }
            for index, interface in enumerate(("public", "admin", "internal"))
        ]

    return [
        {
            "endpoints": endpoints("a", "/identity"),
            "type": "identity",
            "id": "050726f278654128aba89757ae25950c",
            "name": "keystone",
        },
        {
            "endpoints": endpoints("b", f"/compute/v2.1/{PROJECT_ID}"),
            "type": "compute",
            "id": "a226b3eeb5594f50bf8b6df94636ed28",
            "name": "nova",
        },
        {
            "endpoints": endpoints("c", f"/volume/v3/{PROJECT_ID}"),
            "type": "volumev3",
            "id": "202382a1b8a94210bb3120af958092c4",
            "name": "cinderv3",
        },
        {
            "endpoints": endpoints("d", f"/object/v1/AUTH_{PROJECT_ID}"),
            "type": "object-store",
            "id": "52fecdef9ad543779c1312392cc2b115",
            "name": "swift",
        },
    ]


def _user() -> dict[str, Any]:
    return {
        "domain": {"id": "default", "name": "Default"},
        "id": USER_ID,
        "name": "admin",
        "password_expires_at": "2016-11-06T15:32:17.000000",
    }


def project_scoped(base_url: str) -> dict[str, Any]:
    """The response to a password authentication scoped to a project."""
    return {
        "token": {
            "methods": ["password"],
            "roles": [
                {"id": "51cc68287d524c759f47c811e6463340", "name": "admin"},
                {"id": "9fe2ff9ee4384b1894a90878d3e92bab", "name": "member"},
            ],
            "expires_at": "2015-11-07T02:58:43.578887Z",
            "project": {
                "domain": {"id": "default", "name": "Default"},
                "id": PROJECT_ID,
                "name": "admin",
            },
            "is_domain": False,
            "catalog": catalog(base_url),
            "extras": {},
            "user": _user(),
            "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
            "issued_at": "2015-11-07T01:58:43.578929Z",
        }
    }


def domain_scoped(base_url: str) -> dict[str, Any]:
    """The response to a password authentication scoped to a domain."""
    return {
        "token": {
            "methods": ["password"],
            "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "admin"}],
            "expires_at": "2015-11-07T02:58:43.578887Z",
            "domain": {"id": "default", "name": "Default"},
            "catalog": catalog(base_url),
            "extras": {},
            "user": _user(),
            "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
            "issued_at": "2015-11-07T01:58:43.578929Z",
        }
    }


def system_scoped(base_url: str) -> dict[str, Any]:
    """The response to a password authentication scoped to the system."""
    return {
        "token": {
            "methods": ["password"],
            "user": {**_user(), "password_expires_at": None},
            "system": {"all": True},
            "audit_ids": ["gNBoOhJFQ6KvnZu4ekrGsQ"],
            "expires_at": "2018-01-15T22:14:05.000000Z",
            "issued_at": "2018-01-15T21:14:05.000000Z",
            "roles": [{"id": "41ea5cb0ae5348c28c2bc5ac8f7a1d4b", "name": "admin"}],
            "catalog": catalog(base_url),
        }
    }


def unscoped() -> dict[str, Any]:
    """The response to an explicitly unscoped authentication: no catalog, no roles."""
    return {
        "token": {
            "methods": ["password"],
            "user": {**_user(), "password_expires_at": None},
            "audit_ids": ["ZE2Yz6OVRMSf6bXpHpa-hg"],
            "expires_at": "2015-11-09T01:42:57.527363Z",
            "issued_at": "2015-11-09T00:42:57.527404Z",
        }
    }


def catalog_response(base_url: str) -> dict[str, Any]:
    """The response to ``GET /v3/auth/catalog``."""
    return {
        "catalog": catalog(base_url),
        "links": {"self": base_url + CATALOG_PATH, "previous": None, "next": None},
    }


def handle_create(server: FakeServer, body: dict[str, Any], status: int = 201) -> None:
    headers = {"X-Subject-Token": SUBJECT_TOKEN} if status == 201 else {}
    server.route("POST", TOKENS_PATH, Reply(status, body, headers=headers))


def handle_get(server: FakeServer, body: dict[str, Any]) -> None:
    server.route("GET", TOKENS_PATH, Reply(200, body, headers={"X-Subject-Token": SUBJECT_TOKEN}))
