"""Block storage v3 services (``os-services``): list, enable and disable (administrators).

Usage::

    from oscloud.openstack.blockstorage.v3 import services

    for s in services.list(cinder, services.ListOpts(binary="cinder-volume")).items():
        print(s.host, s.status, s.state, s.frozen)

    services.disable(cinder, "devstack@lvmdriver-1", "cinder-volume",
                     reason="maintenance").extract()
    services.enable(cinder, "devstack@lvmdriver-1", "cinder-volume").extract()
"""

from oscloud.openstack.blockstorage.v3.services import requests as _requests
from oscloud.openstack.blockstorage.v3.services import results as _results
from oscloud.openstack.blockstorage.v3.services.requests import *
from oscloud.openstack.blockstorage.v3.services.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.services.results import *

__all__ = _requests.__all__ + _results.__all__
