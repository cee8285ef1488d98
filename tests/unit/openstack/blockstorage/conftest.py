"""Fixtures shared by the block storage tests: a Cinder client and checks of what it sent."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Recorded

#: The project in the fake catalog's block storage URL.
PROJECT_ID = "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"

#: Where the fake catalog puts block storage v3.
VOLUME = f"/volume/v3/{PROJECT_ID}"

_NO_BODY = object()

Sent = Callable[..., Recorded]


@pytest.fixture
def cinder(provider: ProviderClient) -> ServiceClient:
    """A block storage v3 client against the fake server (no microversion)."""
    return make_service_client(provider, "block-storage", VOLUME)


def assert_request(
    recorded: Recorded,
    method: str,
    path: str,
    *,
    query: dict[str, list[str]] | None = None,
    body: Any = _NO_BODY,
    microversion: str | None = None,
) -> None:
    """``recorded`` is ``method VOLUME+path`` with that query, JSON body and microversion.

    ``body`` left out means no body at all; ``microversion`` ``None`` means no
    ``OpenStack-API-Version`` header. The token must have been sent, and never a Nova
    microversion header.
    """
    assert (recorded.method, recorded.path) == (method, VOLUME + path)
    assert recorded.query == (query or {})
    if body is _NO_BODY:
        assert recorded.body == b""
    else:
        assert recorded.headers["Content-Type"] == "application/json"
        assert json.loads(recorded.body) == body
    assert recorded.headers["X-Auth-Token"] == TOKEN_ID
    assert "X-OpenStack-Nova-API-Version" not in recorded.headers
    if microversion is None:
        assert "OpenStack-API-Version" not in recorded.headers
    else:
        assert recorded.headers["OpenStack-API-Version"] == f"volume {microversion}"


@pytest.fixture
def sent(server: FakeServer) -> Sent:
    """Assert the server received exactly one request, shaped as given; return it."""

    def check(method: str, path: str, **expected: Any) -> Recorded:
        assert len(server.requests) == 1, [(r.method, r.path) for r in server.requests]
        (recorded,) = server.requests
        assert_request(recorded, method, path, **expected)
        return recorded

    return check


class FakeClock:
    """A clock that moves only when a wait sleeps; records the sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
