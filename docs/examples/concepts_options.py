"""Options: None leaves a field out, oscloud.NULL sends an explicit null."""

import oscloud
from oscloud import errors, openstack
from oscloud.openstack.compute.v2 import servers

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())
compute = compute.with_microversion("2.19")  # server descriptions came with 2.19

server = servers.find(compute, "web-1")

# Only the fields that are set are sent: the name changes, the description stays.
renamed = servers.update(compute, server.id, servers.UpdateOpts(name="web-01")).extract()
print(renamed.name, "-", renamed.description)

# NULL clears a field: {"server": {"description": null}}.
cleared = servers.update(compute, server.id, servers.UpdateOpts(description=oscloud.NULL))
print(cleared.extract().description)

# A required option left out is refused before anything is sent.
try:
    servers.create(compute, servers.CreateOpts(name="web-02", image_ref="cirros"))
except errors.MissingInputError as err:
    print(err)
