"""Hypervisor bodies, shaped like Nova's api-samples (``doc/api_samples/os-hypervisors``).

hypervisors-show-resp at 2.1 (integer ids, ``cpu_info`` a string), hypervisors-list-resp
and hypervisors-detail-resp at 2.53 (UUIDs, paged), hypervisors-statistics-resp,
hypervisors-search-resp and hypervisors-show-with-servers-resp at 2.88, and the 2.1
search and servers answers. Next links point at the fake server.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

HYPERVISORS = f"{COMPUTE}/os-hypervisors"
NODE_ID = "1bb62a04-c576-402c-8147-9e89757a09e3"
NODE_ID_288 = "a68a56ab-9c42-47c0-9309-879e4a6dbe86"

#: ``GET /os-hypervisors/1`` at 2.1 (hypervisors-show-resp.json).
SHOW_V21: dict[str, Any] = {
    "hypervisor": {
        "cpu_info": '{"arch": "x86_64", "model": "Nehalem", "vendor": "Intel"}',
        "current_workload": 0,
        "disk_available_least": 0,
        "free_disk_gb": 1028,
        "free_ram_mb": 7680,
        "hypervisor_hostname": "fake-mini",
        "hypervisor_type": "fake",
        "hypervisor_version": 1000,
        "id": 1,
        "local_gb": 1028,
        "local_gb_used": 0,
        "memory_mb": 8192,
        "memory_mb_used": 512,
        "running_vms": 0,
        "service": {"host": "5641188ab2964f88a21042b493585ff8", "id": 2},
        "vcpus": 1,
        "vcpus_used": 0,
    }
}

_DETAIL_V253 = {
    "cpu_info": {
        "arch": "x86_64",
        "model": "Nehalem",
        "vendor": "Intel",
        "features": ["pge", "clflush"],
        "topology": {"cores": 1, "threads": 1, "sockets": 4},
    },
    "current_workload": 0,
    "status": "enabled",
    "state": "up",
    "disk_available_least": 0,
    "host_ip": "1.1.1.1",
    "free_disk_gb": 1028,
    "free_ram_mb": 7680,
    "hypervisor_hostname": "fake-mini",
    "hypervisor_type": "fake",
    "hypervisor_version": 1000,
    "id": NODE_ID,
    "local_gb": 1028,
    "local_gb_used": 0,
    "memory_mb": 8192,
    "memory_mb_used": 512,
    "running_vms": 0,
    "service": {
        "host": "host1",
        "id": "62f62f6e-a713-4cbe-87d3-3ecf8a1e0f8d",
        "disabled_reason": None,
    },
    "vcpus": 2,
    "vcpus_used": 0,
}


def detail_pages_v253(base_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``GET /os-hypervisors/detail?limit=1`` at 2.53 (v2.53/hypervisors-detail-resp.json)."""
    first = {
        "hypervisors": [_DETAIL_V253],
        "hypervisors_links": [
            {
                "href": f"{base_url}{COMPUTE}/os-hypervisors/detail?limit=1&marker={NODE_ID}",
                "rel": "next",
            }
        ],
    }
    second: dict[str, Any] = {"hypervisors": []}
    return first, second


#: ``GET /os-hypervisors`` at 2.53 (v2.53/hypervisors-list-resp.json, without the link).
LIST_V253: dict[str, Any] = {
    "hypervisors": [
        {"hypervisor_hostname": "fake-mini", "id": NODE_ID, "state": "up", "status": "enabled"}
    ]
}

#: ``GET /os-hypervisors/statistics`` (v2.53/hypervisors-statistics-resp.json).
STATISTICS: dict[str, Any] = {
    "hypervisor_statistics": {
        "count": 1,
        "current_workload": 0,
        "disk_available_least": 0,
        "free_disk_gb": 1028,
        "free_ram_mb": 7680,
        "local_gb": 1028,
        "local_gb_used": 0,
        "memory_mb": 8192,
        "memory_mb_used": 512,
        "running_vms": 0,
        "vcpus": 2,
        "vcpus_used": 0,
    }
}

_SERVERS = [
    {"name": "test_server1", "uuid": "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"},
    {"name": "test_server2", "uuid": "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb"},
]

#: ``GET /os-hypervisors/{id}?with_servers=true`` at 2.88
#: (v2.88/hypervisors-show-with-servers-resp.json).
SHOW_WITH_SERVERS_V288: dict[str, Any] = {
    "hypervisor": {
        "host_ip": "192.168.1.135",
        "hypervisor_hostname": "fake-mini",
        "hypervisor_type": "fake",
        "hypervisor_version": 1000,
        "id": NODE_ID_288,
        "servers": _SERVERS,
        "service": {
            "disabled_reason": None,
            "host": "compute",
            "id": "8495059a-a079-4ab4-ad6f-cf45b81c877d",
        },
        "state": "up",
        "status": "enabled",
        "uptime": None,
    }
}

#: The 2.88 search answer (v2.88/hypervisors-search-resp.json).
SEARCH_V288: dict[str, Any] = {
    "hypervisors": [
        {
            "hypervisor_hostname": "fake-mini",
            "id": "6b7876c5-9ae7-4fa7-a5c8-28c796d17381",
            "state": "up",
            "status": "enabled",
        }
    ]
}

#: ``GET /os-hypervisors/fake/search`` at 2.1.
SEARCH_V21: dict[str, Any] = {
    "hypervisors": [
        {"hypervisor_hostname": "fake-mini", "id": 1, "state": "up", "status": "enabled"}
    ]
}

#: ``GET /os-hypervisors/fake/servers`` at 2.1.
SERVERS_V21: dict[str, Any] = {
    "hypervisors": [
        {
            "hypervisor_hostname": "fake-mini",
            "id": 1,
            "state": "up",
            "status": "enabled",
            "servers": _SERVERS,
        }
    ]
}

#: ``GET /os-hypervisors?hypervisor_hostname_pattern=fake&with_servers=true`` at 2.53
#: (v2.53/hypervisors-with-servers-resp.json).
WITH_SERVERS_V253: dict[str, Any] = {
    "hypervisors": [
        {
            "hypervisor_hostname": "fake-mini",
            "id": "b1e43b5f-eec1-44e0-9f10-7b4945c0226d",
            "state": "up",
            "status": "enabled",
            "servers": _SERVERS,
        }
    ]
}

NOT_FOUND = {
    "itemNotFound": {"code": 404, "message": "No hypervisor matching 'nope' could be found."}
}
