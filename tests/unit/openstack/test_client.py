"""Authentication, identity version discovery, token reuse and the service constructors."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

import oscloud
from oscloud import AuthOptions, EndpointOpts, RetryPolicy, Scope, TokenState, openstack
from oscloud.endpoints import Catalog
from oscloud.errors import (
    EndpointNotFoundError,
    InvalidAuthOptionsError,
    InvalidResponseError,
    UnauthorizedError,
)
from oscloud.provider import ProviderClient
from tests.unit.helpers.identity import (
    TOKEN_ID,
    Keystone,
    keystone_versions,
    v2_token_body,
    v3_catalog,
)
from tests.unit.helpers.server import FakeServer, Reply

PASSWORD = "client-Sekr1t-pw"
PROJECT_ID = "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
V2_TOKEN = "v2-token-from-the-fake-keystone"


def password_opts(endpoint: str, **fields: Any) -> AuthOptions:
    fields.setdefault("username", "demo")
    fields.setdefault("domain_name", "Default")
    fields.setdefault("project_name", "demo")
    return AuthOptions(identity_endpoint=endpoint, password=PASSWORD, **fields)


def quick(**options: Any) -> dict[str, Any]:
    """Provider options for tests: no real waits."""
    options.setdefault("retry", RetryPolicy(sleep=lambda _: None))
    options.setdefault("timeout", (5.0, 5.0))
    return options


def route_v2(server: FakeServer) -> None:
    server.route(
        "POST", "/identity/v2.0/tokens", Reply(200, v2_token_body(server.url, token_id=V2_TOKEN))
    )


# -- authenticate with a versioned endpoint ------------------------------------------------


@pytest.mark.parametrize("suffix", ["/identity/v3", "/identity/v3/"])
def test_v3_endpoint_is_used_as_given(server: FakeServer, suffix: str) -> None:
    keystone = Keystone(server)

    provider = openstack.authenticated_client(password_opts(server.url + suffix), **quick())

    (sent,) = server.requests  # no discovery round trip
    assert (sent.method, sent.path) == ("POST", "/identity/v3/auth/tokens")
    assert "X-Auth-Token" not in sent.headers
    assert sent.json()["auth"]["scope"] == {
        "project": {"name": "demo", "domain": {"name": "Default"}}
    }
    assert provider.token == keystone.issued[0]
    assert provider.identity_endpoint == server.url + "/identity/v3/"
    assert provider.identity_base == server.url + "/identity/"
    assert provider.token_expires_at is not None
    assert provider.token_expires_at.tzinfo is _dt.timezone.utc
    assert provider.catalog is not None
    assert provider.catalog.locate(EndpointOpts(type="compute")) == server.url + "/compute/v2.1/"


@pytest.mark.parametrize("suffix", ["/identity/v2.0", "/identity/v2.0/"])
def test_v2_endpoint_is_used_as_given(server: FakeServer, suffix: str) -> None:
    route_v2(server)
    opts = AuthOptions(
        identity_endpoint=server.url + suffix, username="demo", password=PASSWORD, tenant_name="d"
    )

    provider = openstack.authenticated_client(opts, **quick())

    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", "/identity/v2.0/tokens")
    assert sent.json() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": PASSWORD},
            "tenantName": "d",
        }
    }
    assert provider.token == V2_TOKEN
    assert provider.identity_endpoint == server.url + "/identity/v2.0/"
    compute = openstack.new_compute_v2(provider)
    assert compute.endpoint == server.url + "/compute/v2.1/"
    assert openstack.new_compute_v2(provider, EndpointOpts(availability="internal")).endpoint == (
        server.url + "/internal/compute/v2.1/"
    )


def test_authenticate_an_existing_provider(server: FakeServer) -> None:
    keystone = Keystone(server)
    provider = openstack.new_client(server.url + "/identity/v3", **quick())
    assert server.requests == []

    openstack.authenticate(provider, password_opts(server.url + "/identity/v3"))

    assert provider.token == keystone.issued[0]
    assert len(server.requests) == 1


def test_authenticate_a_bare_provider_uses_the_options_endpoint(server: FakeServer) -> None:
    Keystone(server)
    provider = ProviderClient(**quick())

    openstack.authenticate(provider, password_opts(server.url + "/identity/v3"))

    assert provider.identity_endpoint == server.url + "/identity/v3/"
    assert provider.identity_base == server.url + "/identity/"
    assert provider.token is not None


def test_provider_options_are_passed_on(server: FakeServer) -> None:
    Keystone(server)

    provider = openstack.authenticated_client(
        password_opts(server.url + "/identity/v3"), **quick(timeout=(3.0, 7.0))
    )

    assert provider.timeout == (3.0, 7.0)


def test_new_client_needs_an_endpoint() -> None:
    with pytest.raises(InvalidAuthOptionsError, match="identity endpoint is required"):
        openstack.new_client("")
    with pytest.raises(InvalidAuthOptionsError, match="absolute http:// or https:// URL"):
        openstack.new_client("keystone.example:5000/v3")


def test_refused_credentials(server: FakeServer) -> None:
    body = {"error": {"code": 401, "message": "The request you have made requires authentication."}}
    server.route("POST", "/identity/v3/auth/tokens", Reply(401, body))

    with pytest.raises(UnauthorizedError, match="requires authentication") as caught:
        openstack.authenticated_client(password_opts(server.url + "/identity/v3"), **quick())

    assert PASSWORD not in str(caught.value)
    assert len(server.requests) == 1


# -- options refused before any request ----------------------------------------------------


def test_username_without_domain_on_v3_sends_nothing(server: FakeServer) -> None:
    opts = AuthOptions(identity_endpoint=server.url + "/identity/v3", username="demo", password="p")

    with pytest.raises(InvalidAuthOptionsError, match="username needs domain_id or domain_name"):
        openstack.authenticated_client(opts, **quick())

    assert server.requests == []


def test_project_name_without_domain_on_v3_sends_nothing(server: FakeServer) -> None:
    opts = AuthOptions(
        identity_endpoint=server.url + "/identity/v3", user_id="u1", password="p", project_name="x"
    )

    with pytest.raises(InvalidAuthOptionsError, match="project_name needs the project's domain"):
        openstack.authenticated_client(opts, **quick())

    assert server.requests == []


def test_v3_only_options_on_v2_send_nothing(server: FakeServer) -> None:
    opts = AuthOptions(
        identity_endpoint=server.url + "/identity/v2.0", user_id="u1", password="p", passcode="1"
    )

    with pytest.raises(InvalidAuthOptionsError, match=r"v2\.0"):
        openstack.authenticated_client(opts, **quick())

    assert server.requests == []


def test_options_no_version_can_use_skip_discovery(server: FakeServer) -> None:
    # v3 needs the project's domain; v2.0 cannot use a user id: nothing could work.
    opts = AuthOptions(
        identity_endpoint=server.url + "/identity", user_id="u1", password="p", project_name="x"
    )

    with pytest.raises(InvalidAuthOptionsError, match="project_name needs the project's domain"):
        openstack.authenticated_client(opts, **quick())

    assert server.requests == []


def test_username_without_domain_when_discovery_picks_v3(server: FakeServer) -> None:
    server.route("GET", "/identity/", Reply(300, keystone_versions(server.url)))
    opts = AuthOptions(identity_endpoint=server.url + "/identity", username="demo", password="p")

    with pytest.raises(InvalidAuthOptionsError, match="username needs domain_id"):
        openstack.authenticated_client(opts, **quick())

    assert [(r.method, r.path) for r in server.requests] == [("GET", "/identity/")]


# -- version discovery ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["/identity", "/identity/"])
def test_discovery_picks_v3(server: FakeServer, suffix: str) -> None:
    server.route("GET", "/identity/", Reply(300, keystone_versions(server.url)))
    keystone = Keystone(server)

    provider = openstack.authenticated_client(password_opts(server.url + suffix), **quick())

    discovery, login = server.requests
    assert (discovery.method, discovery.path) == ("GET", "/identity/")
    assert "X-Auth-Token" not in discovery.headers
    assert (login.method, login.path) == ("POST", "/identity/v3/auth/tokens")
    assert provider.token == keystone.issued[0]
    assert provider.identity_endpoint == server.url + "/identity/v3/"


def test_discovery_picks_v2_when_it_is_all_there_is(server: FakeServer) -> None:
    server.route("GET", "/identity/", Reply(300, keystone_versions(server.url, with_v3=False)))
    route_v2(server)
    opts = AuthOptions(identity_endpoint=server.url + "/identity", username="demo", password="p")

    provider = openstack.authenticated_client(opts, **quick())

    assert [(r.method, r.path) for r in server.requests] == [
        ("GET", "/identity/"),
        ("POST", "/identity/v2.0/tokens"),
    ]
    assert provider.token == V2_TOKEN
    assert provider.identity_endpoint == server.url + "/identity/v2.0/"


def version(version_id: str, status: str = "stable", href: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": version_id, "status": status}
    if href is not None:
        entry["links"] = [
            {"rel": "describedby", "href": "https://docs"},
            {"rel": "self", "href": href},
        ]
    return entry


@pytest.mark.parametrize(
    ("document", "picked"),
    [
        # Keystone's own shape, v2.0 listed first: v3 still wins.
        (
            {
                "versions": {
                    "values": [version("v2.0", "deprecated", "/id/v2.0/"), version("v3.14")]
                }
            },
            ("v3", "https://k.example/id/v3/"),
        ),
        # A relative self link is resolved against the endpoint.
        (
            {"versions": {"values": [version("v3.14", href="v3/")]}},
            ("v3", "https://k.example/id/v3/"),
        ),
        # An absolute self link is used as it is.
        (
            {"versions": [version("v3.10", href="https://other.example:5000/v3")]},
            ("v3", "https://other.example:5000/v3/"),
        ),
        # A single version document.
        (
            {"version": version("v3.14", href="https://k.example/id/v3/")},
            ("v3", "https://k.example/id/v3/"),
        ),
        (
            {"versions": {"values": [version("v2.0", "deprecated")]}},
            ("v2.0", "https://k.example/id/v2.0/"),
        ),
    ],
)
def test_pick_version(document: Any, picked: tuple[str, str]) -> None:
    from oscloud.openstack.client import _pick_version

    assert _pick_version(document, "https://k.example/id/") == picked


def test_discovery_offering_neither_version(server: FakeServer) -> None:
    document = {"versions": {"values": [version("v1.0"), version("v4.0")]}}
    server.route("GET", "/identity/", Reply(300, document))

    with pytest.raises(
        InvalidResponseError, match=r"neither v3 nor v2\.0 \(it offers v1\.0, v4\.0\)"
    ):
        openstack.authenticated_client(password_opts(server.url + "/identity"), **quick())
    assert len(server.requests) == 1


def test_discovery_answer_that_is_not_json(server: FakeServer) -> None:
    server.route("GET", "/identity/", Reply(200, "<html>Keystone</html>"))

    with pytest.raises(InvalidResponseError, match="not JSON"):
        openstack.authenticated_client(password_opts(server.url + "/identity"), **quick())


# -- renewal -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "renews"),
    [
        ({"username": "demo", "domain_name": "Default", "password": PASSWORD}, True),
        (
            {
                "username": "demo",
                "domain_name": "Default",
                "password": PASSWORD,
                "allow_reauth": False,
            },
            False,
        ),
        ({"user_id": "u1", "passcode": "123456"}, False),
        ({"user_id": "u1", "password": PASSWORD, "passcode": "123456"}, False),
        ({"token_id": "an-earlier-token"}, False),
        ({"application_credential_id": "ac", "application_credential_secret": "s"}, True),
    ],
)
def test_reauth_func_only_when_options_can_reauth(
    server: FakeServer, fields: dict[str, Any], renews: bool
) -> None:
    Keystone(server)
    opts = AuthOptions(identity_endpoint=server.url + "/identity/v3", **fields)

    provider = openstack.authenticated_client(opts, **quick())

    assert (provider.reauth_func is not None) is renews


def test_reauth_func_logs_in_again(server: FakeServer) -> None:
    keystone = Keystone(server)
    provider = openstack.authenticated_client(password_opts(server.url + "/identity/v3"), **quick())
    assert provider.reauth_func is not None

    provider.reauth_func()

    assert provider.token == keystone.issued[1]
    first, second = server.received("POST", "/identity/v3/auth/tokens")
    assert first.json() == second.json()
    assert "X-Auth-Token" not in second.headers


def test_a_401_renews_the_token_once_and_replays(server: FakeServer) -> None:
    keystone = Keystone(server)
    provider = openstack.authenticated_client(password_opts(server.url + "/identity/v3"), **quick())
    server.route("GET", "/compute/v2.1/flavors", Reply(401), Reply(200, {"flavors": []}))
    compute = openstack.new_compute_v2(provider)

    compute.get(compute.service_url("flavors"))

    first, second = server.received("GET", "/compute/v2.1/flavors")
    assert first.headers["X-Auth-Token"] == keystone.issued[0]
    assert second.headers["X-Auth-Token"] == keystone.issued[1]


# -- token reuse ---------------------------------------------------------------------------


def saved_state(
    server: FakeServer, endpoint_path: str = "/identity/v3/", **changes: Any
) -> TokenState:
    fields: dict[str, Any] = {
        "identity_endpoint": server.url + endpoint_path,
        "token": "saved-token",
        "expires_at": _dt.datetime.now(_dt.timezone.utc) + _dt.timedelta(hours=2),
        "catalog": Catalog.from_v3(v3_catalog(server.url)),
    }
    fields.update(changes)
    return TokenState(**fields)


@pytest.mark.parametrize("endpoint", ["/identity/v3", "/identity"])
def test_a_valid_saved_token_is_reused_without_any_request(
    server: FakeServer, endpoint: str
) -> None:
    keystone = Keystone(server)
    state = saved_state(server)

    provider = openstack.authenticated_client(
        password_opts(server.url + endpoint), token_state=state, **quick()
    )

    assert server.requests == []
    assert provider.token == "saved-token"
    assert provider.identity_endpoint == server.url + "/identity/v3/"
    assert openstack.new_compute_v2(provider).endpoint == server.url + "/compute/v2.1/"
    assert provider.reauth_func is not None
    provider.reauth_func()
    assert provider.token == keystone.issued[0]


def test_a_state_saved_by_a_provider_round_trips(server: FakeServer) -> None:
    Keystone(server)
    first = openstack.authenticated_client(password_opts(server.url + "/identity/v3"), **quick())
    state = TokenState.from_json(first.token_state().to_json())  # type: ignore[union-attr]

    second = openstack.authenticated_client(
        password_opts(server.url + "/identity/v3"), token_state=state, **quick()
    )

    assert len(server.requests) == 1
    assert second.token == first.token
    assert second.catalog == first.catalog


@pytest.mark.parametrize(
    "changes",
    [
        {"expires_at": _dt.datetime(2001, 1, 1, tzinfo=_dt.timezone.utc)},
        {"identity_endpoint": "https://elsewhere.example/v3/"},
    ],
    ids=["expired", "another endpoint"],
)
def test_an_unusable_saved_token_is_replaced(server: FakeServer, changes: dict[str, Any]) -> None:
    keystone = Keystone(server)

    provider = openstack.authenticated_client(
        password_opts(server.url + "/identity/v3"),
        token_state=saved_state(server, **changes),
        **quick(),
    )

    assert provider.token == keystone.issued[0]
    assert len(server.requests) == 1


def test_a_saved_token_still_needs_valid_options(server: FakeServer) -> None:
    opts = AuthOptions(identity_endpoint=server.url + "/identity/v3", username="demo", password="p")

    with pytest.raises(InvalidAuthOptionsError):
        openstack.authenticated_client(opts, token_state=saved_state(server), **quick())
    assert server.requests == []


# -- service constructors ------------------------------------------------------------------


def entry(
    service_type: str, url: str, *, region: str = "RegionOne", name: str | None = None
) -> Any:
    return {
        "type": service_type,
        "name": name or service_type,
        "endpoints": [
            {"interface": interface, "region_id": region, "url": url}
            for interface in ("public", "internal")
        ],
    }


def provider_with(
    *entries: Any, identity_endpoint: str = "https://k.example/v3/"
) -> ProviderClient:
    provider = ProviderClient(identity_endpoint=identity_endpoint)
    provider.set_token(TOKEN_ID, catalog=Catalog.from_v3(entries))
    return provider


def test_new_compute_v2(provider: ProviderClient, server: FakeServer) -> None:
    compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))

    assert compute.endpoint == server.url + "/compute/v2.1/"
    assert compute.type == "compute"
    assert compute.provider is provider
    assert compute.microversion is None
    assert compute.max_microversion == "2.100"  # the newest the compute models know


def test_new_object_storage_v1(provider: ProviderClient, server: FakeServer) -> None:
    swift = openstack.new_object_storage_v1(provider, EndpointOpts(availability="internal"))

    assert swift.endpoint == f"{server.url}/object/v1/AUTH_{PROJECT_ID}/"
    assert swift.type == "object-store"


def test_new_block_storage_v3(provider: ProviderClient, server: FakeServer) -> None:
    cinder = openstack.new_block_storage_v3(provider)

    assert cinder.endpoint == f"{server.url}/volume/v3/{PROJECT_ID}/"
    assert cinder.type == "block-storage"
    assert cinder.with_microversion("3.27").microversion_headers() == {
        "OpenStack-API-Version": "volume 3.27"
    }


def test_new_block_storage_v3_by_alias() -> None:
    provider = provider_with(entry("volumev3", "https://cinder.example/v3/p1"))

    assert openstack.new_block_storage_v3(provider).endpoint == "https://cinder.example/v3/p1/"


def test_new_block_storage_v3_passes_over_older_apis() -> None:
    provider = provider_with(
        entry("volume", "https://cinder.example/v1/p1"),
        entry("volumev2", "https://cinder.example/v2/p1"),
        entry("block-storage", "https://cinder.example/v2/p1"),
        entry("volumev3", "https://cinder.example/volume/v3/p1"),
    )

    assert (
        openstack.new_block_storage_v3(provider).endpoint == "https://cinder.example/volume/v3/p1/"
    )


def test_new_block_storage_v3_with_only_older_apis() -> None:
    provider = provider_with(
        entry("volumev2", "https://cinder.example/v2/p1"),
        entry("volume", "https://cinder.example/v1/p1"),
    )

    with pytest.raises(EndpointNotFoundError, match="no block storage v3 endpoint") as caught:
        openstack.new_block_storage_v3(provider)
    assert "https://cinder.example/v2/p1/" in str(caught.value)


def test_region_and_availability_are_honoured() -> None:
    provider = provider_with(
        entry("compute", "https://nova-one.example/v2.1", region="RegionOne"),
        entry("compute", "https://nova-two.example/v2.1", region="RegionTwo"),
    )

    assert openstack.new_compute_v2(provider, EndpointOpts(region="RegionTwo")).endpoint == (
        "https://nova-two.example/v2.1/"
    )
    assert openstack.new_compute_v2(provider).endpoint == "https://nova-one.example/v2.1/"
    with pytest.raises(EndpointNotFoundError) as caught:
        openstack.new_compute_v2(provider, EndpointOpts(region="RegionTwo", availability="admin"))
    message = str(caught.value)
    assert "admin endpoint of type 'compute'" in message
    assert "region 'RegionTwo'" in message
    assert "RegionTwo/internal" in message


def test_missing_service_is_a_clear_error(provider: ProviderClient) -> None:
    provider.set_token(
        TOKEN_ID, catalog=Catalog.from_v3([entry("image", "https://glance.example")])
    )

    with pytest.raises(EndpointNotFoundError, match=r"'object-store'.*it has image"):
        openstack.new_object_storage_v1(provider)


def test_constructors_need_a_catalog() -> None:
    with pytest.raises(EndpointNotFoundError, match="authenticate first"):
        openstack.new_compute_v2(ProviderClient())


@pytest.mark.parametrize(
    ("catalog_url", "v3", "v2"),
    [
        (
            "https://k.example/identity/v3",
            "https://k.example/identity/v3/",
            "https://k.example/identity/v2.0/",
        ),
        (
            "https://k.example/identity",
            "https://k.example/identity/v3/",
            "https://k.example/identity/v2.0/",
        ),
        (
            "https://k.example:5000/v2.0",
            "https://k.example:5000/v3/",
            "https://k.example:5000/v2.0/",
        ),
        ("https://k.example:5000/", "https://k.example:5000/v3/", "https://k.example:5000/v2.0/"),
    ],
)
def test_identity_urls_whatever_the_catalog_says(catalog_url: str, v3: str, v2: str) -> None:
    provider = provider_with(entry("identity", catalog_url))

    identity_v3 = openstack.new_identity_v3(provider)
    identity_v2 = openstack.new_identity_v2(provider)

    assert (identity_v3.endpoint, identity_v3.type) == (v3, "identity")
    assert (identity_v2.endpoint, identity_v2.type) == (v2, "identity")
    assert identity_v3.service_url("auth", "tokens") == v3 + "auth/tokens"


def test_identity_missing_from_the_catalog() -> None:
    provider = provider_with(entry("compute", "https://nova.example/v2.1"))

    assert openstack.new_identity_v3(provider).endpoint == "https://k.example/v3/"
    with pytest.raises(EndpointNotFoundError, match="'identity'"):
        openstack.new_identity_v2(provider)


def test_identity_in_another_region_is_not_replaced() -> None:
    provider = provider_with(entry("identity", "https://k.example/v3", region="RegionTwo"))

    with pytest.raises(EndpointNotFoundError, match="region 'RegionOne'"):
        openstack.new_identity_v3(provider, EndpointOpts(region="RegionOne"))


def test_identity_client_reads_tokens(server: FakeServer) -> None:
    keystone = Keystone(server)
    provider = openstack.authenticated_client(
        password_opts(server.url + "/identity/v3", project_name=None, scope=Scope.system_all()),
        **quick(),
    )
    identity = openstack.new_identity_v3(provider)
    server.route("HEAD", "/identity/v3/auth/tokens", Reply(200))

    from oscloud.openstack.identity.v3 import tokens

    assert tokens.validate(identity, "some-token").extract() is True
    check = server.received("HEAD", "/identity/v3/auth/tokens")[0]
    assert check.headers["X-Auth-Token"] == keystone.issued[0]
    assert check.headers["X-Subject-Token"] == "some-token"
