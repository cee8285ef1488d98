"""Operations on server groups: list, show, create, delete."""

from __future__ import annotations

import builtins
import enum
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.errors import MicroversionError, MissingInputError
from oscloud.openstack.compute.v2.extensions.servergroups import urls
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
    "CreateOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "Policy",
    "create",
    "delete",
    "get",
    "list",
]

#: The microversion from which a group has one ``policy`` and ``rules``.
POLICY_MICROVERSION = "2.64"


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


def _non_negative(what: str) -> Any:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{what} must be an integer of at least 0, not {value!r}")
        return value

    return check


class ListOptsBuilder(Protocol):
    """Anything that can build the query of ``GET /os-server-groups``.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(all_projects=True)
        >>> builder.to_server_group_list_query()
        [('all_projects', 'true')]
    """

    def to_server_group_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /os-server-groups``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Whose server groups to list, and which slice.

    ``all_projects`` lists every project's groups (administrators); ``limit`` and
    ``offset`` choose a slice.

    Example:
        >>> ListOpts(all_projects=True, limit=10, offset=20).to_server_group_list_query()
        [('all_projects', 'true'), ('limit', '10'), ('offset', '20')]
    """

    all_projects: bool | None = attrs.field(default=None, metadata=wire.query("all_projects"))
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=_non_negative("limit"))
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=_non_negative("offset"))
    )

    def to_server_group_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[ServerGroup]:
    """List server groups: ``GET /os-server-groups`` (200), in one page.

    Example:
        >>> for group in servergroups.list(compute).items():  # doctest: +SKIP
        ...     print(group.name, group.policy, len(group.members))
    """
    url = urls.server_groups_url(client)
    if opts is not None:
        url = wire.with_query(url, opts.to_server_group_list_query())
    return Pager(client, url, ServerGroupPage)


def get(client: ServiceClient, server_group_id: str) -> GetResult:
    """Show a server group: ``GET /os-server-groups/{server_group_id}`` (200).

    Example:
        >>> group = servergroups.get(compute, group_id).extract()  # doctest: +SKIP
    """
    url = urls.server_group_url(client, check_id("server_group_id", server_group_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of ``POST /os-server-groups``.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(name="g", policy="affinity")
        >>> builder.to_server_group_create_map()
        {'server_group': {'name': 'g', 'policy': 'affinity'}}
    """

    def to_server_group_create_map(self) -> dict[str, Any]:
        """The body of ``POST /os-server-groups``."""
        ...


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
    ``rules={"max_server_per_host": n}``); before 2.64 give ``policies``, a list of
    one policy. :func:`create` checks which one the client's microversion takes. The
    ``soft-`` policies need 2.15.

    Example:
        >>> CreateOpts(name="test", policy=Policy.ANTI_AFFINITY,
        ...            rules={"max_server_per_host": 3}).to_server_group_create_map()
        {'server_group': {'name': 'test', 'policy': 'anti-affinity', \
'rules': {'max_server_per_host': 3}}}
        >>> CreateOpts(name="test", policies=["affinity"]).to_server_group_create_map()
        {'server_group': {'name': 'test', 'policies': ['affinity']}}
    """

    name: str = attrs.field(metadata=wire.body("name", required=True))
    policy: Policy | str | None = attrs.field(
        default=None, metadata=wire.body("policy", encode=_policy_value)
    )
    rules: Mapping[str, Any] | None = attrs.field(
        default=None, metadata=wire.body("rules", encode=_rules)
    )
    policies: Sequence[Policy | str] | None = attrs.field(
        default=None, metadata=wire.body("policies", encode=_policies)
    )

    def to_server_group_create_map(self) -> dict[str, Any]:
        """The body of ``POST /os-server-groups``.

        Raises:
            MissingInputError: no name, or neither ``policy`` nor ``policies``.
            ValueError: both, an unknown policy, ``rules`` without ``anti-affinity``.
        """
        if self.name is not None and (
            not isinstance(self.name, str) or not self.name.strip() or len(self.name) > 255
        ):
            raise ValueError(
                f"a server group name is a non-empty string of at most 255 characters, "
                f"not {self.name!r}"
            )
        if self.policy is None and self.policies is None:
            raise MissingInputError("CreateOpts.policy (2.64 and later) or .policies is required")
        if self.policy is not None and self.policies is not None:
            raise ValueError("give CreateOpts.policy (2.64 and later) or .policies, not both")
        if self.rules and (self.policy is None or Policy(self.policy) != Policy.ANTI_AFFINITY):
            raise ValueError("rules apply only to the anti-affinity policy")
        return wire.build_body(self, "server_group")


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Create a server group: ``POST /os-server-groups`` (200); answers with the group.

    Raises:
        MicroversionError: ``policy``/``rules`` with a client older than 2.64, or
            ``policies`` with one at 2.64 or later; a ``soft-`` policy before 2.15.

    Example:
        >>> group = servergroups.create(compute.with_microversion("2.64"),  # doctest: +SKIP
        ...     CreateOpts(name="web", policy=Policy.ANTI_AFFINITY)).extract()
    """
    body = opts.to_server_group_create_map()
    sent = body.get("server_group", {})
    new_shape = client.microversion_at_least(POLICY_MICROVERSION)
    sent_version = client.microversion or "none"
    if new_shape and "policies" in sent:
        raise MicroversionError(
            f"server group 'policies' were replaced by 'policy' in compute microversion "
            f"{POLICY_MICROVERSION}; the client sends {sent_version}"
        )
    if not new_shape and ("policy" in sent or "rules" in sent):
        raise MicroversionError(
            f"server group 'policy' and 'rules': compute microversion "
            f"{POLICY_MICROVERSION} or later is required; the client sends {sent_version} "
            "(use 'policies' before it)"
        )
    chosen = [sent["policy"]] if "policy" in sent else builtins.list(sent.get("policies", ()))
    if any(str(p).startswith("soft-") for p in chosen) and not client.microversion_at_least("2.15"):
        raise MicroversionError(
            f"soft-affinity policies: compute microversion 2.15 or later is required; the client "
            f"sends {sent_version}"
        )
    url = urls.server_groups_url(client)
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, server_group_id: str) -> DeleteResult:
    """Delete a server group: ``DELETE /os-server-groups/{server_group_id}`` (204).

    Its servers keep running.

    Example:
        >>> servergroups.delete(compute, group_id).extract_err()  # doctest: +SKIP
    """
    url = urls.server_group_url(client, check_id("server_group_id", server_group_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))
