"""Finding one resource by name in a listing: one rule for every service."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from oscloud.errors import MultipleResourcesFoundError, ResourceNotFoundError

__all__ = ["find_one"]

T = TypeVar("T")


def find_one(items: Iterable[T], name: str, *, kind: str, name_of: Callable[[T], str | None]) -> T:
    """Return the one item whose name is exactly ``name``.

    Raises:
        ResourceNotFoundError: none has that name.
        MultipleResourcesFoundError: several have it (the message lists their ids when the
            items have an ``id``).

    Example:
        >>> find_one([{"name": "a"}, {"name": "b"}], "b", kind="server",
        ...          name_of=lambda s: s["name"])
        {'name': 'b'}
        >>> find_one([], "web", kind="server", name_of=lambda s: s)
        Traceback (most recent call last):
        ...
        oscloud.errors.ResourceNotFoundError: no server named 'web'
    """
    matches = [item for item in items if name_of(item) == name]
    if not matches:
        raise ResourceNotFoundError(f"no {kind} named {name!r}")
    if len(matches) > 1:
        ids = ", ".join(str(getattr(m, "id", "?")) for m in matches)
        raise MultipleResourcesFoundError(f"{len(matches)} {kind}s are named {name!r}: {ids}")
    return matches[0]
