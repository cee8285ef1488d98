"""Compute availability zones: where servers can be created, and (detail) what runs there.

Usage::

    from oscloud.openstack.compute.v2.extensions import availabilityzones

    for zone in availabilityzones.list(compute).items():
        print(zone.zone_name, zone.available)

    # administrators: hosts and the state of their services
    for zone in availabilityzones.list_detail(compute).items():
        for host, services in (zone.hosts or {}).items():
            for binary, state in services.items():
                print(zone.zone_name, host, binary, state.active)
"""

from oscloud.openstack.compute.v2.extensions.availabilityzones.requests import (
    list,
    list_detail,
)
from oscloud.openstack.compute.v2.extensions.availabilityzones.results import (
    AvailabilityZone,
    AvailabilityZonePage,
    ServiceState,
    extract_zones,
)

__all__ = [
    "AvailabilityZone",
    "AvailabilityZonePage",
    "ServiceState",
    "extract_zones",
    "list",
    "list_detail",
]
