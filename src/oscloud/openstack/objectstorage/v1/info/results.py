"""Models and results of the object storage cluster's capabilities."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.results import Result

__all__ = [
    "BulkDeleteCapabilities",
    "GetResult",
    "Info",
    "SLOCapabilities",
    "TempURLCapabilities",
]


@attrs.frozen(kw_only=True)
class SLOCapabilities:
    """Static large objects (the ``slo`` middleware).

    Example:
        >>> SLOCapabilities.from_json({"max_manifest_segments": 1000,
        ...     "max_manifest_size": 8388608, "min_segment_size": 1}).max_manifest_segments
        1000
    """

    max_manifest_segments: int | None = None
    max_manifest_size: int | None = None
    min_segment_size: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SLOCapabilities:
        """Read the ``slo`` member."""
        return cls(
            max_manifest_segments=_int(data.get("max_manifest_segments")),
            max_manifest_size=_int(data.get("max_manifest_size")),
            min_segment_size=_int(data.get("min_segment_size")),
        )


@attrs.frozen(kw_only=True)
class BulkDeleteCapabilities:
    """Bulk deletes (the ``bulk_delete`` part of the ``bulk`` middleware).

    Example:
        >>> BulkDeleteCapabilities.from_json({"max_deletes_per_request": 10000,
        ...     "max_failed_deletes": 1000}).max_deletes_per_request
        10000
    """

    max_deletes_per_request: int | None = None
    max_failed_deletes: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BulkDeleteCapabilities:
        """Read the ``bulk_delete`` member."""
        return cls(
            max_deletes_per_request=_int(data.get("max_deletes_per_request")),
            max_failed_deletes=_int(data.get("max_failed_deletes")),
        )


@attrs.frozen(kw_only=True)
class TempURLCapabilities:
    """Temporary URLs (the ``tempurl`` middleware).

    ``allowed_digests`` is missing on older clusters, which sign with SHA-1 only.

    Example:
        >>> TempURLCapabilities.from_json({"methods": ["GET", "HEAD", "PUT"],
        ...     "allowed_digests": ["sha256", "sha512"]}).allowed_digests
        ('sha256', 'sha512')
    """

    methods: tuple[str, ...] = ()
    allowed_digests: tuple[str, ...] = ("sha1",)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TempURLCapabilities:
        """Read the ``tempurl`` member."""
        digests = data.get("allowed_digests")
        return cls(
            methods=tuple(data.get("methods") or ()),
            allowed_digests=tuple(digests) if digests else ("sha1",),
        )


@attrs.frozen(kw_only=True)
class Info:
    """What an object storage cluster offers: ``GET /info``.

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

    version: str | None = None
    max_file_size: int | None = None
    container_listing_limit: int | None = None
    account_listing_limit: int | None = None
    max_object_name_length: int | None = None
    max_container_name_length: int | None = None
    max_meta_count: int | None = None
    slo: SLOCapabilities | None = None
    bulk_delete: BulkDeleteCapabilities | None = None
    tempurl: TempURLCapabilities | None = None
    capabilities: Mapping[str, Any] = attrs.field(factory=dict, repr=False)

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

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Info:
        """Read the ``/info`` document."""
        if not isinstance(data, Mapping):
            raise TypeError(f"the /info document is not a JSON object: {type(data).__name__}")
        swift = data.get("swift") or {}
        return cls(
            version=swift.get("version"),
            max_file_size=_int(swift.get("max_file_size")),
            container_listing_limit=_int(swift.get("container_listing_limit")),
            account_listing_limit=_int(swift.get("account_listing_limit")),
            max_object_name_length=_int(swift.get("max_object_name_length")),
            max_container_name_length=_int(swift.get("max_container_name_length")),
            max_meta_count=_int(swift.get("max_meta_count")),
            slo=SLOCapabilities.from_json(data["slo"]) if "slo" in data else None,
            bulk_delete=(
                BulkDeleteCapabilities.from_json(data["bulk_delete"])
                if "bulk_delete" in data
                else None
            ),
            tempurl=TempURLCapabilities.from_json(data["tempurl"]) if "tempurl" in data else None,
            capabilities=dict(data),
        )


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


class GetResult(Result[Info]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.info.get`."""

    model = Info

    __slots__ = ()
