"""Usage bodies, shaped like Nova's api-samples (``doc/api_samples/os-simple-tenant-usage``).

simple-tenant-usage-get (every project, 2.1), v2.40 simple-tenant-usage-get-detail and
simple-tenant-usage-get-specific (paged). Next links point at the fake server; the last
page of a paged listing is empty, as Nova answers once the marker is the last server.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

TENANT_ID = "6f70656e737461636b20342065766572"
INSTANCE_ID = "1f1deceb-17b5-4c04-84c7-e0d4499c8fe0"
SECOND_ID = "9a8b7c6d-17b5-4c04-84c7-e0d4499c8fe1"

ALL = f"{COMPUTE}/os-simple-tenant-usage"
SINGLE = f"{ALL}/{TENANT_ID}"

#: ``GET /os-simple-tenant-usage`` at 2.1 (simple-tenant-usage-get.json).
ALL_V21: dict[str, Any] = {
    "tenant_usages": [
        {
            "start": "2012-10-08T21:10:44.587336",
            "stop": "2012-10-08T22:10:44.587336",
            "tenant_id": "openstack",
            "total_hours": 1.0,
            "total_local_gb_usage": 0.0,
            "total_memory_mb_usage": 512.0,
            "total_vcpus_usage": 1.0,
        }
    ]
}


def server_usage(instance_id: str, name: str, hours: float) -> dict[str, Any]:
    """One entry of ``server_usages`` (v2.40/simple-tenant-usage-get-detail.json)."""
    return {
        "ended_at": None,
        "flavor": "m1.tiny",
        "hours": hours,
        "instance_id": instance_id,
        "local_gb": 1,
        "memory_mb": 512,
        "name": name,
        "started_at": "2012-10-08T20:10:44.541277",
        "state": "active",
        "tenant_id": TENANT_ID,
        "uptime": 3600,
        "vcpus": 1,
    }


def _tenant_usage(servers: list[dict[str, Any]], hours: float) -> dict[str, Any]:
    return {
        "start": "2012-10-08T20:10:44.587336",
        "stop": "2012-10-08T21:10:44.587336",
        "tenant_id": TENANT_ID,
        "total_hours": hours,
        "total_local_gb_usage": hours,
        "total_memory_mb_usage": 512.0 * hours,
        "total_vcpus_usage": hours,
        "server_usages": servers,
    }


def all_detail_pages(base_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``GET /os-simple-tenant-usage?detailed=1&limit=1`` at 2.40, then the empty page."""
    first = {
        "tenant_usages": [_tenant_usage([server_usage(INSTANCE_ID, "instance-2", 1.0)], 1.0)],
        "tenant_usages_links": [
            {
                "href": f"{base_url}{ALL}?detailed=1&limit=1&marker={INSTANCE_ID}",
                "rel": "next",
            }
        ],
    }
    last: dict[str, Any] = {"tenant_usages": []}
    return first, last


#: The period of the paged single-project listing, as its next links repeat it.
PERIOD = "end=2012-10-08T21%3A10%3A44.587336&start=2012-10-08T20%3A10%3A44.587336"


def single_pages(base_url: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """``GET /os-simple-tenant-usage/{tenant_id}?limit=1`` at 2.40: two servers, then none."""
    first = {
        "tenant_usage": _tenant_usage([server_usage(INSTANCE_ID, "instance-2", 1.0)], 1.0),
        "tenant_usage_links": [
            {"href": f"{base_url}{SINGLE}?{PERIOD}&limit=1&marker={INSTANCE_ID}", "rel": "next"}
        ],
    }
    second = {
        "tenant_usage": _tenant_usage([server_usage(SECOND_ID, "instance-3", 0.5)], 0.5),
        "tenant_usage_links": [
            {"href": f"{base_url}{SINGLE}?{PERIOD}&limit=1&marker={SECOND_ID}", "rel": "next"}
        ],
    }
    last: dict[str, Any] = {"tenant_usage": {}}
    return first, second, last
