"""Fixtures shared by the compute tests: a check of the one request an operation sent."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Recorded

#: Where the fake catalog puts compute.
COMPUTE = "/compute/v2.1"

_NO_BODY = object()

Sent = Callable[..., Recorded]


@pytest.fixture
def sent(server: FakeServer) -> Sent:
    """Assert the server received exactly one request, shaped as given; return it.

    ``query`` is compared as parsed lists (``{"limit": ["1"]}``), ``body`` as the parsed
    JSON body (left out: no body at all), ``microversion`` as both Nova headers (``None``:
    neither header). The token must have been sent.
    """

    def check(
        method: str,
        path: str,
        *,
        query: dict[str, list[str]] | None = None,
        body: Any = _NO_BODY,
        microversion: str | None = None,
    ) -> Recorded:
        assert [(r.method, r.path) for r in server.requests] == [(method, COMPUTE + path)]
        (recorded,) = server.requests
        assert recorded.query == (query or {})
        if body is _NO_BODY:
            assert recorded.body == b""
        else:
            assert recorded.headers["Content-Type"] == "application/json"
            assert json.loads(recorded.body) == body
        assert recorded.headers["X-Auth-Token"] == TOKEN_ID
        assert_microversion(recorded, microversion)
        return recorded

    return check


def assert_microversion(recorded: Recorded, microversion: str | None) -> None:
    """Both compute microversion headers carry ``microversion``, or neither is sent."""
    if microversion is None:
        assert "X-OpenStack-Nova-API-Version" not in recorded.headers
        assert "OpenStack-API-Version" not in recorded.headers
    else:
        assert recorded.headers["X-OpenStack-Nova-API-Version"] == microversion
        assert recorded.headers["OpenStack-API-Version"] == f"compute {microversion}"
