"""Identity v3 against a real Keystone: methods, scopes, reauth, catalog, discovery."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import oscloud
from oscloud import errors, openstack
from oscloud.openstack.clouds import CloudConfig
from oscloud.openstack.identity.v3 import tokens
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.acceptance.conftest import unique_name


def _member_opts(member_cloud: CloudConfig, **changes: Any) -> oscloud.AuthOptions:
    base = member_cloud.auth_options
    fields = {
        "identity_endpoint": base.identity_endpoint,
        "username": base.username,
        "password": base.password,
        "domain_name": base.domain_name,
        "domain_id": base.domain_id,
    }
    fields.update(changes)
    return oscloud.AuthOptions(**fields)


def test_password_auth_gets_a_scoped_token_with_a_catalog(
    member_provider: ProviderClient, member_cloud: CloudConfig
) -> None:
    identity = openstack.new_identity_v3(member_provider, member_cloud.endpoint_opts())

    token = tokens.get(identity, member_provider.token).extract()

    assert token.user is not None and token.user.name == member_cloud.auth_options.username
    assert token.project is not None
    assert token.expires_at.tzinfo is not None
    assert "member" in {role.name for role in token.roles}
    catalog_types = {entry.type for entry in member_provider.catalog.entries}
    assert {"identity", "compute", "object-store"} <= catalog_types


def test_project_scope_by_id_and_unscoped(
    member_provider: ProviderClient, member_cloud: CloudConfig
) -> None:
    identity = openstack.new_identity_v3(member_provider, member_cloud.endpoint_opts())
    project_id = tokens.get(identity, member_provider.token).extract().project.id

    by_id = openstack.authenticated_client(
        _member_opts(member_cloud, scope=oscloud.Scope.project(id=project_id))
    )
    unscoped = openstack.authenticated_client(
        _member_opts(member_cloud, scope=oscloud.Scope.none())
    )

    assert tokens.get(identity, by_id.token).extract().project.id == project_id
    bare = tokens.get(identity, unscoped.token).extract()
    assert bare.project is None
    assert bare.domain is None


def _grant_admin_on_default_domain(identity: ServiceClient, provider: ProviderClient) -> None:
    """Bootstrap grants admin on the admin project and the system, not on a domain."""
    user_id = provider_token(provider).user.id
    roles = identity.get(identity.service_url("roles"), params={"name": "admin"}).json()
    role_id = roles["roles"][0]["id"]
    grant = identity.service_url("domains", "default", "users", user_id, "roles", role_id)
    identity.put(grant, ok_codes=(204,))


def test_domain_and_system_scopes_for_admin(
    admin_cloud: CloudConfig, admin_identity: ServiceClient, admin_provider: ProviderClient
) -> None:
    _grant_admin_on_default_domain(admin_identity, admin_provider)
    admin = admin_cloud.auth_options
    common = {
        "identity_endpoint": admin.identity_endpoint,
        "username": admin.username,
        "password": admin.password,
        "domain_name": admin.domain_name,
    }

    domain = openstack.authenticated_client(
        oscloud.AuthOptions(**common, scope=oscloud.Scope.domain(name="Default"))
    )
    system = openstack.authenticated_client(
        oscloud.AuthOptions(**common, scope=oscloud.Scope.system_all())
    )

    domain_token = tokens.get(admin_identity, domain.token).extract()
    assert domain_token.domain is not None and domain_token.domain.id == "default"
    assert tokens.get(admin_identity, system.token).extract().system is True


def test_token_auth_reuses_a_token(
    member_provider: ProviderClient, member_cloud: CloudConfig
) -> None:
    opts = oscloud.AuthOptions(
        identity_endpoint=member_cloud.auth_options.identity_endpoint,
        token_id=member_provider.token,
        scope=member_cloud.auth_options.scope,
    )

    provider = openstack.authenticated_client(opts)

    distinct = provider.token != member_provider.token  # compared here: never printed
    assert distinct
    assert provider.reauth_func is None  # a token cannot renew itself
    assert "token" in provider_token(provider).methods


def provider_token(provider: ProviderClient) -> tokens.Token:
    identity = openstack.new_identity_v3(provider)
    return tokens.get(identity, provider.token).extract()


@pytest.fixture
def application_credential(
    member_provider: ProviderClient,
) -> Iterator[dict[str, Any]]:
    identity = openstack.new_identity_v3(member_provider)
    user_id = provider_token(member_provider).user.id
    name = unique_name("appcred")
    url = identity.service_url("users", user_id, "application_credentials")
    created = identity.post(
        url, json={"application_credential": {"name": name}}, ok_codes=(201,)
    ).json()["application_credential"]
    created["user_id"] = user_id
    yield created
    identity.delete(
        identity.service_url("users", user_id, "application_credentials", created["id"]),
        ok_codes=(204, 404),
    )


def test_application_credential_by_id_and_by_name(
    application_credential: dict[str, Any], member_cloud: CloudConfig
) -> None:
    endpoint = member_cloud.auth_options.identity_endpoint
    by_id = oscloud.AuthOptions(
        identity_endpoint=endpoint,
        application_credential_id=application_credential["id"],
        application_credential_secret=application_credential["secret"],
    )
    by_name = oscloud.AuthOptions(
        identity_endpoint=endpoint,
        user_id=application_credential["user_id"],
        application_credential_name=application_credential["name"],
        application_credential_secret=application_credential["secret"],
    )

    for opts in (by_id, by_name):
        provider = openstack.authenticated_client(opts)
        token = provider_token(provider)
        assert token.methods == ("application_credential",)
        assert token.project is not None
        assert application_credential["secret"] not in repr(opts)


def test_wrong_password_is_unauthorized(member_cloud: CloudConfig) -> None:
    opts = _member_opts(
        member_cloud, password="not-the-password", scope=member_cloud.auth_options.scope
    )

    with pytest.raises(errors.UnauthorizedError) as caught:
        openstack.authenticated_client(opts)

    assert caught.value.status_code == 401
    assert "not-the-password" not in str(caught.value)


def test_reauthenticates_once_after_the_token_is_revoked(
    fresh_member_provider: ProviderClient, admin_identity: ServiceClient
) -> None:
    old_token = fresh_member_provider.token
    tokens.revoke(admin_identity, old_token).extract_err()
    assert tokens.validate(admin_identity, old_token).extract() is False

    # Keystone's own API keeps accepting the revoked token for a while (its validation
    # cache); Swift's authtoken is set not to cache, so it answers 401 at once.
    swift = openstack.new_object_storage_v1(fresh_member_provider)
    answer = swift.head(swift.endpoint, ok_codes=(200, 204))  # 401 -> one reauth -> replay

    renewed = fresh_member_provider.token != old_token  # compared here: never printed
    assert renewed
    assert answer.status_code in (200, 204)
    assert provider_token(fresh_member_provider).user is not None


def test_catalog_lookup_for_each_service(
    member_provider: ProviderClient, member_cloud: CloudConfig
) -> None:
    eo = member_cloud.endpoint_opts()

    compute = openstack.new_compute_v2(member_provider, eo)
    volume = openstack.new_block_storage_v3(member_provider, eo)
    swift = openstack.new_object_storage_v1(member_provider, eo)

    assert compute.endpoint.endswith("/v2.1/")
    assert "/v3/" in volume.endpoint
    assert "/v1/AUTH_" in swift.endpoint
    with pytest.raises(errors.EndpointNotFoundError, match="Nowhere"):
        openstack.new_compute_v2(member_provider, attrs.evolve(eo, region="Nowhere"))


def test_microversion_discovery(member_provider: ProviderClient, member_cloud: CloudConfig) -> None:
    compute = openstack.new_compute_v2(member_provider, member_cloud.endpoint_opts())
    volume = openstack.new_block_storage_v3(member_provider, member_cloud.endpoint_opts())

    compute_range = compute.discover_microversions()
    volume_range = volume.discover_microversions()

    assert compute_range is not None and compute_range.min_version == "2.1"
    assert volume_range is not None and volume_range.min_version == "3.0"
    chosen = compute.with_highest_microversion("2.79", minimum="2.60")
    assert chosen.microversion == "2.79"
    with pytest.raises(errors.MicroversionError):
        compute.with_highest_microversion(minimum="9.0")


def test_version_discovery_from_the_unversioned_endpoint(member_cloud: CloudConfig) -> None:
    versioned = member_cloud.auth_options.identity_endpoint.rstrip("/")
    root = versioned.removesuffix("/v3")
    opts = _member_opts(member_cloud, identity_endpoint=root, scope=member_cloud.auth_options.scope)

    provider = openstack.authenticated_client(opts)

    assert provider.identity_endpoint.rstrip("/").endswith("/v3")
    assert provider.token
