"""Models and results of block storage v3 quota sets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.results import ErrResult, Result

__all__ = [
    "DeleteResult",
    "GetResult",
    "GetUsageResult",
    "QuotaSet",
    "QuotaSetResult",
    "QuotaUsage",
    "QuotaUsageSet",
    "QuotaUsageSetResult",
    "UpdateResult",
    "VolumeTypeQuota",
]

T = TypeVar("T")

#: The quotas every project has, in the order Cinder documents them.
_NAMES = (
    "volumes",
    "snapshots",
    "gigabytes",
    "per_volume_gigabytes",
    "backups",
    "backup_gigabytes",
    "groups",
)

#: The quotas Cinder also keeps per volume type, as ``<name>_<volume type>``.
PER_TYPE_NAMES = ("volumes", "snapshots", "gigabytes")


@model
@attrs.frozen(kw_only=True)
class QuotaUsage(Model):
    """One quota and what is used of it.

    ``limit`` is -1 for unlimited; ``allocated`` counts what nested projects hold.

    Example:
        >>> QuotaUsage.from_json({"reserved": 0, "allocated": 0, "limit": 10, "in_use": 2})
        QuotaUsage(limit=10, in_use=2, reserved=0, allocated=0)
    """

    limit: int = field(read=read.integer)
    in_use: int = field(read=read.integer)
    reserved: int = field(read=read.integer, default=0)
    allocated: int = field(read=read.integer, default=0)


@attrs.frozen(kw_only=True)
class VolumeTypeQuota(Generic[T]):
    """The quotas kept for one volume type (``volumes_<type>`` and the like).

    In a :class:`QuotaSet` the values are ints; in a :class:`QuotaUsageSet` they are
    :class:`QuotaUsage`. Quotas the answer did not hold are ``None``.

    Example:
        >>> VolumeTypeQuota(volumes=5, gigabytes=100)
        VolumeTypeQuota(volumes=5, snapshots=None, gigabytes=100)
    """

    volumes: T | None = None
    snapshots: T | None = None
    gigabytes: T | None = None


def _per_type(read_one: Callable[[Any], T]) -> Callable[[Any], dict[str, VolumeTypeQuota[T]]]:
    """A reader of the whole quota set: the ``<quota>_<volume type>`` members, by type.

    The members are keyed by the types' names, which no declaration can list.
    """

    def read_per_type(data: Any) -> dict[str, VolumeTypeQuota[T]]:
        found: dict[str, dict[str, T]] = {}
        for key, value in read.mapping(data).items():
            if key in _NAMES or key == "id":
                continue
            prefix, sep, type_name = key.partition("_")
            if sep and type_name and prefix in PER_TYPE_NAMES:
                found.setdefault(type_name, {})[prefix] = read_one(value)
        return {name: VolumeTypeQuota(**values) for name, values in found.items()}

    return read_per_type


@model
@attrs.frozen(kw_only=True)
class QuotaSet(Model):
    """A project's block storage quotas (-1 means unlimited).

    ``per_volume_type`` holds the quotas Cinder keeps per volume type, by type name
    (``volumes_lvmdriver-1`` is ``per_volume_type["lvmdriver-1"].volumes``). ``id`` is the
    project's id (the answer to an update has none). ``groups`` counts generic volume
    groups.

    Example:
        >>> qs = QuotaSet.from_json({"id": "a709", "volumes": 10, "gigabytes": 1000,
        ...     "volumes_lvmdriver-1": -1, "gigabytes_lvmdriver-1": 500})
        >>> qs.volumes, qs.per_volume_type["lvmdriver-1"].gigabytes
        (10, 500)
    """

    id: str | None = None
    volumes: int | None = field(read=read.integer, default=None)
    snapshots: int | None = field(read=read.integer, default=None)
    gigabytes: int | None = field(read=read.integer, default=None)
    per_volume_gigabytes: int | None = field(read=read.integer, default=None)
    backups: int | None = field(read=read.integer, default=None)
    backup_gigabytes: int | None = field(read=read.integer, default=None)
    groups: int | None = field(read=read.integer, default=None)
    per_volume_type: dict[str, VolumeTypeQuota[int]] = field(
        whole=True, read=_per_type(read.integer), factory=dict
    )


# from_json comes from @model, which mypy does not see.
_usage: Callable[[Any], QuotaUsage]
_usage = QuotaUsage.from_json


@model
@attrs.frozen(kw_only=True)
class QuotaUsageSet(Model):
    """A project's quotas with their usage (``GET /os-quota-sets/{id}?usage=True``).

    Example:
        >>> qs = QuotaUsageSet.from_json({"id": "a709", "volumes": {"reserved": 0,
        ...     "allocated": 0, "limit": 10, "in_use": 3}})
        >>> qs.volumes.in_use
        3
    """

    id: str | None = None
    volumes: QuotaUsage | None = field(read=_usage, default=None)
    snapshots: QuotaUsage | None = field(read=_usage, default=None)
    gigabytes: QuotaUsage | None = field(read=_usage, default=None)
    per_volume_gigabytes: QuotaUsage | None = field(read=_usage, default=None)
    backups: QuotaUsage | None = field(read=_usage, default=None)
    backup_gigabytes: QuotaUsage | None = field(read=_usage, default=None)
    groups: QuotaUsage | None = field(read=_usage, default=None)
    per_volume_type: dict[str, VolumeTypeQuota[QuotaUsage]] = field(
        whole=True, read=_per_type(_usage), factory=dict
    )


class QuotaSetResult(Result[QuotaSet]):
    """A response holding a :class:`QuotaSet` (``{"quota_set": {...}}``).

    Example:
        >>> QuotaSetResult(body={"quota_set": {"id": "p1", "volumes": 10}}).extract().volumes
        10
    """

    resource_key = "quota_set"
    model = QuotaSet

    __slots__ = ()


class QuotaUsageSetResult(Result[QuotaUsageSet]):
    """A response holding a :class:`QuotaUsageSet`: get_usage.

    Example:
        >>> QuotaUsageSetResult(body={"quota_set": {"volumes": {"limit": 10, "in_use": 1}}}
        ...                     ).extract().volumes.in_use
        1
    """

    resource_key = "quota_set"
    model = QuotaUsageSet

    __slots__ = ()


GetResult = QuotaSetResult
UpdateResult = QuotaSetResult
GetUsageResult = QuotaUsageSetResult
DeleteResult = ErrResult
