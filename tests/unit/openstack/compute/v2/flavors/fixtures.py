"""Compute v2 flavor bodies, shaped like Nova's api-ref and api-samples, and their routes.

Bodies follow ``doc/api_samples/flavors/*`` (flavor-get-resp at 2.1 and 2.61,
flavors-list-resp, flavors-detail-resp at 2.1 and 2.75), ``flavor-manage`` (create at 2.1
and 2.61, update at 2.55/2.75), ``flavor-access`` and ``flavor-extra-specs``. Next links
point at the fake server instead of ``openstack.example.com``.
"""

from __future__ import annotations

from typing import Any

from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import COMPUTE

TENANT_ID = "6f70656e737461636b20342065766572"
_EXAMPLE = "http://openstack.example.com"


def path(*parts: str) -> str:
    """The path of a compute URL on the fake server: ``/compute/v2.1/<parts>``."""
    return COMPUTE + "/" + "/".join(parts)


def _links(flavor_id: str) -> list[dict[str, str]]:
    return [
        {"href": f"{_EXAMPLE}/v2/{TENANT_ID}/flavors/{flavor_id}", "rel": "self"},
        {"href": f"{_EXAMPLE}/{TENANT_ID}/flavors/{flavor_id}", "rel": "bookmark"},
    ]


def _detail(
    flavor_id: str, name: str, ram: int, vcpus: int, disk: int, swap: Any, **later: Any
) -> dict[str, Any]:
    return {
        "OS-FLV-DISABLED:disabled": False,
        "disk": disk,
        "OS-FLV-EXT-DATA:ephemeral": 0,
        "os-flavor-access:is_public": True,
        "id": flavor_id,
        "links": _links(flavor_id),
        "name": name,
        "ram": ram,
        "swap": swap,
        "vcpus": vcpus,
        "rxtx_factor": 1.0,
        **later,
    }


#: ``GET /flavors/1`` at 2.1 (flavors/flavor-get-resp.json): ``swap`` is ``""``.
FLAVOR_V21: dict[str, Any] = {"flavor": _detail("1", "m1.tiny", 512, 1, 1, "")}

#: ``GET /flavors/7`` at 2.61 (flavors/v2.61/flavor-get-resp.json).
FLAVOR_V261: dict[str, Any] = {
    "flavor": _detail(
        "7",
        "m1.small.description",
        2048,
        1,
        20,
        "",
        description="test description",
        extra_specs={"key1": "value1", "key2": "value2"},
    )
}

#: ``GET /flavors/detail`` at 2.1 (flavors/flavors-detail-resp.json, first two).
DETAIL_V21: dict[str, Any] = {
    "flavors": [
        _detail("1", "m1.tiny", 512, 1, 1, ""),
        _detail("2", "m1.small", 2048, 1, 20, ""),
    ]
}

#: ``GET /flavors/detail`` at 2.75 (flavors/v2.75/flavors-detail-resp.json, two of them).
DETAIL_V275: dict[str, Any] = {
    "flavors": [
        _detail("1", "m1.tiny", 512, 1, 1, 0, description=None, extra_specs={}),
        _detail(
            "7",
            "m1.small.description",
            2048,
            1,
            20,
            0,
            description="test description",
            extra_specs={"hw:cpu_policy": "shared", "hw:numa_nodes": "1"},
        ),
    ]
}

#: ``GET /flavors`` (flavors/flavors-list-resp.json, first two).
SUMMARY: dict[str, Any] = {
    "flavors": [
        {"id": "1", "links": _links("1"), "name": "m1.tiny"},
        {"id": "2", "links": _links("2"), "name": "m1.small"},
    ]
}


