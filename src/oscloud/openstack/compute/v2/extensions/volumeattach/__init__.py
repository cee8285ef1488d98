"""Volume attachments of a server (``os-volume_attachments``): attach, list, swap, detach.

Usage::

    from oscloud.openstack.compute.v2.extensions import volumeattach

    compute = compute.with_microversion("2.79")
    opts = volumeattach.CreateOpts(volume_id=volume_id, delete_on_termination=True)
    attachment = volumeattach.create(compute, server_id, opts).extract()
    # from microversion 2.101 the answer has no body: extract() is None

    for attachment in volumeattach.list(compute, server_id).items():
        print(attachment.volume_id, attachment.device, attachment.tag)

    volumeattach.delete(compute, server_id, volume_id).extract_err()

The attachment's URL uses the volume id (``/os-volume_attachments/{volume_id}``).
"""

from oscloud.openstack.compute.v2.extensions.volumeattach.requests import (
    CreateOpts,
    CreateOptsBuilder,
    ListOpts,
    ListOptsBuilder,
    UpdateOpts,
    UpdateOptsBuilder,
    create,
    delete,
    get,
    list,
    update,
)
from oscloud.openstack.compute.v2.extensions.volumeattach.results import (
    CreateResult,
    DeleteResult,
    GetResult,
    UpdateResult,
    VolumeAttachment,
    VolumeAttachmentPage,
    VolumeAttachmentResult,
    extract_volume_attachments,
)

__all__ = [
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "ListOpts",
    "ListOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "VolumeAttachment",
    "VolumeAttachmentPage",
    "VolumeAttachmentResult",
    "create",
    "delete",
    "extract_volume_attachments",
    "get",
    "list",
    "update",
]
