"""Models and results of object storage v1 large objects."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.results import Result

__all__ = [
    "CreateManifestResult",
    "DeleteResult",
    "GetManifestResult",
    "LargeUpload",
    "LargeUploadResult",
    "Manifest",
    "ManifestResult",
    "ManifestSegment",
    "Segment",
    "UploadResult",
]


@attrs.frozen(kw_only=True)
class Segment:
    """One segment of a static large object's manifest, as sent when it is created.

    Attributes:
        container: the segment's container.
        name: the segment's object name.
        etag: its MD5 (checked by the server; ``None`` skips the check).
        size: its size in bytes (checked by the server; ``None`` skips the check).
        range: only these bytes of it (``"0-1023"``), if given.

    Example:
        >>> Segment(container="photos_segments", name="cat.jpg/0001", etag="a" * 32,
        ...         size=1048576).to_manifest_item()["path"]
        '/photos_segments/cat.jpg/0001'
    """

    container: str
    name: str
    etag: str | None = None
    size: int | None = None
    range: str | None = None

    def to_manifest_item(self) -> dict[str, Any]:
        """The segment's entry in the ``PUT ?multipart-manifest=put`` body."""
        item: dict[str, Any] = {
            "path": f"/{_common.check_container(self.container)}/"
            f"{_common.check_object_name(self.name)}",
            "etag": self.etag,
            "size_bytes": self.size,
        }
        if self.range is not None:
            item["range"] = self.range
        return item


@model
@attrs.frozen(kw_only=True)
class ManifestSegment(Model):
    """One segment as ``GET ?multipart-manifest=get`` lists it.

    Example:
        >>> ManifestSegment.from_json({"name": "/photos_segments/cat.jpg/0001",
        ...     "hash": "a" * 32, "bytes": 1048576, "content_type": "image/jpeg",
        ...     "last_modified": "2024-01-02T03:04:05.000000"}).size
        1048576
    """

    name: str = field(read=read.text)
    hash: str | None = None
    size: int = field("bytes", read=read.integer, default=0)
    content_type: str | None = None
    last_modified: _dt.datetime | None = field(read=read.timestamp, default=None)
    range: str | None = None

    @property
    def container(self) -> str:
        """The segment's container (the first part of ``name``).

        Example:
            >>> ManifestSegment(name="/videos_segments/big.mp4/0001").container
            'videos_segments'
        """
        return self.name.lstrip("/").split("/", 1)[0]

    @property
    def object_name(self) -> str:
        """The segment's object name (after the container).

        Example:
            >>> ManifestSegment(name="/videos_segments/big.mp4/0001").object_name
            'big.mp4/0001'
        """
        parts = self.name.lstrip("/").split("/", 1)
        return parts[1] if len(parts) > 1 else ""


@attrs.frozen(kw_only=True)
class Manifest:
    """A static large object's manifest: its segments, in order.

    The manifest is a JSON array, not an object: its ``from_json`` is written by hand
    (each item is a declared :class:`ManifestSegment`).

    Example:
        >>> Manifest.from_json([{"name": "/s/a", "bytes": 3}, {"name": "/s/b", "bytes": 2}]).size
        5
    """

    segments: tuple[ManifestSegment, ...] = ()

    @property
    def size(self) -> int:
        """The object's size, the sum of its segments' sizes.

        Example:
            >>> Manifest().size
            0
        """
        return sum(segment.size for segment in self.segments)

    @classmethod
    def from_json(cls, data: Iterable[Mapping[str, Any]]) -> Manifest:
        """Read the JSON list of segments.

        Example:
            >>> len(Manifest.from_json([{"name": "/s/a"}]).segments)
            1
        """
        if not isinstance(data, list):
            raise TypeError(f"the manifest is not a JSON list: {type(data).__name__}")
        return cls(segments=tuple(ManifestSegment.from_json(item) for item in data))


@attrs.frozen(kw_only=True)
class LargeUpload:
    """What an upload through :mod:`~oscloud.openstack.objectstorage.v1.largeobjects` stored.

    Attributes:
        kind: ``"object"`` (one upload), ``"slo"`` or ``"dlo"``.
        etag: the ETag the server gave the object (or the manifest).
        size: the bytes uploaded.
        segment_container: where the segments went (``None`` for a plain object).
        segments: the segments, in order.

    Example:
        >>> LargeUpload(kind="object", etag="a" * 32, size=3).segments
        ()
    """

    kind: Literal["object", "slo", "dlo"]
    etag: str | None
    size: int
    segment_container: str | None = None
    segments: tuple[Segment, ...] = ()


class CreateManifestResult(Result[str | None]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.largeobjects.create_slo`.

    ``extract()`` gives the manifest's ETag (the MD5 of its segments' ETags), read from
    the response headers.

    Example:
        >>> CreateManifestResult(headers={"Etag": '"ABC"'}).extract()
        'abc'
    """

    __slots__ = ()

    def _resource_json(self) -> Any:
        return _common.normalize_etag(self.headers.get("Etag"))


class ManifestResult(Result[Manifest]):
    """A response whose body is a static large object's :class:`Manifest`.

    Example:
        >>> ManifestResult(body=[{"name": "/s/a", "bytes": 3}]).extract().size
        3
    """

    model = Manifest

    __slots__ = ()


class LargeUploadResult(Result[LargeUpload]):
    """What an upload of :mod:`~oscloud.openstack.objectstorage.v1.largeobjects` stored.

    Its body is the :class:`LargeUpload` itself. Its ``err`` is the first error of a
    segment or of the manifest (segments already uploaded are left in place: delete
    them, or upload again over them).

    Example:
        >>> LargeUploadResult(body=LargeUpload(kind="object", etag=None, size=0)
        ...                   ).extract().kind
        'object'
    """

    __slots__ = ()


GetManifestResult = ManifestResult
UploadResult = LargeUploadResult
#: The result of :func:`~oscloud.openstack.objectstorage.v1.largeobjects.delete_slo`: the
#: report of the segments and manifest deleted, or a ``BulkDeleteError`` holding it.
DeleteResult = _common.BulkDeleteResult
