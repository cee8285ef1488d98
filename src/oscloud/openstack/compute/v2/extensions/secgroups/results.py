"""Models and results of the legacy security group API (deprecated).

Deprecated: Nova's ``os-security-groups`` and ``os-security-group-rules`` proxy APIs are
gone from compute microversion 2.36; use the Networking service's security groups.
"""

from __future__ import annotations

import builtins
import warnings
from collections.abc import Callable
from typing import Any, Final

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
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
    "RuleResult",
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


def _text_id(value: Any) -> str:
    """An id or a project id: a UUID with Neutron, a number (here as text) with nova-network."""
    if isinstance(value, str):
        return value
    return str(read.integer(value))


@model
@attrs.frozen(kw_only=True)
class RuleGroup(Model):
    """Deprecated: the security group a rule lets traffic from.

    Example:
        >>> RuleGroup.from_json({"name": "web", "tenant_id": "openstack"})
        RuleGroup(name='web', tenant_id='openstack')
    """

    name: str
    tenant_id: str | None = None


def _rule_group(value: Any) -> RuleGroup | None:
    """A rule's ``group``: ``{}`` when the rule has a CIDR instead."""
    if not value:
        return None
    group: RuleGroup = RuleGroup.from_json(value)
    return group


def _cidr(data: Any) -> str | None:
    """``ip_range.cidr`` (``ip_range`` is ``{}`` when the rule names a group instead)."""
    ip_range = read.mapping(data.get("ip_range"))
    cidr = ip_range.get("cidr")
    return None if cidr is None else read.text(cidr)


@model
@attrs.frozen(kw_only=True)
class Rule(Model):
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

    id: str = field(read=_text_id)
    parent_group_id: str = field(read=_text_id)
    ip_protocol: str | None = None
    from_port: int | None = field(read=read.optional_integer, default=None)
    to_port: int | None = field(read=read.optional_integer, default=None)
    cidr: str | None = field(whole=True, read=_cidr, default=None)
    group: RuleGroup | None = field(read=_rule_group, default=None)


# from_json comes from @model, which mypy does not see.
_rules: Callable[[Any], tuple[Rule, ...]]
_rules = read.tuple_of(Rule)


@model
@attrs.frozen(kw_only=True)
class SecurityGroup(Model):
    """Deprecated: a security group as Nova's proxy API shows it.

    ``id`` is a UUID with Neutron (a number, here as text, with nova-network).

    Example:
        >>> group = SecurityGroup.from_json({"id": 1, "name": "default",
        ...     "description": "default", "rules": [], "tenant_id": "6f70656e"})
        >>> group.id, group.name, group.rules
        ('1', 'default', ())
    """

    id: str = field(read=_text_id)
    name: str
    description: str | None = None
    tenant_id: str | None = field(read=_text_id, default=None)
    rules: tuple[Rule, ...] = field(read=_rules, default=())


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


class RuleResult(Result[Rule]):
    """Deprecated: a response whose ``security_group_rule`` member is a :class:`Rule`.

    Example:
        >>> RuleResult(body={"security_group_rule": {"id": "r1",
        ...     "parent_group_id": "g1", "ip_protocol": "tcp"}}).extract().ip_protocol
        'tcp'
    """

    resource_key = "security_group_rule"
    model = Rule

    __slots__ = ()


GetResult = SecurityGroupResult
CreateResult = SecurityGroupResult
UpdateResult = SecurityGroupResult
CreateRuleResult = RuleResult
DeleteResult = ErrResult
DeleteRuleResult = ErrResult
ActionResult = ErrResult


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
