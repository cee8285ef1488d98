"""Operations on object storage v1 large objects (static and dynamic)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any, BinaryIO

import attrs

from oscloud import _streaming
from oscloud import _wire as wire
from oscloud.errors import MissingInputError, OSCloudError
from oscloud.openstack.objectstorage.v1 import _common, containers, info, objects
from oscloud.openstack.objectstorage.v1.largeobjects.results import (
    CreateManifestResult,
    DeleteResult,
    GetManifestResult,
    LargeUpload,
    Segment,
    UploadResult,
)
from oscloud.service import ServiceClient

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "DEFAULT_SEGMENT_SIZE",
    "MAX_WORKERS",
    "SegmentOpts",
    "create_dlo",
    "create_slo",
    "delete_slo",
    "get_manifest",
    "upload",
    "upload_dlo",
    "upload_slo",
]

#: Swift's default ``max_file_size`` (5 GiB + 2 bytes), used when ``/info`` cannot be read.
DEFAULT_MAX_FILE_SIZE = 5 * 2**30 + 2

#: The segment size used when none is given (capped at the cluster's ``max_file_size``).
DEFAULT_SEGMENT_SIZE = 2**30

#: The most segment uploads run at once.
MAX_WORKERS = 32

#: What can be uploaded: bytes, a path, a binary file, or an iterable of bytes.
Source = Any


@attrs.frozen(kw_only=True)
class SegmentOpts:
    """How a large object is cut and where its segments go.

    Attributes:
        segment_size: bytes per segment (default :data:`DEFAULT_SEGMENT_SIZE`, at most the
            cluster's ``max_file_size``).
        segment_container: the segments' container (default ``<container>_segments``).
        segment_prefix: the segments' name prefix (default
            ``<object>/<slo|dlo>/<time>/<size>/<segment_size>/``); segment ``n`` is named
            ``<prefix><n:08d>``.
        workers: segments uploaded at once (1 to :data:`MAX_WORKERS`) when the source can
            be read at any offset (bytes, a path, a seekable file); a stream is uploaded
            one segment after the other.
        create_segment_container: create the segment container first (``PUT``, 201/202).

    Example:
        >>> SegmentOpts(segment_size=100 * 2**20, workers=8).workers
        8
    """

    segment_size: int | None = None
    segment_container: str | None = None
    segment_prefix: str | None = None
    workers: int = 4
    create_segment_container: bool = True

    def check(self) -> None:
        """Raise :class:`ValueError` for bad settings (before any request)."""
        if self.segment_size is not None:
            wire.check_int("SegmentOpts.segment_size", self.segment_size, 1)
        if wire.check_int("SegmentOpts.workers", self.workers, 1) > MAX_WORKERS:
            raise ValueError(f"SegmentOpts.workers must be 1 to {MAX_WORKERS}: {self.workers}")
        if self.segment_container is not None:
            _common.check_container(self.segment_container)


def create_slo(
    client: ServiceClient,
    container: str,
    object_name: str,
    segments: Sequence[Segment],
    opts: objects.UploadOpts | None = None,
) -> CreateManifestResult:
    """Create a static large object from uploaded segments.

    ``PUT /v1/{account}/{container}/{object}?multipart-manifest=put`` (201) with the JSON
    list of segments (``path``, ``etag``, ``size_bytes``, ``range``); ``opts`` gives the
    object's content type, metadata and expiry.

    Raises:
        MissingInputError: no segments.
        TypeError: ``opts`` is not an
            :class:`~oscloud.openstack.objectstorage.v1.objects.UploadOpts`.
        ValueError: bad upload options (two expiries, say).

    Example:
        >>> etag = largeobjects.create_slo(swift, "videos", "big.mp4", [  # doctest: +SKIP
        ...     largeobjects.Segment(container="videos_segments", name="big.mp4/00000000",
        ...                          etag=md5_1, size=2**30), ...]).extract()
    """
    items = [segment.to_manifest_item() for segment in segments]
    if not items:
        raise MissingInputError("create_slo: a static large object needs segments")
    url = _manifest_url(client, container, object_name, "put")
    headers: dict[str, str] = {}
    if opts is not None:
        headers = wire.build_headers(opts, client=client, of=objects.UploadOpts)
        _common.check_expiry(opts)
    return client.call(
        CreateManifestResult, "PUT", url, json=items, headers=headers, ok_codes=(201,)
    )


def create_dlo(
    client: ServiceClient,
    container: str,
    object_name: str,
    segment_container: str,
    segment_prefix: str,
    opts: objects.UploadOpts | None = None,
) -> objects.UploadResult:
    """Create a dynamic large object from the segments under a prefix.

    Its content is every object of ``segment_container`` whose name starts with
    ``segment_prefix``, in name order.

    ``PUT /v1/{account}/{container}/{object}`` (201), empty, with ``X-Object-Manifest:
    {segment_container}/{segment_prefix}`` (URL-quoted), the other headers from ``opts``
    (whose ``object_manifest`` this replaces).

    Raises:
        TypeError: ``opts`` is not an
            :class:`~oscloud.openstack.objectstorage.v1.objects.UploadOpts`.

    Example:
        >>> largeobjects.create_dlo(swift, "videos", "big.mp4",  # doctest: +SKIP
        ...                         "videos_segments", "big.mp4/").extract()
    """
    manifest = _common.object_path(segment_container, segment_prefix)
    base = objects.UploadOpts() if opts is None else wire.checked(opts, objects.UploadOpts)
    wanted = attrs.evolve(base, object_manifest=manifest)
    return objects.upload(client, container, object_name, b"", wanted)


def get_manifest(client: ServiceClient, container: str, object_name: str) -> GetManifestResult:
    """Read a static large object's segments: ``GET ...?multipart-manifest=get`` (200).

    Example:
        >>> manifest = largeobjects.get_manifest(swift, "videos", "big.mp4").extract()  # doctest: +SKIP
        >>> [segment.name for segment in manifest.segments]  # doctest: +SKIP
    """  # noqa: E501
    url = _manifest_url(client, container, object_name, "get")
    return client.call(GetManifestResult, "GET", url, ok_codes=(200,))


def delete_slo(client: ServiceClient, container: str, object_name: str) -> DeleteResult:
    """Delete a static large object with its segments.

    ``DELETE ...?multipart-manifest=delete`` (200) with ``Accept: application/json``; the
    report says what was deleted. To delete the manifest only, use
    :func:`oscloud.openstack.objectstorage.v1.objects.delete`.

    Example:
        >>> largeobjects.delete_slo(swift, "videos", "big.mp4").extract().deleted  # doctest: +SKIP
        5
    """
    url = _manifest_url(client, container, object_name, "delete")
    result = client.call(
        DeleteResult, "DELETE", url, headers={"Accept": "application/json"}, ok_codes=(200,)
    )
    return _common.with_report_error(result)


def upload_slo(
    client: ServiceClient,
    container: str,
    object_name: str,
    source: Source,
    opts: SegmentOpts | None = None,
    *,
    object_opts: objects.UploadOpts | None = None,
    size: int | None = None,
    progress: _streaming.Progress | None = None,
) -> UploadResult:
    """Upload ``source`` as a static large object: segments, then the manifest.

    ``source`` is bytes, a path, a binary file or an iterable of bytes, streamed: a
    segment is never held in memory. Segments are uploaded in parallel (``opts.workers``)
    when the source can be read at any offset. Each segment's MD5 is checked against its
    ETag, and the manifest's ETag against the MD5 of the segments' ETags.
    ``progress(bytes_done, total_or_None)`` counts the bytes of all segments.

    Example:
        >>> largeobjects.upload_slo(swift, "videos", "big.mp4", "/data/big.mp4",  # doctest: +SKIP
        ...     largeobjects.SegmentOpts(segment_size=512 * 2**20, workers=4),
        ...     object_opts=objects.UploadOpts(content_type="video/mp4")).extract()
    """
    return _upload_segmented(
        client, container, object_name, source, opts, object_opts, size, progress, "slo"
    )


def upload_dlo(
    client: ServiceClient,
    container: str,
    object_name: str,
    source: Source,
    opts: SegmentOpts | None = None,
    *,
    object_opts: objects.UploadOpts | None = None,
    size: int | None = None,
    progress: _streaming.Progress | None = None,
) -> UploadResult:
    """Upload ``source`` as a dynamic large object: segments, then the manifest.

    The same as :func:`upload_slo`, ending with :func:`create_dlo`.

    Example:
        >>> largeobjects.upload_dlo(swift, "videos", "big.mp4", "/data/big.mp4").extract()  # doctest: +SKIP
    """  # noqa: E501
    return _upload_segmented(
        client, container, object_name, source, opts, object_opts, size, progress, "dlo"
    )


def upload(
    client: ServiceClient,
    container: str,
    object_name: str,
    source: Source,
    opts: SegmentOpts | None = None,
    *,
    object_opts: objects.UploadOpts | None = None,
    size: int | None = None,
    progress: _streaming.Progress | None = None,
    cluster: info.Info | None = None,
) -> UploadResult:
    """Upload ``source`` as one object, or as a large object when it must be.

    The cluster's ``max_file_size`` (from ``cluster``, else ``GET /info``; Swift's default
    when that fails) decides: a source that fits is one ``PUT``; a larger one, or one whose
    size cannot be known (a stream), becomes a static large object, or a dynamic one when
    the cluster has no ``slo`` middleware. The segment size grows when needed to stay
    within ``max_manifest_segments``.

    Raises:
        ValueError: bad :class:`SegmentOpts`, a ``size`` that is not an integer of at
            least 0, or a source too large for the cluster even in segments.
        TypeError: the source is not bytes, a path, a binary file or an iterable, or
            ``progress`` is not callable.

    Example:
        >>> stored = largeobjects.upload(swift, "videos", "big.mp4", "/data/big.mp4",  # doctest: +SKIP
        ...     object_opts=objects.UploadOpts(content_type="video/mp4")).extract()
        >>> stored.kind, len(stored.segments)  # doctest: +SKIP
        ('slo', 12)
    """  # noqa: E501
    options = opts or SegmentOpts()
    options.check()
    _common.object_url(client, container, object_name)
    size = _check_source(source, size, progress)
    if cluster is None:
        found = info.get(client)
        cluster = found.extract() if found.err is None else info.Info()
    limit = cluster.max_file_size or DEFAULT_MAX_FILE_SIZE
    known = size if size is not None else _size_of(source)
    if known is not None and known <= limit:
        return _upload_whole(client, container, object_name, source, object_opts, known, progress)
    segment_size = min(options.segment_size or DEFAULT_SEGMENT_SIZE, limit)
    most = cluster.slo.max_manifest_segments if cluster.slo is not None else None
    if known is not None and most:
        segment_size = max(segment_size, math.ceil(known / most))
        if segment_size > limit:
            raise ValueError(
                f"{known} bytes need segments of {segment_size} bytes to fit in "
                f"{most} segments, more than the cluster's max_file_size of {limit}"
            )
    options = attrs.evolve(options, segment_size=segment_size)
    kind = "dlo" if cluster.middleware and not cluster.has("slo") else "slo"
    return _upload_segmented(
        client, container, object_name, source, options, object_opts, known, progress, kind
    )


def _upload_whole(
    client: ServiceClient,
    container: str,
    object_name: str,
    source: Source,
    object_opts: objects.UploadOpts | None,
    size: int,
    progress: _streaming.Progress | None,
) -> UploadResult:
    with _opened(source) as reader:
        result = objects.upload(
            client, container, object_name, reader, object_opts, size=size, progress=progress
        )
    err = result.err
    if err is not None:
        return UploadResult(err=err)
    header = result.extract()
    stored = LargeUpload(kind="object", etag=header.etag, size=size)
    return UploadResult(body=stored, headers=result.headers, status_code=result.status_code)


def _upload_segmented(
    client: ServiceClient,
    container: str,
    object_name: str,
    source: Source,
    opts: SegmentOpts | None,
    object_opts: objects.UploadOpts | None,
    size: int | None,
    progress: _streaming.Progress | None,
    kind: str,
) -> UploadResult:
    options = opts or SegmentOpts()
    options.check()
    _common.object_url(client, container, object_name)
    size = _check_source(source, size, progress)
    segment_size = options.segment_size or DEFAULT_SEGMENT_SIZE
    segment_container = options.segment_container or f"{container}_segments"
    known = size if size is not None else _size_of(source)
    prefix = options.segment_prefix or (
        f"{object_name}/{kind}/{time.time():.6f}/{known or 0}/{segment_size}/"
    )
    try:
        if options.create_segment_container:
            containers.create(client, segment_container).extract_err()
        with _opened(source) as reader:
            uploader = _SegmentUploader(
                client, segment_container, prefix, _Tracker(progress, known)
            )
            segments = uploader.run(reader, known, segment_size, options.workers)
        stored = _manifest(client, container, object_name, segments, object_opts, kind)
    except OSCloudError as err:
        return UploadResult(err=err)
    return UploadResult(body=stored, status_code=201)


def _manifest(
    client: ServiceClient,
    container: str,
    object_name: str,
    segments: list[Segment],
    object_opts: objects.UploadOpts | None,
    kind: str,
) -> LargeUpload:
    expected = hashlib.md5(
        "".join(segment.etag or "" for segment in segments).encode("ascii"),
        usedforsecurity=False,
    ).hexdigest()
    segment_container = segments[0].container
    total = sum(segment.size or 0 for segment in segments)
    if kind == "dlo":
        prefix = segments[0].name[: -len("00000000")]
        create_dlo(client, container, object_name, segment_container, prefix, object_opts).extract()
        return LargeUpload(
            kind="dlo",
            etag=expected,
            size=total,
            segment_container=segment_container,
            segments=tuple(segments),
        )
    etag = create_slo(client, container, object_name, segments, object_opts).extract()
    if _common.is_md5(etag) and etag != expected:
        raise _common.ETagMismatchError(
            f"PUT {container}/{object_name} manifest", etag or "", expected
        )
    return LargeUpload(
        kind="slo",
        etag=etag,
        size=total,
        segment_container=segment_container,
        segments=tuple(segments),
    )


def _manifest_url(client: ServiceClient, container: str, object_name: str, action: str) -> str:
    """``/v1/{account}/{container}/{object}?multipart-manifest={action}``."""
    url = _common.object_url(client, container, object_name)
    return wire.with_query(url, [("multipart-manifest", action)])


# -- reading the source -----------------------------------------------------------------


def _size_of(source: Source) -> int | None:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return len(source)
    if isinstance(source, (str, os.PathLike)):
        return os.stat(source).st_size
    if hasattr(source, "read"):
        return _streaming.remaining_size(source)
    return None


def _check_source(source: Source, size: Any = None, progress: Any = None) -> int | None:
    """Check the source, ``size`` and ``progress`` before any request; return ``size``."""
    if isinstance(source, str | os.PathLike):
        return _streaming.check_upload(None, size=size, progress=progress)  # opened later
    if isinstance(source, bytes | bytearray | memoryview | Iterable) or hasattr(source, "read"):
        return _streaming.check_upload(source, size=size, progress=progress)
    raise TypeError(
        f"upload bytes, a path, a binary file or an iterable of bytes, not {type(source).__name__}"
    )


@contextlib.contextmanager
def _opened(source: Source) -> Iterator[Any]:
    """The source as something to read from: a path is opened (and closed afterwards)."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as file:
            yield file
    elif isinstance(source, (bytes, bytearray, memoryview)):
        yield io.BytesIO(bytes(source))
    elif hasattr(source, "read"):
        yield source
    elif isinstance(source, Iterable):
        yield _IterReader(iter(source))
    else:
        _check_source(source)


