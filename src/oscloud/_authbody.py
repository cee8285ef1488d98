"""Token request bodies for identity v3 and v2.0, built from :class:`~oscloud.AuthOptions`.

The shapes are those of the Keystone API reference: each authentication method adds its
name to ``identity.methods`` and its own member to ``identity``; the scope is separate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oscloud.errors import InvalidAuthOptionsError

if TYPE_CHECKING:
    from oscloud.auth import AuthOptions, Scope


def v3_body(opts: AuthOptions) -> dict[str, Any]:
    """The body of ``POST /v3/auth/tokens`` for ``opts``.

    Raises:
        InvalidAuthOptionsError: the options cannot make a v3 request (a user name without
            its domain, a project name without its domain).

    Example:
        >>> from oscloud.auth import AuthOptions
        >>> v3_body(AuthOptions(identity_endpoint="https://k/v3", token_id="t"))
        {'auth': {'identity': {'methods': ['token'], 'token': {'id': 't'}}}}
    """
    methods = opts.methods
    identity: dict[str, Any] = {"methods": list(methods)}
    if "password" in methods:
        identity["password"] = {"user": {**_v3_user(opts), "password": opts.password}}
    if "totp" in methods:
        identity["totp"] = {"user": {**_v3_user(opts), "passcode": opts.passcode}}
    if "token" in methods:
        identity["token"] = {"id": opts.token_id}
    if "application_credential" in methods:
        identity["application_credential"] = _v3_application_credential(opts)
    auth: dict[str, Any] = {"identity": identity}
    scope = opts.effective_scope()
    if scope is not None:
        auth["scope"] = v3_scope(scope)
    return {"auth": auth}


def v3_scope(scope: Scope) -> dict[str, Any] | str:
    """The ``scope`` member of a v3 token request.

    Raises:
        InvalidAuthOptionsError: a project name without its domain.

    Example:
        >>> from oscloud.auth import Scope
        >>> v3_scope(Scope.project(name="demo", domain_id="default"))
        {'project': {'name': 'demo', 'domain': {'id': 'default'}}}
        >>> v3_scope(Scope.none())
        'unscoped'
    """
    kind = scope.kind
    if kind == "unscoped":
        return "unscoped"
    if kind == "system":
        return {"system": {"all": True}}
    if kind == "domain":
        return {"domain": _ref(scope.domain_id, scope.domain_name)}
    if scope.project_id:
        return {"project": {"id": scope.project_id}}
    if not (scope.domain_id or scope.domain_name):
        raise InvalidAuthOptionsError(
            "AuthOptions: project_name needs the project's domain with identity v3: set "
            "domain_id or domain_name, or use scope=Scope.project(name=..., domain_name=...)"
        )
    return {
        "project": {"name": scope.project_name, "domain": _ref(scope.domain_id, scope.domain_name)}
    }


def _v3_user(opts: AuthOptions) -> dict[str, Any]:
    if opts.user_id:
        return {"id": opts.user_id}
    if not (opts.domain_id or opts.domain_name):
        raise InvalidAuthOptionsError(
            "AuthOptions: username needs domain_id or domain_name (the user's domain) "
            "with identity v3; or give user_id"
        )
    return {"name": opts.username, "domain": _ref(opts.domain_id, opts.domain_name)}


def _v3_application_credential(opts: AuthOptions) -> dict[str, Any]:
    if opts.application_credential_id:
        return {"id": opts.application_credential_id, "secret": opts.application_credential_secret}
    return {
        "name": opts.application_credential_name,
        "secret": opts.application_credential_secret,
        "user": _v3_user(opts),
    }


def _ref(ref_id: str | None, name: str | None) -> dict[str, str]:
    return {"id": ref_id} if ref_id else {"name": name or ""}


def v2_body(opts: AuthOptions) -> dict[str, Any]:
    """The body of ``POST /v2.0/tokens`` for ``opts``.

    Raises:
        InvalidAuthOptionsError: identity v2.0 cannot use these options (user ids, TOTP,
            application credentials, domain or system scopes).

    Example:
        >>> from oscloud.auth import AuthOptions
        >>> v2_body(AuthOptions(identity_endpoint="https://k/v2.0", token_id="t",
        ...                     tenant_name="demo"))
        {'auth': {'token': {'id': 't'}, 'tenantName': 'demo'}}
    """
    if opts.application_credential_secret or opts.passcode:
        raise InvalidAuthOptionsError(
            "AuthOptions: identity v2.0 supports password and token authentication only "
            "(no passcode, no application credential)"
        )
    if opts.scope is not None and opts.scope.kind not in ("project", "unscoped"):
        raise InvalidAuthOptionsError(
            f"AuthOptions: identity v2.0 scopes to a tenant only, not to a {opts.scope.kind}"
        )
    auth: dict[str, Any] = {}
    if opts.token_id:
        auth["token"] = {"id": opts.token_id}
    else:
        if not opts.username:
            raise InvalidAuthOptionsError("AuthOptions: identity v2.0 needs username, not user_id")
        auth["passwordCredentials"] = {"username": opts.username, "password": opts.password}
    project_id = opts.scope.project_id if opts.scope else opts.project_id
    project_name = opts.scope.project_name if opts.scope else opts.project_name
    if project_id:
        auth["tenantId"] = project_id
    elif project_name:
        auth["tenantName"] = project_name
    return {"auth": auth}
