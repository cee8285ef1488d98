"""Models, results and pages of object storage v1 objects."""

from __future__ import annotations

import builtins
import datetime as _dt
import os
import tempfile
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Any, BinaryIO, ClassVar

import attrs
import requests
import urllib3

from oscloud import errors
from oscloud._lazy import LazyFields, Reader, lazy_model
from oscloud._time import to_utc_or_none
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.pagination import MarkerPage, Page
from oscloud.results import ErrResult, HeaderResult

__all__ = [
    "BulkDeleteResult",
    "CopyHeader",
    "CopyResult",
    "DeleteResult",
    "DownloadResult",
    "GetResult",
    "Object",
    "ObjectEntry",
    "ObjectHeader",
    "ObjectPage",
    "Subdir",
    "UpdateResult",
    "UploadHeader",
    "UploadResult",
    "extract_object_names",
    "extract_objects",
]


@lazy_model
@attrs.frozen(kw_only=True, slots=False)
class Object(LazyFields):
    """An object as the container listing shows it.

    Attributes:
        name: the object's name (``/`` in it makes pseudo-folders).
        hash: the MD5 of its content (its ETag; for a static large object, the MD5 of
            its segments' ETags).
        size: its size in bytes.
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
    size: int = 0
    content_type: str | None = None
    last_modified: _dt.datetime | None = None
    symlink_path: str | None = None

    readers: ClassVar[Mapping[str, Reader]] = {
        "hash": lambda data: data.get("hash"),
        "size": lambda data: int(data.get("bytes", 0)),
        "content_type": lambda data: data.get("content_type"),
        "last_modified": lambda data: to_utc_or_none(data.get("last_modified")),
        "symlink_path": lambda data: data.get("symlink_path"),
    }
    key: ClassVar[str] = "name"


@attrs.frozen(kw_only=True)
class Subdir:
    """A pseudo-folder of a listing made with a ``delimiter`` (``{"subdir": "photos/"}``).

    ``name`` ends with the delimiter; list again with ``prefix=name`` to see inside.

    Example:
        >>> Subdir.from_json({"subdir": "photos/"})
        Subdir(name='photos/')
    """

    name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Subdir:
        """Read one ``subdir`` item."""
        return cls(name=data["subdir"])


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


@attrs.frozen(kw_only=True)
class ObjectHeader:
    """An object's metadata, from the headers of ``HEAD`` or ``GET``.

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

    content_length: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: _dt.datetime | None = None
    created_at: _dt.datetime | None = None
    delete_at: _dt.datetime | None = None
    metadata: Mapping[str, str] = attrs.field(factory=dict)
    content_encoding: str | None = None
    content_disposition: str | None = None
    object_manifest: str | None = None
    static_large_object: bool = False
    symlink_target: str | None = None

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
        """Read the object headers."""
        return cls(
            content_length=_common.header_int(headers, "Content-Length"),
            content_type=headers.get("Content-Type"),
            etag=_common.normalize_etag(headers.get("Etag")),
            last_modified=_common.header_time(headers, "Last-Modified"),
            created_at=_common.header_time(headers, "X-Timestamp"),
            delete_at=_common.header_time(headers, "X-Delete-At"),
            metadata=_common.read_metadata(headers, "Object"),
            content_encoding=headers.get("Content-Encoding"),
            content_disposition=headers.get("Content-Disposition"),
            object_manifest=headers.get("X-Object-Manifest"),
            static_large_object=_common.header_bool(headers, "X-Static-Large-Object"),
            symlink_target=headers.get("X-Symlink-Target"),
        )


@attrs.frozen(kw_only=True)
class UploadHeader:
    """What the server says of an object it stored (``PUT`` response headers).

    Example:
        >>> UploadHeader.from_headers({"Etag": "d41d8cd98f00b204e9800998ecf8427e",
        ...     "Last-Modified": "Fri, 17 Jan 2014 17:28:35 GMT"}).etag
        'd41d8cd98f00b204e9800998ecf8427e'
    """

    etag: str | None = None
    last_modified: _dt.datetime | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> UploadHeader:
        """Read the ``PUT`` response headers."""
        return cls(
            etag=_common.normalize_etag(headers.get("Etag")),
            last_modified=_common.header_time(headers, "Last-Modified"),
        )


