"""Network interfaces of a server (``os-interface``): list, show, attach, detach.

Usage::

    from oscloud.openstack.compute.v2.extensions import attachinterfaces

    nic = attachinterfaces.create(compute, server_id, attachinterfaces.CreateOpts(
        net_id=network_id, fixed_ips=["192.168.1.3"])).extract()

    for nic in attachinterfaces.list(compute, server_id).items():
        print(nic.port_id, nic.mac_addr, nic.port_state)

    attachinterfaces.delete(compute, server_id, nic.port_id).extract_err()
"""

from oscloud.openstack.compute.v2.extensions.attachinterfaces.requests import (
    CreateOpts,
    CreateOptsBuilder,
    create,
    delete,
    get,
    list,
)
from oscloud.openstack.compute.v2.extensions.attachinterfaces.results import (
    CreateResult,
    DeleteResult,
    FixedIP,
    GetResult,
    Interface,
    InterfacePage,
    InterfaceResult,
    extract_interfaces,
)

__all__ = [
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteResult",
    "FixedIP",
    "GetResult",
    "Interface",
    "InterfacePage",
    "InterfaceResult",
    "create",
    "delete",
    "extract_interfaces",
    "get",
    "list",
]
