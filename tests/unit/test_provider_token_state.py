"""Token state: exported by one process, reused by the next without a token request."""

from __future__ import annotations

import datetime as _dt
import json

import attrs
import pytest

from oscloud import AuthOptions, Catalog, EndpointOpts, ProviderClient, TokenState, openstack
from tests.unit.helpers.identity import Keystone, v3_catalog
from tests.unit.helpers.server import FakeServer, Reply

SERVERS = "/compute/v2.1/servers"


@pytest.fixture
def keystone(server: FakeServer) -> Keystone:
    return Keystone(server)


@pytest.fixture
def saved(keystone: Keystone, auth_options: AuthOptions) -> TokenState:
    """The state of a provider that authenticated once (one token request so far)."""
    state = openstack.authenticated_client(auth_options).token_state()
    assert state is not None
    return state


def test_token_state_round_trips_through_json(
    saved: TokenState, keystone: Keystone, server: FakeServer
) -> None:
    text = json.dumps(saved.to_json())
    restored = TokenState.from_json(json.loads(text))

    assert restored == saved
    assert restored.token == keystone.issued[0]
    assert restored.identity_endpoint == server.url + "/identity/v3/"
    assert restored.expires_at is not None
    assert restored.expires_at.tzinfo == _dt.timezone.utc
    assert restored.catalog.locate(EndpointOpts(type="compute")) == (server.url + "/compute/v2.1/")


def test_valid_state_is_reused_without_a_token_request(
    saved: TokenState, keystone: Keystone, auth_options: AuthOptions, server: FakeServer
) -> None:
    server.route("GET", SERVERS, Reply(200, {"servers": []}))

    provider = openstack.authenticated_client(
        auth_options, token_state=TokenState.from_json(saved.to_json())
    )
    provider.request("GET", provider.locate(EndpointOpts(type="compute")) + "servers")

    assert len(server.received("POST", keystone.path)) == 1  # only the first process's
    assert provider.token == saved.token
    assert provider.token_expires_at == saved.expires_at
    (sent,) = server.received("GET", SERVERS)
    assert sent.headers["X-Auth-Token"] == saved.token


def test_reused_state_can_still_reauthenticate_on_401(
    saved: TokenState, keystone: Keystone, auth_options: AuthOptions, server: FakeServer
) -> None:
    server.route("GET", SERVERS, Reply(401, {"error": {"code": 401}}), Reply(200, {"servers": []}))
    provider = openstack.authenticated_client(auth_options, token_state=saved)

    provider.request("GET", provider.locate(EndpointOpts(type="compute")) + "servers")

    assert len(keystone.issued) == 2
    assert provider.token == keystone.issued[1]


def test_expired_state_makes_one_token_request(
    saved: TokenState, keystone: Keystone, auth_options: AuthOptions, server: FakeServer
) -> None:
    stale = attrs.evolve(
        saved, expires_at=_dt.datetime.now(_dt.timezone.utc) - _dt.timedelta(minutes=1)
    )

    provider = openstack.authenticated_client(auth_options, token_state=stale)

    assert len(server.received("POST", keystone.path)) == 2
    assert provider.token == keystone.issued[1]
    assert provider.token != saved.token


def test_state_expiring_within_the_margin_is_not_reused(
    saved: TokenState, keystone: Keystone, auth_options: AuthOptions
) -> None:
    nearly = attrs.evolve(
        saved, expires_at=_dt.datetime.now(_dt.timezone.utc) + _dt.timedelta(seconds=30)
    )

    provider = openstack.authenticated_client(auth_options, token_state=nearly)

    assert len(keystone.issued) == 2
    assert provider.token == keystone.issued[1]


def test_state_without_expiry_round_trips() -> None:
    state = TokenState(
        identity_endpoint="https://keystone.example/v3/",
        token="gAAAAnever-expires",
        expires_at=None,
        catalog=Catalog.from_v3(v3_catalog("https://cloud.example")),
    )

    data = state.to_json()

    assert data["expires_at"] is None
    assert data["token"] == "gAAAAnever-expires"
    assert TokenState.from_json(json.loads(json.dumps(data))) == state
    assert state.is_valid()


def test_token_state_is_none_before_authentication() -> None:
    assert ProviderClient().token_state() is None


def test_repr_of_token_state_and_provider_never_show_the_token(
    saved: TokenState, auth_options: AuthOptions
) -> None:
    provider = openstack.authenticated_client(auth_options, token_state=saved)

    for text in (repr(saved), str(saved), repr(provider), str(provider)):
        assert saved.token not in text
    assert saved.identity_endpoint in repr(saved)
