from __future__ import annotations

import datetime as dt

import pytest

from oscloud.errors import InvalidResponseError, MissingInputError
from oscloud.openstack.objectstorage.v1 import _common
from tests.unit.openstack.objectstorage.conftest import md5


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("goodbye", "goodbye"),
        ("2024/cat 1.jpg", "2024/cat%201.jpg"),
        ("a/../b", "a/%2E%2E/b"),
        ("./x", "%2E/x"),
        ("dir//file?#", "dir//file%3F%23"),
        ("café/ß", "caf%C3%A9/%C3%9F"),
        ("/leading", "/leading"),
    ],
)
def test_quote_object_name_keeps_slashes_and_protects_dot_segments(name: str, quoted: str) -> None:
    assert _common.quote_object_name(name) == quoted


@pytest.mark.parametrize("container", ["", None])
def test_check_container_requires_a_name(container: object) -> None:
    with pytest.raises(MissingInputError):
        _common.check_container(container)


def test_check_container_refuses_what_is_not_a_string() -> None:
    with pytest.raises(TypeError, match="container must be a str, not int"):
        _common.check_container(3)


@pytest.mark.parametrize("container", ["a/b", "..", "."])
def test_check_container_refuses_paths(container: str) -> None:
    with pytest.raises(ValueError, match="container"):
        _common.check_container(container)


def test_signing_path_starts_at_v1_and_is_unquoted() -> None:
    url = "http://h:8080/object/v1/AUTH_a/c/caf%C3%A9%20x"

    assert _common.signing_path(url) == "/v1/AUTH_a/c/café x"


def test_encode_metadata_sends_non_ascii_values_as_utf8_bytes() -> None:
    encoded = _common.encode_metadata({"Title": "Café"})

    assert encoded == {"Title": "Café".encode().decode("latin-1")}
    assert _common.decode_header_value(encoded["Title"]) == "Café"


@pytest.mark.parametrize(
    ("metadata", "error"),
    [
        ({"": "x"}, ValueError),
        ({"Two Words": "x"}, ValueError),
        ({"Colon:": "x"}, ValueError),
        ({"Book": "a\r\nX-Injected: 1"}, ValueError),
        ({"Book": b"bytes"}, TypeError),
        ({"Book": True}, TypeError),
    ],
)
def test_encode_metadata_refuses_what_cannot_be_a_header(
    metadata: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        _common.encode_metadata(metadata)


def test_read_metadata_is_case_insensitive_and_leaves_out_excluded_names() -> None:
    headers = {
        "X-Object-Meta-Book": "GoodbyeColumbus",
        "X-Object-Meta-Temp-Url-Key": "secret",
        "X-Container-Meta-Other": "no",
        "Content-Type": "text/plain",
    }

    found = _common.read_metadata(headers, "Object", ["temp-url-key"])

    assert dict(found) == {"Book": "GoodbyeColumbus"}
    assert found["BOOK"] == "GoodbyeColumbus"


def test_unix_seconds_reads_aware_naive_and_int() -> None:
    aware = dt.datetime(2014, 1, 27, 20, 46, 47, tzinfo=dt.timezone(dt.timedelta(hours=1)))

    assert _common.unix_seconds(aware) == 1390852007
    assert _common.unix_seconds(dt.datetime(2014, 1, 27, 19, 46, 47)) == 1390852007
    assert _common.unix_seconds(1390852007) == 1390852007
    with pytest.raises(TypeError):
        _common.unix_seconds(True)


def test_the_streaming_names_object_storage_always_exported_still_import() -> None:
    from oscloud import _streaming
    from oscloud.openstack.objectstorage.v1 import largeobjects, objects

    assert _common.BodySizeError is _streaming.BodySizeError is objects.BodySizeError
    assert _common.Checksum is _streaming.Checksum
    assert _common.CHUNK_SIZE == _streaming.CHUNK_SIZE == 256 * 1024
    assert objects.ETagMismatchError is _common.ETagMismatchError
    assert issubclass(objects.ETagMismatchError, _streaming.ChecksumMismatchError)
    assert issubclass(objects.ETagMismatchError, InvalidResponseError)
    assert objects.Progress is _streaming.Progress
    assert largeobjects.DeleteResult is objects.BulkDeleteResult is _common.BulkDeleteResult


def test_an_etag_mismatch_speaks_of_the_etag() -> None:
    err = _common.ETagMismatchError("GET c/o", md5(b"a"), md5(b"b"))

    assert str(err) == f"GET c/o: the body has MD5 {md5(b'b')} but the server's ETag is {md5(b'a')}"
    assert (err.expected, err.actual) == (md5(b"a"), md5(b"b"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("True", True),
        ("true", True),
        ("yes", True),
        ("1", True),
        ("t", True),
        ("no", False),
        ("", False),
        ("False", False),
    ],
)
def test_flag_reads_swifts_spellings_of_true(value: str, expected: bool) -> None:
    assert _common.flag(value) is expected


def test_header_text_undoes_utf8_and_reads_empty_as_none() -> None:
    assert _common.header_text("Caf\xc3\xa9") == "Café"
    assert _common.header_text("") is None


def test_check_expiry_refuses_two_expiries() -> None:
    class Opts:
        delete_at = 1
        delete_after = 60

    with pytest.raises(ValueError, match="give delete_at or delete_after, not both"):
        _common.check_expiry(Opts())


def test_bulk_delete_report_reads_swifts_json_and_unquotes_failed_names() -> None:
    report = _common.BulkDeleteReport.from_json(
        {
            "Number Not Found": 1,
            "Response Status": "400 Bad Request",
            "Response Body": "",
            "Errors": [["/photos/a%20b", "409 Conflict"]],
            "Number Deleted": 2,
        }
    )

    assert (report.deleted, report.not_found, report.status_code, report.ok) == (2, 1, 400, False)
    assert report.errors == (_common.BulkDeleteFailure(name="/photos/a b", status="409 Conflict"),)
    assert "/photos/a b: 409 Conflict" in str(_common.BulkDeleteError(report))
