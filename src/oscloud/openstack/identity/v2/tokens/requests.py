"""Operations on identity v2.0 tokens."""

from __future__ import annotations

from typing import Any, Protocol

from oscloud.openstack.identity.v2.tokens import urls
from oscloud.openstack.identity.v2.tokens.results import CreateResult
from oscloud.service import ServiceClient

__all__ = ["CreateOptsBuilder", "create"]


class CreateOptsBuilder(Protocol):
    """Anything that can build a v2.0 token body; :class:`oscloud.AuthOptions` does."""

    def to_token_v2_create_map(self) -> dict[str, Any]:
        """The body of ``POST /v2.0/tokens``."""
        ...


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Authenticate with identity v2.0: ``POST /v2.0/tokens`` (200, 203).

    Sent without a token, whatever the client holds.

    Raises:
        InvalidAuthOptionsError: ``opts`` cannot build a v2.0 request (before any request).

    Example:
        >>> token = tokens.create(identity_v2, opts).extract()  # doctest: +SKIP
    """
    body = opts.to_token_v2_create_map()
    return client.call(
        CreateResult,
        "POST",
        urls.tokens_url(client),
        json=body,
        ok_codes=(200, 203),
        authenticated=False,
    )
