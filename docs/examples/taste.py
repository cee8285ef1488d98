import oscloud
from oscloud import openstack
from oscloud.openstack.compute.v2 import servers

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))

for server in servers.list(compute, servers.ListOpts(status="ACTIVE")).items():
    print(server.id, server.name, server.created)  # typed: created is an aware datetime

web = servers.find(compute, "web-1")  # exactly one server of that name, or an error
servers.reboot(compute, web.id, servers.RebootType.SOFT).extract_err()
