"""Compute services, for administrators: list, enable or disable, force down, delete.

Usage::

    from oscloud.openstack.compute.v2.extensions import services

    admin = compute.with_microversion("2.53")
    for service in services.list(admin, services.ListOpts(binary="nova-compute")).items():
        print(service.id, service.host, service.status, service.state)

    services.update(admin, service.id, services.UpdateOpts(
        status=services.ServiceStatus.DISABLED, disabled_reason="maintenance")).extract()
    services.update(admin, service.id, services.UpdateOpts(forced_down=True)).extract()
    services.delete(admin, service.id).extract_err()
"""

from oscloud.openstack.compute.v2.extensions.services import requests as _requests
from oscloud.openstack.compute.v2.extensions.services import results as _results
from oscloud.openstack.compute.v2.extensions.services.requests import *
from oscloud.openstack.compute.v2.extensions.services.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.services.results import *

__all__ = _requests.__all__ + _results.__all__
