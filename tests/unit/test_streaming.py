"""Streamed and hashed bodies: uploads in blocks, downloads checked against a digest."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import urllib3

from oscloud import _streaming, errors
from oscloud._streaming import (
    BodySizeError,
    Checksum,
    ChecksumMismatchError,
    checked_chunks,
    remaining_size,
    request_body,
    response_chunks,
    seekable_position,
    write_chunks,
)


def md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


# -- request bodies ----------------------------------------------------------------------


def test_request_body_of_bytes_has_a_length_and_hashes_as_it_is_read() -> None:
    seen: list[tuple[int, int | None]] = []

    body, checksum, size = request_body(
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

    body, checksum, size = request_body(source, chunk_size=3)

    assert size == 7
    assert next(iter(body)) == b"pay"
    assert body.seekable() and body.tell() == 3
    body.seek(0)  # what the provider does before sending the body again
    assert checksum.count == 0
    assert list(body) == [b"pay", b"loa", b"d"]
    assert checksum.hexdigest() == md5(b"payload")


def test_request_body_is_sent_in_256_kib_blocks_by_default() -> None:
    body, _, size = request_body(io.BytesIO(bytes(600 * 1024)))

    assert size == 600 * 1024
    assert [len(chunk) for chunk in body] == [256 * 1024, 256 * 1024, 88 * 1024]


def test_request_body_of_a_file_is_sent_in_chunk_size_blocks_not_read_like_a_file() -> None:
    # urllib3 reads a body that has read() 16 KiB at a time; it sends an iterable as is.
    body, _, _ = request_body(io.BytesIO(bytes(10)), chunk_size=4)

    assert not hasattr(body, "read")
    assert [len(chunk) for chunk in body] == [4, 4, 2]


def test_request_body_can_only_be_rewound_to_its_start() -> None:
    body, _, _ = request_body(io.BytesIO(b"abcdef"), chunk_size=2)

    with pytest.raises(io.UnsupportedOperation):
        body.seek(2)


def test_request_body_of_an_empty_file_is_empty_bytes() -> None:
    body, checksum, size = request_body(io.BytesIO())

    assert (body, size, checksum.hexdigest()) == (b"", 0, md5(b""))


def test_request_body_of_a_short_file_is_refused_before_it_is_sent() -> None:
    with pytest.raises(BodySizeError, match="size is 10 bytes but the file has 3 left"):
        request_body(io.BytesIO(b"abc"), size=10)


class _Unseekable(io.RawIOBase):
    """A file whose size cannot be known before it is read (a pipe, a socket)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_request_body_of_a_short_stream_raises_instead_of_hanging() -> None:
    body, _, _ = request_body(_Unseekable(b"abc"), size=10)

    with pytest.raises(BodySizeError, match="3 of 10"):
        b"".join(body)


def test_request_body_of_a_text_file_is_refused_before_it_is_sent() -> None:
    with pytest.raises(TypeError, match=r'not a text file \(StringIO\); open files with "rb"'):
        request_body(io.StringIO("text"), size=4)


