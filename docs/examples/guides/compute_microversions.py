"""The same server read at three microversions: each shows more.

Usage: python compute_microversions.py SERVER_ID
"""

import sys

from oscloud import openstack
from oscloud.openstack.compute.v2 import servers

server_id = sys.argv[1]
provider = openstack.authenticated_client(openstack.auth_options_from_env())
compute = openstack.new_compute_v2(provider, openstack.endpoint_opts_from_env())

oldest = servers.get(compute, server_id).extract()  # no header: Nova answers as 2.1
print("2.1: flavor id", oldest.flavor.id, "| tags", oldest.tags, "| locked", oldest.locked)

embedded = servers.get(compute.with_microversion("2.47"), server_id).extract()
flavor = embedded.flavor
print(f"2.47: flavor {flavor.original_name} ({flavor.vcpus} vCPU, {flavor.ram} MiB)", end="")
print(f" | tags {embedded.tags} | locked {embedded.locked}")

newest = servers.get(compute.with_microversion("2.73"), server_id).extract()
print(f"2.73: locked {newest.locked}, because {newest.locked_reason!r}")
