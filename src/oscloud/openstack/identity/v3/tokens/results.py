"""Models and results of identity v3 tokens."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.endpoints import Catalog
from oscloud.errors import InvalidResponseError
from oscloud.openstack.identity import _fields
from oscloud.results import ErrResult, Result, build_checked

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


@model
@attrs.frozen(kw_only=True)
class Domain(Model):
    """A domain reference.

    Example:
        >>> Domain.from_json({"id": "default", "name": "Default"})
        Domain(id='default', name='Default')
    """

    id: str | None = None
    name: str | None = None


@model
@attrs.frozen(kw_only=True)
class User(Model):
    """The user a token belongs to.

    Example:
        >>> User.from_json({"id": "u1", "name": "demo", "domain": {"id": "default"}})
        User(id='u1', name='demo', domain=Domain(id='default', name=None), password_expires_at=None)
    """

    id: str
    name: str | None = None
    domain: Domain | None = field(read=_fields.named("domain", read.model(Domain)), default=None)
    password_expires_at: _dt.datetime | None = field(
        read=_fields.named("password_expires_at", read.timestamp), default=None
    )


@model
@attrs.frozen(kw_only=True)
class Project(Model):
    """The project a token is scoped to.

    Example:
        >>> Project.from_json({"id": "p1", "name": "demo", "domain": {"id": "default"}}).id
        'p1'
    """

    id: str
    name: str | None = None
    domain: Domain | None = field(read=_fields.named("domain", read.model(Domain)), default=None)


@model
@attrs.frozen(kw_only=True)
class Role(Model):
    """A role granted to the token.

    Example:
        >>> Role.from_json({"id": "r1", "name": "member"})
        Role(id='r1', name='member')
    """

    id: str
    name: str


def _system_all(value: Any) -> bool:
    """``system``: ``{"all": true}`` for a token scoped to the whole deployment."""
    return read.boolean(read.mapping(value).get("all", False))


@model
@attrs.frozen(kw_only=True)
class Token(Model):
    """An identity v3 token.

    ``id`` comes from the ``X-Subject-Token`` response header, not from the body:
    :class:`TokenResult` sets it; it never shows in ``repr``. ``system`` is true for
    system-scoped tokens.

    Example:
        >>> token = Token.from_json({"expires_at": "2030-01-01T00:00:00.000000Z",
        ...     "issued_at": "2029-12-31T23:00:00.000000Z", "methods": ["password"],
        ...     "user": {"id": "u1", "name": "demo"}, "system": {"all": True}})
        >>> token.expires_at.year, token.user.name, token.system
        (2030, 'demo', True)
        >>> attrs.evolve(token, id="gAAAA").id
        'gAAAA'
    """

    id: str = field(default="", repr=False)
    expires_at: _dt.datetime = field(read=_fields.named("expires_at", read.timestamp))
    issued_at: _dt.datetime | None = field(
        read=_fields.named("issued_at", read.timestamp), default=None
    )
    methods: tuple[str, ...] = field(read=_fields.named("methods", read.strings), default=())
    audit_ids: tuple[str, ...] = field(read=_fields.named("audit_ids", read.strings), default=())
    user: User | None = field(read=_fields.named("user", read.model(User)), default=None)
    project: Project | None = field(
        read=_fields.named("project", read.model(Project)), default=None
    )
    domain: Domain | None = field(read=_fields.named("domain", read.model(Domain)), default=None)
    system: bool = field(read=_fields.named("system", _system_all), default=False)
    roles: tuple[Role, ...] = field(read=_fields.named("roles", read.tuple_of(Role)), default=())
    is_domain: bool = field(read=_fields.named("is_domain", read.boolean), default=False)


class TokenResult(Result[Token]):
    """A response that holds a token: the body's ``token`` and the ``X-Subject-Token``.

    Example:
        >>> result = TokenResult(headers={"X-Subject-Token": "gAAAA"},
        ...     body={"token": {"expires_at": "2030-01-01T00:00:00Z", "catalog": []}})
        >>> result.extract().id, result.extract_catalog()
        ('gAAAA', Catalog(entries=()))
    """

    resource_key = "token"
    model = Token

    __slots__ = ()

    def _build(self, data: Any) -> Token:
        token_id = self.headers.get("X-Subject-Token")
        if not token_id:
            raise InvalidResponseError(f"{type(self).__name__}: no X-Subject-Token header")
        token_id = build_checked(
            _fields.token_id, token_id, f"{type(self).__name__}: X-Subject-Token"
        )
        token = build_checked(Token.from_json, data, f"{type(self).__name__}: Token")
        return attrs.evolve(token, id=token_id)

    def extract_catalog(self) -> Catalog:
        """The token's service catalog (empty when the request asked for none).

        Raises:
            InvalidResponseError: the catalog cannot be read (see
                :meth:`oscloud.Catalog.from_v3`).

        Example:
            >>> TokenResult(body={"token": {}}).extract_catalog()
            Catalog(entries=())
        """
        return Catalog.from_v3(self.extract_into(lambda t: t.get("catalog") or ()))


CreateResult = TokenResult
GetResult = TokenResult
RevokeResult = ErrResult


class ValidateResult(Result[bool]):
    """The result of :func:`~oscloud.openstack.identity.v3.tokens.validate`.

    ``extract()`` is ``True`` for a valid token, ``False`` for an unknown or revoked one.

    Example:
        >>> ValidateResult(status_code=200).extract(), ValidateResult(status_code=404).extract()
        (True, False)
    """

    __slots__ = ()

    def _resource_json(self) -> Any:
        return None

    def _build(self, data: Any) -> bool:
        return self.status_code in (200, 204)


class CatalogResult(Result[Catalog]):
    """The result of :func:`~oscloud.openstack.identity.v3.tokens.get_catalog`.

    Example:
        >>> CatalogResult(body={"catalog": []}).extract()
        Catalog(entries=())
    """

    resource_key = "catalog"

    __slots__ = ()

    def _build(self, data: Any) -> Catalog:
        return Catalog.from_v3(data)  # InvalidResponseError, naming what it could not read
