"""Saving a token and its catalog so that a later process can reuse them."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.endpoints import Catalog

__all__ = ["RENEW_MARGIN", "TokenState"]

#: Renew a token this long before it expires.
RENEW_MARGIN = _dt.timedelta(seconds=60)


@attrs.frozen(kw_only=True)
class TokenState:
    """A token and its catalog, saved so that a later process can reuse them.

    ``to_json()`` holds the token itself: store it as you would a password.

    Example:
        >>> state = TokenState(identity_endpoint="https://k/v3/", token="gAAAA",
        ...                    expires_at=None, catalog=Catalog())
        >>> "gAAAA" in repr(state)
        False
        >>> TokenState.from_json(state.to_json()) == state
        True
    """

    identity_endpoint: str
    token: str = attrs.field(repr=False)
    expires_at: _dt.datetime | None
    catalog: Catalog

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of the state (it contains the token).

        Example:
            >>> TokenState(identity_endpoint="e", token="t", expires_at=None,
            ...            catalog=Catalog()).to_json()["catalog"]
            []
        """
        return {
            "identity_endpoint": self.identity_endpoint,
            "token": self.token,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "catalog": self.catalog.to_v3(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TokenState:
        """Read what :meth:`to_json` wrote.

        Example:
            >>> TokenState.from_json({"identity_endpoint": "e", "token": "t",
            ...     "expires_at": "2030-01-01T00:00:00Z", "catalog": []}).expires_at.year
            2030
        """
        from oscloud._time import to_utc_or_none

        return cls(
            identity_endpoint=data["identity_endpoint"],
            token=data["token"],
            expires_at=to_utc_or_none(data.get("expires_at")),
            catalog=Catalog.from_v3(data.get("catalog") or ()),
        )

    def is_valid(self, margin: _dt.timedelta = RENEW_MARGIN) -> bool:
        """Whether the token has more than ``margin`` left (a token without expiry: yes).

        Example:
            >>> TokenState(identity_endpoint="e", token="t", catalog=Catalog(),
            ...     expires_at=_dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)).is_valid()
            False
        """
        if self.expires_at is None:
            return True
        return self.expires_at - _dt.datetime.now(_dt.timezone.utc) > margin
