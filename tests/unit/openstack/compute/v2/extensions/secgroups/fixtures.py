"""Legacy security group bodies, shaped like Nova's api-samples (``os-security-groups``).

security-groups-list-get-resp, security-group-post-req, security-groups-create-resp,
security-groups-get-resp, security-group-rules-post-req/resp, security-group-add-post-req,
security-group-remove-post-req and server-security-groups-list-resp.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

SERVER_ID = "9168b536-cd40-4630-b43f-b259807c6e87"
TENANT_ID = "6f70656e737461636b20342065766572"
RULE_ID = "00000000-0000-0000-0000-000000000000"

GROUPS = f"{COMPUTE}/os-security-groups"
RULES = f"{COMPUTE}/os-security-group-rules"
SERVER_GROUPS = f"{COMPUTE}/servers/{SERVER_ID}/os-security-groups"
SERVER_ACTION = f"{COMPUTE}/servers/{SERVER_ID}/action"

#: ``GET /os-security-groups`` (security-groups-list-get-resp.json).
LIST: dict[str, Any] = {
    "security_groups": [
        {"description": "default", "id": 1, "name": "default", "rules": [], "tenant_id": TENANT_ID}
    ]
}

#: ``GET /os-security-groups/1`` (security-groups-get-resp.json).
GET_RESPONSE: dict[str, Any] = {
    "security_group": {
        "description": "default",
        "id": 1,
        "name": "default",
        "rules": [],
        "tenant_id": TENANT_ID,
    }
}

#: ``POST /os-security-groups`` (security-group-post-req.json) and its answer.
CREATE_REQUEST: dict[str, Any] = {
    "security_group": {"name": "json-test", "description": "description"}
}
CREATE_RESPONSE: dict[str, Any] = {
    "security_group": {
        "description": "description",
        "id": 2,
        "name": "json-test",
        "rules": [],
        "tenant_id": "openstack",
    }
}

#: ``POST /os-security-group-rules`` (security-group-rules-post-req.json) and its answer.
RULE_REQUEST: dict[str, Any] = {
    "security_group_rule": {
        "parent_group_id": "21111111-1111-1111-1111-111111111112",
        "ip_protocol": "tcp",
        "from_port": 22,
        "to_port": 22,
        "cidr": "10.0.0.0/24",
    }
}
RULE_RESPONSE: dict[str, Any] = {
    "security_group_rule": {
        "from_port": 22,
        "group": {},
        "id": RULE_ID,
        "ip_protocol": "tcp",
        "ip_range": {"cidr": "10.0.0.0/24"},
        "parent_group_id": "11111111-1111-1111-1111-111111111111",
        "to_port": 22,
    }
}

#: A group with a rule from another group (the get answer's shape with a rule in it).
GET_WITH_RULES: dict[str, Any] = {
    "security_group": {
        **GET_RESPONSE["security_group"],
        "rules": [
            {
                "from_port": -1,
                "group": {"name": "web", "tenant_id": TENANT_ID},
                "id": 7,
                "ip_protocol": "icmp",
                "ip_range": {},
                "parent_group_id": 1,
                "to_port": -1,
            }
        ],
    }
}

#: ``addSecurityGroup`` (security-group-add-post-req.json) and ``removeSecurityGroup``.
ADD_REQUEST: dict[str, Any] = {"addSecurityGroup": {"name": "test"}}
REMOVE_REQUEST: dict[str, Any] = {"removeSecurityGroup": {"name": "test"}}

#: ``GET /servers/{id}/os-security-groups`` (server-security-groups-list-resp.json).
SERVER_LIST: dict[str, Any] = {
    "security_groups": [
        {
            "description": "default",
            "id": 1,
            "name": "default",
            "rules": [],
            "tenant_id": "openstack",
        }
    ]
}
