"""Block storage v3 quota sets: a project's quotas, their usage, defaults, update and reset.

Usage::

    from oscloud.openstack.blockstorage.v3 import quotasets

    quotas = quotasets.get_usage(cinder, project_id).extract()
    print(quotas.gigabytes.limit, quotas.gigabytes.in_use)

    # administrators
    quotasets.update(cinder, project_id, quotasets.UpdateOpts(
        volumes=20, per_volume_type={"ssd": quotasets.VolumeTypeQuota(gigabytes=500)})).extract()
    quotasets.delete(cinder, project_id).extract_err()  # back to the defaults
"""

from oscloud.openstack.blockstorage.v3.quotasets.requests import (
    UpdateOpts,
    UpdateOptsBuilder,
    delete,
    get,
    get_defaults,
    get_usage,
    update,
)
from oscloud.openstack.blockstorage.v3.quotasets.results import (
    DeleteResult,
    GetResult,
    GetUsageResult,
    QuotaSet,
    QuotaUsage,
    QuotaUsageSet,
    UpdateResult,
    VolumeTypeQuota,
)

__all__ = [
    "DeleteResult",
    "GetResult",
    "GetUsageResult",
    "QuotaSet",
    "QuotaUsage",
    "QuotaUsageSet",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "VolumeTypeQuota",
    "delete",
    "get",
    "get_defaults",
    "get_usage",
    "update",
]
