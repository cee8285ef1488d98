"""The object storage cluster's capabilities: ``GET /info``.

Usage::

    from oscloud.openstack.objectstorage.v1 import info

    cluster = info.get(swift).extract()
    print(cluster.version, cluster.max_file_size, cluster.container_listing_limit)
    if cluster.has("slo"):
        print(cluster.slo.max_manifest_segments)
    if cluster.tempurl is not None:
        print(cluster.tempurl.allowed_digests)
    print(cluster.middleware)           # ('swift', 'slo', 'bulk_delete', 'tempurl', ...)
"""

from oscloud.openstack.objectstorage.v1.info import requests as _requests
from oscloud.openstack.objectstorage.v1.info import results as _results
from oscloud.openstack.objectstorage.v1.info.requests import *
from oscloud.openstack.objectstorage.v1.info.results import *

__all__ = _requests.__all__ + _results.__all__
