"""Keeping secrets out of logs, reprs and exception text: one place that knows what a secret is.

Secrets are found two ways. By name: the headers, JSON members and query parameters
that carry secrets (``X-Auth-Token``, ``password``, ``temp_url_sig`` …) are masked
wherever they appear. By value: the secrets oscloud was given or received (a provider's
tokens, the password, passcode, token and application credential secret of
``AuthOptions``, the temp-URL keys sent in headers) are registered with
:func:`remember_secrets` by the object that holds them, and are masked in every text
oscloud writes while that object lives: exception messages (:func:`redact_text`, which
every :class:`~oscloud.errors.OSCloudError` applies to its message) and every record of
the ``oscloud`` logger, whatever the server echoed them in.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import weakref
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, quote_plus, unquote_plus

__all__ = [
    "MIN_SECRET_LENGTH",
    "REDACTED",
    "SECRET_HEADERS",
    "SECRET_KEYS",
    "SECRET_QUERY",
    "known_secrets",
    "redact_exception",
    "redact_headers",
    "redact_json",
    "redact_text",
    "redact_url",
    "remember_secret_headers",
    "remember_secrets",
]

REDACTED = "***"

#: Header names (lower case) whose values are secrets.
SECRET_HEADERS = frozenset(
    {
        "x-auth-token",
        "x-subject-token",
        "x-service-token",
        "authorization",
        "proxy-authorization",
        "x-auth-key",
        "x-storage-token",
        "x-account-meta-temp-url-key",
        "x-account-meta-temp-url-key-2",
        "x-container-meta-temp-url-key",
        "x-container-meta-temp-url-key-2",
        "x-container-sync-key",
    }
)

#: JSON keys (lower case) whose values are secrets, wherever they appear in a body.
SECRET_KEYS = frozenset(
    {
        "password",
        "original_password",
        "new_password",
        "adminpass",
        "admin_password",
        "secret",
        "passcode",
        "private_key",
        "auth_key",
        "temp_url_key",
        "token_id",
        "access_token",
        "refresh_token",
        "blob",
        "auth_password",
        "discovery_auth_password",
    }
)

#: Query parameters (lower case) whose values are secrets (Swift temp URLs, form posts).
SECRET_QUERY = frozenset({"temp_url_sig", "signature"})

# Compiled on first use, by the re module's cache.
_SECRET_QUERY_IN_TEXT = (
    r"(?i)\b(" + "|".join(re.escape(name) for name in sorted(SECRET_QUERY)) + r")=[^&\s#'\"]*"
)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Return a copy of ``headers`` with secret values replaced.

    Example:
        >>> redact_headers({"X-Auth-Token": "gAAAA", "Accept": "application/json"})
        {'X-Auth-Token': '***', 'Accept': 'application/json'}
    """
    return {
        name: (REDACTED if name.lower() in SECRET_HEADERS else value)
        for name, value in headers.items()
    }


def redact_json(data: Any, parent: str = "") -> Any:
    """Return a copy of a parsed JSON value with secret values replaced.

    A member named like a secret (``password``, ``secret``, ``private_key``...) is replaced
    whatever its type, unless it is an object (Keystone's ``"password": {"user": ...}`` auth
    method), which is searched instead. A ``"token"`` object's ``"id"`` is a secret too
    (Keystone token auth, identity v2.0 token responses).

    Example:
        >>> redact_json({"auth": {"identity": {"password": {"user": {"password": "pw"}}}}})
        {'auth': {'identity': {'password': {'user': {'password': '***'}}}}}
        >>> redact_json({"access": {"token": {"id": "gAAAA", "expires": "2030-01-01"}}})
        {'access': {'token': {'id': '***', 'expires': '2030-01-01'}}}
    """
    if isinstance(data, dict):
        return {key: _redact_member(str(key), value, parent) for key, value in data.items()}
    if isinstance(data, list):
        return [redact_json(item, parent) for item in data]
    return data


