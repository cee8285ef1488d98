"""Block storage v3 backups: create, list, restore, records, actions and waits, over loopback."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from oscloud._model import json_fields
from oscloud.errors import MicroversionError, MissingInputError, ResourceErrorStateError
from oscloud.openstack.blockstorage.v3 import backups
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import FakeClock, Sent, assert_request
from tests.unit.openstack.blockstorage.v3.backups import fixtures as fx
from tests.unit.openstack.blockstorage.v3.backups.fixtures import BACKUP_ID, path

UTC = _dt.timezone.utc


def test_get_at_3_56(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("backups", BACKUP_ID), Reply(200, fx.BACKUP_V356))

    got = backups.get(cinder.with_microversion("3.56"), BACKUP_ID).extract()

    sent("GET", f"/backups/{BACKUP_ID}", microversion="3.56")
    assert (got.id, got.name, got.status, got.size) == (BACKUP_ID, "backup001", "creating", 10)
    assert got.created_at == _dt.datetime(2023, 6, 23, 11, 56, 8, 691468, tzinfo=UTC)
    assert got.updated_at == _dt.datetime(2023, 6, 23, 11, 56, 8, 693488, tzinfo=UTC)
    assert got.data_timestamp == got.created_at
    assert (got.is_incremental, got.has_dependent_backups, got.object_count) == (False, False, 0)
    assert isinstance(got.object_count, int)
    assert (got.project_id, got.user_id) == (fx.SAMPLE_PROJECT, fx.USER_ID)
    assert (got.metadata, got.volume_id) == ({}, fx.VOLUME_ID)
    assert [link.rel for link in got.links] == ["self", "bookmark"]


def test_create(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("POST", path("backups"), Reply(202, fx.CREATE_RESPONSE))
    opts = backups.CreateOpts(
        volume_id="0aa67a0c-7339-4be6-b5d5-2afe21ca270c",
        name="backup001",
        description="Test backup",
        incremental=False,
        force=False,
    )

    got = backups.create(cinder, opts).extract()

    sent("POST", "/backups", body=fx.CREATE_REQUEST)
    assert (got.id, got.name) == (fx.CREATED_ID, "backup001")


def test_create_with_metadata_needs_3_43(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    opts = backups.CreateOpts(volume_id="v1", metadata={"kind": "nightly"})
    with pytest.raises(MicroversionError, match=r"CreateOpts\.metadata: .* 3\.43"):
        backups.create(cinder.with_microversion("3.42"), opts)
    assert server.requests == []
    server.route("POST", path("backups"), Reply(202, fx.CREATE_RESPONSE))

    backups.create(cinder.with_microversion("3.43"), opts).extract()

    sent(
        "POST",
        "/backups",
        body={"backup": {"volume_id": "v1", "metadata": {"kind": "nightly"}}},
        microversion="3.43",
    )


def test_create_needs_a_volume(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="volume_id"):
        backups.create(cinder, backups.CreateOpts(name="x"))

    assert server.requests == []


def test_list_and_list_simple(server: FakeServer, cinder: ServiceClient) -> None:
    server.route(
        "GET",
        path("backups", "detail"),
        Reply(200, {"backups": [fx.BACKUP_V356["backup"]], "count": 1}),
    )
    server.route("GET", path("backups"), Reply(200, {"backups": [fx.CREATE_RESPONSE["backup"]]}))
    client = cinder.with_microversion("3.45")

    pages = list(backups.list(client, backups.ListOpts(volume_id=fx.VOLUME_ID, with_count=True)))
    refs = [*backups.list_simple(client).items()]

    detail, simple = server.requests
    assert_request(
        detail,
        "GET",
        "/backups/detail",
        query={"volume_id": [fx.VOLUME_ID], "with_count": ["true"]},
        microversion="3.45",
    )
    assert_request(simple, "GET", "/backups", microversion="3.45")
    assert [b.id for b in backups.extract_backups(pages[0])] == [BACKUP_ID]
    assert [(r.id, r.name) for r in refs] == [(fx.CREATED_ID, "backup001")]


def test_update_at_3_9(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("PUT", path("backups", BACKUP_ID), Reply(200, fx.CREATE_RESPONSE))

    backups.update(
        cinder.with_microversion("3.9"), BACKUP_ID, backups.UpdateOpts(name="backup002")
    ).extract()

    sent("PUT", f"/backups/{BACKUP_ID}", body={"backup": {"name": "backup002"}}, microversion="3.9")


def test_update_needs_3_9(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"3\.9"):
        backups.update(cinder, BACKUP_ID, backups.UpdateOpts(name="x"))

    assert server.requests == []


def test_delete(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("backups", BACKUP_ID), Reply(202))

    assert backups.delete(cinder, BACKUP_ID).extract_err() is None

    sent("DELETE", f"/backups/{BACKUP_ID}")


@pytest.mark.parametrize(
    ("opts", "body"),
    [
        (None, {"restore": {}}),
        (backups.RestoreOpts(name="volume01"), {"restore": {"name": "volume01"}}),
        (
            backups.RestoreOpts(volume_id="795114e8-7489-40be-a978-83797f2c1dd3"),
            {"restore": {"volume_id": "795114e8-7489-40be-a978-83797f2c1dd3"}},
        ),
    ],
)
def test_restore(
    server: FakeServer,
    cinder: ServiceClient,
    sent: Sent,
    opts: backups.RestoreOpts | None,
    body: dict[str, object],
) -> None:
    server.route("POST", path("backups", BACKUP_ID, "restore"), Reply(202, fx.RESTORE_RESPONSE))

    got = backups.restore(cinder, BACKUP_ID, opts).extract()

    sent("POST", f"/backups/{BACKUP_ID}/restore", body=body)
    assert got == backups.Restore(
        backup_id="2ef47aee-8844-490c-804d-2a8efe561c65",
        volume_id="795114e8-7489-40be-a978-83797f2c1dd3",
        volume_name="volume01",
    )


def test_export_then_import_a_record(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("backups", BACKUP_ID, "export_record"), Reply(200, fx.RECORD))
    server.route("POST", path("backups", "import_record"), Reply(201, fx.IMPORT_RESPONSE))

    record = backups.export_record(cinder, BACKUP_ID).extract()
    imported = backups.import_record(cinder, record.backup_service, record.backup_url).extract()

    export, import_ = server.requests
    assert_request(export, "GET", f"/backups/{BACKUP_ID}/export_record")
    assert_request(import_, "POST", "/backups/import_record", body=fx.RECORD)
    assert imported.id == "deac8b8c-35c9-4c71-acaa-889c2d5d5c8e"
    assert imported.name is None


def test_import_needs_both_parts(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="backup_url"):
        backups.import_record(cinder, "cinder.backup.drivers.swift", "")

    assert server.requests == []


def test_reset_status_and_force_delete(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("POST", path("backups", BACKUP_ID, "action"), Reply(202))

    backups.reset_status(cinder, BACKUP_ID, "available").extract_err()
    backups.force_delete(cinder, BACKUP_ID).extract_err()

    reset, force = server.requests
    action = f"/backups/{BACKUP_ID}/action"
    assert_request(reset, "POST", action, body={"os-reset_status": {"status": "available"}})
    assert_request(force, "POST", action, body={"os-force_delete": {}})


def test_wait_for_status_reports_the_fail_reason(server: FakeServer, cinder: ServiceClient) -> None:
    server.route(
        "GET",
        path("backups", BACKUP_ID),
        Reply(200, fx.with_status("creating")),
        Reply(200, fx.with_status("error", "Volume is in use; use force.")),
    )
    clock = FakeClock()

    with pytest.raises(ResourceErrorStateError) as caught:
        backups.wait_for_status(cinder, BACKUP_ID, "available", sleep=clock.sleep, clock=clock)

    assert caught.value.fault == "Volume is in use; use force."
    assert "Volume is in use; use force." in str(caught.value)
    assert clock.slept == [5.0]


def test_wait_for_status_and_delete(server: FakeServer, cinder: ServiceClient) -> None:
    server.route(
        "GET",
        path("backups", BACKUP_ID),
        Reply(200, fx.with_status("available")),
        Reply(200, fx.with_status("deleting")),
        Reply(404, {"itemNotFound": {"message": "Backup could not be found.", "code": 404}}),
    )
    clock = FakeClock()

    got = backups.wait_for_status(cinder, BACKUP_ID, "available", sleep=clock.sleep, clock=clock)
    backups.wait_for_delete(cinder, BACKUP_ID, interval=1, sleep=clock.sleep, clock=clock)

    assert got.status == "available"
    assert clock.slept == [1]
    assert len(server.requests) == 3


def test_update_with_metadata_needs_3_43(server: FakeServer, cinder: ServiceClient) -> None:
    opts = backups.UpdateOpts(metadata={"kind": "weekly"})

    with pytest.raises(MicroversionError, match=r"UpdateOpts\.metadata: .* 3\.43"):
        backups.update(cinder.with_microversion("3.42"), BACKUP_ID, opts)

    assert server.requests == []


def test_create_in_a_zone_needs_3_51(server: FakeServer, cinder: ServiceClient) -> None:
    opts = backups.CreateOpts(volume_id="v1", availability_zone="az2")

    with pytest.raises(MicroversionError, match=r"CreateOpts\.availability_zone: .* 3\.51"):
        backups.create(cinder.with_microversion("3.50"), opts)

    assert server.requests == []


def test_list_with_count_needs_3_45(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"ListOpts\.with_count: .* 3\.45"):
        backups.list(cinder.with_microversion("3.44"), backups.ListOpts(with_count=True))

    assert server.requests == []


def test_options_given_as_a_dict_are_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    client = cinder.with_microversion("3.64")
    as_dict: Any = {"volume_id": "v1", "name": "n"}

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        backups.create(client, as_dict)
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        backups.update(client, BACKUP_ID, as_dict)
    with pytest.raises(TypeError, match="expected RestoreOpts, not dict"):
        backups.restore(client, BACKUP_ID, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        backups.list(client, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        backups.list_simple(client, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", backups.CreateOpts),
        ("ListOptsBuilder", backups.ListOpts),
        ("RestoreOptsBuilder", backups.RestoreOpts),
        ("UpdateOptsBuilder", backups.UpdateOpts),
    ],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(backups, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(backups.requests, old) is new


def test_per_operation_result_names_are_the_model_results() -> None:
    assert backups.GetResult is backups.BackupResult
    assert backups.CreateResult is backups.UpdateResult is backups.ImportResult
    assert backups.CreateResult is backups.BackupRefResult
    assert backups.ExportResult is backups.BackupRecordResult
    assert backups.DeleteResult is backups.ActionResult is ErrResult


def test_the_model_declares_the_microversions_of_its_fields() -> None:
    declared = json_fields(backups.Backup)

    assert {name: f.min_version for name, f in declared.items() if f.min_version} == {
        "project_id": "3.18",
        "metadata": "3.43",
        "user_id": "3.56",
        "encryption_key_id": "3.64",
    }
    assert declared["project_id"].key == "os-backup-project-attr:project_id"
