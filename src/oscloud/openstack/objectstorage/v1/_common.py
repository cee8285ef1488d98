"""What the object storage v1 packages share.

Names and URLs, metadata headers, the readers of Swift's headers, the ETag check, and the
bulk delete middleware's report.

Swift keeps metadata in headers (``X-Account-Meta-*``, ``X-Container-Meta-*``,
``X-Object-Meta-*``) and removes it with ``X-Remove-<Kind>-Meta-*``; the option fields and
readers here are the one place that knows how, for accounts, containers and objects alike.
Streaming and hashing bodies is not object storage's own: it is ``oscloud._streaming``,
whose names object storage has always exported are re-exported here (``Checksum``,
``BodySizeError``, ``Progress``, ``CHUNK_SIZE``).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import attrs
from requests.structures import CaseInsensitiveDict

from oscloud import _readers as read
from oscloud import _wire as wire
from oscloud._model import Model, field, model
from oscloud._streaming import CHUNK_SIZE as CHUNK_SIZE
from oscloud._streaming import BodySizeError as BodySizeError
from oscloud._streaming import Checksum as Checksum
from oscloud._streaming import ChecksumMismatchError
from oscloud._streaming import Progress as Progress
from oscloud._time import to_utc
from oscloud.errors import InvalidResponseError, MissingInputError, OSCloudError
from oscloud.results import READ_ERRORS, Result
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CHUNK_SIZE",
    "BodySizeError",
    "BulkDeleteError",
    "BulkDeleteFailure",
    "BulkDeleteReport",
    "BulkDeleteResult",
    "BulkDeleteResultBase",
    "Checksum",
    "ETagMismatchError",
    "Progress",
    "account_url",
    "at_least_one",
    "bulk_delete",
    "check_container",
    "check_expiry",
    "check_object_name",
    "container_url",
    "decode_header_value",
    "encode_metadata",
    "flag",
    "header_text",
    "is_md5",
    "metadata_field",
    "metadata_reader",
    "normalize_etag",
    "not_negative",
    "object_path",
    "object_url",
    "quote_object_name",
    "read_metadata",
    "removal_flag",
    "remove_metadata_field",
    "signing_path",
    "unix_seconds",
    "with_report_error",
]

_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_MD5_HEX = re.compile(r"^[0-9a-f]{32}$")

# -- errors ----------------------------------------------------------------------------


class ETagMismatchError(ChecksumMismatchError):
    """The MD5 of the bytes sent or received is not the ETag the server gave.

    A ``ChecksumMismatchError`` of ``oscloud._streaming`` (so an
    :class:`~oscloud.errors.InvalidResponseError`) in object storage's words.

    Attributes:
        expected: the ETag the server gave (an MD5 in hex).
        actual: the MD5 of the bytes that went over the wire.

    Example:
        >>> err = ETagMismatchError("GET photos/cat.jpg", "a" * 32, "b" * 32)
        >>> err.expected == "a" * 32, str(err).startswith("GET photos/cat.jpg: the body has")
        (True, True)
        >>> str(err).endswith("but the server's ETag is " + "a" * 32)
        True
    """

    announced = "the server's ETag"


# -- names and URLs --------------------------------------------------------------------


def check_container(container: object) -> str:
    """Check a container name given by the caller (never empty, never containing ``/``).

    Raises:
        MissingInputError: empty or ``None``.
        TypeError: not a string.
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
        >>> wire.build_headers(Opts(metadata={"Color": "blue"}), client=None)
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
        >>> wire.build_headers(Opts(remove_metadata=["Color"]), client=None)
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
        >>> (wire.build_headers(Opts(remove_read_acl=True), client=None),
        ...  wire.build_headers(Opts(), client=None))
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


def metadata_reader(kind: str, exclude: Iterable[str] = ()) -> Callable[[Any], Any]:
    """A model field reader (``whole=True``) of the ``X-<kind>-Meta-*`` headers.

    See :func:`read_metadata`.

    Example:
        >>> metadata_reader("Object")({"X-Object-Meta-Book": "Columbus"})["book"]
        'Columbus'
    """
    return lambda headers: read_metadata(headers, kind, exclude)


# -- reading headers -------------------------------------------------------------------
#
# The header models are declared like JSON ones (oscloud._model): each field's key is its
# header's name, read from the case-insensitive headers. Counts and times are read with
# oscloud._readers; these are what Swift spells its own way.
#
# They are lazy models without a key (``@model(lazy=True, key=None)``): a field is read from
# its header when first used. A header that is not what Swift documents (``X-Timestamp:
# yesterday``, a count that is not a number) raises InvalidResponseError when its field
# is read, and only then: it never stops a download, an upload's ETag check, or the
# reading of the other fields. Its raw text stays in the result's ``headers``.


def header_text(value: str) -> str | None:
    r"""A text header as Swift stored it (UTF-8 undone), ``None`` when empty.

    Example:
        >>> header_text("caf\xc3\xa9"), header_text("")
        ('café', None)
    """
    return decode_header_value(value) if value else None


#: The spellings of "true" Swift accepts in a flag header (``swift.common.utils``).
_TRUE_VALUES = frozenset({"true", "yes", "1", "on", "t", "y"})


