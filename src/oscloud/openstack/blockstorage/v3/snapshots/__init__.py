"""Block storage v3 snapshots: take, list, show, rename, delete, metadata, and wait.

Usage::

    from oscloud.openstack.blockstorage.v3 import snapshots

    snap = snapshots.create(cinder, snapshots.CreateOpts(
        volume_id=volume.id, name="nightly", metadata={"kind": "daily"})).extract()
    snap = snapshots.wait_for_status(cinder, snap.id, "available")
    print(snap.size, snap.progress)

    for snap in snapshots.list(cinder, snapshots.ListOpts(volume_id=volume.id)).items():
        print(snap.id, snap.name, snap.status)

    snapshots.update(cinder, snap.id, snapshots.UpdateOpts(name="weekly")).extract()
    snapshots.delete(cinder, snap.id).extract_err()
    snapshots.wait_for_delete(cinder, snap.id)

A volume made from a snapshot is created with
``volumes.CreateOpts(snapshot_id=snap.id)``.
"""

from oscloud.openstack.blockstorage.v3.snapshots.requests import (
    ERROR_STATES,
    CreateOpts,
    CreateOptsBuilder,
    ListOpts,
    ListOptsBuilder,
    UpdateOpts,
    UpdateOptsBuilder,
    create,
    delete,
    delete_metadatum,
    find,
    force_delete,
    get,
    get_metadata,
    get_metadatum,
    list,
    reset_status,
    set_metadata,
    set_metadatum,
    update,
    update_metadata,
    wait_for_delete,
    wait_for_status,
)
from oscloud.openstack.blockstorage.v3.snapshots.results import (
    ActionResult,
    CreateResult,
    DeleteResult,
    GetResult,
    MetadataResult,
    MetadatumResult,
    Snapshot,
    SnapshotPage,
    SnapshotResult,
    UpdateResult,
    extract_snapshots,
)

__all__ = [
    "ERROR_STATES",
    "ActionResult",
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "ListOpts",
    "ListOptsBuilder",
    "MetadataResult",
    "MetadatumResult",
    "Snapshot",
    "SnapshotPage",
    "SnapshotResult",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "create",
    "delete",
    "delete_metadatum",
    "extract_snapshots",
    "find",
    "force_delete",
    "get",
    "get_metadata",
    "get_metadatum",
    "list",
    "reset_status",
    "set_metadata",
    "set_metadatum",
    "update",
    "update_metadata",
    "wait_for_delete",
    "wait_for_status",
]
