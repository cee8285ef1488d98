"""Block storage v3 quota set bodies, shaped like Cinder's api-ref samples.

``quotas-show-response``, ``quotas-show-usage-response``; the update request and answer
have the members ``quota-sets.inc`` documents for ``PUT /os-quota-sets/{project_id}``.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.blockstorage.conftest import VOLUME

PROJECT_ID = "a7090a26bc554d93aa845a4d41808251"

#: ``GET /os-quota-sets/{project_id}`` (quotas-show-response.json).
QUOTAS: dict[str, Any] = {
    "quota_set": {
        "id": PROJECT_ID,
        "volumes": 10,
        "volumes_ceph": -1,
        "volumes_lvm-thin": -1,
        "volumes_lvmdriver-1": -1,
        "snapshots": 10,
        "snapshots_ceph": -1,
        "snapshots_lvm-thin": -1,
        "snapshots_lvmdriver-1": -1,
        "backups": 10,
        "groups": 10,
        "per_volume_gigabytes": -1,
        "gigabytes": 1000,
        "gigabytes_ceph": -1,
        "gigabytes_lvm-thin": -1,
        "gigabytes_lvmdriver-1": -1,
        "backup_gigabytes": 1000,
    }
}


def _usage(limit: int, in_use: int = 0) -> dict[str, int]:
    return {"reserved": 0, "allocated": 0, "limit": limit, "in_use": in_use}


#: ``GET /os-quota-sets/{project_id}?usage=True`` (quotas-show-usage-response.json).
USAGE: dict[str, Any] = {
    "quota_set": {
        "id": PROJECT_ID,
        "volumes": _usage(10),
        "volumes_lvmdriver-1": _usage(-1),
        "snapshots": _usage(10),
        "snapshots_lvmdriver-1": _usage(-1),
        "backups": _usage(10),
        "groups": _usage(10),
        "per_volume_gigabytes": _usage(-1),
        "gigabytes": _usage(1000),
        "gigabytes_lvmdriver-1": _usage(1000),
        "backup_gigabytes": _usage(1000),
    }
}

#: The answer to ``PUT /os-quota-sets/{project_id}`` (no ``id``).
UPDATED: dict[str, Any] = {
    "quota_set": {
        key: value
        for key, value in {**QUOTAS["quota_set"], "volumes": 20, "volumes_lvmdriver-1": 5}.items()
        if key != "id"
    }
}


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)
