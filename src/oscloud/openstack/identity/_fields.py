"""Readers the identity token models share: field names in messages, sendable token ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from oscloud.auth import check_token
from oscloud.errors import InvalidAuthOptionsError
from oscloud.results import READ_ERRORS

__all__ = ["named", "token_id"]

T = TypeVar("T")


def named(key: str, read: Callable[[Any], T]) -> Callable[[Any], T]:
    """``read``, whose failures name the member it reads (``user: domain: …``).

    A token body is read at login, where a bare "date value out of range" would not say
    which member of which object was wrong.

    Example:
        >>> from oscloud import _readers
        >>> named("expires_at", _readers.timestamp)("soon")
        Traceback (most recent call last):
        ...
        ValueError: expires_at: not a timestamp (ISO 8601, RFC 1123 or Unix seconds expected): 'soon'
    """  # noqa: E501

    def read_member(value: Any) -> T:
        try:
            return read(value)
        except READ_ERRORS as err:
            detail = err.args[0] if len(err.args) == 1 and isinstance(err.args[0], str) else err
            if isinstance(err, KeyError):
                detail = f"no {err.args[0]!r} member" if err.args else "a member is missing"
            raise ValueError(f"{key}: {detail}") from err

    return read_member


def token_id(value: Any) -> str:
    r"""A token id sent by the server, checked to be usable as a header value.

    The message never shows the value.

    Example:
        >>> token_id("gAAAAABfake")
        'gAAAAABfake'
        >>> token_id("gAAAA\r\nX-Injected: 1")
        Traceback (most recent call last):
        ...
        ValueError: the token id cannot be sent in an HTTP header: it has a space, a line break, a control character or a non-ASCII character (the token is not shown)
    """  # noqa: E501
    try:
        return check_token("the token id", value)
    except InvalidAuthOptionsError as err:
        raise ValueError(str(err)) from None
