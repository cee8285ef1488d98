"""Identity v3 tokens against the loopback server."""

from __future__ import annotations

import datetime as _dt

import pytest

from oscloud import AuthOptions, Scope
from oscloud.endpoints import Catalog, EndpointOpts
from oscloud.errors import (
    ForbiddenError,
    InvalidAuthOptionsError,
    InvalidResponseError,
    MissingInputError,
    NotFoundError,
    UnauthorizedError,
)
from oscloud.openstack.identity.v3 import tokens
from oscloud.provider import ProviderClient
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.identity.v3.tokens import fixtures

UTC = _dt.timezone.utc
PASSWORD = "devstacker-Sekr1t"


@pytest.fixture
def identity(provider: ProviderClient) -> ServiceClient:
    return make_service_client(provider, "identity", "/identity/v3")


def password_opts(server: FakeServer, **fields: object) -> AuthOptions:
    return AuthOptions(
        identity_endpoint=server.url + "/identity/v3",
        username="admin",
        domain_name="Default",
        password=PASSWORD,
        **fields,  # type: ignore[arg-type]
    )


# -- create --------------------------------------------------------------------------------


def test_create_project_scoped(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.project_scoped(server.url))
    opts = password_opts(server, scope=Scope.project(name="admin", domain_id="default"))

    result = tokens.create(identity, opts)

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.raw_query) == ("POST", fixtures.TOKENS_PATH, "")
    assert "X-Auth-Token" not in sent.headers  # the provider holds a token: it is not sent
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.json() == {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": "admin", "domain": {"name": "Default"}, "password": PASSWORD}
                },
            },
            "scope": {"project": {"name": "admin", "domain": {"id": "default"}}},
        }
    }
    assert result.status_code == 201
    token = result.extract()
    assert isinstance(token, tokens.Token)
    assert token.id == fixtures.SUBJECT_TOKEN
    assert token.expires_at == _dt.datetime(2015, 11, 7, 2, 58, 43, 578887, tzinfo=UTC)
    assert token.issued_at == _dt.datetime(2015, 11, 7, 1, 58, 43, 578929, tzinfo=UTC)
    assert token.expires_at.tzinfo is UTC
    assert token.methods == ("password",)
    assert token.audit_ids == ("3T2dc1CGQxyJsHdDu1xkcw",)
    assert token.user == tokens.User(
        id=fixtures.USER_ID,
        name="admin",
        domain=tokens.Domain(id="default", name="Default"),
        password_expires_at=_dt.datetime(2016, 11, 6, 15, 32, 17, tzinfo=UTC),
    )
    assert token.project == tokens.Project(
        id=fixtures.PROJECT_ID, name="admin", domain=tokens.Domain(id="default", name="Default")
    )
    assert token.roles == (
        tokens.Role(id="51cc68287d524c759f47c811e6463340", name="admin"),
        tokens.Role(id="9fe2ff9ee4384b1894a90878d3e92bab", name="member"),
    )
    assert token.domain is None
    assert token.system is False
    assert token.is_domain is False
    assert fixtures.SUBJECT_TOKEN not in repr(token)


def test_create_gives_the_catalog(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.project_scoped(server.url))

    catalog = tokens.create(identity, password_opts(server)).extract_catalog()

    assert isinstance(catalog, Catalog)
    assert [entry.type for entry in catalog.entries] == [
        "identity",
        "compute",
        "volumev3",
        "object-store",
    ]
    assert catalog.locate(EndpointOpts(type="compute", availability="internal")) == (
        f"{server.url}/compute/v2.1/{fixtures.PROJECT_ID}/"
    )
    assert catalog.locate(EndpointOpts(type="block-storage", region="RegionOne")) == (
        f"{server.url}/volume/v3/{fixtures.PROJECT_ID}/"
    )


def test_create_without_catalog(server: FakeServer, identity: ServiceClient) -> None:
    body = fixtures.project_scoped(server.url)
    del body["token"]["catalog"]
    fixtures.handle_create(server, body)

    result = tokens.create(identity, password_opts(server), no_catalog=True)

    (sent,) = server.requests
    assert sent.query == {"nocatalog": ["1"]}
    assert result.extract().project is not None
    assert result.extract_catalog() == Catalog()


def test_create_domain_scoped(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.domain_scoped(server.url))

    token = tokens.create(
        identity, password_opts(server, scope=Scope.domain(id="default"))
    ).extract()

    assert server.requests[0].json()["auth"]["scope"] == {"domain": {"id": "default"}}
    assert token.domain == tokens.Domain(id="default", name="Default")
    assert token.project is None
    assert token.system is False


