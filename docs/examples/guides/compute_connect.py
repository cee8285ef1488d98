"""Connect to compute: credentials from clouds.yaml (OS_CLOUD) or from the OS_* variables."""

import os

from oscloud import openstack

if os.environ.get("OS_CLOUD"):  # a cloud described in clouds.yaml
    cloud = openstack.load_cloud()
    provider = openstack.authenticated_client(cloud.auth_options, **cloud.provider_options())
    endpoint_opts = cloud.endpoint_opts()
else:  # the variables of an openrc file: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, ...
    provider = openstack.authenticated_client(openstack.auth_options_from_env())
    endpoint_opts = openstack.endpoint_opts_from_env()  # OS_REGION_NAME, OS_INTERFACE

compute = openstack.new_compute_v2(provider, endpoint_opts)
print("compute at", compute.endpoint)

# A copy that sends microversion 2.79 with every request; `compute` itself is unchanged.
compute = compute.with_microversion("2.79")
print("pinned to", compute.microversion)

# Or the newest microversion that the cloud and oscloud both know, refusing anything
# older than 2.60 (MicroversionError).
supported = compute.discover_microversions()
if supported is not None:
    print("the cloud offers", supported.min_version, "to", supported.max_version)
newest = compute.with_highest_microversion(minimum="2.60")
print("newest usable:", newest.microversion)
