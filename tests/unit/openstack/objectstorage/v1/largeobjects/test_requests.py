from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oscloud import errors
from oscloud.openstack.objectstorage.v1 import info, largeobjects, objects
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, assert_token, md5, stored
from tests.unit.openstack.objectstorage.v1.info.fixtures import INFO, INFO_PATH
from tests.unit.openstack.objectstorage.v1.largeobjects import fixtures

UTC = dt.timezone.utc
OPTS = largeobjects.SegmentOpts(segment_size=4, segment_prefix=fixtures.PREFIX, workers=1)


def test_create_slo_puts_the_manifest(server: FakeServer, swift: ServiceClient) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)
    segments = [
        largeobjects.Segment(container="videos_segments", name="a/0", etag="1" * 32, size=4),
        largeobjects.Segment(container="videos_segments", name="a/1", etag=None, size=None),
        largeobjects.Segment(container="other", name="b", etag="2" * 32, size=9, range="0-3"),
    ]

    etag = largeobjects.create_slo(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        segments,
        objects.UploadOpts(content_type="video/mp4", metadata={"Title": "Big"}),
    ).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path) == ("PUT", fixtures.OBJECT_PATH)
    assert sent.query == {"multipart-manifest": ["put"]}
    assert sent.headers["Content-Type"] == "video/mp4"
    assert sent.headers["X-Object-Meta-Title"] == "Big"
    assert_token(sent)
    assert json.loads(sent.body) == [
        {"path": "/videos_segments/a/0", "etag": "1" * 32, "size_bytes": 4},
        {"path": "/videos_segments/a/1", "etag": None, "size_bytes": None},
        {"path": "/other/b", "etag": "2" * 32, "size_bytes": 9, "range": "0-3"},
    ]
    assert etag == md5(("1" * 32 + "2" * 32).encode())


def test_create_slo_needs_segments(server: FakeServer, swift: ServiceClient) -> None:
    with pytest.raises(errors.MissingInputError):
        largeobjects.create_slo(swift, fixtures.CONTAINER, fixtures.OBJECT, [])

    assert server.requests == []


