"""Models and results of server groups."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
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


def _policy(data: Mapping[str, Any]) -> str | None:
    """``policy`` (from 2.64), or the first of ``policies`` (up to 2.63)."""
    policy = data.get("policy")
    if policy:
        return read.text(policy)
    policies = read.strings(data.get("policies"))
    return policies[0] if policies else None


def _policies(data: Mapping[str, Any]) -> tuple[str, ...]:
    """``policies`` (up to 2.63), or the one ``policy`` (from 2.64) as a tuple."""
    policies = read.strings(data.get("policies"))
    if policies:
        return policies
    policy = _policy(data)
    return (policy,) if policy else ()


@model
@attrs.frozen(kw_only=True)
class ServerGroup(Model):
    """A group of servers placed together (affinity) or apart (anti-affinity).

    Up to microversion 2.63 Nova sends ``policies`` (a list of one) and ``metadata``
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
    # Read from either shape, so there in every microversion: no range to declare.
    policy: str | None = field(whole=True, read=_policy, default=None)
    policies: tuple[str, ...] = field(whole=True, read=_policies, default=())
    rules: dict[str, Any] = field(read=read.mapping, factory=dict, min_version="2.64")
    members: tuple[str, ...] = field(read=read.strings, default=())
    metadata: dict[str, str] | None = field(read=read.mapping, default=None, max_version="2.63")
    project_id: str | None = field(default=None, min_version="2.13")
    user_id: str | None = field(default=None, min_version="2.13")


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


GetResult = ServerGroupResult
CreateResult = ServerGroupResult
DeleteResult = ErrResult


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
