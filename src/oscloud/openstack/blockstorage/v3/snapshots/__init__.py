"""Block storage v3 snapshots: take, list, show, rename, delete, metadata, and wait.

Usage::

    from oscloud.openstack.blockstorage.v3 import snapshots

    snap = snapshots.create(cinder, snapshots.CreateOpts(
        volume_id=volume.id, name="nightly", metadata={"kind": "daily"})).extract()
    snap = snapshots.wait_for_status(cinder, snap.id, "available")
    print(snap.size, snap.progress)

    for snap in snapshots.list(cinder, snapshots.ListOpts(volume_id=volume.id)).items():
        print(snap.id, snap.name, snap.status)

    snapshots.update_metadata(cinder, snap.id, {"tier": "gold"}).extract()
    print(snapshots.list_metadata(cinder, snap.id).extract())
    snapshots.update(cinder, snap.id, snapshots.UpdateOpts(name="weekly")).extract()
    snapshots.delete(cinder, snap.id).extract_err()
    snapshots.wait_for_delete(cinder, snap.id)

A volume made from a snapshot is created with
``volumes.CreateOpts(snapshot_id=snap.id)``. Filters and fields that a microversion
brings say so; one the client's microversion lacks raises
:class:`~oscloud.errors.MicroversionError` before any request. The metadata calls have
the names they have in every service (``list_metadata``; ``get_metadata`` still works
and warns).
"""

from oscloud.openstack.blockstorage.v3.snapshots import requests as _requests
from oscloud.openstack.blockstorage.v3.snapshots import results as _results
from oscloud.openstack.blockstorage.v3.snapshots.requests import *
from oscloud.openstack.blockstorage.v3.snapshots.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.snapshots.results import *

__all__ = _requests.__all__ + _results.__all__
