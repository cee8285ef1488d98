"""Block storage v3 snapshot bodies, shaped like Cinder's api-ref samples.

Bodies follow ``api-ref/source/v3/samples/snapshots/`` (snapshot-show-response at 3.0 and
3.65, snapshot-create-request, snapshots-list-detailed-response, snapshot-update-request,
snapshot-metadata-*).
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.blockstorage.conftest import VOLUME

SNAPSHOT_ID = "4a584cae-e4ce-429b-9154-d4c9eb8fda4c"
SAMPLE_PROJECT = "89afd400-b646-4bbc-b12b-c0a4d63e5bd3"
USER_ID = "c853ca26-e8ea-4797-8a52-ee124a013d0e"
VOLUME_ID = "b72c48f1-64b7-4cd8-9745-b12e0be82d37"

#: ``GET /snapshots/{id}`` at 3.65 (snapshots/v3.65/snapshot-show-response.json).
SNAPSHOT_V365: dict[str, Any] = {
    "snapshot": {
        "created_at": "2019-03-12T04:42:00.809352",
        "description": "Daily backup",
        "id": SNAPSHOT_ID,
        "metadata": {"key": "v3"},
        "name": "snap-001",
        "os-extended-snapshot-attributes:progress": "0%",
        "os-extended-snapshot-attributes:project_id": SAMPLE_PROJECT,
        "size": 10,
        "status": "creating",
        "updated_at": None,
        "volume_id": VOLUME_ID,
        "group_snapshot_id": None,
        "user_id": USER_ID,
        "consumes_quota": True,
    }
}

#: ``GET /snapshots/{id}`` at 3.0 (snapshots/snapshot-show-response.json).
SNAPSHOT_V30: dict[str, Any] = {
    "snapshot": {
        key: value
        for key, value in SNAPSHOT_V365["snapshot"].items()
        if key not in ("group_snapshot_id", "user_id", "consumes_quota")
    }
}

#: ``POST /snapshots`` (snapshots/snapshot-create-request.json).
CREATE_REQUEST: dict[str, Any] = {
    "snapshot": {
        "name": "snap-001",
        "description": "Daily backup",
        "volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635",
        "force": True,
        "metadata": {"key": "v3"},
    }
}

#: ``GET /snapshots/detail`` (snapshots/snapshots-list-detailed-response.json).
LIST_DETAIL: dict[str, Any] = {
    "snapshots": [
        {
            "created_at": "2019-03-11T16:24:36.464445",
            "description": "Daily backup",
            "id": "d0083dc5-8795-4c1a-bc9c-74f70006c205",
            "metadata": {"key": "v3"},
            "name": "snap-001",
            "os-extended-snapshot-attributes:progress": "0%",
            "os-extended-snapshot-attributes:project_id": SAMPLE_PROJECT,
            "size": 10,
            "status": "creating",
            "updated_at": None,
            "volume_id": "7acd675e-4e06-4653-af9f-2ecd546342d6",
        }
    ]
}

#: ``PUT /snapshots/{id}`` (snapshots/snapshot-update-request.json).
UPDATE_REQUEST: dict[str, Any] = {
    "snapshot": {"name": "snap-002", "description": "This is yet, another snapshot."}
}


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)


def with_status(status: str) -> dict[str, Any]:
    """The 3.0 snapshot with another status."""
    return {"snapshot": {**SNAPSHOT_V30["snapshot"], "status": status}}
