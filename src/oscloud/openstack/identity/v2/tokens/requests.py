"""Operations on identity v2.0 tokens: authenticate."""

from __future__ import annotations

from oscloud import _wire as wire
from oscloud._authbody import v2_body
from oscloud._deprecated import aliases
from oscloud.auth import AuthOptions
from oscloud.openstack.identity.v2.tokens.results import CreateResult
from oscloud.service import ServiceClient

__all__ = ["create"]


def create(client: ServiceClient, opts: AuthOptions) -> CreateResult:
    """Authenticate with identity v2.0: ``POST /v2.0/tokens`` (200, 203).

    The body is built from :class:`oscloud.AuthOptions` (password or token, and the
    tenant). Sent without a token, whatever the client holds.

    Raises:
        TypeError: ``opts`` is not an :class:`oscloud.AuthOptions` (before any request).
        InvalidAuthOptionsError: ``opts`` cannot build a v2.0 request (before any request).

    Example:
        >>> token = tokens.create(identity_v2, opts).extract()  # doctest: +SKIP
    """
    body = v2_body(wire.checked(opts, AuthOptions))
    return client.call(
        CreateResult,
        "POST",
        client.service_url("tokens"),
        json=body,
        ok_codes=(200, 203),
        authenticated=False,
    )


__getattr__ = aliases(__name__, {"CreateOptsBuilder": (AuthOptions, "oscloud.AuthOptions")})
