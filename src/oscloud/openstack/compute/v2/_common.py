"""Pieces shared by the compute v2 resource packages.

- :class:`Link`: the ``{"href", "rel"}`` links Nova puts on every resource.
- :func:`checked_metadata` and :func:`checked_tags`: input checks run while a request
  body is built, so malformed input raises before anything is sent.
- :func:`require_microversion`: refuse, before any request, an operation the client's
  microversion does not have.
- :class:`WaitTimeoutError` and :class:`ResourceErrorStateError`: how waiting for a
  status ends when it does not succeed.
"""

from __future__ import annotations

import base64
import builtins
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from oscloud._wait import ResourceErrorStateError, WaitTimeoutError
from oscloud._wire import _Null
from oscloud.errors import MicroversionError
from oscloud.service import ServiceClient

__all__ = [
    "METADATA_LIMIT",
    "TAG_LIMIT",
    "Link",
    "NullType",
    "ResourceErrorStateError",
    "WaitTimeoutError",
    "base64_user_data",
    "checked_metadata",
    "checked_tag",
    "checked_tags",
    "require_microversion",
]

#: The type of :data:`oscloud.NULL`, for annotating options that may send an explicit null.
NullType = _Null

#: The longest metadata key or value Nova accepts (characters).
METADATA_LIMIT = 255

#: The longest server tag Nova accepts (characters).
TAG_LIMIT = 60


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


def _describe(text: object) -> str:
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
            raise ValueError(f"metadata keys must be non-empty strings, not {_describe(key)}")
        if len(key) > METADATA_LIMIT:
            raise ValueError(
                f"metadata key {_describe(key)} is {len(key)} characters long; "
                f"the limit is {METADATA_LIMIT}"
            )
        if not isinstance(value, str):
            raise ValueError(
                f"metadata value of {_describe(key)} must be a string, not {type(value).__name__}"
            )
        if len(value) > METADATA_LIMIT:
            raise ValueError(
                f"metadata value of {_describe(key)} is {len(value)} characters long; "
                f"the limit is {METADATA_LIMIT}"
            )
    return dict(metadata)


def checked_tag(tag: object) -> str:
    """Check one server tag: a non-empty string of at most 60 characters, no ``/`` or ``,``.

    Raises:
        ValueError: the tag breaks those rules.

    Example:
        >>> checked_tag("web")
        'web'
        >>> checked_tag("a,b")
        Traceback (most recent call last):
        ...
        ValueError: a tag must not contain '/' or ',': 'a,b'
    """
    if not isinstance(tag, str) or not tag:
        raise ValueError(f"a tag must be a non-empty string, not {_describe(tag)}")
    if "/" in tag or "," in tag:
        raise ValueError(f"a tag must not contain '/' or ',': {_describe(tag)}")
    if len(tag) > TAG_LIMIT:
        raise ValueError(f"tag {_describe(tag)} is longer than {TAG_LIMIT} characters")
    return tag


def checked_tags(tags: Iterable[str]) -> builtins.list[str]:
    """Check a list of server tags with :func:`checked_tag`; return it as a ``list``.

    Example:
        >>> checked_tags(("web", "prod"))
        ['web', 'prod']
    """
    if isinstance(tags, str):
        raise ValueError("tags must be a list of strings, not one string")
    return [checked_tag(tag) for tag in tags]


def require_microversion(client: ServiceClient, version: str, feature: str) -> None:
    """Raise, before any request, when ``client`` does not send ``version`` or newer.

    Raises:
        MicroversionError: the client's microversion is older (or not set).

    Example:
        >>> from oscloud.provider import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://n/",
        ...                        type="compute")
        >>> require_microversion(client.with_microversion("2.26"), "2.26", "server tags")
        >>> require_microversion(client, "2.26", "server tags")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        oscloud.errors.MicroversionError: server tags need compute microversion 2.26 or later; ...
    """
    if client.microversion_at_least(version):
        return
    sent = client.microversion or "none"
    raise MicroversionError(
        f"{feature} need compute microversion {version} or later; the client sends "
        f'{sent} (use client.with_microversion("{version}"))'
    )


def base64_user_data(data: bytes | str) -> str:
    """Encode user data for Nova: base64 of the bytes (a ``str`` is taken as UTF-8).

    Example:
        >>> base64_user_data('echo "hello world"')
        'ZWNobyAiaGVsbG8gd29ybGQi'
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ValueError(f"user_data must be bytes or str, not {type(data).__name__}")
    return base64.b64encode(bytes(data)).decode("ascii")
