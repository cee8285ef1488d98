"""Authentication options from the standard ``OS_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from oscloud.auth import AuthOptions, Scope
from oscloud.endpoints import EndpointOpts
from oscloud.errors import InvalidAuthOptionsError

__all__ = ["auth_options_from_env", "endpoint_opts_from_env"]

_PASSWORD_TYPES = {"password", "v3password", "v2password"}
_TOKEN_TYPES = {"token", "v3token", "v2token"}
_APP_CRED_TYPES = {"v3applicationcredential", "applicationcredential"}
_TOTP_TYPES = {"v3totp", "totp"}
_MFA_TYPES = {"v3multifactor"}


def auth_options_from_env(environ: Mapping[str, str] | None = None) -> AuthOptions:
    """Read :class:`~oscloud.AuthOptions` from ``OS_*`` variables (an openrc file's).

    Reads OS_AUTH_URL, OS_USER_ID, OS_USERNAME, OS_PASSWORD, OS_PASSCODE, OS_TOKEN
    (or OS_AUTH_TOKEN), OS_PROJECT_ID / OS_TENANT_ID, OS_PROJECT_NAME / OS_TENANT_NAME,
    OS_USER_DOMAIN_ID / _NAME (falling back to OS_DOMAIN_ID / _NAME),
    OS_PROJECT_DOMAIN_ID / _NAME, OS_DOMAIN_ID / _NAME (a domain scope when no project is
    given), OS_SYSTEM_SCOPE, OS_APPLICATION_CREDENTIAL_ID / _NAME / _SECRET and
    OS_AUTH_TYPE (which method to use when several are set).

    Raises:
        InvalidAuthOptionsError: OS_AUTH_URL is missing, or the variables do not make
            one valid set of options.

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
    auth_type = (get("OS_AUTH_TYPE") or "").lower().replace("_", "")
    password, passcode = get("OS_PASSWORD"), get("OS_PASSCODE")
    token = get("OS_TOKEN", "OS_AUTH_TOKEN")
    app_id, app_name = get("OS_APPLICATION_CREDENTIAL_ID"), get("OS_APPLICATION_CREDENTIAL_NAME")
    app_secret = get("OS_APPLICATION_CREDENTIAL_SECRET")
    if not auth_type:
        if app_secret:
            auth_type = "v3applicationcredential"
        elif token and not password:
            auth_type = "token"
        else:
            auth_type = "v3multifactor" if password and passcode else "password"
    uses_app_cred = auth_type in _APP_CRED_TYPES
    uses_token = auth_type in _TOKEN_TYPES
    if auth_type not in _PASSWORD_TYPES | _TOKEN_TYPES | _APP_CRED_TYPES | _TOTP_TYPES | _MFA_TYPES:
        raise InvalidAuthOptionsError(f"OS_AUTH_TYPE={auth_type!r} is not supported")
    user_domain_id = get("OS_USER_DOMAIN_ID", "OS_DOMAIN_ID")
    user_domain_name = None if user_domain_id else get("OS_USER_DOMAIN_NAME", "OS_DOMAIN_NAME")
    return AuthOptions(
        identity_endpoint=auth_url,
        user_id=None if uses_token else get("OS_USER_ID"),
        username=None if uses_token or get("OS_USER_ID") else get("OS_USERNAME"),
        password=password if auth_type in _PASSWORD_TYPES | _MFA_TYPES else None,
        passcode=passcode if auth_type in _TOTP_TYPES | _MFA_TYPES else None,
        domain_id=None if uses_token else user_domain_id,
        domain_name=None if uses_token else user_domain_name,
        scope=None if uses_app_cred else _scope_from_env(get),
        token_id=token if uses_token else None,
        application_credential_id=app_id if uses_app_cred else None,
        application_credential_name=None if not uses_app_cred or app_id else app_name,
        application_credential_secret=app_secret if uses_app_cred else None,
    )


def _scope_from_env(lookup: Callable[..., str | None]) -> Scope | None:
    project_id = lookup("OS_PROJECT_ID", "OS_TENANT_ID")
    project_name = lookup("OS_PROJECT_NAME", "OS_TENANT_NAME")
    if project_id:
        return Scope.project(id=project_id)
    if project_name:
        domain_id = lookup("OS_PROJECT_DOMAIN_ID")
        domain_name = None if domain_id else lookup("OS_PROJECT_DOMAIN_NAME")
        if not (domain_id or domain_name):
            domain_id = lookup("OS_USER_DOMAIN_ID", "OS_DOMAIN_ID")
            domain_name = None if domain_id else lookup("OS_USER_DOMAIN_NAME", "OS_DOMAIN_NAME")
        return Scope.project(name=project_name, domain_id=domain_id, domain_name=domain_name)
    if (lookup("OS_SYSTEM_SCOPE") or "").lower() == "all":
        return Scope.system_all()
    domain_id = lookup("OS_DOMAIN_ID")
    domain_name = None if domain_id else lookup("OS_DOMAIN_NAME")
    if domain_id or domain_name:
        return Scope.domain(id=domain_id, name=domain_name)
    return None


def endpoint_opts_from_env(environ: Mapping[str, str] | None = None) -> EndpointOpts:
    """Read :class:`~oscloud.EndpointOpts` (region, availability) from the environment.

    Uses OS_REGION_NAME and OS_INTERFACE (or OS_ENDPOINT_TYPE).

    Example:
        >>> endpoint_opts_from_env({"OS_REGION_NAME": "RegionOne", "OS_INTERFACE": "internal"})
        EndpointOpts(type=None, name=None, region='RegionOne', availability=<Availability.INTERNAL: 'internal'>)
    """  # noqa: E501
    env = os.environ if environ is None else environ
    interface = env.get("OS_INTERFACE") or env.get("OS_ENDPOINT_TYPE") or "public"
    return EndpointOpts(region=env.get("OS_REGION_NAME") or None, availability=interface)
