"""Compute limits: how much a project may use, and how much it uses.

Usage::

    from oscloud.openstack.compute.v2.extensions import limits

    absolute = limits.get(compute).extract().absolute
    print(absolute.max_total_cores, absolute.total_cores_used)

    # administrators, for another project
    other = limits.get(compute, limits.GetOpts(tenant_id=project_id)).extract()
"""

from oscloud.openstack.compute.v2.extensions.limits import requests as _requests
from oscloud.openstack.compute.v2.extensions.limits import results as _results
from oscloud.openstack.compute.v2.extensions.limits.requests import *
from oscloud.openstack.compute.v2.extensions.limits.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.limits.results import *

__all__ = _requests.__all__ + _results.__all__
