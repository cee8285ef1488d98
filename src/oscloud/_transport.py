"""Transport details of the provider.

Paths sent exactly as escaped, redirect guarding, replayable bodies, error mapping, the
deadline of a call (and reading a body within it), and the DEBUG log of each exchange
(secrets redacted).
"""

from __future__ import annotations

import contextvars
import json as jsonlib
import logging
import math
import re
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import requests
import urllib3

from oscloud import errors
from oscloud._redact import (
    redact_exception,
    redact_headers,
    redact_json,
    redact_text,
    redact_url,
)

log = logging.getLogger("oscloud")

TOKEN_HEADER = "X-Auth-Token"
_TOKEN_HEADERS = (TOKEN_HEADER, "X-Service-Token", "X-Subject-Token")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class Session(requests.Session):
    """A ``requests.Session`` that keeps oscloud's URLs as built and guards its tokens.

    It sends each path exactly as oscloud escaped it (see :func:`keep_escaped_path`) and
    drops OpenStack tokens on a redirect to another origin.
    """

    def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
        prepared = super().prepare_request(request)
        keep_escaped_path(prepared, request.url)
        return prepared

    def rebuild_auth(self, prepared_request: requests.PreparedRequest, response: Any) -> None:
        super().rebuild_auth(prepared_request, response)  # type: ignore[no-untyped-call]
        _drop_tokens_across_origins(prepared_request, response)
        refuse_consumed_body(prepared_request, response)

    def merge_environment_settings(
        self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> Any:
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        return _keep_verify(self, settings, verify)


#: What requests' re-quoting leaves alone in a URL (``requests.utils.requote_uri``).
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"
# A % that does not start an escape: such a path is left to requests.
_BARE_PERCENT = r"%(?![0-9A-Fa-f]{2})"


def keep_escaped_path(prepared: requests.PreparedRequest, url: object) -> None:
    """Put back the escapes requests took out of the path of ``url``.

    requests re-quotes every URL it prepares and, doing so, unescapes the unreserved
    characters: ``%2E%2E`` becomes ``..``, which any hop that normalises paths reads as
    a move up (``/c/%2E%2E/%2E%2E/AUTH_other`` would reach another account). oscloud
    escapes each path segment itself, so the path is sent exactly as built: characters
    a URL cannot carry are still escaped, and no escape is ever undone. Paths that
    requests changed in any other way (a literal ``..`` it resolved, a bare ``%``) are
    left as requests prepared them.

    Example:
        >>> url = "https://swift.example/v1/AUTH_a/c/%2E%2E/o"
        >>> prepared = requests.Request("GET", url).prepare()
        >>> prepared.url
        'https://swift.example/v1/AUTH_a/c/../o'
        >>> keep_escaped_path(prepared, url)
        >>> prepared.url
        'https://swift.example/v1/AUTH_a/c/%2E%2E/o'
    """
    if not isinstance(url, str) or "%" not in url or not prepared.url:
        return  # nothing escaped: nothing requests could have unescaped
    given = urlsplit(url.lstrip()).path
    if "%" not in given or re.search(_BARE_PERCENT, given):
        return
    sent = urlsplit(prepared.url)
    exact = quote(given, safe=_URI_SAFE)
    if exact != sent.path and requests.utils.requote_uri(exact) == sent.path:
        prepared.url = urlunsplit(sent._replace(path=exact))


def _drop_tokens_across_origins(prepared_request: requests.PreparedRequest, response: Any) -> None:
    if _origin(response.request.url) != _origin(prepared_request.url):
        for name in _TOKEN_HEADERS:
            prepared_request.headers.pop(name, None)


def _origin(url: str | None) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url or "")
    scheme = parts.scheme.lower()
    return scheme, parts.hostname, parts.port or _DEFAULT_PORTS.get(scheme)


