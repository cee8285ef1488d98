"""Identity v2.0, for clouds too old for v3: a user name and a tenant, no domains."""

import os

import oscloud
from oscloud import openstack

opts = oscloud.AuthOptions(
    identity_endpoint=os.environ["OS_AUTH_URL"],  # ends in /v2.0
    username=os.environ["OS_USERNAME"],
    password=os.environ["OS_PASSWORD"],
    tenant_name=os.environ["OS_TENANT_NAME"],
)
provider = openstack.authenticated_client(opts)
compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))
print("compute is at", compute.endpoint)
