"""Models and results of compute limits: absolute limits and use, and rate limits."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.results import Result

__all__ = ["Absolute", "GetResult", "Limits", "RateLimit", "RateLimitEntry"]

_ABSOLUTE = {
    "max_image_meta": "maxImageMeta",
    "max_personality": "maxPersonality",
    "max_personality_size": "maxPersonalitySize",
    "max_security_group_rules": "maxSecurityGroupRules",
    "max_security_groups": "maxSecurityGroups",
    "max_server_meta": "maxServerMeta",
    "max_total_cores": "maxTotalCores",
    "max_total_floating_ips": "maxTotalFloatingIps",
    "max_total_instances": "maxTotalInstances",
    "max_total_keypairs": "maxTotalKeypairs",
    "max_total_ram_size": "maxTotalRAMSize",
    "max_server_groups": "maxServerGroups",
    "max_server_group_members": "maxServerGroupMembers",
    "total_cores_used": "totalCoresUsed",
    "total_floating_ips_used": "totalFloatingIpsUsed",
    "total_instances_used": "totalInstancesUsed",
    "total_ram_used": "totalRAMUsed",
    "total_security_groups_used": "totalSecurityGroupsUsed",
    "total_server_groups_used": "totalServerGroupsUsed",
}


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"a limit is an integer, not {value!r}")
    return int(value)


@attrs.frozen(kw_only=True)
class Absolute:
    """The project's limits (``max_*``, ``-1`` unlimited) and its use (``total_*_used``).

    ``max_total_ram_size`` and ``total_ram_used`` are in MiB. The floating IP and security
    group fields are gone from 2.36; ``max_personality*`` from 2.57.

    Example:
        >>> absolute = Absolute.from_json({"maxTotalCores": 20, "totalCoresUsed": 4,
        ...                                "maxTotalRAMSize": 51200})
        >>> absolute.max_total_cores, absolute.total_cores_used, absolute.max_total_ram_size
        (20, 4, 51200)
    """

    max_image_meta: int | None = None
    max_personality: int | None = None
    max_personality_size: int | None = None
    max_security_group_rules: int | None = None
    max_security_groups: int | None = None
    max_server_meta: int | None = None
    max_total_cores: int | None = None
    max_total_floating_ips: int | None = None
    max_total_instances: int | None = None
    max_total_keypairs: int | None = None
    max_total_ram_size: int | None = None
    max_server_groups: int | None = None
    max_server_group_members: int | None = None
    total_cores_used: int | None = None
    total_floating_ips_used: int | None = None
    total_instances_used: int | None = None
    total_ram_used: int | None = None
    total_security_groups_used: int | None = None
    total_server_groups_used: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Absolute:
        """Read the ``absolute`` object."""
        return cls(**{field: _int_or_none(data.get(wire)) for field, wire in _ABSOLUTE.items()})


@attrs.frozen(kw_only=True)
class RateLimitEntry:
    """One rate limit: ``value`` requests of ``verb`` per ``unit``, ``remaining`` left.

    Example:
        >>> entry = RateLimitEntry.from_json({"verb": "POST", "value": 10, "remaining": 2,
        ...     "unit": "MINUTE", "next-available": "2011-12-15T22:42:45Z"})
        >>> entry.verb, entry.remaining, entry.next_available.minute
        ('POST', 2, 42)
    """

    verb: str
    value: int
    remaining: int
    unit: str
    next_available: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RateLimitEntry:
        """Read one entry of a rate's ``limit`` list."""
        return cls(
            verb=data["verb"],
            value=int(data["value"]),
            remaining=int(data["remaining"]),
            unit=data["unit"],
            next_available=to_utc_or_none(data.get("next-available")),
        )


@attrs.frozen(kw_only=True)
class RateLimit:
    """The rate limits of the URIs matching ``regex`` (legacy: Nova now sends none).

    Example:
        >>> RateLimit.from_json({"uri": "*", "regex": ".*", "limit": []})
        RateLimit(uri='*', regex='.*', limits=())
    """

    uri: str
    regex: str
    limits: tuple[RateLimitEntry, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RateLimit:
        """Read one entry of ``rate``."""
        return cls(
            uri=data["uri"],
            regex=data["regex"],
            limits=tuple(RateLimitEntry.from_json(item) for item in data.get("limit") or ()),
        )


@attrs.frozen(kw_only=True)
class Limits:
    """The ``limits`` of a project: ``absolute`` limits and use, ``rate`` limits.

    Example:
        >>> limits = Limits.from_json({"absolute": {"maxTotalInstances": 10}, "rate": []})
        >>> limits.absolute.max_total_instances, limits.rate
        (10, ())
    """

    absolute: Absolute
    rate: tuple[RateLimit, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Limits:
        """Read the ``limits`` object."""
        return cls(
            absolute=Absolute.from_json(data.get("absolute") or {}),
            rate=tuple(RateLimit.from_json(item) for item in data.get("rate") or ()),
        )


class GetResult(Result[Limits]):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.limits.get`.

    Example:
        >>> GetResult(body={"limits": {"absolute": {"maxTotalCores": 20}, "rate": []}}
        ...           ).extract().absolute.max_total_cores
        20
    """

    resource_key = "limits"
    model = Limits

    __slots__ = ()
