"""Object storage v1 large objects against a real Swift: SLO and DLO round trips."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from oscloud import errors
from oscloud.openstack.objectstorage.v1 import info, largeobjects, objects
from oscloud.service import ServiceClient
from tests.acceptance.objectstorage.conftest import md5

MIB = 2**20


def _segment_names(swift: ServiceClient, container: str) -> list[str]:
    try:
        return objects.extract_object_names(objects.list(swift, container).all_pages())
    except errors.NotFoundError:
        return []


def test_slo_round_trip_from_a_file(swift: ServiceClient, container: str, tmp_path: Path) -> None:
    data = os.urandom(3 * MIB)
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    done: list[int] = []

    stored = largeobjects.upload_slo(
        swift,
        container,
        "big.bin",
        path,
        largeobjects.SegmentOpts(segment_size=MIB, workers=2),
        object_opts=objects.UploadOpts(content_type="application/x-test", metadata={"Kind": "slo"}),
        progress=lambda n, total: done.append(n),
    ).extract()
    header = objects.get(swift, container, "big.bin").extract()
    manifest = largeobjects.get_manifest(swift, container, "big.bin").extract()
    received = objects.download(swift, container, "big.bin").read()
    segment_container = f"{container}_segments"
    segments_before = _segment_names(swift, segment_container)
    report = largeobjects.delete_slo(swift, container, "big.bin").extract()

    assert (stored.kind, stored.size, len(stored.segments)) == ("slo", 3 * MIB, 3)
    assert stored.segment_container == segment_container
    assert [s.etag for s in stored.segments] == [
        md5(data[i * MIB : (i + 1) * MIB]) for i in range(3)
    ]
    assert done and done[-1] == 3 * MIB
    assert header.static_large_object and header.is_large_object
    assert header.content_length == 3 * MIB and header.content_type == "application/x-test"
    assert header.metadata["Kind"] == "slo"
    assert [s.size for s in manifest.segments] == [MIB, MIB, MIB] and manifest.size == 3 * MIB
    assert [s.container for s in manifest.segments] == [segment_container] * 3
    assert sorted(s.object_name for s in manifest.segments) == sorted(segments_before)
    assert md5(received) == md5(data)
    assert (report.deleted, report.ok) == (4, True)  # three segments and the manifest
    assert _segment_names(swift, segment_container) == []
    assert isinstance(objects.get(swift, container, "big.bin").err, errors.NotFoundError)


def test_upload_of_a_stream_becomes_an_slo(swift: ServiceClient, container: str) -> None:
    parts = [os.urandom(MIB // 2) for _ in range(5)]  # 2.5 MiB, size unknown to the SDK

    def produce() -> Iterator[bytes]:
        yield from parts

    stored = largeobjects.upload(
        swift, container, "stream.bin", produce(), largeobjects.SegmentOpts(segment_size=MIB)
    ).extract()
    received = objects.download(swift, container, "stream.bin").read()

    assert (stored.kind, stored.size, [s.size for s in stored.segments]) == (
        "slo",
        5 * MIB // 2,
        [MIB, MIB, MIB // 2],
    )
    assert received == b"".join(parts)
    largeobjects.delete_slo(swift, container, "stream.bin").extract()


def test_upload_splits_a_source_larger_than_max_file_size(
    swift: ServiceClient, container: str
) -> None:
    cluster = attrs.evolve(info.get(swift).extract(), max_file_size=MIB)  # pretend 1 MiB max
    data = os.urandom(5 * MIB // 2)

    stored = largeobjects.upload(
        swift,
        container,
        "split.bin",
        data,
        largeobjects.SegmentOpts(segment_container=container, segment_prefix="segs/", workers=3),
        cluster=cluster,
    ).extract()
    names = objects.extract_object_names(
        objects.list(swift, container, objects.ListOpts(prefix="segs/")).all_pages()
    )
    tail = objects.download(
        swift, container, "split.bin", objects.DownloadOpts(range="bytes=-10")
    ).read()

    assert (stored.kind, stored.size, [s.size for s in stored.segments]) == (
        "slo",
        len(data),
        [MIB, MIB, MIB // 2],
    )
    assert names == ["segs/00000000", "segs/00000001", "segs/00000002"]
    assert tail == data[-10:]
    assert objects.download(swift, container, "split.bin").read() == data


def test_upload_of_a_small_source_is_one_object(swift: ServiceClient, container: str) -> None:
    cluster = info.get(swift).extract()

    stored = largeobjects.upload(swift, container, "small.bin", b"tiny", cluster=cluster).extract()
    header = objects.get(swift, container, "small.bin").extract()

    assert (stored.kind, stored.etag, stored.size) == ("object", md5(b"tiny"), 4)
    assert not header.is_large_object


def test_dlo_upload_and_download(swift: ServiceClient, container: str) -> None:
    data = os.urandom(5 * MIB // 2)

    stored = largeobjects.upload_dlo(
        swift, container, "dlo.bin", data, largeobjects.SegmentOpts(segment_size=MIB)
    ).extract()
    header = objects.get(swift, container, "dlo.bin").extract()
    received = objects.download(swift, container, "dlo.bin").read()

    assert (stored.kind, stored.size, len(stored.segments)) == ("dlo", len(data), 3)
    assert header.object_manifest is not None and header.is_large_object
    assert header.object_manifest.startswith(f"{container}_segments/")
    assert header.content_length == len(data)
    assert received == data


def test_dlo_manifest_made_by_hand(swift: ServiceClient, container: str) -> None:
    pieces = [b"first ", b"second ", b"third"]
    for index, piece in enumerate(pieces):
        objects.upload(swift, container, f"parts/{index:03d}", piece).extract()

    largeobjects.create_dlo(
        swift,
        container,
        "joined.txt",
        container,
        "parts/",
        objects.UploadOpts(content_type="text/plain"),
    ).extract()
    header = objects.get(swift, container, "joined.txt").extract()

    assert header.object_manifest == f"{container}/parts/"
    assert objects.download(swift, container, "joined.txt").read() == b"".join(pieces)


def test_bad_input_raises_before_sending(offline_swift: ServiceClient) -> None:
    with pytest.raises(ValueError, match="segment_size"):
        largeobjects.upload_slo(
            offline_swift, "c", "o", b"x", largeobjects.SegmentOpts(segment_size=0)
        )
    with pytest.raises(ValueError, match="workers"):
        largeobjects.upload_slo(offline_swift, "c", "o", b"x", largeobjects.SegmentOpts(workers=0))
    with pytest.raises(TypeError):
        largeobjects.upload_slo(offline_swift, "c", "o", 42)
    with pytest.raises(errors.MissingInputError):
        largeobjects.create_slo(offline_swift, "c", "o", [])
