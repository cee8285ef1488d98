"""Host aggregates, for administrators: group compute hosts and tag them with metadata.

Usage::

    from oscloud.openstack.compute.v2.extensions import aggregates

    aggregate = aggregates.create(compute, aggregates.CreateOpts(
        name="ssd-hosts", availability_zone="az1")).extract()
    aggregates.add_host(compute, aggregate.id, "compute-1").extract()
    aggregates.set_metadata(compute, aggregate.id, {"ssd": "true"}).extract()

    for aggregate in aggregates.list(compute).items():
        print(aggregate.id, aggregate.name, aggregate.hosts, aggregate.metadata)

    aggregates.remove_host(compute, aggregate.id, "compute-1").extract()
    aggregates.delete(compute, aggregate.id).extract_err()

Aggregates are addressed by their numeric ``id`` (an ``int`` or its text).
"""

from oscloud.openstack.compute.v2.extensions.aggregates import requests as _requests
from oscloud.openstack.compute.v2.extensions.aggregates import results as _results
from oscloud.openstack.compute.v2.extensions.aggregates.requests import *
from oscloud.openstack.compute.v2.extensions.aggregates.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.aggregates.results import *

__all__ = _requests.__all__ + _results.__all__
