"""Compute service bodies, shaped like Nova's api-samples (``doc/api_samples/os-services``).

services-list-get-resp, service-disable-log-put-req/resp and service-force-down-put-req/resp
at 2.53, and a 2.1 listing entry (integer id).
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

SERVICES = f"{COMPUTE}/os-services"
SERVICE_ID = "e81d66a4-ddd3-4aba-8a84-171d1cb4d339"
SERVICE = f"{SERVICES}/{SERVICE_ID}"


def _service(
    service_id: str, binary: str, reason: str | None, host: str, state: str, status: str,
    updated: str, zone: str,
) -> dict[str, Any]:  # fmt: skip
    return {
        "id": service_id,
        "binary": binary,
        "disabled_reason": reason,
        "host": host,
        "state": state,
        "status": status,
        "updated_at": updated,
        "forced_down": False,
        "zone": zone,
    }


#: ``GET /os-services`` at 2.53 (v2.53/services-list-get-resp.json).
LIST_V253: dict[str, Any] = {
    "services": [
        _service("c4726392-27de-4ff9-b2e0-5aa1d08a520f", "nova-scheduler", "test1", "host1", "up",
                 "disabled", "2012-10-29T13:42:02.000000", "internal"),
        _service(SERVICE_ID, "nova-compute", "test2", "host1", "up", "disabled",
                 "2012-10-29T13:42:05.000000", "nova"),
        _service("bbd684ff-d3f6-492e-a30a-a12a2d2db0e0", "nova-scheduler", None, "host2", "down",
                 "enabled", "2012-09-19T06:55:34.000000", "internal"),
        _service("13aa304e-5340-45a7-a7fb-b6d6e914d272", "nova-compute", "test4", "host2", "down",
                 "disabled", "2012-09-18T08:03:38.000000", "nova"),
    ]
}  # fmt: skip

#: ``GET /os-services`` at 2.1: integer ids, no ``forced_down`` (services-list-get-resp.json).
LIST_V21: dict[str, Any] = {
    "services": [
        {
            "id": 1,
            "binary": "nova-scheduler",
            "disabled_reason": "test1",
            "host": "host1",
            "state": "up",
            "status": "disabled",
            "updated_at": "2012-10-29T13:42:02.000000",
            "zone": "internal",
        }
    ]
}

#: ``PUT /os-services/{id}`` disabling with a reason (v2.53/service-disable-log-put-req.json).
DISABLE_REQUEST: dict[str, Any] = {"status": "disabled", "disabled_reason": "maintenance"}

#: Its answer (v2.53/service-disable-log-put-resp.json).
DISABLE_RESPONSE: dict[str, Any] = {
    "service": {
        "id": SERVICE_ID,
        "binary": "nova-compute",
        "disabled_reason": "maintenance",
        "host": "host1",
        "state": "up",
        "status": "disabled",
        "updated_at": "2012-10-29T13:42:05.000000",
        "forced_down": False,
        "zone": "nova",
    }
}

#: ``PUT /os-services/{id}`` forcing down (v2.53/service-force-down-put-req.json).
FORCE_DOWN_REQUEST: dict[str, Any] = {"forced_down": True}

#: Its answer (v2.53/service-force-down-put-resp.json).
FORCE_DOWN_RESPONSE: dict[str, Any] = {
    "service": {
        "id": SERVICE_ID,
        "binary": "nova-compute",
        "disabled_reason": "test2",
        "host": "host1",
        "state": "down",
        "status": "disabled",
        "updated_at": "2012-10-29T13:42:05.000000",
        "forced_down": True,
        "zone": "nova",
    }
}
