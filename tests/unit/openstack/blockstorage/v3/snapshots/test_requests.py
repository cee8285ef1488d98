"""Block storage v3 snapshots: CRUD, listing, metadata, actions and waits, over loopback."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

import oscloud
from oscloud._model import json_fields
from oscloud.errors import (
    InvalidResponseError,
    MicroversionError,
    MissingInputError,
    ResourceErrorStateError,
    ResourceNotFoundError,
)
from oscloud.openstack.blockstorage.v3 import snapshots
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import FakeClock, Sent, assert_request
from tests.unit.openstack.blockstorage.v3.snapshots import fixtures as fx
from tests.unit.openstack.blockstorage.v3.snapshots.fixtures import SNAPSHOT_ID, path

UTC = _dt.timezone.utc


def test_get_at_3_65_reads_every_field(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("snapshots", SNAPSHOT_ID), Reply(200, fx.SNAPSHOT_V365))

    got = snapshots.get(cinder.with_microversion("3.65"), SNAPSHOT_ID).extract()

    sent("GET", f"/snapshots/{SNAPSHOT_ID}", microversion="3.65")
    assert got == snapshots.Snapshot(
        id=SNAPSHOT_ID,
        status="creating",
        size=10,
        volume_id=fx.VOLUME_ID,
        created_at=_dt.datetime(2019, 3, 12, 4, 42, 0, 809352, tzinfo=UTC),
        name="snap-001",
        description="Daily backup",
        updated_at=None,
        metadata={"key": "v3"},
        progress="0%",
        project_id=fx.SAMPLE_PROJECT,
        user_id=fx.USER_ID,
        group_snapshot_id=None,
        consumes_quota=True,
    )


def test_get_at_3_0_leaves_later_fields_unset(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("snapshots", SNAPSHOT_ID), Reply(200, fx.SNAPSHOT_V30))

    got = snapshots.get(cinder, SNAPSHOT_ID).extract()

    sent("GET", f"/snapshots/{SNAPSHOT_ID}")
    assert (got.user_id, got.consumes_quota) == (None, None)
    assert isinstance(got.size, int)


def test_list_sends_filters_and_reads_details(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("snapshots", "detail"), Reply(200, fx.LIST_DETAIL))
    opts = snapshots.ListOpts(
        all_tenants=True,
        volume_id="v1",
        status="available",
        metadata={"key": "v3"},
        sort=["created_at:desc"],
        limit=1,
        with_count=True,
    )

    got = snapshots.extract_snapshots(
        snapshots.list(cinder.with_microversion("3.45"), opts).all_pages()
    )

    sent(
        "GET",
        "/snapshots/detail",
        query={
            "all_tenants": ["true"],
            "volume_id": ["v1"],
            "status": ["available"],
            "metadata": ["{'key': 'v3'}"],
            "sort": ["created_at:desc"],
            "limit": ["1"],
            "with_count": ["true"],
        },
        microversion="3.45",
    )
    assert [s.id for s in got] == ["d0083dc5-8795-4c1a-bc9c-74f70006c205"]
    assert got[0].created_at == _dt.datetime(2019, 3, 11, 16, 24, 36, 464445, tzinfo=UTC)


@pytest.mark.parametrize(
    ("opts", "field", "version"),
    [
        (snapshots.ListOpts(metadata={"k": "v"}), "metadata", "3.22"),
        (snapshots.ListOpts(name_like="snap"), "name_like", "3.34"),
        (snapshots.ListOpts(with_count=True), "with_count", "3.45"),
        (snapshots.ListOpts(consumes_quota=True), "consumes_quota", "3.65"),
    ],
)
def test_a_filter_is_refused_one_microversion_before_it(
    server: FakeServer, cinder: ServiceClient, opts: snapshots.ListOpts, field: str, version: str
) -> None:
    major, minor = version.split(".")
    older = cinder.with_microversion(f"{major}.{int(minor) - 1}")

    with pytest.raises(MicroversionError, match=rf"ListOpts\.{field}: .* {version} or later"):
        snapshots.list(older, opts)

    assert server.requests == []


def test_list_sends_the_later_filters_under_their_wire_names(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("snapshots", "detail"), Reply(200, {"snapshots": []}))
    opts = snapshots.ListOpts(name_like="nightly", consumes_quota=False)

    assert list(snapshots.list(cinder.with_microversion("3.65"), opts).items()) == []

    sent(
        "GET",
        "/snapshots/detail",
        query={"name~": ["nightly"], "consumes_quota": ["false"]},
        microversion="3.65",
    )


def test_a_listed_snapshot_reads_its_fields_on_first_use(
    server: FakeServer, cinder: ServiceClient
) -> None:
    body = {"snapshots": [{**fx.LIST_DETAIL["snapshots"][0], "size": "ten"}]}
    server.route("GET", path("snapshots", "detail"), Reply(200, body))

    (got,) = snapshots.list(cinder).items()  # a malformed size does not stop the listing

    assert "progress" not in vars(got)
    assert (got.progress, got.project_id) == ("0%", fx.SAMPLE_PROJECT)
    with pytest.raises(InvalidResponseError, match=r"Snapshot\.size"):
        _ = got.size


def test_the_snapshot_declares_its_json_keys_and_microversions() -> None:
    declared = json_fields(snapshots.Snapshot)

    assert declared["progress"].key == "os-extended-snapshot-attributes:progress"
    assert declared["project_id"].key == "os-extended-snapshot-attributes:project_id"
    versions = {name: f.min_version for name, f in declared.items() if f.min_version}
    assert versions == {"group_snapshot_id": "3.14", "user_id": "3.41", "consumes_quota": "3.65"}


def test_create(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("POST", path("snapshots"), Reply(202, fx.SNAPSHOT_V30))
    opts = snapshots.CreateOpts(
        volume_id="5aa119a8-d25b-45a7-8d1b-88e127885635",
        name="snap-001",
        description="Daily backup",
        force=True,
        metadata={"key": "v3"},
    )

    got = snapshots.create(cinder, opts).extract()

    sent("POST", "/snapshots", body=fx.CREATE_REQUEST)
    assert (got.id, got.status) == (SNAPSHOT_ID, "creating")


def test_create_refuses_force_false_from_3_66(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    refused = snapshots.CreateOpts(volume_id=fx.VOLUME_ID, force=False)
    with pytest.raises(ValueError, match=r"force=False is refused from microversion 3\.66"):
        snapshots.create(cinder.with_microversion("3.66"), refused)
    assert server.requests == []
    server.route("POST", path("snapshots"), Reply(202, fx.SNAPSHOT_V365))

    snapshots.create(cinder.with_microversion("3.65"), refused).extract()

    sent(
        "POST",
        "/snapshots",
        body={"snapshot": {"volume_id": fx.VOLUME_ID, "force": False}},
        microversion="3.65",
    )


def test_create_needs_a_volume(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="volume_id"):
        snapshots.create(cinder, snapshots.CreateOpts(name="x"))

    assert server.requests == []


def test_update(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("PUT", path("snapshots", SNAPSHOT_ID), Reply(200, fx.SNAPSHOT_V30))

    snapshots.update(
        cinder,
        SNAPSHOT_ID,
        snapshots.UpdateOpts(name="snap-002", description="This is yet, another snapshot."),
    ).extract()

    sent("PUT", f"/snapshots/{SNAPSHOT_ID}", body=fx.UPDATE_REQUEST)


def test_update_can_clear_the_description(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", path("snapshots", SNAPSHOT_ID), Reply(200, fx.SNAPSHOT_V30))

    snapshots.update(cinder, SNAPSHOT_ID, snapshots.UpdateOpts(description=oscloud.NULL)).extract()

    sent("PUT", f"/snapshots/{SNAPSHOT_ID}", body={"snapshot": {"description": None}})


def test_update_with_nothing_is_refused(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError):
        snapshots.update(cinder, SNAPSHOT_ID, snapshots.UpdateOpts())

    assert server.requests == []


def test_delete(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("snapshots", SNAPSHOT_ID), Reply(202))

    assert snapshots.delete(cinder, SNAPSHOT_ID).extract_err() is None

    sent("DELETE", f"/snapshots/{SNAPSHOT_ID}")


def test_reset_status_and_force_delete(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("POST", path("snapshots", SNAPSHOT_ID, "action"), Reply(202))

    snapshots.reset_status(cinder, SNAPSHOT_ID, "error").extract_err()
    snapshots.force_delete(cinder, SNAPSHOT_ID).extract_err()

    reset, force = server.requests
    action = f"/snapshots/{SNAPSHOT_ID}/action"
    assert_request(reset, "POST", action, body={"os-reset_status": {"status": "error"}})
    assert_request(force, "POST", action, body={"os-force_delete": {}})


def test_reset_status_needs_a_status(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="status"):
        snapshots.reset_status(cinder, SNAPSHOT_ID, "")

    assert server.requests == []


def test_metadata_operations(server: FakeServer, cinder: ServiceClient) -> None:
    whole = path("snapshots", SNAPSHOT_ID, "metadata")
    item = path("snapshots", SNAPSHOT_ID, "metadata", "key")
    server.route("GET", whole, Reply(200, {"metadata": {"key": "v3"}}))
    server.route("PUT", whole, Reply(200, {"metadata": {"key": "v3"}}))
    server.route("POST", whole, Reply(200, {"metadata": {"key": "v3", "env": "prod"}}))
    server.route("GET", item, Reply(200, {"meta": {"key": "v3"}}))
    server.route("PUT", item, Reply(200, {"meta": {"key": "v4"}}))
    server.route("DELETE", item, Reply(200))

    assert snapshots.list_metadata(cinder, SNAPSHOT_ID).extract() == {"key": "v3"}
    assert snapshots.set_metadata(cinder, SNAPSHOT_ID, {"key": "v3"}).extract() == {"key": "v3"}
    merged = snapshots.update_metadata(cinder, SNAPSHOT_ID, {"env": "prod"}).extract()
    assert merged == {"key": "v3", "env": "prod"}
    assert snapshots.get_metadatum(cinder, SNAPSHOT_ID, "key").extract() == {"key": "v3"}
    assert snapshots.set_metadatum(cinder, SNAPSHOT_ID, "key", "v4").extract() == {"key": "v4"}
    assert snapshots.delete_metadatum(cinder, SNAPSHOT_ID, "key").extract_err() is None

    base = f"/snapshots/{SNAPSHOT_ID}/metadata"
    got, put, post, get_one, put_one, delete_one = server.requests
    assert_request(got, "GET", base)
    assert_request(put, "PUT", base, body={"metadata": {"key": "v3"}})
    assert_request(post, "POST", base, body={"metadata": {"env": "prod"}})
    assert_request(get_one, "GET", f"{base}/key")
    assert_request(put_one, "PUT", f"{base}/key", body={"meta": {"key": "v4"}})
    assert_request(delete_one, "DELETE", f"{base}/key")


def test_find(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("snapshots", "detail"), Reply(200, {"snapshots": []}))

    with pytest.raises(ResourceNotFoundError, match="no snapshot named 'nightly'"):
        snapshots.find(cinder, "nightly")

    sent("GET", "/snapshots/detail", query={"name": ["nightly"]})


def test_wait_for_status_and_for_delete(server: FakeServer, cinder: ServiceClient) -> None:
    server.route(
        "GET",
        path("snapshots", SNAPSHOT_ID),
        Reply(200, fx.with_status("creating")),
        Reply(200, fx.with_status("available")),
        Reply(200, fx.with_status("deleting")),
        Reply(404, {"itemNotFound": {"message": "Snapshot could not be found.", "code": 404}}),
    )
    clock = FakeClock()

    got = snapshots.wait_for_status(
        cinder, SNAPSHOT_ID, "available", interval=1, sleep=clock.sleep, clock=clock
    )
    gone = snapshots.wait_for_delete(
        cinder, SNAPSHOT_ID, interval=1, sleep=clock.sleep, clock=clock
    )

    assert got.status == "available"
    assert gone is None
    assert clock.slept == [1, 1]
    assert len(server.requests) == 4


def test_wait_for_status_stops_at_error(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("snapshots", SNAPSHOT_ID), Reply(200, fx.with_status("error")))
    clock = FakeClock()

    with pytest.raises(ResourceErrorStateError, match=f"snapshot {SNAPSHOT_ID} went to error"):
        snapshots.wait_for_status(cinder, SNAPSHOT_ID, "available", sleep=clock.sleep, clock=clock)


@pytest.mark.parametrize(
    ("act", "options_class"),
    [
        (lambda c, o: snapshots.list(c, o), "ListOpts"),
        (lambda c, o: snapshots.create(c, o), "CreateOpts"),
        (lambda c, o: snapshots.update(c, SNAPSHOT_ID, o), "UpdateOpts"),
    ],
    ids=["list", "create", "update"],
)
def test_a_dict_instead_of_the_options_class_is_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient, act: Any, options_class: str
) -> None:
    with pytest.raises(TypeError, match=rf"expected {options_class}, not dict"):
        act(cinder, {"volume_id": fx.VOLUME_ID, "name": "snap-001"})

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", "CreateOpts"),
        ("ListOptsBuilder", "ListOpts"),
        ("UpdateOptsBuilder", "UpdateOpts"),
        ("get_metadata", "list_metadata"),
    ],
)
def test_removed_names_still_work_and_warn(old: str, new: str) -> None:
    with pytest.warns(
        DeprecationWarning, match=rf"snapshots\.requests\.{old} is deprecated: use {new}"
    ):
        value = getattr(snapshots, old)

    assert value is getattr(snapshots, new)
    assert old not in snapshots.__all__


def test_get_metadata_still_lists_the_metadata(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route(
        "GET", path("snapshots", SNAPSHOT_ID, "metadata"), Reply(200, {"metadata": {"k": "v"}})
    )

    with pytest.warns(DeprecationWarning, match="use list_metadata"):
        get_metadata: Any = snapshots.get_metadata
    got = get_metadata(cinder, SNAPSHOT_ID).extract()

    sent("GET", f"/snapshots/{SNAPSHOT_ID}/metadata")
    assert got == {"k": "v"}