def refuse_consumed_body(prepared_request: requests.PreparedRequest, response: Any) -> None:
    """Refuse to follow a redirect that must send again a body already consumed.

    A 307 or 308 asks for the same request, body included, at the new location. requests
    rewinds a file it can rewind (and raises ``UnrewindableBodyError`` when it cannot), but
    sends a consumed iterator again as it is: empty. That would store nothing, and report
    success.
    """
    body = prepared_request.body
    if body is None or isinstance(body, (bytes, str)):
        return
    if getattr(prepared_request, "_body_position", None) is not None:
        return  # a file: requests rewinds it, or raises UnrewindableBodyError
    raise errors.UnreplayableBodyError(
        f"{prepared_request.method} {redact_url(response.request.url)}: the server redirected "
        f"it ({response.status_code}) to {redact_url(prepared_request.url)}, which needs the "
        "body again, but the body was a stream that has been consumed; nothing was sent "
        "there. Send it again with a fresh stream to the new location, or pass bytes or a "
        "seekable file"
    )


def _keep_verify(session: requests.Session, settings: Any, verify: Any) -> Any:
    """The provider's ``verify`` holds: no ``REQUESTS_CA_BUNDLE`` or ``CURL_CA_BUNDLE``.

    requests lets those variables replace ``verify=True``, which trusts whatever CA the
    environment names. Proxies and the rest of the environment still apply.
    """
    settings["verify"] = session.verify if verify is None else verify
    return settings


def guard_redirects(session: requests.Session) -> None:
    """Give a caller's session the same exact paths and token stripping on redirects."""
    if isinstance(session, Session) or getattr(session, "_oscloud_guarded", False):
        return
    rebuild_auth = session.rebuild_auth

    def guarded(prepared_request: requests.PreparedRequest, response: Any) -> None:
        rebuild_auth(prepared_request, response)  # type: ignore[no-untyped-call]
        _drop_tokens_across_origins(prepared_request, response)
        refuse_consumed_body(prepared_request, response)

    setattr(session, "rebuild_auth", guarded)  # noqa: B010  (mypy: no method assignment)
    prepare_request = session.prepare_request

    def exact(request: requests.Request) -> requests.PreparedRequest:
        prepared = prepare_request(request)
        keep_escaped_path(prepared, request.url)
        return prepared

    setattr(session, "prepare_request", exact)  # noqa: B010
    merge_environment_settings = session.merge_environment_settings

    def provider_verify(url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> Any:
        settings = merge_environment_settings(url, proxies, stream, verify, cert)
        return _keep_verify(session, settings, verify)

    setattr(session, "merge_environment_settings", provider_verify)  # noqa: B010
    setattr(session, "_oscloud_guarded", True)  # noqa: B010


class Body:
    """A request body that knows whether (and how) it can be sent again."""

    __slots__ = ("_start", "data", "json")

    def __init__(self, data: Any, json: Any) -> None:
        self.data = data
        self.json = json
        self._start = _position(data)

    @property
    def replayable(self) -> bool:
        return (
            self.data is None or isinstance(self.data, _REPLAYABLE_TYPES) or self._start is not None
        )

    def rewind(self, method: str, url: str, why: str) -> None:
        """Make the body ready to be sent again, or raise if it cannot be."""
        if self._start is not None:
            self.data.seek(self._start)
        elif not self.replayable:
            raise errors.UnreplayableBodyError(
                f"{method} {redact_url(url)}: the request must be sent again ({why}) but its "
                "body was a stream that has been consumed; send it again with a fresh stream, "
                "or pass bytes or a seekable file"
            )


_REPLAYABLE_TYPES = (bytes, bytearray, memoryview, str, dict, list, tuple)


def _position(data: Any) -> int | None:
    """Where a seekable file body starts (``None`` for anything else)."""
    if data is None or isinstance(data, _REPLAYABLE_TYPES):
        return None
    if not (hasattr(data, "seek") and hasattr(data, "tell")):
        return None
    try:
        if hasattr(data, "seekable") and not data.seekable():
            return None
        return int(data.tell())
    except (OSError, ValueError):
        return None


TRANSPORT_ERRORS = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
)

