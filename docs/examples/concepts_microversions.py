"""Choose the compute API microversion: a fixed one, or the newest both sides know."""

import oscloud
from oscloud import openstack

provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))

pinned = compute.with_microversion("2.79")  # a copy; `compute` itself is unchanged
print(pinned.microversion_headers())

supported = compute.discover_microversions()  # GET on the version document, cached
print("the cloud supports", supported.min_version, "to", supported.max_version)

newest = compute.with_highest_microversion(minimum="2.60")  # MicroversionError if older
print("using", newest.microversion, "- at least 2.72:", newest.microversion_at_least("2.72"))
