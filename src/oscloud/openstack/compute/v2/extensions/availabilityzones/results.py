"""Models and pages of compute availability zones."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.pagination import Page, SinglePage

__all__ = ["AvailabilityZone", "AvailabilityZonePage", "ServiceState", "extract_zones"]


@model
@attrs.frozen(kw_only=True)
class ServiceState(Model):
    """A Nova service on a host of a zone: whether it is enabled and reporting.

    ``available`` means enabled, ``active`` that it reports in time.

    Example:
        >>> ServiceState.from_json({"active": True, "available": True,
        ...                         "updated_at": "2012-12-26T14:45:25.000000"}).updated_at.year
        2012
    """

    available: bool = field(read=read.boolean)
    active: bool = field(read=read.boolean)
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)


_optional_state = read.model(ServiceState)


def _service_state(value: Any) -> ServiceState:
    state = _optional_state(value)
    if state is None:
        raise TypeError("a service state is null")
    return state


def _hosts(data: Any) -> dict[str, dict[str, ServiceState]]:
    """``{host: {binary: state}}``: a map keyed by name, read entry by entry."""
    return {
        host: {binary: _service_state(state) for binary, state in read.mapping(services).items()}
        for host, services in read.mapping(data).items()
    }


def _zone_available(data: Mapping[str, Any]) -> bool:
    state = data.get("zoneState")
    if state is None:
        return False
    available = read.mapping(state).get("available")
    return False if available is None else read.boolean(available)


@model
@attrs.frozen(kw_only=True)
class AvailabilityZone(Model):
    """An availability zone and, in the detailed listing, its hosts and their services.

    ``hosts`` maps a host name to its services (``nova-compute`` …) and their state;
    it is ``None`` in the plain listing. The ``internal`` zone holds the control services.

    Example:
        >>> zone = AvailabilityZone.from_json({"zoneName": "nova",
        ...     "zoneState": {"available": True}, "hosts": None})
        >>> zone.zone_name, zone.available, zone.hosts
        ('nova', True, None)
    """

    zone_name: str = field("zoneName")
    available: bool = field(read=_zone_available, whole=True)
    hosts: dict[str, dict[str, ServiceState]] | None = field(read=_hosts, default=None)


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
