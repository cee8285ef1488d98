"""Block storage v3 volume type bodies, shaped like Cinder's api-ref samples.

``volume-type-show-response``, ``volume-types-list-response``; the create body follows
Cinder's request schema for ``POST /types`` (``os-volume-type-access:is_public``); extra
specs and access lists follow ``volume-type-extra-specs-*`` and
``volume-type-access-list-response``.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.blockstorage.conftest import VOLUME

TYPE_ID = "6685584b-1eac-4da6-b5c3-555430cf68ff"
PROJECT = "f270b245cb11498ca4031deb7e141cfa"

#: ``GET /types/{id}`` (volume-type-show-response.json).
TYPE: dict[str, Any] = {
    "volume_type": {
        "id": TYPE_ID,
        "qos_specs_id": None,
        "name": "vol-type-001",
        "description": "volume type 0001",
        "os-volume-type-access:is_public": True,
        "is_public": True,
        "extra_specs": {"capabilities": "gpu"},
    }
}

#: ``GET /types`` (volume-types-list-response.json).
TYPES: dict[str, Any] = {
    "volume_types": [
        {
            "name": "SSD",
            "qos_specs_id": None,
            "extra_specs": {"volume_backend_name": "lvmdriver-1"},
            "os-volume-type-access:is_public": True,
            "is_public": True,
            "id": TYPE_ID,
            "description": None,
        },
        {
            "name": "SATA",
            "qos_specs_id": None,
            "extra_specs": {"volume_backend_name": "lvmdriver-1"},
            "os-volume-type-access:is_public": True,
            "is_public": True,
            "id": "8eb69a46-df97-4e41-9586-9a40a7533803",
            "description": None,
        },
    ]
}

#: A private type as a non-administrator sees it (no extra specs, no QoS id).
PRIVATE_TYPE: dict[str, Any] = {
    "volume_type": {
        "id": TYPE_ID,
        "name": "vol-type-001",
        "description": None,
        "is_public": False,
    }
}

#: ``GET /types/{id}/os-volume-type-access`` (volume-type-access-list-response.json).
ACCESS: dict[str, Any] = {
    "volume_type_access": [{"volume_type_id": TYPE_ID, "project_id": PROJECT}]
}


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)
