"""oscloud._time: every timestamp becomes an aware datetime in datetime.timezone.utc."""

from __future__ import annotations

import datetime as dt

import pytest

from oscloud import _time
from oscloud._time import http_date, isoformat_z, to_utc, to_utc_or_none

UTC = dt.timezone.utc


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


ISO_8601 = {
    # what Nova, Cinder and Keystone write: naive, UTC by convention
    "2012-09-27T18:09:10": at(2012, 9, 27, 18, 9, 10),
    "2012-09-27T18:09:10.000000": at(2012, 9, 27, 18, 9, 10),
    "2012-09-27T18:09:10.5": at(2012, 9, 27, 18, 9, 10, 500000),
    "2012-09-27T18:09:10.12": at(2012, 9, 27, 18, 9, 10, 120000),
    "2012-09-27T18:09:10.123": at(2012, 9, 27, 18, 9, 10, 123000),
    "2012-09-27T18:09:10.1234": at(2012, 9, 27, 18, 9, 10, 123400),
    "2012-09-27T18:09:10.12345": at(2012, 9, 27, 18, 9, 10, 123450),
    "2012-09-27T18:09:10.123456": at(2012, 9, 27, 18, 9, 10, 123456),
    "2012-09-27T18:09:10.1234567": at(2012, 9, 27, 18, 9, 10, 123456),
    "2012-09-27T18:09:10.123456789": at(2012, 9, 27, 18, 9, 10, 123456),
    "2012-09-27 18:09:10": at(2012, 9, 27, 18, 9, 10),
    "2012-09-27T18:09": at(2012, 9, 27, 18, 9),
    # with a zone
    "2012-09-27T18:09:10Z": at(2012, 9, 27, 18, 9, 10),
    "2012-09-27T18:09:10.000000Z": at(2012, 9, 27, 18, 9, 10),
    "2015-08-27T09:49:58.123456789Z": at(2015, 8, 27, 9, 49, 58, 123456),
    "2012-09-27T20:09:10+02:00": at(2012, 9, 27, 18, 9, 10),
    "2012-09-27T20:09:10+0200": at(2012, 9, 27, 18, 9, 10),
    "2012-09-27T13:09:10-05:00": at(2012, 9, 27, 18, 9, 10),
    "2012-09-27T18:09:10.250+00:00": at(2012, 9, 27, 18, 9, 10, 250000),
    "2012-09-27T23:39:10.5+05:30": at(2012, 9, 27, 18, 9, 10, 500000),
    # date only: midnight UTC
    "2012-09-27": at(2012, 9, 27),
}


@pytest.mark.parametrize(("text", "expected"), ISO_8601.items(), ids=list(ISO_8601))
def test_iso_8601(text: str, expected: dt.datetime) -> None:
    got = to_utc(text)

    assert got == expected
    assert got.tzinfo is UTC


@pytest.mark.parametrize(("text", "expected"), ISO_8601.items(), ids=list(ISO_8601))
def test_the_fallback_for_python_310_reads_every_iso_form(text: str, expected: dt.datetime) -> None:
    # Python 3.10's fromisoformat reads only what isoformat() writes; python-dateutil
    # reads the rest. The fallback alone must give the same answers.
    parsed = _time._isoparse(text)

    assert parsed is not None
    assert _time._aware(parsed) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu, 27 Sep 2012 18:09:10 GMT", at(2012, 9, 27, 18, 9, 10)),  # RFC 1123
        ("Thu, 27 Sep 2012 18:09:10 UTC", at(2012, 9, 27, 18, 9, 10)),
        ("Thu, 27 Sep 2012 20:09:10 +0200", at(2012, 9, 27, 18, 9, 10)),
        ("Thu, 27 Sep 2012 18:09:10 -0000", at(2012, 9, 27, 18, 9, 10)),
        ("Thursday, 27-Sep-12 18:09:10 GMT", at(2012, 9, 27, 18, 9, 10)),  # RFC 850
        ("Thu Sep 27 18:09:10 2012", at(2012, 9, 27, 18, 9, 10)),  # asctime
        ("  Thu, 27 Sep 2012 18:09:10 GMT\r\n", at(2012, 9, 27, 18, 9, 10)),
    ],
)
def test_http_dates(text: str, expected: dt.datetime) -> None:
    got = to_utc(text)

    assert got == expected
    assert got.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1348769350, at(2012, 9, 27, 18, 9, 10)),
        (1348769350.5, at(2012, 9, 27, 18, 9, 10, 500000)),
        (0, at(1970, 1, 1)),
        ("1348769350", at(2012, 9, 27, 18, 9, 10)),
        ("1348769350.12345", at(2012, 9, 27, 18, 9, 10, 123450)),  # Swift's X-Timestamp
        ("0000001348769350.00000", at(2012, 9, 27, 18, 9, 10)),
    ],
)
def test_unix_seconds(value: float | str, expected: dt.datetime) -> None:
    got = to_utc(value)

    assert got == expected
    assert got.tzinfo is UTC


