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

from oscloud.openstack.compute.v2.extensions.services.requests import (
    ListOpts,
    ListOptsBuilder,
    ServiceStatus,
    UpdateOpts,
    UpdateOptsBuilder,
    delete,
    list,
    update,
)
from oscloud.openstack.compute.v2.extensions.services.results import (
    DeleteResult,
    Service,
    ServicePage,
    UpdateResult,
    extract_services,
)

__all__ = [
    "DeleteResult",
    "ListOpts",
    "ListOptsBuilder",
    "Service",
    "ServicePage",
    "ServiceStatus",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "delete",
    "extract_services",
    "list",
    "update",
]
