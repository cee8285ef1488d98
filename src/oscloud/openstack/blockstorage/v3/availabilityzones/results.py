"""Models and results of block storage v3 availability zones."""

from __future__ import annotations

import builtins
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.pagination import Page, SinglePage

__all__ = ["AvailabilityZone", "AvailabilityZonePage", "extract_availability_zones"]


def _available(zone: Any) -> bool:
    """``zoneState.available`` of a zone object (a zone without a state is not available)."""
    state = zone.get("zoneState")
    if state is None:
        return False
    return read.boolean(read.mapping(state).get("available", False))


@model
@attrs.frozen(kw_only=True)
class AvailabilityZone(Model):
    """A block storage availability zone and whether volumes can be made in it.

    Renamed from the wire: ``zoneName`` is ``name``, ``zoneState.available`` is
    ``available``.

    Example:
        >>> AvailabilityZone.from_json({"zoneState": {"available": True}, "zoneName": "nova"})
        AvailabilityZone(name='nova', available=True)
    """

    name: str = field("zoneName")
    available: bool = field(whole=True, read=_available)


class AvailabilityZonePage(SinglePage[AvailabilityZone]):
    """The zones of ``GET /os-availability-zone`` (one response).

    Example:
        >>> extract_availability_zones(AvailabilityZonePage(url="u", body={
        ...     "availabilityZoneInfo": [{"zoneName": "nova",
        ...     "zoneState": {"available": True}}]}))[0].name
        'nova'
    """

    resource_key = "availabilityZoneInfo"
    model = AvailabilityZone

    __slots__ = ()


def extract_availability_zones(page: Page[AvailabilityZone]) -> builtins.list[AvailabilityZone]:
    """The zones of a page.

    Example:
        >>> extract_availability_zones(AvailabilityZonePage(url="u",
        ...     body={"availabilityZoneInfo": []}))
        []
    """
    return page.extract()
