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

from oscloud.openstack.blockstorage.v3.quotasets import requests as _requests
from oscloud.openstack.blockstorage.v3.quotasets import results as _results
from oscloud.openstack.blockstorage.v3.quotasets.requests import *
from oscloud.openstack.blockstorage.v3.quotasets.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.quotasets.results import *

__all__ = _requests.__all__ + _results.__all__
