"""Temporary URLs and form POST signatures (the tempurl and formpost middleware).

Nothing here sends a request: a signature is computed from a key the caller holds (an
account's or a container's ``Temp-URL-Key``), the method, the expiry and the path.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import hmac
import ipaddress
import time
from typing import Literal
from urllib.parse import urlencode, urlsplit

import attrs

from oscloud import _wire as wire
from oscloud.errors import MissingInputError
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.openstack.objectstorage.v1.tempurl.results import FormPost
from oscloud.service import ServiceClient

__all__ = [
    "METHODS",
    "Digest",
    "Expiry",
    "FormPostOpts",
    "GenerateOpts",
    "form_post",
    "generate",
    "generate_for_url",
    "signature",
]

#: A digest the middleware accepts (``allowed_digests`` in ``/info``; ``sha1`` only on
#: older clusters).
Digest = Literal["sha1", "sha256", "sha512"]

#: When a signature stops being valid: seconds from now (``int`` or ``timedelta``), or an
#: absolute ``datetime`` (naive ones are UTC).
Expiry = int | _dt.timedelta | _dt.datetime

#: The methods a temporary URL can allow (``HEAD`` is allowed by a ``GET``, ``PUT`` or
#: ``POST`` URL too).
METHODS = ("GET", "HEAD", "PUT", "POST", "DELETE")

_HASHES = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


@attrs.frozen(kw_only=True)
class GenerateOpts:
    """The optional parts of a temporary URL.

    Attributes:
        digest: ``sha256`` (the default), ``sha512`` or ``sha1`` (older clusters).
        prefix: sign for every object whose name starts with this
            (``temp_url_prefix``); the object of the URL must be one of them.
        ip_range: only valid from this address or network (``temp_url_ip_range``).
        iso8601: write ``temp_url_expires`` as ``2011-12-10T01:11:25Z`` instead of Unix
            seconds (the signature is the same).
        filename: the file name browsers save a ``GET`` as (``filename``).
        inline: ask browsers to show rather than save the object (``inline``).

    Example:
        >>> GenerateOpts(digest="sha512", ip_range="1.2.3.0/24").ip_range
        '1.2.3.0/24'
    """

    digest: Digest = "sha256"
    prefix: str | None = None
    ip_range: str | None = None
    iso8601: bool = False
    filename: str | None = None
    inline: bool = False


@attrs.frozen(kw_only=True)
class FormPostOpts:
    """What a signed upload form allows.

    Attributes:
        max_file_size: the largest file accepted, in bytes.
        max_file_count: the most files accepted in one post.
        expires: when the form stops being valid (see :data:`Expiry`).
        redirect: where the browser goes afterwards (empty: no redirect).
        digest: ``sha256`` (the default), ``sha512`` or ``sha1`` (older clusters).
        delete_at: expire the uploaded files at this time (``x_delete_at``).
        delete_after: expire the uploaded files after this many seconds.

    Example:
        >>> FormPostOpts(max_file_size=104857600, max_file_count=10, expires=600).digest
        'sha256'
    """

    max_file_size: int
    max_file_count: int
    expires: Expiry
    redirect: str = ""
    digest: Digest = "sha256"
    delete_at: int | _dt.datetime | None = None
    delete_after: int | None = None


def signature(
    key: str | bytes,
    message: str,
    digest: Digest = "sha256",
) -> str:
    r"""The HMAC of ``message`` as the middleware reads it.

    Hex for ``sha1`` and ``sha256``; ``sha512:`` and URL-safe base64 for ``sha512`` (as
    Swift requires for it).

    Raises:
        MissingInputError: no key.
        ValueError: an unknown digest.

    Example:
        >>> signature("mykey", "GET\n1516741234\n/v1/AUTH_account/container/object",
        ...           "sha512")[:20]
        'sha512:ZrSijn0GyDhsv'
    """
    if not key:
        raise MissingInputError("a temporary URL key is required")
    if digest not in _HASHES:
        raise ValueError(f"digest must be one of {', '.join(_HASHES)}, not {digest!r}")
    raw_key = key.encode("utf-8") if isinstance(key, str) else key
    mac = hmac.new(raw_key, message.encode("utf-8"), _HASHES[digest])
    if digest == "sha512":
        return "sha512:" + base64.urlsafe_b64encode(mac.digest()).decode("ascii")
    return mac.hexdigest()


def generate(
    client: ServiceClient,
    method: str,
    container: str,
    object_name: str,
    key: str | bytes,
    expires: Expiry,
    opts: GenerateOpts | None = None,
) -> str:
    r"""A temporary URL for one object (or, with ``opts.prefix``, for a set of them).

    The signature is ``HMAC(key, "METHOD\nEXPIRES\nPATH")`` with the path unquoted from
    ``/v1/`` on (``prefix:/v1/...`` for a prefix, ``ip=RANGE\n`` first for an IP
    range). The URL holds the signature: share it as you would a password.

    Raises:
        MissingInputError: no key, container or object name.
        ValueError: an unknown method or digest, an expiry in the past, an object outside
            the prefix, a malformed IP range.
        TypeError: ``opts`` is not a :class:`GenerateOpts`.

    Example:
        >>> url = tempurl.generate(swift, "GET", "photos", "cat.jpg", key,  # doctest: +SKIP
        ...                        expires=3600)
    """
    url = _common.object_url(client, container, object_name)
    return _temp_url(url, method, key, expires, _generate_opts(opts))


def generate_for_url(
    url: str,
    method: str,
    key: str | bytes,
    expires: Expiry,
    opts: GenerateOpts | None = None,
) -> str:
    """A temporary URL for an object URL (``https://host/v1/AUTH_a/container/object``).

    The URL's path is signed from ``/v1/`` on; any query it has is dropped.

    Example:
        >>> url = generate_for_url("https://swift.example/v1/AUTH_a/c/o", "GET", "mykey",
        ...     _dt.datetime(2100, 1, 1, tzinfo=_dt.timezone.utc),
        ...     GenerateOpts(iso8601=True))
        >>> url.split("?")[1].split("&")[1]
        'temp_url_expires=2100-01-01T00%3A00%3A00Z'
    """
    base = url.split("?", 1)[0].split("#", 1)[0]
    if not urlsplit(base).path.strip("/"):
        raise MissingInputError(f"the URL has no object path: {url!r}")
    return _temp_url(base, method, key, expires, _generate_opts(opts))


def _generate_opts(opts: GenerateOpts | None) -> GenerateOpts:
    return GenerateOpts() if opts is None else wire.checked(opts, GenerateOpts)


def _temp_url(url: str, method: str, key: str | bytes, expires: Expiry, opts: GenerateOpts) -> str:
    verb = _method(method)
    when = _expiry(expires)
    path = _common.signing_path(url)
    if opts.prefix is not None:
        path = _prefix_path(path, opts.prefix)
    message = f"{verb}\n{when}\n{path}"
    if opts.ip_range is not None:
        message = f"ip={_ip_range(opts.ip_range)}\n{message}"
    query = [
        ("temp_url_sig", signature(key, message, opts.digest)),
        ("temp_url_expires", _iso(when) if opts.iso8601 else str(when)),
    ]
    if opts.prefix is not None:
        query.append(("temp_url_prefix", opts.prefix))
    if opts.ip_range is not None:
        query.append(("temp_url_ip_range", opts.ip_range))
    if opts.filename is not None:
        query.append(("filename", opts.filename))
    encoded = urlencode(query)
    if opts.inline:
        encoded += "&inline"
    return f"{url}?{encoded}"


def _prefix_path(path: str, prefix: str) -> str:
    """``prefix:/v1/{account}/{container}/{prefix}``, for an object path under ``prefix``."""
    parts = path.split("/", 4)  # '', 'v1', account, container, object
    if len(parts) < 5 or not parts[4].startswith(prefix):
        raise ValueError(f"the object of {path!r} is not under the prefix {prefix!r}")
    return "prefix:" + "/".join([*parts[:4], prefix])


def form_post(
    client: ServiceClient,
    container: str,
    key: str | bytes,
    opts: FormPostOpts,
    object_prefix: str = "",
) -> FormPost:
    r"""Sign an upload form: browsers post files to ``container/object_prefix<filename>``.

    The signature is ``HMAC(key, "PATH\nREDIRECT\nMAX_FILE_SIZE\nMAX_FILE_COUNT\n
    EXPIRES")``, the path unquoted from ``/v1/`` on. ``delete_at`` and ``delete_after`` are
    not signed.

    Raises:
        MissingInputError: no key or container.
        ValueError: sizes or counts that are not integers of at least 1, a negative
            ``delete_after``, an expiry in the past.
        TypeError: ``opts`` is not a :class:`FormPostOpts`.

    Example:
        >>> form = tempurl.form_post(swift, "uploads", key, tempurl.FormPostOpts(  # doctest: +SKIP
        ...     max_file_size=100 * 2**20, max_file_count=5, expires=600), "user-7/")
        >>> form.url, form.fields()  # doctest: +SKIP
    """
    wire.checked(opts, FormPostOpts)
    wire.check_int("FormPostOpts.max_file_size", opts.max_file_size, 1)
    wire.check_int("FormPostOpts.max_file_count", opts.max_file_count, 1)
    if opts.delete_after is not None:
        wire.check_int("FormPostOpts.delete_after", opts.delete_after)
    if opts.delete_at is not None and opts.delete_after is not None:
        raise ValueError("FormPostOpts: give delete_at or delete_after, not both")
    prefix = _common.quote_object_name(object_prefix)
    url = f"{_common.container_url(client, container)}/{prefix}"
    when = _expiry(opts.expires)
    message = "\n".join(
        [
            _common.signing_path(url),
            opts.redirect,
            str(opts.max_file_size),
            str(opts.max_file_count),
            str(when),
        ]
    )
    return FormPost(
        url=url,
        redirect=opts.redirect,
        max_file_size=opts.max_file_size,
        max_file_count=opts.max_file_count,
        expires=when,
        signature=signature(key, message, opts.digest),
        delete_at=_common.unix_seconds(opts.delete_at) if opts.delete_at is not None else None,
        delete_after=opts.delete_after,
    )


def _method(method: str) -> str:
    verb = method.upper() if isinstance(method, str) else ""
    if verb not in METHODS:
        raise ValueError(f"a temporary URL allows one of {', '.join(METHODS)}, not {method!r}")
    return verb


def _expiry(expires: Expiry) -> int:
    now = time.time()
    if isinstance(expires, _dt.datetime):
        when = _common.unix_seconds(expires)
    elif isinstance(expires, _dt.timedelta):
        when = int(now + expires.total_seconds())
    elif isinstance(expires, int) and not isinstance(expires, bool):
        if expires <= 0:
            raise ValueError(f"expires must be a positive number of seconds, not {expires}")
        when = int(now + expires)
    else:
        raise TypeError(
            f"expires must be seconds, a timedelta or a datetime, not {type(expires).__name__}"
        )
    if when <= now:
        raise ValueError(f"the expiry {_iso(when)} is already past")
    return when


def _iso(seconds: int) -> str:
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ip_range(value: str) -> str:
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError as err:
        raise ValueError(f"ip_range is not an address or a network: {value!r}") from err
    return value
