"""Volume attachment bodies, shaped like Nova's api-samples (``doc/api_samples/os-volumes``).

attach-volume-to-server-req/resp at 2.79, list-volume-attachments-resp at 2.1 and 2.79,
volume-attachment-detail-resp at 2.89, update-volume-req.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

SERVER_ID = "09b3b9d1-b8c5-48e1-841d-62c3ef967a88"
VOLUME_ID = "a07f71dc-8151-4e7d-a0cc-cd24a3f11113"
NEW_VOLUME_ID = "a26887c6-c47b-4654-abb5-dfadf7d3f805"


def path(*parts: str) -> str:
    """The path of a compute URL on the fake server: ``/compute/v2.1/<parts>``."""
    return COMPUTE + "/" + "/".join(parts)


ATTACHMENTS = path("servers", SERVER_ID, "os-volume_attachments")
ATTACHMENT = path("servers", SERVER_ID, "os-volume_attachments", VOLUME_ID)

#: ``POST`` at 2.79 (v2.79/attach-volume-to-server-req.json).
ATTACH_REQUEST_V279: dict[str, Any] = {
    "volumeAttachment": {"volumeId": VOLUME_ID, "tag": "foo", "delete_on_termination": True}
}

#: The answer (v2.79/attach-volume-to-server-resp.json).
ATTACH_RESPONSE_V279: dict[str, Any] = {
    "volumeAttachment": {
        "delete_on_termination": True,
        "device": "/dev/sdb",
        "id": VOLUME_ID,
        "serverId": SERVER_ID,
        "tag": "foo",
        "volumeId": VOLUME_ID,
    }
}

#: ``GET`` at 2.1 (list-volume-attachments-resp.json).
LIST_V21: dict[str, Any] = {
    "volumeAttachments": [
        {
            "device": "/dev/sdc",
            "id": "227cc671-f30b-4488-96fd-7d0bf13648d8",
            "serverId": SERVER_ID,
            "volumeId": "227cc671-f30b-4488-96fd-7d0bf13648d8",
        },
        {"device": "/dev/sdb", "id": VOLUME_ID, "serverId": SERVER_ID, "volumeId": VOLUME_ID},
    ]
}

#: ``GET`` at 2.79 (v2.79/list-volume-attachments-resp.json).
LIST_V279: dict[str, Any] = {
    "volumeAttachments": [
        {
            "delete_on_termination": False,
            "device": "/dev/sdc",
            "id": "227cc671-f30b-4488-96fd-7d0bf13648d8",
            "serverId": SERVER_ID,
            "tag": None,
            "volumeId": "227cc671-f30b-4488-96fd-7d0bf13648d8",
        },
        {
            "delete_on_termination": True,
            "device": "/dev/sdb",
            "id": VOLUME_ID,
            "serverId": SERVER_ID,
            "tag": "foo",
            "volumeId": VOLUME_ID,
        },
    ]
}

#: ``GET /{volume_id}`` at 2.89 (v2.89/volume-attachment-detail-resp.json).
DETAIL_V289: dict[str, Any] = {
    "volumeAttachment": {
        "attachment_id": "721a5c82-5ebc-4c6a-8339-3d33d8d027ed",
        "delete_on_termination": True,
        "device": "/dev/sdb",
        "serverId": SERVER_ID,
        "tag": "foo",
        "volumeId": VOLUME_ID,
        "bdm_uuid": "c088db45-92b8-49e8-81e2-a1b77a144b3b",
    }
}

#: ``PUT /{volume_id}``, a swap (update-volume-req.json).
SWAP_REQUEST: dict[str, Any] = {"volumeAttachment": {"volumeId": NEW_VOLUME_ID}}

NOT_FOUND = {
    "itemNotFound": {
        "code": 404,
        "message": f"volume_id not found: {VOLUME_ID}",
    }
}
