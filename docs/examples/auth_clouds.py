"""Connect to the cloud named by OS_CLOUD, as described in clouds.yaml (and secure.yaml)."""

from oscloud import openstack

cloud = openstack.load_cloud()  # or load_cloud("mycloud")
provider = openstack.authenticated_client(cloud.auth_options, **cloud.provider_options())
compute = openstack.new_compute_v2(provider, cloud.endpoint_opts())

print(f"{cloud.name} (from {cloud.source}): compute at {compute.endpoint}")
