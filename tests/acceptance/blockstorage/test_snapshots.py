"""Block storage v3 snapshots against a real Cinder (fake volume driver)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from oscloud import errors
from oscloud.openstack.blockstorage.v3 import snapshots, volumes
from oscloud.service import ServiceClient
from tests.acceptance.blockstorage.conftest import POLL, WAIT, Cleanup
from tests.acceptance.conftest import unique_name

MakeVolume = Callable[..., volumes.Volume]


def _take(cinder: ServiceClient, cleanup: Cleanup, **fields: Any) -> snapshots.Snapshot:
    created = snapshots.create(cinder, snapshots.CreateOpts(**fields)).extract()
    cleanup.snapshot(created.id)
    return snapshots.wait_for_status(cinder, created.id, "available", timeout=WAIT, interval=POLL)


def test_create_get_list_update_delete(
    cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup, member_project_id: str
) -> None:
    volume = make_volume()
    name = unique_name("snap")
    tag = uuid.uuid4().hex

    created = snapshots.create(
        cinder,
        snapshots.CreateOpts(
            volume_id=volume.id, name=name, description="taken by a test", metadata={"tag": tag}
        ),
    ).extract()
    cleanup.snapshot(created.id)
    assert created.status in ("creating", "available")
    assert created.volume_id == volume.id
    snapshots.wait_for_status(cinder, created.id, "available", timeout=WAIT, interval=POLL)

    snap = snapshots.get(cinder, created.id).extract()
    assert snap.name == name and snap.description == "taken by a test"
    assert snap.size == 1 and type(snap.size) is int
    assert snap.metadata == {"tag": tag}
    assert snap.created_at.utcoffset() == dt.timedelta(0)
    assert snap.progress == "100%"
    assert snap.project_id == member_project_id

    listed = {s.id for s in snapshots.list(cinder).items()}
    by_volume = [
        s.id for s in snapshots.list(cinder, snapshots.ListOpts(volume_id=volume.id)).items()
    ]
    by_name = [s.id for s in snapshots.list(cinder, snapshots.ListOpts(name=name)).items()]
    v322 = cinder.with_microversion("3.22")  # the metadata filter
    by_metadata = [
        s.id for s in snapshots.list(v322, snapshots.ListOpts(metadata={"tag": tag})).items()
    ]
    assert snap.id in listed
    assert by_volume == by_name == by_metadata == [snap.id]
    assert snapshots.find(cinder, name).id == snap.id

    updated = snapshots.update(
        cinder, snap.id, snapshots.UpdateOpts(name=name + "-renamed", description="renamed")
    ).extract()
    assert (updated.name, updated.description) == (name + "-renamed", "renamed")

    snapshots.delete(cinder, snap.id).extract_err()
    snapshots.wait_for_delete(cinder, snap.id, timeout=WAIT, interval=POLL)
    with pytest.raises(errors.NotFoundError):
        snapshots.get(cinder, snap.id).extract()


def test_metadata_items(cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup) -> None:
    snap = _take(cinder, cleanup, volume_id=make_volume().id, metadata={"a": "1"})

    replaced = snapshots.set_metadata(cinder, snap.id, {"b": "2", "c": "3"}).extract()
    merged = snapshots.update_metadata(cinder, snap.id, {"c": "30", "d": "4"}).extract()
    one = snapshots.get_metadatum(cinder, snap.id, "b").extract()
    set_one = snapshots.set_metadatum(cinder, snap.id, "e", "5").extract()
    snapshots.delete_metadatum(cinder, snap.id, "b").extract_err()
    final = snapshots.list_metadata(cinder, snap.id).extract()

    assert replaced == {"b": "2", "c": "3"}
    assert merged == {"b": "2", "c": "30", "d": "4"}
    assert one == {"b": "2"}
    assert set_one == {"e": "5"}
    assert final == {"c": "30", "d": "4", "e": "5"}


def test_listing_pages_and_microversion_fields(
    cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup
) -> None:
    volume = make_volume()
    taken = {_take(cinder, cleanup, volume_id=volume.id).id for _ in range(2)}
    opts = snapshots.ListOpts(volume_id=volume.id, limit=1)

    pages = [p for p in snapshots.list(cinder, opts) if not p.is_empty()]
    newest = snapshots.get(cinder.with_microversion("3.65"), next(iter(taken))).extract()
    base = snapshots.get(cinder, next(iter(taken))).extract()

    assert [len(snapshots.extract_snapshots(p)) for p in pages] == [1, 1]
    assert {s.id for p in pages for s in snapshots.extract_snapshots(p)} == taken
    assert newest.user_id is not None and newest.consumes_quota is True
    assert base.user_id is None and base.consumes_quota is None


def test_volume_with_snapshots_needs_cascade(
    cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup
) -> None:
    volume = make_volume()
    snap = _take(cinder, cleanup, volume_id=volume.id)

    refused = volumes.delete(cinder, volume.id)
    volumes.delete(cinder, volume.id, volumes.DeleteOpts(cascade=True)).extract_err()

    assert isinstance(refused.err, errors.BadRequestError)
    volumes.wait_for_delete(cinder, volume.id, timeout=WAIT, interval=POLL)
    snapshots.wait_for_delete(cinder, snap.id, timeout=WAIT, interval=POLL)


def test_admin_reset_status_and_force_delete(
    cinder: ServiceClient, admin_cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup
) -> None:
    snap = _take(cinder, cleanup, volume_id=make_volume().id)

    snapshots.reset_status(admin_cinder, snap.id, "error").extract_err()
    errored = snapshots.get(cinder, snap.id).extract()
    snapshots.force_delete(admin_cinder, snap.id).extract_err()

    assert errored.status == "error"
    snapshots.wait_for_delete(cinder, snap.id, timeout=WAIT, interval=POLL)
