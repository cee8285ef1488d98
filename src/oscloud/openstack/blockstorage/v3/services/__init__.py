"""Block storage v3 services (``os-services``): list, enable and disable (administrators).

Usage::

    from oscloud.openstack.blockstorage.v3 import services

    for s in services.list(cinder, services.ListOpts(binary="cinder-volume")).items():
        print(s.host, s.status, s.state, s.frozen)

    services.disable(cinder, "devstack@lvmdriver-1", "cinder-volume",
                     reason="maintenance").extract()
    services.enable(cinder, "devstack@lvmdriver-1", "cinder-volume").extract()
"""

from oscloud.openstack.blockstorage.v3.services.requests import (
    ListOpts,
    ListOptsBuilder,
    disable,
    enable,
    list,
)
from oscloud.openstack.blockstorage.v3.services.results import (
    Service,
    ServicePage,
    ServiceStatus,
    UpdateResult,
    extract_services,
)

__all__ = [
    "ListOpts",
    "ListOptsBuilder",
    "Service",
    "ServicePage",
    "ServiceStatus",
    "UpdateResult",
    "disable",
    "enable",
    "extract_services",
    "list",
]