#: Whatever requests, urllib3 or the socket layer raise when an exchange fails.
ANY_TRANSPORT_ERROR = (requests.RequestException, urllib3.exceptions.HTTPError, OSError)

_BROKEN = (
    urllib3.exceptions.ProtocolError,
    urllib3.exceptions.SSLError,
    urllib3.exceptions.NewConnectionError,
    OSError,
)


def transport_error(
    method: str,
    url: str,
    exc: BaseException,
    *,
    deadline: Deadline | None = None,
    during: str = "",
) -> errors.TransportError:
    """The oscloud error for ``exc``, raised by requests, urllib3 or a socket.

    A timeout becomes :class:`~oscloud.errors.TimeoutError` (naming the call's deadline
    when that is what passed), a broken or refused connection
    :class:`~oscloud.errors.ConnectError`, anything else the base
    :class:`~oscloud.errors.TransportError`. ``during`` says what was going on.

    ``exc`` itself is scrubbed first (see :func:`scrub`): it becomes the error's cause,
    which a traceback prints. A header requests refused (its message quotes the value: a
    token, a key) is described without the value.

    Example:
        >>> err = transport_error("GET", "https://nova/", requests.ReadTimeout("slow"))
        >>> type(err).__name__, str(err)
        ('TimeoutError', 'GET https://nova/: timed out: slow')
        >>> str(transport_error("GET", "https://nova/", ValueError("?"), during="reading"))
        'GET https://nova/: request failed while reading: ?'
        >>> refused = requests.exceptions.InvalidHeader("... in header value: 'gAAAA-tok '")
        >>> "gAAAA" in str(transport_error("GET", "https://nova/", refused)) + str(refused)
        False
    """
    scrub(exc)
    if isinstance(exc, requests.exceptions.InvalidHeader):
        return errors.TransportError(method, url, _INVALID_HEADER)
    detail = redact_text(str(exc)) or type(exc).__name__
    where = f" while {during}" if during else ""
    if _is_timeout(exc):
        if deadline is not None and deadline.expired():
            reason = f"the deadline of {deadline.seconds:g} s passed{where} ({detail})"
            return errors.TimeoutError(method, url, reason)
        return errors.TimeoutError(method, url, f"timed out{where}: {detail}")
    if isinstance(exc, TRANSPORT_ERRORS) or (
        isinstance(exc, _BROKEN) and not isinstance(exc, requests.RequestException)
    ):
        return errors.ConnectError(method, url, f"connection failed{where}: {detail}")
    return errors.TransportError(method, url, f"request failed{where}: {detail}")


#: What a header requests refused becomes: its own message quotes the value (a token).
_INVALID_HEADER = (
    "not sent: a header name or value has leading whitespace, a line break or a character "
    "HTTP headers cannot carry (not shown: it may be a secret)"
)


def scrub(exc: BaseException) -> None:
    """Mask secrets in the text of ``exc`` and of every exception it wraps, in place.

    A transport error keeps the exception of requests or urllib3 as its cause, and a
    traceback prints it: the message of a refused header, which quotes the value, is
    replaced, and every text is masked (:func:`~oscloud._redact.redact_exception`).

    Example:
        >>> exc = requests.ConnectionError("reset: https://swift/o?temp_url_sig=abc&x=1")
        >>> scrub(exc); str(exc)
        'reset: https://swift/o?temp_url_sig=***&x=1'
    """
    if isinstance(exc, requests.exceptions.InvalidHeader):
        exc.args = (_INVALID_HEADER,)
    redact_exception(exc)


def _is_timeout(exc: BaseException) -> bool:
    """A timeout, also a read timeout that requests reports as a ConnectionError."""
    timeouts = (requests.Timeout, urllib3.exceptions.TimeoutError, TimeoutError)
    return isinstance(exc, timeouts) or any(isinstance(arg, timeouts) for arg in exc.args)


# -- the deadline of a call ---------------------------------------------------------------


