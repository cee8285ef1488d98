"""Server groups: place servers together (affinity) or apart (anti-affinity).

Usage::

    from oscloud.openstack.compute.v2 import servers
    from oscloud.openstack.compute.v2.extensions import servergroups

    compute = compute.with_microversion("2.64")
    group = servergroups.create(compute, servergroups.CreateOpts(
        name="web", policy=servergroups.Policy.ANTI_AFFINITY,
        rules={"max_server_per_host": 1})).extract()
    servers.create(compute, servers.CreateOpts(name="web-1", image_ref=image_id,
        flavor_ref="1", networks="auto", scheduler_hints={"group": group.id}))

    for group in servergroups.list(compute).items():
        print(group.name, group.policy, group.members)
    servergroups.delete(compute, group.id).extract_err()

Before microversion 2.64 a group takes ``policies=[...]`` (one policy) instead of
``policy`` and ``rules``; :func:`create` refuses the shape the client's microversion does
not take, before sending anything.
"""

from oscloud.openstack.compute.v2.extensions.servergroups import requests as _requests
from oscloud.openstack.compute.v2.extensions.servergroups import results as _results
from oscloud.openstack.compute.v2.extensions.servergroups.requests import *
from oscloud.openstack.compute.v2.extensions.servergroups.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.servergroups.results import *

__all__ = _requests.__all__ + _results.__all__
