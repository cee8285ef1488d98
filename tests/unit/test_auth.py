"""AuthOptions and Scope: validation, secrets, and the token request bodies they build.

The expected bodies follow the request examples of the Keystone API reference
(``POST /v3/auth/tokens``) and the identity v2.0 reference (``POST /v2.0/tokens``).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from oscloud import AuthOptions, InvalidAuthOptionsError, Scope

V3 = "https://keystone.example:5000/v3"
V2 = "https://keystone.example:5000/v2.0"
USER_ID = "ee4dfb6e5540447cb3741905149d9b6e"
PROJECT_ID = "a6944d763bf64ee6a275f1263fae0352"

# Distinctive secrets, so that a leak anywhere is found by a substring search.
PASSWORD = "pw-Sekr1t-0001"
PASSCODE = "830512"
TOKEN = "gAAAAAtoken-Sekr1t-0002"
APP_SECRET = "rEaqvJka48mpv-Sekr1t-0003"
SECRETS = (PASSWORD, PASSCODE, TOKEN, APP_SECRET)


def opts(**fields: Any) -> AuthOptions:
    fields.setdefault("identity_endpoint", V3)
    return AuthOptions(**fields)


# -- fields --------------------------------------------------------------------------------


def test_tenant_fields_are_the_project_fields() -> None:
    by_tenant = opts(user_id=USER_ID, password=PASSWORD, tenant_id=PROJECT_ID)
    by_project = opts(user_id=USER_ID, password=PASSWORD, project_id=PROJECT_ID)

    assert by_tenant == by_project
    assert (by_tenant.project_id, by_tenant.tenant_id) == (PROJECT_ID, PROJECT_ID)
    named = opts(user_id=USER_ID, password=PASSWORD, tenant_name="demo")
    assert (named.project_name, named.tenant_name) == ("demo", "demo")


def test_tenant_and_project_may_repeat_the_same_value() -> None:
    both = opts(user_id=USER_ID, password=PASSWORD, project_id=PROJECT_ID, tenant_id=PROJECT_ID)
    assert both.project_id == PROJECT_ID


def test_tenant_and_project_that_disagree_are_refused() -> None:
    with pytest.raises(InvalidAuthOptionsError, match=r"project_name.*tenant_name.*disagree"):
        opts(user_id=USER_ID, password=PASSWORD, project_name="a", tenant_name="b")


def test_empty_strings_count_as_unset() -> None:
    built = opts(user_id=USER_ID, password=PASSWORD, username="", project_id="", domain_id="")
    assert (built.username, built.project_id, built.domain_id) == (None, None, None)


def test_defaults() -> None:
    built = opts(user_id=USER_ID, password=PASSWORD)
    assert built.allow_reauth is True
    assert built.scope is None
    assert built.effective_scope() is None


def test_evolve_validates_the_copy() -> None:
    base = opts(user_id=USER_ID, password=PASSWORD)

    assert attrs.evolve(base, project_id=PROJECT_ID).project_id == PROJECT_ID
    with pytest.raises(InvalidAuthOptionsError, match="token_id and password"):
        attrs.evolve(base, token_id=TOKEN)


# -- validation matrix ---------------------------------------------------------------------


INVALID: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("no endpoint", {"identity_endpoint": "", "token_id": TOKEN}, ("identity_endpoint",)),
    (
        "relative endpoint",
        {"identity_endpoint": "keystone.example/v3", "token_id": TOKEN},
        ("identity_endpoint", "http://", "https://"),
    ),
    ("endpoint without host", {"identity_endpoint": "https:///v3", "token_id": TOKEN}, ("host",)),
    ("ftp endpoint", {"identity_endpoint": "ftp://k/v3", "token_id": TOKEN}, ("http://",)),
    ("unparsable endpoint", {"identity_endpoint": "http://[::1/v3", "token_id": TOKEN}, ("URL",)),
    ("no credentials", {"username": "demo", "domain_name": "Default"}, ("no credentials",)),
    ("nothing at all", {}, ("no credentials",)),
    (
        "user_id and username",
        {"user_id": USER_ID, "username": "demo", "password": PASSWORD},
        ("user_id", "username"),
    ),
    (
        "domain_id and domain_name",
        {
            "username": "demo",
            "domain_id": "default",
            "domain_name": "Default",
            "password": PASSWORD,
        },
        ("domain_id", "domain_name"),
    ),
    (
        "project_id and project_name",
        {"user_id": USER_ID, "password": PASSWORD, "project_id": PROJECT_ID, "project_name": "d"},
        ("project_id", "project_name"),
    ),
    (
        "tenant_id and project_name",
        {"user_id": USER_ID, "password": PASSWORD, "tenant_id": PROJECT_ID, "project_name": "d"},
        ("project_id", "project_name"),
    ),
    ("password without user", {"password": PASSWORD}, ("password", "user_id", "username")),
    ("passcode without user", {"passcode": PASSCODE}, ("passcode", "user_id", "username")),
    (
        "token and password",
        {"token_id": TOKEN, "password": PASSWORD, "user_id": USER_ID},
        ("token_id", "password"),
    ),
    ("token and passcode", {"token_id": TOKEN, "passcode": PASSCODE}, ("token_id", "passcode")),
    (
        "token and application credential",
        {
            "token_id": TOKEN,
            "application_credential_id": "ac",
            "application_credential_secret": APP_SECRET,
        },
        ("token_id", "application_credential"),
    ),
    (
        "password and application credential",
        {
            "user_id": USER_ID,
            "password": PASSWORD,
            "application_credential_id": "ac",
            "application_credential_secret": APP_SECRET,
        },
        ("application_credential", "password"),
    ),
    ("token with a user", {"token_id": TOKEN, "username": "demo"}, ("token_id", "username")),
    (
        "token with only a domain",
        {"token_id": TOKEN, "domain_id": "default"},
        ("token_id", "domain_id", "Scope.domain"),
    ),
    (
        "application credential id without secret",
        {"application_credential_id": "ac"},
        ("application_credential_secret",),
    ),
    (
        "application credential name without secret",
        {"application_credential_name": "monitoring", "user_id": USER_ID},
        ("application_credential_secret",),
    ),
    (
        "application credential secret alone",
        {"application_credential_secret": APP_SECRET},
        ("application_credential_id", "application_credential_name"),
    ),
    (
        "application credential id and name",
        {
            "application_credential_id": "ac",
            "application_credential_name": "monitoring",
            "application_credential_secret": APP_SECRET,
        },
        ("application_credential_id", "application_credential_name"),
    ),
    (
        "application credential name without user",
        {"application_credential_name": "monitoring", "application_credential_secret": APP_SECRET},
        ("application_credential_name", "user_id", "username"),
    ),
    (
        "application credential name with username but no domain",
        {
            "application_credential_name": "monitoring",
            "application_credential_secret": APP_SECRET,
            "username": "demo",
        },
        ("username", "domain_id", "domain_name"),
    ),
    (
        "application credential with a project",
        {
            "application_credential_id": "ac",
            "application_credential_secret": APP_SECRET,
            "project_id": PROJECT_ID,
        },
        ("application credential", "scope", "project_id"),
    ),
    (
        "application credential with a scope",
        {
            "application_credential_id": "ac",
            "application_credential_secret": APP_SECRET,
            "scope": Scope.system_all(),
        },
        ("application credential", "scope"),
    ),
    (
        "scope and project_id",
        {"user_id": USER_ID, "password": PASSWORD, "scope": Scope.system_all(), "project_id": "p"},
        ("scope", "project_id"),
    ),
    (
        "scope and tenant_name",
        {
            "user_id": USER_ID,
            "password": PASSWORD,
            "scope": Scope.domain(id="default"),
            "tenant_name": "demo",
        },
        ("scope", "project_name", "tenant_name"),
    ),
    (
        "a hand-made scope with a project name and no domain",
        {"user_id": USER_ID, "password": PASSWORD, "scope": Scope(project_name="demo")},
        ("project_name", "domain_id", "domain_name"),
    ),
    (
        "a hand-made scope with project and system",
        {"user_id": USER_ID, "password": PASSWORD, "scope": Scope(project_id="p", system=True)},
        ("project", "system"),
    ),
]


@pytest.mark.parametrize(("fields", "named"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_combinations_name_the_fields(
    fields: dict[str, Any], named: tuple[str, ...]
) -> None:
    with pytest.raises(InvalidAuthOptionsError) as caught:
        opts(**fields)

    message = str(caught.value)
    for name in named:
        assert name in message
    for secret in SECRETS:
        assert secret not in message
        assert secret not in repr(caught.value)


def test_invalid_auth_options_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no credentials"):
        opts()


VALID: list[tuple[str, dict[str, Any]]] = [
    ("password by user id", {"user_id": USER_ID, "password": PASSWORD}),
    ("password by name (v2.0 needs no domain)", {"username": "demo", "password": PASSWORD}),
    ("password and passcode", {"user_id": USER_ID, "password": PASSWORD, "passcode": PASSCODE}),
    ("passcode alone", {"user_id": USER_ID, "passcode": PASSCODE}),
    ("token", {"token_id": TOKEN}),
    (
        "token, project name and its domain",
        {"token_id": TOKEN, "project_name": "demo", "domain_id": "default"},
    ),
    (
        "application credential id",
        {"application_credential_id": "ac", "application_credential_secret": APP_SECRET},
    ),
    (
        "application credential name and user id",
        {
            "application_credential_name": "m",
            "application_credential_secret": APP_SECRET,
            "user_id": USER_ID,
        },
    ),
    (
        "application credential name and user name",
        {
            "application_credential_name": "m",
            "application_credential_secret": APP_SECRET,
            "username": "demo",
            "domain_name": "Default",
        },
    ),
    (
        "project name without domain (v2.0)",
        {"username": "demo", "password": PASSWORD, "project_name": "demo"},
    ),
]


@pytest.mark.parametrize("fields", [c[1] for c in VALID], ids=[c[0] for c in VALID])
def test_valid_combinations(fields: dict[str, Any]) -> None:
    built = opts(**fields)
    assert built.methods


# -- secrets -------------------------------------------------------------------------------


def test_repr_never_shows_secrets() -> None:
    shown = [
        opts(username="demo", domain_name="Default", password=PASSWORD, passcode=PASSCODE),
        opts(token_id=TOKEN),
        opts(application_credential_id="ac", application_credential_secret=APP_SECRET),
    ]
    for built in shown:
        text = repr(built) + str(built)
        for secret in SECRETS:
            assert secret not in text
    assert "username='demo'" in repr(shown[0])
    assert "application_credential_id='ac'" in repr(shown[2])


def test_v3_and_v2_errors_never_show_secrets() -> None:
    by_name = opts(username="demo", password=PASSWORD, passcode=PASSCODE)
    with pytest.raises(InvalidAuthOptionsError) as v3_error:
        by_name.to_token_v3_create_map()
    with pytest.raises(InvalidAuthOptionsError) as v2_error:
        by_name.to_token_v2_create_map()
    for caught in (v3_error, v2_error):
        for secret in SECRETS:
            assert secret not in str(caught.value)


# -- methods, reauthentication, scope ------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "methods", "can_reauth"),
    [
        ({"user_id": USER_ID, "password": PASSWORD}, ("password",), True),
        ({"user_id": USER_ID, "password": PASSWORD, "allow_reauth": False}, ("password",), False),
        (
            {"user_id": USER_ID, "password": PASSWORD, "passcode": PASSCODE},
            ("password", "totp"),
            False,
        ),
        ({"user_id": USER_ID, "passcode": PASSCODE}, ("totp",), False),
        ({"token_id": TOKEN}, ("token",), False),
        (
            {"application_credential_id": "ac", "application_credential_secret": APP_SECRET},
            ("application_credential",),
            True,
        ),
    ],
)
def test_methods_and_can_reauth(
    fields: dict[str, Any], methods: tuple[str, ...], can_reauth: bool
) -> None:
    built = opts(**fields)
    assert built.methods == methods
    assert built.can_reauth is can_reauth


def test_effective_scope() -> None:
    assert opts(token_id=TOKEN, project_id="p").effective_scope() == Scope(project_id="p")
    assert opts(
        username="demo", password=PASSWORD, domain_id="default", project_name="demo"
    ).effective_scope() == Scope(project_name="demo", domain_id="default")
    scope = Scope.domain(name="Default")
    assert opts(token_id=TOKEN, scope=scope).effective_scope() is scope


def test_scope_kinds() -> None:
    assert Scope.project(id="p").kind == "project"
    assert Scope.project(name="demo", domain_name="Default").kind == "project"
    assert Scope.domain(id="default").kind == "domain"
    assert Scope.system_all().kind == "system"
    assert Scope.none().kind == "unscoped"
    assert Scope().kind == "unscoped"


@pytest.mark.parametrize(
    ("build", "named"),
    [
        (lambda: Scope.project(), "Scope.project"),
        (lambda: Scope.domain(), "Scope.domain"),
        (lambda: Scope.project(name="demo"), "domain_id or domain_name"),
        (lambda: Scope.project(id="p", name="demo", domain_id="d"), "project_id or project_name"),
        (lambda: Scope.project(id="p", domain_id="default"), "project_id"),
        (
            lambda: Scope.project(name="n", domain_id="d", domain_name="D"),
            "domain_id or domain_name",
        ),
        (lambda: Scope.domain(id="d", name="D"), "domain_id or domain_name"),
        (lambda: Scope(system=True, domain_id="d").validate(), "system scope takes no domain"),
        (lambda: Scope(unscoped=True, project_id="p").validate(), "project and unscoped"),
    ],
)
def test_scope_validation(build: Any, named: str) -> None:
    with pytest.raises(InvalidAuthOptionsError, match=named):
        build()


# -- identity v3 bodies --------------------------------------------------------------------


def identity_of(built: AuthOptions) -> dict[str, Any]:
    body = built.to_token_v3_create_map()
    assert list(body) == ["auth"]
    identity: dict[str, Any] = body["auth"]["identity"]
    return identity


def test_v3_password_by_user_id_project_id_scope() -> None:
    body = opts(user_id=USER_ID, password=PASSWORD, project_id=PROJECT_ID).to_token_v3_create_map()

    assert body == {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {"user": {"id": USER_ID, "password": PASSWORD}},
            },
            "scope": {"project": {"id": PROJECT_ID}},
        }
    }


def test_v3_password_by_name_and_domain_name_unscoped_by_default() -> None:
    body = opts(username="admin", domain_name="Default", password=PASSWORD).to_token_v3_create_map()

    assert body == {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": "admin", "domain": {"name": "Default"}, "password": PASSWORD}
                },
            }
        }
    }


def test_v3_password_by_name_and_domain_id_project_name_in_the_users_domain() -> None:
    body = opts(
        username="admin", domain_id="default", password=PASSWORD, tenant_name="demo"
    ).to_token_v3_create_map()

    assert body["auth"]["identity"]["password"]["user"] == {
        "name": "admin",
        "domain": {"id": "default"},
        "password": PASSWORD,
    }
    assert body["auth"]["scope"] == {"project": {"name": "demo", "domain": {"id": "default"}}}


@pytest.mark.parametrize(
    ("scope", "wire"),
    [
        (Scope.project(id=PROJECT_ID), {"project": {"id": PROJECT_ID}}),
        (
            Scope.project(name="demo", domain_id="default"),
            {"project": {"name": "demo", "domain": {"id": "default"}}},
        ),
        (
            Scope.project(name="demo", domain_name="Default"),
            {"project": {"name": "demo", "domain": {"name": "Default"}}},
        ),
        (Scope.domain(id="default"), {"domain": {"id": "default"}}),
        (Scope.domain(name="Default"), {"domain": {"name": "Default"}}),
        (Scope.system_all(), {"system": {"all": True}}),
        (Scope.none(), "unscoped"),
    ],
)
def test_v3_scopes(scope: Scope, wire: Any) -> None:
    body = opts(user_id=USER_ID, password=PASSWORD, scope=scope).to_token_v3_create_map()

    assert body["auth"]["scope"] == wire
    assert body["auth"]["identity"]["methods"] == ["password"]


def test_v3_project_scope_in_another_domain_than_the_user() -> None:
    body = opts(
        username="admin",
        domain_name="Users",
        password=PASSWORD,
        scope=Scope.project(name="demo", domain_id="projects-domain"),
    ).to_token_v3_create_map()

    assert body["auth"]["identity"]["password"]["user"]["domain"] == {"name": "Users"}
    assert body["auth"]["scope"] == {
        "project": {"name": "demo", "domain": {"id": "projects-domain"}}
    }


def test_v3_token_scoped_to_a_project() -> None:
    body = opts(token_id=TOKEN, project_id=PROJECT_ID).to_token_v3_create_map()

    assert body == {
        "auth": {
            "identity": {"methods": ["token"], "token": {"id": TOKEN}},
            "scope": {"project": {"id": PROJECT_ID}},
        }
    }


def test_v3_token_project_name_uses_the_domain_fields() -> None:
    body = opts(token_id=TOKEN, project_name="demo", domain_name="Default").to_token_v3_create_map()

    assert body["auth"]["scope"] == {"project": {"name": "demo", "domain": {"name": "Default"}}}


def test_v3_application_credential_by_id() -> None:
    body = opts(
        application_credential_id="423f19a4ac1e4f48bbb4180756e6eb6c",
        application_credential_secret=APP_SECRET,
    ).to_token_v3_create_map()

    assert body == {
        "auth": {
            "identity": {
                "methods": ["application_credential"],
                "application_credential": {
                    "id": "423f19a4ac1e4f48bbb4180756e6eb6c",
                    "secret": APP_SECRET,
                },
            }
        }
    }


def test_v3_application_credential_by_name_and_user_id() -> None:
    body = opts(
        application_credential_name="monitoring",
        application_credential_secret=APP_SECRET,
        user_id=USER_ID,
    ).to_token_v3_create_map()

    assert body == {
        "auth": {
            "identity": {
                "methods": ["application_credential"],
                "application_credential": {
                    "name": "monitoring",
                    "secret": APP_SECRET,
                    "user": {"id": USER_ID},
                },
            }
        }
    }


def test_v3_application_credential_by_name_and_user_name() -> None:
    identity = identity_of(
        opts(
            application_credential_name="monitoring",
            application_credential_secret=APP_SECRET,
            username="demo",
            domain_id="default",
        )
    )

    assert identity["application_credential"]["user"] == {
        "name": "demo",
        "domain": {"id": "default"},
    }


def test_v3_totp_alone() -> None:
    built = opts(username="demo", domain_id="default", passcode=PASSCODE, project_id=PROJECT_ID)

    assert built.to_token_v3_create_map() == {
        "auth": {
            "identity": {
                "methods": ["totp"],
                "totp": {
                    "user": {"name": "demo", "domain": {"id": "default"}, "passcode": PASSCODE}
                },
            },
            "scope": {"project": {"id": PROJECT_ID}},
        }
    }


def test_v3_password_plus_totp_is_two_methods() -> None:
    identity = identity_of(opts(user_id=USER_ID, password=PASSWORD, passcode=PASSCODE))

    assert identity == {
        "methods": ["password", "totp"],
        "password": {"user": {"id": USER_ID, "password": PASSWORD}},
        "totp": {"user": {"id": USER_ID, "passcode": PASSCODE}},
    }


def test_v3_username_without_domain_is_refused_when_the_body_is_built() -> None:
    built = opts(username="demo", password=PASSWORD)

    with pytest.raises(InvalidAuthOptionsError, match="username needs domain_id or domain_name"):
        built.to_token_v3_create_map()


def test_v3_project_name_without_any_domain_is_refused_when_the_body_is_built() -> None:
    built = opts(user_id=USER_ID, password=PASSWORD, project_name="demo")

    with pytest.raises(InvalidAuthOptionsError, match="project_name needs the project's domain"):
        built.to_token_v3_create_map()


# -- identity v2.0 bodies ------------------------------------------------------------------


def test_v2_password_and_tenant_id() -> None:
    built = opts(identity_endpoint=V2, username="demo", password=PASSWORD, tenant_id=PROJECT_ID)

    assert built.to_token_v2_create_map() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": PASSWORD},
            "tenantId": PROJECT_ID,
        }
    }


def test_v2_password_and_tenant_name() -> None:
    built = opts(identity_endpoint=V2, username="demo", password=PASSWORD, tenant_name="demo")

    assert built.to_token_v2_create_map() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": PASSWORD},
            "tenantName": "demo",
        }
    }


def test_v2_token_and_tenant() -> None:
    by_name = opts(identity_endpoint=V2, token_id=TOKEN, tenant_name="demo")
    by_scope = opts(identity_endpoint=V2, token_id=TOKEN, scope=Scope.project(id=PROJECT_ID))

    assert by_name.to_token_v2_create_map() == {
        "auth": {"token": {"id": TOKEN}, "tenantName": "demo"}
    }
    assert by_scope.to_token_v2_create_map() == {
        "auth": {"token": {"id": TOKEN}, "tenantId": PROJECT_ID}
    }


def test_v2_unscoped() -> None:
    built = opts(identity_endpoint=V2, username="demo", password=PASSWORD, scope=Scope.none())
    assert built.to_token_v2_create_map() == {
        "auth": {"passwordCredentials": {"username": "demo", "password": PASSWORD}}
    }


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"user_id": USER_ID, "password": PASSWORD}, "needs username, not user_id"),
        ({"username": "demo", "password": PASSWORD, "passcode": PASSCODE}, "password and token"),
        (
            {"application_credential_id": "a", "application_credential_secret": APP_SECRET},
            "password and token",
        ),
        ({"token_id": TOKEN, "scope": Scope.domain(id="default")}, "not to a domain"),
        ({"token_id": TOKEN, "scope": Scope.system_all()}, "not to a system"),
    ],
)
def test_v2_refuses_what_it_cannot_express(fields: dict[str, Any], named: str) -> None:
    with pytest.raises(InvalidAuthOptionsError, match=named):
        opts(identity_endpoint=V2, **fields).to_token_v2_create_map()
