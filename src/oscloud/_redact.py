"""Keeping secrets out of logs, reprs and exception text: one place that knows what a secret is."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote_plus

__all__ = [
    "REDACTED",
    "SECRET_HEADERS",
    "SECRET_KEYS",
    "SECRET_QUERY",
    "redact_headers",
    "redact_json",
    "redact_text",
    "redact_url",
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
    """Return ``text`` (an exception message, say) with secret query values replaced.

    Example:
        >>> redact_text("Max retries exceeded with url: /v1/c/o?temp_url_sig=abc&x=1")
        'Max retries exceeded with url: /v1/c/o?temp_url_sig=***&x=1'
    """
    return re.sub(_SECRET_QUERY_IN_TEXT, lambda match: f"{match.group(1)}={REDACTED}", text)
