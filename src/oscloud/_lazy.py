"""Models that read their fields from the JSON object on first access.

A listing builds thousands of models, and most callers read a few fields of each. A
model class made with :func:`lazy_model` keeps the JSON object it was read from and
turns a field into its Python value (a datetime, a tuple of nested models) only when
the field is first read; the value is then kept in the instance. The class stays a
frozen attrs class: ``repr``, ``==``, :func:`attrs.asdict` and :func:`attrs.evolve`
read every field, and an instance made with the class's ``__init__`` holds every field
from the start.

The class is an attrs class with ``slots=False`` (values are kept in the instance's
``__dict__``) and a ``readers`` mapping, from field name to a function of the JSON
object. A field the JSON object cannot give raises
:class:`~oscloud.errors.InvalidResponseError` when it is read.

Example:
    >>> import attrs
    >>> @lazy_model
    ... @attrs.frozen(slots=False)
    ... class Item(LazyFields):
    ...     id: str
    ...     size: int = 0
    ...     readers = {"size": lambda data: int(data.get("size") or 0)}
    >>> item = Item.from_json({"id": "a", "size": "3"})
    >>> item.size, item
    (3, Item(id='a', size=3))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar, cast

import attrs

from oscloud.results import READ_ERRORS, unreadable

__all__ = ["LazyFields", "Reader", "lazy_model"]

#: Reads one field's value from a JSON object.
Reader = Callable[[Mapping[str, Any]], Any]

_SOURCE = "_source"

M = TypeVar("M", bound="LazyFields")
C = TypeVar("C", bound="type[LazyFields]")


class LazyFields:
    """Base of a model whose fields in ``readers`` are read on first access.

    ``key`` names the one field read at once, by ``from_json``: the model's identity,
    whose JSON member has the same name (``id``, ``name``). A model without an identity
    (one read from response headers) has ``key = None``: every field is read when used.

    Example:
        >>> LazyFields.readers
        {}
    """

    readers: ClassVar[Mapping[str, Reader]] = {}
    key: ClassVar[str | None] = "id"

    @classmethod
    def from_json(cls: type[M], data: Mapping[str, Any]) -> M:
        """Read a model from its JSON object: ``key`` at once, the other fields when used.

        ``data`` without ``key`` raises ``KeyError``, as any model's ``from_json`` does
        for a member it needs, and ``data`` that is not a mapping ``TypeError``. No attrs
        validator or converter runs: the readers do what they would.

        Example:
            >>> LazyFields.from_json({"id": "a", "name": "b"}).__dict__
            {'_source': {'id': 'a', 'name': 'b'}, 'id': 'a'}
        """
        model = object.__new__(cls)  # this runs for every item of a listing: kept short
        state = model.__dict__
        state[_SOURCE] = data
        key = cls.key
        if key is not None:
            state[key] = data[key]
        elif not isinstance(data, Mapping):
            raise TypeError(f"{cls.__name__}: a mapping, not {type(data).__name__}")
        return model


class _LazyField:
    """Reads one field from the instance's JSON object the first time it is asked for.

    It is a non-data descriptor: once the value is in the instance's ``__dict__``, Python
    finds it there and never calls the descriptor again.
    """

    __slots__ = ("name", "read")

    def __init__(self, name: str, read: Reader) -> None:
        self.name = name
        self.read = read

    def __get__(self, model: object, owner: type | None = None) -> Any:
        if model is None:
            return self
        state = model.__dict__
        try:
            source = state[_SOURCE]
        except KeyError:
            raise AttributeError(self.name) from None
        try:
            value = self.read(source)
        except READ_ERRORS as err:
            raise unreadable(f"{type(model).__name__}.{self.name}", err) from err
        state[self.name] = value
        return value


def lazy_model(cls: C) -> C:
    """Give each field named in ``cls.readers`` a reader that runs on first access.

    Apply it on top of ``@attrs.frozen(slots=False)``. Every field but ``key`` needs a
    reader, and every reader a field: anything else is a ``TypeError``.

    Example:
        >>> @lazy_model
        ... @attrs.frozen(slots=False)
        ... class Bad(LazyFields):
        ...     id: str
        ...     readers = {"idd": lambda data: data["id"]}
        Traceback (most recent call last):
        ...
        TypeError: Bad.readers names 'idd', which is not one of its fields
    """
    fields = attrs.fields_dict(cast("type[attrs.AttrsInstance]", cls))
    for name, read in cls.readers.items():
        if name not in fields:
            raise TypeError(
                f"{cls.__name__}.readers names {name!r}, which is not one of its fields"
            )
        setattr(cls, name, _LazyField(name, read))
    unread = sorted(set(fields) - set(cls.readers) - {cls.key})
    if unread:
        raise TypeError(f"{cls.__name__} has no reader for {', '.join(unread)}")
    return cls
