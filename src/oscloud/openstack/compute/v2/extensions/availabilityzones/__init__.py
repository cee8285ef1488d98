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

from oscloud.openstack.compute.v2.extensions.availabilityzones import requests as _requests
from oscloud.openstack.compute.v2.extensions.availabilityzones import results as _results
from oscloud.openstack.compute.v2.extensions.availabilityzones.requests import *
from oscloud.openstack.compute.v2.extensions.availabilityzones.results import *

__all__ = _requests.__all__ + _results.__all__
