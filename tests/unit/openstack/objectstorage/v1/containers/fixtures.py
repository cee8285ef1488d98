"""Container responses, shaped like the Swift API reference's examples."""

from __future__ import annotations

import json
from typing import Any

from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, TRANS_ID

CONTAINER = "marktwain"
CONTAINER_PATH = f"{ACCOUNT}/{CONTAINER}"

#: ``GET /v1/{account}?format=json`` (account-containers-list-response.json, with the
#: ``last_modified`` newer clusters add).
CONTAINERS = [
    {"count": 0, "bytes": 0, "name": "janeausten", "last_modified": "2014-01-15T16:37:43.427570"},
    {"count": 1, "bytes": 14, "name": "marktwain", "last_modified": "2014-01-15T16:41:49.390270"},
]

LIST_HEADERS = {
    "X-Account-Object-Count": "1",
    "X-Timestamp": "1389453423.35964",
    "X-Account-Meta-Subject": "Literature",
    "X-Account-Bytes-Used": "14",
    "X-Account-Container-Count": "2",
    "X-Trans-Id": TRANS_ID,
}

SYNC_KEY = "c3luYy1rZXktc2VjcmV0"

#: ``HEAD /v1/{account}/{container}`` (204), as in objects-list-http-response-json, with
#: the settings a container can have.
CONTAINER_HEADERS = {
    "X-Container-Object-Count": "2",
    "Accept-Ranges": "bytes",
    "X-Container-Meta-Book": "TomSawyer",
    "X-Container-Meta-Quota-Bytes": "1048576",
    "X-Container-Meta-Quota-Count": "100",
    "X-Container-Meta-Temp-URL-Key": "container-key",
    "X-Timestamp": "1389727543.65372",
    "X-Container-Bytes-Used": "26",
    "X-Container-Read": ".r:*,.rlistings",
    "X-Container-Write": "AUTH_other",
    "X-Versions-Location": "marktwain-versions",
    "X-Storage-Policy": "gold",
    "X-Container-Sync-Key": SYNC_KEY,
    "Last-Modified": "Wed, 15 Jan 2014 16:57:35 GMT",
    "X-Trans-Id": TRANS_ID,
}

#: The bulk middleware's JSON report.
BULK_OK: dict[str, Any] = {
    "Number Not Found": 1,
    "Response Status": "200 OK",
    "Response Body": "",
    "Errors": [],
    "Number Deleted": 1,
}

BULK_CONFLICT: dict[str, Any] = {
    "Number Not Found": 0,
    "Response Status": "400 Bad Request",
    "Response Body": "",
    "Errors": [["/marktwain", "409 Conflict"]],
    "Number Deleted": 1,
}


def handle_list(server: FakeServer, *pages: list[dict[str, Any]]) -> None:
    replies = [
        Reply(200, page, headers=LIST_HEADERS) if page else Reply(204, headers=LIST_HEADERS)
        for page in pages
    ]
    server.route("GET", ACCOUNT, *replies)


def handle_get(server: FakeServer) -> None:
    server.route("HEAD", CONTAINER_PATH, Reply(204, headers=CONTAINER_HEADERS))


def handle_bulk_delete(server: FakeServer, report: dict[str, Any]) -> None:
    # Swift may send spaces first to keep the connection alive while it works.
    body = b"  " + json.dumps(report).encode()
    server.route("POST", ACCOUNT, Reply(200, body, headers={"Content-Type": "application/json"}))
