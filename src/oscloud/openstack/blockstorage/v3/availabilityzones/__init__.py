"""Block storage v3 availability zones (``os-availability-zone``).

Usage::

    from oscloud.openstack.blockstorage.v3 import availabilityzones

    for zone in availabilityzones.list(cinder).items():
        print(zone.name, zone.available)
"""

from oscloud.openstack.blockstorage.v3.availabilityzones.requests import (
    list,
)
from oscloud.openstack.blockstorage.v3.availabilityzones.results import (
    AvailabilityZone,
    AvailabilityZonePage,
    extract_availability_zones,
)

__all__ = [
    "AvailabilityZone",
    "AvailabilityZonePage",
    "extract_availability_zones",
    "list",
]
