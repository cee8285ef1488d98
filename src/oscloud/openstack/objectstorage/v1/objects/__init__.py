"""Object storage v1 objects: list, streamed upload and download, metadata, copy, delete.

Usage::

    from oscloud.openstack.objectstorage.v1 import objects

    # Upload: bytes, a binary file, or any iterable of bytes, streamed (never read whole).
    with open("cat.jpg", "rb") as f:
        stored = objects.upload(swift, "photos", "2024/cat.jpg", f, objects.UploadOpts(
            content_type="image/jpeg", metadata={"Camera": "X100"}, delete_after=86400,
        ), progress=lambda sent, total: print(sent, total)).extract()
    objects.upload(swift, "logs", "today.log", (line.encode() for line in lines))  # chunked

    # Download: the body streams from the result, its MD5 checked against the ETag.
    with objects.download(swift, "photos", "2024/cat.jpg") as download:
        for chunk in download.iter_content():
            sink.write(chunk)
    objects.download(swift, "photos", "2024/cat.jpg").write_to("cat.jpg")
    first_kib = objects.download(swift, "photos", "2024/cat.jpg",
                                 objects.DownloadOpts(range="bytes=0-1023")).read()

    # Listing with pseudo-folders.
    for entry in objects.list(swift, "photos", objects.ListOpts(delimiter="/")).items():
        if isinstance(entry, objects.Subdir):
            print("folder", entry.name)
        else:
            print(entry.name, entry.size, entry.last_modified)

    header = objects.get(swift, "photos", "2024/cat.jpg").extract()
    objects.update(swift, "photos", "2024/cat.jpg",
                   objects.UpdateOpts(metadata={"Camera": "X100V"})).extract_err()
    objects.copy(swift, "photos", "2024/cat.jpg", "backup").extract()
    objects.delete(swift, "photos", "2024/cat.jpg").extract_err()
    objects.bulk_delete(swift, "photos", ["a.jpg", "b.jpg"]).extract()
"""

from oscloud.openstack.objectstorage.v1.objects import requests as _requests
from oscloud.openstack.objectstorage.v1.objects import results as _results
from oscloud.openstack.objectstorage.v1.objects.requests import *
from oscloud.openstack.objectstorage.v1.objects.requests import __getattr__ as __getattr__
from oscloud.openstack.objectstorage.v1.objects.results import *

__all__ = _requests.__all__ + _results.__all__
