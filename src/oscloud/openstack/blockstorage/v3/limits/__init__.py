"""Block storage v3 limits: the project's absolute limits and what it uses of them.

Usage::

    from oscloud.openstack.blockstorage.v3 import limits

    absolute = limits.get(cinder).extract().absolute
    print(absolute.max_total_volume_gigabytes, absolute.total_gigabytes_used)
"""

from oscloud.openstack.blockstorage.v3.limits.requests import (
    get,
)
from oscloud.openstack.blockstorage.v3.limits.results import (
    AbsoluteLimits,
    GetResult,
    Limits,
)

__all__ = [
    "AbsoluteLimits",
    "GetResult",
    "Limits",
    "get",
]
