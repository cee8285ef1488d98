"""Models and results of identity v2.0 tokens."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc, to_utc_or_none
from oscloud.endpoints import Catalog
from oscloud.errors import InvalidResponseError
from oscloud.results import Result

__all__ = ["CreateResult", "Tenant", "Token", "User"]


@attrs.frozen(kw_only=True)
class Tenant:
    """The tenant (project) a v2.0 token is scoped to.

    Example:
        >>> Tenant.from_json({"id": "t1", "name": "demo", "enabled": True})
        Tenant(id='t1', name='demo', enabled=True)
    """

    id: str
    name: str | None = None
    enabled: bool = True

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Tenant | None:
        """Read ``access.token.tenant`` (``None`` for unscoped tokens).

        Example:
            >>> Tenant.from_json(None) is None
            True
        """
        if not data:
            return None
        return cls(id=data["id"], name=data.get("name"), enabled=bool(data.get("enabled", True)))


@attrs.frozen(kw_only=True)
class Token:
    """An identity v2.0 token; ``id`` never shows in ``repr``.

    Example:
        >>> Token.from_json({"token": {"id": "abc", "expires": "2030-01-01T00:00:00Z"}}).id
        'abc'
    """

    id: str = attrs.field(repr=False)
    expires_at: _dt.datetime
    issued_at: _dt.datetime | None = None
    tenant: Tenant | None = None
    audit_ids: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Token:
        """Read the ``access`` member of a v2.0 token response.

        Example:
            >>> Token.from_json({"token": {"id": "t", "expires": "2030-01-01T00:00:00Z",
            ...     "tenant": {"id": "p1", "name": "demo"}}}).tenant.name
            'demo'
        """
        token = data["token"]
        return cls(
            id=token["id"],
            expires_at=to_utc(token["expires"]),
            issued_at=to_utc_or_none(token.get("issued_at")),
            tenant=Tenant.from_json(token.get("tenant")),
            audit_ids=tuple(token.get("audit_ids") or ()),
        )


@attrs.frozen(kw_only=True)
class User:
    """The user a v2.0 token belongs to, with the names of its roles on the tenant.

    Example:
        >>> User.from_json({"id": "u1", "name": "demo", "username": "demo",
        ...                 "roles": [{"name": "member"}]}).roles
        ('member',)
    """

    id: str
    name: str | None = None
    username: str | None = None
    roles: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> User:
        """Read ``access.user``.

        Example:
            >>> User.from_json({"id": "u1"}).roles
            ()
        """
        return cls(
            id=data["id"],
            name=data.get("name"),
            username=data.get("username"),
            roles=tuple(role["name"] for role in data.get("roles") or ()),
        )


class CreateResult(Result[Token]):
    """The result of :func:`~oscloud.openstack.identity.v2.tokens.create`."""

    resource_key = "access"
    model = Token

    __slots__ = ()

    def extract_user(self) -> User:
        """The token's user (``access.user``).

        Raises:
            InvalidResponseError: the response has no readable user.

        Example:
            >>> CreateResult(body={"access": {"user": {"id": "u1", "name": "demo",
            ...     "roles": []}}}).extract_user().name
            'demo'
        """

        def read(access: Any) -> User:
            try:
                return User.from_json(access["user"])
            except (KeyError, TypeError) as err:
                raise InvalidResponseError(f"CreateResult: unreadable user: {err!r}") from err

        return self.extract_into(read)

    def extract_catalog(self) -> Catalog:
        """The token's ``serviceCatalog``.

        Example:
            >>> CreateResult(body={"access": {"serviceCatalog": []}}).extract_catalog()
            Catalog(entries=())
        """
        return Catalog.from_v2(self.extract_into(lambda a: a.get("serviceCatalog") or ()))
