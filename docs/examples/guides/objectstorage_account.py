"""The cluster's capabilities, the account's usage and metadata, and its temporary URL keys."""

import secrets

from oscloud import openstack
from oscloud.openstack.objectstorage.v1 import accounts, info

provider = openstack.authenticated_client(openstack.auth_options_from_env())
swift = openstack.new_object_storage_v1(provider, openstack.endpoint_opts_from_env())

# GET /info, at the cluster's root: what it allows, and which middleware it runs.
cluster = info.get(swift).extract()
print(f"Swift {cluster.version}: objects up to {cluster.max_file_size} B,", end=" ")
print(f"{cluster.container_listing_limit} names a page")
print("has:", [m for m in ("slo", "bulk_delete", "tempurl", "formpost") if cluster.has(m)])
if cluster.slo is not None:
    print("a static large object has at most", cluster.slo.max_manifest_segments, "segments")
if cluster.tempurl is not None:
    print("temporary URLs sign with", list(cluster.tempurl.allowed_digests))

# HEAD on the account: its usage and metadata.
account = accounts.get(swift).extract()
print(f"{account.container_count} containers, {account.object_count} objects,", end=" ")
print(f"{account.bytes_used} B, metadata {dict(account.metadata)}")

# Metadata: set items, remove others.
changes = accounts.UpdateOpts(metadata={"Team": "a"}, remove_metadata=["Subject"])
accounts.update(swift, changes).extract_err()

# Rotating the temporary URL key: put the new one in the second slot. URLs signed with
# either key work; once the old URLs have expired, replace the first key.
accounts.update(swift, accounts.UpdateOpts(temp_url_key_2=secrets.token_urlsafe(32))).extract_err()
account = accounts.get(swift).extract()
print("keys:", account.temp_url_key is not None, account.temp_url_key_2 is not None)
print(account)  # the keys never show in repr
