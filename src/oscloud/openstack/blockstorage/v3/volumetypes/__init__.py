"""Block storage v3 volume types: list, show, create, update, delete, extra specs, access.

Usage::

    from oscloud.openstack.blockstorage.v3 import volumetypes

    for vt in volumetypes.list(cinder).items():
        print(vt.id, vt.name, vt.is_public)
    default = volumetypes.get_default(cinder).extract()

    # administrators
    ssd = volumetypes.create(cinder, volumetypes.CreateOpts(
        name="ssd", is_public=False, extra_specs={"volume_backend_name": "ssd"})).extract()
    volumetypes.update_extra_spec(cinder, ssd.id, "replication_enabled", "<is> True").extract()
    volumetypes.add_project_access(cinder, ssd.id, project_id).extract_err()
    print([a.project_id for a in volumetypes.list_access(cinder, ssd.id).items()])
    volumetypes.delete(cinder, ssd.id).extract_err()
"""

from oscloud.openstack.blockstorage.v3.volumetypes import requests as _requests
from oscloud.openstack.blockstorage.v3.volumetypes import results as _results
from oscloud.openstack.blockstorage.v3.volumetypes.requests import *
from oscloud.openstack.blockstorage.v3.volumetypes.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.volumetypes.results import *

__all__ = _requests.__all__ + _results.__all__
