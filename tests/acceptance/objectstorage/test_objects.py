"""Object storage v1 objects against a real Swift: uploads, downloads, listings, copies."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from oscloud import errors
from oscloud.openstack.objectstorage.v1 import objects
from oscloud.service import ServiceClient
from tests.acceptance.objectstorage.conftest import md5


def _utc(moment: dt.datetime | None) -> bool:
    return moment is not None and moment.utcoffset() == dt.timedelta(0)


def test_upload_bytes_then_head(swift: ServiceClient, container: str) -> None:
    body = b"Goodbye World!"
    opts = objects.UploadOpts(
        content_type="text/plain",
        metadata={"Book": "GoodbyeColumbus", "Author": "Philip Roth ü"},
        content_disposition='attachment; filename="goodbye.txt"',
    )

    stored = objects.upload(swift, container, "goodbye", body, opts).extract()
    header = objects.get(swift, container, "goodbye").extract()

    assert stored.etag == md5(body) and _utc(stored.last_modified)
    assert header.content_length == len(body) and isinstance(header.content_length, int)
    assert header.content_type == "text/plain"
    assert header.etag == md5(body)
    assert header.metadata["Book"] == "GoodbyeColumbus"
    assert header.metadata["author"] == "Philip Roth ü"  # names are case-insensitive
    assert header.content_disposition == 'attachment; filename="goodbye.txt"'
    assert _utc(header.last_modified) and _utc(header.created_at)
    assert header.delete_at is None and not header.is_large_object


def test_upload_file_and_download_to_file(
    swift: ServiceClient, container: str, tmp_path: Path
) -> None:
    data = os.urandom(300 * 1024 + 7)
    source = tmp_path / "source.bin"
    source.write_bytes(data)
    target = tmp_path / "target.bin"
    sent: list[tuple[int, int | None]] = []

    stored = objects.upload_file(
        swift, container, "file.bin", source, progress=lambda n, total: sent.append((n, total))
    ).extract()
    written = objects.download(swift, container, "file.bin").write_to(target)

    assert stored.etag == md5(data)
    assert sent and sent[-1] == (len(data), len(data))
    assert written == len(data) and target.read_bytes() == data


def test_upload_a_generator_chunked_and_stream_it_back(
    swift: ServiceClient, container: str
) -> None:
    chunks = [os.urandom(64 * 1024) for _ in range(5)] + [b"tail"]

    def produce() -> Iterator[bytes]:
        yield from chunks

    stored = objects.upload(swift, container, "stream.bin", produce()).extract()
    received: list[bytes] = []
    with objects.download(swift, container, "stream.bin") as download:
        header = download.extract()
        for chunk in download.iter_content(chunk_size=50_000):
            received.append(chunk)

    whole = b"".join(chunks)
    assert stored.etag == md5(whole)
    assert header.content_length == len(whole) and header.etag == md5(whole)
    assert b"".join(received) == whole
    assert max(len(chunk) for chunk in received) <= 50_000


def test_range_and_conditional_downloads(swift: ServiceClient, container: str) -> None:
    body = bytes(range(256)) * 4
    etag = objects.upload(swift, container, "range.bin", body).extract().etag

    ranged = objects.download(
        swift, container, "range.bin", objects.DownloadOpts(range="bytes=10-19")
    )
    tail = objects.download(swift, container, "range.bin", objects.DownloadOpts(range="bytes=-4"))
    unchanged = objects.download(
        swift, container, "range.bin", objects.DownloadOpts(if_none_match=etag)
    )
    changed = objects.download(
        swift, container, "range.bin", objects.DownloadOpts(if_match="0" * 32)
    )

    assert ranged.partial and ranged.extract().content_length == 10
    assert ranged.read() == body[10:20]
    assert tail.read() == body[-4:]
    assert unchanged.not_modified and unchanged.write_to(os.devnull) == 0
    assert changed.err is not None and getattr(changed.err, "status_code", None) == 412


def test_names_that_need_quoting_round_trip(swift: ServiceClient, container: str) -> None:
    name = "dir with space/ünïcode?#%25&+.txt"

    objects.upload(swift, container, name, b"odd name").extract()
    listed = objects.extract_object_names(objects.list(swift, container).all_pages())
    body = objects.download(swift, container, name).read()

    assert listed == [name]
    assert body == b"odd name"


@pytest.fixture
def tree(swift: ServiceClient, container: str) -> str:
    for name in ("a/1", "a/2", "a/b/3", "b/1", "top", "zz"):
        objects.upload(swift, container, name, name.encode()).extract()
    return container


def test_list_with_prefix_and_delimiter(swift: ServiceClient, tree: str) -> None:
    rolled = list(objects.list(swift, tree, objects.ListOpts(delimiter="/")).items())
    under_a = list(objects.list(swift, tree, objects.ListOpts(prefix="a/", delimiter="/")).items())
    everything = list(objects.list(swift, tree, objects.ListOpts(prefix="a/")).items())

    assert [(type(e).__name__, e.name) for e in rolled] == [
        ("Subdir", "a/"),
        ("Subdir", "b/"),
        ("Object", "top"),
        ("Object", "zz"),
    ]
    assert [(type(e).__name__, e.name) for e in under_a] == [
        ("Object", "a/1"),
        ("Object", "a/2"),
        ("Subdir", "a/b/"),
    ]
    assert [e.name for e in everything] == ["a/1", "a/2", "a/b/3"]
    first = everything[0]
    assert isinstance(first, objects.Object)
    assert (first.size, first.hash) == (3, md5(b"a/1")) and _utc(first.last_modified)


def test_list_pages_by_marker(swift: ServiceClient, tree: str) -> None:
    pages = [
        objects.extract_object_names(p)
        for p in objects.list(swift, tree, objects.ListOpts(limit=2))
    ]
    rolled = [
        e.name for e in objects.list(swift, tree, objects.ListOpts(limit=1, delimiter="/")).items()
    ]

    assert pages == [["a/1", "a/2"], ["a/b/3", "b/1"], ["top", "zz"]]
    assert rolled == ["a/", "b/", "top", "zz"]


def test_copy_with_copy_and_with_x_copy_from(
    swift: ServiceClient, make_container: Callable[..., str]
) -> None:
    source, target = make_container("src"), make_container("dst")
    body = b"copy me"
    objects.upload(
        swift, source, "orig", body, objects.UploadOpts(metadata={"Movie": "Jaws", "Year": "1975"})
    ).extract()

    by_copy = objects.copy(
        swift, source, "orig", target, "by-copy", objects.CopyOpts(metadata={"Movie": "Jaws 2"})
    ).extract()
    by_put = objects.copy(swift, source, "orig", target, method="PUT").extract()
    fresh = objects.copy(
        swift, source, "orig", target, "fresh", objects.CopyOpts(fresh_metadata=True)
    ).extract()

    assert by_copy.copied_from == f"{source}/orig" and by_copy.etag == md5(body)
    assert _utc(by_copy.copied_from_last_modified)
    assert by_put.copied_from == f"{source}/orig"
    assert fresh.etag == md5(body)
    copied = objects.get(swift, target, "by-copy").extract()
    assert dict(copied.metadata) == {"Movie": "Jaws 2", "Year": "1975"}
    assert dict(objects.get(swift, target, "orig").extract().metadata) == {
        "Movie": "Jaws",
        "Year": "1975",
    }
    assert dict(objects.get(swift, target, "fresh").extract().metadata) == {}
    assert objects.download(swift, target, "orig").read() == body


def test_update_replaces_metadata_and_expiry(swift: ServiceClient, container: str) -> None:
    objects.upload(
        swift, container, "meta", b"m", objects.UploadOpts(metadata={"Keep": "no", "Old": "1"})
    ).extract()

    objects.update(
        swift, container, "meta", objects.UpdateOpts(metadata={"New": "2"}, delete_after=3600)
    ).extract_err()
    expiring = objects.get(swift, container, "meta").extract()
    objects.update(
        swift, container, "meta", objects.UpdateOpts(metadata={"New": "2"}, remove_delete_at=True)
    ).extract_err()
    kept = objects.get(swift, container, "meta").extract()

    assert dict(expiring.metadata) == {"New": "2"}
    assert expiring.delete_at is not None and _utc(expiring.delete_at)
    in_an_hour = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
    assert abs(expiring.delete_at - in_an_hour) < dt.timedelta(minutes=5)
    assert kept.delete_at is None


def test_delete_and_bulk_delete(swift: ServiceClient, container: str) -> None:
    names = [f"bulk/{n}" for n in range(5)]
    for name in names:
        objects.upload(swift, container, name, b"b").extract()
    objects.upload(swift, container, "single", b"s").extract()

    deleted = objects.delete(swift, container, "single")
    again = objects.delete(swift, container, "single")
    report = objects.bulk_delete(swift, container, [*names, "bulk/never-there"]).extract()
    left = objects.extract_object_names(objects.list(swift, container).all_pages())

    deleted.extract_err()
    assert deleted.status_code == 204
    assert isinstance(again.err, errors.NotFoundError)
    assert isinstance(objects.get(swift, container, "single").err, errors.NotFoundError)
    assert (report.deleted, report.not_found, report.errors, report.ok) == (5, 1, (), True)
    assert left == []


def test_missing_object_is_not_found(swift: ServiceClient, container: str) -> None:
    download = objects.download(swift, container, "nothing")

    assert isinstance(download.err, errors.NotFoundError)
    with pytest.raises(errors.NotFoundError):
        download.read()


def test_bad_input_raises_before_sending(offline_swift: ServiceClient, tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        objects.upload(offline_swift, "c", "o", "text is not bytes")
    with pytest.raises(errors.MissingInputError):
        objects.upload(offline_swift, "c", "", b"x")
    with pytest.raises(ValueError, match="must not contain '/'"):
        objects.get(offline_swift, "a/b", "o")
    with pytest.raises(ValueError, match="MD5"):
        objects.upload(offline_swift, "c", "o", b"x", objects.UploadOpts(etag="not-hex"))
    with pytest.raises(ValueError, match="delete_at or delete_after"):
        objects.upload(
            offline_swift, "c", "o", b"x", objects.UploadOpts(delete_at=1, delete_after=1)
        )
    with pytest.raises(ValueError, match="one character"):
        objects.list(offline_swift, "c", objects.ListOpts(delimiter="//"))
    with pytest.raises(ValueError, match="bytes="):
        objects.download(offline_swift, "c", "o", objects.DownloadOpts(range="0-10"))
    with pytest.raises(ValueError, match="COPY"):
        objects.copy(offline_swift, "c", "o", "d", method="MOVE")
    with pytest.raises(errors.MissingInputError):
        objects.bulk_delete(offline_swift, "c", [""])
    with pytest.raises(FileNotFoundError):
        objects.upload_file(offline_swift, "c", "o", tmp_path / "absent")
