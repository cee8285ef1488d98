"""What an operation returns: a result to extract, to inspect, or to check for an error."""

import sys

from oscloud import errors, openstack
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.compute.v2.extensions import diskconfig

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())
server_id, old_server_id = sys.argv[1:3]

result = servers.get(compute, server_id)  # sends the request; raises nothing
print(result.status_code, result.headers["X-Compute-Request-Id"])  # the response...
print(result.body["server"]["OS-EXT-STS:vm_state"])  # ... and its parsed JSON

if result.err is None:
    server = result.extract()  # the typed model (extract() raises result.err, if any)
    print(server.name, server.vm_state, server.created.tzname())

# An extension reads its own fields from the same body.
print(diskconfig.extract_get(result))
print(result.extract_into(lambda body: body["OS-EXT-AZ:availability_zone"]))

# No body to extract: extract_err() raises the error, if there is one.
try:
    servers.delete(compute, old_server_id).extract_err()
except errors.NotFoundError:
    print("already deleted")
