"""Block storage v3 service bodies, shaped like Cinder's api-ref samples.

``services-list-response``, ``os-services/service-enable-*``,
``os-services/service-disable-*``.
"""

from __future__ import annotations

from typing import Any

#: ``GET /os-services`` (services-list-response.json).
SERVICES: dict[str, Any] = {
    "services": [
        {
            "status": "enabled",
            "binary": "cinder-scheduler",
            "zone": "nova",
            "state": "up",
            "updated_at": "2017-06-29T05:50:35.000000",
            "host": "devstack",
            "disabled_reason": None,
        },
        {
            "status": "enabled",
            "binary": "cinder-backup",
            "zone": "nova",
            "state": "up",
            "updated_at": "2017-06-29T05:50:42.000000",
            "host": "devstack",
            "disabled_reason": None,
        },
        {
            "status": "enabled",
            "binary": "cinder-volume",
            "zone": "nova",
            "frozen": False,
            "state": "up",
            "updated_at": "2017-06-29T05:50:39.000000",
            "cluster": None,
            "host": "devstack@lvmdriver-1",
            "replication_status": "disabled",
            "active_backend_id": None,
            "disabled_reason": None,
        },
    ]
}

#: ``PUT /os-services/disable`` answer (os-services/service-disable-response.json).
DISABLED: dict[str, Any] = {
    "binary": "cinder-volume",
    "disabled": True,
    "host": "host1",
    "service": "",
    "status": "disabled",
}

#: ``PUT /os-services/enable`` answer (os-services/service-enable-response.json).
ENABLED: dict[str, Any] = {**DISABLED, "disabled": False, "status": "enabled"}
