"""Transport details of the provider.

Redirect guarding, replayable bodies, error mapping, and the DEBUG log of each exchange
(secrets redacted).
"""

from __future__ import annotations

import json as jsonlib
import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3

from oscloud import errors
from oscloud._redact import redact_headers, redact_json, redact_text, redact_url

log = logging.getLogger("oscloud")

TOKEN_HEADER = "X-Auth-Token"
_TOKEN_HEADERS = (TOKEN_HEADER, "X-Service-Token", "X-Subject-Token")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class Session(requests.Session):
    """A ``requests.Session`` that drops OpenStack tokens on a redirect to another origin."""

    def rebuild_auth(self, prepared_request: requests.PreparedRequest, response: Any) -> None:
        super().rebuild_auth(prepared_request, response)  # type: ignore[no-untyped-call]
        _drop_tokens_across_origins(prepared_request, response)


def _drop_tokens_across_origins(prepared_request: requests.PreparedRequest, response: Any) -> None:
    if _origin(response.request.url) != _origin(prepared_request.url):
        for name in _TOKEN_HEADERS:
            prepared_request.headers.pop(name, None)


def _origin(url: str | None) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url or "")
    scheme = parts.scheme.lower()
    return scheme, parts.hostname, parts.port or _DEFAULT_PORTS.get(scheme)


def guard_redirects(session: requests.Session) -> None:
    """Give a caller's session the same token stripping on cross-origin redirects."""
    if isinstance(session, Session) or getattr(session, "_oscloud_guarded", False):
        return
    rebuild_auth = session.rebuild_auth

    def guarded(prepared_request: requests.PreparedRequest, response: Any) -> None:
        rebuild_auth(prepared_request, response)  # type: ignore[no-untyped-call]
        _drop_tokens_across_origins(prepared_request, response)

    setattr(session, "rebuild_auth", guarded)  # noqa: B010  (mypy: no method assignment)
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


def transport_error(method: str, url: str, exc: Exception) -> errors.TransportError:
    detail = redact_text(str(exc))
    if isinstance(exc, requests.Timeout) or _is_read_timeout(exc):
        return errors.TimeoutError(method, url, f"timed out: {detail}")
    if isinstance(exc, TRANSPORT_ERRORS):
        return errors.ConnectError(method, url, f"connection failed: {detail}")
    return errors.TransportError(method, url, f"request failed: {detail}")


def _is_read_timeout(exc: Exception) -> bool:
    """A read timeout while reading a body, which requests reports as a ConnectionError."""
    return any(isinstance(arg, urllib3.exceptions.ReadTimeoutError) for arg in exc.args)


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
            body = response.json()
        except ValueError:
            return
        log.debug("response body: %s", _json_for_log(body))


def _is_json(response: requests.Response) -> bool:
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


def _json_for_log(data: Any) -> str:
    text = jsonlib.dumps(redact_json(data), default=str, ensure_ascii=False)
    if len(text) > _LOG_BODY_LIMIT:
        return f"{text[:_LOG_BODY_LIMIT]}... ({len(text)} characters in all)"
    return text
