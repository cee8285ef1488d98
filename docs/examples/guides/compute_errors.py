"""What can go wrong: answers of the server, input refused before sending, waits that end.

Usage: python compute_errors.py SERVER_ID
"""

import os
import sys

from oscloud import errors, openstack
from oscloud.openstack.compute.v2 import servers

server_id = sys.argv[1]
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "60"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "5"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())

# The server answered with an error status: extract() raises it.
try:
    servers.get(compute, "5e1d6a8c-0000-4000-8000-000000000000").extract()
except errors.NotFoundError as err:
    print(f"404: {err.message} (request {err.request_id})")

# An action that the server's state does not allow: starting a running server.
try:
    servers.start(compute, server_id).extract_err()
except errors.ConflictError as err:
    print(f"409: {err.message}")

# Refused before anything is sent: a required option left out, a too-old microversion.
try:
    servers.create(compute, servers.CreateOpts(name="web-2", flavor_ref="1"))  # no image
except errors.MissingInputError as err:
    print("not sent:", err)
try:
    servers.list_tags(compute, server_id)  # tags need microversion 2.26
except errors.MicroversionError as err:
    print("not sent:", err)

# A wait that runs out of time raises WaitTimeoutError (also a builtin TimeoutError);
# one that sees the server go to ERROR raises ResourceErrorStateError, with its fault.
try:
    servers.wait_for_status(compute, server_id, "SHUTOFF", timeout=TIMEOUT, interval=INTERVAL)
except errors.WaitTimeoutError as err:
    print(f"gave up, still {err.last_status}:", err)
except errors.ResourceErrorStateError as err:
    print("failed:", err.fault)
