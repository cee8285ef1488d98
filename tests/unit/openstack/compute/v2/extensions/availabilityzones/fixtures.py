"""Availability zone bodies, shaped like Nova's api-samples (``os-availability-zone``).

availability-zone-list (the plain listing) and availability-zone-detail-resp, with one
``updated_at`` set as a running cloud reports it.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

ZONES = f"{COMPUTE}/os-availability-zone"
DETAIL = f"{ZONES}/detail"

#: ``GET /os-availability-zone``.
LIST: dict[str, Any] = {
    "availabilityZoneInfo": [{"hosts": None, "zoneName": "nova", "zoneState": {"available": True}}]
}

#: ``GET /os-availability-zone/detail`` (availability-zone-detail-resp.json).
DETAIL_RESPONSE: dict[str, Any] = {
    "availabilityZoneInfo": [
        {
            "hosts": {
                "conductor": {
                    "nova-conductor": {"active": True, "available": True, "updated_at": None}
                },
                "scheduler": {
                    "nova-scheduler": {"active": True, "available": True, "updated_at": None}
                },
            },
            "zoneName": "internal",
            "zoneState": {"available": True},
        },
        {
            "hosts": {
                "compute": {
                    "nova-compute": {
                        "active": True,
                        "available": True,
                        "updated_at": "2012-12-26T14:45:25.000000",
                    }
                }
            },
            "zoneName": "nova",
            "zoneState": {"available": True},
        },
    ]
}
