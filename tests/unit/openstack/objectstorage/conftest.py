"""Fixtures shared by the object storage tests: a Swift client on the fake server."""

from __future__ import annotations

import hashlib

import pytest

from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import Recorded, Reply

#: The account URL path of the fake catalog's object-store entry.
ACCOUNT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"

#: A transaction id, as Swift puts in every response.
TRANS_ID = "tx274a77a8975c4a66aeb24-0052d95365"


@pytest.fixture
def swift(provider: ProviderClient) -> ServiceClient:
    """An object storage v1 client against the fake server."""
    return make_service_client(provider, "object-store", ACCOUNT)


def md5(data: bytes) -> str:
    """The MD5 of ``data`` in hex, as Swift's ETag."""
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def stored(recorded: Recorded) -> Reply:
    """Answer a PUT as Swift does: 201 with the MD5 of what arrived as the ETag."""
    return Reply(
        201,
        headers={
            "Etag": md5(recorded.body),
            "Last-Modified": "Fri, 17 Jan 2014 17:28:35 GMT",
            "X-Trans-Id": TRANS_ID,
        },
    )


def assert_token(recorded: Recorded) -> None:
    """The request carried the token."""
    assert recorded.headers["X-Auth-Token"] == TOKEN_ID