class _IterReader:
    """A non-seekable reader over an iterable of byte chunks (what a generator gives)."""

    def __init__(self, chunks: Iterator[Any]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            if not isinstance(chunk, (bytes, bytearray, memoryview)):
                raise TypeError(f"an upload iterable must yield bytes, not {type(chunk).__name__}")
            self._buffer += bytes(chunk)
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data


class _Lookahead:
    """A stream that can tell whether it has more, without losing what it read to know."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._pending = b""

    def has_more(self) -> bool:
        if not self._pending:
            self._pending = bytes(self._stream.read(_streaming.CHUNK_SIZE) or b"")
        return bool(self._pending)

    def read(self, size: int) -> bytes:
        if self._pending:
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        return bytes(self._stream.read(size) or b"")


class _StreamSegment:
    """The next ``limit`` bytes of a stream: one segment, read once, in order."""

    def __init__(self, stream: _Lookahead, limit: int) -> None:
        self._stream = stream
        self._left = limit

    def __iter__(self) -> Iterator[bytes]:
        while self._left > 0:
            data = self._stream.read(min(self._left, _streaming.CHUNK_SIZE))
            if not data:
                return
            self._left -= len(data)
            yield data


class _RangeReader:
    """Bytes ``offset`` to ``offset + length`` of a shared seekable file (thread-safe)."""

    def __init__(self, file: BinaryIO, lock: threading.Lock, offset: int, length: int) -> None:
        self._file = file
        self._lock = lock
        self._offset = offset
        self.length = length
        self._position = 0

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, position: int, whence: int = io.SEEK_SET) -> int:
        if whence != io.SEEK_SET:
            raise io.UnsupportedOperation("a segment reader seeks from its start only")
        self._position = position
        return position

    def read(self, size: int = -1) -> bytes:
        left = self.length - self._position
        wanted = left if size < 0 else min(size, left)
        if wanted <= 0:
            return b""
        with self._lock:
            self._file.seek(self._offset + self._position)
            data = self._file.read(wanted)
        self._position += len(data)
        return bytes(data)


class _Tracker:
    """Adds up the progress of segments sent at the same time (and of their retries)."""

    def __init__(self, callback: _streaming.Progress | None, total: int | None) -> None:
        self._callback = callback
        self._total = total
        self._lock = threading.Lock()
        self._sent: dict[int, int] = {}
        self._done = 0

    def segment(self, index: int) -> _streaming.Progress:
        def report(sent: int, _size: int | None) -> None:
            with self._lock:
                self._done += sent - self._sent.get(index, 0)
                self._sent[index] = sent
                done = self._done
            if self._callback is not None:
                self._callback(done, self._total)

        return report

    def sent(self, index: int) -> int:
        with self._lock:
            return self._sent.get(index, 0)


class _SegmentUploader:
    """Uploads the segments of one object, in parallel when the source allows it."""

    def __init__(
        self, client: ServiceClient, container: str, prefix: str, tracker: _Tracker
    ) -> None:
        self._client = client
        self._container = container
        self._prefix = prefix
        self._tracker = tracker

    def run(self, reader: Any, size: int | None, segment_size: int, workers: int) -> list[Segment]:
        start = _streaming.seekable_position(reader)
        if start is not None and size is not None:
            if size == 0:
                raise MissingInputError("the source is empty: there is nothing to segment")
            lock = threading.Lock()
            pieces = [
                (
                    index,
                    _RangeReader(reader, lock, start + offset, min(segment_size, size - offset)),
                )
                for index, offset in enumerate(range(0, size, segment_size))
            ]
            return self._parallel(pieces, workers)
        stream = _Lookahead(reader)
        segments: list[Segment] = []
        while stream.has_more():
            segments.append(self._put(len(segments), _StreamSegment(stream, segment_size), None))
        if not segments:
            raise MissingInputError("the source is empty: there is nothing to segment")
        return segments

    def _parallel(self, pieces: list[tuple[int, _RangeReader]], workers: int) -> list[Segment]:
        if workers == 1 or len(pieces) == 1:
            return [self._put(index, body, body.length) for index, body in pieces]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="oscloud-slo") as pool:
            futures: list[Future[Segment]] = [
                pool.submit(self._put, index, body, body.length) for index, body in pieces
            ]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            failed = next((f for f in futures if f in done and f.exception() is not None), None)
            error = failed.exception() if failed is not None else None
            if error is not None:
                for future in futures:
                    future.cancel()
                raise error
            return [future.result() for future in futures]

    def _put(self, index: int, body: Any, length: int | None) -> Segment:
        name = f"{self._prefix}{index:08d}"
        result = objects.upload(
            self._client,
            self._container,
            name,
            body,
            size=length,
            progress=self._tracker.segment(index),
        )
        header = result.extract()
        return Segment(
            container=self._container,
            name=name,
            etag=header.etag,
            size=length if length is not None else self._tracker.sent(index),
        )
