"""The value readers: documented spellings read, anything else refused with TypeError/ValueError."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oscloud import _readers as read


@pytest.mark.parametrize(
    ("value", "expected"), [(3, 3), ("10", 10), (" 7 ", 7), (10.0, 10), (-2, -2), (0, 0)]
)
def test_integer_reads_numbers_and_digit_strings(value: Any, expected: int) -> None:
    assert read.integer(value) == expected


@pytest.mark.parametrize(
    "value", [True, None, 1.5, float("inf"), float("nan"), "ten", [], {}, "9" * 41]
)
def test_integer_refuses_what_is_not_a_whole_number(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        read.integer(value)


def test_optional_readers_give_none_for_unset() -> None:
    assert read.optional_integer("") is None
    assert read.optional_integer(None) is None
    assert read.optional_number("") is None
    assert read.optional_boolean(None) is None


@pytest.mark.parametrize(
    ("value", "expected"), [(True, True), ("false", False), ("True", True), ("0", False)]
)
def test_boolean(value: Any, expected: bool) -> None:
    assert read.boolean(value) is expected


@pytest.mark.parametrize("value", [1, None, "maybe", []])
def test_boolean_refuses_the_rest(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        read.boolean(value)


@pytest.mark.parametrize("value", [float("inf"), "-inf", "nan", True, None, "1" * 50])
def test_number_refuses_infinite_and_non_numbers(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        read.number(value)


def test_containers() -> None:
    assert read.strings(["a"]) == ("a",)
    assert read.strings(None) == ()
    assert read.mapping(None) == {}
    assert read.tuple_of(read.integer)(["1"]) == (1,)
    with pytest.raises(TypeError):
        read.strings("ab")
    with pytest.raises(TypeError):
        read.strings([1])
    with pytest.raises(TypeError):
        read.mapping([("a", 1)])
    with pytest.raises(TypeError):
        read.tuple_of(read.integer)({"a": 1})
    with pytest.raises(TypeError):
        read.text(3)


def test_timestamp_is_aware_utc() -> None:
    assert read.timestamp("2024-01-02T03:04:05Z") == dt.datetime(
        2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc
    )
    assert read.timestamp("") is None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=10,
)


@given(JSON)
def test_every_reader_reads_or_refuses_any_json_value(value: Any) -> None:
    readers = [
        read.integer,
        read.optional_integer,
        read.number,
        read.optional_number,
        read.boolean,
        read.optional_boolean,
        read.text,
        read.mapping,
        read.strings,
        read.tuple_of(read.integer),
    ]
    for reader in readers:
        with contextlib.suppress(TypeError, ValueError):
            reader(value)
