"""Authentication options from the standard ``OS_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from oscloud.auth import AuthOptions, Scope
from oscloud.endpoints import EndpointOpts
from oscloud.errors import InvalidAuthOptionsError

__all__ = ["auth_options_from_env", "endpoint_opts_from_env"]

_PASSWORD_TYPES = frozenset({"password", "v3password", "v2password"})
_TOKEN_TYPES = frozenset({"token", "v3token", "v2token"})
_APP_CRED_TYPES = frozenset({"v3applicationcredential", "applicationcredential"})
_TOTP_TYPES = frozenset({"v3totp", "totp"})
_MFA_TYPES = frozenset({"v3multifactor"})
_SUPPORTED = _PASSWORD_TYPES | _TOKEN_TYPES | _APP_CRED_TYPES | _TOTP_TYPES | _MFA_TYPES

Lookup = Callable[..., "str | None"]


def auth_options_from_env(environ: Mapping[str, str] | None = None) -> AuthOptions:
    """Read :class:`~oscloud.AuthOptions` from ``OS_*`` variables (an openrc file's).

    Reads:

    - ``OS_AUTH_URL`` (required);
    - the user: ``OS_USER_ID`` or ``OS_USERNAME``, with ``OS_USER_DOMAIN_ID`` /
      ``OS_USER_DOMAIN_NAME`` (else ``OS_DOMAIN_ID`` / ``OS_DOMAIN_NAME``, else
      ``OS_DEFAULT_DOMAIN_ID`` / ``OS_DEFAULT_DOMAIN_NAME``);
    - the secret: ``OS_PASSWORD``, ``OS_PASSCODE`` (TOTP), ``OS_TOKEN`` (or
      ``OS_AUTH_TOKEN``), ``OS_APPLICATION_CREDENTIAL_ID`` / ``_NAME`` / ``_SECRET``;
    - the scope: ``OS_PROJECT_ID`` / ``OS_TENANT_ID``, or ``OS_PROJECT_NAME`` /
      ``OS_TENANT_NAME`` with ``OS_PROJECT_DOMAIN_ID`` / ``OS_PROJECT_DOMAIN_NAME`` (else
      ``OS_DOMAIN_*``, ``OS_DEFAULT_DOMAIN_*``, then the user's domain; with none, the
      bare project name suits identity v2.0 only); else ``OS_SYSTEM_SCOPE=all``; else a
      domain scope from ``OS_DOMAIN_ID`` / ``OS_DOMAIN_NAME``;
    - ``OS_AUTH_TYPE``: ``password`` / ``v3password``, ``token`` / ``v3token``,
      ``v3applicationcredential``, ``v3totp``, ``v3multifactor`` (password + passcode),
      and the ``v2password`` / ``v2token`` of identity v2.0. Without it the method
      follows from the variables set: an application credential secret, else a token
      alone, else a password and/or a passcode.

    Variables that the chosen method does not use are ignored (a token ignores the user
    variables; an application credential ignores the project ones, as it carries its own
    scope). Empty variables count as unset.

    Raises:
        InvalidAuthOptionsError: OS_AUTH_URL is missing, OS_AUTH_TYPE is not supported, or
            the variables do not make one valid set of options.

    Example:
        >>> opts = auth_options_from_env({"OS_AUTH_URL": "https://k/v3",
        ...     "OS_USERNAME": "demo", "OS_PASSWORD": "pw", "OS_PROJECT_NAME": "demo",
        ...     "OS_USER_DOMAIN_NAME": "Default", "OS_PROJECT_DOMAIN_ID": "default"})
        >>> opts.username, opts.scope.project_name, opts.scope.domain_id
        ('demo', 'demo', 'default')
    """
    env = os.environ if environ is None else environ

    def get(*names: str) -> str | None:
        for name in names:
            value = env.get(name)
            if value:
                return value
        return None

    auth_url = get("OS_AUTH_URL")
    if not auth_url:
        raise InvalidAuthOptionsError("OS_AUTH_URL is not set (source your openrc first)")
    password, passcode = get("OS_PASSWORD"), get("OS_PASSCODE")
    token = get("OS_TOKEN", "OS_AUTH_TOKEN")
    app_secret = get("OS_APPLICATION_CREDENTIAL_SECRET")
    auth_type = (get("OS_AUTH_TYPE") or "").lower().replace("_", "")
    if not auth_type:
        auth_type = _infer_auth_type(password, passcode, token, app_secret)
    if auth_type not in _SUPPORTED:
        raise InvalidAuthOptionsError(
            f"OS_AUTH_TYPE={get('OS_AUTH_TYPE')!r} is not supported; use one of "
            + ", ".join(sorted(_SUPPORTED))
        )
    uses_app_cred = auth_type in _APP_CRED_TYPES
    uses_token = auth_type in _TOKEN_TYPES
    user_id = None if uses_token else get("OS_USER_ID")
    user_domain_id, user_domain_name = _user_domain(get)
    scope, project_name = (None, None) if uses_app_cred else _scope_from_env(get)
    app_id = get("OS_APPLICATION_CREDENTIAL_ID") if uses_app_cred else None
    return AuthOptions(
        identity_endpoint=auth_url,
        user_id=user_id,
        username=None if uses_token or user_id else get("OS_USERNAME"),
        password=password if auth_type in _PASSWORD_TYPES | _MFA_TYPES else None,
        passcode=passcode if auth_type in _TOTP_TYPES | _MFA_TYPES else None,
        domain_id=None if uses_token else user_domain_id,
        domain_name=None if uses_token else user_domain_name,
        project_name=project_name,
        scope=scope,
        token_id=token if uses_token else None,
        application_credential_id=app_id,
        application_credential_name=(
            get("OS_APPLICATION_CREDENTIAL_NAME") if uses_app_cred and not app_id else None
        ),
        application_credential_secret=app_secret if uses_app_cred else None,
    )


def _infer_auth_type(
    password: str | None, passcode: str | None, token: str | None, app_secret: str | None
) -> str:
    if app_secret:
        return "v3applicationcredential"
    if token and not (password or passcode):
        return "token"
    if passcode:
        return "v3multifactor" if password else "v3totp"
    return "password"


def _user_domain(get: Lookup) -> tuple[str | None, str | None]:
    """The user's domain: the first of user, generic and default domain variables."""
    return _first_domain(
        get,
        ("OS_USER_DOMAIN_ID", "OS_USER_DOMAIN_NAME"),
        ("OS_DOMAIN_ID", "OS_DOMAIN_NAME"),
        ("OS_DEFAULT_DOMAIN_ID", "OS_DEFAULT_DOMAIN_NAME"),
    )


def _first_domain(get: Lookup, *pairs: tuple[str, str]) -> tuple[str | None, str | None]:
    """The first (id, name) pair set, the id winning over the name within a pair."""
    for id_name, name_name in pairs:
        domain_id, domain_name = get(id_name), get(name_name)
        if domain_id or domain_name:
            return domain_id, None if domain_id else domain_name
    return None, None


def _scope_from_env(get: Lookup) -> tuple[Scope | None, str | None]:
    """The scope, or a bare project name when no domain is known (identity v2.0)."""
    project_id = get("OS_PROJECT_ID", "OS_TENANT_ID")
    project_name = get("OS_PROJECT_NAME", "OS_TENANT_NAME")
    if project_id:
        return Scope.project(id=project_id), None
    if project_name:
        domain_id, domain_name = _first_domain(
            get,
            ("OS_PROJECT_DOMAIN_ID", "OS_PROJECT_DOMAIN_NAME"),
            ("OS_DOMAIN_ID", "OS_DOMAIN_NAME"),
            ("OS_DEFAULT_DOMAIN_ID", "OS_DEFAULT_DOMAIN_NAME"),
            ("OS_USER_DOMAIN_ID", "OS_USER_DOMAIN_NAME"),
        )
        if not (domain_id or domain_name):
            return None, project_name
        return Scope.project(name=project_name, domain_id=domain_id, domain_name=domain_name), None
    if (get("OS_SYSTEM_SCOPE") or "").lower() == "all":
        return Scope.system_all(), None
    domain_id = get("OS_DOMAIN_ID")
    domain_name = None if domain_id else get("OS_DOMAIN_NAME")
    if domain_id or domain_name:
        return Scope.domain(id=domain_id, name=domain_name), None
    return None, None


def endpoint_opts_from_env(environ: Mapping[str, str] | None = None) -> EndpointOpts:
    """Read :class:`~oscloud.EndpointOpts` (region, availability) from the environment.

    Uses OS_REGION_NAME and OS_INTERFACE (or OS_ENDPOINT_TYPE; ``public``, ``internal``,
    ``admin``, or their ``publicURL`` spellings). The service type is left to the
    ``new_*`` constructors.

    Raises:
        ValueError: OS_INTERFACE names no interface.

    Example:
        >>> endpoint_opts_from_env({"OS_REGION_NAME": "RegionOne", "OS_INTERFACE": "internal"})
        EndpointOpts(type=None, name=None, region='RegionOne', availability=<Availability.INTERNAL: 'internal'>)
    """  # noqa: E501
    env = os.environ if environ is None else environ
    interface = env.get("OS_INTERFACE") or env.get("OS_ENDPOINT_TYPE") or "public"
    try:
        return EndpointOpts(region=env.get("OS_REGION_NAME") or None, availability=interface)
    except ValueError as err:
        raise ValueError(f"OS_INTERFACE / OS_ENDPOINT_TYPE: {err}") from None
