"""Object storage v1 large objects: static (SLO) and dynamic (DLO).

An object larger than the cluster's ``max_file_size`` (5 GiB by default) is stored as
segments plus a manifest. A static large object's manifest lists its segments (with their
MD5 and size, checked by the server); a dynamic one's names a container and a prefix.
Downloads go through :func:`oscloud.openstack.objectstorage.v1.objects.download` as for any
object.

This package is a composite: it uploads segments and manifests with
:mod:`~oscloud.openstack.objectstorage.v1.objects`, creates the segment container with
:mod:`~oscloud.openstack.objectstorage.v1.containers` and reads the cluster's limits with
:mod:`~oscloud.openstack.objectstorage.v1.info`, so it is the one object storage package
that imports its siblings.

Usage::

    from oscloud.openstack.objectstorage.v1 import largeobjects, objects

    # One call: one PUT when the source fits, else segments (in parallel) and a manifest.
    stored = largeobjects.upload(swift, "videos", "big.mp4", "/data/big.mp4",
        largeobjects.SegmentOpts(segment_size=512 * 2**20, workers=4),
        object_opts=objects.UploadOpts(content_type="video/mp4"),
        progress=lambda done, total: print(done, total)).extract()
    print(stored.kind, stored.etag, len(stored.segments))

    manifest = largeobjects.get_manifest(swift, "videos", "big.mp4").extract()
    largeobjects.delete_slo(swift, "videos", "big.mp4").extract()   # with its segments
    objects.delete(swift, "videos", "big.mp4").extract_err()         # the manifest only

    # By hand: upload the segments yourself, then the manifest.
    largeobjects.create_slo(swift, "videos", "clip.mp4", [
        largeobjects.Segment(container="videos_segments", name="clip/0", etag=md5_0,
                             size=size_0),
        largeobjects.Segment(container="videos_segments", name="clip/1", etag=md5_1,
                             size=size_1),
    ]).extract()
    largeobjects.create_dlo(swift, "videos", "log.txt", "videos_segments", "log/").extract()
"""

from oscloud.openstack.objectstorage.v1.largeobjects import requests as _requests
from oscloud.openstack.objectstorage.v1.largeobjects import results as _results
from oscloud.openstack.objectstorage.v1.largeobjects.requests import *
from oscloud.openstack.objectstorage.v1.largeobjects.results import *

__all__ = _requests.__all__ + _results.__all__
