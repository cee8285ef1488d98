"""Models and results of server groups."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "ServerGroup",
    "ServerGroupPage",
    "ServerGroupResult",
    "extract_server_groups",
]


@attrs.frozen(kw_only=True)
class ServerGroup:
    """A group of servers placed together (affinity) or apart (anti-affinity).

    Before microversion 2.64 Nova sends ``policies`` (a list of one) and ``metadata``
    (always empty); from 2.64 ``policy`` (one name) and ``rules``
    (``max_server_per_host`` for ``anti-affinity``). Both shapes fill both ``policy`` and
    ``policies`` here. ``project_id`` and ``user_id`` come from 2.13.

    Example:
        >>> group = ServerGroup.from_json({"id": "5bbcc3c4", "name": "test",
        ...     "policy": "anti-affinity", "rules": {"max_server_per_host": 3},
        ...     "members": [], "project_id": "6f70656e", "user_id": "fake"})
        >>> group.policy, group.policies, group.rules
        ('anti-affinity', ('anti-affinity',), {'max_server_per_host': 3})
        >>> ServerGroup.from_json({"id": "1", "name": "t", "policies": ["affinity"],
        ...                        "members": [], "metadata": {}}).policy
        'affinity'
    """

    id: str
    name: str
    policy: str | None = None
    policies: tuple[str, ...] = ()
    rules: dict[str, Any] = attrs.field(factory=dict)
    members: tuple[str, ...] = ()
    metadata: dict[str, str] | None = None
    project_id: str | None = None
    user_id: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServerGroup:
        """Read one ``server_group`` object (either shape)."""
        policies = tuple(data.get("policies") or ())
        policy = data.get("policy") or (policies[0] if policies else None)
        metadata = data.get("metadata")
        return cls(
            id=data["id"],
            name=data["name"],
            policy=policy,
            policies=policies or ((policy,) if policy else ()),
            rules=dict(data.get("rules") or {}),
            members=tuple(data.get("members") or ()),
            metadata=dict(metadata) if metadata is not None else None,
            project_id=data.get("project_id"),
            user_id=data.get("user_id"),
        )


class ServerGroupResult(Result[ServerGroup]):
    """A response whose ``server_group`` member is a :class:`ServerGroup`.

    Example:
        >>> ServerGroupResult(body={"server_group": {"id": "1", "name": "g",
        ...     "policy": "affinity"}}).extract().policy
        'affinity'
    """

    resource_key = "server_group"
    model = ServerGroup

    __slots__ = ()


class GetResult(ServerGroupResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.servergroups.get`.

    Example:
        >>> GetResult(body={"server_group": {"id": "1", "name": "g", "members": ["s1"]}}
        ...           ).extract().members
        ('s1',)
    """

    __slots__ = ()


class CreateResult(ServerGroupResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.servergroups.create`.

    Example:
        >>> CreateResult(body={"server_group": {"id": "1", "name": "g"}}).extract().id
        '1'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.servergroups.delete`.

    Example:
        >>> DeleteResult(status_code=204).extract_err() is None
        True
    """

    __slots__ = ()


class ServerGroupPage(SinglePage[ServerGroup]):
    """Server groups (``server_groups``); ``limit`` and ``offset`` choose a slice.

    Example:
        >>> page = ServerGroupPage(url="u", body={"server_groups": [
        ...     {"id": "616fb98f", "name": "test", "policy": "anti-affinity"}]})
        >>> [g.name for g in extract_server_groups(page)]
        ['test']
    """

    resource_key = "server_groups"
    model = ServerGroup

    __slots__ = ()


def extract_server_groups(page: Page[ServerGroup]) -> builtins.list[ServerGroup]:
    """The server groups of a page.

    Example:
        >>> extract_server_groups(ServerGroupPage(url="u", body={"server_groups": []}))
        []
    """
    return page.extract()
