"""Delete volumes, with their snapshots, and wait until they are gone.

Usage: python blockstorage_delete.py VOLUME_ID...
"""

import os
import sys

from oscloud import errors, openstack
from oscloud.openstack.blockstorage.v3 import volumes

TIMEOUT = float(os.environ.get("WAIT_TIMEOUT", "600"))
INTERVAL = float(os.environ.get("WAIT_INTERVAL", "2"))

provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())

for volume_id in sys.argv[1:]:
    # cascade: delete the volume's snapshots too (without it, a volume that has
    # snapshots cannot be deleted: BadRequestError).
    result = volumes.delete(cinder, volume_id, volumes.DeleteOpts(cascade=True))
    if isinstance(result.err, errors.NotFoundError):
        print(volume_id, "was already gone")
        continue
    result.extract_err()
    volumes.wait_for_delete(cinder, volume_id, timeout=TIMEOUT, interval=INTERVAL)
    print(volume_id, "deleted")
