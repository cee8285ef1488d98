"""Large object responses, shaped like Swift's static and dynamic large object docs."""

from __future__ import annotations

import json
from typing import Any

from tests.unit.helpers.server import FakeServer, Recorded, Reply
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, md5, stored

CONTAINER = "videos"
OBJECT = "big movie.mp4"
OBJECT_PATH = f"{ACCOUNT}/videos/big%20movie.mp4"
SEGMENTS = "videos_segments"
PREFIX = "big movie.mp4/slo/1/"
SEGMENT_PATH = f"{ACCOUNT}/videos_segments/big%20movie.mp4/slo/1/"

#: ``GET ?multipart-manifest=get`` of a two-segment object.
MANIFEST = [
    {
        "name": "/videos_segments/big movie.mp4/slo/1/00000000",
        "hash": "e2fc714c4727ee9395f324cd2e7f331f",
        "bytes": 4,
        "content_type": "application/octet-stream",
        "last_modified": "2024-01-02T03:04:05.000000",
    },
    {
        "name": "/videos_segments/big movie.mp4/slo/1/00000001",
        "hash": "8a6a2b7bf7b39e4f4f5d6a54b46c6b53",
        "bytes": 2,
        "content_type": "application/octet-stream",
        "last_modified": "2024-01-02T03:04:06.000000",
    },
]

#: ``DELETE ?multipart-manifest=delete`` with ``Accept: application/json``.
DELETED: dict[str, Any] = {
    "Number Not Found": 0,
    "Response Status": "200 OK",
    "Response Body": "",
    "Errors": [],
    "Number Deleted": 3,
}


def manifest_stored(recorded: Recorded) -> Reply:
    """Answer a manifest PUT as Swift does: its ETag is the MD5 of the segments' ETags."""
    etags = "".join(item["etag"] or "" for item in json.loads(recorded.body))
    return Reply(201, headers={"Etag": f'"{md5(etags.encode())}"'})


def handle_segments(server: FakeServer, count: int, prefix_path: str = SEGMENT_PATH) -> None:
    server.route("PUT", f"{ACCOUNT}/{SEGMENTS}", Reply(202))
    for index in range(count):
        server.route("PUT", f"{prefix_path}{index:08d}", stored)


def segment_puts(server: FakeServer) -> dict[str, bytes]:
    """The segments the server received: path to body."""
    return {
        r.path: r.body
        for r in server.received("PUT")
        if r.path.startswith(f"{ACCOUNT}/{SEGMENTS}/")
    }
