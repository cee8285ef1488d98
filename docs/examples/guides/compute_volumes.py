"""Attach a block storage volume to a server, list the attachments, detach it.

Usage: python compute_volumes.py SERVER_ID VOLUME_ID
"""

import os
import sys

from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import volumes
from oscloud.openstack.compute.v2.extensions import volumeattach

server_id, volume_id = sys.argv[1:3]
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "2"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
endpoint_opts = openstack.endpoint_opts_from_env()
compute = openstack.new_compute_v2(provider, endpoint_opts).with_microversion("2.79")
cinder = openstack.new_block_storage_v3(provider, endpoint_opts)

# Nova attaches the volume; Cinder shows it "in-use" once done. `tag` needs 2.49,
# `delete_on_termination` 2.79.
opts = volumeattach.CreateOpts(volume_id=volume_id, tag="data", delete_on_termination=False)
attachment = volumeattach.create(compute, server_id, opts).extract()
print("attached at", attachment.device)
volumes.wait_for_status(cinder, volume_id, "in-use", timeout=TIMEOUT, interval=INTERVAL)

for attached in volumeattach.list(compute, server_id).items():
    print(f"  {attached.volume_id} {attached.device} tag={attached.tag}")

volumeattach.delete(compute, server_id, volume_id).extract_err()
volumes.wait_for_status(cinder, volume_id, "available", timeout=TIMEOUT, interval=INTERVAL)
print("detached")
