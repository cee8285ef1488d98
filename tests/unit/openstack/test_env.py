"""auth_options_from_env and endpoint_opts_from_env: the OS_* variables of an openrc file."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud import AuthOptions, Availability, InvalidAuthOptionsError, Scope
from oscloud.openstack import auth_options_from_env, endpoint_opts_from_env

URL = "https://keystone.example:5000/v3"
PASSWORD = "env-Sekr1t-password"
TOKEN = "gAAAAAenv-Sekr1t-token"
APP_SECRET = "env-Sekr1t-app-secret"


def from_env(**variables: str) -> AuthOptions:
    return auth_options_from_env({"OS_AUTH_URL": URL, **variables})


def body(**variables: str) -> dict[str, Any]:
    built = auth_options_from_env({"OS_AUTH_URL": URL, **variables})
    auth: dict[str, Any] = built.to_token_v3_create_map()["auth"]
    return auth


def test_auth_url_is_required() -> None:
    with pytest.raises(InvalidAuthOptionsError, match="OS_AUTH_URL is not set"):
        auth_options_from_env({"OS_USERNAME": "demo", "OS_PASSWORD": PASSWORD})


def test_auth_url() -> None:
    opts = auth_options_from_env({"OS_AUTH_URL": URL, "OS_TOKEN": TOKEN})
    assert opts.identity_endpoint == URL


def test_a_keystone_v3_openrc() -> None:
    opts = auth_options_from_env(
        {
            "OS_AUTH_URL": URL,
            "OS_USERNAME": "demo",
            "OS_PASSWORD": PASSWORD,
            "OS_PROJECT_NAME": "demo",
            "OS_USER_DOMAIN_NAME": "Default",
            "OS_PROJECT_DOMAIN_ID": "default",
            "OS_REGION_NAME": "RegionOne",
            "OS_INTERFACE": "public",
            "OS_IDENTITY_API_VERSION": "3",
        }
    )

    assert opts.to_token_v3_create_map() == {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": "demo", "domain": {"name": "Default"}, "password": PASSWORD}
                },
            },
            "scope": {"project": {"name": "demo", "domain": {"id": "default"}}},
        }
    }
    assert opts.can_reauth


def test_user_id() -> None:
    auth = body(OS_USER_ID="u1", OS_USERNAME="ignored", OS_PASSWORD=PASSWORD)
    assert auth["identity"] == {
        "methods": ["password"],
        "password": {"user": {"id": "u1", "password": PASSWORD}},
    }


@pytest.mark.parametrize(
    ("variables", "user_domain"),
    [
        ({"OS_USER_DOMAIN_ID": "default"}, {"id": "default"}),
        ({"OS_USER_DOMAIN_NAME": "Default"}, {"name": "Default"}),
        ({"OS_USER_DOMAIN_ID": "default", "OS_USER_DOMAIN_NAME": "Default"}, {"id": "default"}),
        ({"OS_DOMAIN_NAME": "Users"}, {"name": "Users"}),
        ({"OS_USER_DOMAIN_NAME": "Users", "OS_DOMAIN_ID": "other"}, {"name": "Users"}),
        ({"OS_DEFAULT_DOMAIN_ID": "default"}, {"id": "default"}),
        ({"OS_DEFAULT_DOMAIN_NAME": "Default"}, {"name": "Default"}),
    ],
)
def test_user_domain(variables: dict[str, str], user_domain: dict[str, str]) -> None:
    auth = body(OS_USERNAME="demo", OS_PASSWORD=PASSWORD, OS_PROJECT_ID="p1", **variables)
    assert auth["identity"]["password"]["user"]["domain"] == user_domain


@pytest.mark.parametrize("name", ["OS_PROJECT_ID", "OS_TENANT_ID"])
def test_project_id(name: str) -> None:
    auth = body(OS_USER_ID="u1", OS_PASSWORD=PASSWORD, **{name: "p1"})
    assert auth["scope"] == {"project": {"id": "p1"}}


def test_project_id_wins_over_project_name() -> None:
    opts = from_env(OS_USER_ID="u1", OS_PASSWORD=PASSWORD, OS_PROJECT_ID="p1", OS_PROJECT_NAME="d")
    assert opts.scope == Scope(project_id="p1")


@pytest.mark.parametrize("name", ["OS_PROJECT_NAME", "OS_TENANT_NAME"])
@pytest.mark.parametrize(
    ("variables", "project_domain"),
    [
        ({"OS_PROJECT_DOMAIN_ID": "pd"}, {"id": "pd"}),
        ({"OS_PROJECT_DOMAIN_NAME": "Projects"}, {"name": "Projects"}),
        ({"OS_PROJECT_DOMAIN_NAME": "Projects", "OS_USER_DOMAIN_ID": "ud"}, {"name": "Projects"}),
        ({"OS_USER_DOMAIN_ID": "ud"}, {"id": "ud"}),
        ({"OS_USER_DOMAIN_NAME": "Users"}, {"name": "Users"}),
        ({"OS_DEFAULT_DOMAIN_ID": "default"}, {"id": "default"}),
    ],
)
def test_project_name_and_its_domain(
    name: str, variables: dict[str, str], project_domain: dict[str, str]
) -> None:
    auth = body(OS_USER_ID="u1", OS_PASSWORD=PASSWORD, **{name: "demo"}, **variables)
    assert auth["scope"] == {"project": {"name": "demo", "domain": project_domain}}


def test_a_v2_openrc_without_domains() -> None:
    opts = auth_options_from_env(
        {
            "OS_AUTH_URL": "https://keystone.example:5000/v2.0",
            "OS_USERNAME": "demo",
            "OS_PASSWORD": PASSWORD,
            "OS_TENANT_NAME": "demo",
        }
    )

    assert opts.scope is None
    assert opts.tenant_name == "demo"
    assert opts.to_token_v2_create_map() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": PASSWORD},
            "tenantName": "demo",
        }
    }


def test_domain_scope() -> None:
    auth = body(OS_USERNAME="admin", OS_PASSWORD=PASSWORD, OS_DOMAIN_ID="default")
    assert auth["scope"] == {"domain": {"id": "default"}}
    auth = body(
        OS_USERNAME="admin",
        OS_USER_DOMAIN_NAME="Default",
        OS_PASSWORD=PASSWORD,
        OS_DOMAIN_NAME="Other",
    )
    assert auth["scope"] == {"domain": {"name": "Other"}}
    assert auth["identity"]["password"]["user"]["domain"] == {"name": "Default"}


@pytest.mark.parametrize("value", ["all", "ALL"])
def test_system_scope(value: str) -> None:
    auth = body(OS_USER_ID="u1", OS_PASSWORD=PASSWORD, OS_SYSTEM_SCOPE=value)
    assert auth["scope"] == {"system": {"all": True}}


def test_no_scope_variables_no_scope() -> None:
    assert "scope" not in body(OS_USER_ID="u1", OS_PASSWORD=PASSWORD)


def test_passcode_alone_is_totp() -> None:
    opts = from_env(OS_USER_ID="u1", OS_PASSCODE="123456")
    assert opts.methods == ("totp",)
    assert body(OS_USER_ID="u1", OS_PASSCODE="123456")["identity"] == {
        "methods": ["totp"],
        "totp": {"user": {"id": "u1", "passcode": "123456"}},
    }


def test_password_and_passcode_is_multifactor() -> None:
    identity = body(OS_USER_ID="u1", OS_PASSWORD=PASSWORD, OS_PASSCODE="123456")["identity"]
    assert identity["methods"] == ["password", "totp"]


@pytest.mark.parametrize("name", ["OS_TOKEN", "OS_AUTH_TOKEN"])
def test_token(name: str) -> None:
    opts = auth_options_from_env(
        {
            "OS_AUTH_URL": URL,
            name: TOKEN,
            "OS_USERNAME": "ignored",
            "OS_USER_DOMAIN_NAME": "Default",
            "OS_PROJECT_NAME": "demo",
        }
    )

    assert opts.token_id == TOKEN
    assert (opts.username, opts.user_id, opts.domain_name) == (None, None, None)
    assert opts.to_token_v3_create_map()["auth"] == {
        "identity": {"methods": ["token"], "token": {"id": TOKEN}},
        "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}},
    }
    assert not opts.can_reauth


def test_application_credential_by_id_ignores_the_project() -> None:
    opts = auth_options_from_env(
        {
            "OS_AUTH_URL": URL,
            "OS_AUTH_TYPE": "v3applicationcredential",
            "OS_APPLICATION_CREDENTIAL_ID": "ac1",
            "OS_APPLICATION_CREDENTIAL_SECRET": APP_SECRET,
            "OS_PROJECT_NAME": "demo",
            "OS_PROJECT_DOMAIN_ID": "default",
        }
    )

    assert opts.to_token_v3_create_map() == {
        "auth": {
            "identity": {
                "methods": ["application_credential"],
                "application_credential": {"id": "ac1", "secret": APP_SECRET},
            }
        }
    }


def test_application_credential_by_name_is_inferred() -> None:
    identity = body(
        OS_APPLICATION_CREDENTIAL_NAME="monitoring",
        OS_APPLICATION_CREDENTIAL_SECRET=APP_SECRET,
        OS_USERNAME="demo",
        OS_USER_DOMAIN_ID="default",
    )["identity"]
    assert identity == {
        "methods": ["application_credential"],
        "application_credential": {
            "name": "monitoring",
            "secret": APP_SECRET,
            "user": {"name": "demo", "domain": {"id": "default"}},
        },
    }


@pytest.mark.parametrize(
    ("auth_type", "methods"),
    [
        ("password", ("password",)),
        ("v3password", ("password",)),
        ("V3_PASSWORD", ("password",)),
        ("token", ("token",)),
        ("v3token", ("token",)),
        ("v3totp", ("totp",)),
        ("v3multifactor", ("password", "totp")),
    ],
)
def test_auth_type_chooses_among_the_variables(auth_type: str, methods: tuple[str, ...]) -> None:
    opts = from_env(
        OS_AUTH_TYPE=auth_type,
        OS_USER_ID="u1",
        OS_PASSWORD=PASSWORD,
        OS_PASSCODE="123456",
        OS_TOKEN=TOKEN,
    )
    assert opts.methods == methods


def test_unsupported_auth_type() -> None:
    with pytest.raises(InvalidAuthOptionsError, match="OS_AUTH_TYPE='v3oidcpassword'"):
        from_env(OS_AUTH_TYPE="v3oidcpassword", OS_USER_ID="u1", OS_PASSWORD=PASSWORD)


def test_auth_type_without_its_variables() -> None:
    with pytest.raises(InvalidAuthOptionsError, match="no credentials") as caught:
        from_env(OS_AUTH_TYPE="v3totp", OS_USER_ID="u1", OS_PASSWORD=PASSWORD, OS_TOKEN=TOKEN)
    assert PASSWORD not in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_empty_variables_count_as_unset() -> None:
    opts = from_env(OS_USER_ID="", OS_USERNAME="demo", OS_PASSWORD=PASSWORD, OS_PROJECT_ID="")
    assert opts.username == "demo"
    assert opts.scope is None


def test_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("OS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("OS_AUTH_URL", URL)
    monkeypatch.setenv("OS_TOKEN", TOKEN)
    monkeypatch.setenv("OS_REGION_NAME", "RegionTwo")

    assert auth_options_from_env().token_id == TOKEN
    assert endpoint_opts_from_env().region == "RegionTwo"


# -- endpoint options ----------------------------------------------------------------------


def test_endpoint_opts_defaults() -> None:
    eo = endpoint_opts_from_env({})
    assert (eo.type, eo.name, eo.region, eo.availability) == (
        None,
        None,
        None,
        Availability.PUBLIC,
    )


@pytest.mark.parametrize(
    ("variables", "region", "availability"),
    [
        ({"OS_REGION_NAME": "RegionOne"}, "RegionOne", Availability.PUBLIC),
        ({"OS_INTERFACE": "internal"}, None, Availability.INTERNAL),
        ({"OS_ENDPOINT_TYPE": "adminURL"}, None, Availability.ADMIN),
        ({"OS_INTERFACE": "admin", "OS_ENDPOINT_TYPE": "internal"}, None, Availability.ADMIN),
        ({"OS_REGION_NAME": ""}, None, Availability.PUBLIC),
    ],
)
def test_endpoint_opts(
    variables: dict[str, str], region: str | None, availability: Availability
) -> None:
    eo = endpoint_opts_from_env(variables)
    assert (eo.region, eo.availability) == (region, availability)


def test_endpoint_opts_bad_interface() -> None:
    with pytest.raises(ValueError, match=r"OS_INTERFACE.*'private'"):
        endpoint_opts_from_env({"OS_INTERFACE": "private"})
