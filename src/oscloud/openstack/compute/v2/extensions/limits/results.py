"""Models and results of compute limits: absolute limits and use, and rate limits."""

from __future__ import annotations

import datetime as _dt

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.results import Result

__all__ = ["Absolute", "GetResult", "Limits", "LimitsResult", "RateLimit", "RateLimitEntry"]


@model
@attrs.frozen(kw_only=True)
class Absolute(Model):
    """The project's limits (``max_*``, ``-1`` unlimited) and its use (``total_*_used``).

    ``max_total_ram_size`` and ``total_ram_used`` are in MiB. The floating IP and security
    group fields are gone from 2.36, ``max_image_meta`` from 2.39 and ``max_personality*``
    from 2.57.

    Example:
        >>> absolute = Absolute.from_json({"maxTotalCores": 20, "totalCoresUsed": 4,
        ...                                "maxTotalRAMSize": 51200})
        >>> absolute.max_total_cores, absolute.total_cores_used, absolute.max_total_ram_size
        (20, 4, 51200)
    """

    max_image_meta: int | None = field(
        "maxImageMeta", read=read.integer, default=None, max_version="2.38"
    )
    max_personality: int | None = field(
        "maxPersonality", read=read.integer, default=None, max_version="2.56"
    )
    max_personality_size: int | None = field(
        "maxPersonalitySize", read=read.integer, default=None, max_version="2.56"
    )
    max_security_group_rules: int | None = field(
        "maxSecurityGroupRules", read=read.integer, default=None, max_version="2.35"
    )
    max_security_groups: int | None = field(
        "maxSecurityGroups", read=read.integer, default=None, max_version="2.35"
    )
    max_server_meta: int | None = field("maxServerMeta", read=read.integer, default=None)
    max_total_cores: int | None = field("maxTotalCores", read=read.integer, default=None)
    max_total_floating_ips: int | None = field(
        "maxTotalFloatingIps", read=read.integer, default=None, max_version="2.35"
    )
    max_total_instances: int | None = field("maxTotalInstances", read=read.integer, default=None)
    max_total_keypairs: int | None = field("maxTotalKeypairs", read=read.integer, default=None)
    max_total_ram_size: int | None = field("maxTotalRAMSize", read=read.integer, default=None)
    max_server_groups: int | None = field("maxServerGroups", read=read.integer, default=None)
    max_server_group_members: int | None = field(
        "maxServerGroupMembers", read=read.integer, default=None
    )
    total_cores_used: int | None = field("totalCoresUsed", read=read.integer, default=None)
    total_floating_ips_used: int | None = field(
        "totalFloatingIpsUsed", read=read.integer, default=None, max_version="2.35"
    )
    total_instances_used: int | None = field("totalInstancesUsed", read=read.integer, default=None)
    total_ram_used: int | None = field("totalRAMUsed", read=read.integer, default=None)
    total_security_groups_used: int | None = field(
        "totalSecurityGroupsUsed", read=read.integer, default=None, max_version="2.35"
    )
    total_server_groups_used: int | None = field(
        "totalServerGroupsUsed", read=read.integer, default=None
    )


@model
@attrs.frozen(kw_only=True)
class RateLimitEntry(Model):
    """One rate limit: ``value`` requests of ``verb`` per ``unit``, ``remaining`` left.

    Example:
        >>> entry = RateLimitEntry.from_json({"verb": "POST", "value": 10, "remaining": 2,
        ...     "unit": "MINUTE", "next-available": "2011-12-15T22:42:45Z"})
        >>> entry.verb, entry.remaining, entry.next_available.minute
        ('POST', 2, 42)
    """

    verb: str
    value: int = field(read=read.integer)
    remaining: int = field(read=read.integer)
    unit: str
    next_available: _dt.datetime | None = field("next-available", read=read.timestamp, default=None)


@model
@attrs.frozen(kw_only=True)
class RateLimit(Model):
    """The rate limits of the URIs matching ``regex`` (legacy: Nova now sends none).

    Example:
        >>> RateLimit.from_json({"uri": "*", "regex": ".*", "limit": []})
        RateLimit(uri='*', regex='.*', limits=())
    """

    uri: str
    regex: str
    limits: tuple[RateLimitEntry, ...] = field(
        "limit", read=read.tuple_of(RateLimitEntry), default=()
    )


@model
@attrs.frozen(kw_only=True)
class Limits(Model):
    """The ``limits`` of a project: ``absolute`` limits and use, ``rate`` limits.

    Example:
        >>> limits = Limits.from_json({"absolute": {"maxTotalInstances": 10}, "rate": []})
        >>> limits.absolute.max_total_instances, limits.rate
        (10, ())
    """

    absolute: Absolute = field(read=read.model(Absolute), factory=Absolute)
    rate: tuple[RateLimit, ...] = field(read=read.tuple_of(RateLimit), default=())


class LimitsResult(Result[Limits]):
    """A response whose ``limits`` member is a :class:`Limits` (the answer to ``get``).

    Example:
        >>> LimitsResult(body={"limits": {"absolute": {"maxTotalCores": 20}, "rate": []}}
        ...              ).extract().absolute.max_total_cores
        20
    """

    resource_key = "limits"
    model = Limits

    __slots__ = ()


GetResult = LimitsResult
