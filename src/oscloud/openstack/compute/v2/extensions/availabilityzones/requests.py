"""Operations on compute availability zones."""

from __future__ import annotations

from oscloud.openstack.compute.v2.extensions.availabilityzones.results import (
    AvailabilityZone,
    AvailabilityZonePage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient

__all__ = ["list", "list_detail"]


def list(client: ServiceClient) -> Pager[AvailabilityZone]:
    """The availability zones servers can be created in: ``GET /os-availability-zone`` (200).

    Only zones with at least one enabled compute host are listed; ``hosts`` is ``None``.

    Example:
        >>> [z.zone_name for z in availabilityzones.list(compute).items()]  # doctest: +SKIP
        ['nova']
    """
    return Pager(client, client.service_url("os-availability-zone"), AvailabilityZonePage)


def list_detail(client: ServiceClient) -> Pager[AvailabilityZone]:
    """Every zone with its hosts and services: ``GET /os-availability-zone/detail`` (200).

    Administrators; includes the ``internal`` zone of the control services.

    Example:
        >>> for zone in availabilityzones.list_detail(compute).items():  # doctest: +SKIP
        ...     for host, services in (zone.hosts or {}).items():
        ...         print(zone.zone_name, host, sorted(services))
    """
    url = client.service_url("os-availability-zone", "detail")
    return Pager(client, url, AvailabilityZonePage)