def test_get_manifest_reads_the_segments(server: FakeServer, swift: ServiceClient) -> None:
    server.route("GET", fixtures.OBJECT_PATH, Reply(200, fixtures.MANIFEST))

    manifest = largeobjects.get_manifest(swift, fixtures.CONTAINER, fixtures.OBJECT).extract()

    (sent,) = server.requests
    assert sent.query == {"multipart-manifest": ["get"]}
    assert manifest.size == 6
    first = manifest.segments[0]
    assert (first.container, first.object_name) == (
        "videos_segments",
        "big movie.mp4/slo/1/00000000",
    )
    assert first.last_modified == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_delete_slo_deletes_the_segments_and_reads_the_report(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("DELETE", fixtures.OBJECT_PATH, Reply(200, fixtures.DELETED))

    report = largeobjects.delete_slo(swift, fixtures.CONTAINER, fixtures.OBJECT).extract()

    (sent,) = server.requests
    assert (sent.method, sent.query) == ("DELETE", {"multipart-manifest": ["delete"]})
    assert sent.headers["Accept"] == "application/json"
    assert (report.deleted, report.not_found) == (3, 0)


def test_delete_slo_with_failed_segments_raises_with_the_report(
    server: FakeServer, swift: ServiceClient
) -> None:
    failed = {
        **fixtures.DELETED,
        "Response Status": "400 Bad Request",
        "Number Deleted": 2,
        "Errors": [["/videos_segments/big%20movie.mp4/slo/1/00000001", "409 Conflict"]],
    }
    server.route("DELETE", fixtures.OBJECT_PATH, Reply(200, failed))

    with pytest.raises(objects.BulkDeleteError) as caught:
        largeobjects.delete_slo(swift, fixtures.CONTAINER, fixtures.OBJECT).extract()
    assert caught.value.report.errors[0].name == "/videos_segments/big movie.mp4/slo/1/00000001"


def test_create_dlo_puts_an_empty_manifest_naming_the_segments(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", fixtures.OBJECT_PATH, stored)

    largeobjects.create_dlo(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        "videos_segments",
        "big movie.mp4/",
        objects.UploadOpts(content_type="video/mp4"),
    ).extract()

    (sent,) = server.requests
    assert sent.headers["X-Object-Manifest"] == "videos_segments/big%20movie.mp4/"
    assert sent.headers["Content-Type"] == "video/mp4"
    assert (sent.headers["Content-Length"], sent.body, sent.query) == ("0", b"", {})


def test_upload_slo_uploads_segments_then_the_manifest(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_segments(server, 3)
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)

    stored_object = largeobjects.upload_slo(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        b"0123456789",
        OPTS,
        object_opts=objects.UploadOpts(content_type="video/mp4"),
    ).extract()

    assert [(r.method, r.path) for r in server.requests] == [
        ("PUT", f"{ACCOUNT}/videos_segments"),
        ("PUT", f"{fixtures.SEGMENT_PATH}00000000"),
        ("PUT", f"{fixtures.SEGMENT_PATH}00000001"),
        ("PUT", f"{fixtures.SEGMENT_PATH}00000002"),
        ("PUT", fixtures.OBJECT_PATH),
    ]
    assert [r.body for r in server.requests[1:4]] == [b"0123", b"4567", b"89"]
    assert [r.headers["Content-Length"] for r in server.requests[1:4]] == ["4", "4", "2"]
    manifest = server.requests[-1]
    assert manifest.query == {"multipart-manifest": ["put"]}
    assert manifest.headers["Content-Type"] == "video/mp4"
    assert json.loads(manifest.body) == [
        {
            "path": f"/videos_segments/{fixtures.PREFIX}00000000",
            "etag": md5(b"0123"),
            "size_bytes": 4,
        },
        {
            "path": f"/videos_segments/{fixtures.PREFIX}00000001",
            "etag": md5(b"4567"),
            "size_bytes": 4,
        },
        {
            "path": f"/videos_segments/{fixtures.PREFIX}00000002",
            "etag": md5(b"89"),
            "size_bytes": 2,
        },
    ]
    assert stored_object.kind == "slo"
    assert stored_object.size == 10
    assert stored_object.segment_container == "videos_segments"
    assert stored_object.etag == md5((md5(b"0123") + md5(b"4567") + md5(b"89")).encode())
    assert [s.size for s in stored_object.segments] == [4, 4, 2]


def test_upload_slo_from_a_file_runs_segments_in_parallel(
    server: FakeServer, swift: ServiceClient, tmp_path: Path
) -> None:
    data = os.urandom(50_000)
    path = tmp_path / "movie.bin"
    path.write_bytes(data)
    fixtures.handle_segments(server, 5)
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)
    seen: list[tuple[int, int | None]] = []
    opts = largeobjects.SegmentOpts(segment_size=10_000, segment_prefix=fixtures.PREFIX, workers=3)

    result = largeobjects.upload_slo(
        swift,
        fixtures.CONTAINER,
        fixtures.OBJECT,
        path,
        opts,
        progress=lambda done, total: seen.append((done, total)),
    )

    stored_object = result.extract()
    received = fixtures.segment_puts(server)
    assert received == {
        f"{fixtures.SEGMENT_PATH}{i:08d}": data[i * 10_000 : (i + 1) * 10_000] for i in range(5)
    }
    assert all(not r.chunked for r in server.received("PUT"))
    manifest = json.loads(server.received("PUT", fixtures.OBJECT_PATH)[0].body)
    assert [item["etag"] for item in manifest] == [
        md5(data[i * 10_000 : (i + 1) * 10_000]) for i in range(5)
    ]
    assert stored_object.size == 50_000
    assert seen[-1] == (50_000, 50_000)
    assert max(done for done, _ in seen) == 50_000


def test_upload_slo_from_a_stream_cuts_it_without_reading_it_whole(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_segments(server, 2)
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)
    pulled: list[int] = []

    def stream() -> Iterator[bytes]:
        for part in (b"ab", b"cd", b"ef", b"gh"):
            pulled.append(len(part))
            yield part

    stored_object = largeobjects.upload_slo(
        swift, fixtures.CONTAINER, fixtures.OBJECT, stream(), OPTS
    ).extract()

    segments = [r for r in server.received("PUT") if r.path.startswith(fixtures.SEGMENT_PATH)]
    assert [(r.body, r.chunked) for r in segments] == [(b"abcd", True), (b"efgh", True)]
    assert [s.size for s in stored_object.segments] == [4, 4]  # no empty third segment
    assert len(pulled) == 4


def test_upload_slo_stops_at_a_failed_segment_and_sends_no_manifest(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_segments(server, 3)
    server.route("PUT", f"{fixtures.SEGMENT_PATH}00000001", Reply(413, "quota exceeded"))
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)

    result = largeobjects.upload_slo(
        swift, fixtures.CONTAINER, fixtures.OBJECT, b"0123456789", OPTS
    )

    assert isinstance(result.err, errors.RequestEntityTooLargeError)
    assert server.received("PUT", fixtures.OBJECT_PATH) == []


def test_upload_slo_refuses_bad_options_before_sending(
    server: FakeServer, swift: ServiceClient
) -> None:
    for opts in (
        largeobjects.SegmentOpts(workers=0),
        largeobjects.SegmentOpts(segment_size=0),
        largeobjects.SegmentOpts(segment_container="a/b"),
    ):
        with pytest.raises(ValueError, match=r"SegmentOpts|container"):
            largeobjects.upload_slo(swift, "c", "o", b"x", opts)
    with pytest.raises(TypeError):
        largeobjects.upload_slo(swift, "c", "o", 42, OPTS)

    assert server.requests == []


@pytest.mark.parametrize(
    ("opts", "arguments", "error", "match"),
    [
        (OPTS, {"size": -1}, ValueError, "size must be at least 0, not -1"),
        (OPTS, {"size": "4"}, ValueError, r"size must be an integer, not '4' \(a str\)"),
        (OPTS, {"size": 9}, errors.OSCloudError, "size is 9 bytes but the data has 8"),
        (OPTS, {"progress": 1}, TypeError, "progress must be a function"),
        (largeobjects.SegmentOpts(segment_size="4"), {}, ValueError,
         r"SegmentOpts\.segment_size must be an integer, not '4'"),
        (largeobjects.SegmentOpts(workers=True), {}, ValueError,
         r"SegmentOpts\.workers must be an integer, not True"),
    ],
)  # fmt: skip
def test_every_upload_says_what_is_wrong_with_a_size_before_sending(
    server: FakeServer,
    swift: ServiceClient,
    opts: largeobjects.SegmentOpts,
    arguments: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    for upload in (largeobjects.upload, largeobjects.upload_slo, largeobjects.upload_dlo):
        with pytest.raises(error, match=match):
            upload(swift, "c", "o", b"12345678", opts, **arguments)

    assert server.requests == []


def _cluster(max_file_size: int, **extra: object) -> info.Info:
    document = {**INFO, "swift": {**INFO["swift"], "max_file_size": max_file_size}, **extra}
    return info.Info.from_json(document)


def test_upload_of_what_fits_is_one_put(server: FakeServer, swift: ServiceClient) -> None:
    server.route(
        "GET", INFO_PATH, Reply(200, {**INFO, "swift": {**INFO["swift"], "max_file_size": 10}})
    )
    server.route("PUT", fixtures.OBJECT_PATH, stored)

    stored_object = largeobjects.upload(
        swift, fixtures.CONTAINER, fixtures.OBJECT, b"0123456789", OPTS
    ).extract()

    assert [(r.method, r.path) for r in server.requests] == [
        ("GET", INFO_PATH),
        ("PUT", fixtures.OBJECT_PATH),
    ]
    assert stored_object == largeobjects.LargeUpload(
        kind="object", etag=md5(b"0123456789"), size=10
    )


def test_upload_of_what_is_larger_than_max_file_size_becomes_an_slo(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_segments(server, 3)
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)
    opts = largeobjects.SegmentOpts(segment_prefix=fixtures.PREFIX)

    stored_object = largeobjects.upload(
        swift, fixtures.CONTAINER, fixtures.OBJECT, b"0123456789", opts, cluster=_cluster(4)
    ).extract()

    assert stored_object.kind == "slo"
    assert [s.size for s in stored_object.segments] == [4, 4, 2]  # capped at max_file_size
    assert ("GET", INFO_PATH) not in [(r.method, r.path) for r in server.requests]


def test_upload_grows_segments_to_stay_within_max_manifest_segments(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_segments(server, 2)
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)
    cluster = _cluster(6, slo={"max_manifest_segments": 2})
    opts = largeobjects.SegmentOpts(segment_size=2, segment_prefix=fixtures.PREFIX)

    stored_object = largeobjects.upload(
        swift, fixtures.CONTAINER, fixtures.OBJECT, b"0123456789", opts, cluster=cluster
    ).extract()

    assert [s.size for s in stored_object.segments] == [5, 5]


def test_upload_of_what_cannot_fit_even_in_segments_is_refused(
    server: FakeServer, swift: ServiceClient
) -> None:
    cluster = _cluster(3, slo={"max_manifest_segments": 2})

    with pytest.raises(ValueError, match="max_file_size"):
        largeobjects.upload(swift, "c", "o", b"0123456789", OPTS, cluster=cluster)

    assert server.requests == []


def test_upload_without_slo_makes_a_dlo(server: FakeServer, swift: ServiceClient) -> None:
    document = {k: v for k, v in INFO.items() if k != "slo"}
    cluster = info.Info.from_json({**document, "swift": {**INFO["swift"], "max_file_size": 4}})
    dlo_prefix = "big movie.mp4/dlo/1/"
    fixtures.handle_segments(server, 3, f"{ACCOUNT}/videos_segments/big%20movie.mp4/dlo/1/")
    server.route("PUT", fixtures.OBJECT_PATH, stored)
    opts = largeobjects.SegmentOpts(segment_prefix=dlo_prefix)

    stored_object = largeobjects.upload(
        swift, fixtures.CONTAINER, fixtures.OBJECT, b"0123456789", opts, cluster=cluster
    ).extract()

    manifest = server.received("PUT", fixtures.OBJECT_PATH)[0]
    assert manifest.headers["X-Object-Manifest"] == "videos_segments/big%20movie.mp4/dlo/1/"
    assert manifest.query == {}
    assert stored_object.kind == "dlo"
    assert stored_object.etag == md5((md5(b"0123") + md5(b"4567") + md5(b"89")).encode())


def test_upload_of_a_stream_of_unknown_size_is_segmented(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("GET", INFO_PATH, Reply(404))  # /info turned off: Swift's defaults apply
    fixtures.handle_segments(server, 1)
    server.route("PUT", fixtures.OBJECT_PATH, fixtures.manifest_stored)

    stored_object = largeobjects.upload(
        swift, fixtures.CONTAINER, fixtures.OBJECT, iter([b"abc"]), OPTS
    ).extract()

    assert stored_object.kind == "slo"
    assert [s.size for s in stored_object.segments] == [3]


def test_create_slo_refuses_two_expiries_before_sending(
    server: FakeServer, swift: ServiceClient
) -> None:
    segment = largeobjects.Segment(container="videos_segments", name="a/0")
    opts = objects.UploadOpts(delete_at=5, delete_after=60)

    with pytest.raises(ValueError, match="give delete_at or delete_after, not both"):
        largeobjects.create_slo(swift, fixtures.CONTAINER, fixtures.OBJECT, [segment], opts)

    assert server.requests == []


@pytest.mark.parametrize(
    "act",
    [
        lambda c, o: largeobjects.create_slo(
            c, "videos", "big.mp4", [largeobjects.Segment(container="s", name="a")], o
        ),
        lambda c, o: largeobjects.create_dlo(c, "videos", "big.mp4", "s", "big.mp4/", o),
    ],
    ids=["create_slo", "create_dlo"],
)
def test_a_dict_instead_of_the_options_class_is_refused_before_any_request(
    server: FakeServer, swift: ServiceClient, act: Any
) -> None:
    with pytest.raises(TypeError, match=r"expected UploadOpts, not dict"):
        act(swift, {"content_type": "video/mp4"})

    assert server.requests == []


def test_the_package_says_it_is_a_composite() -> None:
    assert "This package is a composite" in (largeobjects.__doc__ or "")


def test_results_are_one_class_per_model() -> None:
    assert largeobjects.GetManifestResult is largeobjects.ManifestResult
    assert largeobjects.UploadResult is largeobjects.LargeUploadResult
    assert largeobjects.DeleteResult is objects.BulkDeleteResult
