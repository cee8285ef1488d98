"""Helpers shared by the OpenStack service packages: links and metadata checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["METADATA_LIMIT", "Link", "checked_metadata", "describe_value"]

#: The longest metadata key or value Nova and Cinder accept (characters).
METADATA_LIMIT = 255


@attrs.frozen(kw_only=True)
class Link:
    """A link of a resource (``self``, ``bookmark``, ``next``).

    Example:
        >>> Link.from_json({"href": "https://nova.example/v2.1/servers/1", "rel": "self"})
        Link(href='https://nova.example/v2.1/servers/1', rel='self', type=None)
    """

    href: str
    rel: str | None = None
    type: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Link:
        """Read one ``{"href", "rel", "type"}`` object."""
        return cls(href=data["href"], rel=data.get("rel"), type=data.get("type"))

    @classmethod
    def tuple_from_json(cls, data: Iterable[Mapping[str, Any]] | None) -> tuple[Link, ...]:
        """Read a ``links`` list (``None`` gives an empty tuple).

        Example:
            >>> Link.tuple_from_json(None)
            ()
        """
        return tuple(cls.from_json(item) for item in data or ())


def describe_value(text: object) -> str:
    """``repr`` of a value for an error message, cut to 40 characters.

    Example:
        >>> describe_value("x" * 50)
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
    """
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def checked_metadata(metadata: Mapping[str, str]) -> dict[str, str]:
    """Check server or image metadata the way Nova will; return it as a ``dict``.

    Keys are non-empty strings of at most 255 characters; values are strings of at most
    255 characters.

    Raises:
        ValueError: a key or value breaks those rules (the message names the key).

    Example:
        >>> checked_metadata({"My Server Name": "Apache1"})
        {'My Server Name': 'Apache1'}
        >>> checked_metadata({"": "x"})
        Traceback (most recent call last):
        ...
        ValueError: metadata keys must be non-empty strings, not ''
    """
    if not isinstance(metadata, Mapping):
        raise ValueError(f"metadata must be a mapping of strings, not {type(metadata).__name__}")
    for key, value in metadata.items():
        if not isinstance(key, str) or not key:
            raise ValueError(f"metadata keys must be non-empty strings, not {describe_value(key)}")
        if len(key) > METADATA_LIMIT:
            raise ValueError(
                f"metadata key {describe_value(key)} is {len(key)} characters long; "
                f"the limit is {METADATA_LIMIT}"
            )
        if not isinstance(value, str):
            raise ValueError(
                f"metadata value of {describe_value(key)} must be a string, "
                f"not {type(value).__name__}"
            )
        if len(value) > METADATA_LIMIT:
            raise ValueError(
                f"metadata value of {describe_value(key)} is {len(value)} characters long; "
                f"the limit is {METADATA_LIMIT}"
            )
    return dict(metadata)
