"""Operations of the legacy security group API (deprecated).

Deprecated: every operation here emits a :class:`DeprecationWarning`. Nova's
``os-security-groups`` and ``os-security-group-rules`` proxy APIs are gone from compute
microversion 2.36 (the operations on them raise
:class:`~oscloud.errors.MicroversionError` for such a client before sending anything);
use the Networking service's security groups. Adding a group to a server and listing a
server's groups keep working at every microversion.
"""

from __future__ import annotations

from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MicroversionError
from oscloud.openstack.compute.v2.extensions.secgroups.results import (
    ActionResult,
    CreateResult,
    CreateRuleResult,
    DeleteResult,
    DeleteRuleResult,
    GetResult,
    SecurityGroup,
    SecurityGroupPage,
    UpdateResult,
    warn_deprecated,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CreateOpts",
    "CreateRuleOpts",
    "ListOpts",
    "UpdateOpts",
    "add_server",
    "create",
    "create_rule",
    "delete",
    "delete_rule",
    "get",
    "list",
    "list_by_server",
    "remove_server",
    "update",
]

#: The microversion from which the proxy API answers 404.
REMOVED_IN = "2.36"

_PROTOCOLS = ("tcp", "udp", "icmp")


def _proxy(client: ServiceClient, name: str) -> None:
    """Warn, and refuse a client whose microversion no longer has the proxy API."""
    warn_deprecated(name, stacklevel=4)
    if client.microversion_at_least(REMOVED_IN):
        raise MicroversionError(
            f"secgroups.{name}: the os-security-groups API was removed in compute "
            f"microversion {REMOVED_IN}; the client sends {client.microversion} (use the "
            "Networking service's security groups)"
        )


def _group_url(client: ServiceClient, security_group_id: str) -> str:
    """``/os-security-groups/{security_group_id}``, the id checked."""
    group_id = check_id("security_group_id", security_group_id)
    return client.service_url("os-security-groups", group_id)


def _text(what: str) -> Any:
    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip() or len(value) > 255:
            raise ValueError(f"{what} is a non-empty string of at most 255 characters")
        return value

    return check


def _port(what: str) -> Any:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not -1 <= value <= 65535:
            raise ValueError(f"{what} is an integer from -1 to 65535, not {value!r}")
        return value

    return check


@attrs.frozen(kw_only=True)
class ListOpts:
    """Deprecated: whose security groups to list (``all_tenants``), and a slice.

    Example:
        >>> wire.build_query(ListOpts(all_tenants=True, limit=10, offset=0), client=None)
        [('all_tenants', 'true'), ('limit', '10'), ('offset', '0')]
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=wire.non_negative_int)
    )


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[SecurityGroup]:
    """Deprecated: list security groups, ``GET /os-security-groups`` (200), in one page.

    Raises:
        MicroversionError: the client sends 2.36 or later.

    Example:
        >>> for group in secgroups.list(compute).items():  # doctest: +SKIP
        ...     print(group.id, group.name)
    """
    _proxy(client, "list")
    url = wire.url(client, "os-security-groups", query=opts, of=ListOpts)
    return Pager(client, url, SecurityGroupPage)


def list_by_server(client: ServiceClient, server_id: str) -> Pager[SecurityGroup]:
    """Deprecated: a server's security groups, ``GET /servers/{server_id}/os-security-groups``.

    Answers 200, in one page; available at every microversion.

    Example:
        >>> [g.name for g in secgroups.list_by_server(compute, server_id).items()]  # doctest: +SKIP
        ['default']
    """
    warn_deprecated("list_by_server")
    url = client.service_url("servers", check_id("server_id", server_id), "os-security-groups")
    return Pager(client, url, SecurityGroupPage)


def get(client: ServiceClient, security_group_id: str) -> GetResult:
    """Deprecated: show a group, ``GET /os-security-groups/{security_group_id}`` (200).

    Raises:
        MicroversionError: the client sends 2.36 or later.

    Example:
        >>> secgroups.get(compute, group_id).extract().rules  # doctest: +SKIP
    """
    _proxy(client, "get")
    url = _group_url(client, security_group_id)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class CreateOpts:
    """Deprecated: a new security group; Nova requires both a name and a description.

    Example:
        >>> opts = CreateOpts(name="json-test", description="description")
        >>> wire.build_body(opts, "security_group", client=None)
        {'security_group': {'name': 'json-test', 'description': 'description'}}
    """

    name: str = attrs.field(metadata=wire.body("name", required=True, encode=_text("name")))
    description: str = attrs.field(
        metadata=wire.body("description", required=True, encode=_text("description"))
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Deprecated: create a security group, ``POST /os-security-groups`` (200).

    Raises:
        MicroversionError: the client sends 2.36 or later.

    Example:
        >>> group = secgroups.create(compute, CreateOpts(name="web",  # doctest: +SKIP
        ...                          description="web servers")).extract()
    """
    body = wire.build_body(opts, "security_group", client=client, of=CreateOpts)
    _proxy(client, "create")
    url = client.service_url("os-security-groups")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """Deprecated: a security group's new name and description (Nova requires both).

    Example:
        >>> opts = UpdateOpts(name="renamed", description="new")
        >>> wire.build_body(opts, "security_group", client=None)
        {'security_group': {'name': 'renamed', 'description': 'new'}}
    """

    name: str = attrs.field(metadata=wire.body("name", required=True, encode=_text("name")))
    description: str = attrs.field(
        metadata=wire.body("description", required=True, encode=_text("description"))
    )


