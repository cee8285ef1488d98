"""Object responses, shaped like the Swift API reference's examples."""

from __future__ import annotations

from typing import Any

from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, TRANS_ID

CONTAINER = "marktwain"
CONTAINER_PATH = f"{ACCOUNT}/{CONTAINER}"
OBJECT = "goodbye"
OBJECT_PATH = f"{CONTAINER_PATH}/{OBJECT}"
CONTENT = b"Goodbye World!"
ETAG = "451e372e48e0f6b1114fa0724aa79fa1"  # the MD5 of CONTENT

#: ``GET /v1/{account}/{container}?format=json`` (objects-list-response.json).
OBJECTS = [
    {
        "hash": "451e372e48e0f6b1114fa0724aa79fa1",
        "last_modified": "2014-01-15T16:41:49.390270",
        "bytes": 14,
        "name": "goodbye",
        "content_type": "application/octet-stream",
    },
    {
        "hash": "ed076287532e86365e841e92bfc50d8c",
        "last_modified": "2014-01-15T16:37:43.427570",
        "bytes": 12,
        "name": "helloworld",
        "content_type": "application/octet-stream",
    },
]

#: The same container listed with ``delimiter=/``: pseudo-folders come as ``subdir``.
OBJECTS_WITH_SUBDIRS: list[dict[str, Any]] = [
    {"subdir": "books/"},
    OBJECTS[0],
    {"subdir": "photos/"},
]

#: ``GET``/``HEAD`` of the object (from the api-ref example).
OBJECT_HEADERS = {
    "Last-Modified": "Wed, 15 Jan 2014 16:41:49 GMT",
    "Etag": ETAG,
    "X-Timestamp": "1389804109.39027",
    "X-Object-Meta-Orig-Filename": "goodbyeworld.txt",
    "Content-Type": "application/octet-stream",
    "X-Delete-At": "1390852007",
    "X-Trans-Id": "tx8145a190241f4cf6b05f5-0052d82a34",
}

#: ``COPY`` (201), from the api-ref example.
COPY_HEADERS = {
    "X-Copied-From-Last-Modified": "Thu, 16 Jan 2014 21:19:45 GMT",
    "X-Copied-From": "marktwain/goodbye",
    "Last-Modified": "Fri, 17 Jan 2014 18:22:57 GMT",
    "Etag": ETAG,
    "Content-Type": "text/html; charset=UTF-8",
    "X-Object-Meta-Movie": "AmericanPie",
    "X-Trans-Id": "txdcb481ad49d24e9a81107-0052d97501",
}


def handle_list(server: FakeServer, *pages: list[dict[str, Any]]) -> None:
    replies = [Reply(200, page) if page else Reply(204) for page in pages]
    server.route("GET", CONTAINER_PATH, *replies)


def handle_head(server: FakeServer) -> None:
    server.route("HEAD", OBJECT_PATH, Reply(200, headers=OBJECT_HEADERS))


def handle_download(server: FakeServer, body: bytes = CONTENT, **headers: str) -> None:
    server.route("GET", OBJECT_PATH, Reply(200, body, headers={**OBJECT_HEADERS, **headers}))


def handle_copy(server: FakeServer) -> None:
    server.route("COPY", OBJECT_PATH, Reply(201, headers=COPY_HEADERS))


def handle_update(server: FakeServer) -> None:
    server.route("POST", OBJECT_PATH, Reply(202, headers={"X-Trans-Id": TRANS_ID}))
