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

from oscloud.openstack.compute.v2.extensions.quotasets import requests as _requests
from oscloud.openstack.compute.v2.extensions.quotasets import results as _results
from oscloud.openstack.compute.v2.extensions.quotasets.requests import *
from oscloud.openstack.compute.v2.extensions.quotasets.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.quotasets.results import *

__all__ = _requests.__all__ + _results.__all__