def detail_pages(base_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two pages of ``GET /flavors/detail?limit=1``, linked by ``flavors_links``."""
    first = {
        "flavors": [DETAIL_V21["flavors"][0]],
        "flavors_links": [
            {"href": f"{base_url}{COMPUTE}/flavors/detail?limit=1&marker=1", "rel": "next"}
        ],
    }
    second = {"flavors": [DETAIL_V21["flavors"][1]]}
    return first, second


#: ``POST /flavors`` at 2.61 (flavor-manage/v2.61/flavor-create-post-req.json).
CREATE_REQUEST_V261: dict[str, Any] = {
    "flavor": {
        "name": "test_flavor",
        "ram": 1024,
        "vcpus": 2,
        "disk": 10,
        "id": "10",
        "rxtx_factor": 2.0,
        "description": "test description",
    }
}

#: The answer (flavor-manage/v2.61/flavor-create-post-resp.json).
CREATE_RESPONSE_V261: dict[str, Any] = {
    "flavor": {
        **_detail("10", "test_flavor", 1024, 2, 10, "", description="test description"),
        "rxtx_factor": 2.0,
        "extra_specs": {},
    }
}

#: ``POST /flavors`` of a private flavor (flavor-access/flavor-access-create-req.json).
CREATE_PRIVATE_REQUEST: dict[str, Any] = {
    "flavor": {
        "name": "test_flavor",
        "ram": 1024,
        "vcpus": 2,
        "disk": 10,
        "id": "10",
        "os-flavor-access:is_public": False,
    }
}

#: The answer (flavor-access/flavor-access-create-resp.json).
CREATE_PRIVATE_RESPONSE: dict[str, Any] = {
    "flavor": {
        "OS-FLV-DISABLED:disabled": False,
        "disk": 10,
        "OS-FLV-EXT-DATA:ephemeral": 0,
        "os-flavor-access:is_public": False,
        "id": "10",
        "links": _links("10"),
        "name": "test_flavor",
        "ram": 1024,
        "swap": "",
        "vcpus": 2,
    }
}

#: ``PUT /flavors/1`` at 2.55 (flavor-manage/v2.55/flavor-update-req.json).
UPDATE_REQUEST: dict[str, Any] = {"flavor": {"description": "updated description"}}

#: The answer at 2.75 (flavor-manage/v2.75/flavor-update-resp.json).
UPDATE_RESPONSE: dict[str, Any] = {
    "flavor": _detail(
        "1", "m1.tiny", 512, 1, 1, 0, description="updated description", extra_specs={}
    )
}

#: ``GET /flavors/10/os-flavor-access`` (flavor-access/flavor-access-list-resp.json).
ACCESS_LIST: dict[str, Any] = {"flavor_access": [{"flavor_id": "10", "tenant_id": "fake_tenant"}]}

#: ``addTenantAccess`` (flavor-access/v2.7/flavor-access-add-tenant-req.json).
ADD_ACCESS_REQUEST: dict[str, Any] = {"addTenantAccess": {"tenant": "fake_tenant"}}

#: ``removeTenantAccess`` (flavor-access/flavor-access-remove-tenant-req.json).
REMOVE_ACCESS_REQUEST: dict[str, Any] = {"removeTenantAccess": {"tenant": "fake_tenant"}}

#: The answer to removing the only project (flavor-access-remove-tenant-resp.json).
REMOVE_ACCESS_RESPONSE: dict[str, Any] = {"flavor_access": []}

#: ``GET /flavors/7/os-extra_specs`` (flavor-extra-specs/flavor-extra-specs-list-resp.json).
EXTRA_SPECS: dict[str, Any] = {"extra_specs": {"hw:cpu_policy": "shared", "hw:numa_nodes": "1"}}

#: ``GET /flavors/7/os-extra_specs/hw:numa_nodes`` (flavor-extra-specs-get-resp.json).
EXTRA_SPEC: dict[str, Any] = {"hw:numa_nodes": "1"}

#: ``PUT /flavors/7/os-extra_specs/hw:numa_nodes`` (flavor-extra-specs-update-req.json).
EXTRA_SPEC_UPDATE: dict[str, Any] = {"hw:numa_nodes": "2"}

NOT_FOUND_MESSAGE = "Flavor 99 could not be found."
ITEM_NOT_FOUND = {"itemNotFound": {"code": 404, "message": NOT_FOUND_MESSAGE}}
CONFLICT = {
    "conflictingRequest": {
        "code": 409,
        "message": "Flavor access already exists for flavor 10 and project fake_tenant "
        "combination.",
    }
}


def handle(server: FakeServer, method: str, route: str, status: int, body: Any = None) -> None:
    """Answer ``method route`` with ``status`` and ``body``."""
    server.route(method, route, Reply(status, body))
