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

from oscloud.openstack.blockstorage.v3.volumetypes.requests import (
    CreateOpts,
    CreateOptsBuilder,
    ListOpts,
    ListOptsBuilder,
    UpdateOpts,
    UpdateOptsBuilder,
    add_project_access,
    create,
    create_extra_specs,
    delete,
    delete_extra_spec,
    find,
    get,
    get_default,
    get_extra_spec,
    list,
    list_access,
    list_extra_specs,
    remove_project_access,
    update,
    update_extra_spec,
)
from oscloud.openstack.blockstorage.v3.volumetypes.results import (
    AccessPage,
    ActionResult,
    CreateResult,
    DeleteResult,
    ExtraSpecResult,
    ExtraSpecsResult,
    GetResult,
    UpdateResult,
    VolumeType,
    VolumeTypeAccess,
    VolumeTypePage,
    VolumeTypeResult,
    extract_access,
    extract_volume_types,
)

__all__ = [
    "AccessPage",
    "ActionResult",
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteResult",
    "ExtraSpecResult",
    "ExtraSpecsResult",
    "GetResult",
    "ListOpts",
    "ListOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "VolumeType",
    "VolumeTypeAccess",
    "VolumeTypePage",
    "VolumeTypeResult",
    "add_project_access",
    "create",
    "create_extra_specs",
    "delete",
    "delete_extra_spec",
    "extract_access",
    "extract_volume_types",
    "find",
    "get",
    "get_default",
    "get_extra_spec",
    "list",
    "list_access",
    "list_extra_specs",
    "remove_project_access",
    "update",
    "update_extra_spec",
]