def update(client: ServiceClient, security_group_id: str, opts: UpdateOpts) -> UpdateResult:
    """Deprecated: rename a group, ``PUT /os-security-groups/{security_group_id}`` (200).

    Raises:
        MicroversionError: the client sends 2.36 or later.

    Example:
        >>> secgroups.update(compute, group_id, UpdateOpts(name="web",  # doctest: +SKIP
        ...                  description="web servers")).extract()
    """
    url = _group_url(client, security_group_id)
    body = wire.build_body(opts, "security_group", client=client, of=UpdateOpts)
    _proxy(client, "update")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, security_group_id: str) -> DeleteResult:
    """Deprecated: delete a group, ``DELETE /os-security-groups/{security_group_id}`` (202).

    Raises:
        MicroversionError: the client sends 2.36 or later.

    Example:
        >>> secgroups.delete(compute, group_id).extract_err()  # doctest: +SKIP
    """
    url = _group_url(client, security_group_id)
    _proxy(client, "delete")
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


@attrs.frozen(kw_only=True)
class CreateRuleOpts:
    """Deprecated: a rule to add to the group ``parent_group_id``.

    ``ip_protocol`` is ``tcp``, ``udp`` or ``icmp``; ``from_port`` and ``to_port`` are the
    port range (for ICMP the type and code, ``-1`` for any). Traffic comes from ``cidr``
    or from the members of ``group_id``, not both.

    Example:
        >>> opts = CreateRuleOpts(parent_group_id="21111111-1111-1111-1111-111111111112",
        ...     ip_protocol="tcp", from_port=22, to_port=22, cidr="10.0.0.0/24")
        >>> wire.build_body(opts, "security_group_rule", client=None)
        {'security_group_rule': {'parent_group_id': '21111111-1111-1111-1111-111111111112', \
'ip_protocol': 'tcp', 'from_port': 22, 'to_port': 22, 'cidr': '10.0.0.0/24'}}
    """

    parent_group_id: str = attrs.field(metadata=wire.body("parent_group_id", required=True))
    ip_protocol: str | None = attrs.field(default=None, metadata=wire.body("ip_protocol"))
    from_port: int | None = attrs.field(
        default=None, metadata=wire.body("from_port", encode=_port("from_port"))
    )
    to_port: int | None = attrs.field(
        default=None, metadata=wire.body("to_port", encode=_port("to_port"))
    )
    cidr: str | None = attrs.field(default=None, metadata=wire.body("cidr"))
    group_id: str | None = attrs.field(default=None, metadata=wire.body("group_id"))


def _check_rule(opts: CreateRuleOpts) -> None:
    """The checks of a rule that involve several fields."""
    protocol = opts.ip_protocol
    if protocol is not None and str(protocol).lower() not in _PROTOCOLS:
        raise ValueError(f"ip_protocol is tcp, udp or icmp, not {protocol!r}")
    if opts.cidr is not None and opts.group_id is not None:
        raise ValueError("give CreateRuleOpts.cidr or .group_id, not both")
    if (
        isinstance(opts.from_port, int)
        and isinstance(opts.to_port, int)
        and str(protocol).lower() in ("tcp", "udp")
        and opts.to_port < opts.from_port
    ):
        raise ValueError(f"to_port {opts.to_port} is below from_port {opts.from_port}")


def create_rule(client: ServiceClient, opts: CreateRuleOpts) -> CreateRuleResult:
    """Deprecated: add a rule, ``POST /os-security-group-rules`` (200).

    Raises:
        MicroversionError: the client sends 2.36 or later.

    Example:
        >>> rule = secgroups.create_rule(compute, CreateRuleOpts(  # doctest: +SKIP
        ...     parent_group_id=group_id, ip_protocol="tcp", from_port=22, to_port=22,
        ...     cidr="0.0.0.0/0")).extract()
    """
    _check_rule(wire.checked(opts, CreateRuleOpts))
    body = wire.build_body(opts, "security_group_rule", client=client, of=CreateRuleOpts)
    _proxy(client, "create_rule")
    url = client.service_url("os-security-group-rules")
    return client.call(CreateRuleResult, "POST", url, json=body, ok_codes=(200,))


def delete_rule(client: ServiceClient, rule_id: str) -> DeleteRuleResult:
    """Deprecated: delete a rule, ``DELETE /os-security-group-rules/{rule_id}`` (202).

    Raises:
        MicroversionError: the client sends 2.36 or later.

    Example:
        >>> secgroups.delete_rule(compute, rule_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("os-security-group-rules", check_id("rule_id", rule_id))
    _proxy(client, "delete_rule")
    return client.call(DeleteRuleResult, "DELETE", url, ok_codes=(202,))


def _server_action(
    client: ServiceClient, server_id: str, action: str, group_name: str
) -> ActionResult:
    url = client.service_url("servers", check_id("server_id", server_id), "action")
    body = {action: {"name": _text("a security group name")(group_name)}}
    return client.call(ActionResult, "POST", url, json=body, ok_codes=(202,))


def add_server(client: ServiceClient, server_id: str, group_name: str) -> ActionResult:
    """Deprecated: add a server to a group, ``addSecurityGroup`` (202).

    ``POST /servers/{server_id}/action``; available at every microversion.

    Example:
        >>> secgroups.add_server(compute, server_id, "web").extract_err()  # doctest: +SKIP
    """
    warn_deprecated("add_server")
    return _server_action(client, server_id, "addSecurityGroup", group_name)


def remove_server(client: ServiceClient, server_id: str, group_name: str) -> ActionResult:
    """Deprecated: remove a server from a group, ``removeSecurityGroup`` (202).

    ``POST /servers/{server_id}/action``; available at every microversion.

    Example:
        >>> secgroups.remove_server(compute, server_id, "web").extract_err()  # doctest: +SKIP
    """
    warn_deprecated("remove_server")
    return _server_action(client, server_id, "removeSecurityGroup", group_name)


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "CreateRuleOptsBuilder": (CreateRuleOpts, "CreateRuleOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