class Deadline:
    """When one call must be over, retries, re-authentication and its body included.

    ``seconds`` is the call's own deadline (``None`` or infinity: none). A call made while
    another is under way (the login of a re-authentication) keeps the other's deadline
    when that one ends first.

    Example:
        >>> Deadline.start(None).remaining() is None
        True
        >>> deadline = Deadline.start(5.0)
        >>> 4.0 < deadline.remaining() <= 5.0, deadline.cap((10.0, 60.0)) <= (5.0, 5.0)
        (True, True)
        >>> deadline.allows(1.0), deadline.allows(30.0)
        (True, False)
    """

    __slots__ = ("expires", "seconds")

    def __init__(self, expires: float | None, seconds: float | None) -> None:
        self.expires = expires
        self.seconds = seconds

    @classmethod
    def start(cls, seconds: float | None) -> Deadline:
        """The deadline of a call starting now (the enclosing call's when that is sooner).

        Example:
            >>> Deadline.start(math.inf).expires is None
            True
        """
        outer = CURRENT_DEADLINE.get()
        expires = None if seconds is None or seconds == math.inf else time.monotonic() + seconds
        if (
            outer is not None
            and outer.expires is not None
            and (expires is None or outer.expires <= expires)
        ):
            return outer
        return cls(expires, seconds)

    def remaining(self) -> float | None:
        """Seconds left (``None`` without a deadline; negative once it passed).

        Example:
            >>> Deadline(None, None).remaining() is None
            True
        """
        return None if self.expires is None else self.expires - time.monotonic()

    def expired(self) -> bool:
        """Whether the deadline passed.

        Example:
            >>> Deadline(time.monotonic() - 1, 5.0).expired()
            True
        """
        return self.expires is not None and time.monotonic() >= self.expires

    def allows(self, delay: float) -> bool:
        """Whether, after waiting ``delay`` seconds, there is still time to send again.

        Example:
            >>> Deadline(None, None).allows(1e9)
            True
        """
        return self.expires is None or time.monotonic() + delay < self.expires

    def cap(self, timeout: Any) -> Any:
        """``timeout`` (seconds, or a ``(connect, read)`` pair) cut to the time left.

        Example:
            >>> Deadline(None, None).cap((10.0, 60.0))
            (10.0, 60.0)
        """
        left = self.remaining()
        if left is None:
            return timeout
        left = max(left, _SHORTEST_WAIT)
        if timeout is None:
            return left
        if isinstance(timeout, tuple):
            connect, read = timeout
            return (
                left if connect is None else min(connect, left),
                left if read is None else min(read, left),
            )
        return min(timeout, left)


#: The deadline of the call under way in this thread (so that a login inside it keeps it).
CURRENT_DEADLINE: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar(
    "oscloud_deadline", default=None
)

#: No wait for the network is shorter (a zero timeout means "never" to some layers).
_SHORTEST_WAIT = 0.001

#: How much of a body is asked for at a time while it is read within a deadline.
_READ_SIZE = 256 * 1024


def read_body(response: requests.Response, deadline: Deadline) -> None:
    """Read the whole body of a streamed ``response`` into it, within ``deadline``.

    A read timeout bounds each wait for bytes, not the body: a server that sends a byte
    now and then would hold the call for ever. Here every read waits at most the time
    left and returns what has arrived, so the deadline holds whatever the server does.
    Failures are raised as requests' own exceptions (as if requests had read the body);
    ``requests.ReadTimeout`` when the deadline passed. Without a deadline, or with a
    transport that is not urllib3's, requests reads the body as usual.

    Example:
        >>> read_body(response, Deadline.start(30.0))  # doctest: +SKIP
        >>> response.content  # doctest: +SKIP
        b'{"servers": []}'
    """
    if getattr(response, "_content_consumed", False):
        return
    raw = response.raw
    if (
        deadline.expires is None
        or not isinstance(raw, urllib3.response.HTTPResponse)
        or not hasattr(raw, "read1")
    ):
        response.content  # noqa: B018  (reads it)
        return
    parts: list[bytes] = []
    while True:
        left = deadline.remaining()
        if left is not None and left <= 0:
            response.close()
            raise requests.ReadTimeout("the body did not arrive in time", response=response)
        try:
            _shorten_read_timeout(raw, left)
            chunk = raw.read1(_READ_SIZE, decode_content=True)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            response.close()
            raise _as_requests_error(exc, response, deadline) from exc
        if not chunk:
            break
        parts.append(chunk)
    response._content = b"".join(parts)
    response._content_consumed = True  # type: ignore[attr-defined]


