"""Block storage v3 volume bodies, shaped like Cinder's api-ref samples, and their routes.

Bodies follow ``api-ref/source/v3/samples/volumes/`` (volume-show-response at 3.0, 3.63
and 3.65, volume-create-request/response, volume-update-request/response,
volumes-list-response, volumes-list-detailed-response, volume-metadata-update-request),
``volumes-list-summary-response``, ``volume-upload-to-image-request/response``,
``volume-os-retype-request``, ``volume-status-reset-request``, ``volume-attach-request``
and ``volume-initialize-connection-request``. The attached volume and the iSCSI
connection information have the members Cinder's volume view and iSCSI driver write.
Next links point at the fake server.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import VOLUME

VOLUME_ID = "f7223234-1afc-4d19-bfa3-d19deb6235ef"
SAMPLE_PROJECT = "89afd400-b646-4bbc-b12b-c0a4d63e5bd3"
USER_ID = "c853ca26-e8ea-4797-8a52-ee124a013d0e"
SERVER_ID = "95d9ef50-507d-11e5-b970-0800200c9a66"
ATTACHMENT_ID = "3b8b6631-1cf7-4fd7-9afb-c01e541a073c"
IMAGE_ID = "de75b74e-7f0d-4b59-a263-bd87bfc313bd"

_HOST = "http://127.0.0.1:45839"


def _links(volume_id: str) -> list[dict[str, str]]:
    return [
        {"href": f"{_HOST}/v3/{SAMPLE_PROJECT}/volumes/{volume_id}", "rel": "self"},
        {"href": f"{_HOST}/{SAMPLE_PROJECT}/volumes/{volume_id}", "rel": "bookmark"},
    ]


#: ``GET /volumes/{id}`` at 3.0 (volumes/volume-show-response.json).
VOLUME_V30: dict[str, Any] = {
    "volume": {
        "attachments": [],
        "availability_zone": "nova",
        "bootable": "false",
        "consistencygroup_id": None,
        "created_at": "2018-11-29T06:50:07.770785",
        "description": None,
        "encrypted": False,
        "id": VOLUME_ID,
        "links": _links(VOLUME_ID),
        "metadata": {},
        "migration_status": None,
        "multiattach": False,
        "name": None,
        "os-vol-host-attr:host": None,
        "os-vol-mig-status-attr:migstat": None,
        "os-vol-mig-status-attr:name_id": None,
        "os-vol-tenant-attr:tenant_id": SAMPLE_PROJECT,
        "replication_status": None,
        "size": 10,
        "snapshot_id": None,
        "source_volid": None,
        "status": "creating",
        "updated_at": None,
        "user_id": USER_ID,
        "volume_type": None,
    }
}

#: ``GET /volumes/{id}`` at 3.63 (volumes/v3.63/volume-show-response.json).
VOLUME_V363: dict[str, Any] = {
    "volume": {
        **VOLUME_V30["volume"],
        "volume_type": "__DEFAULT__",
        "provider_id": None,
        "group_id": None,
        "service_uuid": None,
        "shared_targets": True,
        "cluster_name": None,
        "volume_type_id": "5fed9d7c-401d-46e2-8e80-f30c70cb7e1d",
    }
}

#: ``GET /volumes/{id}`` at 3.65 (volumes/v3.65/volume-show-response.json).
VOLUME_V365: dict[str, Any] = {"volume": {**VOLUME_V363["volume"], "consumes_quota": True}}

#: An in-use, bootable volume made from an image, as an administrator sees it at 3.69
#: (shared_targets null is the tristate's "force locking").
VOLUME_ATTACHED: dict[str, Any] = {
    "volume": {
        **VOLUME_V365["volume"],
        "attachments": [
            {
                "id": VOLUME_ID,
                "attachment_id": ATTACHMENT_ID,
                "volume_id": VOLUME_ID,
                "server_id": SERVER_ID,
                "host_name": "compute-1",
                "device": "/dev/vdb",
                "attached_at": "2018-11-29T07:01:24.000000",
            }
        ],
        "bootable": "true",
        "name": "boot-vol",
        "description": "root disk",
        "status": "in-use",
        "updated_at": "2018-11-29T07:01:24.000000",
        "metadata": {"readonly": "False", "attached_mode": "rw"},
        "multiattach": False,
        "os-vol-host-attr:host": "cinder-host@lvmdriver-1#lvmdriver-1",
        "migration_status": "success",
        "os-vol-mig-status-attr:migstat": "success",
        "os-vol-mig-status-attr:name_id": "a5f3cbd4-9a0e-4f7e-8b7a-2b1f4e1d3c2a",
        "replication_status": "disabled",
        "group_id": "8fbe5733-eb03-4c88-9ef9-f32b7d03a5e4",
        "provider_id": "lun-42",
        "service_uuid": "2f122d0a-3a9c-4d2e-9d3f-5c6e1b2a7d8f",
        "shared_targets": None,
        "cluster_name": "cluster@lvmdriver-1",
        "volume_image_metadata": {
            "checksum": "eb9139e4942121f22bbc2afc0400b2a4",
            "min_ram": "0",
            "disk_format": "qcow2",
            "image_name": "cirros-0.6.2-x86_64-disk",
            "image_id": IMAGE_ID,
            "container_format": "bare",
            "min_disk": "0",
            "size": "21430272",
        },
    }
}

#: ``POST /volumes`` (volumes/volume-create-request.json).
CREATE_REQUEST: dict[str, Any] = {
    "volume": {
        "size": 10,
        "availability_zone": None,
        "source_volid": None,
        "description": None,
        "multiattach": False,
        "snapshot_id": None,
        "backup_id": None,
        "name": None,
        "imageRef": None,
        "volume_type": None,
        "metadata": {},
        "consistencygroup_id": None,
    },
    "OS-SCH-HNT:scheduler_hints": {
        "same_host": [
            "a0cf03a5-d921-4877-bb5c-86d26cf818e1",
            "8c19174f-4220-44f0-824a-cd1eeef10287",
        ]
    },
}

CREATED_ID = "2b955850-f177-45f7-9f49-ecb2c256d161"

#: The answer to ``POST /volumes`` (volumes/volume-create-response.json).
CREATE_RESPONSE: dict[str, Any] = {
    "volume": {
        "attachments": [],
        "availability_zone": "nova",
        "bootable": "false",
        "consistencygroup_id": None,
        "created_at": "2018-11-28T06:21:12.715987",
        "description": None,
        "encrypted": False,
        "id": CREATED_ID,
        "links": _links(CREATED_ID),
        "metadata": {},
        "migration_status": None,
        "multiattach": False,
        "name": None,
        "replication_status": None,
        "size": 10,
        "snapshot_id": None,
        "source_volid": None,
        "status": "creating",
        "updated_at": None,
        "user_id": USER_ID,
        "volume_type": None,
    }
}

UPDATED_ID = "8b2459d1-0059-4e14-a89f-dfa73a452af6"

#: ``PUT /volumes/{id}`` (volumes/volume-update-request.json).
UPDATE_REQUEST: dict[str, Any] = {
    "volume": {
        "name": "vol-003",
        "description": "This is yet, another volume.",
        "metadata": {"name": "metadata0"},
    }
}

#: The answer to ``PUT /volumes/{id}`` (volumes/volume-update-response.json).
UPDATE_RESPONSE: dict[str, Any] = {
    "volume": {
        **CREATE_RESPONSE["volume"],
        "created_at": "2018-11-29T06:59:23.679903",
        "description": "This is yet, another volume.",
        "id": UPDATED_ID,
        "links": _links(UPDATED_ID),
        "metadata": {"name": "metadata0"},
        "name": "vol-003",
    }
}

LISTED_ID = "cb49b381-9012-40cb-b8ee-80c19a4801b5"

#: One volume of ``GET /volumes/detail`` (volumes/volumes-list-detailed-response.json).
LISTED_VOLUME: dict[str, Any] = {
    "attachments": [],
    "availability_zone": "nova",
    "bootable": "false",
    "consistencygroup_id": None,
    "created_at": "2018-11-28T06:25:15.288987",
    "description": None,
    "encrypted": False,
    "id": LISTED_ID,
    "links": _links(LISTED_ID),
    "metadata": {},
    "migration_status": None,
    "multiattach": False,
    "name": None,
    "os-vol-host-attr:host": None,
    "os-vol-mig-status-attr:migstat": None,
    "os-vol-mig-status-attr:name_id": None,
    "os-vol-tenant-attr:tenant_id": SAMPLE_PROJECT,
    "replication_status": None,
    "size": 10,
    "snapshot_id": None,
    "source_volid": None,
    "status": "creating",
    "updated_at": None,
    "user_id": USER_ID,
    "volume_type": "__DEFAULT__",
    "volume_type_id": "5fed9d7c-401d-46e2-8e80-f30c70cb7e1d",
    "provider_id": None,
    "group_id": None,
    "service_uuid": None,
    "shared_targets": True,
    "cluster_name": None,
}

#: ``GET /volumes`` (volumes/volumes-list-response.json).
VOLUMES_SUMMARY_LIST: dict[str, Any] = {
    "volumes": [
        {
            "id": "efa54464-8fab-47cd-a05a-be3e6b396188",
            "links": _links("efa54464-8fab-47cd-a05a-be3e6b396188"),
            "name": None,
        }
    ]
}

#: ``GET /volumes/summary`` at 3.36 (volumes-list-summary-response.json).
SUMMARY: dict[str, Any] = {
    "volume-summary": {
        "total_size": 4,
        "total_count": 4,
        "metadata": {"key1": ["value1", "value2"], "key2": ["value2"]},
    }
}

#: ``PUT/POST /volumes/{id}/metadata`` (volumes/volume-metadata-update-request.json).
METADATA: dict[str, Any] = {"metadata": {"name": "metadata1"}}

#: ``os-volume_upload_image`` (volume-upload-to-image-request.json).
UPLOAD_REQUEST: dict[str, Any] = {
    "os-volume_upload_image": {
        "image_name": "test",
        "force": False,
        "disk_format": "raw",
        "container_format": "bare",
        "visibility": "private",
        "protected": False,
    }
}

#: Its answer (volume-upload-to-image-response.json).
UPLOAD_RESPONSE: dict[str, Any] = {
    "os-volume_upload_image": {
        "status": "uploading",
        "container_format": "bare",
        "image_name": "test",
        "visibility": "private",
        "updated_at": "2017-06-05T08:44:28.000000",
        "image_id": IMAGE_ID,
        "display_description": None,
        "id": "3a81fdac-e8ae-4e61-b6a2-2e14ff316f19",
        "size": 1,
        "disk_format": "raw",
        "volume_type": None,
        "protected": False,
    }
}

#: The connector of volume-initialize-connection-request.json.
CONNECTOR: dict[str, Any] = {
    "platform": "x86_64",
    "host": "node2",
    "do_local_attach": False,
    "ip": "192.168.13.101",
    "os_type": "linux2",
    "multipath": False,
    "initiator": "iqn.1994-05.com.redhat:d16cbb5d31e5",
}

CHAP_SECRET = "kT9pLmQ2xWv7"

#: The answer of ``os-initialize_connection`` from an iSCSI back end using CHAP.
CONNECTION_INFO: dict[str, Any] = {
    "connection_info": {
        "driver_volume_type": "iscsi",
        "data": {
            "target_discovered": False,
            "target_iqn": f"iqn.2010-10.org.openstack:volume-{VOLUME_ID}",
            "target_portal": "192.168.13.100:3260",
            "target_lun": 1,
            "volume_id": VOLUME_ID,
            "auth_method": "CHAP",
            "auth_username": "xR3bG9vQ",
            "auth_password": CHAP_SECRET,
            "encrypted": False,
            "access_mode": "rw",
        },
    }
}


def volume_with(status: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """A copy of a volume body (default: 3.0's) with another status."""
    data = copy.deepcopy(body or VOLUME_V30)
    data["volume"]["status"] = status
    return data


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)


def handle_get(server: FakeServer, body: dict[str, Any], volume_id: str = VOLUME_ID) -> None:
    """Answer ``GET /volumes/{volume_id}`` with ``body``."""
    server.route("GET", path("volumes", volume_id), Reply(200, body))


def detail_pages(server: FakeServer) -> None:
    """Two pages of ``GET /volumes/detail``: the first links to the second by marker."""
    second = copy.deepcopy(LISTED_VOLUME)
    second["id"] = "0b2ad2f6-7bdf-4b4c-9a2b-0c3c4d5e6f70"
    second["name"] = "second"
    first_page = {
        "volumes": [LISTED_VOLUME],
        "volumes_links": [
            {
                "href": f"{server.url}{path('volumes', 'detail')}?limit=1&marker={LISTED_ID}",
                "rel": "next",
            }
        ],
        "count": 2,
    }
    second_page = {"volumes": [second], "count": 2}

    def reply(recorded: Any) -> Reply:
        return Reply(200, second_page if "marker" in recorded.query else first_page)

    server.route("GET", path("volumes", "detail"), reply)
