"""One timestamp converter: every time oscloud returns is an aware ``datetime`` in UTC.

What :func:`to_utc` reads:

- ISO 8601, with or without a zone (``Z``, ``+02:00``, ``+0200``), with 0 to 9 digits of
  fractional seconds (beyond 6 they are cut), date-only (midnight). Values without a zone
  are UTC, as OpenStack writes them.
- RFC 1123 HTTP dates (``Thu, 27 Sep 2012 18:09:10 GMT``), as in ``Last-Modified``.
- Unix seconds: ``int``, ``float``, or a string of digits with an optional fraction
  (Swift's ``X-Timestamp: 1348769350.12345``). A string of digits is always Unix seconds,
  never a compact ISO date. Booleans are refused.
- ``datetime`` values: naive ones are taken as UTC, aware ones converted.

Anything else raises :class:`ValueError`, and so does a time that falls outside the
years 1 to 9999 once converted to UTC (``9999-12-31T23:59:59-01:00``), or a number of
seconds too large for a ``datetime``: never ``OverflowError``.
"""

from __future__ import annotations

import datetime as _dt
import re
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

UTC = _dt.timezone.utc

_UNIX_SECONDS = r"\d+(?:\.\d+)?"  # compiled on first use, by the re module's cache


def to_utc(value: str | float | _dt.datetime) -> _dt.datetime:
    """Parse an OpenStack timestamp into an aware UTC ``datetime``.

    Accepts ISO 8601 with or without a zone and fractions (naive values are UTC, as
    OpenStack writes them), RFC 1123 HTTP dates, Unix seconds (numbers or digit strings),
    and ``datetime`` values.

    Raises:
        ValueError: the value is not a timestamp, or is out of range in UTC.

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
    if type(value) is str and len(value) >= 19 and value[10] == "T":
        fast = _fast_iso(value)  # the common case, OpenStack's own timestamps
        if fast is not None:
            return fast
    if isinstance(value, _dt.datetime):
        return _aware(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"not a timestamp: {value!r}")
    if not isinstance(value, str):
        return _from_unix(value)
    text = value.strip()
    if not text:
        raise ValueError("not a timestamp: empty string")
    if re.fullmatch(_UNIX_SECONDS, text):
        if len(text) > 40:  # int() would refuse 4,300 digits in words of its own
            raise ValueError(f"not a timestamp: {len(text)} digits are out of range")
        return _from_unix(float(text) if "." in text else int(text))
    parsed = _parse_iso(text) if text[0].isdigit() else None
    if parsed is None:
        parsed = _parse_http_date(text)
    if parsed is None:
        raise ValueError(
            f"not a timestamp (ISO 8601, RFC 1123 or Unix seconds expected): {value!r}"
        )
    return _aware(parsed)


def _fast_iso(text: str) -> _dt.datetime | None:
    """``fromisoformat`` for ``2012-09-27T18:09:10[.fff|.ffffff][Z|±hh:mm]``; ``None`` if it can't.

    ``Z`` and the naive forms OpenStack writes become ``+00:00`` before parsing, which
    gives an aware UTC value in one call.
    """
    size = len(text)
    if text[-1] == "Z":
        text = text[:-1] + "+00:00"
    elif size == 19 or (text[19] == "." and size in (23, 26)):
        text += "+00:00"
    try:
        parsed = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is UTC:
        return parsed
    return _aware(parsed)


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
    return _aware(value).replace(tzinfo=None).isoformat() + "Z"


def http_date(value: _dt.datetime) -> str:
    """Format a ``datetime`` as an RFC 1123 HTTP date (in English whatever the locale).

    Example:
        >>> http_date(_dt.datetime(2012, 9, 27, 20, 9, 10,
        ...                        tzinfo=_dt.timezone(_dt.timedelta(hours=2))))
        'Thu, 27 Sep 2012 18:09:10 GMT'
    """
    return format_datetime(_aware(value).replace(microsecond=0), usegmt=True)


def _aware(value: _dt.datetime) -> _dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as err:  # 9999-12-31T23:59:59-01:00 is in the year 10000 in UTC
        raise ValueError(
            f"not a timestamp: {value.isoformat()} is out of range once converted to UTC"
        ) from err


def _from_unix(seconds: float) -> _dt.datetime:
    try:
        return _dt.datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError) as err:
        raise ValueError(f"not a timestamp: {seconds!r} is out of range for Unix seconds") from err


def _parse_iso(text: str) -> _dt.datetime | None:
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        # Python 3.10 reads only what isoformat() writes: 3 or 6 fraction digits, no +0200.
        return _isoparse(text)


def _isoparse(text: str) -> _dt.datetime | None:
    from dateutil import parser  # imported on first need: keeps `import oscloud` light

    try:
        return parser.isoparse(text)
    except (ValueError, OverflowError):
        return None


def _parse_http_date(text: str) -> _dt.datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
