"""Create a volume, wait until it is available, read it and rename it."""

import os

import oscloud
from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import volumes

# How long to wait for the cloud, and how often to look (seconds).
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "2"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())
cinder = cinder.with_microversion("3.65")  # sends OpenStack-API-Version: volume 3.65

opts = volumes.CreateOpts(
    size=10,  # GiB
    name="db-data",
    description="database files",
    volume_type="ssd",
    metadata={"env": "prod"},
)
created = volumes.create(cinder, opts).extract()
print("created", created.id, created.status)  # "creating": Cinder builds it in the background

volume = volumes.wait_for_status(
    cinder, created.id, "available", timeout=TIMEOUT, interval=INTERVAL
)
print(f"{volume.name}: {volume.size} GiB of {volume.volume_type} ({volume.volume_type_id})")
print(f"created {volume.created_at:%Y-%m-%d %H:%M} UTC, bootable: {volume.bootable}")

# Fields left out are not changed; oscloud.NULL clears one.
renamed = volumes.update(cinder, volume.id, volumes.UpdateOpts(description=oscloud.NULL))
print("description:", renamed.extract().description)
