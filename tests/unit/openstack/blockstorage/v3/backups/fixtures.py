"""Block storage v3 backup bodies, shaped like Cinder's api-ref samples.

``backups/v3.56/backup-show-response``, ``backups/backup-create-request/response``,
``backup-restore-response``, ``backup-record-import-response``; the exported record has
the members ``ext-backups.inc`` documents.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.blockstorage.conftest import VOLUME

BACKUP_ID = "3052c307-119e-4f78-960e-972078aa15a8"
SAMPLE_PROJECT = "89afd400-b646-4bbc-b12b-c0a4d63e5bd3"
USER_ID = "c853ca26-e8ea-4797-8a52-ee124a013d0e"
VOLUME_ID = "e763a78b-edc5-48fb-bbb3-fddc1062e27a"

_HOST = "http://127.0.0.1:38135"


def _links(backup_id: str) -> list[dict[str, str]]:
    return [
        {"href": f"{_HOST}/v3/{SAMPLE_PROJECT}/backups/{backup_id}", "rel": "self"},
        {"href": f"{_HOST}/{SAMPLE_PROJECT}/backups/{backup_id}", "rel": "bookmark"},
    ]


#: ``GET /backups/{id}`` at 3.56 (backups/v3.56/backup-show-response.json).
BACKUP_V356: dict[str, Any] = {
    "backup": {
        "availability_zone": None,
        "container": None,
        "created_at": "2023-06-23T11:56:08.691468",
        "data_timestamp": "2023-06-23T11:56:08.691468",
        "description": "Test backup",
        "fail_reason": None,
        "has_dependent_backups": False,
        "id": BACKUP_ID,
        "is_incremental": False,
        "links": _links(BACKUP_ID),
        "metadata": {},
        "name": "backup001",
        "object_count": 0,
        "os-backup-project-attr:project_id": SAMPLE_PROJECT,
        "size": 10,
        "snapshot_id": None,
        "status": "creating",
        "updated_at": "2023-06-23T11:56:08.693488",
        "user_id": USER_ID,
        "volume_id": VOLUME_ID,
    }
}

#: ``POST /backups`` (backups/backup-create-request.json, nulls left out).
CREATE_REQUEST: dict[str, Any] = {
    "backup": {
        "description": "Test backup",
        "name": "backup001",
        "volume_id": "0aa67a0c-7339-4be6-b5d5-2afe21ca270c",
        "incremental": False,
        "force": False,
    }
}

CREATED_ID = "b1f41f9b-741e-4992-a246-b97de7e6e87e"

#: Its answer (backups/backup-create-response.json).
CREATE_RESPONSE: dict[str, Any] = {
    "backup": {"id": CREATED_ID, "links": _links(CREATED_ID), "name": "backup001"}
}

#: ``POST /backups/{id}/restore`` answer (backup-restore-response.json).
RESTORE_RESPONSE: dict[str, Any] = {
    "restore": {
        "backup_id": "2ef47aee-8844-490c-804d-2a8efe561c65",
        "volume_id": "795114e8-7489-40be-a978-83797f2c1dd3",
        "volume_name": "volume01",
    }
}

#: ``GET /backups/{id}/export_record`` answer.
RECORD: dict[str, Any] = {
    "backup-record": {
        "backup_service": "cinder.backup.drivers.swift",
        "backup_url": "eyJzdGF0dXMiOiAiYXZhaWxhYmxlIiwgIm9iamVjdF9jb3VudCI6IDJ9",
    }
}

#: ``POST /backups/import_record`` answer (backup-record-import-response.json).
IMPORT_RESPONSE: dict[str, Any] = {
    "backup": {
        "id": "deac8b8c-35c9-4c71-acaa-889c2d5d5c8e",
        "links": [
            {
                "href": "http://localhost:8776/v3/c95fc3e4afe248a49a28828f286a7b38/backups/deac8b8c-35c9-4c71-acaa-889c2d5d5c8e",
                "rel": "self",
            },
            {
                "href": "http://localhost:8776/c95fc3e4afe248a49a28828f286a7b38/backups/deac8b8c-35c9-4c71-acaa-889c2d5d5c8e",
                "rel": "bookmark",
            },
        ],
        "name": None,
    }
}


def with_status(status: str, fail_reason: str | None = None) -> dict[str, Any]:
    """The backup with another status (and failure reason)."""
    return {"backup": {**BACKUP_V356["backup"], "status": status, "fail_reason": fail_reason}}


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)
