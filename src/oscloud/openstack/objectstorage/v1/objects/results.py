"""Models, results and pages of object storage v1 objects."""

from __future__ import annotations

import builtins
import datetime as _dt
import os
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Any, BinaryIO, ClassVar

import attrs
import requests

from oscloud import _readers as read
from oscloud import _streaming
from oscloud._lazy import LazyFields
from oscloud._model import Model, field, model
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.openstack.objectstorage.v1._common import (
    BodySizeError,
    BulkDeleteError,
    BulkDeleteFailure,
    BulkDeleteReport,
    BulkDeleteResult,
    ETagMismatchError,
)
from oscloud.pagination import MarkerPage, Page
from oscloud.results import ErrResult, HeaderResult, case_insensitive

__all__ = [
    "BodySizeError",
    "BulkDeleteError",
    "BulkDeleteFailure",
    "BulkDeleteReport",
    "BulkDeleteResult",
    "CopyHeader",
    "CopyHeaderResult",
    "CopyResult",
    "DeleteResult",
    "DownloadResult",
    "ETagMismatchError",
    "GetResult",
    "Object",
    "ObjectEntry",
    "ObjectHeader",
    "ObjectHeaderResult",
    "ObjectPage",
    "Progress",
    "Subdir",
    "UpdateResult",
    "UploadHeader",
    "UploadHeaderResult",
    "UploadResult",
    "extract_object_names",
    "extract_objects",
]

#: ``progress(bytes_done, total)``: called as bytes are sent or received; ``total`` is
#: ``None`` when the size is not known in advance (``oscloud._streaming.Progress``).
Progress = _streaming.Progress


@model(lazy=True, key="name")
@attrs.frozen(kw_only=True, slots=False)
class Object(LazyFields):
    """An object as the container listing shows it.

    Attributes:
        name: the object's name (``/`` in it makes pseudo-folders).
        hash: the MD5 of its content (its ETag; for a static large object, the MD5 of
            its segments' ETags).
        size: its size in bytes (``bytes``).
        content_type: its ``Content-Type``.
        last_modified: when it was last written (aware UTC).
        symlink_path: the target of a symlink (Swift 2.17+), else ``None``.

    ``from_json`` reads ``name`` at once and the other fields when they are first used
    (a listing holds up to 10,000 objects a page).

    Example:
        >>> obj = Object.from_json({"hash": "451e372e48e0f6b1114fa0724aa79fa1",
        ...     "last_modified": "2014-01-15T16:41:49.390270", "bytes": 14,
        ...     "name": "goodbye", "content_type": "application/octet-stream"})
        >>> obj.name, obj.size, obj.last_modified.isoformat()
        ('goodbye', 14, '2014-01-15T16:41:49.390270+00:00')
    """

    name: str
    hash: str | None = None
    size: int = field("bytes", read=read.integer, default=0)
    content_type: str | None = None
    last_modified: _dt.datetime | None = field(read=read.timestamp, default=None)
    symlink_path: str | None = None


@model
@attrs.frozen(kw_only=True)
class Subdir(Model):
    """A pseudo-folder of a listing made with a ``delimiter`` (``{"subdir": "photos/"}``).

    ``name`` ends with the delimiter; list again with ``prefix=name`` to see inside.

    Example:
        >>> Subdir.from_json({"subdir": "photos/"})
        Subdir(name='photos/')
    """

    name: str = field("subdir")


#: One item of an object listing: an object, or a pseudo-folder.
ObjectEntry = Object | Subdir


class _Entries:
    """Builds each listing item as an :class:`Object` or a :class:`Subdir`."""

    __name__ = "ObjectEntry"

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Object | Subdir:
        if "name" in data:
            return Object.from_json(data)
        return Subdir.from_json(data)


class ObjectPage(MarkerPage[ObjectEntry]):
    """One page of a container's object listing (``format=json``).

    Example:
        >>> page = ObjectPage(url="https://s/v1/AUTH_a/c?format=json&delimiter=/",
        ...     body=[{"subdir": "photos/"}, {"name": "readme", "hash": "d41d8cd98f00b204e9800998ecf8427e",
        ...     "bytes": 0, "content_type": "text/plain", "last_modified": "2014-01-15T16:41:49"}])
        >>> [type(entry).__name__ for entry in page.extract()]
        ['Subdir', 'Object']
    """  # noqa: E501

    model: ClassVar[Any] = _Entries

    __slots__ = ()


class _ObjectsOnlyPage(ObjectPage):
    """A page listed without a ``delimiter``: every item is an :class:`Object`.

    Swift sends pseudo-folders only with a delimiter, so these items are read without
    checking for one.
    """

    model = Object

    __slots__ = ()


