"""Block storage v3 limits: the project's absolute limits and what it uses of them.

Usage::

    from oscloud.openstack.blockstorage.v3 import limits

    absolute = limits.get(cinder).extract().absolute
    print(absolute.max_total_volume_gigabytes, absolute.total_gigabytes_used)
"""

from oscloud.openstack.blockstorage.v3.limits import requests as _requests
from oscloud.openstack.blockstorage.v3.limits import results as _results
from oscloud.openstack.blockstorage.v3.limits.requests import *
from oscloud.openstack.blockstorage.v3.limits.results import *

__all__ = _requests.__all__ + _results.__all__
