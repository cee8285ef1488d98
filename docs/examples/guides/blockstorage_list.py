"""List volumes: filters and sorting, pages and their total, a volume by name."""

from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import volumes

provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())
cinder = cinder.with_microversion("3.65")

# Filtered and sorted by Cinder; pages of 2 are read as the loop goes on.
opts = volumes.ListOpts(status="available", metadata={"env": "prod"}, sort="size:desc", limit=2)
for volume in volumes.list(cinder, opts).items():
    print(f"{volume.name:<10} {volume.size:>3} GiB  {volume.status}")

# Page by page, with the number of volumes of all pages (with_count: 3.45 and later).
for page in volumes.list(cinder, volumes.ListOpts(limit=2, with_count=True)):
    names = [v.name for v in volumes.extract_volumes(page)]
    print(f"page {names} of {volumes.extract_count(page)} volumes")

# Exactly one volume of that name, else ResourceNotFoundError / MultipleResourcesFoundError.
print("found", volumes.find(cinder, "logs").id)