def _redact_member(key: str, value: Any, parent: str) -> Any:
    lowered = key.lower()
    is_secret = lowered in SECRET_KEYS or (lowered == "id" and parent == "token")
    if is_secret and value is not None and not isinstance(value, dict):
        return REDACTED
    return redact_json(value, lowered)


def redact_url(url: str) -> str:
    """Return ``url`` with secret query values (temp URL signatures) replaced.

    Everything else in the URL is kept exactly as it was.

    Example:
        >>> redact_url("https://swift/v1/AUTH_a/c/o?temp_url_sig=abc&temp_url_expires=1")
        'https://swift/v1/AUTH_a/c/o?temp_url_sig=***&temp_url_expires=1'
    """
    base, mark, rest = url.partition("?")
    if not mark:
        return url
    query, hash_mark, fragment = rest.partition("#")
    pieces = query.split("&")
    for index, piece in enumerate(pieces):
        name, equals, _ = piece.partition("=")
        if equals and unquote_plus(name).lower() in SECRET_QUERY:
            pieces[index] = f"{name}={REDACTED}"
    return f"{base}?{'&'.join(pieces)}{hash_mark}{fragment}"


def redact_text(text: str) -> str:
    """Return ``text`` (an exception message, a log line) with secrets replaced.

    Secret query values are masked by name, and every secret known by value (see
    :func:`remember_secrets`) wherever it appears, as it is or escaped the way JSON,
    ``repr`` or a URL would write it.

    Example:
        >>> redact_text("Max retries exceeded with url: /v1/c/o?temp_url_sig=abc&x=1")
        'Max retries exceeded with url: /v1/c/o?temp_url_sig=***&x=1'
        >>> class Holder: ...
        >>> holder = Holder(); remember_secrets(holder, "hunter2-pw")
        >>> redact_text("Invalid input for field 'password': 'hunter2-pw'")
        "Invalid input for field 'password': '***'"
    """
    if "=" in text:
        text = re.sub(_SECRET_QUERY_IN_TEXT, lambda match: f"{match.group(1)}={REDACTED}", text)
    for secret in _known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_exception(exc: BaseException | None) -> None:
    """Mask secrets in the text of ``exc`` and of the exceptions chained to it, in place.

    The exception an oscloud error is raised from becomes its cause (or context), which a
    traceback prints: its string arguments, and those of the exceptions it wraps or is
    chained to, are passed through :func:`redact_text`. Nothing else about it changes.

    Example:
        >>> class Holder: ...
        >>> holder = Holder(); remember_secrets(holder, "hunter2-pw")
        >>> err = ValueError("not a boolean: 'hunter2-pw'")
        >>> redact_exception(err); err
        ValueError("not a boolean: '***'")
    """
    pending = [exc] if exc is not None else []
    seen: set[int] = set()
    while pending and len(seen) < 16:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        masked = tuple(redact_text(arg) if isinstance(arg, str) else arg for arg in current.args)
        if masked != current.args:
            current.args = masked
        inner = [*current.args, getattr(current, "reason", None)]
        inner += [current.__cause__, current.__context__]
        pending.extend(e for e in inner if isinstance(e, BaseException))


#: Secrets shorter than this are not masked by value: masking ``"pw"`` or ``"1"`` in every
#: text would garble messages and hide nothing worth hiding.
MIN_SECRET_LENGTH = 4

#: How many secrets one holder keeps registered (a provider renews its token for years):
#: the oldest are forgotten first.
_MAX_PER_HOLDER = 32

_lock = threading.Lock()
# id(holder) -> (a weak reference to it, its secrets oldest first -> their forms)
_holders: dict[int, tuple[weakref.ref[Any], dict[str, tuple[str, ...]]]] = {}
_gone: list[tuple[int, weakref.ref[Any]]] = []  # collected while the lock was taken
_known: tuple[str, ...] = ()  # every form of every registered secret, longest first


