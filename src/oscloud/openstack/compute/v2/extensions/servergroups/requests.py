"""Operations on server groups: list, show, create, delete."""

from __future__ import annotations

import builtins
import enum
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MicroversionError, MissingInputError
from oscloud.openstack.compute.v2.extensions.servergroups.results import (
    CreateResult,
    DeleteResult,
    GetResult,
    ServerGroup,
    ServerGroupPage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CreateOpts",
    "ListOpts",
    "Policy",
    "create",
    "delete",
    "get",
    "list",
]

#: The microversion from which a group has one ``policy`` and ``rules``.
POLICY_MICROVERSION = "2.64"

#: The microversion that brings the ``soft-`` policies.
SOFT_POLICY_MICROVERSION = "2.15"

#: The longest server group name Nova accepts (characters).
NAME_LIMIT = 255


class Policy(str, enum.Enum):
    """How the servers of a group are placed; the ``soft-`` ones (2.15) are preferences.

    Example:
        >>> Policy("soft-anti-affinity") is Policy.SOFT_ANTI_AFFINITY
        True
    """

    AFFINITY = "affinity"
    ANTI_AFFINITY = "anti-affinity"
    SOFT_AFFINITY = "soft-affinity"
    SOFT_ANTI_AFFINITY = "soft-anti-affinity"


# -- listing ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Whose server groups to list, and which slice.

    ``all_projects=True`` lists every project's groups (administrators). Nova looks only
    at the parameter's presence, so ``all_projects=False`` sends nothing (it would list
    every project's groups too). ``limit`` and ``offset`` choose a slice.

    Example:
        >>> opts = ListOpts(all_projects=True, limit=10, offset=20)
        >>> wire.build_query(opts, client=None)
        [('all_projects', 'true'), ('limit', '10'), ('offset', '20')]
    """

    all_projects: bool | None = attrs.field(default=None, metadata=wire.query("all_projects"))
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=wire.non_negative_int)
    )


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[ServerGroup]:
    """List server groups: ``GET /os-server-groups`` (200), in one page.

    Example:
        >>> for group in servergroups.list(compute).items():  # doctest: +SKIP
        ...     print(group.name, group.policy, len(group.members))
    """
    if opts is not None and wire.checked(opts, ListOpts).all_projects is False:
        opts = attrs.evolve(opts, all_projects=None)
    url = wire.url(client, "os-server-groups", query=opts, of=ListOpts)
    return Pager(client, url, ServerGroupPage)


def get(client: ServiceClient, server_group_id: str) -> GetResult:
    """Show a server group: ``GET /os-server-groups/{server_group_id}`` (200).

    Example:
        >>> group = servergroups.get(compute, group_id).extract()  # doctest: +SKIP
    """
    url = client.service_url("os-server-groups", check_id("server_group_id", server_group_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


# -- create -------------------------------------------------------------------------


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > NAME_LIMIT:
        raise ValueError(
            f"a server group name is a non-empty string of at most {NAME_LIMIT} characters, "
            f"not {value!r}"
        )
    return value


def _policy_value(value: Any) -> str:
    return Policy(value).value


def _policies(value: Any) -> builtins.list[str]:
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != 1:
        raise ValueError(f"policies is a list of exactly one policy, not {value!r}")
    return [_policy_value(item) for item in value]


def _rules(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"rules must be a mapping, not {type(value).__name__}")
    unknown = set(value) - {"max_server_per_host"}
    if unknown:
        raise ValueError(f"the only rule is max_server_per_host, not {sorted(unknown)}")
    limit = value.get("max_server_per_host")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"max_server_per_host must be an integer of at least 1, not {limit!r}")
    return dict(value)


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new server group: a name and how its servers are placed.

    From microversion 2.64 give ``policy`` (and for ``anti-affinity`` optionally
    ``rules={"max_server_per_host": n}``); up to 2.63 give ``policies``, a list of
    one policy. :func:`create` refuses the one the client's microversion does not take.
    The ``soft-`` policies need 2.15.

    Example:
        >>> opts = CreateOpts(name="test", policy=Policy.ANTI_AFFINITY,
        ...                   rules={"max_server_per_host": 3})
        >>> wire.build_body(opts, "server_group", client=None)
        {'server_group': {'name': 'test', 'policy': 'anti-affinity', \
'rules': {'max_server_per_host': 3}}}
        >>> CreateOpts(name="test", policies=["affinity"])
        CreateOpts(name='test', policy=None, rules=None, policies=['affinity'])
    """

    name: str = attrs.field(metadata=wire.body("name", required=True, encode=_name))
    policy: Policy | str | None = attrs.field(
        default=None,
        metadata=wire.body("policy", encode=_policy_value, min_version=POLICY_MICROVERSION),
    )
    rules: Mapping[str, Any] | None = attrs.field(
        default=None, metadata=wire.body("rules", encode=_rules, min_version=POLICY_MICROVERSION)
    )
    policies: Sequence[Policy | str] | None = attrs.field(
        default=None, metadata=wire.body("policies", encode=_policies, max_version="2.63")
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Create a server group: ``POST /os-server-groups`` (200); answers with the group.

    Raises:
        MissingInputError: no name, or neither ``policy`` nor ``policies``.
        MicroversionError: ``policy``/``rules`` with a client older than 2.64, or
            ``policies`` with one at 2.64 or later; a ``soft-`` policy before 2.15.
        ValueError: both ``policy`` and ``policies``, an unknown policy, ``rules``
            without ``anti-affinity``, a malformed name.

    Example:
        >>> group = servergroups.create(compute.with_microversion("2.64"),  # doctest: +SKIP
        ...     CreateOpts(name="web", policy=Policy.ANTI_AFFINITY)).extract()
    """
    wire.checked(opts, CreateOpts)
    if opts.policy is None and opts.policies is None:
        raise MissingInputError("CreateOpts.policy (2.64 and later) or .policies is required")
    if opts.policy is not None and opts.policies is not None:
        raise ValueError("give CreateOpts.policy (2.64 and later) or .policies, not both")
    if opts.rules and (opts.policy is None or Policy(opts.policy) != Policy.ANTI_AFFINITY):
        raise ValueError("rules apply only to the anti-affinity policy")
    body = wire.build_body(opts, "server_group", client=client, of=CreateOpts)
    sent = body["server_group"]
    chosen = [sent["policy"]] if "policy" in sent else builtins.list(sent.get("policies", ()))
    if any(p.startswith("soft-") for p in chosen) and not client.microversion_at_least(
        SOFT_POLICY_MICROVERSION
    ):
        raise MicroversionError(
            f"soft-affinity policies: compute microversion {SOFT_POLICY_MICROVERSION} or later "
            f"is required; the client sends {client.microversion or 'none'} "
            f'(use client.with_microversion("{SOFT_POLICY_MICROVERSION}"))'
        )
    url = client.service_url("os-server-groups")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200,))


# -- delete -------------------------------------------------------------------------


def delete(client: ServiceClient, server_group_id: str) -> DeleteResult:
    """Delete a server group: ``DELETE /os-server-groups/{server_group_id}`` (204).

    Its servers keep running.

    Example:
        >>> servergroups.delete(compute, group_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("os-server-groups", check_id("server_group_id", server_group_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
    },
)
