"""Act on a server: stop and start, reboot, resize, snapshot into an image.

Usage: python compute_actions.py SERVER_ID NEW_FLAVOR_ID
"""

import os
import sys

from oscloud import openstack
from oscloud.openstack.compute.v2 import servers

server_id, new_flavor_id = sys.argv[1:3]
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "5"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())
compute = compute.with_microversion("2.79")


def wait(status: str) -> None:
    server = servers.wait_for_status(compute, server_id, status, timeout=TIMEOUT, interval=INTERVAL)
    print(f"  {server.name} is {server.status}")


# Actions answer at once (202) and run in the background: wait for the status they lead to.
print("stop")
servers.stop(compute, server_id).extract_err()
wait("SHUTOFF")
print("start")
servers.start(compute, server_id).extract_err()
wait("ACTIVE")

print("reboot")
servers.reboot(compute, server_id, servers.RebootType.HARD).extract_err()
wait("ACTIVE")

# A resize ends in VERIFY_RESIZE: confirm it (or revert_resize to go back).
print("resize")
servers.resize(compute, server_id, servers.ResizeOpts(flavor_ref=new_flavor_id)).extract_err()
wait("VERIFY_RESIZE")
servers.confirm_resize(compute, server_id).extract_err()
wait("ACTIVE")

# A snapshot of the server, as a new image (its id is in the answer from 2.45).
snapshot = servers.CreateImageOpts(name="web-1-snapshot", metadata={"source": "web-1"})
image_id = servers.create_image(compute, server_id, snapshot).extract()
print("snapshot image", image_id)
