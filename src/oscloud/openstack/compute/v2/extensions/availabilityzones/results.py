"""Models and pages of compute availability zones."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.pagination import Page, SinglePage

__all__ = ["AvailabilityZone", "AvailabilityZonePage", "ServiceState", "extract_zones"]


@attrs.frozen(kw_only=True)
class ServiceState:
    """A Nova service on a host of a zone: whether it is enabled and reporting.

    ``available`` means enabled, ``active`` that it reports in time.

    Example:
        >>> ServiceState.from_json({"active": True, "available": True,
        ...                         "updated_at": "2012-12-26T14:45:25.000000"}).updated_at.year
        2012
    """

    available: bool
    active: bool
    updated_at: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceState:
        """Read one service's state."""
        return cls(
            available=bool(data["available"]),
            active=bool(data["active"]),
            updated_at=to_utc_or_none(data.get("updated_at")),
        )


def _hosts(data: Any) -> dict[str, dict[str, ServiceState]] | None:
    if data is None:
        return None
    return {
        host: {binary: ServiceState.from_json(state) for binary, state in services.items()}
        for host, services in data.items()
    }


@attrs.frozen(kw_only=True)
class AvailabilityZone:
    """An availability zone and, in the detailed listing, its hosts and their services.

    ``hosts`` maps a host name to its services (``nova-compute`` …) and their state;
    it is ``None`` in the plain listing. The ``internal`` zone holds the control services.

    Example:
        >>> zone = AvailabilityZone.from_json({"zoneName": "nova",
        ...     "zoneState": {"available": True}, "hosts": None})
        >>> zone.zone_name, zone.available, zone.hosts
        ('nova', True, None)
    """

    zone_name: str
    available: bool
    hosts: dict[str, dict[str, ServiceState]] | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AvailabilityZone:
        """Read one entry of ``availabilityZoneInfo``."""
        return cls(
            zone_name=data["zoneName"],
            available=bool((data.get("zoneState") or {}).get("available")),
            hosts=_hosts(data.get("hosts")),
        )


class AvailabilityZonePage(SinglePage[AvailabilityZone]):
    """The availability zones (``availabilityZoneInfo``), in one page.

    Example:
        >>> page = AvailabilityZonePage(url="u", body={"availabilityZoneInfo": [
        ...     {"zoneName": "nova", "zoneState": {"available": True}, "hosts": None}]})
        >>> [z.zone_name for z in extract_zones(page)]
        ['nova']
    """

    resource_key = "availabilityZoneInfo"
    model = AvailabilityZone

    __slots__ = ()


def extract_zones(page: Page[AvailabilityZone]) -> builtins.list[AvailabilityZone]:
    """The availability zones of a page.

    Example:
        >>> extract_zones(AvailabilityZonePage(url="u", body={"availabilityZoneInfo": []}))
        []
    """
    return page.extract()
