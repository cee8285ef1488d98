"""Value readers: one way, for every service, to read a JSON value into a Python one.

A model field names its reader in its declaration (see :mod:`oscloud._model`); the
reader gets the member's value and returns the field's value, or raises ``TypeError`` /
``ValueError`` for a value the API does not document, which the model turns into
:class:`~oscloud.errors.InvalidResponseError`.

The services send the same things in several spellings: Cinder sends sizes as ``"10"``,
booleans as ``"true"``, Nova sends ``""`` for an unset number. The readers accept the
documented spellings and refuse the rest: a boolean is never a number, a fraction is
never an integer, and an infinite or absurd number is never read silently.

Example:
    >>> integer("10"), optional_integer(""), boolean("True"), number(1.5)
    (10, None, True, 1.5)
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, overload

from oscloud._time import to_utc_or_none

__all__ = [
    "boolean",
    "integer",
    "mapping",
    "model",
    "number",
    "optional_boolean",
    "optional_integer",
    "optional_number",
    "strings",
    "text",
    "timestamp",
    "tuple_of",
]

T = TypeVar("T")


def integer(value: Any) -> int:
    """Read a whole number, given as a JSON number or a string of digits.

    Raises:
        TypeError: a boolean, ``None`` or anything else that is not a number.
        ValueError: a fraction, an infinite number, or a string that is not one.

    Example:
        >>> integer(3), integer("10"), integer(10.0)
        (3, 10, 10)
        >>> integer(True)
        Traceback (most recent call last):
        ...
        TypeError: not an integer: True
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"not an integer: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():  # inf and nan are not integers either
            raise ValueError(f"not an integer: {value!r}")
        return int(value)
    if len(value) > 40:
        raise ValueError(f"not an integer: a string of {len(value)} characters")
    return int(value.strip())


def optional_integer(value: Any) -> int | None:
    """Like :func:`integer`, but ``None`` and ``""`` (Nova's "unset") give ``None``.

    Example:
        >>> optional_integer(None), optional_integer(""), optional_integer("2")
        (None, None, 2)
    """
    return None if value is None or value == "" else integer(value)


def number(value: Any) -> float:
    """Read a finite number (a JSON number, or a string of one).

    Raises:
        TypeError: a boolean or anything else that is not a number.
        ValueError: infinite, not a number, or a string that is not one.

    Example:
        >>> number(1), number("0.5")
        (1.0, 0.5)
        >>> number(float("inf"))
        Traceback (most recent call last):
        ...
        ValueError: not a finite number: inf
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"not a number: {value!r}")
    if isinstance(value, str) and len(value) > 40:
        raise ValueError(f"not a number: a string of {len(value)} characters")
    result = float(value)
    if not math.isfinite(result):
        raise ValueError(f"not a finite number: {value!r}")
    return result


def optional_number(value: Any) -> float | None:
    """Like :func:`number`, but ``None`` and ``""`` give ``None``.

    Example:
        >>> optional_number(None), optional_number(2)
        (None, 2.0)
    """
    return None if value is None or value == "" else number(value)


_TRUE = frozenset({"true", "yes", "1", "on"})
_FALSE = frozenset({"false", "no", "0", "off"})


def boolean(value: Any) -> bool:
    """Read a boolean, given as JSON ``true``/``false`` or as a string (Cinder's ``"true"``).

    Raises:
        TypeError: a number, ``None`` or anything else.
        ValueError: a string that is not a boolean.

    Example:
        >>> boolean(True), boolean("false"), boolean("True")
        (True, False, True)
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(f"not a boolean: {value[:40]!r}")
    raise TypeError(f"not a boolean: {value!r}")


def optional_boolean(value: Any) -> bool | None:
    """Like :func:`boolean`, but ``None`` gives ``None``.

    Example:
        >>> optional_boolean(None), optional_boolean("true")
        (None, True)
    """
    return None if value is None else boolean(value)


def text(value: Any) -> str:
    """Read a string; anything else is refused.

    Example:
        >>> text("web")
        'web'
    """
    if not isinstance(value, str):
        raise TypeError(f"not a string: {type(value).__name__}")
    return value


def timestamp(value: Any) -> _dt.datetime | None:
    """Read a timestamp (ISO 8601 with or without zone, RFC 1123, Unix seconds) in UTC.

    ``None`` and ``""`` give ``None``.

    Example:
        >>> timestamp("2024-01-02T03:04:05")
        datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    """
    return to_utc_or_none(value)


def mapping(value: Any) -> dict[str, Any]:
    """Read a JSON object as a new ``dict``; ``None`` gives ``{}``.

    Example:
        >>> mapping({"a": "1"}), mapping(None)
        ({'a': '1'}, {})
    """
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"not a JSON object: {type(value).__name__}")
    return dict(value)


def strings(value: Any) -> tuple[str, ...]:
    """Read a JSON array of strings as a tuple; ``None`` gives ``()``.

    Example:
        >>> strings(["a", "b"])
        ('a', 'b')
    """
    if value is None:
        return ()
    if isinstance(value, (str, Mapping)) or not isinstance(value, (list, tuple)):
        raise TypeError(f"not a JSON array: {type(value).__name__}")
    return tuple(text(item) for item in value)


def model(cls: type[T]) -> Callable[[Any], T | None]:
    """A reader of one nested model (``cls.from_json``); ``None`` gives ``None``.

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Link:
        ...     href: str
        ...     @classmethod
        ...     def from_json(cls, data): return cls(data["href"])
        >>> model(Link)({"href": "h"}), model(Link)(None)
        (Link(href='h'), None)
    """
    build: Callable[[Any], T] = getattr(cls, "from_json")  # noqa: B009 - any model class

    def read(value: Any) -> T | None:
        return None if value is None else build(value)

    return read


@overload
def tuple_of(item: type[T]) -> Callable[[Any], tuple[T, ...]]: ...
@overload
def tuple_of(item: Callable[[Any], T]) -> Callable[[Any], tuple[T, ...]]: ...
def tuple_of(item: Any) -> Callable[[Any], tuple[Any, ...]]:
    """A reader of a JSON array: each item read by ``item`` (a model or a reader).

    ``None`` gives ``()``.

    Example:
        >>> tuple_of(integer)(["1", 2]), tuple_of(integer)(None)
        ((1, 2), ())
    """
    build: Callable[[Any], Any] = getattr(item, "from_json", item)

    def read(value: Any) -> tuple[Any, ...]:
        if value is None:
            return ()
        if isinstance(value, (str, Mapping)) or not isinstance(value, (list, tuple)):
            raise TypeError(f"not a JSON array: {type(value).__name__}")
        return tuple(build(element) for element in value)

    return read
