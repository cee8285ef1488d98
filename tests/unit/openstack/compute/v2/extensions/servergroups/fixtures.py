"""Server group bodies, shaped like Nova's api-samples (``doc/api_samples/os-server-groups``).

server-groups-post-req and server-groups-get-resp at 2.1, server-groups-list-resp at 2.13,
server-groups-post-req/resp and server-groups-list-resp at 2.64.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

GROUP_ID = "5bbcc3c4-1da2-4437-a48a-66f15b1b13f9"
PROJECT_ID = "6f70656e737461636b20342065766572"

GROUPS = COMPUTE + "/os-server-groups"
GROUP = f"{GROUPS}/{GROUP_ID}"

#: ``POST`` at 2.1 (server-groups-post-req.json, with a real policy name).
CREATE_REQUEST_V21: dict[str, Any] = {
    "server_group": {"name": "test", "policies": ["anti-affinity"]}
}

#: ``GET /{id}`` at 2.1 (server-groups-get-resp.json).
GET_RESPONSE_V21: dict[str, Any] = {
    "server_group": {
        "id": GROUP_ID,
        "name": "test",
        "policies": ["anti-affinity"],
        "members": [],
        "metadata": {},
    }
}

#: ``GET`` at 2.13 (v2.13/server-groups-list-resp.json).
LIST_V213: dict[str, Any] = {
    "server_groups": [
        {
            "id": "616fb98f-46ca-475e-917e-2563e5a8cd19",
            "name": "test",
            "policies": ["anti-affinity"],
            "members": [],
            "metadata": {},
            "project_id": "openstack",
            "user_id": "fake",
        }
    ]
}

#: ``POST`` at 2.64 (v2.64/server-groups-post-req.json).
CREATE_REQUEST_V264: dict[str, Any] = {
    "server_group": {"name": "test", "policy": "anti-affinity", "rules": {"max_server_per_host": 3}}
}

#: The answer (v2.64/server-groups-post-resp.json).
CREATE_RESPONSE_V264: dict[str, Any] = {
    "server_group": {
        "id": GROUP_ID,
        "name": "test",
        "policy": "anti-affinity",
        "rules": {"max_server_per_host": 3},
        "members": [],
        "project_id": PROJECT_ID,
        "user_id": "fake",
    }
}

#: ``GET`` at 2.64 (v2.64/server-groups-list-resp.json).
LIST_V264: dict[str, Any] = {
    "server_groups": [
        {
            "id": "616fb98f-46ca-475e-917e-2563e5a8cd19",
            "name": "test",
            "policy": "anti-affinity",
            "rules": {"max_server_per_host": 3},
            "members": [],
            "project_id": PROJECT_ID,
            "user_id": "fake",
        }
    ]
}

NOT_FOUND = {
    "itemNotFound": {"code": 404, "message": f"Instance group {GROUP_ID} could not be found."}
}
