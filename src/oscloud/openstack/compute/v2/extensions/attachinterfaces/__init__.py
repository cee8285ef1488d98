"""Network interfaces of a server (``os-interface``): list, show, attach, detach.

Usage::

    from oscloud.openstack.compute.v2.extensions import attachinterfaces

    nic = attachinterfaces.create(compute, server_id, attachinterfaces.CreateOpts(
        net_id=network_id, fixed_ips=["192.168.1.3"])).extract()

    for nic in attachinterfaces.list(compute, server_id).items():
        print(nic.port_id, nic.mac_addr, nic.port_state)

    attachinterfaces.delete(compute, server_id, nic.port_id).extract_err()
"""

from oscloud.openstack.compute.v2.extensions.attachinterfaces import requests as _requests
from oscloud.openstack.compute.v2.extensions.attachinterfaces import results as _results
from oscloud.openstack.compute.v2.extensions.attachinterfaces.requests import *
from oscloud.openstack.compute.v2.extensions.attachinterfaces.requests import (
    __getattr__ as __getattr__,
)
from oscloud.openstack.compute.v2.extensions.attachinterfaces.results import *

__all__ = _requests.__all__ + _results.__all__
