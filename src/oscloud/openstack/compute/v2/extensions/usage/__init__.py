"""Simple tenant usage: what each project's servers used over a period.

Usage::

    import datetime as dt
    from oscloud.openstack.compute.v2.extensions import usage

    start, end = dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 1)      # UTC

    # administrators: every project
    opts = usage.AllTenantsOpts(start=start, end=end, detailed=True)
    for project in usage.list_all_tenants(compute, opts).items():
        print(project.tenant_id, project.total_hours, len(project.server_usages))

    # one project: its servers, then the totals of all pages
    pager = usage.list_single_tenant(compute, project_id,
                                     usage.SingleTenantOpts(start=start, end=end))
    for server in pager.items():
        print(server.name, server.hours)
    totals = usage.extract_single_tenant(pager.all_pages())

From microversion 2.40 both listings are paged (``limit``, ``marker``).
"""

from oscloud.openstack.compute.v2.extensions.usage import requests as _requests
from oscloud.openstack.compute.v2.extensions.usage import results as _results
from oscloud.openstack.compute.v2.extensions.usage.requests import *
from oscloud.openstack.compute.v2.extensions.usage.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.usage.results import *

__all__ = _requests.__all__ + _results.__all__
