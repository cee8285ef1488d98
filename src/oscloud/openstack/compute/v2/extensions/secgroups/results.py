"""Models and results of the legacy security group API (deprecated).

Deprecated: Nova's ``os-security-groups`` and ``os-security-group-rules`` proxy APIs are
gone from compute microversion 2.36; use the Networking service's security groups.
"""

from __future__ import annotations

import builtins
import warnings
from collections.abc import Mapping
from typing import Any, Final

import attrs

from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "ActionResult",
    "CreateResult",
    "CreateRuleResult",
    "DeleteResult",
    "DeleteRuleResult",
    "GetResult",
    "Rule",
    "RuleGroup",
    "SecurityGroup",
    "SecurityGroupPage",
    "SecurityGroupResult",
    "UpdateResult",
    "extract_security_groups",
]

#: Why everything here is deprecated, and what to use instead.
DEPRECATION: Final = (
    "Nova's os-security-groups proxy API is deprecated (gone from compute microversion "
    "2.36); use the Networking service's security groups instead"
)


def warn_deprecated(name: str, stacklevel: int = 3) -> None:
    """Emit the :class:`DeprecationWarning` of ``secgroups.<name>``.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn_deprecated("list", stacklevel=1)
        >>> caught[0].category.__name__, str(caught[0].message)[:30]
        ('DeprecationWarning', 'secgroups.list is deprecated: ')
    """
    warnings.warn(
        f"secgroups.{name} is deprecated: {DEPRECATION}", DeprecationWarning, stacklevel=stacklevel
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _port(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"a port is an integer, not {value!r}")
    return int(value)


@attrs.frozen(kw_only=True)
class RuleGroup:
    """Deprecated: the security group a rule lets traffic from.

    Example:
        >>> RuleGroup.from_json({"name": "web", "tenant_id": "openstack"})
        RuleGroup(name='web', tenant_id='openstack')
    """

    name: str
    tenant_id: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RuleGroup | None:
        """Read a rule's ``group`` (``{}`` when the rule has a CIDR instead)."""
        if not data:
            return None
        return cls(name=data["name"], tenant_id=data.get("tenant_id"))


@attrs.frozen(kw_only=True)
class Rule:
    """Deprecated: one rule of a legacy security group.

    Traffic of ``ip_protocol`` on ports ``from_port`` to ``to_port`` (ICMP type and code)
    is let in from ``cidr`` or from the members of ``group``.

    Example:
        >>> rule = Rule.from_json({"id": "00000000", "parent_group_id": "11111111",
        ...     "ip_protocol": "tcp", "from_port": 22, "to_port": 22,
        ...     "ip_range": {"cidr": "10.0.0.0/24"}, "group": {}})
        >>> rule.cidr, rule.from_port, rule.group
        ('10.0.0.0/24', 22, None)
    """

    id: str
    parent_group_id: str
    ip_protocol: str | None = None
    from_port: int | None = None
    to_port: int | None = None
    cidr: str | None = None
    group: RuleGroup | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Rule:
        """Read one ``security_group_rule`` object."""
        return cls(
            id=str(data["id"]),
            parent_group_id=str(data["parent_group_id"]),
            ip_protocol=data.get("ip_protocol"),
            from_port=_port(data.get("from_port")),
            to_port=_port(data.get("to_port")),
            cidr=(data.get("ip_range") or {}).get("cidr"),
            group=RuleGroup.from_json(data.get("group") or {}),
        )


@attrs.frozen(kw_only=True)
class SecurityGroup:
    """Deprecated: a security group as Nova's proxy API shows it.

    ``id`` is a UUID with Neutron (a number, here as text, with nova-network).

    Example:
        >>> group = SecurityGroup.from_json({"id": 1, "name": "default",
        ...     "description": "default", "rules": [], "tenant_id": "6f70656e"})
        >>> group.id, group.name, group.rules
        ('1', 'default', ())
    """

    id: str
    name: str
    description: str | None = None
    tenant_id: str | None = None
    rules: tuple[Rule, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SecurityGroup:
        """Read one ``security_group`` object."""
        return cls(
            id=str(data["id"]),
            name=data["name"],
            description=data.get("description"),
            tenant_id=_str_or_none(data.get("tenant_id")),
            rules=tuple(Rule.from_json(rule) for rule in data.get("rules") or ()),
        )


class SecurityGroupResult(Result[SecurityGroup]):
    """Deprecated: a response whose ``security_group`` member is a :class:`SecurityGroup`.

    Example:
        >>> SecurityGroupResult(body={"security_group": {"id": 1, "name": "default"}}
        ...                     ).extract().id
        '1'
    """

    resource_key = "security_group"
    model = SecurityGroup

    __slots__ = ()


class GetResult(SecurityGroupResult):
    """Deprecated: the result of ``secgroups.get``.

    Example:
        >>> GetResult(body={"security_group": {"id": 1, "name": "default"}}).extract().name
        'default'
    """

    __slots__ = ()


class CreateResult(SecurityGroupResult):
    """Deprecated: the result of ``secgroups.create``.

    Example:
        >>> CreateResult(body={"security_group": {"id": 2, "name": "json-test"}}).extract().id
        '2'
    """

    __slots__ = ()


class UpdateResult(SecurityGroupResult):
    """Deprecated: the result of ``secgroups.update``.

    Example:
        >>> UpdateResult(body={"security_group": {"id": 2, "name": "renamed"}}).extract().name
        'renamed'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """Deprecated: the result of ``secgroups.delete``.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class CreateRuleResult(Result[Rule]):
    """Deprecated: the result of ``secgroups.create_rule``.

    Example:
        >>> CreateRuleResult(body={"security_group_rule": {"id": "r1",
        ...     "parent_group_id": "g1", "ip_protocol": "tcp"}}).extract().ip_protocol
        'tcp'
    """

    resource_key = "security_group_rule"
    model = Rule

    __slots__ = ()


class DeleteRuleResult(ErrResult):
    """Deprecated: the result of ``secgroups.delete_rule``.

    Example:
        >>> DeleteRuleResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class ActionResult(ErrResult):
    """Deprecated: the result of ``secgroups.add_server`` and ``secgroups.remove_server``.

    Example:
        >>> ActionResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class SecurityGroupPage(SinglePage[SecurityGroup]):
    """Deprecated: security groups (``security_groups``), in one page.

    Example:
        >>> page = SecurityGroupPage(url="u", body={"security_groups": [
        ...     {"id": 1, "name": "default", "rules": []}]})
        >>> [g.name for g in page.extract()]
        ['default']
    """

    resource_key = "security_groups"
    model = SecurityGroup

    __slots__ = ()


def extract_security_groups(page: Page[SecurityGroup]) -> builtins.list[SecurityGroup]:
    """Deprecated: the security groups of a page.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     extract_security_groups(SecurityGroupPage(url="u", body={"security_groups": []}))
        []
    """
    warn_deprecated("extract_security_groups")
    return page.extract()
