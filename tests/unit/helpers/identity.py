"""Token-and-catalog builders, shaped like the Keystone API reference's examples."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from tests.unit.helpers.secrets import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Recorded, Reply

#: (type, name, path on the fake server) of the services in the fake catalog.
SERVICES = (
    ("identity", "keystone", "/identity/v3"),
    ("compute", "nova", "/compute/v2.1"),
    ("volumev3", "cinderv3", "/volume/v3/fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"),
    ("block-storage", "cinder", "/volume/v3/fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"),
    ("object-store", "swift", "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"),
    ("image", "glance", "/image"),
)


def v3_catalog(base_url: str, region: str = "RegionOne") -> list[dict[str, Any]]:
    """A v3 catalog whose services all live on ``base_url``."""
    return [
        {
            "type": service_type,
            "name": name,
            "id": f"{name}-id",
            "endpoints": [
                {
                    "id": f"{name}-{interface}",
                    "interface": interface,
                    "region": region,
                    "region_id": region,
                    "url": base_url + path,
                }
                for interface in ("public", "internal", "admin")
            ],
        }
        for service_type, name, path in SERVICES
    ]


def v3_token_body(
    base_url: str,
    *,
    expires_in: _dt.timedelta = _dt.timedelta(hours=1),
    catalog: bool = True,
) -> dict[str, Any]:
    """The body of ``POST /v3/auth/tokens`` (201), as in the Keystone API reference."""
    now = _dt.datetime.now(_dt.timezone.utc)
    token: dict[str, Any] = {
        "methods": ["password"],
        "user": {
            "domain": {"id": "default", "name": "Default"},
            "id": "ee4dfb6e5540447cb3741905149d9b6e",
            "name": "demo",
            "password_expires_at": None,
        },
        "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
        "expires_at": (now + expires_in).strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
        "issued_at": now.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
        "project": {
            "domain": {"id": "default", "name": "Default"},
            "id": "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c",
            "name": "demo",
        },
        "is_domain": False,
        "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "member"}],
    }
    if catalog:
        token["catalog"] = v3_catalog(base_url)
    return {"token": token}


class Keystone:
    """Serves ``POST /identity/v3/auth/tokens`` with fresh tokens and counts the requests."""

    def __init__(
        self,
        server: FakeServer,
        *,
        expires_in: _dt.timedelta = _dt.timedelta(hours=1),
        path: str = "/identity/v3/auth/tokens",
    ) -> None:
        self.server = server
        self.expires_in = expires_in
        self.issued: list[str] = []
        self.path = path
        self._lock = __import__("threading").Lock()
        server.route("POST", path, self._issue)

    def _issue(self, request: Recorded) -> Reply:
        with self._lock:
            token_id = f"{TOKEN_ID}-{len(self.issued) + 1}"
            self.issued.append(token_id)
        return Reply(
            201,
            v3_token_body(self.server.url, expires_in=self.expires_in),
            headers={"X-Subject-Token": token_id},
        )

    @property
    def endpoint(self) -> str:
        return self.server.url + "/identity/v3"


def keystone_versions(base_url: str, *, with_v3: bool = True) -> dict[str, Any]:
    """Keystone's answer (300 Multiple Choices) to ``GET`` on its unversioned endpoint."""
    values: list[dict[str, Any]] = []
    if with_v3:
        values.append(
            {
                "id": "v3.14",
                "status": "stable",
                "updated": "2020-04-07T00:00:00Z",
                "links": [{"rel": "self", "href": base_url + "/identity/v3/"}],
                "media-types": [
                    {
                        "base": "application/json",
                        "type": "application/vnd.openstack.identity-v3+json",
                    }
                ],
            }
        )
    values.append(
        {
            "id": "v2.0",
            "status": "deprecated",
            "updated": "2016-08-04T00:00:00Z",
            "links": [
                {"rel": "self", "href": base_url + "/identity/v2.0/"},
                {"rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"},
            ],
            "media-types": [
                {
                    "base": "application/json",
                    "type": "application/vnd.openstack.identity-v2.0+json",
                }
            ],
        }
    )
    return {"versions": {"values": values}}


def v2_catalog(base_url: str, region: str = "RegionOne") -> list[dict[str, Any]]:
    """An identity v2.0 ``serviceCatalog`` whose services all live on ``base_url``."""
    return [
        {
            "type": service_type,
            "name": name,
            "endpoints_links": [],
            "endpoints": [
                {
                    "id": f"{name}-endpoint",
                    "region": region,
                    "publicURL": base_url + path,
                    "internalURL": base_url + "/internal" + path,
                    "adminURL": base_url + "/admin" + path,
                }
            ],
        }
        for service_type, name, path in SERVICES
        if service_type != "identity"
    ] + [
        {
            "type": "identity",
            "name": "keystone",
            "endpoints_links": [],
            "endpoints": [
                {
                    "id": "keystone-endpoint",
                    "region": region,
                    "publicURL": base_url + "/identity/v2.0",
                    "internalURL": base_url + "/identity/v2.0",
                    "adminURL": base_url + "/identity/v2.0",
                }
            ],
        }
    ]


def v2_token_body(
    base_url: str, *, token_id: str = TOKEN_ID, expires_in: _dt.timedelta = _dt.timedelta(hours=1)
) -> dict[str, Any]:
    """The body of ``POST /v2.0/tokens`` (200), in the identity v2.0 reference's shape."""
    now = _dt.datetime.now(_dt.timezone.utc)
    return {
        "access": {
            "token": {
                "issued_at": now.strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
                "expires": (now + expires_in).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "id": token_id,
                "tenant": {
                    "description": None,
                    "enabled": True,
                    "id": "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c",
                    "name": "demo",
                },
                "audit_ids": ["ZzZwkUflQfygX7pdYDBCQQ"],
            },
            "serviceCatalog": v2_catalog(base_url),
            "user": {
                "username": "demo",
                "roles_links": [],
                "id": "ee4dfb6e5540447cb3741905149d9b6e",
                "roles": [{"name": "member"}],
                "name": "demo",
            },
            "metadata": {"is_admin": 0, "roles": ["51cc68287d524c759f47c811e6463340"]},
        }
    }
