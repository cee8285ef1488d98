"""Every integer option field of every service is checked the same way, before sending.

The table is the option classes themselves (every attrs class with wire fields in the
``requests`` and ``actions`` modules): each field that takes an ``int`` is one case, so a
new service is covered without editing this file. One rule (``_wire.check_int``) checks
them all: a bool, a float or a string is refused with a ``ValueError`` that names
``Class.field``; so is a number below the field's smallest value (0, unless
:data:`SMALLEST` or a quota's -1 says otherwise), which itself goes out as an integer.
The few fields with a rule of their own (:data:`OWN_RULES`) still refuse wrong types.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

import attrs
import pytest

from oscloud import _wire as wire
from tests.unit.helpers.operations import key, option_classes, options
from tests.unit.helpers.operations import wire as wire_of

#: Fields that take any integer: nothing to check (a negative boot index: not bootable).
UNCHECKED = frozenset({"servers.BlockDevice.boot_index"})

#: Fields with a rule of their own (a range, or a time that may also be a datetime):
#: a wrong type is still refused before sending, in their own words.
OWN_RULES = frozenset(
    {
        "secgroups.CreateRuleOpts.from_port",  # -1 to 65535 (-1: every ICMP type)
        "secgroups.CreateRuleOpts.to_port",
        "objects.UploadOpts.delete_at",  # Unix seconds or a datetime
        "objects.UpdateOpts.delete_at",
    }
)

#: The smallest value of the fields that take the shared rule with another minimum.
SMALLEST = {
    "flavors.CreateOpts.ram": 1,
    "flavors.CreateOpts.vcpus": 1,
    "servers.BlockDevice.volume_size": 1,
    "servers.CreateOpts.min_count": 1,
    "servers.CreateOpts.max_count": 1,
    "volumes.CreateOpts.size": 1,
    "containers.ListOpts.limit": 1,
    "objects.ListOpts.limit": 1,
}


def _smallest(name: str) -> int:
    if name.startswith("quotasets.UpdateOpts."):
        return -1  # unlimited
    return SMALLEST.get(name, 0)


def _admits_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    origin = typing.get_origin(annotation)
    return origin in (typing.Union, types.UnionType) and int in typing.get_args(annotation)


def _integer_fields() -> list[tuple[type, str]]:
    found = []
    for cls in option_classes():
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            if wire_of(field) is not None and _admits_int(hints[field.name]):
                found.append((cls, field.name))
    return found


FIELDS = _integer_fields()


def _name(cls: type, field: str) -> str:
    return f"{key(cls)}.{field}"


def _build(cls: type, field: str, value: Any) -> Any:
    """What the builders make of ``cls(field=value)`` where that field goes."""
    opts = options(cls, **{field: value})
    found = wire_of(attrs.fields_dict(cls)[field])
    assert found is not None
    build = {"body": wire.build_body, "query": wire.build_query, "header": wire.build_headers}
    return build[found.location](opts, client=None)


def test_the_table_covers_every_service_that_has_options() -> None:
    packages = {cls.__module__.split(".")[2] for cls, _ in FIELDS}

    assert packages == {"compute", "blockstorage", "objectstorage"}
    assert len(FIELDS) >= 60


_IDS = [_name(cls, field) for cls, field in FIELDS]


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=_IDS)
@pytest.mark.parametrize("value", [True, 1.5, 2.0, "10", "ten"], ids=repr)
def test_a_bool_a_float_or_a_string_is_refused_naming_the_field(
    cls: type, field: str, value: Any
) -> None:
    name = _name(cls, field)
    if name in UNCHECKED:
        pytest.skip(f"{name} takes any integer")

    with pytest.raises((ValueError, TypeError)) as raised:
        _build(cls, field, value)

    if name not in OWN_RULES:
        assert str(raised.value).startswith(f"{cls.__name__}.{field} must be an integer, not ")


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=_IDS)
def test_below_the_smallest_value_is_refused_naming_the_field(cls: type, field: str) -> None:
    name = _name(cls, field)
    if name in UNCHECKED or name in OWN_RULES:
        pytest.skip(f"{name} has a rule of its own")
    smallest = _smallest(name)

    built = _build(cls, field, smallest)

    assert str(smallest) in repr(built)
    expected = f"{cls.__name__}.{field} must be at least {smallest}, not {smallest - 1}"
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
        _build(cls, field, smallest - 1)


def test_the_shared_rule_names_the_field_and_the_problem() -> None:
    from oscloud.openstack.blockstorage.v3 import volumes
    from oscloud.openstack.compute.v2 import servers

    with pytest.raises(ValueError, match=r"^ListOpts\.limit must be at least 0, not -1$"):
        wire.build_query(servers.ListOpts(limit=-1), client=None)
    with pytest.raises(
        ValueError, match=r"^ListOpts\.limit must be an integer, not 'ten' \(a str\)$"
    ):
        wire.build_query(servers.ListOpts(limit="ten"), client=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^ListOpts\.offset must be at least 0, not -1$"):
        wire.build_query(volumes.ListOpts(offset=-1), client=None)
    with pytest.raises(ValueError, match=r"^CreateOpts\.min_count must be at least 1, not -1$"):
        wire.build_body(servers.CreateOpts(name="a", flavor_ref="1", min_count=-1), client=None)