def flag(value: Any) -> bool:
    """Whether a Swift flag header is set (``True``, ``true``, ``yes``, ``1``, ``on``).

    Anything else is ``False``, as for Swift itself.

    Example:
        >>> flag("True"), flag("no"), flag("")
        (True, False, False)
    """
    return str(value).strip().lower() in _TRUE_VALUES


def check_expiry(opts: Any) -> None:
    """Refuse options with both ``delete_at`` and ``delete_after`` (one expiry at a time).

    Operations call it after building the headers, before sending anything.

    Example:
        >>> import types
        >>> check_expiry(types.SimpleNamespace(delete_at=1, delete_after=60))
        Traceback (most recent call last):
        ...
        ValueError: SimpleNamespace: give delete_at or delete_after, not both
    """
    if opts.delete_at is not None and opts.delete_after is not None:
        raise ValueError(f"{type(opts).__name__}: give delete_at or delete_after, not both")


def not_negative(where: str) -> Callable[[Any], Any]:
    """An option field encoder: a number of seconds that is not negative.

    ``where`` (``Class.field``) names the field in the error.

    Example:
        >>> not_negative("UploadOpts.delete_after")(60)
        60
        >>> not_negative("UploadOpts.delete_after")(-1)
        Traceback (most recent call last):
        ...
        ValueError: UploadOpts.delete_after must not be negative, not -1
    """

    def encode(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{where} must not be negative, not {value!r}")
        return value

    return encode


def at_least_one(where: str) -> Callable[[Any], Any]:
    """An option field encoder: an integer of at least 1 (a listing's ``limit``).

    Example:
        >>> at_least_one("ListOpts.limit")(0)
        Traceback (most recent call last):
        ...
        ValueError: ListOpts.limit must be at least 1, not 0
    """

    def encode(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{where} must be at least 1, not {value!r}")
        return value

    return encode


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


# -- checksums ------------------------------------------------------------------------


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


def _status(report: Mapping[str, Any]) -> str:
    """``Response Status``; a report without one is not a success (``""``)."""
    return read.text(report.get("Response Status") or "")


@model
@attrs.frozen(kw_only=True)
class BulkDeleteReport(Model):
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

    deleted: int = field("Number Deleted", read=read.integer, default=0)
    not_found: int = field("Number Not Found", read=read.integer, default=0)
    errors: tuple[BulkDeleteFailure, ...] = field(
        "Errors", read=read.tuple_of(BulkDeleteFailure), default=()
    )
    status: str = field(whole=True, read=_status, default="200 OK")
    message: str = field("Response Body", read=read.text, default="")

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


class BulkDeleteResult(Result[BulkDeleteReport]):
    """A result holding a :class:`BulkDeleteReport` (the body of a bulk delete).

    ``err`` is a :class:`BulkDeleteError` (with the report) when some paths could not be
    deleted. ``containers.BulkDeleteResult``, ``objects.BulkDeleteResult`` and
    ``largeobjects.DeleteResult`` are this class.

    Example:
        >>> BulkDeleteResult(body={"Number Deleted": 2, "Response Status": "200 OK"}
        ...                  ).extract().deleted
        2
    """

    model = BulkDeleteReport

    __slots__ = ()


#: The former name of :class:`BulkDeleteResult`, the base of each package's own.
BulkDeleteResultBase = BulkDeleteResult


def with_report_error(result: BulkDeleteResult) -> BulkDeleteResult:
    """Give ``result`` a :class:`BulkDeleteError` when its report says something failed.

    Example:
        >>> r = with_report_error(BulkDeleteResult(status_code=200, body={"Number Deleted": 0,
        ...     "Number Not Found": 0, "Response Status": "400 Bad Request",
        ...     "Response Body": "Invalid bulk delete.", "Errors": []}))
        >>> r.err
        BulkDeleteError('bulk delete: 400 Bad Request (0 deleted, 0 not found, 0 failed): Invalid bulk delete.')
    """  # noqa: E501
    if result.status_code is None:  # already an error: leave it to the caller to read
        return result
    try:
        report = BulkDeleteReport.from_json(result.body)
    except READ_ERRORS as exc:
        err: OSCloudError = InvalidResponseError(f"{type(result).__name__}: {exc}")
    else:
        if report.ok:
            return result
        err = BulkDeleteError(report)
    return type(result)(
        body=result.body, headers=result.headers, status_code=result.status_code, err=err
    )


def bulk_delete(client: ServiceClient, paths: Iterable[str]) -> BulkDeleteResult:
    """``POST /v1/{account}?bulk-delete`` (200) with the URL-quoted ``paths``, one a line.

    ``paths`` are ``/container`` or ``/container/object``, unquoted. The JSON report is
    asked for and read; see :func:`with_report_error`.

    Raises:
        MissingInputError: no paths.

    Example:
        >>> bulk_delete(swift, ["/photos/a", "/photos"]).extract().deleted  # doctest: +SKIP
        2
    """
    lines = [quote(path, safe="/") for path in paths]
    if not lines:
        raise MissingInputError("nothing to delete: give at least one name")
    url = wire.with_query(account_url(client), [("bulk-delete", "true")])
    result = client.call(
        BulkDeleteResult,
        "POST",
        url,
        data="\n".join(lines).encode("utf-8"),
        headers={"Content-Type": "text/plain", "Accept": "application/json"},
        ok_codes=(200,),
    )
    return with_report_error(result)
