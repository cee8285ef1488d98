"""Change a volume: metadata, size, type, bootable and read-only flags.

Usage: python blockstorage_actions.py VOLUME_ID
"""

import os
import sys

from oscloud import openstack
from oscloud.openstack.blockstorage.v3 import volumes

volume_id = sys.argv[1]
TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "2"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())
cinder = cinder.with_microversion("3.65")

# Metadata: merge items (update_metadata), replace them all (set_metadata), delete one.
volumes.update_metadata(cinder, volume_id, {"owner": "team-a"}).extract()
volumes.delete_metadatum(cinder, volume_id, "env").extract_err()
print("metadata:", volumes.list_metadata(cinder, volume_id).extract())

# Grow it: the volume goes "extending", then back to "available".
volumes.extend(cinder, volume_id, 20).extract_err()
volume = volumes.wait_for_status(cinder, volume_id, "available", timeout=TIMEOUT, interval=INTERVAL)
print("size:", volume.size, "GiB")

# Change its type, letting Cinder move it to another back end if it must.
retype = volumes.RetypeOpts(new_type="hdd", migration_policy=volumes.MigrationPolicy.ON_DEMAND)
volumes.retype(cinder, volume_id, retype).extract_err()
volume = volumes.wait_for_status(cinder, volume_id, "available", timeout=TIMEOUT, interval=INTERVAL)
print("type:", volume.volume_type)

volumes.set_bootable(cinder, volume_id, True).extract_err()
volumes.update_readonly_flag(cinder, volume_id, True).extract_err()
volume = volumes.get(cinder, volume_id).extract()
print("bootable:", volume.bootable, "| read-only:", volume.metadata.get("readonly"))
