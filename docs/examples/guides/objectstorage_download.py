"""Download objects: streamed, into a file, a byte range; read and change their metadata.

Usage: python objectstorage_download.py TARGET_FILE
"""

import hashlib
import sys

from oscloud import openstack
from oscloud.openstack.objectstorage.v1 import objects

target = sys.argv[1]
provider = openstack.authenticated_client(openstack.auth_options_from_env())
swift = openstack.new_object_storage_v1(provider, openstack.endpoint_opts_from_env())

header = objects.get(swift, "backups", "db/dump.sql").extract()  # HEAD: no content
print(f"{header.content_length} bytes of {header.content_type}, ETag {header.etag}")
print(f"modified {header.last_modified:%Y-%m-%d %H:%M} UTC, expires {header.delete_at:%Y-%m-%d}")

# Streamed: the chunks come as they arrive. After the last one, their MD5 is compared
# with the ETag (objects.ETagMismatchError if they differ).
sha256 = hashlib.sha256()
with objects.download(swift, "backups", "db/dump.sql") as download:
    for chunk in download.iter_content():
        sha256.update(chunk)
print("sha256", sha256.hexdigest())

# Into a file: written to a temporary file, renamed into place once whole and checked.
written = objects.download(swift, "backups", "db/dump.sql").write_to(target)
print(written, "bytes written to", target)

# Part of it: the first 16 bytes (206 Partial Content).
first = objects.download(swift, "backups", "db/dump.sql", objects.DownloadOpts(range="bytes=0-15"))
print("partial:", first.partial, first.read())

# POST replaces all the object's metadata: give every item it should keep.
reviewed = objects.UpdateOpts(metadata={"Author": "ana", "Reviewed": "yes"})
objects.update(swift, "backups", "notes/readme.txt", reviewed).extract_err()
print("metadata:", dict(objects.get(swift, "backups", "notes/readme.txt").extract().metadata))
