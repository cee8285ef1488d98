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

from oscloud.openstack.compute.v2.extensions.aggregates.requests import (
    CreateOpts,
    CreateOptsBuilder,
    UpdateOpts,
    UpdateOptsBuilder,
    add_host,
    create,
    delete,
    get,
    list,
    remove_host,
    set_metadata,
    update,
)
from oscloud.openstack.compute.v2.extensions.aggregates.results import (
    ActionResult,
    Aggregate,
    AggregatePage,
    AggregateResult,
    CreateResult,
    DeleteResult,
    GetResult,
    UpdateResult,
    extract_aggregates,
)

__all__ = [
    "ActionResult",
    "Aggregate",
    "AggregatePage",
    "AggregateResult",
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "add_host",
    "create",
    "delete",
    "extract_aggregates",
    "get",
    "list",
    "remove_host",
    "set_metadata",
    "update",
]
