from __future__ import annotations

import datetime as dt
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oscloud import errors
from oscloud._model import json_fields
from oscloud.openstack.objectstorage.v1 import objects
from oscloud.results import ErrResult, HeaderResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import (
    ACCOUNT,
    assert_token,
    md5,
    stored,
)
from tests.unit.openstack.objectstorage.v1.objects import fixtures

UTC = dt.timezone.utc


# -- list --------------------------------------------------------------------------------


def test_list_reads_objects(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_list(server, fixtures.OBJECTS, [])

    found = list(objects.list(swift, fixtures.CONTAINER).items())

    assert found == [
        objects.Object(
            name="goodbye",
            hash="451e372e48e0f6b1114fa0724aa79fa1",
            size=14,
            content_type="application/octet-stream",
            last_modified=dt.datetime(2014, 1, 15, 16, 41, 49, 390270, tzinfo=UTC),
        ),
        objects.Object(
            name="helloworld",
            hash="ed076287532e86365e841e92bfc50d8c",
            size=12,
            content_type="application/octet-stream",
            last_modified=dt.datetime(2014, 1, 15, 16, 37, 43, 427570, tzinfo=UTC),
        ),
    ]
    first, second = server.requests
    assert (first.method, first.path, first.query) == (
        "GET",
        fixtures.CONTAINER_PATH,
        {"format": ["json"]},
    )
    assert second.query == {"format": ["json"], "marker": ["helloworld"]}
    assert_token(first)


def test_list_reads_fields_when_used_and_a_bad_one_fails_then(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_list(server, [{**fixtures.OBJECTS[0], "last_modified": "yesterday"}], [])

    (found,) = objects.list(swift, fixtures.CONTAINER).items()

    assert isinstance(found, objects.Object)
    assert found.name == "goodbye"
    assert found.size == 14
    with pytest.raises(errors.InvalidResponseError, match=r"Object\.last_modified: cannot read"):
        _ = found.last_modified
    assert [r.query for r in server.requests] == [
        {"format": ["json"]},
        {"format": ["json"], "marker": ["goodbye"]},
    ]


def test_list_without_a_delimiter_refuses_an_item_without_a_name(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_list(server, [{"subdir": "photos/"}])

    with pytest.raises(errors.InvalidResponseError, match=r"Object: cannot read.*'name'"):
        list(objects.list(swift, fixtures.CONTAINER).items())
    (sent,) = server.requests
    assert (sent.method, sent.path, sent.query) == (
        "GET",
        fixtures.CONTAINER_PATH,
        {"format": ["json"]},
    )


def test_list_with_a_delimiter_gives_typed_pseudo_folders_and_pages_after_them(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_list(server, fixtures.OBJECTS_WITH_SUBDIRS, [{"subdir": "zoo/"}])
    opts = objects.ListOpts(
        limit=3, prefix="", delimiter="/", end_marker="zzz", path=None, reverse=False
    )

    pages = list(objects.list(swift, fixtures.CONTAINER, opts))

    entries = objects.extract_objects(pages[0])
    assert [type(entry) for entry in entries] == [objects.Subdir, objects.Object, objects.Subdir]
    assert entries[0] == objects.Subdir(name="books/")
    assert objects.extract_object_names(pages[1]) == ["zoo/"]
    first, second = server.requests
    assert first.query == {
        "format": ["json"],
        "limit": ["3"],
        "prefix": [""],
        "delimiter": ["/"],
        "end_marker": ["zzz"],
        "reverse": ["false"],
    }
    assert second.query == {**first.query, "marker": ["photos/"]}


def test_list_of_a_pseudo_folder_with_path(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_list(server, [])

    assert list(objects.list(swift, fixtures.CONTAINER, objects.ListOpts(path="books"))) == []
    assert server.requests[0].query == {"format": ["json"], "path": ["books"]}


@pytest.mark.parametrize(
    "opts", [objects.ListOpts(delimiter="//"), objects.ListOpts(limit=0)], ids=str
)
def test_list_refuses_bad_options(
    server: FakeServer, swift: ServiceClient, opts: objects.ListOpts
) -> None:
    with pytest.raises(ValueError, match="ListOpts"):
        objects.list(swift, fixtures.CONTAINER, opts)

    assert server.requests == []


# -- upload ------------------------------------------------------------------------------


def test_upload_bytes_sends_the_body_and_every_header(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, stored)
    expiry = dt.datetime(2030, 1, 1, tzinfo=UTC)

    header = objects.upload(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        fixtures.CONTENT,
        objects.UploadOpts(
            content_type="text/plain",
            etag=fixtures.ETAG,
            metadata={"Orig-Filename": "goodbyeworld.txt", "Book": "Columbus"},
            delete_at=expiry,
            if_none_match="*",
            content_disposition='attachment; filename="goodbye.txt"',
            content_encoding="identity",
        ),
    ).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body, sent.chunked) == (
        "PUT",
        fixtures.OBJECT_PATH,
        fixtures.CONTENT,
        False,
    )
    assert_token(sent)
    assert sent.headers["Content-Length"] == "14"
    assert sent.headers["Content-Type"] == "text/plain"
    assert sent.headers["ETag"] == fixtures.ETAG
    assert sent.headers["X-Object-Meta-Orig-Filename"] == "goodbyeworld.txt"
    assert sent.headers["X-Object-Meta-Book"] == "Columbus"
    assert sent.headers["X-Delete-At"] == str(int(expiry.timestamp()))
    assert "X-Delete-After" not in sent.headers
    assert sent.headers["If-None-Match"] == "*"
    assert sent.headers["Content-Disposition"] == 'attachment; filename="goodbye.txt"'
    assert sent.headers["Content-Encoding"] == "identity"
    assert header == objects.UploadHeader(
        etag=fixtures.ETAG, last_modified=dt.datetime(2014, 1, 17, 17, 28, 35, tzinfo=UTC)
    )


def test_upload_a_generator_is_streamed_chunked(server: FakeServer, swift: ServiceClient) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, stored)
    seen: list[tuple[int, int | None]] = []
    pulled: list[int] = []

    def lines() -> Iterator[bytes]:
        for number in range(3):
            pulled.append(number)
            yield f"line {number}\n".encode()

    result = objects.upload(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        lines(),
        objects.UploadOpts(delete_after=60),
        progress=lambda done, total: seen.append((done, total)),
    )

    assert result.extract().etag == md5(b"line 0\nline 1\nline 2\n")
    (sent,) = server.requests
    assert sent.chunked is True
    assert "Content-Length" not in sent.headers
    assert sent.headers["Transfer-Encoding"] == "chunked"
    assert sent.headers["X-Delete-After"] == "60"
    assert sent.body == b"line 0\nline 1\nline 2\n"
    assert seen == [(7, None), (14, None), (21, None)]
    assert pulled == [0, 1, 2]


def test_upload_an_iterable_of_known_size_sends_a_content_length(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, stored)

    objects.upload(
        swift, fixtures.CONTAINER, fixtures.OBJECT, iter([b"Goodbye ", b"World!"]), size=14
    ).extract()

    (sent,) = server.requests
    assert (sent.chunked, sent.headers["Content-Length"], sent.body) == (
        False,
        "14",
        fixtures.CONTENT,
    )


def test_upload_file_streams_a_file_with_its_size(
    server: FakeServer, swift: ServiceClient, tmp_path: Path
) -> None:
    path = tmp_path / "big.bin"
    data = os.urandom(300_000)
    path.write_bytes(data)
    server.route("PUT", f"{fixtures.CONTAINER_PATH}/dir/big.bin", stored)
    seen: list[tuple[int, int | None]] = []

    header = objects.upload_file(
        swift,
        fixtures.CONTAINER,
        "dir/big.bin",
        path,
        progress=lambda done, total: seen.append((done, total)),
    ).extract()

    (sent,) = server.requests
    assert (sent.chunked, sent.headers["Content-Length"]) == (False, "300000")
    assert sent.body == data
    assert header.etag == md5(data)
    assert len(seen) > 1  # reported as it went, not once at the end
    assert seen[-1] == (300_000, 300_000)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_upload_of_a_file_is_sent_again_whole_after_a_retry(
    server: FakeServer, swift: ServiceClient, sleeps: list[float]
) -> None:
    server.route(
        "PUT",
        fixtures.OBJECT_PATH,
        Reply(503, "busy", headers={"Retry-After": "1"}),
        stored,
    )
    seen: list[int] = []

    header = objects.upload(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        io.BytesIO(fixtures.CONTENT),
        progress=lambda done, total: seen.append(done),
    ).extract()

    assert [r.body for r in server.requests] == [fixtures.CONTENT, fixtures.CONTENT]
    assert sleeps == [1.0]
    assert header.etag == fixtures.ETAG  # the checksum restarted with the body
    assert seen == [14, 14]


def test_upload_of_a_generator_is_not_replayed(
    server: FakeServer, swift: ServiceClient, sleeps: list[float]
) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, Reply(503, "busy", headers={"Retry-After": "1"}))

    result = objects.upload(swift, fixtures.CONTAINER, fixtures.OBJECT, iter([b"once"]))

    assert isinstance(result.err, errors.ServiceUnavailableError)
    assert len(server.requests) == 1 and sleeps == []


def test_upload_whose_etag_differs_is_an_error(server: FakeServer, swift: ServiceClient) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, Reply(201, headers={"Etag": "0" * 32}))

    result = objects.upload(swift, fixtures.CONTAINER, fixtures.OBJECT, fixtures.CONTENT)

    with pytest.raises(objects.ETagMismatchError) as caught:
        result.extract()
    assert (caught.value.expected, caught.value.actual) == ("0" * 32, fixtures.ETAG)
    assert isinstance(caught.value, errors.InvalidResponseError)


def test_upload_etag_check_can_be_skipped(server: FakeServer, swift: ServiceClient) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, Reply(201, headers={"Etag": '"' + "0" * 32 + '"'}))

    header = objects.upload(
        swift, fixtures.CONTAINER, fixtures.OBJECT, fixtures.CONTENT, verify_etag=False
    ).extract()

    assert header.etag == "0" * 32


