"""The disk config extension (``OS-DCF:diskConfig``): how a server's root disk is partitioned.

Usage::

    from oscloud.openstack.compute.v2 import servers
    from oscloud.openstack.compute.v2.extensions import diskconfig

    base = servers.CreateOpts(name="web-1", image_ref=image_id, flavor_ref="1",
                              networks="auto")
    opts = diskconfig.CreateOptsExt(create_opts_builder=base,
                                    disk_config=diskconfig.DiskConfig.MANUAL)
    created = servers.create(compute, opts).extract()

    result = servers.get(compute, created.id)
    server = result.extract()
    config = diskconfig.extract_get(result)          # DiskConfig.MANUAL

    servers.resize(compute, created.id, diskconfig.ResizeOptsExt(
        resize_opts_builder=servers.ResizeOpts(flavor_ref="2"),
        disk_config=diskconfig.DiskConfig.AUTO)).extract_err()

The ``*OptsExt`` classes wrap any base builder (they need only its builder method), so
they also wrap other extensions' options.
"""

from oscloud.openstack.compute.v2.extensions.diskconfig.requests import (
    CreateOptsExt,
    DiskConfig,
    RebuildOptsExt,
    ResizeOptsExt,
    UpdateOptsExt,
)
from oscloud.openstack.compute.v2.extensions.diskconfig.results import (
    disk_config_from_json,
    extract_disk_configs,
    extract_get,
)

__all__ = [
    "CreateOptsExt",
    "DiskConfig",
    "RebuildOptsExt",
    "ResizeOptsExt",
    "UpdateOptsExt",
    "disk_config_from_json",
    "extract_disk_configs",
    "extract_get",
]