def extract_objects(page: Page[ObjectEntry]) -> builtins.list[ObjectEntry]:
    """The items of a listing page: :class:`Object`, and :class:`Subdir` with a delimiter.

    Example:
        >>> page = ObjectPage(url="https://s/v1/AUTH_a/c?format=json",
        ...     body=[{"name": "goodbye", "bytes": 14}])
        >>> extract_objects(page)[0].size
        14
    """
    return page.extract()


def extract_object_names(page: Page[ObjectEntry]) -> builtins.list[str]:
    """Only the names in a listing page (pseudo-folders with their trailing delimiter).

    Example:
        >>> page = ObjectPage(url="https://s/v1/AUTH_a/c?format=json",
        ...     body=[{"subdir": "photos/"}, {"name": "goodbye", "bytes": 14}])
        >>> extract_object_names(page)
        ['photos/', 'goodbye']
    """
    return [entry.name for entry in page.extract()]


@model(lazy=True, key=None)
@attrs.frozen(kw_only=True, slots=False)
class ObjectHeader(LazyFields):
    """An object's metadata, from the headers of ``HEAD`` or ``GET``.

    Each field is declared with the header it comes from.
    Each field is read from its header when it is first used (see ``_common``): a header
    that is not what Swift documents raises
    :class:`~oscloud.errors.InvalidResponseError` when its field is read, and only then.

    Attributes:
        content_length: its size in bytes (of the range, for a ranged download).
        content_type: ``Content-Type``.
        etag: ``ETag`` without quotes (for a large object, not the MD5 of the content).
        last_modified: ``Last-Modified``.
        created_at: ``X-Timestamp``.
        delete_at: when it expires (``X-Delete-At``), if set.
        metadata: the ``X-Object-Meta-*`` items (case-insensitive names).
        content_encoding: ``Content-Encoding``.
        content_disposition: ``Content-Disposition``.
        object_manifest: ``X-Object-Manifest`` of a dynamic large object.
        static_large_object: whether it is a static large object's manifest.
        symlink_target: ``X-Symlink-Target`` of a symlink.

    Example:
        >>> header = ObjectHeader.from_headers({"Content-Length": "14",
        ...     "Last-Modified": "Thu, 16 Jan 2014 21:12:31 GMT",
        ...     "Etag": "451e372e48e0f6b1114fa0724aa79fa1", "X-Timestamp": "1389906751.73463",
        ...     "X-Object-Meta-Book": "GoodbyeColumbus",
        ...     "Content-Type": "application/octet-stream"})
        >>> header.content_length, header.metadata["book"], header.last_modified.day
        (14, 'GoodbyeColumbus', 16)
    """

    content_length: int | None = field("Content-Length", read=read.optional_integer, default=None)
    content_type: str | None = field("Content-Type", default=None)
    etag: str | None = field("Etag", read=_common.normalize_etag, default=None)
    last_modified: _dt.datetime | None = field("Last-Modified", read=read.timestamp, default=None)
    created_at: _dt.datetime | None = field("X-Timestamp", read=read.timestamp, default=None)
    delete_at: _dt.datetime | None = field("X-Delete-At", read=read.timestamp, default=None)
    metadata: Mapping[str, str] = field(
        whole=True, read=_common.metadata_reader("Object"), factory=dict
    )
    content_encoding: str | None = field("Content-Encoding", default=None)
    content_disposition: str | None = field("Content-Disposition", default=None)
    object_manifest: str | None = field("X-Object-Manifest", default=None)
    static_large_object: bool = field("X-Static-Large-Object", read=_common.flag, default=False)
    symlink_target: str | None = field("X-Symlink-Target", default=None)

    @property
    def is_large_object(self) -> bool:
        """Whether it is a static or dynamic large object's manifest.

        Example:
            >>> ObjectHeader(object_manifest="segments/cat.jpg/").is_large_object
            True
        """
        return self.static_large_object or self.object_manifest is not None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> ObjectHeader:
        """Read the object headers, in any case.

        Example:
            >>> ObjectHeader.from_headers({"x-static-large-object": "True"}).is_large_object
            True
        """
        return cls.from_json(case_insensitive(headers))


