"""Attach a volume through the attachments API (microversion 3.27 and later), as Nova does.

Usage: python blockstorage_attachments.py VOLUME_ID SERVER_ID
"""

import sys

from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import attachments, volumes

volume_id, server_id = sys.argv[1:3]
provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())
cinder = cinder.with_microversion("3.54")  # 3.44: complete; 3.54: the attach mode

# 1. Reserve the volume for the server (no connector yet): the attachment is "reserved".
reserve = attachments.CreateOpts(
    volume_id=volume_id, instance_uuid=server_id, mode=attachments.AttachMode.READ_WRITE
)
attachment = attachments.create(cinder, reserve).extract()
print("attachment", attachment.id, attachment.status)

# 2. Give the host's connector: Cinder exports the volume and says how to connect.
connector = {
    "host": "compute-1",
    "ip": "192.0.2.10",
    "initiator": "iqn.1993-08.org.debian:01:compute-1",
    "platform": "x86_64",
    "os_type": "linux",
    "multipath": False,
}
given = attachments.UpdateOpts(connector=connector)
ready = attachments.update(cinder, attachment.id, given).extract()
info = ready.connection_info or {}  # may hold secrets: do not log it
print("connect with", info.get("driver_volume_type"), "- attachment", ready.status)

# 3. Once the host is connected, complete it: the volume goes "in-use".
attachments.complete(cinder, attachment.id).extract_err()
print("volume is", volumes.get(cinder, volume_id).extract().status)

for listed in attachments.list(cinder, attachments.ListOpts(volume_id=volume_id)).items():
    print(f"  {listed.id} {listed.status} {listed.attach_mode} on {listed.instance}")

# Detach: delete the attachment.
attachments.delete(cinder, attachment.id).extract_err()
print("volume is", volumes.get(cinder, volume_id).extract().status)