def test_upload_refused_by_if_none_match_is_the_results_error(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, Reply(412, "Precondition Failed"))

    result = objects.upload(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        b"x",
        objects.UploadOpts(if_none_match="*"),
    )

    assert isinstance(result.err, errors.UnexpectedResponseCodeError)
    assert result.err.status_code == 412


def test_upload_quotes_object_names_keeping_pseudo_folders(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", f"{fixtures.CONTAINER_PATH}/a%20b//c%3F%23%25", stored)

    objects.upload(swift, fixtures.CONTAINER, "a b//c?#%", b"").extract()

    (sent,) = server.requests
    assert sent.headers["Content-Length"] == "0"


@pytest.mark.parametrize(
    ("container", "name", "data", "opts", "error"),
    [
        ("c", "o", "text", None, TypeError),
        ("c", "o", 12, None, TypeError),
        ("c", "", b"x", None, errors.MissingInputError),
        ("c/d", "o", b"x", None, ValueError),
        ("c", "o", b"x", objects.UploadOpts(delete_at=1, delete_after=1), ValueError),
        ("c", "o", b"x", objects.UploadOpts(delete_after=-1), ValueError),
        ("c", "o", b"x", objects.UploadOpts(if_none_match="abc"), ValueError),
        ("c", "o", b"x", objects.UploadOpts(etag="not-an-md5"), ValueError),
        ("c", "o", b"x", objects.UploadOpts(metadata={"A": "b\nc"}), ValueError),
    ],
)
def test_upload_refuses_bad_input_before_sending(
    server: FakeServer,
    swift: ServiceClient,
    container: str,
    name: str,
    data: object,
    opts: objects.UploadOpts | None,
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        objects.upload(swift, container, name, data, opts)

    assert server.requests == []


@pytest.mark.parametrize(
    ("data", "arguments", "error", "match"),
    [
        (io.BytesIO(b"x"), {"size": -1}, ValueError, "size must be at least 0, not -1"),
        (io.BytesIO(b"x"), {"size": "1"}, ValueError, r"size must be an integer, not '1'"),
        (io.BytesIO(b"x"), {"size": 2.0}, ValueError, r"not 2\.0 \(a float\)"),
        (io.BytesIO(b"x"), {"size": 5}, objects.BodySizeError, "5 bytes but the file has 1"),
        (b"abc", {"size": 1}, objects.BodySizeError, "1 bytes but the data has 3"),
        (io.StringIO("x"), {}, TypeError, "not a text file"),
        (b"x", {"progress": "50%"}, TypeError, "progress must be a function"),
    ],
)  # fmt: skip
def test_upload_says_what_is_wrong_with_a_size_before_sending(
    server: FakeServer,
    swift: ServiceClient,
    data: object,
    arguments: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        objects.upload(swift, "c", "o", data, **arguments)

    assert server.requests == []


# -- download ----------------------------------------------------------------------------


def test_download_yields_chunks_before_the_body_is_complete(
    server: FakeServer, swift: ServiceClient
) -> None:
    first_seen = threading.Event()
    server_waited: list[bool] = []

    def body() -> Iterator[bytes]:
        yield b"Goodbye "
        server_waited.append(first_seen.wait(timeout=5))
        yield b"World!"

    server.route(
        "GET",
        fixtures.OBJECT_PATH,
        Reply(200, headers=fixtures.OBJECT_HEADERS, chunks=body()),
    )
    seen: list[tuple[int, int | None]] = []

    result = objects.download(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        progress=lambda done, total: seen.append((done, total)),
    )
    chunks = result.iter_content()
    first = next(chunks)
    first_seen.set()
    rest = b"".join(chunks)

    assert first == b"Goodbye "
    assert rest == b"World!"
    assert server_waited == [True]  # the client had the first chunk while the server waited
    assert seen == [(8, None), (14, None)]
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("GET", fixtures.OBJECT_PATH)
    assert sent.headers["Accept-Encoding"] == "identity"
    assert_token(sent)


def test_download_gives_the_headers_before_the_body(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_download(server)

    with objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT) as result:
        header = result.extract()
        assert result.read() == fixtures.CONTENT

    assert header.content_length == 14
    assert header.etag == fixtures.ETAG
    assert header.metadata["orig-filename"] == "goodbyeworld.txt"
    assert header.delete_at == dt.datetime(2014, 1, 27, 19, 46, 47, tzinfo=UTC)
    assert header.last_modified == dt.datetime(2014, 1, 15, 16, 41, 49, tzinfo=UTC)
    assert not header.is_large_object


def test_download_whose_body_does_not_match_the_etag_raises(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_download(server, b"Goodbye Wxrld!")

    result = objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT)

    with pytest.raises(objects.ETagMismatchError) as caught:
        result.read()
    assert caught.value.expected == fixtures.ETAG
    assert caught.value.actual == md5(b"Goodbye Wxrld!")


def test_download_etag_check_can_be_skipped(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_download(server, b"Goodbye Wxrld!")

    result = objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT, verify_etag=False)

    assert result.read() == b"Goodbye Wxrld!"


@pytest.mark.parametrize(
    "manifest",
    [
        {"X-Static-Large-Object": "True", "Etag": '"' + "a" * 32 + '"'},
        {"X-Object-Manifest": "marktwain_segments/goodbye/", "Etag": '"' + "a" * 32 + '"'},
    ],
    ids=["slo", "dlo"],
)
def test_download_of_a_large_object_skips_the_etag_check(
    server: FakeServer, swift: ServiceClient, manifest: dict[str, str]
) -> None:
    fixtures.handle_download(server, fixtures.CONTENT, **manifest)

    result = objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT)

    assert result.read() == fixtures.CONTENT
    assert result.extract().is_large_object


def test_download_of_a_range_sends_range_and_skips_the_etag_check(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route(
        "GET",
        fixtures.OBJECT_PATH,
        Reply(
            206,
            b"Goodbye",
            headers={**fixtures.OBJECT_HEADERS, "Content-Range": "bytes 0-6/14"},
        ),
    )

    result = objects.download(
        swift, fixtures.CONTAINER, fixtures.OBJECT, objects.DownloadOpts(range="bytes=0-6")
    )

    assert result.partial
    assert result.read() == b"Goodbye"
    assert server.requests[0].headers["Range"] == "bytes=0-6"


def test_download_sends_conditions(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_download(server)
    when = dt.datetime(2014, 1, 16, 22, 12, 31, tzinfo=dt.timezone(dt.timedelta(hours=1)))

    objects.download(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        objects.DownloadOpts(
            if_match=fixtures.ETAG,
            if_none_match="ed076287532e86365e841e92bfc50d8c",
            if_modified_since=when,
            if_unmodified_since=when,
            newest=True,
        ),
    ).close()

    sent = server.requests[0].headers
    assert sent["If-Match"] == fixtures.ETAG
    assert sent["If-None-Match"] == "ed076287532e86365e841e92bfc50d8c"
    assert sent["If-Modified-Since"] == "Thu, 16 Jan 2014 21:12:31 GMT"
    assert sent["If-Unmodified-Since"] == "Thu, 16 Jan 2014 21:12:31 GMT"
    assert sent["X-Newest"] == "true"
    assert "Range" not in sent


def test_download_not_modified_has_no_body_and_writes_nothing(
    server: FakeServer, swift: ServiceClient, tmp_path: Path
) -> None:
    server.route("GET", fixtures.OBJECT_PATH, Reply(304, headers={"Etag": fixtures.ETAG}))
    target = tmp_path / "goodbye.txt"
    target.write_bytes(b"kept")

    result = objects.download(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        objects.DownloadOpts(if_none_match=fixtures.ETAG),
    )

    assert result.not_modified
    assert result.write_to(target) == 0
    assert target.read_bytes() == b"kept"


def test_download_write_to_a_path_streams_into_place(
    server: FakeServer, swift: ServiceClient, tmp_path: Path
) -> None:
    fixtures.handle_download(server)
    target = tmp_path / "goodbye.txt"

    written = objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT).write_to(str(target))

    assert written == 14
    assert target.read_bytes() == fixtures.CONTENT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["goodbye.txt"]


def test_download_write_to_a_path_leaves_nothing_when_the_check_fails(
    server: FakeServer, swift: ServiceClient, tmp_path: Path
) -> None:
    fixtures.handle_download(server, b"Goodbye Wxrld!")
    target = tmp_path / "goodbye.txt"

    with pytest.raises(objects.ETagMismatchError):
        objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT).write_to(target)

    assert list(tmp_path.iterdir()) == []


def test_download_write_to_a_file_object(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_download(server)
    sink = io.BytesIO()

    written = objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT).write_to(sink)

    assert (written, sink.getvalue()) == (14, fixtures.CONTENT)


def test_download_progress_knows_the_total(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_download(server)
    seen: list[tuple[int, int | None]] = []

    objects.download(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        progress=lambda done, total: seen.append((done, total)),
    ).read()

    assert seen == [(14, 14)]


def test_download_body_is_read_once(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_download(server)
    result = objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT)
    result.read()

    with pytest.raises(RuntimeError, match="already read"):
        result.read()


def test_download_of_a_missing_object_is_not_found(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("GET", fixtures.OBJECT_PATH, Reply(404, "<html><h1>Not Found</h1></html>"))

    result = objects.download(swift, fixtures.CONTAINER, fixtures.OBJECT)

    assert isinstance(result.err, errors.NotFoundError)
    with pytest.raises(errors.NotFoundError):
        result.iter_content()


def test_download_refuses_a_range_that_is_not_bytes(
    server: FakeServer, swift: ServiceClient
) -> None:
    with pytest.raises(ValueError, match="bytes="):
        objects.download(swift, "c", "o", objects.DownloadOpts(range="0-10"))

    assert server.requests == []


# -- get, copy, update, delete -----------------------------------------------------------


def test_get_reads_the_object_headers(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_head(server)

    header = objects.get(swift, fixtures.CONTAINER, fixtures.OBJECT, newest=True).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.headers["X-Newest"]) == (
        "HEAD",
        fixtures.OBJECT_PATH,
        "true",
    )
    assert header.content_type == "application/octet-stream"
    assert header.created_at == dt.datetime(2014, 1, 15, 16, 41, 49, 390270, tzinfo=UTC)
    assert dict(header.metadata) == {"Orig-Filename": "goodbyeworld.txt"}


def test_copy_sends_copy_with_a_quoted_destination(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_copy(server)

    header = objects.copy(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        "janeausten",
        "old/good bye",
        objects.CopyOpts(metadata={"Movie": "AmericanPie"}, content_type="text/html"),
    ).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("COPY", fixtures.OBJECT_PATH, b"")
    assert sent.headers["Destination"] == "janeausten/old/good%20bye"
    assert sent.headers["X-Object-Meta-Movie"] == "AmericanPie"
    assert sent.headers["Content-Type"] == "text/html"
    assert_token(sent)
    assert header == objects.CopyHeader(
        etag=fixtures.ETAG,
        last_modified=dt.datetime(2014, 1, 17, 18, 22, 57, tzinfo=UTC),
        copied_from="marktwain/goodbye",
        copied_from_last_modified=dt.datetime(2014, 1, 16, 21, 19, 45, tzinfo=UTC),
    )


def test_copy_with_put_sends_x_copy_from_to_the_destination(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", f"{ACCOUNT}/janeausten/goodbye", Reply(201, headers=fixtures.COPY_HEADERS))

    objects.copy(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        "janeausten",
        opts=objects.CopyOpts(fresh_metadata=True),
        method="PUT",
    ).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("PUT", f"{ACCOUNT}/janeausten/goodbye", b"")
    assert sent.headers["X-Copy-From"] == "/marktwain/goodbye"
    assert sent.headers["Content-Length"] == "0"
    assert sent.headers["X-Fresh-Metadata"] == "true"
    assert "Destination" not in sent.headers


def test_copy_refuses_other_methods(server: FakeServer, swift: ServiceClient) -> None:
    with pytest.raises(ValueError, match="COPY"):
        objects.copy(swift, "a", "o", "b", method="POST")

    assert server.requests == []


def test_update_replaces_metadata_and_expiry(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_update(server)

    objects.update(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        objects.UpdateOpts(
            metadata={"Book": "GoodbyeColumbus"}, content_type="text/plain", delete_after=3600
        ),
    ).extract_err()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("POST", fixtures.OBJECT_PATH, b"")
    assert sent.headers["X-Object-Meta-Book"] == "GoodbyeColumbus"
    assert sent.headers["Content-Type"] == "text/plain"
    assert sent.headers["X-Delete-After"] == "3600"
    assert "X-Remove-Delete-At" not in sent.headers


def test_update_can_remove_the_expiry(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_update(server)

    objects.update(
        swift, fixtures.CONTAINER, fixtures.OBJECT, objects.UpdateOpts(remove_delete_at=True)
    ).extract_err()

    assert server.requests[0].headers["X-Remove-Delete-At"] == "x"


def test_update_refuses_contradictory_expiry(server: FakeServer, swift: ServiceClient) -> None:
    with pytest.raises(ValueError, match="remove_delete_at"):
        objects.update(swift, "c", "o", objects.UpdateOpts(delete_at=5, remove_delete_at=True))

    assert server.requests == []


def test_delete_sends_delete(server: FakeServer, swift: ServiceClient) -> None:
    server.route("DELETE", f"{fixtures.CONTAINER_PATH}/dir/hello%20world", Reply(204))

    objects.delete(swift, fixtures.CONTAINER, "dir/hello world").extract_err()

    (sent,) = server.requests
    assert (sent.method, sent.query) == ("DELETE", {})


def test_delete_of_a_missing_object_is_not_found(server: FakeServer, swift: ServiceClient) -> None:
    server.route("DELETE", fixtures.OBJECT_PATH, Reply(404))

    with pytest.raises(errors.NotFoundError):
        objects.delete(swift, fixtures.CONTAINER, fixtures.OBJECT).extract_err()


def test_bulk_delete_posts_the_objects_paths(server: FakeServer, swift: ServiceClient) -> None:
    server.route(
        "POST",
        ACCOUNT,
        Reply(
            200,
            {
                "Number Not Found": 0,
                "Response Status": "200 OK",
                "Response Body": "",
                "Errors": [],
                "Number Deleted": 2,
            },
        ),
    )

    report = objects.bulk_delete(swift, fixtures.CONTAINER, ["hello world", "dir/x#1"]).extract()

    (sent,) = server.requests
    assert sent.query == {"bulk-delete": ["true"]}
    assert sent.body == b"/marktwain/hello%20world\n/marktwain/dir/x%231"
    assert sent.headers["Content-Type"] == "text/plain"
    assert (report.deleted, report.not_found, report.ok) == (2, 0, True)


def test_bulk_delete_reports_objects_that_failed(server: FakeServer, swift: ServiceClient) -> None:
    server.route(
        "POST",
        ACCOUNT,
        Reply(
            200,
            {
                "Number Not Found": 1,
                "Response Status": "502 Bad Gateway",
                "Response Body": "",
                "Errors": [["/marktwain/a", "503 Service Unavailable"]],
                "Number Deleted": 0,
            },
        ),
    )

    result = objects.bulk_delete(swift, fixtures.CONTAINER, ["a", "b"])

    assert isinstance(result.err, objects.BulkDeleteError)
    assert result.err.report.errors[0].status == "503 Service Unavailable"


@pytest.mark.parametrize(
    ("opts", "message"),
    [
        (objects.UpdateOpts(delete_at=5, delete_after=60), "give delete_at or delete_after"),
        (objects.UpdateOpts(delete_after=-1), r"UpdateOpts\.delete_after must be at least 0"),
    ],
)
def test_update_refuses_bad_expiries(
    server: FakeServer, swift: ServiceClient, opts: objects.UpdateOpts, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        objects.update(swift, "c", "o", opts)

    assert server.requests == []


# -- the template ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("act", "options_class"),
    [
        (lambda c, o: objects.list(c, "c", o), "ListOpts"),
        (lambda c, o: objects.upload(c, "c", "o", b"data", o), "UploadOpts"),
        (lambda c, o: objects.download(c, "c", "o", o), "DownloadOpts"),
        (lambda c, o: objects.copy(c, "c", "o", "d", opts=o), "CopyOpts"),
        (lambda c, o: objects.update(c, "c", "o", o), "UpdateOpts"),
    ],
    ids=["list", "upload", "download", "copy", "update"],
)
def test_a_dict_instead_of_the_options_class_is_refused_before_any_request(
    server: FakeServer, swift: ServiceClient, act: Any, options_class: str
) -> None:
    with pytest.raises(TypeError, match=rf"expected {options_class}, not dict"):
        act(swift, {"content_type": "text/plain"})

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CopyOptsBuilder", "CopyOpts"),
        ("DownloadOptsBuilder", "DownloadOpts"),
        ("ListOptsBuilder", "ListOpts"),
        ("UpdateOptsBuilder", "UpdateOpts"),
        ("UploadOptsBuilder", "UploadOpts"),
    ],
)
def test_removed_names_still_work_and_warn(old: str, new: str) -> None:
    with pytest.warns(
        DeprecationWarning, match=rf"objects\.requests\.{old} is deprecated: use {new}"
    ):
        value = getattr(objects, old)

    assert value is getattr(objects, new)
    assert old not in objects.__all__


def test_results_are_one_class_per_model() -> None:
    assert objects.GetResult is objects.ObjectHeaderResult
    assert objects.UploadResult is objects.UploadHeaderResult
    assert objects.CopyResult is objects.CopyHeaderResult
    assert objects.UpdateResult is objects.DeleteResult is ErrResult
    assert issubclass(objects.DownloadResult, HeaderResult)  # a stream: a class of its own


def test_a_listed_object_is_declared_once_and_read_by_its_name_alone() -> None:
    fields = json_fields(objects.Object)
    listed = objects.Object.from_json({"name": "goodbye", "bytes": "14"})

    assert fields["size"].key == "bytes"
    assert vars(listed) == {"_source": {"name": "goodbye", "bytes": "14"}, "name": "goodbye"}
    assert listed.size == 14 and listed.hash is None
