"""Delete a server, wait until it is gone, and remove the key pair.

Usage: python compute_delete.py SERVER_ID
"""

import os
import sys

from oscloud import errors, openstack
from oscloud.openstack.compute.v2 import keypairs, servers

server_id = sys.argv[1]
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "5"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())

servers.delete(compute, server_id).extract_err()
servers.wait_for_delete(compute, server_id, timeout=TIMEOUT, interval=INTERVAL)
print("server deleted")

# Deleting what is already gone: a NotFoundError, which a clean-up may ignore.
again = servers.delete(compute, server_id)
if isinstance(again.err, errors.NotFoundError):
    print("already gone")
else:
    again.extract_err()

keypairs.delete(compute, "laptop").extract_err()  # servers keep their keys
print("key pair deleted")
