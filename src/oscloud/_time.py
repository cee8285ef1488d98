"""One timestamp converter: every time oscloud returns is an aware ``datetime`` in UTC."""

from __future__ import annotations

import datetime as _dt
from email.utils import parsedate_to_datetime
from typing import Any

UTC = _dt.timezone.utc


def to_utc(value: str | float | _dt.datetime) -> _dt.datetime:
    """Parse an OpenStack timestamp into an aware UTC ``datetime``.

    Accepts ISO 8601 with or without a zone and fractions (naive values are UTC, as
    OpenStack writes them), RFC 1123 HTTP dates, Unix seconds, and ``datetime`` values.

    Raises:
        ValueError: the value is not a timestamp.

    Example:
        >>> to_utc("2012-09-27T18:09:10.123456")
        datetime.datetime(2012, 9, 27, 18, 9, 10, 123456, tzinfo=datetime.timezone.utc)
        >>> to_utc("Thu, 27 Sep 2012 18:09:10 GMT").isoformat()
        '2012-09-27T18:09:10+00:00'
        >>> to_utc("2012-09-27T20:09:10+02:00").hour
        18
        >>> to_utc(1348769350).isoformat()
        '2012-09-27T18:09:10+00:00'
    """
    if isinstance(value, _dt.datetime):
        return _aware(value)
    if isinstance(value, bool):
        raise ValueError(f"not a timestamp: {value!r}")
    if isinstance(value, (int, float)):
        return _dt.datetime.fromtimestamp(value, UTC)
    if not isinstance(value, str):
        raise ValueError(f"not a timestamp: {value!r}")
    text = value.strip()
    if not text:
        raise ValueError("not a timestamp: empty string")
    if text[0].isdigit():
        return _aware(_parse_iso(text))
    return _aware(_parse_http_date(text))


def to_utc_or_none(value: Any) -> _dt.datetime | None:
    """Like :func:`to_utc`, but ``None`` and ``""`` (how OpenStack says "never") give ``None``.

    Example:
        >>> to_utc_or_none("") is None
        True
        >>> to_utc_or_none("2012-09-27T18:09:10Z").year
        2012
    """
    if value is None or value == "":
        return None
    return to_utc(value)


def isoformat_z(value: _dt.datetime) -> str:
    """Format a ``datetime`` as ISO 8601 in UTC with a ``Z`` (naive values are taken as UTC).

    Example:
        >>> isoformat_z(_dt.datetime(2024, 1, 2, 3, 4, 5))
        '2024-01-02T03:04:05Z'
    """
    text = _aware(value).replace(tzinfo=None).isoformat()
    return text + "Z"


def http_date(value: _dt.datetime) -> str:
    """Format a ``datetime`` as an RFC 1123 HTTP date.

    Example:
        >>> http_date(_dt.datetime(2012, 9, 27, 18, 9, 10, tzinfo=UTC))
        'Thu, 27 Sep 2012 18:09:10 GMT'
    """
    return _aware(value).strftime("%a, %d %b %Y %H:%M:%S GMT")


def _aware(value: _dt.datetime) -> _dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _parse_iso(text: str) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        pass
    from dateutil import parser  # imported on first need: keeps `import oscloud` light

    try:
        return parser.isoparse(text)
    except (ValueError, OverflowError) as err:
        raise ValueError(f"not an ISO 8601 timestamp: {text!r}") from err


def _parse_http_date(text: str) -> _dt.datetime:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError):
        pass
    from dateutil import parser

    try:
        return parser.parse(text)
    except (ValueError, OverflowError) as err:
        raise ValueError(f"not a timestamp: {text!r}") from err
