"""Models and results of block storage v3 quota sets."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

import attrs

from oscloud.openstack.blockstorage.v3._common import to_int
from oscloud.results import ErrResult, Result

__all__ = [
    "DeleteResult",
    "GetResult",
    "GetUsageResult",
    "QuotaSet",
    "QuotaUsage",
    "QuotaUsageSet",
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


@attrs.frozen(kw_only=True)
class QuotaUsage:
    """One quota and what is used of it.

    ``limit`` is -1 for unlimited; ``allocated`` counts what nested projects hold.

    Example:
        >>> QuotaUsage.from_json({"reserved": 0, "allocated": 0, "limit": 10, "in_use": 2})
        QuotaUsage(limit=10, in_use=2, reserved=0, allocated=0)
    """

    limit: int
    in_use: int
    reserved: int = 0
    allocated: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuotaUsage:
        """Read a ``{"limit", "in_use", "reserved", "allocated"}`` object.

        Example:
            >>> QuotaUsage.from_json({"limit": -1, "in_use": 0}).limit
            -1
        """
        return cls(
            limit=to_int(data["limit"]),
            in_use=to_int(data["in_use"]),
            reserved=to_int(data.get("reserved", 0)),
            allocated=to_int(data.get("allocated", 0)),
        )


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


def _split(
    data: Mapping[str, Any], read: Callable[[Any], T]
) -> tuple[dict[str, T], dict[str, VolumeTypeQuota[T]]]:
    """The project-wide quotas, and the per-type ones keyed by type name."""
    base = {name: read(data[name]) for name in _NAMES if name in data}
    per_type: dict[str, dict[str, T]] = {}
    for key, value in data.items():
        if key in _NAMES or key == "id":
            continue
        prefix, sep, type_name = key.partition("_")
        if sep and type_name and prefix in PER_TYPE_NAMES:
            per_type.setdefault(type_name, {})[prefix] = read(value)
    return base, {name: VolumeTypeQuota(**values) for name, values in per_type.items()}


@attrs.frozen(kw_only=True)
class QuotaSet:
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
    volumes: int | None = None
    snapshots: int | None = None
    gigabytes: int | None = None
    per_volume_gigabytes: int | None = None
    backups: int | None = None
    backup_gigabytes: int | None = None
    groups: int | None = None
    per_volume_type: dict[str, VolumeTypeQuota[int]] = attrs.field(factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuotaSet:
        """Read the ``quota_set`` member.

        Example:
            >>> QuotaSet.from_json({"backups": "10"}).backups
            10
        """
        base, per_type = _split(data, to_int)
        return cls(id=data.get("id"), per_volume_type=per_type, **base)


@attrs.frozen(kw_only=True)
class QuotaUsageSet:
    """A project's quotas with their usage (``GET /os-quota-sets/{id}?usage=True``).

    Example:
        >>> qs = QuotaUsageSet.from_json({"id": "a709", "volumes": {"reserved": 0,
        ...     "allocated": 0, "limit": 10, "in_use": 3}})
        >>> qs.volumes.in_use
        3
    """

    id: str | None = None
    volumes: QuotaUsage | None = None
    snapshots: QuotaUsage | None = None
    gigabytes: QuotaUsage | None = None
    per_volume_gigabytes: QuotaUsage | None = None
    backups: QuotaUsage | None = None
    backup_gigabytes: QuotaUsage | None = None
    groups: QuotaUsage | None = None
    per_volume_type: dict[str, VolumeTypeQuota[QuotaUsage]] = attrs.field(factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuotaUsageSet:
        """Read the ``quota_set`` member of a usage answer.

        Example:
            >>> QuotaUsageSet.from_json({"groups": {"limit": 10, "in_use": 0}}).groups.limit
            10
        """
        base, per_type = _split(data, QuotaUsage.from_json)
        return cls(id=data.get("id"), per_volume_type=per_type, **base)


class GetResult(Result[QuotaSet]):
    """The result of ``get``, ``get_defaults``.

    Example:
        >>> GetResult(body={"quota_set": {"id": "p1", "volumes": 10}}).extract().volumes
        10
    """

    resource_key = "quota_set"
    model = QuotaSet

    __slots__ = ()


class UpdateResult(GetResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.quotasets.update`.

    Example:
        >>> UpdateResult(body={"quota_set": {"volumes": 20}}).extract().volumes
        20
    """

    __slots__ = ()


class GetUsageResult(Result[QuotaUsageSet]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.quotasets.get_usage`.

    Example:
        >>> GetUsageResult(body={"quota_set": {"volumes": {"limit": 10, "in_use": 1}}}
        ...                ).extract().volumes.in_use
        1
    """

    resource_key = "quota_set"
    model = QuotaUsageSet

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.quotasets.delete`.

    Example:
        >>> DeleteResult(status_code=200).extract_err() is None
        True
    """

    __slots__ = ()