@model(lazy=True, key=None)
@attrs.frozen(kw_only=True, slots=False)
class UploadHeader(LazyFields):
    """What the server says of an object it stored (``PUT`` response headers).

    Each field is read from its header when it is first used (see ``_common``): a header
    that is not what Swift documents raises
    :class:`~oscloud.errors.InvalidResponseError` when its field is read, and only then.

    Example:
        >>> UploadHeader.from_headers({"Etag": "d41d8cd98f00b204e9800998ecf8427e",
        ...     "Last-Modified": "Fri, 17 Jan 2014 17:28:35 GMT"}).etag
        'd41d8cd98f00b204e9800998ecf8427e'
    """

    etag: str | None = field("Etag", read=_common.normalize_etag, default=None)
    last_modified: _dt.datetime | None = field("Last-Modified", read=read.timestamp, default=None)

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> UploadHeader:
        """Read the ``PUT`` response headers, in any case.

        Example:
            >>> UploadHeader.from_headers({"etag": '"ABC"'}).etag
            'abc'
        """
        return cls.from_json(case_insensitive(headers))


@model(lazy=True, key=None)
@attrs.frozen(kw_only=True, slots=False)
class CopyHeader(LazyFields):
    """What the server says of a copy (``COPY`` or ``PUT`` with ``X-Copy-From``).

    Each field is read from its header when it is first used (see ``_common``): a header
    that is not what Swift documents raises
    :class:`~oscloud.errors.InvalidResponseError` when its field is read, and only then.

    Example:
        >>> CopyHeader.from_headers({"X-Copied-From": "marktwain/goodbye",
        ...     "X-Copied-From-Last-Modified": "Thu, 16 Jan 2014 21:19:45 GMT",
        ...     "Etag": "451e372e48e0f6b1114fa0724aa79fa1"}).copied_from
        'marktwain/goodbye'
    """

    etag: str | None = field("Etag", read=_common.normalize_etag, default=None)
    last_modified: _dt.datetime | None = field("Last-Modified", read=read.timestamp, default=None)
    copied_from: str | None = field("X-Copied-From", read=_common.header_text, default=None)
    copied_from_last_modified: _dt.datetime | None = field(
        "X-Copied-From-Last-Modified", read=read.timestamp, default=None
    )

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> CopyHeader:
        """Read the copy response headers, in any case.

        Example:
            >>> CopyHeader.from_headers({}).copied_from is None
            True
        """
        return cls.from_json(case_insensitive(headers))


class UploadHeaderResult(HeaderResult[UploadHeader]):
    """A response whose headers are an :class:`UploadHeader` (what an upload stored).

    The result of :func:`~oscloud.openstack.objectstorage.v1.objects.upload`: its ``err``
    is an :class:`~oscloud.openstack.objectstorage.v1._common.ETagMismatchError` when the
    server's ETag is not the MD5 of the bytes sent.

    Example:
        >>> UploadHeaderResult(headers={"Etag": "d41d8cd98f00b204e9800998ecf8427e"}
        ...                    ).extract().etag
        'd41d8cd98f00b204e9800998ecf8427e'
    """

    model = UploadHeader

    __slots__ = ()


class ObjectHeaderResult(HeaderResult[ObjectHeader]):
    """A response whose headers are an :class:`ObjectHeader` (``HEAD`` of an object).

    Example:
        >>> ObjectHeaderResult(headers={"Content-Length": "14"}).extract().content_length
        14
    """

    model = ObjectHeader

    __slots__ = ()


class CopyHeaderResult(HeaderResult[CopyHeader]):
    """A response whose headers are a :class:`CopyHeader` (what a copy made).

    Example:
        >>> CopyHeaderResult(headers={"X-Copied-From": "c/o"}).extract().copied_from
        'c/o'
    """

    model = CopyHeader

    __slots__ = ()


UploadResult = UploadHeaderResult
GetResult = ObjectHeaderResult
CopyResult = CopyHeaderResult
UpdateResult = ErrResult
DeleteResult = ErrResult


