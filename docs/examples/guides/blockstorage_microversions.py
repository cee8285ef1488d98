"""The same volume at two microversions, and an option refused by an older one.

Usage: python blockstorage_microversions.py VOLUME_ID
"""

import sys

from oscloud import errors, openstack
from oscloud.openstack.blockstorage.v3 import volumes

volume_id = sys.argv[1]
provider = openstack.authenticated_client(openstack.auth_options_from_env())
cinder = openstack.new_block_storage_v3(provider, openstack.endpoint_opts_from_env())

base = volumes.get(cinder, volume_id).extract()  # no header: Cinder answers as 3.0
print(
    "3.0: type", base.volume_type, "| type id", base.volume_type_id, "| quota", base.consumes_quota
)

newer = volumes.get(cinder.with_microversion("3.65"), volume_id).extract()
print("3.65: type", newer.volume_type, "| type id", newer.volume_type_id, end="")
print(" | quota", newer.consumes_quota)

try:  # counting needs 3.45: refused before anything is sent
    volumes.list(cinder, volumes.ListOpts(with_count=True))
except errors.MicroversionError as err:
    print("not sent:", err)

newest = cinder.with_highest_microversion(minimum="3.27")
print("newest usable:", newest.microversion)
