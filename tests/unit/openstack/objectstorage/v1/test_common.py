from __future__ import annotations

import datetime as dt
import io

import pytest

from oscloud.errors import MissingInputError
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


@pytest.mark.parametrize("container", ["", None, 3])
def test_check_container_requires_a_name(container: object) -> None:
    with pytest.raises(MissingInputError):
        _common.check_container(container)


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
        _common.unix_seconds(True)  # type: ignore[arg-type]


def test_request_body_of_bytes_has_a_length_and_hashes_as_it_is_read() -> None:
    seen: list[tuple[int, int | None]] = []

    body, checksum, size = _common.request_body(
        b"Goodbye World!", progress=lambda done, total: seen.append((done, total)), chunk_size=5
    )

    assert size == 14 and len(body) == 14
    assert checksum.count == 0  # nothing read yet: nothing is read in advance
    assert list(body) == [b"Goodb", b"ye Wo", b"rld!"]
    assert checksum.hexdigest() == md5(b"Goodbye World!")
    assert seen == [(5, 14), (10, 14), (14, 14)]


def test_request_body_of_a_file_starts_where_the_file_stands_and_rewinds() -> None:
    source = io.BytesIO(b"skip:payload")
    source.read(5)

    body, checksum, size = _common.request_body(source, chunk_size=3)

    assert size == 7
    assert next(iter(body)) == b"pay"
    body.seek(0)
    assert list(body) == [b"pay", b"loa", b"d"]
    assert checksum.hexdigest() == md5(b"payload")


def test_request_body_of_a_file_is_sent_in_chunk_size_blocks_not_read_like_a_file() -> None:
    # urllib3 reads a body that has read() 16 KiB at a time; it sends an iterable as is.
    body, _, _ = _common.request_body(io.BytesIO(bytes(10)), chunk_size=4)

    assert not hasattr(body, "read")
    assert [len(chunk) for chunk in body] == [4, 4, 2]


def test_request_body_of_a_short_file_raises_instead_of_hanging() -> None:
    body, _, _ = _common.request_body(io.BytesIO(b"abc"), size=10)

    with pytest.raises(_common.BodySizeError, match="3 of 10"):
        b"".join(body)


def test_request_body_of_an_unseekable_file_is_a_chunk_stream() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self._data = io.BytesIO(b"streamed bytes")

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            return self._data.read(size)

    body, checksum, size = _common.request_body(Pipe(), chunk_size=4)

    assert size is None
    assert not hasattr(body, "__len__")
    assert b"".join(body) == b"streamed bytes"
    assert checksum.count == 14


def test_request_body_of_an_iterable_with_a_size_checks_the_size() -> None:
    body, _, size = _common.request_body(iter([b"ab", b"cd"]), size=5)

    assert size == 5 and len(body) == 5
    with pytest.raises(_common.BodySizeError, match="4 of 5"):
        list(body)


@pytest.mark.parametrize("data", ["text", 42, [b"a", "b"]])
def test_request_body_refuses_what_is_not_bytes(data: object) -> None:
    def consume() -> None:
        body, _, _ = _common.request_body(data)
        list(body)

    with pytest.raises(TypeError):
        consume()


def test_checked_chunks_reports_progress_and_raises_on_mismatch_after_the_last_chunk() -> None:
    seen: list[tuple[int, int | None]] = []
    chunks = _common.checked_chunks(
        [b"Hello ", b"there"],
        what="GET c/o",
        expected_md5=md5(b"Goodbye"),
        total=11,
        progress=lambda done, total: seen.append((done, total)),
    )

    assert next(chunks) == b"Hello "
    assert next(chunks) == b"there"
    with pytest.raises(_common.ETagMismatchError) as caught:
        next(chunks)
    assert caught.value.actual == md5(b"Hello there")
    assert caught.value.expected == md5(b"Goodbye")
    assert seen == [(6, 11), (11, 11)]


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
