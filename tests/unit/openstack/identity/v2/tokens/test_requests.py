"""Identity v2.0 tokens against the loopback server."""

from __future__ import annotations

import datetime as _dt

import pytest

from oscloud import AuthOptions
from oscloud.endpoints import Availability, EndpointOpts
from oscloud.errors import InvalidAuthOptionsError, InvalidResponseError, UnauthorizedError
from oscloud.openstack.identity.v2 import tokens
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.identity.v2.tokens import fixtures

UTC = _dt.timezone.utc
PASSWORD = "v2-Sekr1t-password"


@pytest.fixture
def identity(provider: ProviderClient) -> ServiceClient:
    return make_service_client(provider, "identity", "/identity/v2.0")


def opts(server: FakeServer, **fields: object) -> AuthOptions:
    return AuthOptions(identity_endpoint=server.url + "/identity/v2.0", **fields)  # type: ignore[arg-type]


def test_create_with_password_and_tenant_id(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.FIXED)

    result = tokens.create(
        identity, opts(server, username="demo", password=PASSWORD, tenant_id=fixtures.TENANT_ID)
    )

    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", fixtures.TOKENS_PATH)
    assert "X-Auth-Token" not in sent.headers
    assert sent.json() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": PASSWORD},
            "tenantId": fixtures.TENANT_ID,
        }
    }
    token = result.extract()
    assert isinstance(token, tokens.Token)
    assert token.id == fixtures.TOKEN_ID
    assert token.expires_at == _dt.datetime(2014, 1, 31, 15, 30, 58, tzinfo=UTC)
    assert token.issued_at == _dt.datetime(2014, 1, 30, 15, 30, 58, 819584, tzinfo=UTC)
    assert token.tenant == tokens.Tenant(id=fixtures.TENANT_ID, name="demo", enabled=True)
    assert token.audit_ids == ("SLIXoXBfQmStcwZgOT0BKg",)
    assert fixtures.TOKEN_ID not in repr(token)


def test_create_with_password_and_tenant_name(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server)

    tokens.create(identity, opts(server, username="demo", password=PASSWORD, tenant_name="demo"))

    assert server.requests[0].json() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": PASSWORD},
            "tenantName": "demo",
        }
    }


def test_create_with_a_token(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server)

    tokens.create(identity, opts(server, token_id="old-v2-token", tenant_name="demo")).extract()

    assert server.requests[0].json() == {
        "auth": {"token": {"id": "old-v2-token"}, "tenantName": "demo"}
    }


def test_user_and_catalog(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.FIXED)

    result = tokens.create(identity, opts(server, username="demo", password=PASSWORD))

    assert result.extract_user() == tokens.User(
        id="9a6590b2ab024747bc2167c4e064d00d",
        name="demo",
        username="demo",
        roles=("Member", "anotherrole"),
    )
    catalog = result.extract_catalog()
    (entry,) = catalog.entries
    assert (entry.type, entry.name) == ("compute", "nova")
    assert {ep.interface for ep in entry.endpoints} == set(Availability)
    tenant = fixtures.TENANT_ID
    assert catalog.locate(EndpointOpts(type="compute")) == f"https://compute.example/v2.1/{tenant}/"
    assert catalog.locate(EndpointOpts(type="compute", availability="internalURL")) == (
        f"http://compute.internal:8774/v2.1/{tenant}/"
    )
    assert catalog.locate(EndpointOpts(type="compute", availability="admin")) == (
        f"http://compute.example:8774/v2.1/{tenant}/"
    )


def test_unscoped_token_has_no_tenant(server: FakeServer, identity: ServiceClient) -> None:
    body = {
        "access": {
            "token": {"id": "unscoped-v2", "expires": "2014-01-31T15:30:58Z"},
            "serviceCatalog": [],
            "user": {"id": "u1", "name": "demo", "roles": []},
        }
    }
    fixtures.handle_create(server, body)

    result = tokens.create(identity, opts(server, username="demo", password=PASSWORD))

    assert result.extract().tenant is None
    assert result.extract_catalog().entries == ()
    assert result.extract_user().roles == ()


def test_create_refused(server: FakeServer, identity: ServiceClient) -> None:
    server.route("POST", fixtures.TOKENS_PATH, Reply(401, fixtures.UNAUTHORIZED))

    result = tokens.create(identity, opts(server, username="demo", password=PASSWORD))

    with pytest.raises(UnauthorizedError, match="requires authentication"):
        result.extract()
    assert PASSWORD not in str(result.err)


@pytest.mark.parametrize(
    "fields",
    [
        {"user_id": "u1", "password": PASSWORD},
        {"username": "demo", "passcode": "123456"},
        {"application_credential_id": "a", "application_credential_secret": "s"},
    ],
)
def test_create_with_options_v2_cannot_express_sends_nothing(
    server: FakeServer, identity: ServiceClient, fields: dict[str, str]
) -> None:
    with pytest.raises(InvalidAuthOptionsError):
        tokens.create(identity, opts(server, **fields))
    assert server.requests == []


def test_a_dict_instead_of_auth_options_is_refused_before_any_request(
    server: FakeServer, identity: ServiceClient
) -> None:
    with pytest.raises(TypeError, match=r"expected AuthOptions, not dict"):
        tokens.create(identity, {"username": "demo", "password": PASSWORD})  # type: ignore[arg-type]

    assert server.requests == []


def test_removed_names_still_work_and_warn() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"tokens\.requests\.CreateOptsBuilder is deprecated: use oscloud\.AuthOptions",
    ):
        value = tokens.CreateOptsBuilder

    assert value is AuthOptions
    assert "CreateOptsBuilder" not in tokens.__all__


def test_the_token_is_read_from_access_token(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, {"access": {"user": {"id": "u1"}}})

    result = tokens.create(identity, opts(server, username="demo", password=PASSWORD))

    assert tokens.CreateResult is tokens.TokenResult
    with pytest.raises(InvalidResponseError, match="no 'token' member"):
        result.extract()
    assert result.extract_user().id == "u1"
