"""Models and results of block storage v3 limits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.results import Result

__all__ = ["AbsoluteLimits", "GetResult", "Limits", "LimitsResult"]


@model
@attrs.frozen(kw_only=True)
class AbsoluteLimits(Model):
    """A project's quotas and usage as ``/limits`` reports them (-1: unlimited).

    The wire names are camel case (``maxTotalVolumeGigabytes`` is
    ``max_total_volume_gigabytes``).

    Example:
        >>> a = AbsoluteLimits.from_json({"maxTotalVolumes": 10, "totalVolumesUsed": 2})
        >>> a.max_total_volumes, a.total_volumes_used, a.max_total_snapshots
        (10, 2, None)
    """

    max_total_volumes: int | None = field("maxTotalVolumes", read=read.integer, default=None)
    max_total_snapshots: int | None = field("maxTotalSnapshots", read=read.integer, default=None)
    max_total_volume_gigabytes: int | None = field(
        "maxTotalVolumeGigabytes", read=read.integer, default=None
    )
    max_total_backups: int | None = field("maxTotalBackups", read=read.integer, default=None)
    max_total_backup_gigabytes: int | None = field(
        "maxTotalBackupGigabytes", read=read.integer, default=None
    )
    total_volumes_used: int | None = field("totalVolumesUsed", read=read.integer, default=None)
    total_snapshots_used: int | None = field("totalSnapshotsUsed", read=read.integer, default=None)
    total_gigabytes_used: int | None = field("totalGigabytesUsed", read=read.integer, default=None)
    total_backups_used: int | None = field("totalBackupsUsed", read=read.integer, default=None)
    total_backup_gigabytes_used: int | None = field(
        "totalBackupGigabytesUsed", read=read.integer, default=None
    )


# from_json comes from @model, which mypy does not see.
_absolute: Callable[[Any], AbsoluteLimits]
_absolute = AbsoluteLimits.from_json


@model
@attrs.frozen(kw_only=True)
class Limits(Model):
    """The absolute limits, and the rate limits (as Cinder sends them; usually none).

    Example:
        >>> Limits.from_json({"rate": [], "absolute": {"maxTotalVolumes": 10}}
        ...                  ).absolute.max_total_volumes
        10
        >>> Limits.from_json({}).absolute.max_total_volumes is None
        True
    """

    absolute: AbsoluteLimits = field(read=_absolute, factory=AbsoluteLimits)
    rate: tuple[dict[str, Any], ...] = field(read=read.tuple_of(read.mapping), default=())


class LimitsResult(Result[Limits]):
    """A response holding the limits (``{"limits": {...}}``): get.

    Example:
        >>> LimitsResult(body={"limits": {"rate": [], "absolute": {"totalGigabytesUsed": 4}}}
        ...           ).extract().absolute.total_gigabytes_used
        4
    """

    resource_key = "limits"
    model = Limits

    __slots__ = ()


GetResult = LimitsResult
