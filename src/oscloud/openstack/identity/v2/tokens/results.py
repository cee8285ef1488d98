"""Models and results of identity v2.0 tokens."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.endpoints import Catalog
from oscloud.openstack.identity import _fields
from oscloud.results import Result, member

__all__ = ["CreateResult", "Tenant", "Token", "TokenResult", "User"]


@model
@attrs.frozen(kw_only=True)
class Tenant(Model):
    """The tenant (project) a v2.0 token is scoped to (``access.token.tenant``).

    Example:
        >>> Tenant.from_json({"id": "t1", "name": "demo", "enabled": True})
        Tenant(id='t1', name='demo', enabled=True)
    """

    id: str
    name: str | None = None
    enabled: bool = field(read=read.boolean, default=True)


@model
@attrs.frozen(kw_only=True)
class Token(Model):
    """An identity v2.0 token, read from ``access.token``; ``id`` never shows in ``repr``.

    ``tenant`` is ``None`` for an unscoped token.

    Example:
        >>> token = Token.from_json({"id": "abc", "expires": "2030-01-01T00:00:00Z",
        ...     "tenant": {"id": "p1", "name": "demo"}})
        >>> token.id, token.expires_at.year, token.tenant.name, "abc" in repr(token)
        ('abc', 2030, 'demo', False)
    """

    id: str = field(read=_fields.named("id", _fields.token_id), repr=False)
    expires_at: _dt.datetime = field("expires", read=_fields.named("expires", read.timestamp))
    issued_at: _dt.datetime | None = field(
        read=_fields.named("issued_at", read.timestamp), default=None
    )
    tenant: Tenant | None = field(read=_fields.named("tenant", read.model(Tenant)), default=None)
    audit_ids: tuple[str, ...] = field(read=_fields.named("audit_ids", read.strings), default=())


def _role_name(role: Any) -> str:
    """The name of one of ``access.user.roles`` (``{"name": "member"}``)."""
    return read.text(role["name"])


@model
@attrs.frozen(kw_only=True)
class User(Model):
    """The user a v2.0 token belongs to (``access.user``), with its roles' names.

    Example:
        >>> User.from_json({"id": "u1", "name": "demo", "username": "demo",
        ...                 "roles": [{"name": "member"}]}).roles
        ('member',)
    """

    id: str
    name: str | None = None
    username: str | None = None
    roles: tuple[str, ...] = field(
        read=_fields.named("roles", read.tuple_of(_role_name)), default=()
    )


class TokenResult(Result[Token]):
    """A v2.0 token response: ``access`` holds the token, its user and the catalog.

    ``extract()`` gives the :class:`Token` of ``access.token``.

    Example:
        >>> result = TokenResult(body={"access": {"token": {"id": "t",
        ...     "expires": "2030-01-01T00:00:00Z"}, "user": {"id": "u1"}}})
        >>> result.extract().expires_at.year, result.extract_user().id
        (2030, 'u1')
    """

    resource_key = "access"
    model = Token

    __slots__ = ()

    def _resource_json(self) -> Any:
        return member(super()._resource_json(), "token", type(self).__name__)

    def extract_user(self) -> User:
        """The token's user (``access.user``).

        Raises:
            InvalidResponseError: the response has no readable user.

        Example:
            >>> TokenResult(body={"access": {"user": {"id": "u1", "name": "demo",
            ...     "roles": []}}}).extract_user().name
            'demo'
        """
        return self.extract_into(lambda access: User.from_json(access["user"]))

    def extract_catalog(self) -> Catalog:
        """The token's ``serviceCatalog``.

        Raises:
            InvalidResponseError: the catalog cannot be read (see
                :meth:`oscloud.Catalog.from_v2`).

        Example:
            >>> TokenResult(body={"access": {"serviceCatalog": []}}).extract_catalog()
            Catalog(entries=())
        """
        return Catalog.from_v2(self.extract_into(lambda a: a.get("serviceCatalog") or ()))


CreateResult = TokenResult