def test_create_system_scoped(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.system_scoped(server.url))

    token = tokens.create(identity, password_opts(server, scope=Scope.system_all())).extract()

    assert server.requests[0].json()["auth"]["scope"] == {"system": {"all": True}}
    assert token.system is True
    assert token.project is None and token.domain is None
    assert token.user is not None and token.user.password_expires_at is None
    assert token.expires_at == _dt.datetime(2018, 1, 15, 22, 14, 5, tzinfo=UTC)
    assert token.roles == (tokens.Role(id="41ea5cb0ae5348c28c2bc5ac8f7a1d4b", name="admin"),)


def test_create_explicitly_unscoped(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.unscoped())

    result = tokens.create(identity, password_opts(server, scope=Scope.none()))

    assert server.requests[0].json()["auth"]["scope"] == "unscoped"
    token = result.extract()
    assert (token.project, token.domain, token.system, token.roles) == (None, None, False, ())
    assert result.extract_catalog() == Catalog()


def test_create_with_an_application_credential(server: FakeServer, identity: ServiceClient) -> None:
    body = fixtures.project_scoped(server.url)
    body["token"]["methods"] = ["application_credential"]
    fixtures.handle_create(server, body)
    opts = AuthOptions(
        identity_endpoint=server.url + "/identity/v3",
        application_credential_id="423f19a4ac1e4f48bbb4180756e6eb6c",
        application_credential_secret="rEaqvJka48mpv",
    )

    token = tokens.create(identity, opts).extract()

    assert server.requests[0].json() == {
        "auth": {
            "identity": {
                "methods": ["application_credential"],
                "application_credential": {
                    "id": "423f19a4ac1e4f48bbb4180756e6eb6c",
                    "secret": "rEaqvJka48mpv",
                },
            }
        }
    }
    assert token.methods == ("application_credential",)


def test_create_refused(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, fixtures.UNAUTHORIZED, status=401)

    result = tokens.create(identity, password_opts(server))

    assert isinstance(result.err, UnauthorizedError)
    assert result.err.message == "The request you have made requires authentication."
    assert PASSWORD not in str(result.err)
    with pytest.raises(UnauthorizedError):
        result.extract()
    assert len(server.requests) == 1  # no re-authentication for a login


def test_create_with_invalid_options_sends_nothing(
    server: FakeServer, identity: ServiceClient
) -> None:
    opts = AuthOptions(
        identity_endpoint=server.url + "/identity/v3", username="admin", password="x"
    )

    with pytest.raises(InvalidAuthOptionsError, match="username needs domain_id or domain_name"):
        tokens.create(identity, opts)

    assert server.requests == []


def test_create_without_subject_token_header(server: FakeServer, identity: ServiceClient) -> None:
    server.route("POST", fixtures.TOKENS_PATH, Reply(201, fixtures.project_scoped(server.url)))

    result = tokens.create(identity, password_opts(server))

    with pytest.raises(InvalidResponseError, match="X-Subject-Token"):
        result.extract()


