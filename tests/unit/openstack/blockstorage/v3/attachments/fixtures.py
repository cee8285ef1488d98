"""Block storage v3 attachment bodies, shaped like Cinder's api-ref samples.

``attachment-create-request``, ``attachment-list-response``,
``attachment-list-detailed-response``, ``attachment-update-response`` and
``attachment-complete``; the connection information has the members Cinder's iSCSI
driver writes.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.blockstorage.conftest import VOLUME

ATTACHMENT_ID = "3b8b6631-1cf7-4fd7-9afb-c01e541a073c"
VOLUME_ID = "462dcc2d-130d-4654-8db1-da0df2da6a0d"
INSTANCE = "31c79baf-b59e-469c-979f-1df4ecb6eea7"
CHAP_SECRET = "pW7vQ2sLr9"

#: The connector of attachment-create-request.json.
CONNECTOR: dict[str, Any] = {
    "initiator": "iqn.1993-08.org.debian: 01: cad181614cec",
    "ip": "192.168.1.20",
    "platform": "x86_64",
    "host": "tempest-1",
    "os_type": "linux2",
    "multipath": False,
    "mountpoint": "/dev/vdb",
    "mode": "ro",
}

#: ``POST /attachments`` (attachment-create-request.json).
CREATE_REQUEST: dict[str, Any] = {
    "attachment": {
        "instance_uuid": "462dcc2d-130d-4654-8db1-da0df2da6a0d",
        "connector": CONNECTOR,
        "volume_uuid": VOLUME_ID,
    }
}

#: One attachment with details (attachment-list-detailed-response.json).
DETAIL: dict[str, Any] = {
    "status": "attaching",
    "detached_at": "2015-09-16T09:28:52.000000",
    "connection_info": {},
    "attached_at": "2015-09-16T09:28:52.000000",
    "attach_mode": "ro",
    "instance": INSTANCE,
    "volume_id": VOLUME_ID,
    "id": ATTACHMENT_ID,
}

#: ``GET /attachments`` (attachment-list-response.json).
SUMMARY_LIST: dict[str, Any] = {
    "attachments": [
        {"status": "attaching", "instance": INSTANCE, "id": ATTACHMENT_ID, "volume_id": VOLUME_ID}
    ]
}

#: The answer to ``PUT /attachments/{id}`` once the driver exported the volume.
UPDATED: dict[str, Any] = {
    "attachment": {
        **DETAIL,
        "connection_info": {
            "driver_volume_type": "iscsi",
            "target_iqn": f"iqn.2010-10.org.openstack:volume-{VOLUME_ID}",
            "target_portal": "192.168.1.21:3260",
            "target_lun": 0,
            "auth_method": "CHAP",
            "auth_username": "u3Rk8w",
            "auth_password": CHAP_SECRET,
        },
    }
}


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)
