"""What the object storage v1 packages share.

Names and URLs, metadata headers, checksums while streaming, and the bulk delete
middleware's report.

Swift keeps metadata in headers (``X-Account-Meta-*``, ``X-Container-Meta-*``,
``X-Object-Meta-*``) and removes it with ``X-Remove-<Kind>-Meta-*``; the option fields and
readers here are the one place that knows how, for accounts, containers and objects alike.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, BinaryIO, TypeVar
from urllib.parse import quote, unquote, urlsplit

import attrs
from requests.structures import CaseInsensitiveDict

from oscloud import _wire as wire
from oscloud._time import to_utc
from oscloud.errors import InvalidResponseError, MissingInputError, OSCloudError
from oscloud.results import Result
from oscloud.service import ServiceClient, check_id

__all__ = [
    "BodySizeError",
    "BulkDeleteError",
    "BulkDeleteFailure",
    "BulkDeleteReport",
    "BulkDeleteResultBase",
    "Checksum",
    "ETagMismatchError",
    "Progress",
    "account_url",
    "bulk_delete",
    "check_container",
    "check_object_name",
    "checked_chunks",
    "container_url",
    "decode_header_value",
    "encode_metadata",
    "header_bool",
    "header_int",
    "header_time",
    "is_md5",
    "metadata_field",
    "normalize_etag",
    "object_path",
    "object_url",
    "quote_object_name",
    "read_metadata",
    "remaining_size",
    "removal_flag",
    "remove_metadata_field",
    "request_body",
    "seekable_position",
    "signing_path",
    "unix_seconds",
    "with_report_error",
]

#: ``progress(bytes_done, total)``: called as bytes are sent or received; ``total`` is
#: ``None`` when the size is not known in advance.
Progress = Callable[[int, int | None], None]

#: Bytes read or sent at a time when streaming.
CHUNK_SIZE = 256 * 1024

_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_MD5_HEX = re.compile(r"^[0-9a-f]{32}$")

R = TypeVar("R", bound=Result[Any])


# -- errors ----------------------------------------------------------------------------


class ETagMismatchError(InvalidResponseError):
    """The MD5 of the bytes sent or received is not the ETag the server gave.

    Attributes:
        expected: the ETag the server gave (an MD5 in hex).
        actual: the MD5 of the bytes that went over the wire.

    Example:
        >>> err = ETagMismatchError("GET photos/cat.jpg", "a" * 32, "b" * 32)
        >>> err.expected == "a" * 32, str(err).startswith("GET photos/cat.jpg: the body has")
        (True, True)
    """

    def __init__(self, what: str, expected: str, actual: str) -> None:
        self.expected = expected
        self.actual = actual
        super().__init__(f"{what}: the body has MD5 {actual} but the server's ETag is {expected}")


class BodySizeError(OSCloudError, ValueError):
    """A request body had fewer or more bytes than the size given for it.

    Example:
        >>> raise BodySizeError("the body ended after 3 of 10 bytes")
        Traceback (most recent call last):
        ...
        oscloud.openstack.objectstorage.v1._common.BodySizeError: the body ended after 3 of 10 bytes
    """


# -- names and URLs --------------------------------------------------------------------


def check_container(container: object) -> str:
    """Check a container name given by the caller (never empty, never containing ``/``).

    Raises:
        MissingInputError: empty or not a string.
        ValueError: it contains ``/`` or is ``.`` or ``..``.

    Example:
        >>> check_container("photos")
        'photos'
        >>> check_container("a/b")
        Traceback (most recent call last):
        ...
        ValueError: container must not contain '/': 'a/b'
    """
    return check_id("container", container)


def check_object_name(object_name: object) -> str:
    """Check an object name: any non-empty string (``/`` makes pseudo-folders).

    Raises:
        MissingInputError: empty or not a string.

    Example:
        >>> check_object_name("2024/cat.jpg")
        '2024/cat.jpg'
    """
    if not isinstance(object_name, str) or not object_name:
        raise MissingInputError(f"object_name is required (got {object_name!r})")
    return object_name


def quote_object_name(object_name: str) -> str:
    """Percent-quote an object name for a URL path, keeping its ``/``.

    A segment made only of dots is quoted too, so that no HTTP library reads it as ``.`` or
    ``..`` and removes it.

    Example:
        >>> quote_object_name("a b/../c?")
        'a%20b/%2E%2E/c%3F'
    """
    return "/".join(
        "%2E" * len(segment) if segment and not segment.strip(".") else quote(segment, safe="")
        for segment in object_name.split("/")
    )


def account_url(client: ServiceClient) -> str:
    """The account's URL: the endpoint without its trailing slash.

    Example:
        >>> from oscloud.provider import ProviderClient
        >>> account_url(ServiceClient(provider=ProviderClient(),
        ...                           endpoint="https://swift/v1/AUTH_a"))
        'https://swift/v1/AUTH_a'
    """
    return client.base_url.rstrip("/")


def container_url(client: ServiceClient, container: str) -> str:
    """The URL of ``container`` (checked with :func:`check_container`).

    Example:
        >>> from oscloud.provider import ProviderClient
        >>> container_url(ServiceClient(provider=ProviderClient(),
        ...                             endpoint="https://swift/v1/AUTH_a"), "my photos")
        'https://swift/v1/AUTH_a/my%20photos'
    """
    return client.service_url(check_container(container))


def object_url(client: ServiceClient, container: str, object_name: str) -> str:
    """The URL of an object; its name keeps its ``/``.

    Example:
        >>> from oscloud.provider import ProviderClient
        >>> object_url(ServiceClient(provider=ProviderClient(),
        ...            endpoint="https://swift/v1/AUTH_a"), "photos", "2024/cat 1.jpg")
        'https://swift/v1/AUTH_a/photos/2024/cat%201.jpg'
    """
    url = container_url(client, container)
    return f"{url}/{quote_object_name(check_object_name(object_name))}"


def object_path(container: str, object_name: str) -> str:
    """``container/object`` URL-quoted, as ``Destination``, ``X-Copy-From`` take it.

    ``X-Object-Manifest`` takes ``container/prefix`` the same way.

    Example:
        >>> object_path("photos", "2024/cat 1.jpg")
        'photos/2024/cat%201.jpg'
    """
    return f"{quote(check_container(container), safe='')}/{quote_object_name(object_name)}"


def signing_path(url: str) -> str:
    """The unquoted path Swift signs (temporary URLs, form POST): from ``/v1/`` on.

    A cloud that serves Swift under a prefix (``https://host/object/v1/AUTH_a``) still
    signs from ``/v1/``, which is what the proxy server sees.

    Example:
        >>> signing_path("https://host/object/v1/AUTH_a/c/my%20file")
        '/v1/AUTH_a/c/my file'
    """
    path = unquote(urlsplit(url).path)
    found = re.search(r"/v1(?:/|$)", path)
    return path[found.start() :] if found else path


# -- metadata --------------------------------------------------------------------------


def metadata_field(kind: str) -> Any:
    """An option field whose mapping becomes ``X-<kind>-Meta-<key>: <value>`` headers.

    Example:
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     metadata: Mapping[str, str] = metadata_field("Object")
        >>> wire.build_headers(Opts(metadata={"Color": "blue"}))
        {'X-Object-Meta-Color': 'blue'}
    """
    return attrs.field(
        factory=dict,
        metadata=wire.header(f"X-{kind}-Meta-", prefix=True, encode=encode_metadata),
    )


def remove_metadata_field(kind: str) -> Any:
    """An option field whose names become ``X-Remove-<kind>-Meta-<name>`` headers.

    Example:
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     remove_metadata: tuple[str, ...] = remove_metadata_field("Container")
        >>> wire.build_headers(Opts(remove_metadata=["Color"]))
        {'X-Remove-Container-Meta-Color': 'x'}
    """
    return attrs.field(
        factory=tuple,
        converter=_names,
        metadata=wire.header(f"X-Remove-{kind}-Meta-", prefix=True, encode=_removal_map),
    )


def removal_flag(name: str) -> Any:
    """An option field: ``True`` sends the header ``name`` (an ``X-Remove-*`` header).

    Example:
        >>> @attrs.frozen(kw_only=True)
        ... class Opts:
        ...     remove_read_acl: bool = removal_flag("X-Remove-Container-Read")
        >>> wire.build_headers(Opts(remove_read_acl=True)), wire.build_headers(Opts())
        ({'X-Remove-Container-Read': 'x'}, {})
    """
    return attrs.field(
        default=False,
        metadata=wire.header(name, encode=lambda flag: "x"),
        converter=_true_or_none,
    )


def encode_metadata(values: Mapping[str, Any]) -> dict[str, str]:
    """Check metadata names and values and make them header-safe.

    Names are HTTP tokens (Swift turns ``_`` into ``-``); values are text without line
    breaks. A value that is not ASCII is sent as UTF-8 bytes, as Swift stores it.

    Raises:
        ValueError: a name or a value cannot be a header.

    Example:
        >>> encode_metadata({"Book": "Goodbye Columbus"})
        {'Book': 'Goodbye Columbus'}
        >>> encode_metadata({"Bad Name": "x"})
        Traceback (most recent call last):
        ...
        ValueError: metadata name 'Bad Name' is not a valid header name
    """
    if not isinstance(values, Mapping):
        raise TypeError(f"metadata must be a mapping, not {type(values).__name__}")
    encoded: dict[str, str] = {}
    for name, value in values.items():
        encoded[_check_name(name)] = _header_value(name, value)
    return encoded


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not _TOKEN.match(name):
        raise ValueError(f"metadata name {name!r} is not a valid header name")
    return name


def _header_value(name: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"metadata {name!r}: the value must be a str, not {type(value).__name__}")
    text = str(value)
    if "\r" in text or "\n" in text or "\0" in text:
        raise ValueError(f"metadata {name!r}: the value must not contain line breaks")
    # http.client sends str headers as Latin-1: this sends the UTF-8 bytes unchanged.
    return text.encode("utf-8").decode("latin-1")


def decode_header_value(value: str) -> str:
    r"""Undo what the HTTP stack did to a UTF-8 header value (it reads them as Latin-1).

    Example:
        >>> decode_header_value("caf\xc3\xa9")
        'café'
        >>> decode_header_value("plain")
        'plain'
    """
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _removal_map(names: Iterable[str]) -> dict[str, str]:
    return {_check_name(name): "x" for name in names}


def _true_or_none(value: Any) -> bool | None:
    return True if value else None


def read_metadata(
    headers: Mapping[str, str], kind: str, exclude: Iterable[str] = ()
) -> CaseInsensitiveDict[str]:
    """The ``X-<kind>-Meta-*`` headers as a case-insensitive mapping of name to value.

    Names in ``exclude`` (compared without case) are left out: what a model reads into its
    own fields, such as the temporary URL keys.

    Example:
        >>> meta = read_metadata({"X-Container-Meta-Book": "TomSawyer",
        ...     "X-Container-Meta-Temp-URL-Key": "secret"}, "Container", ["temp-url-key"])
        >>> dict(meta), meta["book"]
        ({'Book': 'TomSawyer'}, 'TomSawyer')
    """
    prefix = f"x-{kind.lower()}-meta-"
    skipped = {name.lower() for name in exclude}
    found: CaseInsensitiveDict[str] = CaseInsensitiveDict()
    for name, value in headers.items():
        if name.lower().startswith(prefix):
            key = name[len(prefix) :]
            if key and key.lower() not in skipped:
                found[key] = decode_header_value(value)
    return found


# -- reading headers -------------------------------------------------------------------


def header_int(headers: Mapping[str, str], name: str) -> int | None:
    """An integer header, or ``None`` when it is absent.

    Example:
        >>> header_int({"X-Account-Bytes-Used": "14"}, "X-Account-Bytes-Used")
        14
    """
    value = headers.get(name)
    if value is None or value == "":
        return None
    return int(value)


def header_time(headers: Mapping[str, str], name: str) -> _dt.datetime | None:
    """A time header (HTTP date or Unix seconds) as an aware UTC datetime, or ``None``.

    Example:
        >>> header_time({"X-Timestamp": "1389453423.35964"}, "X-Timestamp").year
        2014
    """
    value = headers.get(name)
    if value is None or value == "":
        return None
    return to_utc(value)


def header_bool(headers: Mapping[str, str], name: str) -> bool:
    """Whether a Swift flag header is set (``True``, ``true``, ``yes``, ``1``, ``on``).

    Example:
        >>> header_bool({"X-Static-Large-Object": "True"}, "X-Static-Large-Object")
        True
    """
    return str(headers.get(name, "")).strip().lower() in ("true", "yes", "1", "on", "t", "y")


def unix_seconds(value: int | _dt.datetime) -> int:
    """Unix seconds for ``X-Delete-At`` and signatures (naive datetimes are UTC).

    Example:
        >>> unix_seconds(_dt.datetime(2014, 1, 27, 19, 46, 47, tzinfo=_dt.timezone.utc))
        1390852007
    """
    if isinstance(value, _dt.datetime):
        return int(to_utc(value).timestamp())
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected Unix seconds or a datetime, not {type(value).__name__}")
    return value


def normalize_etag(value: str | None) -> str | None:
    """An ETag without its quotes, in lower case (``None`` stays ``None``).

    Example:
        >>> normalize_etag('"D41D8CD98F00B204E9800998ECF8427E"')
        'd41d8cd98f00b204e9800998ecf8427e'
    """
    if value is None:
        return None
    return value.strip().strip('"').lower()


# -- checksums while streaming ---------------------------------------------------------


class Checksum:
    """The MD5 and the count of the bytes that went through a stream.

    Example:
        >>> c = Checksum(); c.update(b"Goodbye World!")
        >>> c.hexdigest(), c.count
        ('451e372e48e0f6b1114fa0724aa79fa1', 14)
    """

    __slots__ = ("_md5", "count")

    def __init__(self) -> None:
        self._md5 = hashlib.md5(usedforsecurity=False)
        self.count = 0

    def update(self, data: bytes) -> None:
        """Add ``data``."""
        self._md5.update(data)
        self.count += len(data)

    def reset(self) -> None:
        """Start again (the body is sent again from its start)."""
        self._md5 = hashlib.md5(usedforsecurity=False)
        self.count = 0

    def hexdigest(self) -> str:
        """The MD5 so far, in hex."""
        return self._md5.hexdigest()


class _HashingReader:
    """A file body of known size: hashed, counted and reported as ``requests`` sends it.

    It has a length (so it is sent with ``Content-Length``) and can be rewound when the
    file under it can, so the provider may send it again after a retry or a
    re-authentication. It is an iterable of ``chunk_size`` blocks and deliberately not a
    file: urllib3 reads a file body 16 KiB at a time, a call into this class and the MD5
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
        if not isinstance(data, (bytes, bytearray, memoryview)):
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
        if not isinstance(chunk, (bytes, bytearray, memoryview)):
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
        >>> seekable_position(io.BytesIO(b"abc"))
        0
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


def request_body(
    data: Any,
    *,
    size: int | None = None,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[Any, Checksum, int | None]:
    """Make an upload body that is streamed, hashed (MD5) and reported as it is sent.

    ``data`` is bytes, a binary file, or an iterable of bytes; it is never read whole
    into memory. A file whose size is known (given, or found by seeking) is sent with
    ``Content-Length`` and can be sent again after a retry; an iterable of unknown size
    is sent with ``Transfer-Encoding: chunked``.

    Returns:
        The body to give ``requests``, the :class:`Checksum` it fills while it is sent,
        and the size when known.

    Raises:
        TypeError: ``data`` is text or not a byte source.

    Example:
        >>> body, checksum, size = request_body(b"Goodbye World!")
        >>> b"".join(body), checksum.hexdigest(), size
        (b'Goodbye World!', '451e372e48e0f6b1114fa0724aa79fa1', 14)
    """
    checksum = Checksum()
    if isinstance(data, str):
        raise TypeError("upload bytes, a binary file or an iterable of bytes, not str")
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = io.BytesIO(bytes(data))
    if hasattr(data, "read"):
        known = size if size is not None else remaining_size(data)
        if known is None:
            chunks = iter(lambda: data.read(chunk_size), b"")
            return _hashing_chunks(chunks, checksum, progress, None), checksum, None
        if known == 0:
            return b"", checksum, 0
        return _HashingReader(data, known, checksum, progress, chunk_size), checksum, known
    if isinstance(data, Iterable):
        hashed = _hashing_chunks(data, checksum, progress, size)
        if size is None:
            return hashed, checksum, None
        return _SizedChunks(hashed, size), checksum, size
    raise TypeError(
        f"upload bytes, a binary file or an iterable of bytes, not {type(data).__name__}"
    )


def checked_chunks(
    chunks: Iterable[bytes],
    *,
    what: str,
    expected_md5: str | None,
    total: int | None = None,
    progress: Progress | None = None,
) -> Iterator[bytes]:
    """Yield ``chunks`` as they come, then check their MD5 against ``expected_md5``.

    Nothing is held back: the check happens after the last chunk.

    Raises:
        ETagMismatchError: the bytes do not have the MD5 expected.

    Example:
        >>> list(checked_chunks([b"Goodbye ", b"World!"], what="GET goodbye",
        ...                     expected_md5="451e372e48e0f6b1114fa0724aa79fa1"))
        [b'Goodbye ', b'World!']
        >>> list(checked_chunks([b"Hello"], what="GET goodbye",
        ...                     expected_md5="451e372e48e0f6b1114fa0724aa79fa1"))
        Traceback (most recent call last):
        ...
        oscloud.openstack.objectstorage.v1._common.ETagMismatchError: GET goodbye: ...
    """
    checksum = Checksum()
    for chunk in chunks:
        if not chunk:
            continue
        checksum.update(chunk)
        if progress is not None:
            progress(checksum.count, total)
        yield chunk
    if expected_md5 is not None and checksum.hexdigest() != expected_md5:
        raise ETagMismatchError(what, expected_md5, checksum.hexdigest())


def is_md5(value: str | None) -> bool:
    """Whether ``value`` looks like an MD5 in hex (what a plain object's ETag is).

    Example:
        >>> is_md5("451e372e48e0f6b1114fa0724aa79fa1"), is_md5(None)
        (True, False)
    """
    return value is not None and bool(_MD5_HEX.match(value))


# -- bulk delete -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BulkDeleteFailure:
    """One path the bulk delete could not remove.

    Example:
        >>> BulkDeleteFailure.from_json(["/photos/a%20b", "409 Conflict"])
        BulkDeleteFailure(name='/photos/a b', status='409 Conflict')
    """

    name: str
    status: str

    @classmethod
    def from_json(cls, data: Any) -> BulkDeleteFailure:
        """Read one ``[quoted_name, status]`` pair of the report's ``Errors``."""
        name, status = data
        return cls(name=unquote(str(name)), status=str(status))


@attrs.frozen(kw_only=True)
class BulkDeleteReport:
    """What the bulk delete middleware reports (it always answers ``200 OK``).

    Attributes:
        deleted: how many paths were deleted.
        not_found: how many did not exist (that counts as done).
        errors: the paths that could not be deleted, with their status.
        status: the overall status, e.g. ``"200 OK"`` or ``"400 Bad Request"``.
        message: the ``Response Body`` text (empty when all went well).

    Example:
        >>> report = BulkDeleteReport.from_json({"Number Not Found": 1,
        ...     "Response Status": "200 OK", "Response Body": "", "Errors": [],
        ...     "Number Deleted": 6})
        >>> report.deleted, report.not_found, report.ok
        (6, 1, True)
    """

    deleted: int
    not_found: int
    errors: tuple[BulkDeleteFailure, ...] = ()
    status: str = "200 OK"
    message: str = ""

    @property
    def status_code(self) -> int:
        """The overall status as a number (``200``).

        Example:
            >>> BulkDeleteReport(deleted=0, not_found=0, status="400 Bad Request").status_code
            400
        """
        code = self.status.split(" ", 1)[0]
        return int(code) if code.isdigit() else 0

    @property
    def ok(self) -> bool:
        """Whether every path was deleted or already gone.

        Example:
            >>> BulkDeleteReport(deleted=1, not_found=0).ok
            True
        """
        return 200 <= self.status_code < 300 and not self.errors

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BulkDeleteReport:
        """Read the JSON report (``Accept: application/json``)."""
        if not isinstance(data, Mapping):
            raise TypeError(f"the bulk delete report is not a JSON object: {data!r}")
        return cls(
            deleted=int(data.get("Number Deleted", 0)),
            not_found=int(data.get("Number Not Found", 0)),
            errors=tuple(BulkDeleteFailure.from_json(e) for e in data.get("Errors") or ()),
            status=str(data.get("Response Status", "")),
            message=str(data.get("Response Body", "") or ""),
        )


class BulkDeleteError(OSCloudError):
    """A bulk delete (or a large object delete) left paths undeleted.

    Attributes:
        report: the whole :class:`BulkDeleteReport`: counts and failed paths.

    Example:
        >>> report = BulkDeleteReport(deleted=1, not_found=0, status="400 Bad Request",
        ...     errors=(BulkDeleteFailure(name="/photos", status="409 Conflict"),))
        >>> print(BulkDeleteError(report))
        bulk delete: 400 Bad Request (1 deleted, 0 not found, 1 failed): /photos: 409 Conflict
    """

    def __init__(self, report: BulkDeleteReport) -> None:
        self.report = report
        failed = "; ".join(f"{e.name}: {e.status}" for e in report.errors[:10])
        if len(report.errors) > 10:
            failed += f"; and {len(report.errors) - 10} more"
        text = (
            f"bulk delete: {report.status or 'no status'} ({report.deleted} deleted, "
            f"{report.not_found} not found, {len(report.errors)} failed)"
        )
        detail = failed or report.message
        super().__init__(f"{text}: {detail}" if detail else text)


class BulkDeleteResultBase(Result[BulkDeleteReport]):
    """A result holding a :class:`BulkDeleteReport`.

    ``err`` is a :class:`BulkDeleteError` (with the report) when some paths could not be
    deleted.
    """

    model = BulkDeleteReport

    __slots__ = ()


def with_report_error(result: R) -> R:
    """Give ``result`` a :class:`BulkDeleteError` when its report says something failed.

    Example:
        >>> class Done(BulkDeleteResultBase): pass
        >>> r = with_report_error(Done(status_code=200, body={"Number Deleted": 0,
        ...     "Number Not Found": 0, "Response Status": "400 Bad Request",
        ...     "Response Body": "Invalid bulk delete.", "Errors": []}))
        >>> r.err
        BulkDeleteError('bulk delete: 400 Bad Request (0 deleted, 0 not found, 0 failed): Invalid bulk delete.')
    """  # noqa: E501
    if result.status_code is None:  # already an error: leave it to the caller to read
        return result
    try:
        report = BulkDeleteReport.from_json(result.body)
    except (TypeError, ValueError) as exc:
        err: OSCloudError = InvalidResponseError(f"{type(result).__name__}: {exc}")
    else:
        if report.ok:
            return result
        err = BulkDeleteError(report)
    return type(result)(
        body=result.body, headers=result.headers, status_code=result.status_code, err=err
    )


def bulk_delete(client: ServiceClient, result_class: type[R], paths: Iterable[str]) -> R:
    """``POST /v1/{account}?bulk-delete`` (200) with the URL-quoted ``paths``, one a line.

    ``paths`` are ``/container`` or ``/container/object``, unquoted. The JSON report is
    asked for and read; see :func:`with_report_error`.

    Raises:
        MissingInputError: no paths.

    Example:
        >>> bulk_delete(swift, BulkDeleteResult, ["/photos/a", "/photos"])  # doctest: +SKIP
    """
    lines = [quote(path, safe="/") for path in paths]
    if not lines:
        raise MissingInputError("nothing to delete: give at least one name")
    url = wire.with_query(account_url(client), [("bulk-delete", "true")])
    result = client.call(
        result_class,
        "POST",
        url,
        data="\n".join(lines).encode("utf-8"),
        headers={"Content-Type": "text/plain", "Accept": "application/json"},
        ok_codes=(200,),
    )
    return with_report_error(result)
