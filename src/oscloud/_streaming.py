"""Request and response bodies streamed in blocks, counted and hashed as they go.

Services that move files (object storage's objects, an image service's image data) send
and receive bodies too large to hold in memory. What they share is here:

- :func:`request_body` turns bytes, a binary file or an iterable of bytes into a body
  that ``requests`` sends in :data:`CHUNK_SIZE` blocks, hashing (:class:`Checksum`) and
  counting the bytes as they go out and reporting them to a :data:`Progress` callback.
  A file of known size is sent with ``Content-Length`` and can be rewound to be sent
  again (after a retry or a re-authentication); a stream of unknown size is sent
  chunked. A body with more or fewer bytes than its size raises :class:`BodySizeError`.
  :func:`check_upload` checks the data, ``size`` and ``progress`` of every upload
  first, so that a wrong one is refused with a clear error before anything is sent.
- :func:`response_chunks` reads a streamed response as its bytes arrive, a broken
  connection turned into an oscloud error; :func:`checked_chunks` hashes them and,
  after the last block, raises :class:`ChecksumMismatchError` when their digest is not
  the one the server gave (an object's ETag, say); :func:`write_chunks` stores them in
  a file, through a temporary one when given a path.

Nothing here knows a service: the operations say which digest to compute and which
error class names a mismatch in their words.

Example:
    >>> body, checksum, size = request_body(b"Goodbye World!", chunk_size=8)
    >>> list(body), size, checksum.hexdigest()
    ([b'Goodbye ', b'World!'], 14, '451e372e48e0f6b1114fa0724aa79fa1')
    >>> list(checked_chunks([b"Goodbye ", b"World!"], what="GET goodbye",
    ...                     expected="451e372e48e0f6b1114fa0724aa79fa1"))
    [b'Goodbye ', b'World!']
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

import urllib3

from oscloud import errors
from oscloud._wire import check_int
from oscloud.errors import InvalidResponseError, OSCloudError

if TYPE_CHECKING:
    import requests

__all__ = [
    "CHUNK_SIZE",
    "BodySizeError",
    "Checksum",
    "ChecksumMismatchError",
    "Progress",
    "RequestBody",
    "check_upload",
    "checked_chunks",
    "remaining_size",
    "request_body",
    "response_chunks",
    "seekable_position",
    "write_chunks",
]

#: ``progress(bytes_done, total)``: called as bytes are sent or received; ``total`` is
#: ``None`` when the size is not known in advance.
Progress = Callable[[int, int | None], None]

#: How many bytes are read, hashed and sent (or received) at a time (256 KiB).
CHUNK_SIZE = 256 * 1024

_BYTES = (bytes, bytearray, memoryview)


# -- errors ----------------------------------------------------------------------------


class BodySizeError(OSCloudError, ValueError):
    """A request body had fewer or more bytes than the size given for it.

    Example:
        >>> raise BodySizeError("the body ended after 3 of 10 bytes")
        Traceback (most recent call last):
        ...
        oscloud._streaming.BodySizeError: the body ended after 3 of 10 bytes
    """


class ChecksumMismatchError(InvalidResponseError):
    """The digest of the bytes sent or received is not the one the server gave.

    A service names the mismatch in its own words with a subclass that sets
    :attr:`announced` (object storage's ``ETagMismatchError``: "the server's ETag").

    Attributes:
        expected: the digest the server gave, in hex.
        actual: the digest of the bytes that went over the wire, in hex.
        algorithm: the hash (``md5``, ``sha256`` ...).

    Example:
        >>> err = ChecksumMismatchError("GET images/cirros", "a" * 32, "b" * 32)
        >>> err.expected == "a" * 32, str(err).startswith("GET images/cirros: the body has MD5")
        (True, True)
    """

    #: What the message calls the digest the server gave.
    announced = "the digest the server gave"

    def __init__(self, what: str, expected: str, actual: str, algorithm: str = "md5") -> None:
        self.expected = expected
        self.actual = actual
        self.algorithm = algorithm
        super().__init__(
            f"{what}: the body has {algorithm.upper()} {actual} but {self.announced} is {expected}"
        )


# -- hashing ---------------------------------------------------------------------------


class Checksum:
    """The digest and the count of the bytes that went through a stream.

    ``algorithm`` is any name ``hashlib.new`` knows (``md5``, the default,
    ``sha256``, ``sha512`` ...); it is a checksum, not a security measure.

    Example:
        >>> c = Checksum(); c.update(b"Goodbye World!")
        >>> c.hexdigest(), c.count
        ('451e372e48e0f6b1114fa0724aa79fa1', 14)
        >>> Checksum("sha256").hexdigest()[:8]
        'e3b0c442'
    """

    __slots__ = ("_hash", "algorithm", "count")

    def __init__(self, algorithm: str = "md5") -> None:
        self.algorithm = algorithm
        self._hash = hashlib.new(algorithm, usedforsecurity=False)
        self.count = 0

    def update(self, data: bytes) -> None:
        """Add ``data``.

        Example:
            >>> c = Checksum(); c.update(b"ab"); c.update(b"c"); c.count
            3
        """
        self._hash.update(data)
        self.count += len(data)

    def reset(self) -> None:
        """Start again (the body is sent again from its start).

        Example:
            >>> c = Checksum(); c.update(b"abc"); c.reset(); c.count
            0
        """
        self._hash = hashlib.new(self.algorithm, usedforsecurity=False)
        self.count = 0

    def hexdigest(self) -> str:
        """The digest so far, in hex.

        Example:
            >>> Checksum().hexdigest()
            'd41d8cd98f00b204e9800998ecf8427e'
        """
        return self._hash.hexdigest()


# -- request bodies --------------------------------------------------------------------


class RequestBody(NamedTuple):
    """What :func:`request_body` gives: the body, its checksum, and its size when known.

    Example:
        >>> made = request_body(b"abc")
        >>> made.size, made.checksum.count
        (3, 0)
    """

    body: Any
    checksum: Checksum
    size: int | None


class _HashingReader:
    """A file body of known size: hashed, counted and reported as ``requests`` sends it.

    It has a length (so it is sent with ``Content-Length``) and can be rewound when the
    file under it can, so the provider may send it again after a retry or a
    re-authentication. It is an iterable of ``chunk_size`` blocks and deliberately not a
    file: urllib3 reads a file body 16 KiB at a time, a call into this class and the hash
    for each, where an iterable is sent in the blocks it yields.
    """

    def __init__(
        self,
        source: BinaryIO,
        size: int,
        checksum: Checksum,
        progress: Progress | None,
        chunk_size: int,
    ) -> None:
        self._source = source
        self._size = size
        self._checksum = checksum
        self._progress = progress
        self._chunk_size = chunk_size
        self._sent = 0
        self._start = seekable_position(source)

    def __len__(self) -> int:
        return self._size

    def tell(self) -> int:
        return self._sent

    def seekable(self) -> bool:
        return self._start is not None

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if self._start is None or offset != 0 or whence != io.SEEK_SET:
            raise io.UnsupportedOperation("the body can only be rewound to its start")
        self._source.seek(self._start)
        self._sent = 0
        self._checksum.reset()
        return 0

    def _read(self, size: int) -> bytes:
        wanted = min(size, self._size - self._sent)
        if wanted <= 0:
            return b""
        data = self._source.read(wanted)
        if not data:
            raise BodySizeError(f"the body ended after {self._sent} of {self._size} bytes")
        if not isinstance(data, _BYTES):
            raise TypeError(f"the file must be opened in binary mode (it gave a {type(data)})")
        data = bytes(data)
        self._sent += len(data)
        self._checksum.update(data)
        if self._progress is not None:
            self._progress(self._sent, self._size)
        return data

    def __iter__(self) -> Iterator[bytes]:
        while chunk := self._read(self._chunk_size):
            yield chunk


class _SizedChunks:
    """An iterable body of known size: sent with ``Content-Length`` instead of chunked."""

    def __init__(self, chunks: Iterator[bytes], size: int) -> None:
        self._chunks = chunks
        self._size = size

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks


def _hashing_chunks(
    chunks: Iterable[Any], checksum: Checksum, progress: Progress | None, size: int | None
) -> Iterator[bytes]:
    for chunk in chunks:
        if not isinstance(chunk, _BYTES):
            raise TypeError(f"an upload iterable must yield bytes, not {type(chunk).__name__}")
        if not chunk:
            continue  # an empty chunk would end a chunked body early
        data = bytes(chunk)
        checksum.update(data)
        if size is not None and checksum.count > size:
            raise BodySizeError(f"the body has more than the {size} bytes announced")
        if progress is not None:
            progress(checksum.count, size)
        yield data
    if size is not None and checksum.count != size:
        raise BodySizeError(f"the body ended after {checksum.count} of {size} bytes")


def seekable_position(source: Any) -> int | None:
    """Where a seekable file stands (``None`` when it cannot seek).

    Example:
        >>> seekable_position(io.BytesIO(b"abc")), seekable_position(iter([b"abc"]))
        (0, None)
    """
    try:
        if hasattr(source, "seekable") and not source.seekable():
            return None
        return int(source.tell())
    except (AttributeError, OSError, ValueError):
        return None


def remaining_size(source: Any) -> int | None:
    """Bytes left in a file from where it stands, when that can be known without reading.

    Example:
        >>> f = io.BytesIO(b"abcdef"); _ = f.read(2)
        >>> remaining_size(f), f.tell()
        (4, 2)
    """
    start = seekable_position(source)
    if start is None:
        return None
    try:
        end = int(source.seek(0, io.SEEK_END))
        source.seek(start)
    except (AttributeError, OSError, ValueError):
        return None
    return max(0, end - start)


def check_upload(data: Any, *, size: Any = None, progress: Any = None) -> int | None:
    """Check what an upload was given, before anything is read or sent; return ``size``.

    The one place where every upload (one object, a segment, a large object) checks its
    arguments, so that a wrong one gets an error that says what is wrong, raised by the
    call itself rather than from inside the transport while the body is being sent.

    Raises:
        TypeError: ``data`` is text or a file opened in text mode, or ``progress`` is not
            callable.
        ValueError: ``size`` is not a number of bytes (an integer of at least 0).
        BodySizeError: ``size`` says more bytes than ``data`` has (bytes, or a file
            whose size can be found), or fewer than the bytes given.

    Example:
        >>> check_upload(b"abc", size=3)
        3
        >>> check_upload(io.BytesIO(b"x"), size=-1)
        Traceback (most recent call last):
        ...
        ValueError: size must be at least 0, not -1
        >>> check_upload(io.StringIO("x"))
        Traceback (most recent call last):
        ...
        TypeError: upload bytes, a binary file or an iterable of bytes, not a text file (StringIO); open files with "rb"
    """  # noqa: E501
    if isinstance(data, str):
        raise TypeError("upload bytes, a binary file or an iterable of bytes, not str")
    if isinstance(data, io.TextIOBase):
        raise TypeError(
            "upload bytes, a binary file or an iterable of bytes, not a text file "
            f'({type(data).__name__}); open files with "rb"'
        )
    if progress is not None and not callable(progress):
        raise TypeError(
            "progress must be a function progress(bytes_done, total), "
            f"not {type(progress).__name__}"
        )
    if size is None:
        return None
    checked = check_int("size", size)
    if isinstance(data, _BYTES) and len(data) != checked:
        raise BodySizeError(f"size is {checked} bytes but the data has {len(data)}")
    if hasattr(data, "read"):
        left = remaining_size(data)
        if left is not None and left < checked:
            raise BodySizeError(f"size is {checked} bytes but the file has {left} left to read")
    return checked


def request_body(
    data: Any,
    *,
    size: int | None = None,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
    algorithm: str = "md5",
) -> RequestBody:
    """Make an upload body that is streamed, hashed and reported as it is sent.

    ``data`` is bytes, a binary file, or an iterable of bytes; it is never read whole
    into memory. A file whose size is known (given, or found by seeking) is sent with
    ``Content-Length`` from where it stands, in ``chunk_size`` blocks, and can be rewound
    to be sent again; an iterable of unknown size is sent with ``Transfer-Encoding:
    chunked``. Nothing is read before ``requests`` sends the body.

    Returns:
        The body to give ``requests``, the :class:`Checksum` (of ``algorithm``) it fills
        while it is sent, and the size when known.

    Raises:
        TypeError: ``data`` is text or not a byte source (an iterable that yields
            something other than bytes raises while it is sent), ``progress`` is not
            callable.
        ValueError: ``size`` is not an integer of at least 0 (see :func:`check_upload`).
        BodySizeError: ``size`` says more bytes than the data has.

    Example:
        >>> body, checksum, size = request_body(b"Goodbye World!")
        >>> b"".join(body), checksum.hexdigest(), size
        (b'Goodbye World!', '451e372e48e0f6b1114fa0724aa79fa1', 14)
        >>> request_body("text")
        Traceback (most recent call last):
        ...
        TypeError: upload bytes, a binary file or an iterable of bytes, not str
    """
    size = check_upload(data, size=size, progress=progress)
    checksum = Checksum(algorithm)
    if isinstance(data, _BYTES):
        data = io.BytesIO(bytes(data))
    if hasattr(data, "read"):
        known = size if size is not None else remaining_size(data)
        if known is None:
            chunks = iter(lambda: data.read(chunk_size), b"")
            return RequestBody(_hashing_chunks(chunks, checksum, progress, None), checksum, None)
        if known == 0:
            return RequestBody(b"", checksum, 0)
        reader = _HashingReader(data, known, checksum, progress, chunk_size)
        return RequestBody(reader, checksum, known)
    if isinstance(data, Iterable):
        hashed = _hashing_chunks(data, checksum, progress, size)
        if size is None:
            return RequestBody(hashed, checksum, None)
        return RequestBody(_SizedChunks(hashed, size), checksum, size)
    raise TypeError(
        f"upload bytes, a binary file or an iterable of bytes, not {type(data).__name__}"
    )


# -- response bodies -------------------------------------------------------------------


def response_chunks(
    response: requests.Response, *, what: str, chunk_size: int = CHUNK_SIZE
) -> Iterator[bytes]:
    """The body of a streamed response as it arrives, as sent (no content decoding).

    ``what`` (``"GET photos/cat.jpg"``: the method, then what is read) names the body in
    errors. A connection that breaks or times out while the body is read raises
    :class:`~oscloud.errors.ConnectError` or :class:`~oscloud.errors.TimeoutError`.

    Example:
        >>> for chunk in response_chunks(response, what="GET c/o"):  # doctest: +SKIP
        ...     sink.write(chunk)
    """
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


def checked_chunks(
    chunks: Iterable[bytes],
    *,
    what: str,
    expected: str | None,
    total: int | None = None,
    progress: Progress | None = None,
    algorithm: str = "md5",
    error: type[ChecksumMismatchError] = ChecksumMismatchError,
) -> Iterator[bytes]:
    """Yield ``chunks`` as they come, then check their digest against ``expected``.

    Nothing is held back: the check happens after the last chunk. ``expected=None``
    checks nothing (a range, say, whose digest nobody announced). ``progress`` is called
    with the bytes so far and ``total``.

    Raises:
        ChecksumMismatchError: the bytes do not have the digest expected (``error``, a
            subclass, names it in the service's words).

    Example:
        >>> list(checked_chunks([b"Hello"], what="GET goodbye",
        ...                     expected="451e372e48e0f6b1114fa0724aa79fa1"))
        Traceback (most recent call last):
        ...
        oscloud._streaming.ChecksumMismatchError: GET goodbye: the body has MD5 ...
    """
    checksum = Checksum(algorithm)
    for chunk in chunks:
        if not chunk:
            continue
        checksum.update(chunk)
        if progress is not None:
            progress(checksum.count, total)
        yield chunk
    if expected is not None and checksum.hexdigest() != expected:
        raise error(what, expected, checksum.hexdigest(), algorithm)


def write_chunks(chunks: Iterable[bytes], target: str | os.PathLike[str] | BinaryIO) -> int:
    """Write ``chunks`` to a binary file or a path; return the number of bytes written.

    A path is written through a temporary file in the same folder, renamed into place
    only when every chunk arrived (and passed its checks): a failed download leaves no
    partial file. ``chunks`` is closed (when it can be) once written or on failure.

    Example:
        >>> sink = io.BytesIO()
        >>> write_chunks(iter([b"Goodbye ", b"World!"]), sink), sink.getvalue()
        (14, b'Goodbye World!')
    """
    try:
        if not isinstance(target, (str, os.PathLike)):
            return _copy(chunks, target)
        path = os.fspath(target)
        folder = os.path.dirname(os.path.abspath(path))
        fd, temp_path = tempfile.mkstemp(prefix=".oscloud-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as sink:
                written = _copy(chunks, sink)
            os.replace(temp_path, path)
        except BaseException:
            if os.path.exists(temp_path):
                os.unlink(temp_path)
            raise
        return written
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def _copy(chunks: Iterable[bytes], sink: BinaryIO) -> int:
    written = 0
    for chunk in chunks:
        sink.write(chunk)
        written += len(chunk)
    return written
