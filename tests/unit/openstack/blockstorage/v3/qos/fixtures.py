"""Block storage v3 QoS spec bodies, shaped like Cinder's api-ref samples.

``qos/qos-create-request``, ``qos/qos-create-response``, ``qos/qos-show-response``,
``qos/qos-update-request/response``, ``qos/qos-unset-request`` and the associations
answer ``qos-specs-v3-qos-specs.inc`` documents.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.blockstorage.conftest import VOLUME

QOS_ID = "599ef437-1c99-42ec-9fc6-239d0519fef1"

#: ``POST /qos-specs`` (qos/qos-create-request.json).
CREATE_REQUEST: dict[str, Any] = {
    "qos_specs": {"availability": "100", "name": "reliability-spec", "numberOfFailures": "0"}
}

#: Its answer (qos/qos-create-response.json).
CREATE_RESPONSE: dict[str, Any] = {
    "qos_specs": {
        "specs": {"availability": "100", "numberOfFailures": "0"},
        "consumer": "back-end",
        "name": "reliability-spec",
        "id": QOS_ID,
    },
    "links": [
        {
            "href": f"http://23.253.248.171:8776/v3/89afd400-b646-4bbc-b12b-c0a4d63e5bd3/qos-specs/{QOS_ID}",
            "rel": "self",
        },
        {
            "href": f"http://23.253.248.171:8776/89afd400-b646-4bbc-b12b-c0a4d63e5bd3/qos-specs/{QOS_ID}",
            "rel": "bookmark",
        },
    ],
}

#: ``GET /qos-specs`` (qos/qos-list-response.json).
LIST: dict[str, Any] = {
    "qos_specs": [
        {
            "specs": {"availability": "100", "numberOfFailures": "0"},
            "consumer": "back-end",
            "name": "reliability-spec",
            "id": "0388d6c6-d5d4-42a3-b289-95205c50dd15",
        },
        {
            "specs": {"delay": "0", "throughput": "100"},
            "consumer": "back-end",
            "name": "performance-spec",
            "id": "ecfc6e2e-7117-44a4-8eec-f84d04f531a8",
        },
    ]
}

#: ``GET /qos-specs/{id}/associations``.
ASSOCIATIONS: dict[str, Any] = {
    "qos_associations": [
        {
            "association_type": "volume_type",
            "name": "reliability-type",
            "id": "a12983c2-83bd-4afa-be9f-ad796573ead6",
        }
    ]
}


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)
