"""Hypervisors (compute nodes), for administrators: list, show, search, their servers.

Usage::

    from oscloud.openstack.compute.v2.extensions import hypervisors

    admin = compute.with_microversion("2.53")
    for node in hypervisors.list_detail(admin, hypervisors.ListOpts(limit=50)).items():
        print(node.id, node.hypervisor_hostname, node.state, node.status)

    node = hypervisors.get(admin, node_id, hypervisors.GetOpts(with_servers=True)).extract()
    for node in hypervisors.list_servers(admin, "compute-1").items():
        print([s.uuid for s in node.servers or ()])

From microversion 2.53 ids are UUIDs and searches go through the listing's query; from
2.88 the resource fields and :func:`get_statistics` are gone (ask Placement).
"""

from oscloud.openstack.compute.v2.extensions.hypervisors import requests as _requests
from oscloud.openstack.compute.v2.extensions.hypervisors import results as _results
from oscloud.openstack.compute.v2.extensions.hypervisors.requests import *
from oscloud.openstack.compute.v2.extensions.hypervisors.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.hypervisors.results import *

__all__ = _requests.__all__ + _results.__all__
