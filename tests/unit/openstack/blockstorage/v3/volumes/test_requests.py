"""Block storage v3 volumes: CRUD, listings, look-ups, waits and metadata, over loopback."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs
import pytest

import oscloud
from oscloud._model import json_fields
from oscloud.errors import (
    BadRequestError,
    InvalidResponseError,
    MicroversionError,
    MissingInputError,
    MultipleResourcesFoundError,
    NotFoundError,
    ResourceErrorStateError,
    ResourceNotFoundError,
    WaitTimeoutError,
)
from oscloud.openstack.blockstorage.v3 import volumes
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import FakeClock, Sent, assert_request
from tests.unit.openstack.blockstorage.v3.volumes import fixtures as fx
from tests.unit.openstack.blockstorage.v3.volumes.fixtures import VOLUME_ID, path

UTC = _dt.timezone.utc

NOT_FOUND = {"itemNotFound": {"message": f"Volume {VOLUME_ID} could not be found.", "code": 404}}


# -- get and the Volume model across microversions -------------------------------------


def test_get_at_3_0_reads_the_base_fields(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.VOLUME_V30)

    result = volumes.get(cinder, VOLUME_ID)

    sent("GET", f"/volumes/{VOLUME_ID}")
    assert result.status_code == 200
    got = result.extract()
    assert isinstance(got, volumes.Volume)
    assert (got.id, got.status, got.size, got.name) == (VOLUME_ID, "creating", 10, None)
    assert isinstance(got.size, int)
    assert got.created_at == _dt.datetime(2018, 11, 29, 6, 50, 7, 770785, tzinfo=UTC)
    assert got.created_at.tzinfo is UTC
    assert got.updated_at is None
    assert got.bootable is False
    assert (got.encrypted, got.multiattach) == (False, False)
    assert got.availability_zone == "nova"
    assert got.project_id == fx.SAMPLE_PROJECT
    assert got.user_id == fx.USER_ID
    assert (got.host, got.migration_status, got.name_id) == (None, None, None)
    assert (got.attachments, got.metadata) == ((), {})
    assert [link.rel for link in got.links] == ["self", "bookmark"]
    # fields of later microversions were not sent: they read as "not given"
    assert (got.volume_type_id, got.group_id, got.shared_targets) == (None, None, None)
    assert (got.consumes_quota, got.volume_image_metadata) == (None, None)


def test_get_at_3_63_sends_the_microversion_and_reads_the_type_id(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.VOLUME_V363)

    got = volumes.get(cinder.with_microversion("3.63"), VOLUME_ID).extract()

    sent("GET", f"/volumes/{VOLUME_ID}", microversion="3.63")
    assert (got.volume_type, got.volume_type_id) == (
        "__DEFAULT__",
        "5fed9d7c-401d-46e2-8e80-f30c70cb7e1d",
    )
    assert got.shared_targets is True
    assert (got.service_uuid, got.cluster_name, got.provider_id) == (None, None, None)


def test_get_at_3_65_reads_consumes_quota(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.VOLUME_V365)

    got = volumes.get(cinder.with_microversion("3.65"), VOLUME_ID).extract()

    sent("GET", f"/volumes/{VOLUME_ID}", microversion="3.65")
    assert got.consumes_quota is True


def test_get_an_attached_bootable_volume_as_an_administrator(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.VOLUME_ATTACHED)

    got = volumes.get(cinder.with_microversion("3.69"), VOLUME_ID).extract()

    sent("GET", f"/volumes/{VOLUME_ID}", microversion="3.69")
    assert got.status == "in-use"
    assert got.bootable is True  # Cinder sent the string "true"
    assert got.attachments == (
        volumes.VolumeAttachment(
            id=VOLUME_ID,
            attachment_id=fx.ATTACHMENT_ID,
            volume_id=VOLUME_ID,
            server_id=fx.SERVER_ID,
            host_name="compute-1",
            device="/dev/vdb",
            attached_at=_dt.datetime(2018, 11, 29, 7, 1, 24, tzinfo=UTC),
        ),
    )
    assert got.updated_at == _dt.datetime(2018, 11, 29, 7, 1, 24, tzinfo=UTC)
    assert got.host == "cinder-host@lvmdriver-1#lvmdriver-1"
    assert (got.migration_status, got.name_id) == (
        "success",
        "a5f3cbd4-9a0e-4f7e-8b7a-2b1f4e1d3c2a",
    )
    assert (got.group_id, got.provider_id) == ("8fbe5733-eb03-4c88-9ef9-f32b7d03a5e4", "lun-42")
    assert got.shared_targets is None  # the 3.69 tristate
    assert got.cluster_name == "cluster@lvmdriver-1"
    assert got.metadata == {"readonly": "False", "attached_mode": "rw"}
    assert got.volume_image_metadata is not None
    assert got.volume_image_metadata["image_id"] == fx.IMAGE_ID


def test_get_a_missing_volume_carries_not_found(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("volumes", VOLUME_ID), Reply(404, NOT_FOUND))

    result = volumes.get(cinder, VOLUME_ID)

    assert isinstance(result.err, NotFoundError)
    assert "could not be found" in str(result.err)
    with pytest.raises(NotFoundError):
        result.extract()


@pytest.mark.parametrize(("bad", "error"), [("", MissingInputError), ("a/b", ValueError)])
def test_get_refuses_a_bad_id_before_any_request(
    server: FakeServer, cinder: ServiceClient, bad: str, error: type[Exception]
) -> None:
    with pytest.raises(error, match="volume_id"):
        volumes.get(cinder, bad)

    assert server.requests == []


def test_a_body_without_the_documented_members_is_an_invalid_response_when_read(
    server: FakeServer, cinder: ServiceClient
) -> None:
    fx.handle_get(server, {"volume": {"id": VOLUME_ID, "status": "available"}})

    got = volumes.get(cinder, VOLUME_ID).extract()  # the model reads fields when used

    assert got.status == "available"
    with pytest.raises(InvalidResponseError, match=r"Volume\.size"):
        _ = got.size


def test_a_malformed_field_is_an_invalid_response_when_read(
    server: FakeServer, cinder: ServiceClient
) -> None:
    body = fx.volume_with("available")
    body["volume"]["bootable"] = "perhaps"
    fx.handle_get(server, body)

    got = volumes.get(cinder, VOLUME_ID).extract()

    assert got.size == 10
    with pytest.raises(InvalidResponseError, match=r"Volume\.bootable"):
        _ = got.bootable


def test_a_listed_volume_reads_its_fields_on_first_use(
    server: FakeServer, cinder: ServiceClient
) -> None:
    server.route("GET", path("volumes", "detail"), Reply(200, {"volumes": [fx.LISTED_VOLUME]}))

    (got,) = volumes.list(cinder).items()

    assert "created_at" not in vars(got)
    assert got.created_at == _dt.datetime(2018, 11, 28, 6, 25, 15, 288987, tzinfo=UTC)
    assert "created_at" in vars(got)
    assert got == volumes.Volume(**attrs.asdict(got, recurse=False))


def test_the_volume_declares_its_json_keys_and_microversions() -> None:
    declared = json_fields(volumes.Volume)

    assert declared["project_id"].key == "os-vol-tenant-attr:tenant_id"
    assert declared["host"].key == "os-vol-host-attr:host"
    assert declared["name_id"].key == "os-vol-mig-status-attr:name_id"
    versions = {name: f.min_version for name, f in declared.items() if f.min_version}
    assert versions == {
        "volume_type_id": "3.63",
        "group_id": "3.13",
        "provider_id": "3.21",
        "service_uuid": "3.48",
        "shared_targets": "3.48",
        "cluster_name": "3.61",
        "encryption_key_id": "3.64",
        "consumes_quota": "3.65",
    }


# -- listings ----------------------------------------------------------------------------


def test_list_sends_the_filters_in_cinder_forms(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("volumes", "detail"), Reply(200, {"volumes": [fx.LISTED_VOLUME]}))
    opts = volumes.ListOpts(
        all_tenants=True,
        project_id="p1",
        name="vol-1",
        status="available",
        metadata={"env": "prod", "tier": "gold"},
        bootable=False,
        availability_zone="nova",
        sort=["size:desc", "name"],
        limit=10,
        offset=5,
        marker="m1",
    )

    got = volumes.extract_volumes(volumes.list(cinder, opts).all_pages())

    sent(
        "GET",
        "/volumes/detail",
        query={
            "all_tenants": ["true"],
            "project_id": ["p1"],
            "name": ["vol-1"],
            "status": ["available"],
            "metadata": ["{'env': 'prod', 'tier': 'gold'}"],
            "bootable": ["false"],
            "availability_zone": ["nova"],
            "sort": ["size:desc,name"],
            "limit": ["10"],
            "offset": ["5"],
            "marker": ["m1"],
        },
    )
    assert [v.id for v in got] == [fx.LISTED_ID]
    assert got[0].volume_type_id == "5fed9d7c-401d-46e2-8e80-f30c70cb7e1d"
    assert got[0].created_at == _dt.datetime(2018, 11, 28, 6, 25, 15, 288987, tzinfo=UTC)


def test_list_follows_volumes_links_and_reads_the_count(
    server: FakeServer, cinder: ServiceClient
) -> None:
    fx.detail_pages(server)
    client = cinder.with_microversion("3.45")

    pager = volumes.list(client, volumes.ListOpts(limit=1, with_count=True))
    assert server.requests == []  # nothing is fetched before it is asked for
    pages = list(pager)

    first, second = server.requests
    assert_request(
        first,
        "GET",
        "/volumes/detail",
        query={"limit": ["1"], "with_count": ["true"]},
        microversion="3.45",
    )
    assert_request(
        second,
        "GET",
        "/volumes/detail",
        query={"limit": ["1"], "marker": [fx.LISTED_ID]},
        microversion="3.45",
    )
    assert [[v.name for v in volumes.extract_volumes(p)] for p in pages] == [[None], ["second"]]
    assert [volumes.extract_count(p) for p in pages] == [2, 2]


def test_list_sends_the_filters_of_later_microversions_under_their_wire_names(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("volumes", "detail"), Reply(200, {"volumes": []}))
    opts = volumes.ListOpts(
        name_like="db-",
        glance_metadata={"os_distro": "ubuntu"},
        group_id="g1",
        created_at="gt:2024-01-01T00:00:00,lte:2024-02-01T00:00:00",
        updated_at="lt:2024-03-01T00:00:00",
        consumes_quota=True,
    )

    assert list(volumes.list(cinder.with_microversion("3.65"), opts).items()) == []

    sent(
        "GET",
        "/volumes/detail",
        query={
            "name~": ["db-"],
            "glance_metadata": ["{'os_distro': 'ubuntu'}"],
            "group_id": ["g1"],
            "created_at": ["gt:2024-01-01T00:00:00,lte:2024-02-01T00:00:00"],
            "updated_at": ["lt:2024-03-01T00:00:00"],
            "consumes_quota": ["true"],
        },
        microversion="3.65",
    )


@pytest.mark.parametrize(
    ("opts", "field", "version"),
    [
        (volumes.ListOpts(glance_metadata={"k": "v"}), "glance_metadata", "3.4"),
        (volumes.ListOpts(group_id="g1"), "group_id", "3.10"),
        (volumes.ListOpts(name_like="db"), "name_like", "3.34"),
        (volumes.ListOpts(created_at="gt:2024-01-01T00:00:00"), "created_at", "3.60"),
        (volumes.ListOpts(updated_at="gt:2024-01-01T00:00:00"), "updated_at", "3.60"),
        (volumes.ListOpts(consumes_quota=False), "consumes_quota", "3.65"),
    ],
)
def test_a_filter_is_refused_one_microversion_before_it(
    server: FakeServer, cinder: ServiceClient, opts: volumes.ListOpts, field: str, version: str
) -> None:
    major, minor = version.split(".")
    older = cinder.with_microversion(f"{major}.{int(minor) - 1}")

    with pytest.raises(MicroversionError, match=rf"ListOpts\.{field}: .* {version} or later"):
        volumes.list_simple(older, opts)

    assert server.requests == []


def test_list_with_count_needs_3_45_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    with pytest.raises(MicroversionError, match=r"ListOpts\.with_count: .* 3\.45"):
        volumes.list(cinder.with_microversion("3.44"), volumes.ListOpts(with_count=True))

    assert server.requests == []


@pytest.mark.parametrize(
    ("opts", "message"),
    [
        (volumes.ListOpts(sort="size:up"), "sort direction"),
        (volumes.ListOpts(sort=["name,size"]), "sort item"),
        (volumes.ListOpts(metadata={"env": 1}), "metadata value"),  # type: ignore[dict-item]
    ],
)
def test_list_refuses_malformed_filters_before_any_request(
    server: FakeServer, cinder: ServiceClient, opts: volumes.ListOpts, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        volumes.list(cinder, opts)

    assert server.requests == []


def test_list_simple_reads_ids_and_names(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("volumes"), Reply(200, fx.VOLUMES_SUMMARY_LIST))

    got = [*volumes.list_simple(cinder).items()]

    sent("GET", "/volumes")
    assert got == [
        volumes.VolumeRef(
            id="efa54464-8fab-47cd-a05a-be3e6b396188",
            name=None,
            links=got[0].links,
        )
    ]
    assert got[0].links[0].href.endswith("/volumes/efa54464-8fab-47cd-a05a-be3e6b396188")


def test_get_summary_at_3_36(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("volumes", "summary"), Reply(200, fx.SUMMARY))

    got = volumes.get_summary(cinder.with_microversion("3.36"), all_tenants=True).extract()

    sent("GET", "/volumes/summary", query={"all_tenants": ["true"]}, microversion="3.36")
    assert got == volumes.VolumesSummary(
        total_count=4,
        total_size=4,
        metadata={"key1": ("value1", "value2"), "key2": ("value2",)},
    )


def test_get_summary_needs_3_12(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"3\.12"):
        volumes.get_summary(cinder)

    assert server.requests == []


# -- create, update, delete --------------------------------------------------------------


def test_create_sends_the_volume_and_the_scheduler_hints(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("volumes"), Reply(202, fx.CREATE_RESPONSE))
    hints = fx.CREATE_REQUEST["OS-SCH-HNT:scheduler_hints"]
    opts = volumes.CreateOpts(
        size=10,
        name="data",
        description="for the database",
        volume_type="lvmdriver-1",
        availability_zone="nova",
        image_ref=fx.IMAGE_ID,
        metadata={"env": "prod"},
        multiattach=False,
        consistencygroup_id=None,
        scheduler_hints=hints,
    )

    got = volumes.create(cinder, opts).extract()

    sent(
        "POST",
        "/volumes",
        body={
            "volume": {
                "size": 10,
                "name": "data",
                "description": "for the database",
                "volume_type": "lvmdriver-1",
                "availability_zone": "nova",
                "imageRef": fx.IMAGE_ID,
                "metadata": {"env": "prod"},
                "multiattach": False,
            },
            "OS-SCH-HNT:scheduler_hints": hints,
        },
    )
    assert (got.id, got.status, got.size) == (fx.CREATED_ID, "creating", 10)
    assert got.created_at == _dt.datetime(2018, 11, 28, 6, 21, 12, 715987, tzinfo=UTC)


def test_create_from_a_backup_needs_3_47(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    opts = volumes.CreateOpts(backup_id="b1", name="restored")
    with pytest.raises(MicroversionError, match=r"CreateOpts\.backup_id: .* 3\.47"):
        volumes.create(cinder.with_microversion("3.46"), opts)
    assert server.requests == []
    server.route("POST", path("volumes"), Reply(202, fx.CREATE_RESPONSE))

    volumes.create(cinder.with_microversion("3.47"), opts).extract()

    sent(
        "POST",
        "/volumes",
        body={"volume": {"name": "restored", "backup_id": "b1"}},
        microversion="3.47",
    )


def test_create_in_a_group_needs_3_13(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"CreateOpts\.group_id: .* 3\.13"):
        volumes.create(cinder, volumes.CreateOpts(size=1, group_id="g1"))

    assert server.requests == []


@pytest.mark.parametrize(
    ("opts", "error", "message"),
    [
        (volumes.CreateOpts(name="no-size"), MissingInputError, "size is required"),
        (volumes.CreateOpts(size=0), ValueError, "size"),
        (volumes.CreateOpts(size="10"), ValueError, "size"),  # type: ignore[arg-type]
        (volumes.CreateOpts(size=1, metadata={"": "x"}), ValueError, "metadata keys"),
        (volumes.CreateOpts(size=1, metadata={"k": "v" * 256}), ValueError, "255"),
    ],
)
def test_create_refuses_bad_input_before_any_request(
    server: FakeServer,
    cinder: ServiceClient,
    opts: volumes.CreateOpts,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        volumes.create(cinder, opts)

    assert server.requests == []


def test_create_takes_the_size_of_the_snapshot_it_copies(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("volumes"), Reply(202, fx.CREATE_RESPONSE))

    volumes.create(cinder, volumes.CreateOpts(snapshot_id="s1")).extract()

    sent("POST", "/volumes", body={"volume": {"snapshot_id": "s1"}})


@pytest.mark.parametrize(
    ("act", "options_class"),
    [
        (lambda c, o: volumes.list(c, o), "ListOpts"),
        (lambda c, o: volumes.list_simple(c, o), "ListOpts"),
        (lambda c, o: volumes.create(c, o), "CreateOpts"),
        (lambda c, o: volumes.update(c, VOLUME_ID, o), "UpdateOpts"),
        (lambda c, o: volumes.delete(c, VOLUME_ID, o), "DeleteOpts"),
        (lambda c, o: volumes.retype(c, VOLUME_ID, o), "RetypeOpts"),
        (lambda c, o: volumes.reset_status(c, VOLUME_ID, o), "ResetStatusOpts"),
        (lambda c, o: volumes.upload_to_image(c, VOLUME_ID, o), "UploadImageOpts"),
        (lambda c, o: volumes.attach(c, VOLUME_ID, o), "AttachOpts"),
        (lambda c, o: volumes.detach(c, VOLUME_ID, o), "DetachOpts"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_dict_instead_of_the_options_class_is_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient, act: Any, options_class: str
) -> None:
    with pytest.raises(TypeError, match=rf"expected {options_class}, not dict"):
        act(cinder, {"size": 1, "name": "data"})

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("AttachOptsBuilder", "AttachOpts"),
        ("CreateOptsBuilder", "CreateOpts"),
        ("DeleteOptsBuilder", "DeleteOpts"),
        ("DetachOptsBuilder", "DetachOpts"),
        ("ListOptsBuilder", "ListOpts"),
        ("ResetStatusOptsBuilder", "ResetStatusOpts"),
        ("RetypeOptsBuilder", "RetypeOpts"),
        ("UpdateOptsBuilder", "UpdateOpts"),
        ("UploadImageOptsBuilder", "UploadImageOpts"),
        ("get_metadata", "list_metadata"),
    ],
)
def test_removed_names_still_work_and_warn(old: str, new: str) -> None:
    with pytest.warns(
        DeprecationWarning, match=rf"volumes\.requests\.{old} is deprecated: use {new}"
    ):
        value = getattr(volumes, old)

    assert value is getattr(volumes, new)
    assert old not in volumes.__all__


def test_get_metadata_still_lists_the_metadata(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("volumes", VOLUME_ID, "metadata"), Reply(200, fx.METADATA))

    with pytest.warns(DeprecationWarning, match="use list_metadata"):
        get_metadata: Any = volumes.get_metadata
    got = get_metadata(cinder, VOLUME_ID).extract()

    sent("GET", f"/volumes/{VOLUME_ID}/metadata")
    assert got == {"name": "metadata1"}


def test_update_sends_the_changes(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("PUT", path("volumes", fx.UPDATED_ID), Reply(200, fx.UPDATE_RESPONSE))
    opts = volumes.UpdateOpts(
        name="vol-003", description="This is yet, another volume.", metadata={"name": "metadata0"}
    )

    got = volumes.update(cinder, fx.UPDATED_ID, opts).extract()

    sent("PUT", f"/volumes/{fx.UPDATED_ID}", body=fx.UPDATE_REQUEST)
    assert (got.name, got.description, got.metadata) == (
        "vol-003",
        "This is yet, another volume.",
        {"name": "metadata0"},
    )


def test_update_clears_the_description_with_null(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", path("volumes", VOLUME_ID), Reply(200, fx.VOLUME_V30))

    volumes.update(cinder, VOLUME_ID, volumes.UpdateOpts(description=oscloud.NULL)).extract()

    sent("PUT", f"/volumes/{VOLUME_ID}", body={"volume": {"description": None}})


def test_update_with_nothing_to_change_is_refused(
    server: FakeServer, cinder: ServiceClient
) -> None:
    with pytest.raises(MissingInputError, match="at least one"):
        volumes.update(cinder, VOLUME_ID, volumes.UpdateOpts())

    assert server.requests == []


def test_delete(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("volumes", VOLUME_ID), Reply(202))

    result = volumes.delete(cinder, VOLUME_ID)

    sent("DELETE", f"/volumes/{VOLUME_ID}")
    assert result.status_code == 202
    assert result.extract_err() is None


def test_delete_with_cascade_and_force_at_3_23(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("DELETE", path("volumes", VOLUME_ID), Reply(202))
    opts = volumes.DeleteOpts(cascade=True, force=True)

    volumes.delete(cinder.with_microversion("3.23"), VOLUME_ID, opts).extract_err()

    sent(
        "DELETE",
        f"/volumes/{VOLUME_ID}",
        query={"cascade": ["true"], "force": ["true"]},
        microversion="3.23",
    )


def test_delete_with_force_needs_3_23(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"DeleteOpts\.force: .* 3\.23"):
        volumes.delete(cinder, VOLUME_ID, volumes.DeleteOpts(force=True))

    assert server.requests == []


def test_delete_in_the_wrong_state_carries_the_server_message(
    server: FakeServer, cinder: ServiceClient
) -> None:
    message = "Invalid volume: Volume status must be available or error or error_restoring"
    server.route(
        "DELETE",
        path("volumes", VOLUME_ID),
        Reply(400, {"badRequest": {"message": message, "code": 400}}),
    )

    result = volumes.delete(cinder, VOLUME_ID)

    with pytest.raises(BadRequestError, match="Volume status must be available"):
        result.extract_err()


# -- look-ups ------------------------------------------------------------------------------


def _named(name: str, volume_id: str) -> dict[str, Any]:
    return {**fx.LISTED_VOLUME, "name": name, "id": volume_id}


def test_find_asks_cinder_for_the_name_and_checks_it(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("volumes", "detail"), Reply(200, {"volumes": [_named("data", "v1")]}))

    got = volumes.find(cinder, "data")

    sent("GET", "/volumes/detail", query={"name": ["data"]})
    assert (got.id, got.name) == ("v1", "data")


def test_find_with_no_match_raises_not_found(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("volumes", "detail"), Reply(200, {"volumes": []}))

    with pytest.raises(ResourceNotFoundError, match="no volume named 'data'"):
        volumes.find(cinder, "data")


def test_find_with_two_matches_names_both(server: FakeServer, cinder: ServiceClient) -> None:
    body = {"volumes": [_named("data", "v1"), _named("data", "v2")]}
    server.route("GET", path("volumes", "detail"), Reply(200, body))

    with pytest.raises(MultipleResourcesFoundError, match="v1, v2"):
        volumes.find(cinder, "data")


def test_id_from_name_uses_the_summary_listing(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    body = {"volumes": [{"id": "v7", "name": "data", "links": []}]}
    server.route("GET", path("volumes"), Reply(200, body))

    assert volumes.id_from_name(cinder, "data") == "v7"

    sent("GET", "/volumes", query={"name": ["data"]})


def test_find_needs_a_name(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="volume name"):
        volumes.find(cinder, "")

    assert server.requests == []


# -- waits ---------------------------------------------------------------------------------


def test_wait_for_status_polls_until_available(server: FakeServer, cinder: ServiceClient) -> None:
    fx_replies = [Reply(200, fx.volume_with(s)) for s in ("creating", "creating", "available")]
    server.route("GET", path("volumes", VOLUME_ID), *fx_replies)
    clock = FakeClock()

    got = volumes.wait_for_status(
        cinder, VOLUME_ID, "available", interval=3, sleep=clock.sleep, clock=clock
    )

    assert got.status == "available"
    assert clock.slept == [3, 3]
    assert len(server.received("GET", path("volumes", VOLUME_ID))) == 3


def test_wait_for_status_stops_at_an_error_state(server: FakeServer, cinder: ServiceClient) -> None:
    replies = [Reply(200, fx.volume_with(s)) for s in ("extending", "error_extending")]
    server.route("GET", path("volumes", VOLUME_ID), *replies)
    clock = FakeClock()

    with pytest.raises(ResourceErrorStateError) as caught:
        volumes.wait_for_status(cinder, VOLUME_ID, "available", sleep=clock.sleep, clock=clock)

    assert caught.value.status == "error_extending"  # as Cinder spells it
    assert caught.value.resource_id == f"volume {VOLUME_ID}"
    assert len(server.requests) == 2


def test_wait_for_status_can_wait_for_an_error_state(
    server: FakeServer, cinder: ServiceClient
) -> None:
    server.route("GET", path("volumes", VOLUME_ID), Reply(200, fx.volume_with("error")))
    clock = FakeClock()

    got = volumes.wait_for_status(cinder, VOLUME_ID, "error", sleep=clock.sleep, clock=clock)

    assert got.status == "error"


def test_wait_for_status_times_out_with_the_last_status(
    server: FakeServer, cinder: ServiceClient
) -> None:
    server.route("GET", path("volumes", VOLUME_ID), Reply(200, fx.volume_with("creating")))
    clock = FakeClock()

    with pytest.raises(WaitTimeoutError) as caught:
        volumes.wait_for_status(
            cinder, VOLUME_ID, "available", timeout=10, interval=4, sleep=clock.sleep, clock=clock
        )

    assert caught.value.last_status == "creating"
    assert caught.value.timeout == 10
    assert sum(clock.slept) == 10
    assert max(clock.slept) == 4
    assert len(server.requests) == len(clock.slept) + 1


def test_wait_for_status_of_a_missing_volume_raises_not_found(
    server: FakeServer, cinder: ServiceClient
) -> None:
    server.route("GET", path("volumes", VOLUME_ID), Reply(404, NOT_FOUND))
    clock = FakeClock()

    with pytest.raises(NotFoundError):
        volumes.wait_for_status(cinder, VOLUME_ID, "available", sleep=clock.sleep, clock=clock)


def test_wait_for_delete_ends_at_404(server: FakeServer, cinder: ServiceClient) -> None:
    server.route(
        "GET",
        path("volumes", VOLUME_ID),
        Reply(200, fx.volume_with("deleting")),
        Reply(404, NOT_FOUND),
    )
    clock = FakeClock()

    assert volumes.wait_for_delete(cinder, VOLUME_ID, sleep=clock.sleep, clock=clock) is None
    assert len(server.requests) == 2


def test_wait_for_delete_stops_at_error_deleting(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("volumes", VOLUME_ID), Reply(200, fx.volume_with("error_deleting")))
    clock = FakeClock()

    with pytest.raises(ResourceErrorStateError, match="went to error_deleting"):
        volumes.wait_for_delete(cinder, VOLUME_ID, sleep=clock.sleep, clock=clock)


def test_wait_refuses_a_bad_id_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    with pytest.raises(ValueError, match="volume_id"):
        volumes.wait_for_status(cinder, "../x", "available")

    assert server.requests == []


# -- metadata -----------------------------------------------------------------------------


def test_list_metadata(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("volumes", VOLUME_ID, "metadata"), Reply(200, fx.METADATA))

    assert volumes.list_metadata(cinder, VOLUME_ID).extract() == {"name": "metadata1"}

    sent("GET", f"/volumes/{VOLUME_ID}/metadata")


@pytest.mark.parametrize(
    ("operation", "method"), [(volumes.set_metadata, "PUT"), (volumes.update_metadata, "POST")]
)
def test_set_and_update_metadata_send_the_items(
    server: FakeServer, cinder: ServiceClient, sent: Sent, operation: Any, method: str
) -> None:
    server.route(method, path("volumes", VOLUME_ID, "metadata"), Reply(200, fx.METADATA))

    got = operation(cinder, VOLUME_ID, {"name": "metadata1"}).extract()

    sent(method, f"/volumes/{VOLUME_ID}/metadata", body=fx.METADATA)
    assert got == {"name": "metadata1"}


def test_one_metadata_item_get_set_and_delete(server: FakeServer, cinder: ServiceClient) -> None:
    item = path("volumes", VOLUME_ID, "metadata", "my%20key")
    server.route("GET", item, Reply(200, {"meta": {"my key": "v1"}}))
    server.route("PUT", item, Reply(200, {"meta": {"my key": "v2"}}))
    server.route("DELETE", item, Reply(200))

    assert volumes.get_metadatum(cinder, VOLUME_ID, "my key").extract() == {"my key": "v1"}
    assert volumes.set_metadatum(cinder, VOLUME_ID, "my key", "v2").extract() == {"my key": "v2"}
    assert volumes.delete_metadatum(cinder, VOLUME_ID, "my key").extract_err() is None

    get, put, delete = server.requests
    assert_request(get, "GET", f"/volumes/{VOLUME_ID}/metadata/my%20key")
    assert_request(
        put, "PUT", f"/volumes/{VOLUME_ID}/metadata/my%20key", body={"meta": {"my key": "v2"}}
    )
    assert_request(delete, "DELETE", f"/volumes/{VOLUME_ID}/metadata/my%20key")


def test_metadata_is_checked_before_any_request(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(ValueError, match="must be a string"):
        volumes.set_metadata(cinder, VOLUME_ID, {"size": 10})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="is 256 characters long"):
        volumes.update_metadata(cinder, VOLUME_ID, {"k" * 256: "v"})
    with pytest.raises(ValueError, match="key"):
        volumes.get_metadatum(cinder, VOLUME_ID, "a/b")

    assert server.requests == []
