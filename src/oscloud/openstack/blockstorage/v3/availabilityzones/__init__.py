"""Block storage v3 availability zones (``os-availability-zone``).

Usage::

    from oscloud.openstack.blockstorage.v3 import availabilityzones

    for zone in availabilityzones.list(cinder).items():
        print(zone.name, zone.available)
"""

from oscloud.openstack.blockstorage.v3.availabilityzones import requests as _requests
from oscloud.openstack.blockstorage.v3.availabilityzones import results as _results
from oscloud.openstack.blockstorage.v3.availabilityzones.requests import *
from oscloud.openstack.blockstorage.v3.availabilityzones.results import *

__all__ = _requests.__all__ + _results.__all__