@pytest.mark.parametrize(
    ("data", "size", "progress", "error", "match"),
    [
        (io.BytesIO(b"x"), -1, None, ValueError, "size must be at least 0, not -1"),
        (io.BytesIO(b"x"), "1", None, ValueError, r"size must be an integer, not '1' \(a str\)"),
        (io.BytesIO(b"x"), True, None, ValueError, r"not True \(a bool\)"),
        (io.BytesIO(b"x"), 1.0, None, ValueError, r"not 1\.0 \(a float\)"),
        (iter([b"x"]), -5, None, ValueError, "size must be at least 0, not -5"),
        (b"abc", 2, None, BodySizeError, "size is 2 bytes but the data has 3"),
        (b"abc", None, "not a function", TypeError, "progress must be a function"),
    ],
)  # fmt: skip
def test_request_body_says_what_is_wrong_with_its_arguments(
    data: Any, size: Any, progress: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        request_body(data, size=size, progress=progress)


def test_request_body_of_an_unseekable_file_is_a_chunk_stream() -> None:
    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self._data = io.BytesIO(b"streamed bytes")

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            return self._data.read(size)

    body, checksum, size = request_body(Pipe(), chunk_size=4)

    assert size is None
    assert not hasattr(body, "__len__")
    assert b"".join(body) == b"streamed bytes"
    assert checksum.count == 14


def test_request_body_of_an_iterable_with_a_size_checks_the_size() -> None:
    body, _, size = request_body(iter([b"ab", b"cd"]), size=5)

    assert size == 5 and len(body) == 5
    with pytest.raises(BodySizeError, match="4 of 5"):
        list(body)


def test_request_body_of_an_iterable_longer_than_its_size_stops_at_once() -> None:
    body, _, _ = request_body(iter([b"abc", b"def"]), size=4)

    with pytest.raises(BodySizeError, match="more than the 4 bytes"):
        list(body)


def test_request_body_of_an_iterable_skips_empty_chunks() -> None:
    # An empty chunk would end a chunked body early.
    body, checksum, size = request_body(iter([b"a", b"", bytearray(b"b")]))

    assert size is None
    assert list(body) == [b"a", b"b"]
    assert checksum.count == 2


@pytest.mark.parametrize("data", ["text", 42, [b"a", "b"]])
def test_request_body_refuses_what_is_not_bytes(data: object) -> None:
    def consume() -> None:
        body, _, _ = request_body(data)
        list(body)

    with pytest.raises(TypeError):
        consume()


def test_request_body_hashes_with_the_algorithm_asked_for() -> None:
    body, checksum, _ = request_body(b"image data", algorithm="sha256")

    b"".join(body)

    assert checksum.algorithm == "sha256"
    assert checksum.hexdigest() == hashlib.sha256(b"image data").hexdigest()


def test_the_sizes_of_files() -> None:
    source = io.BytesIO(b"abcdef")
    source.read(2)

    assert (seekable_position(source), remaining_size(source), source.tell()) == (2, 4, 2)
    assert seekable_position(iter([b"a"])) is None
    assert remaining_size(iter([b"a"])) is None


# -- response bodies ---------------------------------------------------------------------


def test_checked_chunks_reports_progress_and_raises_on_mismatch_after_the_last_chunk() -> None:
    seen: list[tuple[int, int | None]] = []
    chunks = checked_chunks(
        [b"Hello ", b"there"],
        what="GET c/o",
        expected=md5(b"Goodbye"),
        total=11,
        progress=lambda done, total: seen.append((done, total)),
    )

    assert next(chunks) == b"Hello "
    assert next(chunks) == b"there"
    with pytest.raises(ChecksumMismatchError) as caught:
        next(chunks)
    assert caught.value.actual == md5(b"Hello there")
    assert caught.value.expected == md5(b"Goodbye")
    assert isinstance(caught.value, errors.InvalidResponseError)
    assert seen == [(6, 11), (11, 11)]


def test_checked_chunks_names_the_mismatch_in_the_words_of_the_service() -> None:
    class ImageChecksumError(ChecksumMismatchError):
        announced = "the image's os_hash_value"

    sha = hashlib.sha512(b"expected").hexdigest()
    chunks = checked_chunks(
        [b"other"], what="GET image", expected=sha, algorithm="sha512", error=ImageChecksumError
    )

    with pytest.raises(ImageChecksumError, match=r"has SHA512 .* but the image's os_hash_value"):
        list(chunks)


def test_checked_chunks_without_an_expected_digest_checks_nothing() -> None:
    assert list(checked_chunks([b"a", b"", b"b"], what="GET c/o", expected=None)) == [b"a", b"b"]


class _Raw:
    def __init__(self, chunks: list[bytes], failure: Exception | None = None) -> None:
        self._chunks = chunks
        self._failure = failure
        self.asked: list[tuple[int, bool]] = []

    def stream(self, chunk_size: int, decode_content: bool) -> Iterator[bytes]:
        self.asked.append((chunk_size, decode_content))
        yield from self._chunks
        if self._failure is not None:
            raise self._failure


def _response(raw: _Raw) -> Any:
    return SimpleNamespace(raw=raw, url="https://swift.example/v1/AUTH_a/c/o")


def test_response_chunks_read_the_body_as_sent() -> None:
    raw = _Raw([b"ab", b"cd"])

    assert list(response_chunks(_response(raw), what="GET c/o", chunk_size=2)) == [b"ab", b"cd"]
    assert raw.asked == [(2, False)]


_TIMED_OUT = urllib3.exceptions.ReadTimeoutError(None, "u", "t")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("failure", "error", "reason"),
    [
        (_TIMED_OUT, errors.TimeoutError, "timed out"),
        (urllib3.exceptions.ProtocolError("reset"), errors.ConnectError, "connection broke"),
        (ConnectionResetError(), errors.ConnectError, "connection broke"),
    ],
)
def test_response_chunks_turn_a_broken_connection_into_an_oscloud_error(
    failure: Exception, error: type[Exception], reason: str
) -> None:
    chunks = response_chunks(_response(_Raw([b"ab"], failure)), what="GET c/o")

    assert next(chunks) == b"ab"
    with pytest.raises(error, match=reason):
        next(chunks)


def test_write_chunks_to_a_path_replaces_the_file_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "cat.jpg"
    target.write_bytes(b"old")

    def broken() -> Iterator[bytes]:
        yield b"new"
        raise ChecksumMismatchError("GET c/o", md5(b"x"), md5(b"new"))

    with pytest.raises(ChecksumMismatchError):
        write_chunks(broken(), target)

    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cat.jpg"]  # no temporary file left
    assert write_chunks(iter([b"new ", b"cat"]), str(target)) == 7
    assert target.read_bytes() == b"new cat"


def test_write_chunks_closes_what_it_was_given() -> None:
    closed: list[bool] = []

    def chunks() -> Iterator[bytes]:
        try:
            yield b"a"
            yield b"b"
        finally:
            closed.append(True)

    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            raise OSError("no space left on device")

    with pytest.raises(OSError, match="no space"):
        write_chunks(chunks(), Full())  # type: ignore[arg-type]

    assert closed == [True]


def test_checksum_counts_and_resets() -> None:
    checksum = Checksum()
    checksum.update(b"Goodbye World!")

    assert (checksum.count, checksum.hexdigest()) == (14, md5(b"Goodbye World!"))
    checksum.reset()
    assert (checksum.count, checksum.hexdigest()) == (0, md5(b""))


def test_the_module_knows_no_service() -> None:
    source = Path(_streaming.__file__).read_text(encoding="utf-8")

    assert "oscloud.openstack" not in source
