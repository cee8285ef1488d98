"""Quota set bodies, shaped like Nova's api-samples (``doc/api_samples/os-quota-sets``).

quotas-show-defaults-get-resp and quotas-show-detail-get-resp at 2.1 and 2.36, and
quotas-update-post-req/resp, quotas-update-force-post-resp and user-quotas-update-post-req
at 2.57.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

PROJECT_ID = "fake_tenant"
QUOTAS = f"{COMPUTE}/os-quota-sets/{PROJECT_ID}"


def _used(limit: int) -> dict[str, int]:
    return {"in_use": 0, "limit": limit, "reserved": 0}


#: ``GET /{project_id}/defaults`` at 2.1 (quotas-show-defaults-get-resp.json).
DEFAULTS_V21: dict[str, Any] = {
    "quota_set": {
        "cores": 20,
        "fixed_ips": 10,
        "floating_ips": 10,
        "id": PROJECT_ID,
        "injected_file_content_bytes": 10240,
        "injected_file_path_bytes": 255,
        "injected_files": 5,
        "instances": 10,
        "key_pairs": 100,
        "metadata_items": 128,
        "ram": 51200,
        "security_group_rules": 20,
        "security_groups": 10,
    }
}

#: ``GET /{project_id}`` at 2.57: what the update answers, with the id (quotas-show at 2.57).
GET_V257: dict[str, Any] = {
    "quota_set": {
        "id": PROJECT_ID,
        "cores": 20,
        "instances": 10,
        "key_pairs": 100,
        "metadata_items": 128,
        "ram": 51200,
        "server_groups": 10,
        "server_group_members": 10,
    }
}

#: ``GET /{project_id}/detail`` at 2.1 (quotas-show-detail-get-resp.json).
DETAIL_V21: dict[str, Any] = {
    "quota_set": {
        "cores": _used(20),
        "fixed_ips": _used(-1),
        "floating_ips": _used(10),
        "id": PROJECT_ID,
        "injected_file_content_bytes": _used(10240),
        "injected_file_path_bytes": _used(255),
        "injected_files": _used(5),
        "instances": _used(10),
        "key_pairs": _used(100),
        "metadata_items": _used(128),
        "ram": _used(51200),
        "security_group_rules": _used(20),
        "security_groups": _used(10),
        "server_group_members": _used(10),
        "server_groups": _used(10),
    }
}

#: ``GET /{project_id}/detail`` at 2.36 (v2.36/quotas-show-detail-get-resp.json), some use.
DETAIL_V236: dict[str, Any] = {
    "quota_set": {
        "cores": {"in_use": 4, "limit": 20, "reserved": 0},
        "id": PROJECT_ID,
        "injected_file_content_bytes": _used(10240),
        "injected_file_path_bytes": _used(255),
        "injected_files": _used(5),
        "instances": {"in_use": 2, "limit": 10, "reserved": 0},
        "key_pairs": _used(100),
        "metadata_items": _used(128),
        "ram": {"in_use": 1024, "limit": 51200, "reserved": 0},
        "server_group_members": _used(10),
        "server_groups": _used(10),
    }
}

#: ``PUT`` at 2.57 (v2.57/quotas-update-post-req.json) and its answer.
UPDATE_REQUEST: dict[str, Any] = {"quota_set": {"instances": 20}}
UPDATE_RESPONSE: dict[str, Any] = {
    "quota_set": {
        "cores": 20,
        "instances": 20,
        "key_pairs": 100,
        "metadata_items": 128,
        "ram": 51200,
        "server_groups": 10,
        "server_group_members": 10,
    }
}

#: ``PUT`` with force (quotas-update-force-post-req.json) and its answer at 2.57.
FORCE_REQUEST: dict[str, Any] = {"quota_set": {"instances": 45, "force": True}}
FORCE_RESPONSE: dict[str, Any] = {"quota_set": {**UPDATE_RESPONSE["quota_set"], "instances": 45}}

#: ``PUT ?user_id=`` at 2.57 (v2.57/user-quotas-update-post-req.json).
USER_UPDATE_REQUEST: dict[str, Any] = {"quota_set": {"instances": 9}}
