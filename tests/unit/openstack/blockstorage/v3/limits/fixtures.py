"""Block storage v3 limits bodies, shaped like Cinder's ``limits-show-response``."""

from __future__ import annotations

from typing import Any

#: ``GET /limits`` (limits/limits-show-response.json).
LIMITS: dict[str, Any] = {
    "limits": {
        "rate": [],
        "absolute": {
            "totalSnapshotsUsed": 0,
            "maxTotalBackups": 10,
            "maxTotalVolumeGigabytes": 1000,
            "maxTotalSnapshots": 10,
            "maxTotalBackupGigabytes": 1000,
            "totalBackupGigabytesUsed": 0,
            "maxTotalVolumes": 10,
            "totalVolumesUsed": 0,
            "totalBackupsUsed": 0,
            "totalGigabytesUsed": 0,
        },
    }
}
