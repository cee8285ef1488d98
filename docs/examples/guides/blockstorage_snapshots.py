"""Snapshot a volume, list its snapshots, and make a new volume from one.

Usage: python blockstorage_snapshots.py VOLUME_ID
"""

import os
import sys

from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import snapshots, volumes

volume_id = sys.argv[1]
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "2"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())
cinder = cinder.with_microversion("3.65")

opts = snapshots.CreateOpts(
    volume_id=volume_id, name="db-data-nightly", metadata={"kind": "nightly"}
)
snapshot = snapshots.create(cinder, opts).extract()
snapshot = snapshots.wait_for_status(
    cinder, snapshot.id, "available", timeout=TIMEOUT, interval=INTERVAL
)
print(f"snapshot {snapshot.name}: {snapshot.size} GiB, {snapshot.status}")

for listed in snapshots.list(cinder, snapshots.ListOpts(volume_id=volume_id)).items():
    print(f"  {listed.id} {listed.name} {listed.created_at:%Y-%m-%d}")

# A new volume from the snapshot: its size is the snapshot's unless a larger one is given.
restore = volumes.CreateOpts(snapshot_id=snapshot.id, name="db-data-restored")
restored = volumes.create(cinder, restore).extract()
restored = volumes.wait_for_status(
    cinder, restored.id, "available", timeout=TIMEOUT, interval=INTERVAL
)
print(f"restored {restored.name}: {restored.size} GiB from snapshot {restored.snapshot_id}")