def test_naive_datetimes_are_utc_and_aware_ones_converted() -> None:
    naive = dt.datetime(2012, 9, 27, 18, 9, 10)
    cest = dt.datetime(2012, 9, 27, 20, 9, 10, tzinfo=dt.timezone(dt.timedelta(hours=2)))

    assert to_utc(naive) == at(2012, 9, 27, 18, 9, 10)
    assert to_utc(naive).tzinfo is UTC
    assert to_utc(cest) == at(2012, 9, 27, 18, 9, 10)
    assert to_utc(cest).tzinfo is UTC
    assert to_utc(cest).hour == 18


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   ",
        "never",
        "yesterday",
        "Mon",
        "12:30",
        "2012-13-45",
        "2012-09-27T25:00:00",
        "27/09/2012",
        "0x10",
        "1e9",
        "-1348769350",
        "nan",
        "2012-09-27T18:09:10 +02:00 extra",
    ],
)
def test_junk_strings_raise_a_clear_value_error(junk: str) -> None:
    with pytest.raises(ValueError, match="not a timestamp") as caught:
        to_utc(junk)

    if junk.strip():
        assert repr(junk) in str(caught.value)


@pytest.mark.parametrize(
    "junk", [None, True, False, b"2012-09-27", [2012, 9, 27], dt.date(2012, 9, 27)]
)
def test_values_of_other_types_raise_value_error(junk: object) -> None:
    with pytest.raises(ValueError, match="not a timestamp"):
        to_utc(junk)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [10**20, "99999999999999999999", float("inf"), float("nan")])
def test_unix_seconds_out_of_range_raise_value_error(value: float | str) -> None:
    with pytest.raises(ValueError, match="out of range for Unix seconds"):
        to_utc(value)


def test_to_utc_or_none_reads_never_as_none() -> None:
    assert to_utc_or_none(None) is None
    assert to_utc_or_none("") is None
    assert to_utc_or_none("2012-09-27T18:09:10Z") == at(2012, 9, 27, 18, 9, 10)
    with pytest.raises(ValueError, match="not a timestamp"):
        to_utc_or_none("soon")


def test_isoformat_z() -> None:
    cest = dt.timezone(dt.timedelta(hours=2))

    assert isoformat_z(dt.datetime(2024, 1, 2, 3, 4, 5)) == "2024-01-02T03:04:05Z"
    assert isoformat_z(dt.datetime(2024, 1, 2, 5, 4, 5, tzinfo=cest)) == "2024-01-02T03:04:05Z"
    assert isoformat_z(dt.datetime(2024, 1, 2, 3, 4, 5, 120000)) == "2024-01-02T03:04:05.120000Z"


def test_http_date_is_rfc_1123_in_gmt() -> None:
    cest = dt.timezone(dt.timedelta(hours=2))

    assert http_date(dt.datetime(2012, 9, 27, 18, 9, 10)) == "Thu, 27 Sep 2012 18:09:10 GMT"
    assert http_date(dt.datetime(2012, 9, 27, 20, 9, 10, 999999, tzinfo=cest)) == (
        "Thu, 27 Sep 2012 18:09:10 GMT"
    )
    assert http_date(dt.datetime(2024, 3, 1, 0, 0, 0)) == "Fri, 01 Mar 2024 00:00:00 GMT"


@pytest.mark.parametrize(
    "moment", [at(2012, 9, 27, 18, 9, 10), at(2000, 2, 29, 23, 59, 59), at(2038, 1, 19, 3, 14, 8)]
)
def test_formatting_and_parsing_round_trip(moment: dt.datetime) -> None:
    assert to_utc(isoformat_z(moment)) == moment
    assert to_utc(http_date(moment)) == moment
    assert to_utc(str(int(moment.timestamp()))) == moment
