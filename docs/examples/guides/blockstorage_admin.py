"""Administrators: volume types and their access, and a project's quotas.

Usage: python blockstorage_admin.py PROJECT_ID
"""

import sys

from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import quotasets, volumetypes

project_id = sys.argv[1]
provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())

for volume_type in volumetypes.list(cinder).items():
    print(f"{volume_type.name:<6} public={volume_type.is_public} {volume_type.extra_specs}")
print("default type:", volumetypes.get_default(cinder).extract().name)

# A private type on the "ssd" back end, usable by one project.
opts = volumetypes.CreateOpts(
    name="gold",
    description="replicated SSD",
    is_public=False,
    extra_specs={"volume_backend_name": "ssd", "replication_enabled": "<is> True"},
)
gold = volumetypes.create(cinder, opts).extract()
volumetypes.add_project_access(cinder, gold.id, project_id).extract_err()
print("gold is open to", [a.project_id for a in volumetypes.list_access(cinder, gold.id).items()])

# Quotas: what the project may use, and what it uses.
usage = quotasets.get_usage(cinder, project_id).extract()
print(f"volumes: {usage.volumes.in_use} of {usage.volumes.limit} in use")
print(f"gigabytes: {usage.gigabytes.in_use} of {usage.gigabytes.limit} in use")

more = quotasets.UpdateOpts(
    volumes=20, gigabytes=2000, per_volume_type={"gold": quotasets.VolumeTypeQuota(gigabytes=500)}
)
quotas = quotasets.update(cinder, project_id, more).extract()
print("now:", quotas.volumes, "volumes,", quotas.per_volume_type["gold"].gigabytes, "GiB of gold")
