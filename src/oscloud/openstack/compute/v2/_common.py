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
from collections.abc import Iterable

from oscloud._wire import NullType
from oscloud.errors import ResourceErrorStateError, WaitTimeoutError
from oscloud.openstack._common import METADATA_LIMIT, Link, checked_metadata, describe_value
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


#: The longest server tag Nova accepts (characters).
TAG_LIMIT = 60


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
        raise ValueError(f"a tag must be a non-empty string, not {describe_value(tag)}")
    if "/" in tag or "," in tag:
        raise ValueError(f"a tag must not contain '/' or ',': {describe_value(tag)}")
    if len(tag) > TAG_LIMIT:
        raise ValueError(f"tag {describe_value(tag)} is longer than {TAG_LIMIT} characters")
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

    See :meth:`oscloud.ServiceClient.require_microversion`.

    Example:
        >>> from oscloud.provider import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://n/",
        ...                        type="compute")
        >>> require_microversion(client.with_microversion("2.26"), "2.26", "server tags")
    """
    client.require_microversion(version, feature)


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