def remember_secrets(holder: object, *values: str | None) -> None:
    """Mask ``values`` in every text oscloud writes, for as long as ``holder`` lives.

    The holder is the object that keeps the secrets (a provider, an ``AuthOptions``); it
    must accept weak references. ``None``, non-strings and values shorter than
    :data:`MIN_SECRET_LENGTH` are ignored. A holder keeps its 32 latest values.

    Example:
        >>> class Provider: ...
        >>> provider = Provider()
        >>> remember_secrets(provider, "gAAAA-token-1", None)
        >>> "gAAAA-token-1" in known_secrets()
        True
        >>> del provider
        >>> "gAAAA-token-1" in known_secrets()
        False
    """
    fresh = [v for v in values if isinstance(v, str) and len(v) >= MIN_SECRET_LENGTH]
    if not fresh:
        return
    key = id(holder)
    with _lock:
        entry = _holders.get(key)
        if entry is None or entry[0]() is not holder:  # new, or a dead one's id reused
            entry = (weakref.ref(holder, lambda ref: _forget(key, ref)), {})
            _holders[key] = entry
        held = entry[1]
        if all(value in held for value in fresh):
            return  # the common case: the same token, sent again
        for value in fresh:
            held.pop(value, None)
            held[value] = _forms(value)
        while len(held) > _MAX_PER_HOLDER:
            del held[next(iter(held))]
        _rebuild()


def remember_secret_headers(holder: object, headers: Mapping[str, Any] | None) -> None:
    """Remember the values of the secret headers among ``headers`` (see :data:`SECRET_HEADERS`).

    How the provider learns the temp-URL keys, subject tokens and the like that callers
    send, so that a server that echoes them back cannot make oscloud print them.

    Example:
        >>> class Provider: ...
        >>> provider = Provider()
        >>> remember_secret_headers(provider, {"X-Account-Meta-Temp-URL-Key": "k3y-s3cr3t",
        ...                                    "Accept": "application/json"})
        >>> redact_text("key k3y-s3cr3t refused; Accept application/json")
        'key *** refused; Accept application/json'
    """
    if headers:
        remember_secrets(
            holder,
            *(value for name, value in headers.items() if str(name).lower() in SECRET_HEADERS),
        )


def known_secrets() -> tuple[str, ...]:
    """Every form of every secret registered now, longest first (what is masked by value).

    Example:
        >>> isinstance(known_secrets(), tuple)
        True
    """
    return _known


def _forget(key: int, ref: weakref.ref[Any]) -> None:
    """Drop the secrets of a holder that was collected (``ref`` was its reference).

    Called by the garbage collector, which may run while this very thread holds the lock
    (inside :func:`remember_secrets`): then the holder is only noted, and forgotten by
    the next registration. Until then its secrets are still masked, which is harmless.
    """
    if not _lock.acquire(blocking=False):
        _gone.append((key, ref))
        return
    try:
        _gone.append((key, ref))
        _rebuild()
    finally:
        _lock.release()


def _rebuild() -> None:
    """Drop the holders that were collected and recompute :data:`_known` (lock held)."""
    global _known
    while _gone:
        key, ref = _gone.pop()
        if key in _holders and _holders[key][0] is ref:
            del _holders[key]
    forms = {form for _, held in _holders.values() for each in held.values() for form in each}
    _known = tuple(sorted(forms, key=len, reverse=True))


def _forms(value: str) -> tuple[str, ...]:
    """``value`` as it may appear in a text: as is, JSON-escaped, ``repr``-escaped, quoted."""
    written = (
        value,
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
        repr(value)[1:-1],
        quote(value, safe=""),
        quote_plus(value, safe=""),
    )
    return tuple(dict.fromkeys(written))


class _SecretFilter(logging.Filter):
    """Masks known secrets in every record of the ``oscloud`` logger, before any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _known:
            return True
        message = record.getMessage()
        masked = redact_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact_text(logging.Formatter().formatException(record.exc_info))
        return True


def _install_filter() -> None:
    logger = logging.getLogger("oscloud")
    if not any(isinstance(f, _SecretFilter) for f in logger.filters):
        logger.addFilter(_SecretFilter())


_install_filter()