def _as_requests_error(
    exc: BaseException, response: requests.Response, deadline: Deadline
) -> requests.RequestException:
    """What requests raises for ``exc`` when it reads a body itself."""
    if isinstance(exc, (urllib3.exceptions.ReadTimeoutError, TimeoutError)):
        if deadline.expired():
            return requests.ReadTimeout(exc, response=response)
        return requests.ConnectionError(exc, response=response)
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return requests.exceptions.ChunkedEncodingError(exc, response=response)
    if isinstance(exc, urllib3.exceptions.DecodeError):
        return requests.exceptions.ContentDecodingError(exc, response=response)
    if isinstance(exc, urllib3.exceptions.SSLError):
        return requests.exceptions.SSLError(exc, response=response)
    return requests.ConnectionError(exc, response=response)


def _shorten_read_timeout(raw: urllib3.response.HTTPResponse, left: float | None) -> None:
    """Make the next read of ``raw``'s socket wait at most ``left`` seconds."""
    sock = getattr(raw.connection, "sock", None)  # None once the connection went back
    if sock is None or left is None:
        return
    current = sock.gettimeout()
    if current is None or current > left:
        sock.settimeout(max(left, _SHORTEST_WAIT))


def restore_read_timeout(response: requests.Response, timeout: Any) -> None:
    """Give a streamed body the whole read timeout again, not what the deadline left.

    The caller reads a streamed body after the call is over, at its own pace: each of
    its reads may wait the provider's read timeout.
    """
    read = timeout[1] if isinstance(timeout, tuple) else timeout
    raw = response.raw
    sock = getattr(getattr(raw, "connection", None), "sock", None)
    if sock is not None and not raw.closed:
        sock.settimeout(read)


#: Request and response bodies are cut to this many characters in DEBUG logs.
_LOG_BODY_LIMIT = 4096


def log_retry(
    send: Any, outcome: requests.Response | Exception, delay: float, attempt: int, limit: int
) -> None:
    if isinstance(outcome, requests.Response):
        reason = f"status {outcome.status_code}"
    else:
        reason = type(outcome).__name__
    log.info(
        "retrying %s %s after %s in %.2f s (attempt %d of %d)",
        send.method,
        redact_url(send.url),
        reason,
        delay,
        attempt + 1,
        limit,
    )


def log_exchange(
    send: Any, headers: Mapping[str, str], response: requests.Response, seconds: float
) -> None:
    log.debug(
        "%s %s -> %s in %.1f ms (request id %s)",
        send.method,
        redact_url(response.url or send.url),
        response.status_code,
        seconds * 1000,
        errors.request_id_from(response.headers) or "-",
    )
    log.debug("request headers: %s", redact_headers(headers))
    if send.body.json is not None:
        log.debug("request body: %s", _json_for_log(send.body.json))
    log.debug("response headers: %s", redact_headers(response.headers))
    if not send.stream and send.method != "HEAD" and _is_json(response):
        try:
            text = _json_for_log(response.json())
        except (ValueError, RecursionError):  # not JSON, or nested too deeply to show
            return
        log.debug("response body: %s", text)


def _is_json(response: requests.Response) -> bool:
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


def _json_for_log(data: Any) -> str:
    text = jsonlib.dumps(redact_json(data), default=str, ensure_ascii=False)
    if len(text) > _LOG_BODY_LIMIT:
        return f"{text[:_LOG_BODY_LIMIT]}... ({len(text)} characters in all)"
    return text
