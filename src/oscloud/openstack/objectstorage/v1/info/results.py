"""Models and results of the object storage cluster's capabilities."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.results import Result

__all__ = [
    "BulkDeleteCapabilities",
    "GetResult",
    "Info",
    "InfoResult",
    "SLOCapabilities",
    "TempURLCapabilities",
]


@model
@attrs.frozen(kw_only=True)
class SLOCapabilities(Model):
    """Static large objects (the ``slo`` middleware).

    Example:
        >>> SLOCapabilities.from_json({"max_manifest_segments": 1000,
        ...     "max_manifest_size": 8388608, "min_segment_size": 1}).max_manifest_segments
        1000
    """

    max_manifest_segments: int | None = field(read=read.optional_integer, default=None)
    max_manifest_size: int | None = field(read=read.optional_integer, default=None)
    min_segment_size: int | None = field(read=read.optional_integer, default=None)


@model
@attrs.frozen(kw_only=True)
class BulkDeleteCapabilities(Model):
    """Bulk deletes (the ``bulk_delete`` part of the ``bulk`` middleware).

    Example:
        >>> BulkDeleteCapabilities.from_json({"max_deletes_per_request": 10000,
        ...     "max_failed_deletes": 1000}).max_deletes_per_request
        10000
    """

    max_deletes_per_request: int | None = field(read=read.optional_integer, default=None)
    max_failed_deletes: int | None = field(read=read.optional_integer, default=None)


def _digests(value: Any) -> tuple[str, ...]:
    """``allowed_digests``: older clusters send none, and sign with SHA-1 only."""
    return read.strings(value) or ("sha1",)


@model
@attrs.frozen(kw_only=True)
class TempURLCapabilities(Model):
    """Temporary URLs (the ``tempurl`` middleware).

    ``allowed_digests`` is missing on older clusters, which sign with SHA-1 only.

    Example:
        >>> TempURLCapabilities.from_json({"methods": ["GET", "HEAD", "PUT"],
        ...     "allowed_digests": ["sha256", "sha512"]}).allowed_digests
        ('sha256', 'sha512')
        >>> TempURLCapabilities.from_json({"methods": ["GET"]}).allowed_digests
        ('sha1',)
    """

    methods: tuple[str, ...] = field(read=read.strings, default=())
    allowed_digests: tuple[str, ...] = field(read=_digests, default=("sha1",))


def _swift(key: str, reader: Callable[[Any], Any] | None = None) -> Callable[[Any], Any]:
    """A reader (``whole=True``) of the member ``key`` of the document's ``swift`` object.

    The core's settings sit in ``swift``; a missing or null one reads as ``None``.
    """

    def read_member(document: Mapping[str, Any]) -> Any:
        value = read.mapping(document.get("swift")).get(key)
        return value if value is None or reader is None else reader(value)

    return read_member


@model
@attrs.frozen(kw_only=True)
class Info(Model):
    """What an object storage cluster offers: ``GET /info``.

    The first fields come from the document's ``swift`` member (the core's settings),
    the capabilities of each middleware from its own member.

    Attributes:
        version: the Swift version.
        max_file_size: the largest object a single upload may store; larger ones must be
            large objects.
        container_listing_limit: the most objects one listing page can hold.
        account_listing_limit: the most containers one listing page can hold.
        max_object_name_length: the longest object name, in bytes.
        max_container_name_length: the longest container name, in bytes.
        max_meta_count: the most metadata items per resource.
        slo: static large objects, when the middleware is there.
        bulk_delete: bulk deletes, when the middleware is there.
        tempurl: temporary URLs, when the middleware is there.
        capabilities: the whole document, one member per middleware.

    Example:
        >>> info = Info.from_json({"swift": {"version": "2.31.0", "max_file_size": 5368709122,
        ...     "container_listing_limit": 10000}, "slo": {"max_manifest_segments": 1000},
        ...     "tempurl": {"methods": ["GET"]}, "formpost": {}})
        >>> info.max_file_size, info.has("formpost"), info.has("bulk_delete")
        (5368709122, True, False)
        >>> sorted(info.middleware)
        ['formpost', 'slo', 'swift', 'tempurl']
    """

    version: str | None = field(whole=True, read=_swift("version", read.text), default=None)
    max_file_size: int | None = field(
        whole=True, read=_swift("max_file_size", read.integer), default=None
    )
    container_listing_limit: int | None = field(
        whole=True, read=_swift("container_listing_limit", read.integer), default=None
    )
    account_listing_limit: int | None = field(
        whole=True, read=_swift("account_listing_limit", read.integer), default=None
    )
    max_object_name_length: int | None = field(
        whole=True, read=_swift("max_object_name_length", read.integer), default=None
    )
    max_container_name_length: int | None = field(
        whole=True, read=_swift("max_container_name_length", read.integer), default=None
    )
    max_meta_count: int | None = field(
        whole=True, read=_swift("max_meta_count", read.integer), default=None
    )
    slo: SLOCapabilities | None = field(read=read.model(SLOCapabilities), default=None)
    bulk_delete: BulkDeleteCapabilities | None = field(
        read=read.model(BulkDeleteCapabilities), default=None
    )
    tempurl: TempURLCapabilities | None = field(read=read.model(TempURLCapabilities), default=None)
    capabilities: Mapping[str, Any] = field(whole=True, read=read.mapping, factory=dict, repr=False)

    @property
    def middleware(self) -> tuple[str, ...]:
        """The names of what the cluster reports (``swift``, ``slo``, ``tempurl`` ...).

        Example:
            >>> Info(capabilities={"swift": {}, "staticweb": {}}).middleware
            ('swift', 'staticweb')
        """
        return tuple(self.capabilities)

    def has(self, name: str) -> bool:
        """Whether the cluster reports ``name`` (``slo``, ``bulk_delete``, ``formpost`` ...).

        Example:
            >>> Info(capabilities={"tempurl": {}}).has("tempurl")
            True
        """
        return name in self.capabilities


class InfoResult(Result[Info]):
    """A response whose body is the ``/info`` document, an :class:`Info`.

    Example:
        >>> InfoResult(body={"swift": {"version": "2.31.0"}}).extract().version
        '2.31.0'
    """

    model = Info

    __slots__ = ()


GetResult = InfoResult
