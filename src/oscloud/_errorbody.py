"""Reading the server's own message out of an OpenStack error body (JSON, text or HTML)."""

from __future__ import annotations

import re
from typing import Any

from oscloud.results import parse_json

__all__ = ["server_message"]

_MESSAGE_LIMIT = 500


_HIDDEN_HTML = re.compile(r"<(head|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
#: Members that hold the message, most specific first; the nested objects are searched
#: before the generic ones at the end (a ``title`` repeats the status).
_MESSAGE_KEYS = ("message", "error_message", "faultstring", "detail", "description")
_GENERIC_KEYS = ("title", "explanation")
#: How deep the message is looked for: services nest it two or three levels down.
_DEPTH_LIMIT = 32


def server_message(body: str) -> str:
    """Pull the human message out of an OpenStack error body (JSON, plain text or HTML).

    Handles ``{"itemNotFound": {"message": ...}}`` (Nova, Cinder), ``{"error": {"message":
    ...}}`` (Keystone), ``{"NeutronError": {...}}``, ``{"errors": [{"detail": ...}]}``
    (Placement), ``{"faultstring": ...}``, plain text, and HTML pages (the ``<head>`` is
    dropped, tags stripped, entities decoded). Long messages are cut at 500 characters.

    Example:
        >>> server_message('<html><h1>Not Found</h1><p>The resource could not be found.</p>'
        ...                '</html>')
        'Not Found The resource could not be found.'
    """
    text = body.strip()
    if not text:
        return ""
    if text[0] in "{[":
        try:
            data = parse_json(text)
        except ValueError:  # not JSON, or nested too deeply: read as text
            data = None
        else:
            if not data:
                return ""  # {} or []: nothing to say
            found = _message_from_json(data)
            if found:
                return _shorten(found)
    if text.startswith("<") or "</" in text:
        import html  # only error pages need it: kept out of `import oscloud`

        text = html.unescape(_TAG.sub(" ", _HIDDEN_HTML.sub(" ", text)))
    return _shorten(text)


def _message_from_json(data: Any, depth: int = 0) -> str | None:
    if depth > _DEPTH_LIMIT:
        return None  # no service nests its message this deep: a hostile body
    if isinstance(data, str):
        return _message_from_string(data, depth)
    if isinstance(data, list):
        parts = [m for m in (_message_from_json(item, depth + 1) for item in data) if m]
        return "; ".join(parts) or None
    if not isinstance(data, dict):
        return None
    for key in _MESSAGE_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return _message_from_string(value, depth)
    for key in ("error", "errors", *data.keys()):
        value = data.get(key)
        if isinstance(value, (dict, list)):
            found = _message_from_json(value, depth + 1)
            if found:
                return found
    for key in _GENERIC_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _message_from_string(value: str, depth: int) -> str:
    """A message member may itself hold JSON (Ironic's ``error_message``): look inside."""
    if value.lstrip()[:1] == "{":
        try:
            found = _message_from_json(parse_json(value), depth + 1)
        except ValueError:
            found = None
        if found:
            return found
    return value


def _shorten(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    if len(text) > _MESSAGE_LIMIT:
        return text[: _MESSAGE_LIMIT - 1] + "…"
    return text
