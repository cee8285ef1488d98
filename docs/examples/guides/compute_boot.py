"""Boot a server: choose a flavor, import a key pair, create the server, wait until it runs.

Usage: python compute_boot.py IMAGE_ID
"""

import os
import sys
from pathlib import Path

from oscloud import errors, openstack
from oscloud.openstack.compute.v2 import flavors, keypairs, servers

image_id = sys.argv[1]  # the id of an image, e.g. from `openstack image list`

# How long to wait for the cloud, and how often to look (seconds).
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "5"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())
compute = compute.with_microversion("2.79")

# The smallest flavor with at least 2 GiB of memory: one page of one flavor is read.
bigger = flavors.ListOpts(min_ram=2048, sort_key="memory_mb", sort_dir="asc", limit=1)
flavor = next(flavors.list(compute, bigger).items())
print(f"flavor {flavor.name}: {flavor.vcpus} vCPU, {flavor.ram} MiB, {flavor.disk} GiB")

# The key pair: imported on the first run, found on the next ones.
try:
    pair = keypairs.get(compute, "laptop").extract()
except errors.NotFoundError:
    public_key = (Path.home() / ".ssh" / "id_ed25519.pub").read_text()
    new_pair = keypairs.CreateOpts(name="laptop", public_key=public_key)
    pair = keypairs.create(compute, new_pair).extract()
print("key pair", pair.name, pair.fingerprint)

cloud_config = b"""#cloud-config
packages: [nginx]
"""
opts = servers.CreateOpts(
    name="web-1",
    image_ref=image_id,
    flavor_ref=flavor.id,
    key_name=pair.name,
    networks="auto",  # or "none", or [servers.Network(uuid=network_id)]
    metadata={"role": "web"},
    tags=["web", "production"],  # microversion 2.52 and later
    user_data=cloud_config,  # base64-encoded by CreateOpts
)
created = servers.create(compute, opts).extract()
print("created", created.id)  # the server builds in the background

server = servers.wait_for_status(compute, created.id, "ACTIVE", timeout=TIMEOUT, interval=INTERVAL)
addresses = [a.addr for network in server.addresses.values() for a in network]
print(f"{server.name} is {server.status} on {addresses}")
print(f"flavor {server.flavor.original_name}, tags {list(server.tags or ())}")
