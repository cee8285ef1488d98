"""Compute limits: how much a project may use, and how much it uses.

Usage::

    from oscloud.openstack.compute.v2.extensions import limits

    absolute = limits.get(compute).extract().absolute
    print(absolute.max_total_cores, absolute.total_cores_used)

    # administrators, for another project
    other = limits.get(compute, limits.GetOpts(tenant_id=project_id)).extract()
"""

from oscloud.openstack.compute.v2.extensions.limits.requests import GetOpts, GetOptsBuilder, get
from oscloud.openstack.compute.v2.extensions.limits.results import (
    Absolute,
    GetResult,
    Limits,
    RateLimit,
    RateLimitEntry,
)

__all__ = [
    "Absolute",
    "GetOpts",
    "GetOptsBuilder",
    "GetResult",
    "Limits",
    "RateLimit",
    "RateLimitEntry",
    "get",
]
