"""Containers: create them with metadata and ACLs, list them page by page, read and change them."""

from oscloud import openstack
from oscloud.openstack.objectstorage.v1 import containers

provider = openstack.authenticated_client(openstack.auth_options_from_env())
swift = openstack.new_object_storage_v1(provider, openstack.endpoint_opts_from_env())

# A private container with metadata and a quota, and a public one: anyone may read its
# objects (.r:*) and list them (.rlistings), without a token.
private = containers.CreateOpts(metadata={"Owner": "team-a"}, quota_bytes=50 * 2**30)
containers.create(swift, "backups", private).extract_err()
containers.create(swift, "www", containers.CreateOpts(read_acl=".r:*,.rlistings")).extract_err()
for month in ("2024-04", "2024-05", "2024-06"):
    containers.create(swift, f"logs-{month}").extract_err()  # 201, or 202 if it existed

# A lazy listing: pages of 2 are read as the loop goes on, each after the last name.
for container in containers.list(swift, containers.ListOpts(limit=2)).items():
    print(f"{container.name:<13} {container.object_count:>3} objects {container.bytes_used:>6} B")

every_log = containers.list(swift, containers.ListOpts(prefix="logs-")).all_pages()
print("logs:", containers.extract_container_names(every_log))

header = containers.get(swift, "backups").extract()  # HEAD: usage and settings
print(f"backups: {header.object_count} objects, quota {header.quota_bytes} B, owner", end=" ")
print(header.metadata.get("Owner"))

# Set some metadata, remove other.
changes = containers.UpdateOpts(metadata={"Retention": "30d"}, remove_metadata=["Owner"])
containers.update(swift, "backups", changes).extract_err()
print("metadata now:", dict(containers.get(swift, "backups").extract().metadata))