@attrs.frozen(kw_only=True)
class CopyHeader:
    """What the server says of a copy (``COPY`` or ``PUT`` with ``X-Copy-From``).

    Example:
        >>> CopyHeader.from_headers({"X-Copied-From": "marktwain/goodbye",
        ...     "X-Copied-From-Last-Modified": "Thu, 16 Jan 2014 21:19:45 GMT",
        ...     "Etag": "451e372e48e0f6b1114fa0724aa79fa1"}).copied_from
        'marktwain/goodbye'
    """

    etag: str | None = None
    last_modified: _dt.datetime | None = None
    copied_from: str | None = None
    copied_from_last_modified: _dt.datetime | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> CopyHeader:
        """Read the copy response headers."""
        copied_from = headers.get("X-Copied-From")
        return cls(
            etag=_common.normalize_etag(headers.get("Etag")),
            last_modified=_common.header_time(headers, "Last-Modified"),
            copied_from=_common.decode_header_value(copied_from) if copied_from else None,
            copied_from_last_modified=_common.header_time(headers, "X-Copied-From-Last-Modified"),
        )


class UploadResult(HeaderResult[UploadHeader]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.upload`.

    Its ``err`` is an :class:`~oscloud.openstack.objectstorage.v1._common.ETagMismatchError`
    when the server's ETag is not the MD5 of the bytes sent.
    """

    model = UploadHeader

    __slots__ = ()


class GetResult(HeaderResult[ObjectHeader]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.get`."""

    model = ObjectHeader

    __slots__ = ()


class CopyResult(HeaderResult[CopyHeader]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.copy`."""

    model = CopyHeader

    __slots__ = ()


class UpdateResult(ErrResult):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.update`."""

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.delete`."""

    __slots__ = ()


class BulkDeleteResult(_common.BulkDeleteResultBase):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.bulk_delete`.

    ``extract()`` gives the report, or raises
    :class:`~oscloud.openstack.objectstorage.v1._common.BulkDeleteError` (holding it) when
    some objects could not be deleted.
    """

    __slots__ = ()


class DownloadResult(HeaderResult[ObjectHeader]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.objects.download`: a stream.

    ``extract()`` gives the :class:`ObjectHeader` without reading the body. The body is
    read once, by one of :meth:`iter_content`, :meth:`read` or :meth:`write_to`; each
    closes the response when done. A result whose body is not read should be closed
    (:meth:`close`, or ``with``).

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
        progress: _common.Progress | None = None,
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

    def iter_content(self, chunk_size: int = _common.CHUNK_SIZE) -> Iterator[bytes]:
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
        self, target: str | os.PathLike[str] | BinaryIO, chunk_size: int = _common.CHUNK_SIZE
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
        if not isinstance(target, (str, os.PathLike)):
            return _copy(self.iter_content(chunk_size), target)
        path = os.fspath(target)
        folder = os.path.dirname(os.path.abspath(path))
        fd, temp_path = tempfile.mkstemp(prefix=".oscloud-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as sink:
                written = _copy(self.iter_content(chunk_size), sink)
            os.replace(temp_path, path)
        except BaseException:
            self.close()
            if os.path.exists(temp_path):
                os.unlink(temp_path)
            raise
        return written

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
            total = _common.header_int(self.headers, "Content-Length")
            raw = _read_raw(response, chunk_size, self._what)
            yield from _common.checked_chunks(
                raw,
                what=self._what,
                expected_md5=self._expected_md5(),
                total=total,
                progress=self._progress,
            )
        finally:
            response.close()


def _read_raw(response: requests.Response, chunk_size: int, what: str) -> Iterator[bytes]:
    """The body as sent (no content decoding); a broken connection is an oscloud error."""
    method, _, name = what.partition(" ")
    try:
        yield from response.raw.stream(chunk_size, decode_content=False)
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise errors.TimeoutError(method, response.url, f"timed out reading {name}") from exc
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise errors.ConnectError(
            method,
            response.url,
            f"the connection broke while reading {name} ({type(exc).__name__})",
        ) from exc


def _copy(chunks: Iterator[bytes], sink: BinaryIO) -> int:
    written = 0
    for chunk in chunks:
        sink.write(chunk)
        written += len(chunk)
    return written
