"""Models and results of identity v3 tokens."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc, to_utc_or_none
from oscloud.endpoints import Catalog
from oscloud.errors import InvalidResponseError
from oscloud.results import ErrResult, Result

__all__ = [
    "CatalogResult",
    "CreateResult",
    "Domain",
    "GetResult",
    "Project",
    "RevokeResult",
    "Role",
    "Token",
    "TokenResult",
    "User",
    "ValidateResult",
]


@attrs.frozen(kw_only=True)
class Domain:
    """A domain reference.

    Example:
        >>> Domain.from_json({"id": "default", "name": "Default"})
        Domain(id='default', name='Default')
    """

    id: str | None = None
    name: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Domain | None:
        """Read a ``{"id", "name"}`` object (``None`` stays ``None``).

        Example:
            >>> Domain.from_json(None) is None
            True
        """
        if not data:
            return None
        return cls(id=data.get("id"), name=data.get("name"))


@attrs.frozen(kw_only=True)
class User:
    """The user a token belongs to.

    Example:
        >>> User.from_json({"id": "u1", "name": "demo", "domain": {"id": "default"}}).name
        'demo'
    """

    id: str
    name: str | None = None
    domain: Domain | None = None
    password_expires_at: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> User:
        """Read the token's ``user``.

        Example:
            >>> User.from_json({"id": "u1", "password_expires_at": None}).password_expires_at
        """
        return cls(
            id=data["id"],
            name=data.get("name"),
            domain=Domain.from_json(data.get("domain")),
            password_expires_at=to_utc_or_none(data.get("password_expires_at")),
        )


@attrs.frozen(kw_only=True)
class Project:
    """The project a token is scoped to.

    Example:
        >>> Project.from_json({"id": "p1", "name": "demo", "domain": {"id": "default"}}).id
        'p1'
    """

    id: str
    name: str | None = None
    domain: Domain | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Project | None:
        """Read the token's ``project`` (``None`` for tokens not scoped to one).

        Example:
            >>> Project.from_json({"id": "p1", "name": "demo"}).name
            'demo'
        """
        if not data:
            return None
        return cls(
            id=data["id"], name=data.get("name"), domain=Domain.from_json(data.get("domain"))
        )


@attrs.frozen(kw_only=True)
class Role:
    """A role granted to the token.

    Example:
        >>> Role.from_json({"id": "r1", "name": "member"})
        Role(id='r1', name='member')
    """

    id: str
    name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Role:
        """Read one of the token's ``roles``.

        Example:
            >>> Role.from_json({"id": "r1", "name": "reader"}).name
            'reader'
        """
        return cls(id=data["id"], name=data["name"])


@attrs.frozen(kw_only=True)
class Token:
    """An identity v3 token.

    ``id`` comes from the ``X-Subject-Token`` header; it never shows in ``repr``.
    ``system`` is true for system-scoped tokens.

    Example:
        >>> token = Token.from_json({"expires_at": "2030-01-01T00:00:00.000000Z",
        ...     "issued_at": "2029-12-31T23:00:00.000000Z", "methods": ["password"],
        ...     "user": {"id": "u1", "name": "demo"}}, token_id="gAAAA")
        >>> token.expires_at.year, token.id, "gAAAA" in repr(token)
        (2030, 'gAAAA', False)
    """

    id: str = attrs.field(repr=False)
    expires_at: _dt.datetime
    issued_at: _dt.datetime | None = None
    methods: tuple[str, ...] = ()
    audit_ids: tuple[str, ...] = ()
    user: User | None = None
    project: Project | None = None
    domain: Domain | None = None
    system: bool = False
    roles: tuple[Role, ...] = ()
    is_domain: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any], token_id: str = "") -> Token:
        """Read the ``token`` member of a token response; ``token_id`` is its header.

        Example:
            >>> Token.from_json({"expires_at": "2015-11-07T02:58:43.578887Z",
            ...     "system": {"all": True}, "user": {"id": "u1"}}, "t").system
            True
        """
        return cls(
            id=token_id,
            expires_at=to_utc(data["expires_at"]),
            issued_at=to_utc_or_none(data.get("issued_at")),
            methods=tuple(data.get("methods", ())),
            audit_ids=tuple(data.get("audit_ids", ())),
            user=User.from_json(data["user"]) if data.get("user") else None,
            project=Project.from_json(data.get("project")),
            domain=Domain.from_json(data.get("domain")),
            system=bool((data.get("system") or {}).get("all")),
            roles=tuple(Role.from_json(r) for r in data.get("roles", ())),
            is_domain=bool(data.get("is_domain", False)),
        )


class TokenResult(Result[Token]):
    """A response that holds a token: the body's ``token`` and the ``X-Subject-Token``."""

    resource_key = "token"
    model = Token

    __slots__ = ()

    def _build(self, data: Any) -> Token:
        token_id = self.headers.get("X-Subject-Token")
        if not token_id:
            raise InvalidResponseError(f"{type(self).__name__}: no X-Subject-Token header")
        try:
            return Token.from_json(data, token_id)
        except (KeyError, TypeError, ValueError) as err:
            raise InvalidResponseError(f"{type(self).__name__}: unreadable token: {err!r}") from err

    def extract_catalog(self) -> Catalog:
        """The token's service catalog (empty when the request asked for none).

        Example:
            >>> from oscloud.openstack.identity.v3 import tokens  # doctest: +SKIP
            >>> tokens.create(client, opts).extract_catalog().locate(eo)  # doctest: +SKIP
        """
        return Catalog.from_v3(self.extract_into(lambda t: t.get("catalog") or ()))


class CreateResult(TokenResult):
    """The result of :func:`~oscloud.openstack.identity.v3.tokens.create`."""

    __slots__ = ()


class GetResult(TokenResult):
    """The result of :func:`~oscloud.openstack.identity.v3.tokens.get`."""

    __slots__ = ()


class ValidateResult(Result[bool]):
    """The result of :func:`~oscloud.openstack.identity.v3.tokens.validate`.

    ``extract()`` is ``True`` for a valid token, ``False`` for an unknown or revoked one.
    """

    __slots__ = ()

    def _resource_json(self) -> Any:
        return None

    def _build(self, data: Any) -> bool:
        return self.status_code in (200, 204)


class RevokeResult(ErrResult):
    """The result of :func:`~oscloud.openstack.identity.v3.tokens.revoke`."""

    __slots__ = ()


class CatalogResult(Result[Catalog]):
    """The result of :func:`~oscloud.openstack.identity.v3.tokens.get_catalog`."""

    resource_key = "catalog"

    __slots__ = ()

    def _build(self, data: Any) -> Catalog:
        try:
            return Catalog.from_v3(data)
        except (KeyError, TypeError, ValueError) as err:
            raise InvalidResponseError(f"CatalogResult: unreadable catalog: {err!r}") from err
