"""Limits bodies, shaped like Nova's api-samples (``doc/api_samples/limits``).

limit-get-resp at 2.1 (with the use totals of older samples) and at 2.36, and a legacy
``rate`` entry in the shape of the API reference of the rate-limiting middleware.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

LIMITS = f"{COMPUTE}/limits"

#: ``GET /limits`` at 2.1 (limits/limit-get-resp.json, plus the older *Used totals).
LIMITS_V21: dict[str, Any] = {
    "limits": {
        "absolute": {
            "maxImageMeta": 128,
            "maxPersonality": 5,
            "maxPersonalitySize": 10240,
            "maxSecurityGroupRules": 20,
            "maxSecurityGroups": 10,
            "maxServerMeta": 128,
            "maxTotalCores": 20,
            "maxTotalFloatingIps": 10,
            "maxTotalInstances": 10,
            "maxTotalKeypairs": 100,
            "maxTotalRAMSize": 51200,
            "maxServerGroups": 10,
            "maxServerGroupMembers": 10,
            "totalCoresUsed": 0,
            "totalFloatingIpsUsed": 0,
            "totalInstancesUsed": 0,
            "totalRAMUsed": 0,
            "totalSecurityGroupsUsed": 0,
            "totalServerGroupsUsed": 0,
        },
        "rate": [],
    }
}

#: ``GET /limits`` at 2.36 (limits/v2.36/limit-get-resp.json).
LIMITS_V236: dict[str, Any] = {
    "limits": {
        "absolute": {
            "maxImageMeta": 128,
            "maxPersonality": 5,
            "maxPersonalitySize": 10240,
            "maxServerMeta": 128,
            "maxTotalCores": 20,
            "maxTotalInstances": 10,
            "maxTotalKeypairs": 100,
            "maxTotalRAMSize": 51200,
            "maxServerGroups": 10,
            "maxServerGroupMembers": 10,
            "totalCoresUsed": 0,
            "totalInstancesUsed": 0,
            "totalRAMUsed": 0,
            "totalServerGroupsUsed": 0,
        },
        "rate": [],
    }
}

#: A legacy answer with rate limits (the old rate-limiting middleware's shape).
LIMITS_WITH_RATE: dict[str, Any] = {
    "limits": {
        "absolute": {"maxTotalInstances": 10, "totalInstancesUsed": 2},
        "rate": [
            {
                "uri": "*",
                "regex": ".*",
                "limit": [
                    {
                        "verb": "POST",
                        "value": 10,
                        "remaining": 2,
                        "unit": "MINUTE",
                        "next-available": "2011-12-15T22:42:45Z",
                    }
                ],
            }
        ],
    }
}
