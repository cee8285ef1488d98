"""Large objects: a file stored in segments uploaded in parallel (static), and a dynamic one.

Usage: python objectstorage_large.py FILE COPY_FILE
"""

import sys

from oscloud import openstack
from oscloud.openstack.objectstorage.v1 import info, largeobjects, objects

path, copy_path = sys.argv[1:3]
provider = openstack.authenticated_client(openstack.auth_options_from_env())
swift = openstack.new_object_storage_v1(provider, openstack.endpoint_opts_from_env())

cluster = info.get(swift).extract()
print("one upload stores at most", cluster.max_file_size, "bytes")


def progress(done: int, total: int | None) -> None:
    if done == total:  # called from the upload threads as segments go out
        print(f"  all {total} bytes sent")


# One call: one PUT if the file fits, else a static large object: segments of at most
# segment_size (and max_file_size), 4 at a time, then the manifest that lists them.
stored = largeobjects.upload(
    swift,
    "videos",
    "talk.mp4",
    path,
    largeobjects.SegmentOpts(segment_size=512 * 2**20, workers=4),
    object_opts=objects.UploadOpts(content_type="video/mp4"),
    progress=progress,
    cluster=cluster,
).extract()
print(f"{stored.kind}: {stored.size} bytes in {len(stored.segments)} segments")

manifest = largeobjects.get_manifest(swift, "videos", "talk.mp4").extract()
for segment in manifest.segments:
    print(f"  {segment.name} {segment.size}")

# A large object downloads like any other: the cluster joins the segments.
print(objects.download(swift, "videos", "talk.mp4").write_to(copy_path), "bytes downloaded")

# A dynamic large object: whatever objects share a prefix, joined in name order.
for day in ("01", "02", "03"):
    line = f"2024-05-{day} all backups done\n".encode()
    objects.upload(swift, "logs_segments", f"2024-05/{day}", line).extract()
largeobjects.create_dlo(swift, "logs", "2024-05.log", "logs_segments", "2024-05/").extract()
print(objects.download(swift, "logs", "2024-05.log").read().decode(), end="")

# Deleting the manifest with its segments (objects.delete would leave the segments).
report = largeobjects.delete_slo(swift, "videos", "talk.mp4").extract()
print("deleted", report.deleted, "objects")
