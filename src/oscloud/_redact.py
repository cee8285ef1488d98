"""Keeping secrets out of logs, reprs and exception text: one place that knows what a secret is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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
    }
)

#: JSON keys whose values are secrets, wherever they appear in a body.
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
    }
)

#: Query parameters whose values are secrets (Swift temp URLs, form posts).
SECRET_QUERY = frozenset({"temp_url_sig", "signature"})


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

    A ``"token"`` object's ``"id"`` is a secret too (Keystone token auth).

    Example:
        >>> redact_json({"auth": {"identity": {"password": {"user": {"password": "pw"}}}}})
        {'auth': {'identity': {'password': {'user': {'password': '***'}}}}}
    """
    if isinstance(data, dict):
        return {key: _redact_member(key, value, parent) for key, value in data.items()}
    if isinstance(data, list):
        return [redact_json(item, parent) for item in data]
    return data


def _redact_member(key: str, value: Any, parent: str) -> Any:
    lowered = key.lower()
    if lowered in SECRET_KEYS and isinstance(value, (str, bytes)):
        return REDACTED
    if lowered == "id" and parent == "token":
        return REDACTED
    return redact_json(value, lowered)


def redact_url(url: str) -> str:
    """Return ``url`` with secret query values (temp URL signatures) replaced.

    Example:
        >>> redact_url("https://swift/v1/AUTH_a/c/o?temp_url_sig=abc&temp_url_expires=1")
        'https://swift/v1/AUTH_a/c/o?temp_url_sig=%2A%2A%2A&temp_url_expires=1'
    """
    if "?" not in url:
        return url
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(name.lower() in SECRET_QUERY for name, _ in pairs):
        return url
    cleaned = [(n, REDACTED if n.lower() in SECRET_QUERY else v) for n, v in pairs]
    return urlunsplit(parts._replace(query=urlencode(cleaned)))
