"""Upload objects: bytes, a file, a generator; with a progress callback and an ETag check.

Usage: python objectstorage_upload.py FILE
"""

import hashlib
import sys
from collections.abc import Iterator

from oscloud import errors, openstack
from oscloud.openstack.objectstorage.v1 import objects

path = sys.argv[1]
provider = openstack.authenticated_client(openstack.auth_options_from_env())
swift = openstack.new_object_storage_v1(provider, openstack.endpoint_opts_from_env())

# Bytes, with a content type and metadata.
readme = objects.UploadOpts(content_type="text/plain", metadata={"Author": "ana"})
stored = objects.upload(swift, "backups", "notes/readme.txt", b"Backups of team A.\n", readme)
print("notes/readme.txt", stored.extract().etag)


def progress(sent: int, total: int | None) -> None:
    print(f"  {sent} of {total} bytes sent")


# A file: streamed from the disk, never read whole; kept for 30 days.
month = objects.UploadOpts(content_type="application/sql", delete_after=30 * 86400)
stored = objects.upload_file(swift, "backups", "db/dump.sql", path, month, progress=progress)

# The server's ETag is the MD5 of what it stored. oscloud compares it with the MD5 of
# what it sent: a difference makes extract() raise objects.ETagMismatchError.
with open(path, "rb") as f:
    local_md5 = hashlib.md5(f.read()).hexdigest()
print("db/dump.sql stored intact:", stored.extract().etag == local_md5)


def log_lines() -> Iterator[bytes]:
    for n in range(1, 4):
        yield f"2024-05-06 07:0{n} backup {n} done\n".encode()


# A generator: its size is unknown, so it is sent in chunks as it produces them.
objects.upload(swift, "backups", "logs/today.log", log_lines()).extract()
print("logs/today.log stored")

# Only if the object does not exist yet: a 412 otherwise.
once = objects.UploadOpts(if_none_match="*")
again = objects.upload(swift, "backups", "notes/readme.txt", b"other text\n", once)
if isinstance(again.err, errors.UnexpectedResponseCodeError) and again.err.status_code == 412:
    print("notes/readme.txt exists: kept as it was")
