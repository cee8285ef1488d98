"""Models and results of block storage v3 availability zones."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.openstack.blockstorage.v3._common import to_bool
from oscloud.pagination import Page, SinglePage

__all__ = ["AvailabilityZone", "AvailabilityZonePage", "extract_availability_zones"]


@attrs.frozen(kw_only=True)
class AvailabilityZone:
    """A block storage availability zone and whether volumes can be made in it.

    Example:
        >>> AvailabilityZone.from_json({"zoneState": {"available": True}, "zoneName": "nova"})
        AvailabilityZone(name='nova', available=True)
    """

    name: str
    available: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AvailabilityZone:
        """Read one item of ``availabilityZoneInfo``.

        Example:
            >>> AvailabilityZone.from_json({"zoneName": "az2",
            ...     "zoneState": {"available": False}}).available
            False
        """
        return cls(
            name=data["zoneName"],
            available=to_bool((data.get("zoneState") or {}).get("available", False)),
        )


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
