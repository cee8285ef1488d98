"""Block storage v3 volumes: create, list, show, update, delete, act on them, and wait.

Usage::

    import oscloud
    from oscloud import openstack
    from oscloud.openstack.blockstorage.v3 import volumes

    provider = openstack.authenticated_client(openstack.auth_options_from_env())
    cinder = openstack.new_block_storage_v3(provider, oscloud.EndpointOpts())
    cinder = cinder.with_microversion("3.63")

    created = volumes.create(cinder, volumes.CreateOpts(
        size=10, name="data", volume_type="lvmdriver-1", metadata={"env": "prod"})).extract()
    volume = volumes.wait_for_status(cinder, created.id, "available")
    print(volume.size, volume.bootable, volume.volume_type_id)

    for volume in volumes.list(cinder, volumes.ListOpts(status="available")).items():
        print(volume.id, volume.name)

    volumes.extend(cinder, volume.id, 20).extract_err()
    volumes.wait_for_status(cinder, volume.id, "available")
    volumes.update_metadata(cinder, volume.id, {"tier": "gold"}).extract()
    image = volumes.upload_to_image(cinder, volume.id,
                                    volumes.UploadImageOpts(image_name="data-image")).extract()
    volumes.delete(cinder, volume.id, volumes.DeleteOpts(cascade=True)).extract_err()
    volumes.wait_for_delete(cinder, volume.id)

Operations return results: ``extract()`` gives the model or raises the server's error
(:class:`~oscloud.errors.NotFoundError`, :class:`~oscloud.errors.BadRequestError` for an
action in the wrong state, …); operations with no body return results whose
``extract_err()`` raises it. Listings are lazy pagers.

What is sent and read depends on the client's microversion
(``cinder.with_microversion(...)``); the docstrings say which microversion brings each
field and operation, up to :data:`~oscloud.openstack.blockstorage.v3.MAX_MICROVERSION`.
An option that needs a newer microversion than the client sends raises
:class:`~oscloud.errors.MicroversionError` before any request.
"""

from oscloud.openstack.blockstorage.v3.volumes.requests import (
    ERROR_STATES,
    AttachMode,
    AttachOpts,
    AttachOptsBuilder,
    CreateOpts,
    CreateOptsBuilder,
    DeleteOpts,
    DeleteOptsBuilder,
    DetachOpts,
    DetachOptsBuilder,
    ListOpts,
    ListOptsBuilder,
    MigrationPolicy,
    ResetStatusOpts,
    ResetStatusOptsBuilder,
    RetypeOpts,
    RetypeOptsBuilder,
    UpdateOpts,
    UpdateOptsBuilder,
    UploadImageOpts,
    UploadImageOptsBuilder,
    attach,
    begin_detaching,
    create,
    delete,
    delete_metadatum,
    detach,
    extend,
    find,
    force_delete,
    get,
    get_metadata,
    get_metadatum,
    get_summary,
    id_from_name,
    initialize_connection,
    list,
    list_simple,
    reserve,
    reset_status,
    retype,
    revert_to_snapshot,
    roll_detaching,
    set_bootable,
    set_metadata,
    set_metadatum,
    terminate_connection,
    unreserve,
    update,
    update_metadata,
    update_readonly_flag,
    upload_to_image,
    wait_for_delete,
    wait_for_status,
)
from oscloud.openstack.blockstorage.v3.volumes.results import (
    ActionResult,
    ConnectionInfo,
    ConnectionInfoResult,
    CreateResult,
    DeleteResult,
    GetResult,
    MetadataResult,
    MetadatumResult,
    SummaryResult,
    UpdateResult,
    UploadImageResult,
    Volume,
    VolumeAttachment,
    VolumeImage,
    VolumePage,
    VolumeRef,
    VolumeRefPage,
    VolumeResult,
    VolumesSummary,
    extract_count,
    extract_volume_refs,
    extract_volumes,
)

__all__ = [
    "ERROR_STATES",
    "ActionResult",
    "AttachMode",
    "AttachOpts",
    "AttachOptsBuilder",
    "ConnectionInfo",
    "ConnectionInfoResult",
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteOpts",
    "DeleteOptsBuilder",
    "DeleteResult",
    "DetachOpts",
    "DetachOptsBuilder",
    "GetResult",
    "ListOpts",
    "ListOptsBuilder",
    "MetadataResult",
    "MetadatumResult",
    "MigrationPolicy",
    "ResetStatusOpts",
    "ResetStatusOptsBuilder",
    "RetypeOpts",
    "RetypeOptsBuilder",
    "SummaryResult",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "UploadImageOpts",
    "UploadImageOptsBuilder",
    "UploadImageResult",
    "Volume",
    "VolumeAttachment",
    "VolumeImage",
    "VolumePage",
    "VolumeRef",
    "VolumeRefPage",
    "VolumeResult",
    "VolumesSummary",
    "attach",
    "begin_detaching",
    "create",
    "delete",
    "delete_metadatum",
    "detach",
    "extend",
    "extract_count",
    "extract_volume_refs",
    "extract_volumes",
    "find",
    "force_delete",
    "get",
    "get_metadata",
    "get_metadatum",
    "get_summary",
    "id_from_name",
    "initialize_connection",
    "list",
    "list_simple",
    "reserve",
    "reset_status",
    "retype",
    "revert_to_snapshot",
    "roll_detaching",
    "set_bootable",
    "set_metadata",
    "set_metadatum",
    "terminate_connection",
    "unreserve",
    "update",
    "update_metadata",
    "update_readonly_flag",
    "upload_to_image",
    "wait_for_delete",
    "wait_for_status",
]
