"""Compute quota sets: the limits of a project (or a user), with what is in use.

Usage::

    from oscloud.openstack.compute.v2.extensions import quotasets

    quotas = quotasets.get(compute, project_id).extract()
    print(quotas.instances, quotas.cores, quotas.ram)          # -1 is unlimited

    usage = quotasets.get_detail(compute, project_id).extract()
    print(usage.cores.in_use, "of", usage.cores.limit)

    # administrators
    quotasets.update(compute, project_id, quotasets.UpdateOpts(instances=20, cores=40)).extract()
    quotasets.delete(compute, project_id).extract_err()         # back to the defaults
    defaults = quotasets.get_defaults(compute, project_id).extract()
"""

from oscloud.openstack.compute.v2.extensions.quotasets.requests import (
    GetOpts,
    GetOptsBuilder,
    UpdateOpts,
    UpdateOptsBuilder,
    delete,
    get,
    get_defaults,
    get_detail,
    update,
)
from oscloud.openstack.compute.v2.extensions.quotasets.results import (
    DefaultsResult,
    DeleteResult,
    DetailResult,
    GetResult,
    QuotaDetail,
    QuotaDetailSet,
    QuotaSet,
    QuotaSetResult,
    UpdateResult,
)

__all__ = [
    "DefaultsResult",
    "DeleteResult",
    "DetailResult",
    "GetOpts",
    "GetOptsBuilder",
    "GetResult",
    "QuotaDetail",
    "QuotaDetailSet",
    "QuotaSet",
    "QuotaSetResult",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "delete",
    "get",
    "get_defaults",
    "get_detail",
    "update",
]
