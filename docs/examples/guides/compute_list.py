"""Find servers: filtered listings, one server by name or id, its metadata and tags."""

from oscloud import openstack
from oscloud.openstack.compute.v2 import servers

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())
compute = compute.with_microversion("2.79")

# Filtered by Nova; `name` is a regular expression. Pages of 2 are read as the loop goes.
opts = servers.ListOpts(status="ACTIVE", name="^web-", tags=["production"], limit=2)
for server in servers.list(compute, opts).items():
    print(f"{server.id}  {server.name:<8} {server.created:%Y-%m-%d}")

# Names and ids only, which is cheaper for Nova: GET /servers instead of /servers/detail.
print("all:", sorted(s.name for s in servers.list_simple(compute).items()))

# By name: exactly one server, else ResourceNotFoundError or MultipleResourcesFoundError.
web = servers.find(compute, "web-2")
server = servers.get(compute, web.id).extract()  # by id
print(server.name, server.status, server.metadata)

# Metadata: merge items, read them all, delete one.
servers.update_metadata(compute, server.id, {"owner": "team-a", "backup": "daily"}).extract()
servers.delete_metadatum(compute, server.id, "role").extract_err()
print("metadata:", servers.list_metadata(compute, server.id).extract())

# Tags (microversion 2.26 and later).
servers.add_tag(compute, server.id, "monitored").extract_err()
print("tags:", servers.list_tags(compute, server.id).extract())
