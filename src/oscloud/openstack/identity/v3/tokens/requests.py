"""Operations on identity v3 tokens: authenticate, read, validate, revoke, the catalog."""

from __future__ import annotations

from oscloud import _wire as wire
from oscloud._authbody import v3_body
from oscloud._deprecated import aliases
from oscloud.auth import AuthOptions, check_token
from oscloud.errors import MissingInputError
from oscloud.openstack.identity.v3.tokens.results import (
    CatalogResult,
    CreateResult,
    GetResult,
    RevokeResult,
    ValidateResult,
)
from oscloud.service import ServiceClient

__all__ = ["create", "get", "get_catalog", "revoke", "validate"]


def create(client: ServiceClient, opts: AuthOptions, *, no_catalog: bool = False) -> CreateResult:
    """Authenticate: ``POST /v3/auth/tokens`` (201).

    The body is built from :class:`oscloud.AuthOptions` (methods, identity, scope). Sent
    without a token, whatever the client holds. The new token's id is the
    ``X-Subject-Token`` response header, read by ``extract()``. ``no_catalog=True`` asks
    for a token without its catalog.

    Raises:
        TypeError: ``opts`` is not an :class:`oscloud.AuthOptions` (before any request).
        InvalidAuthOptionsError: ``opts`` cannot build a v3 request (before any request).

    Example:
        >>> opts = oscloud.AuthOptions(identity_endpoint="https://k/v3", user_id="u1",
        ...     password="pw", project_id="p1")  # doctest: +SKIP
        >>> token = tokens.create(identity, opts).extract()  # doctest: +SKIP
    """
    body = v3_body(wire.checked(opts, AuthOptions))
    params = _flags(nocatalog=no_catalog)
    return client.call(
        CreateResult,
        "POST",
        client.service_url("auth", "tokens"),
        json=body,
        params=params,
        ok_codes=(201,),
        authenticated=False,
    )


def get(
    client: ServiceClient,
    token_id: str,
    *,
    no_catalog: bool = False,
    allow_expired: bool = False,
) -> GetResult:
    """Validate ``token_id`` and read it with its catalog: ``GET /v3/auth/tokens`` (200).

    The client's own token authorizes the request; ``token_id`` is the subject.
    ``no_catalog=True`` leaves the catalog out; ``allow_expired=True`` reads a token that
    expired recently (within Keystone's allowed window).

    Raises:
        MissingInputError: ``token_id`` is empty (before any request).
        InvalidAuthOptionsError: ``token_id`` cannot be sent in a header (a stray newline,
            a space); the message does not show it (before any request).

    Example:
        >>> token = tokens.get(identity, other_token).extract()  # doctest: +SKIP
        >>> token.user.name  # doctest: +SKIP
        'demo'
    """
    return client.call(
        GetResult,
        "GET",
        client.service_url("auth", "tokens"),
        headers={"X-Subject-Token": _token(token_id)},
        params=_flags(nocatalog=no_catalog, allow_expired=allow_expired),
        ok_codes=(200,),
    )


def validate(
    client: ServiceClient, token_id: str, *, allow_expired: bool = False
) -> ValidateResult:
    """Check a token: ``HEAD /v3/auth/tokens`` (200; 404 means not valid).

    ``extract()`` is ``True`` for a valid token and ``False`` for an unknown, expired or
    revoked one; other failures (401, 403 …) are errors.

    Raises:
        MissingInputError: ``token_id`` is empty (before any request).
        InvalidAuthOptionsError: ``token_id`` cannot be sent in a header (a stray newline,
            a space); the message does not show it (before any request).

    Example:
        >>> tokens.validate(identity, other_token).extract()  # doctest: +SKIP
        True
    """
    return client.call(
        ValidateResult,
        "HEAD",
        client.service_url("auth", "tokens"),
        headers={"X-Subject-Token": _token(token_id)},
        params=_flags(allow_expired=allow_expired),
        ok_codes=(200, 204, 404),
    )


def revoke(client: ServiceClient, token_id: str) -> RevokeResult:
    """Revoke a token: ``DELETE /v3/auth/tokens`` (204).

    Raises:
        MissingInputError: ``token_id`` is empty (before any request).
        InvalidAuthOptionsError: ``token_id`` cannot be sent in a header (a stray newline,
            a space); the message does not show it (before any request).

    Example:
        >>> tokens.revoke(identity, other_token).extract_err()  # doctest: +SKIP
    """
    return client.call(
        RevokeResult,
        "DELETE",
        client.service_url("auth", "tokens"),
        headers={"X-Subject-Token": _token(token_id)},
        ok_codes=(204,),
    )


def get_catalog(client: ServiceClient) -> CatalogResult:
    """The catalog of the client's own token: ``GET /v3/auth/catalog`` (200).

    Example:
        >>> catalog = tokens.get_catalog(identity).extract()  # doctest: +SKIP
    """
    return client.call(CatalogResult, "GET", client.service_url("auth", "catalog"), ok_codes=(200,))


def _token(token_id: str) -> str:
    if not isinstance(token_id, str) or not token_id:
        raise MissingInputError("token_id is required")
    return check_token("token_id", token_id)


def _flags(**flags: bool) -> dict[str, str] | None:
    return {name: "1" for name, given in flags.items() if given} or None


__getattr__ = aliases(__name__, {"CreateOptsBuilder": (AuthOptions, "oscloud.AuthOptions")})
