"""Redirects: the token goes only where it came from."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests

from oscloud._transport import Session
from oscloud.provider import ProviderClient
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Reply

IMAGE = "/image/v2/images/1bea47ed-f6a9-463b-b423-14b9cca9ad27/file"
TOKENS = {"X-Service-Token": "gAAAAservice-token"}


@pytest.fixture
def other() -> Iterator[FakeServer]:
    """A second loopback server: another origin."""
    with FakeServer() as fake:
        yield fake


def localhost_url(fake: FakeServer) -> str:
    """The same server, named ``localhost`` instead of ``127.0.0.1``: another host."""
    return f"http://localhost:{urlsplit(fake.url).port}"


@pytest.mark.parametrize(
    "target", [localhost_url, lambda fake: fake.url], ids=["other-host", "other-port"]
)
def test_redirect_to_another_origin_drops_the_tokens(
    provider: ProviderClient, server: FakeServer, other: FakeServer, target: object
) -> None:
    location = target(other) + "/store/blob-1"  # type: ignore[operator]
    server.route("GET", IMAGE, Reply(302, headers={"Location": location}))
    other.route("GET", "/store/blob-1", Reply(200, b"image-bytes"))

    response = provider.request("GET", server.url + IMAGE, headers=TOKENS)

    (first,) = server.received("GET", IMAGE)
    assert first.headers["X-Auth-Token"] == TOKEN_ID
    assert first.headers["X-Service-Token"] == "gAAAAservice-token"
    (landed,) = other.received("GET", "/store/blob-1")
    assert "X-Auth-Token" not in landed.headers
    assert "X-Service-Token" not in landed.headers
    assert landed.headers["User-Agent"] == provider.user_agent
    assert response.content == b"image-bytes"


def test_redirect_within_the_origin_keeps_the_tokens(
    provider: ProviderClient, server: FakeServer
) -> None:
    server.route("GET", IMAGE, Reply(301, headers={"Location": "/image/v2/moved/file"}))
    server.route("GET", "/image/v2/moved/file", Reply(200, b"image-bytes"))

    response = provider.request("GET", server.url + IMAGE, headers=TOKENS)

    (landed,) = server.received("GET", "/image/v2/moved/file")
    assert landed.headers["X-Auth-Token"] == TOKEN_ID
    assert landed.headers["X-Service-Token"] == "gAAAAservice-token"
    assert response.content == b"image-bytes"


def test_token_does_not_come_back_after_a_round_trip_through_another_origin(
    provider: ProviderClient, server: FakeServer, other: FakeServer
) -> None:
    server.route("GET", IMAGE, Reply(302, headers={"Location": other.url + "/bounce"}))
    other.route("GET", "/bounce", Reply(302, headers={"Location": server.url + "/back"}))
    server.route("GET", "/back", Reply(200, b"ok"))

    provider.request("GET", server.url + IMAGE)

    (back,) = server.received("GET", "/back")
    assert "X-Auth-Token" not in back.headers


def test_a_callers_own_session_gets_the_same_protection(
    server: FakeServer, other: FakeServer
) -> None:
    provider = ProviderClient(session=requests.Session())
    provider.set_token(TOKEN_ID)
    server.route("GET", IMAGE, Reply(302, headers={"Location": other.url + "/store/blob-1"}))
    other.route("GET", "/store/blob-1", Reply(200, b"image-bytes"))

    provider.request("GET", server.url + IMAGE)

    (landed,) = other.received("GET", "/store/blob-1")
    assert "X-Auth-Token" not in landed.headers


def test_allow_redirects_false_returns_the_redirect(
    provider: ProviderClient, server: FakeServer, other: FakeServer
) -> None:
    server.route("GET", IMAGE, Reply(302, headers={"Location": other.url + "/store/blob-1"}))

    response = provider.request("GET", server.url + IMAGE, ok_codes=(302,), allow_redirects=False)

    assert response.status_code == 302
    assert response.headers["Location"] == other.url + "/store/blob-1"
    assert other.requests == []


def redirected_headers(old_url: str, new_url: str) -> requests.structures.CaseInsensitiveDict[str]:
    """The headers ``Session`` leaves on a request redirected from ``old_url`` to ``new_url``."""
    headers = {"X-Auth-Token": TOKEN_ID, "X-Subject-Token": "gAAAAsubject", **TOKENS}
    previous = requests.Request("GET", old_url, headers=headers).prepare()
    redirect = requests.Response()
    redirect.request = previous
    following = requests.Request("GET", new_url, headers=headers).prepare()
    Session().rebuild_auth(following, redirect)
    return following.headers


@pytest.mark.parametrize(
    ("old_url", "new_url"),
    [
        ("https://swift.example/v1/a", "http://swift.example/v1/a"),
        ("http://swift.example/v1/a", "https://swift.example/v1/a"),
        ("https://swift.example/v1/a", "https://swift.example:8443/v1/a"),
        ("https://swift.example/v1/a", "https://cdn.example/v1/a"),
    ],
)
def test_scheme_port_or_host_change_drops_every_token_header(old_url: str, new_url: str) -> None:
    headers = redirected_headers(old_url, new_url)

    assert not {"X-Auth-Token", "X-Subject-Token", "X-Service-Token"} & set(headers)


@pytest.mark.parametrize(
    ("old_url", "new_url"),
    [
        ("https://swift.example/v1/a", "https://swift.example/v1/b"),
        ("https://swift.example:443/v1/a", "https://SWIFT.example/v1/b"),
        ("http://swift.example/v1/a", "http://swift.example:80/v1/b"),
    ],
)
def test_same_origin_keeps_the_token_headers(old_url: str, new_url: str) -> None:
    headers = redirected_headers(old_url, new_url)

    assert headers["X-Auth-Token"] == TOKEN_ID
    assert headers["X-Service-Token"] == "gAAAAservice-token"
