"""Log in with the OS_* variables of an openrc file, list servers, and read some of them."""

import sys

from oscloud import errors, openstack
from oscloud.openstack.compute.v2 import servers

# Log in once: the provider holds the token and renews it when needed.
opts = openstack.auth_options_from_env()  # OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, ...
provider = openstack.authenticated_client(opts)

# One client per service, found in the token's catalog (OS_REGION_NAME, OS_INTERFACE).
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())

# A listing: lazy, fetched page by page as the loop goes on.
for server in servers.list(compute).items():
    print(f"{server.id}  {server.status:<7} {server.name}")

# One call per server named on the command line: extract() gives the model, or raises.
for server_id in sys.argv[1:]:
    try:
        server = servers.get(compute, server_id).extract()
    except errors.NotFoundError:
        print(f"{server_id}: no such server")
        continue
    addresses = [a.addr for network in server.addresses.values() for a in network]
    print(f"{server.name}: {server.status} since {server.updated:%Y-%m-%d %H:%M} UTC, {addresses}")