class DownloadResult(HeaderResult[ObjectHeader]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.download`: a stream.

    ``extract()`` gives the :class:`ObjectHeader` without reading the body. The body is
    read once, by one of :meth:`iter_content`, :meth:`read` or :meth:`write_to`; each
    closes the response when done. A result whose body is not read should be closed
    (:meth:`close`, or ``with``).

    Reading the body never depends on reading the headers: a header that is not what Swift
    documents (``X-Timestamp: yesterday``) raises
    :class:`~oscloud.errors.InvalidResponseError` only when its field of the
    :class:`ObjectHeader` is read.

    The bytes are the object's as stored (a ``Content-Encoding`` is not undone). The MD5
    of a whole plain object is checked against its ``ETag`` as it streams: after the last
    chunk, a mismatch raises
    :class:`~oscloud.openstack.objectstorage.v1._common.ETagMismatchError`. Ranges (206)
    and large objects, whose ETag is not the MD5 of the content, are not checked.

    Example:
        >>> with objects.download(swift, "photos", "cat.jpg") as download:  # doctest: +SKIP
        ...     for chunk in download.iter_content():
        ...         sink.write(chunk)
    """

    model = ObjectHeader

    __slots__ = ("_progress", "_response", "_verify", "_what")

    def __init__(
        self,
        *,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        status_code: int | None = None,
        err: BaseException | None = None,
        response: requests.Response | None = None,
        what: str = "GET",
        progress: _streaming.Progress | None = None,
        verify_etag: bool = True,
    ) -> None:
        super().__init__(body=body, headers=headers, status_code=status_code, err=err)
        self._response = response
        self._what = what
        self._progress = progress
        self._verify = verify_etag

    @property
    def not_modified(self) -> bool:
        """Whether the server answered 304 to a conditional download (no body).

        Example:
            >>> DownloadResult(status_code=304).not_modified
            True
        """
        return self.status_code == 304

    @property
    def partial(self) -> bool:
        """Whether the body is a range of the object (206).

        Example:
            >>> DownloadResult(status_code=206).partial
            True
        """
        return self.status_code == 206

    def iter_content(self, chunk_size: int = _streaming.CHUNK_SIZE) -> Iterator[bytes]:
        """Yield the body in chunks as they arrive; the response is closed at the end.

        Raises:
            OSCloudError: the download's error (when the result has one), a
                :class:`~oscloud.errors.TransportError` when the connection breaks, or an
                :class:`~oscloud.openstack.objectstorage.v1._common.ETagMismatchError`
                after the last chunk.
            RuntimeError: the body was already read.

        Example:
            >>> for chunk in objects.download(swift, "c", "o").iter_content():  # doctest: +SKIP
            ...     sink.write(chunk)
        """
        self._raise_err()
        response = self._take_response()
        return self._chunks(response, chunk_size)

    def read(self) -> bytes:
        """The whole body (for small objects; prefer :meth:`iter_content` or :meth:`write_to`).

        Example:
            >>> objects.download(swift, "marktwain", "goodbye").read()  # doctest: +SKIP
            b'Goodbye World!'
        """
        return b"".join(self.iter_content())

    def write_to(
        self, target: str | os.PathLike[str] | BinaryIO, chunk_size: int = _streaming.CHUNK_SIZE
    ) -> int:
        """Stream the body into a file; return the number of bytes written.

        A path is written through a temporary file in the same folder, renamed into place
        only when the whole body arrived and its checksum matched: a failed download
        leaves no partial file. A 304 (not modified) writes nothing and returns 0.

        Example:
            >>> objects.download(swift, "photos", "cat.jpg").write_to("cat.jpg")  # doctest: +SKIP
            48213
        """
        self._raise_err()
        if self.not_modified:
            self.close()
            return 0
        response = self._take_response()
        try:
            return _streaming.write_chunks(self._chunks(response, chunk_size), target)
        finally:
            response.close()

    def close(self) -> None:
        """Close the response without reading the rest of the body.

        Example:
            >>> DownloadResult(status_code=200).close()
        """
        response, self._response = self._response, None
        if response is not None:
            response.close()

    def __enter__(self) -> DownloadResult:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _take_response(self) -> requests.Response:
        response, self._response = self._response, None
        if response is None:
            raise RuntimeError(f"{self._what}: the body was already read (or closed)")
        return response

    def _expected_md5(self) -> str | None:
        if not self._verify or self.status_code != 200:
            return None
        header = ObjectHeader.from_headers(self.headers)
        if header.is_large_object:
            return None
        return header.etag if _common.is_md5(header.etag) else None

    def _chunks(self, response: requests.Response, chunk_size: int) -> Iterator[bytes]:
        try:
            if self.not_modified:
                return
            yield from _streaming.checked_chunks(
                _streaming.response_chunks(response, what=self._what, chunk_size=chunk_size),
                what=self._what,
                expected=self._expected_md5(),
                total=_announced_size(self.headers),
                progress=self._progress,
                error=ETagMismatchError,
            )
        finally:
            response.close()


def _announced_size(headers: Mapping[str, str]) -> int | None:
    """The size ``Content-Length`` announces, or ``None`` (unknown) when it is unreadable.

    Only the progress callback uses it: the HTTP stack itself checks the body's length
    against a readable ``Content-Length``, and a download never fails on this header.
    """
    try:
        size = read.optional_integer(headers.get("Content-Length"))
    except (TypeError, ValueError):
        return None
    return size if size is not None and size >= 0 else None
