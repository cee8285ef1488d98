"""The disk config extension (``OS-DCF:diskConfig``): how a server's root disk is partitioned.

Nova folded the extension into the server API: the disk config is the ``disk_config``
field of the server options (:class:`~oscloud.openstack.compute.v2.servers.CreateOpts`,
``RebuildOpts``, ``ResizeOpts`` and ``UpdateOpts``); this package reads it back from
server results and pages.

Usage::

    from oscloud.openstack.compute.v2 import servers
    from oscloud.openstack.compute.v2.extensions import diskconfig

    opts = servers.CreateOpts(name="web-1", image_ref=image_id, flavor_ref="1",
                              networks="auto", disk_config=servers.DiskConfig.MANUAL)
    created = servers.create(compute, opts).extract()

    result = servers.get(compute, created.id)
    server = result.extract()
    config = diskconfig.extract_get(result)          # DiskConfig.MANUAL

    servers.resize(compute, created.id, servers.ResizeOpts(
        flavor_ref="2", disk_config=servers.DiskConfig.AUTO)).extract_err()

:class:`DiskConfig` is :class:`servers.DiskConfig
<oscloud.openstack.compute.v2.servers.DiskConfig>`. The ``*OptsExt`` functions, which
wrapped server options to add the field, still work and return the server options with
``disk_config`` set; they warn :class:`DeprecationWarning`.
"""

from oscloud.openstack.compute.v2.extensions.diskconfig import requests as _requests
from oscloud.openstack.compute.v2.extensions.diskconfig import results as _results
from oscloud.openstack.compute.v2.extensions.diskconfig.requests import *
from oscloud.openstack.compute.v2.extensions.diskconfig.results import *

__all__ = _requests.__all__ + _results.__all__
