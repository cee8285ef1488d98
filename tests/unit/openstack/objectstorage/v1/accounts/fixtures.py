"""Account responses, shaped like the Swift API reference's examples."""

from __future__ import annotations

from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, TRANS_ID

TEMP_URL_KEY = "ZmFrZS10ZW1wLXVybC1rZXk"

#: ``HEAD /v1/{account}`` (204), as in account-containers-list-http-response-json, plus
#: the keys and quota an account owner sees.
ACCOUNT_HEADERS = {
    "X-Account-Object-Count": "1",
    "X-Timestamp": "1389453423.35964",
    "X-Account-Meta-Subject": "Literature",
    "X-Account-Bytes-Used": "14",
    "X-Account-Container-Count": "2",
    "X-Account-Meta-Temp-URL-Key": TEMP_URL_KEY,
    "X-Account-Meta-Quota-Bytes": "1073741824",
    "Accept-Ranges": "bytes",
    "X-Trans-Id": TRANS_ID,
}


def handle_get(server: FakeServer) -> None:
    server.route("HEAD", ACCOUNT, Reply(204, headers=ACCOUNT_HEADERS))


def handle_update(server: FakeServer) -> None:
    server.route("POST", ACCOUNT, Reply(204, headers={"X-Trans-Id": TRANS_ID}))