def test_create_with_an_unreadable_token(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_create(server, {"token": {"methods": ["password"]}})

    with pytest.raises(InvalidResponseError, match=r"Token: cannot read .*'expires_at'"):
        tokens.create(identity, password_opts(server)).extract()


# -- get -----------------------------------------------------------------------------------


def test_get(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_get(server, fixtures.project_scoped(server.url))

    result = tokens.get(identity, fixtures.SUBJECT_TOKEN)

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.raw_query) == ("GET", fixtures.TOKENS_PATH, "")
    assert sent.headers["X-Auth-Token"] == TOKEN_ID
    assert sent.headers["X-Subject-Token"] == fixtures.SUBJECT_TOKEN
    token = result.extract()
    assert isinstance(result, tokens.GetResult)
    assert token.id == fixtures.SUBJECT_TOKEN
    assert token.project is not None and token.project.id == fixtures.PROJECT_ID
    assert len(result.extract_catalog().entries) == 4


def test_get_options(server: FakeServer, identity: ServiceClient) -> None:
    fixtures.handle_get(server, fixtures.project_scoped(server.url))

    tokens.get(identity, fixtures.SUBJECT_TOKEN, no_catalog=True, allow_expired=True).extract()

    assert server.requests[0].query == {"nocatalog": ["1"], "allow_expired": ["1"]}


def test_get_unknown_token(server: FakeServer, identity: ServiceClient) -> None:
    server.route("GET", fixtures.TOKENS_PATH, Reply(404, fixtures.TOKEN_NOT_FOUND))

    result = tokens.get(identity, fixtures.SUBJECT_TOKEN)

    assert isinstance(result.err, NotFoundError)
    assert "Could not find token" in str(result.err)


@pytest.mark.parametrize("operation", [tokens.get, tokens.validate, tokens.revoke])
@pytest.mark.parametrize("token_id", ["", None])
def test_subject_token_is_required(
    server: FakeServer, identity: ServiceClient, operation: object, token_id: object
) -> None:
    with pytest.raises(MissingInputError, match="token_id is required"):
        operation(identity, token_id)  # type: ignore[operator]
    assert server.requests == []


# -- validate ------------------------------------------------------------------------------


def test_validate_valid(server: FakeServer, identity: ServiceClient) -> None:
    server.route("HEAD", fixtures.TOKENS_PATH, Reply(200, headers={"X-Subject-Token": "x"}))

    result = tokens.validate(identity, fixtures.SUBJECT_TOKEN)

    (sent,) = server.requests
    assert (sent.method, sent.path) == ("HEAD", fixtures.TOKENS_PATH)
    assert sent.headers["X-Auth-Token"] == TOKEN_ID
    assert sent.headers["X-Subject-Token"] == fixtures.SUBJECT_TOKEN
    assert result.extract() is True


def test_validate_unknown(server: FakeServer, identity: ServiceClient) -> None:
    server.route("HEAD", fixtures.TOKENS_PATH, Reply(404))

    result = tokens.validate(identity, fixtures.SUBJECT_TOKEN, allow_expired=True)

    assert result.err is None
    assert result.extract() is False
    assert server.requests[0].query == {"allow_expired": ["1"]}


def test_validate_forbidden_is_an_error(server: FakeServer, identity: ServiceClient) -> None:
    server.route("HEAD", fixtures.TOKENS_PATH, Reply(403))

    result = tokens.validate(identity, fixtures.SUBJECT_TOKEN)

    with pytest.raises(ForbiddenError):
        result.extract()


# -- revoke --------------------------------------------------------------------------------


def test_revoke(server: FakeServer, identity: ServiceClient) -> None:
    server.route("DELETE", fixtures.TOKENS_PATH, Reply(204))

    result = tokens.revoke(identity, fixtures.SUBJECT_TOKEN)

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("DELETE", fixtures.TOKENS_PATH, b"")
    assert sent.headers["X-Auth-Token"] == TOKEN_ID
    assert sent.headers["X-Subject-Token"] == fixtures.SUBJECT_TOKEN
    assert isinstance(result, tokens.RevokeResult)
    result.extract_err()  # raises on failure
    assert (result.err, result.status_code) == (None, 204)


def test_revoke_unknown_token(server: FakeServer, identity: ServiceClient) -> None:
    server.route("DELETE", fixtures.TOKENS_PATH, Reply(404, fixtures.TOKEN_NOT_FOUND))

    result = tokens.revoke(identity, fixtures.SUBJECT_TOKEN)

    with pytest.raises(NotFoundError, match="Could not find token"):
        result.extract_err()


# -- catalog -------------------------------------------------------------------------------


def test_get_catalog(server: FakeServer, identity: ServiceClient) -> None:
    server.route("GET", fixtures.CATALOG_PATH, Reply(200, fixtures.catalog_response(server.url)))

    result = tokens.get_catalog(identity)

    (sent,) = server.requests
    assert (sent.method, sent.path) == ("GET", fixtures.CATALOG_PATH)
    assert sent.headers["X-Auth-Token"] == TOKEN_ID
    catalog = result.extract()
    assert isinstance(catalog, Catalog)
    assert catalog.entries[0].type == "identity"
    assert catalog.entries[0].name == "keystone"
    assert catalog.locate(EndpointOpts(type="object-store")) == (
        f"{server.url}/object/v1/AUTH_{fixtures.PROJECT_ID}/"
    )


def test_get_catalog_unreadable(server: FakeServer, identity: ServiceClient) -> None:
    server.route("GET", fixtures.CATALOG_PATH, Reply(200, {"catalog": [{"name": "no type"}]}))

    with pytest.raises(InvalidResponseError, match="unreadable catalog"):
        tokens.get_catalog(identity).extract()


# -- the template --------------------------------------------------------------------------


def test_a_dict_instead_of_auth_options_is_refused_before_any_request(
    server: FakeServer, identity: ServiceClient
) -> None:
    with pytest.raises(TypeError, match=r"expected AuthOptions, not dict"):
        tokens.create(identity, {"username": "admin", "password": PASSWORD})  # type: ignore[arg-type]

    assert server.requests == []


def test_removed_names_still_work_and_warn() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"tokens\.requests\.CreateOptsBuilder is deprecated: use oscloud\.AuthOptions",
    ):
        value = tokens.CreateOptsBuilder

    assert value is AuthOptions
    assert "CreateOptsBuilder" not in tokens.__all__


def test_results_are_one_class_per_model() -> None:
    assert tokens.CreateResult is tokens.GetResult is tokens.TokenResult
    assert tokens.RevokeResult is ErrResult
