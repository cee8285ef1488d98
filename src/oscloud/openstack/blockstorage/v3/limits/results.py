"""Models and results of block storage v3 limits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.openstack.blockstorage.v3._common import to_int
from oscloud.results import Result

__all__ = ["AbsoluteLimits", "GetResult", "Limits"]


@attrs.frozen(kw_only=True)
class AbsoluteLimits:
    """A project's quotas and usage as ``/limits`` reports them (-1: unlimited).

    The wire names are camel case (``maxTotalVolumeGigabytes`` is
    ``max_total_volume_gigabytes``).

    Example:
        >>> a = AbsoluteLimits.from_json({"maxTotalVolumes": 10, "totalVolumesUsed": 2})
        >>> a.max_total_volumes, a.total_volumes_used, a.max_total_snapshots
        (10, 2, None)
    """

    max_total_volumes: int | None = None
    max_total_snapshots: int | None = None
    max_total_volume_gigabytes: int | None = None
    max_total_backups: int | None = None
    max_total_backup_gigabytes: int | None = None
    total_volumes_used: int | None = None
    total_snapshots_used: int | None = None
    total_gigabytes_used: int | None = None
    total_backups_used: int | None = None
    total_backup_gigabytes_used: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AbsoluteLimits:
        """Read the ``absolute`` member.

        Example:
            >>> AbsoluteLimits.from_json({"maxTotalBackups": "10"}).max_total_backups
            10
        """

        def read(name: str) -> int | None:
            value = data.get(name)
            return None if value is None else to_int(value)

        return cls(
            max_total_volumes=read("maxTotalVolumes"),
            max_total_snapshots=read("maxTotalSnapshots"),
            max_total_volume_gigabytes=read("maxTotalVolumeGigabytes"),
            max_total_backups=read("maxTotalBackups"),
            max_total_backup_gigabytes=read("maxTotalBackupGigabytes"),
            total_volumes_used=read("totalVolumesUsed"),
            total_snapshots_used=read("totalSnapshotsUsed"),
            total_gigabytes_used=read("totalGigabytesUsed"),
            total_backups_used=read("totalBackupsUsed"),
            total_backup_gigabytes_used=read("totalBackupGigabytesUsed"),
        )


@attrs.frozen(kw_only=True)
class Limits:
    """The absolute limits, and the rate limits (as Cinder sends them; usually none).

    Example:
        >>> Limits.from_json({"rate": [], "absolute": {"maxTotalVolumes": 10}}
        ...                  ).absolute.max_total_volumes
        10
    """

    absolute: AbsoluteLimits
    rate: tuple[dict[str, Any], ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Limits:
        """Read the ``limits`` member.

        Example:
            >>> Limits.from_json({"absolute": {}}).rate
            ()
        """
        return cls(
            absolute=AbsoluteLimits.from_json(data.get("absolute") or {}),
            rate=tuple(dict(item) for item in data.get("rate") or ()),
        )


class GetResult(Result[Limits]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.limits.get`.

    Example:
        >>> GetResult(body={"limits": {"rate": [], "absolute": {"totalGigabytesUsed": 4}}}
        ...           ).extract().absolute.total_gigabytes_used
        4
    """

    resource_key = "limits"
    model = Limits

    __slots__ = ()
