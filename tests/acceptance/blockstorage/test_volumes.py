"""Block storage v3 volumes against a real Cinder (fake volume driver)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest

from oscloud import errors
from oscloud.errors import ResourceErrorStateError
from oscloud.openstack.blockstorage.v3 import snapshots, volumes, volumetypes
from oscloud.service import ServiceClient
from tests.acceptance.blockstorage.conftest import POLL, WAIT, Cleanup, poll
from tests.acceptance.conftest import unique_name

MakeVolume = Callable[..., volumes.Volume]


def _is_utc(moment: dt.datetime | None) -> bool:
    return moment is not None and moment.utcoffset() == dt.timedelta(0)


def test_create_get_update_delete(cinder: ServiceClient, cleanup: Cleanup) -> None:
    name = unique_name("vol")
    opts = volumes.CreateOpts(
        size=1, name=name, description="made by a test", metadata={"purpose": "acceptance"}
    )

    created = volumes.create(cinder, opts).extract()
    cleanup.volume(created.id)

    assert created.name == name
    assert created.size == 1 and type(created.size) is int
    assert created.status in ("creating", "available")
    ready = volumes.wait_for_status(cinder, created.id, "available", timeout=WAIT, interval=POLL)
    assert ready.status == "available"

    volume = volumes.get(cinder, created.id).extract()
    assert volume.id == created.id
    assert volume.size == 1 and type(volume.size) is int
    assert volume.bootable is False
    assert volume.encrypted is False and volume.multiattach is False
    assert volume.description == "made by a test"
    assert volume.metadata == {"purpose": "acceptance"}
    assert _is_utc(volume.created_at)
    assert volume.updated_at is None or _is_utc(volume.updated_at)
    assert volume.attachments == ()
    assert volume.availability_zone == "nova"
    assert volume.volume_type  # the cloud's default type
    assert any(link.rel == "self" for link in volume.links)

    updated = volumes.update(
        cinder,
        volume.id,
        volumes.UpdateOpts(name=name + "-renamed", description="renamed by a test"),
    ).extract()
    assert updated.name == name + "-renamed"
    assert updated.description == "renamed by a test"
    assert volumes.get(cinder, volume.id).extract().name == name + "-renamed"

    volumes.delete(cinder, volume.id).extract_err()
    volumes.wait_for_delete(cinder, volume.id, timeout=WAIT, interval=POLL)
    with pytest.raises(errors.NotFoundError):
        volumes.get(cinder, volume.id).extract()


def test_list_filters_and_lookups(cinder: ServiceClient, make_volume: MakeVolume) -> None:
    tag = uuid.uuid4().hex
    volume = make_volume(metadata={"acc-tag": tag})
    other = make_volume()

    listed = {v.id: v for v in volumes.list(cinder).items()}
    by_name = list(volumes.list(cinder, volumes.ListOpts(name=volume.name)).items())
    by_metadata = list(volumes.list(cinder, volumes.ListOpts(metadata={"acc-tag": tag})).items())
    simple = list(volumes.list_simple(cinder, volumes.ListOpts(name=other.name)).items())

    assert volume.id in listed and other.id in listed
    assert listed[volume.id].metadata == {"acc-tag": tag}
    assert [v.id for v in by_name] == [volume.id]
    assert [v.id for v in by_metadata] == [volume.id]
    assert [(v.id, v.name) for v in simple] == [(other.id, other.name)]
    assert volumes.find(cinder, volume.name or "").id == volume.id
    assert volumes.id_from_name(cinder, other.name or "") == other.id
    with pytest.raises(errors.ResourceNotFoundError):
        volumes.find(cinder, unique_name("absent"))


def test_name_shared_by_two_volumes_is_ambiguous(
    cinder: ServiceClient, make_volume: MakeVolume
) -> None:
    name = unique_name("twin")
    first = make_volume(name=name)
    second = make_volume(name=name)

    with pytest.raises(errors.MultipleResourcesFoundError) as caught:
        volumes.id_from_name(cinder, name)

    assert first.id in str(caught.value) and second.id in str(caught.value)


def test_listing_follows_next_links_and_counts(
    cinder: ServiceClient, make_volume: MakeVolume
) -> None:
    tag = uuid.uuid4().hex
    made = {make_volume(metadata={"acc-page": tag}).id for _ in range(3)}
    opts = volumes.ListOpts(metadata={"acc-page": tag}, limit=1, sort="created_at:asc")

    pages = list(volumes.list(cinder, opts))
    counted = list(volumes.list(cinder.with_microversion("3.45"), _with_count(tag)))

    assert [len(volumes.extract_volumes(page)) for page in pages if not page.is_empty()] == [
        1,
        1,
        1,
    ]
    assert {v.id for page in pages for v in volumes.extract_volumes(page)} == made
    assert "marker=" in (pages[0].next_url() or "")
    assert volumes.extract_count(counted[0]) == 3
    assert volumes.extract_count(pages[0]) is None  # not asked for


def _with_count(tag: str) -> volumes.ListOpts:
    return volumes.ListOpts(metadata={"acc-page": tag}, limit=2, with_count=True)


def test_with_count_needs_microversion_3_45(cinder: ServiceClient) -> None:
    with pytest.raises(errors.MicroversionError):
        volumes.list(cinder, volumes.ListOpts(with_count=True))


def test_summary(cinder: ServiceClient, make_volume: MakeVolume) -> None:
    tag = uuid.uuid4().hex
    make_volume(metadata={"acc-summary": tag})

    summary = volumes.get_summary(cinder.with_microversion("3.12")).extract()
    with_metadata = volumes.get_summary(cinder.with_microversion("3.36")).extract()

    assert type(summary.total_count) is int and summary.total_count >= 1
    assert type(summary.total_size) is int and summary.total_size >= 1
    assert summary.metadata is None
    assert with_metadata.metadata is not None
    assert tag in with_metadata.metadata["acc-summary"]
    with pytest.raises(errors.MicroversionError):
        volumes.get_summary(cinder)


def test_metadata_items(cinder: ServiceClient, make_volume: MakeVolume) -> None:
    volume = make_volume(metadata={"a": "1"})

    replaced = volumes.set_metadata(cinder, volume.id, {"b": "2", "c": "3"}).extract()
    merged = volumes.update_metadata(cinder, volume.id, {"c": "30", "d": "4"}).extract()
    one = volumes.get_metadatum(cinder, volume.id, "b").extract()
    set_one = volumes.set_metadatum(cinder, volume.id, "e", "5").extract()
    volumes.delete_metadatum(cinder, volume.id, "b").extract_err()
    final = volumes.list_metadata(cinder, volume.id).extract()

    assert replaced == {"b": "2", "c": "3"}
    assert merged == {"b": "2", "c": "30", "d": "4"}
    assert one == {"b": "2"}
    assert set_one == {"e": "5"}
    assert final == {"c": "30", "d": "4", "e": "5"}
    with pytest.raises(errors.NotFoundError):
        volumes.get_metadatum(cinder, volume.id, "b").extract()


def test_extend_then_poll_for_the_new_size(cinder: ServiceClient, make_volume: MakeVolume) -> None:
    volume = make_volume()

    volumes.extend(cinder, volume.id, 2).extract_err()

    grown = poll(
        lambda: volumes.get(cinder, volume.id).extract(),
        lambda v: v.size == 2 and v.status == "available",
        what=f"volume {volume.id} size",
    )
    assert type(grown.size) is int
    with pytest.raises(errors.BadRequestError):
        volumes.extend(cinder, volume.id, 1).extract_err()  # shrinking is refused


def test_bootable_and_read_only_flags(cinder: ServiceClient, make_volume: MakeVolume) -> None:
    volume = make_volume()

    volumes.set_bootable(cinder, volume.id, True).extract_err()
    volumes.update_readonly_flag(cinder, volume.id, True).extract_err()
    flagged = volumes.get(cinder, volume.id).extract()
    volumes.set_bootable(cinder, volume.id, False).extract_err()

    assert flagged.bootable is True
    assert flagged.metadata.get("readonly") == "True"
    assert volumes.get(cinder, volume.id).extract().bootable is False
    listed = volumes.list(cinder, volumes.ListOpts(name=volume.name)).items()
    assert [v.bootable for v in listed] == [False]


def test_retype_without_migration(
    cinder: ServiceClient,
    make_volume: MakeVolume,
    make_volume_type: Callable[..., volumetypes.VolumeType],
) -> None:
    volume = make_volume()
    new_type = make_volume_type()

    volumes.retype(
        cinder,
        volume.id,
        volumes.RetypeOpts(new_type=new_type.name, migration_policy=volumes.MigrationPolicy.NEVER),
    ).extract_err()

    retyped = poll(
        lambda: volumes.get(cinder, volume.id).extract(),
        lambda v: v.volume_type == new_type.name and v.status == "available",
        what=f"volume {volume.id} type",
    )
    assert retyped.volume_type == new_type.name
    latest = volumes.get(cinder.with_microversion("3.63"), volume.id).extract()
    assert latest.volume_type_id == new_type.id


def test_from_snapshot_and_clone(
    cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup
) -> None:
    source = make_volume(metadata={"origin": "source"})
    snap = snapshots.create(cinder, snapshots.CreateOpts(volume_id=source.id)).extract()
    cleanup.snapshot(snap.id)
    snapshots.wait_for_status(cinder, snap.id, "available", timeout=WAIT, interval=POLL)

    from_snapshot = make_volume(snapshot_id=snap.id)
    clone = make_volume(source_volid=source.id, size=2)

    assert from_snapshot.snapshot_id == snap.id
    assert from_snapshot.size == 1
    assert clone.source_volid == source.id
    assert clone.size == 2


def test_revert_to_snapshot(
    cinder: ServiceClient, make_volume: MakeVolume, cleanup: Cleanup
) -> None:
    volume = make_volume()
    snap = snapshots.create(cinder, snapshots.CreateOpts(volume_id=volume.id)).extract()
    cleanup.snapshot(snap.id)
    snapshots.wait_for_status(cinder, snap.id, "available", timeout=WAIT, interval=POLL)
    v340 = cinder.with_microversion("3.40")

    volumes.revert_to_snapshot(v340, volume.id, snap.id).extract_err()

    reverted = volumes.wait_for_status(cinder, volume.id, "available", timeout=WAIT, interval=POLL)
    assert reverted.size == 1
    with pytest.raises(errors.MicroversionError):
        volumes.revert_to_snapshot(cinder, volume.id, snap.id)


def test_microversion_fields(
    cinder: ServiceClient, make_volume: MakeVolume, member_project_id: str
) -> None:
    volume = make_volume()

    base = volumes.get(cinder, volume.id).extract()
    v363 = volumes.get(cinder.with_microversion("3.63"), volume.id).extract()
    v365 = volumes.get(cinder.with_microversion("3.65"), volume.id).extract()
    newest = volumes.get(cinder.with_microversion("3.71"), volume.id).extract()

    assert base.volume_type_id is None and base.consumes_quota is None
    assert base.group_id is None and base.service_uuid is None
    assert v363.volume_type_id is not None
    assert v363.volume_type == base.volume_type
    assert v365.consumes_quota is True
    assert newest.volume_type_id == v363.volume_type_id
    assert newest.service_uuid is not None
    assert base.project_id == newest.project_id == member_project_id  # shown to the owner


def test_admin_reset_status_and_force_delete(
    cinder: ServiceClient,
    admin_cinder: ServiceClient,
    make_volume: MakeVolume,
    member_project_id: str,
) -> None:
    volume = make_volume()

    as_admin = volumes.get(admin_cinder, volume.id).extract()
    volumes.reset_status(
        admin_cinder, volume.id, volumes.ResetStatusOpts(status="error")
    ).extract_err()

    assert as_admin.project_id == member_project_id
    assert as_admin.host is not None and as_admin.host.endswith("#fake")
    with pytest.raises(ResourceErrorStateError) as caught:
        volumes.wait_for_status(cinder, volume.id, "available", timeout=WAIT, interval=POLL)
    assert caught.value.status.lower() == "error"
    with pytest.raises(errors.ForbiddenError):
        volumes.force_delete(cinder, volume.id).extract_err()

    volumes.force_delete(admin_cinder, volume.id).extract_err()
    volumes.wait_for_delete(cinder, volume.id, timeout=WAIT, interval=POLL)


def test_admin_delete_with_force_query(
    admin_cinder: ServiceClient, make_volume: MakeVolume
) -> None:
    volume = make_volume()
    volumes.reset_status(
        admin_cinder, volume.id, volumes.ResetStatusOpts(status="attaching")
    ).extract_err()

    refused = volumes.delete(admin_cinder, volume.id)
    volumes.delete(
        admin_cinder.with_microversion("3.23"), volume.id, volumes.DeleteOpts(force=True)
    ).extract_err()

    assert isinstance(refused.err, errors.BadRequestError)
    volumes.wait_for_delete(admin_cinder, volume.id, timeout=WAIT, interval=POLL)


def test_wait_error_keeps_the_status_as_cinder_spells_it(
    cinder: ServiceClient, admin_cinder: ServiceClient, make_volume: MakeVolume
) -> None:
    volume = make_volume()
    volumes.reset_status(
        admin_cinder, volume.id, volumes.ResetStatusOpts(status="error")
    ).extract_err()

    with pytest.raises(ResourceErrorStateError) as caught:
        volumes.wait_for_status(cinder, volume.id, "available", timeout=WAIT, interval=POLL)

    assert caught.value.status == "error"
    assert str(caught.value) == f"volume {volume.id} went to error while waiting for available"
