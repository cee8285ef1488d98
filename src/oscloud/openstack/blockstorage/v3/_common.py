"""Pieces shared by the block storage v3 resource packages.

- :class:`Link`: the ``{"href", "rel"}`` links Cinder puts on resources.
- :func:`require_microversion`: refuse, before any request, what the client's microversion
  does not have.
- :func:`checked_metadata`, :func:`metadata_filter` and :func:`sort_param`: input checks
  and Cinder's own query forms, run while a request is built.

Values are read with :mod:`oscloud._readers` (``read.boolean`` takes Cinder's ``"true"``,
``read.integer`` its ``"10"``), and microversions are declared in the option fields'
metadata (``wire.query(..., min_version=...)``).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence

from oscloud._wire import NullType
from oscloud.openstack._common import METADATA_LIMIT, Link, checked_metadata, describe_value
from oscloud.service import ServiceClient

__all__ = [
    "METADATA_LIMIT",
    "Link",
    "NullType",
    "checked_metadata",
    "metadata_filter",
    "require_microversion",
    "sort_param",
]

#: The type of :data:`oscloud.NULL`, for options that may send an explicit null.


_SORT_DIRS = ("asc", "desc")


def require_microversion(client: ServiceClient, version: str, feature: str) -> None:
    """Raise, before any request, when ``client`` does not send ``version`` or newer.

    See :meth:`oscloud.ServiceClient.require_microversion`.

    Example:
        >>> from oscloud.provider import ProviderClient
        >>> client = ServiceClient(provider=ProviderClient(), endpoint="https://c/v3/p",
        ...                        type="block-storage")
        >>> require_microversion(client.with_microversion("3.27"), "3.27", "attachments")
    """
    client.require_microversion(version, feature)


def metadata_filter(metadata: Mapping[str, str]) -> str:
    """Encode a metadata filter as Cinder reads it: a Python ``dict`` literal.

    Cinder evaluates the ``metadata`` (and ``glance_metadata``) query parameter as a
    literal, so ``{"k": "v"}`` is sent as ``metadata={'k': 'v'}``.

    Raises:
        ValueError: a key or value is not a string (see :func:`checked_metadata`).

    Example:
        >>> metadata_filter({"readonly": "True", "env": "prod"})
        "{'readonly': 'True', 'env': 'prod'}"
    """
    return repr(checked_metadata(metadata))


def sort_param(sort: str | Sequence[str]) -> str:
    """Encode Cinder's ``sort`` parameter: ``key[:asc|desc]`` items joined by commas.

    A single string is one item (``"size:desc"``); a sequence gives several, in order.

    Raises:
        ValueError: an item has no key or a direction other than ``asc`` or ``desc``.

    Example:
        >>> sort_param(["size:desc", "name"])
        'size:desc,name'
        >>> sort_param("created_at:up")
        Traceback (most recent call last):
        ...
        ValueError: sort direction of 'created_at:up' must be 'asc' or 'desc'
    """
    items = [sort] if isinstance(sort, str) else builtins.list(sort)
    if not items:
        raise ValueError("sort needs at least one key")
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"sort items are 'key[:dir]' strings, not {describe_value(item)}")
        key, _, direction = item.partition(":")
        if not key or "," in item:
            raise ValueError(f"sort item {describe_value(item)} must be 'key' or 'key:dir'")
        if direction and direction not in _SORT_DIRS:
            raise ValueError(f"sort direction of {describe_value(item)} must be 'asc' or 'desc'")
    return ",".join(items)
