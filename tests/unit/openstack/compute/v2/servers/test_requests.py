"""Compute v2 servers: CRUD, listings, look-ups, waits and sub-resources, over loopback."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

import oscloud
from oscloud._model import json_fields
from oscloud.errors import (
    ConflictError,
    MicroversionError,
    MissingInputError,
    MultipleResourcesFoundError,
    NotFoundError,
    ResourceNotFoundError,
)
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.compute.v2._common import ResourceErrorStateError, WaitTimeoutError
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.servers import fixtures as fx
from tests.unit.openstack.compute.v2.servers.fixtures import SERVER_ID, path

UTC = _dt.timezone.utc


# -- get and the Server model across microversions ------------------------------------


def test_get_at_2_1_reads_a_flavor_reference(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.SERVER_V21)

    result = servers.get(compute_client, SERVER_ID)

    sent("GET", f"/servers/{SERVER_ID}")
    assert result.status_code == 200
    got = result.extract()
    assert isinstance(got, servers.Server)
    assert (got.id, got.name, got.status) == (SERVER_ID, "new-server-test", "ACTIVE")
    assert got.created == _dt.datetime(2013, 9, 3, 4, 1, 32, tzinfo=UTC)
    assert got.updated == _dt.datetime(2013, 9, 3, 4, 1, 33, tzinfo=UTC)
    assert got.created.tzinfo is UTC
    assert got.flavor is not None
    assert (got.flavor.id, got.flavor.vcpus, got.flavor.original_name) == ("1", None, None)
    assert got.flavor.links[0].rel == "bookmark"
    assert got.image_id == fx.IMAGE_ID
    assert got.addresses == {
        "private": (
            servers.Address(
                addr="192.168.0.3", version=4, type="fixed", mac_addr="aa:bb:cc:dd:ee:ff"
            ),
        )
    }
    assert got.metadata == {"My Server Name": "Apache1"}
    assert (got.access_ipv4, got.access_ipv6) == ("1.2.3.4", "80fe::")
    assert got.progress == 0
    assert got.host_id == "92154fab69d5883ba2c8622b7e65f745dd33257221c07af363c51b29"
    assert [link.rel for link in got.links] == ["self", "bookmark"]
    # fields of later microversions were not sent: they read as "not given"
    assert (got.locked, got.tags, got.description, got.server_groups) == (None, None, None, None)


def test_get_at_2_47_reads_the_embedded_flavor_and_admin_fields(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.SERVER_V247)

    got = servers.get(compute_client.with_microversion("2.47"), SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}", microversion="2.47")
    assert got.flavor == servers.ServerFlavor(
        original_name="m1.tiny.specs",
        vcpus=1,
        ram=512,
        disk=1,
        ephemeral=0,
        swap=0,
        extra_specs={"hw:numa_nodes": "1"},
    )
    assert got.flavor.id is None
    assert got.launched_at == _dt.datetime(2017, 2, 14, 19, 23, 59, 895661, tzinfo=UTC)
    assert got.terminated_at is None
    assert (got.power_state, got.vm_state, got.task_state) == (1, "active", None)
    assert isinstance(got.power_state, int)
    assert (got.launch_index, got.reservation_id) == (0, "r-ov3q80zj")
    assert isinstance(got.launch_index, int)
    assert (got.host, got.hypervisor_hostname, got.instance_name) == (
        "compute",
        "fake-mini",
        "instance-00000001",
    )
    assert (got.hostname, got.root_device_name, got.kernel_id) == (
        "new-server-test",
        "/dev/sda",
        "",
    )
    assert got.user_data == "IyEvYmluL2Jhc2gKL2Jpbi9zdQplY2hvICJJIGFtIGluIHlvdSEiCg=="
    assert (got.availability_zone, got.host_status, got.locked) == ("us-west", "UP", False)
    assert got.config_drive is False
    assert got.tags == ()
    assert got.security_groups == ("default",)
    assert got.volumes_attached == (
        servers.AttachedVolume(id="volume_id1", delete_on_termination=False),
        servers.AttachedVolume(id="volume_id2", delete_on_termination=False),
    )


def test_get_at_2_73_reads_the_lock_reason(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.SERVER_V273)

    got = servers.get(compute_client.with_microversion("2.73"), SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}", microversion="2.73")
    assert (got.locked, got.locked_reason) == (True, "I don't want to work")
    assert (got.server_groups, got.trusted_image_certificates) == ((), None)


def test_get_at_2_100_reads_hints_pinned_zone_and_image_properties(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.SERVER_V2100)

    got = servers.get(compute_client.with_microversion("2.100"), SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}", microversion="2.100")
    assert got.scheduler_hints == {"same_host": ["48e6a9f6-30af-47e0-bc04-acaed113bb4e"]}
    assert got.pinned_availability_zone == "us-west"
    assert got.image is not None
    assert got.image.properties is not None
    assert got.image.properties["architecture"] == "x86_64"
    assert got.locked_reason is None
    assert got.host is None  # not an administrator's view


def test_get_server_in_a_down_cell_reads_the_partial_server(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.SERVER_DOWN_CELL)

    got = servers.get(compute_client.with_microversion("2.71"), fx.SERVER_DOWN_CELL["server"]["id"])

    sent("GET", f"/servers/{fx.SERVER_DOWN_CELL['server']['id']}", microversion="2.71")
    server_ = got.extract()
    assert (server_.status, server_.name, server_.updated) == ("UNKNOWN", "", None)
    assert server_.server_groups == ("f3d86fe6-4246-4be8-b87c-eb894626c741",)
    assert server_.power_state == 0


def test_get_booted_from_volume_has_no_image(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.server_with(fx.SERVER_V247, image=""))

    got = servers.get(compute_client, SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}")
    assert (got.image, got.image_id) == (None, None)


def test_get_error_server_reads_the_fault(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.SERVER_ERROR)

    got = servers.get(compute_client, SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}")
    assert got.status == "ERROR"
    assert got.fault == servers.Fault(
        code=500,
        message=fx.FAULT_MESSAGE,
        created=_dt.datetime(2023, 4, 5, 6, 7, 8, tzinfo=UTC),
        details="Traceback (most recent call last): ...",
    )


def test_get_missing_server_is_not_found_with_novas_message(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_not_found(server, "GET", path("servers", SERVER_ID))

    result = servers.get(compute_client, SERVER_ID)

    sent("GET", f"/servers/{SERVER_ID}")
    assert isinstance(result.err, NotFoundError)
    assert result.err.message == fx.NOT_FOUND_MESSAGE
    assert result.err.request_id == "req-4e3d2c1b-0a9f-4e8d-b7c6-a5f4e3d2c1b0"
    with pytest.raises(NotFoundError, match="could not be found"):
        result.extract()


@pytest.mark.parametrize(
    ("server_id", "error"),
    [("a/b", ValueError), ("", MissingInputError), (None, MissingInputError)],
)
def test_get_bad_id_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient, server_id: Any, error: type[Exception]
) -> None:
    with pytest.raises(error, match="server_id"):
        servers.get(compute_client, server_id)

    assert server.requests == []


def test_server_repr_hides_the_admin_password() -> None:
    got = servers.Server.from_json(fx.REBUILD_RESPONSE_V247["server"])

    assert got.admin_pass == "seekr3t"
    assert "seekr3t" not in repr(got)


# -- list ---------------------------------------------------------------------------------


def test_list_is_lazy_and_follows_servers_links(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, second = fx.detail_pages(server.url)
    server.route("GET", path("servers", "detail"), Reply(200, first), Reply(200, second))
    client = compute_client.with_microversion("2.47")

    pager = servers.list(client, servers.ListOpts(limit=1))

    assert server.requests == []
    got = list(pager.items())
    assert [s.name for s in got] == ["new-server-test", "new-server-test-2"]
    assert all(isinstance(s, servers.Server) for s in got)
    assert got[0].flavor is not None
    assert got[0].flavor.ram == 512
    assert got[0].created == _dt.datetime(2017, 2, 14, 19, 24, 42, tzinfo=UTC)
    assert [(r.method, r.path, r.query) for r in server.requests] == [
        ("GET", path("servers", "detail"), {"limit": ["1"]}),
        (
            "GET",
            path("servers", "detail"),
            {"limit": ["1"], "marker": ["764e369e-a874-4401-b7ce-43e4760888da"]},
        ),
    ]
    for recorded in server.requests:
        assert recorded.headers["X-OpenStack-Nova-API-Version"] == "2.47"
        assert recorded.headers["OpenStack-API-Version"] == "compute 2.47"


def test_list_sends_every_filter_with_its_wire_name(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("servers", "detail"), Reply(200, {"servers": []}))
    opts = servers.ListOpts(
        name="^web",
        status="ACTIVE",
        image=fx.IMAGE_ID,
        flavor="1",
        changes_since=_dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        changes_before=_dt.datetime(2024, 2, 1, tzinfo=_dt.timezone(_dt.timedelta(hours=2))),
        host="compute",
        all_tenants=True,
        tenant_id=fx.TENANT_ID,
        user_id="fake",
        ip="10\\.0\\.0\\.",
        ip6="fe80::",
        tags=["a", "b"],
        tags_any=["c"],
        not_tags=["d", "e"],
        not_tags_any=["f"],
        locked=False,
        availability_zone="nova",
        sort_key=["display_name", "created_at"],
        sort_dir=["asc", "desc"],
        limit=50,
        marker="764e369e",
        deleted=True,
        power_state=1,
    )

    got = servers.extract_servers(
        servers.list(compute_client.with_microversion("2.73"), opts).all_pages()
    )

    assert got == []
    sent(
        "GET",
        "/servers/detail",
        microversion="2.73",
        query={
            "all_tenants": ["true"],
            "availability_zone": ["nova"],
            "changes-before": ["2024-01-31T22:00:00Z"],
            "changes-since": ["2024-01-02T03:04:05Z"],
            "deleted": ["true"],
            "flavor": ["1"],
            "host": ["compute"],
            "image": [fx.IMAGE_ID],
            "ip": ["10\\.0\\.0\\."],
            "ip6": ["fe80::"],
            "limit": ["50"],
            "locked": ["false"],
            "marker": ["764e369e"],
            "name": ["^web"],
            "not-tags": ["d,e"],
            "not-tags-any": ["f"],
            "power_state": ["1"],
            "sort_dir": ["asc", "desc"],
            "sort_key": ["display_name", "created_at"],
            "status": ["ACTIVE"],
            "tags": ["a,b"],
            "tags-any": ["c"],
            "tenant_id": [fx.TENANT_ID],
            "user_id": ["fake"],
        },
    )


def test_list_simple_reads_ids_names_and_stops_when_the_handler_says_so(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    first, second = fx.summary_pages(server.url)
    server.route("GET", path("servers"), Reply(200, first), Reply(200, second))
    seen: list[list[servers.Server]] = []

    def handle(page: Any) -> bool:
        seen.append(servers.extract_servers(page))
        return False

    servers.list_simple(compute_client, servers.ListOpts(limit=1)).each_page(handle)

    sent("GET", "/servers", query={"limit": ["1"]})
    assert [[(s.id, s.name) for s in page] for page in seen] == [
        [("6e3a87e6-a133-452e-86e1-a31291c1b1c8", "new-server-test")]
    ]
    assert seen[0][0].status == ""  # the summary has no status
    assert seen[0][0].links[0].rel == "self"


def test_list_all_pages_collects_every_page(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, second = fx.summary_pages(server.url)
    server.route("GET", path("servers"), Reply(200, first), Reply(200, second))

    page = servers.list_simple(compute_client).all_pages()

    assert [s.name for s in servers.extract_servers(page)] == ["new-server-test", "other-server"]
    assert [r.query for r in server.requests] == [
        {},
        {"limit": ["1"], "marker": ["6e3a87e6-a133-452e-86e1-a31291c1b1c8"]},
    ]


@pytest.mark.parametrize("tags", [["a,b"], ["a/b"], [""], ["x" * 61], "web"])
def test_list_malformed_tag_filter_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient, tags: Any
) -> None:
    with pytest.raises(ValueError, match="tag"):
        servers.list(compute_client.with_microversion("2.26"), servers.ListOpts(tags=tags))

    assert server.requests == []


@pytest.mark.parametrize(
    ("opts", "version", "field"),
    [
        (servers.ListOpts(tags=["web"]), "2.25", "ListOpts.tags"),
        (servers.ListOpts(not_tags_any=["web"]), "2.25", "ListOpts.not_tags_any"),
        (
            servers.ListOpts(changes_before=_dt.datetime(2024, 1, 1, tzinfo=UTC)),
            "2.65",
            "ListOpts.changes_before",
        ),
        (servers.ListOpts(locked=True), "2.72", "ListOpts.locked"),
    ],
)
def test_list_filter_of_a_newer_microversion_is_refused_before_any_request(
    server: FakeServer,
    compute_client: ServiceClient,
    opts: servers.ListOpts,
    version: str,
    field: str,
) -> None:
    with pytest.raises(MicroversionError, match=rf"^{field}: compute microversion"):
        servers.list(compute_client.with_microversion(version), opts)

    assert server.requests == []


def test_filters_that_nova_opens_to_everyone_later_are_sent_at_any_microversion(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    """``ip6`` (2.5), ``user_id`` (2.83), ``hostname`` (2.90): administrators use them at 2.1."""
    server.route("GET", path("servers", "detail"), Reply(200, {"servers": []}))
    opts = servers.ListOpts(ip6="fe80::", user_id="fake", hostname="web-1", description="d")

    servers.list(compute_client, opts).all_pages()

    sent(
        "GET",
        "/servers/detail",
        query={
            "description": ["d"],
            "hostname": ["web-1"],
            "ip6": ["fe80::"],
            "user_id": ["fake"],
        },
    )


# -- create ----------------------------------------------------------------------------


def test_create_sends_every_field_and_reads_the_created_server(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("servers"), Reply(202, fx.CREATE_RESPONSE))
    opts = servers.CreateOpts(
        name="new-server-test",
        image_ref=fx.IMAGE_ID,
        flavor_ref="1",
        networks=[
            servers.Network(uuid="ff608d40-75e9-48cb-b745-77bb55b5eaf2", tag="nic1"),
            servers.Network(port="2e8a0b4e-7c2f-4f6a-9a3e-1b7e5b1c9d10", fixed_ip="10.0.0.5"),
        ],
        security_groups=["default", "web"],
        metadata={"My Server Name": "Apache1"},
        user_data=b'#!/bin/bash\n/bin/su\necho "I am in you!"\n',
        key_name="keypair-1",
        availability_zone="us-west",
        block_device_mapping_v2=[
            servers.BlockDevice(
                source_type=servers.SourceType.BLANK,
                destination_type=servers.DestinationType.LOCAL,
                boot_index=-1,
                volume_size=1,
                guest_format="ext4",
                delete_on_termination=True,
                tag="disk1",
            )
        ],
        scheduler_hints={"same_host": "48e6a9f6-30af-47e0-bc04-acaed113bb4e"},
        config_drive=True,
        tags=["web", "prod"],
        description="a web server",
        min_count=1,
        max_count=1,
        admin_pass="Sekr1t-pass",
        access_ipv4="1.2.3.4",
        access_ipv6="80fe::",
        hostname="custom-hostname",
    )

    result = servers.create(compute_client.with_microversion("2.90"), opts)

    sent(
        "POST",
        "/servers",
        microversion="2.90",
        body={
            "server": {
                "name": "new-server-test",
                "imageRef": fx.IMAGE_ID,
                "flavorRef": "1",
                "networks": [
                    {"uuid": "ff608d40-75e9-48cb-b745-77bb55b5eaf2", "tag": "nic1"},
                    {"port": "2e8a0b4e-7c2f-4f6a-9a3e-1b7e5b1c9d10", "fixed_ip": "10.0.0.5"},
                ],
                "security_groups": [{"name": "default"}, {"name": "web"}],
                "metadata": {"My Server Name": "Apache1"},
                "user_data": "IyEvYmluL2Jhc2gKL2Jpbi9zdQplY2hvICJJIGFtIGluIHlvdSEiCg==",
                "key_name": "keypair-1",
                "availability_zone": "us-west",
                "block_device_mapping_v2": [
                    {
                        "boot_index": -1,
                        "delete_on_termination": True,
                        "destination_type": "local",
                        "guest_format": "ext4",
                        "source_type": "blank",
                        "volume_size": 1,
                        "tag": "disk1",
                    }
                ],
                "config_drive": True,
                "tags": ["web", "prod"],
                "description": "a web server",
                "min_count": 1,
                "max_count": 1,
                "adminPass": "Sekr1t-pass",
                "accessIPv4": "1.2.3.4",
                "accessIPv6": "80fe::",
                "hostname": "custom-hostname",
            },
            "os:scheduler_hints": {"same_host": "48e6a9f6-30af-47e0-bc04-acaed113bb4e"},
        },
    )
    assert result.status_code == 202
    created = result.extract()
    assert isinstance(created, servers.CreatedServer)
    assert (created.id, created.admin_pass) == (fx.CREATED_ID, "6NpUwoz2QDRN")
    assert created.security_groups == ("default",)
    assert created.links[0].href.endswith(f"/servers/{fx.CREATED_ID}")
    assert "6NpUwoz2QDRN" not in repr(created)
    assert "Sekr1t-pass" not in repr(opts)


@pytest.mark.parametrize("networks", ["auto", "none"])
def test_create_with_automatic_or_no_networking(
    server: FakeServer, compute_client: ServiceClient, sent: Sent, networks: str
) -> None:
    server.route("POST", path("servers"), Reply(202, fx.CREATE_RESPONSE))
    opts = servers.CreateOpts(
        name="auto-allocate-network", image_ref=fx.IMAGE_ID, flavor_ref="1", networks=networks
    )

    created = servers.create(compute_client.with_microversion("2.37"), opts).extract()

    sent(
        "POST",
        "/servers",
        microversion="2.37",
        body={
            "server": {
                "name": "auto-allocate-network",
                "imageRef": fx.IMAGE_ID,
                "flavorRef": "1",
                "networks": networks,
            }
        },
    )
    assert created.id == fx.CREATED_ID


def test_create_booting_from_a_volume_needs_no_image(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("servers"), Reply(202, fx.CREATE_RESPONSE))
    opts = servers.CreateOpts(
        name="device-tagging-server",
        flavor_ref="http://openstack.example.com/flavors/1",
        networks=[servers.Network(uuid="ff608d40-75e9-48cb-b745-77bb55b5eaf2", tag="nic1")],
        block_device_mapping_v2=[
            servers.BlockDevice(
                uuid=fx.IMAGE_ID,
                source_type="image",
                destination_type="volume",
                boot_index=0,
                volume_size=1,
                tag="disk1",
            )
        ],
    )

    servers.create(compute_client.with_microversion("2.42"), opts).extract()

    sent(
        "POST",
        "/servers",
        microversion="2.42",
        body={
            "server": {
                "name": "device-tagging-server",
                "flavorRef": "http://openstack.example.com/flavors/1",
                "networks": [{"uuid": "ff608d40-75e9-48cb-b745-77bb55b5eaf2", "tag": "nic1"}],
                "block_device_mapping_v2": [
                    {
                        "uuid": fx.IMAGE_ID,
                        "source_type": "image",
                        "destination_type": "volume",
                        "boot_index": 0,
                        "volume_size": 1,
                        "tag": "disk1",
                    }
                ],
            }
        },
    )


def test_create_with_return_reservation_id_reads_the_reservation(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("servers"), Reply(202, fx.RESERVATION_RESPONSE))
    opts = servers.CreateOpts(
        name="new-server-test",
        image_ref=fx.IMAGE_ID,
        flavor_ref="1",
        min_count=2,
        max_count=3,
        return_reservation_id=True,
    )

    result = servers.create(compute_client, opts)

    sent(
        "POST",
        "/servers",
        body={
            "server": {
                "name": "new-server-test",
                "imageRef": fx.IMAGE_ID,
                "flavorRef": "1",
                "min_count": 2,
                "max_count": 3,
                "return_reservation_id": True,
            }
        },
    )
    assert result.extract_reservation_id() == "r-3fhpjulh"


@pytest.mark.parametrize(
    ("fields", "error", "match"),
    [
        ({"flavor_ref": "1"}, MissingInputError, "image_ref is required"),
        (
            {
                "flavor_ref": "1",
                "block_device_mapping_v2": [
                    servers.BlockDevice(source_type="volume", uuid="v1", boot_index=1)
                ],
            },
            MissingInputError,
            "image_ref is required",
        ),
        ({"image_ref": fx.IMAGE_ID}, MissingInputError, "flavor_ref is required"),
        (
            {"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "metadata": {"": "x"}},
            ValueError,
            "non-empty",
        ),
        (
            {"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "metadata": {"k" * 256: "x"}},
            ValueError,
            "256 characters long; the limit is 255",
        ),
        (
            {"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "metadata": {"k": "v" * 256}},
            ValueError,
            "limit is 255",
        ),
        (
            {"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "metadata": {"k": 1}},
            ValueError,
            "must be a string",
        ),
        ({"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "networks": "any"}, ValueError, "auto"),
        (
            {"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "networks": [servers.Network()]},
            MissingInputError,
            "uuid or a port",
        ),
        (
            {
                "image_ref": fx.IMAGE_ID,
                "flavor_ref": "1",
                "block_device_mapping_v2": [servers.BlockDevice(uuid="v1", boot_index=0)],
            },
            MissingInputError,
            "BlockDevice.source_type is required",
        ),
        (
            {"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "security_groups": "default"},
            ValueError,
            "list of names",
        ),
        ({"image_ref": fx.IMAGE_ID, "flavor_ref": "1", "user_data": 5}, ValueError, "bytes"),
    ],
)
def test_create_bad_input_raises_before_any_request(
    server: FakeServer,
    compute_client: ServiceClient,
    fields: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    opts = servers.CreateOpts(name="web", **fields)

    with pytest.raises(error, match=match):
        servers.create(compute_client, opts)

    assert server.requests == []


# -- update and delete --------------------------------------------------------------


def test_update_sends_the_changes_and_reads_the_server(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", path("servers", SERVER_ID), Reply(200, fx.UPDATE_RESPONSE_V290))
    opts = servers.UpdateOpts(
        access_ipv4="4.3.2.1",
        access_ipv6="80fe::",
        hostname="new-server-hostname",
        description=oscloud.NULL,
    )

    got = servers.update(compute_client.with_microversion("2.90"), SERVER_ID, opts).extract()

    sent(
        "PUT",
        f"/servers/{SERVER_ID}",
        microversion="2.90",
        body={
            "server": {
                "description": None,
                "accessIPv4": "4.3.2.1",
                "accessIPv6": "80fe::",
                "hostname": "new-server-hostname",
            }
        },
    )
    assert isinstance(got, servers.Server)
    assert got.hostname == "new-server-hostname"
    assert got.updated == _dt.datetime(2013, 9, 3, 4, 1, 33, tzinfo=UTC)


def test_update_bad_id_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with pytest.raises(ValueError, match="server_id"):
        servers.update(compute_client, "../x", servers.UpdateOpts(name="n"))

    assert server.requests == []


def test_delete(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("servers", SERVER_ID), Reply(204))

    result = servers.delete(compute_client, SERVER_ID)

    sent("DELETE", f"/servers/{SERVER_ID}")
    assert result.status_code == 204
    result.extract_err()


def test_delete_locked_server_is_a_conflict(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("DELETE", path("servers", SERVER_ID), Reply(409, fx.LOCKED))

    result = servers.delete(compute_client, SERVER_ID)

    sent("DELETE", f"/servers/{SERVER_ID}")
    with pytest.raises(ConflictError) as caught:
        result.extract_err()
    assert caught.value.message == fx.LOCKED_MESSAGE


# -- find and id_from_name --------------------------------------------------------------


def test_find_escapes_the_name_and_keeps_the_exact_match(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    exact = fx.server_with(fx.SERVER_V247, name="web (1).example")["server"]
    near = fx.server_with(fx.SERVER_V247, id="other", name="web (1).example-old")["server"]
    server.route("GET", path("servers", "detail"), Reply(200, {"servers": [near, exact]}))

    got = servers.find(compute_client, "web (1).example")

    sent("GET", "/servers/detail", query={"name": [r"^web \(1\)\.example$"]})
    assert (got.id, got.name) == (SERVER_ID, "web (1).example")
    assert got.flavor is not None  # the detailed listing


def test_id_from_name_uses_the_summary_listing(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    first, _ = fx.summary_pages(server.url)
    server.route("GET", path("servers"), Reply(200, {"servers": first["servers"]}))

    got = servers.id_from_name(compute_client, "new-server-test")

    sent("GET", "/servers", query={"name": ["^new-server-test$"]})
    assert got == "6e3a87e6-a133-452e-86e1-a31291c1b1c8"


def test_find_nothing_raises_resource_not_found(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    near = fx.server_with(fx.SERVER_V247, name="web-10")["server"]
    server.route("GET", path("servers", "detail"), Reply(200, {"servers": [near]}))

    with pytest.raises(ResourceNotFoundError, match="no server named 'web-1'"):
        servers.find(compute_client, "web-1")


def test_find_several_raises_multiple_found(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    one = fx.server_with(fx.SERVER_V247, id="id-1")["server"]
    two = fx.server_with(fx.SERVER_V247, id="id-2")["server"]
    server.route("GET", path("servers", "detail"), Reply(200, {"servers": [one, two]}))

    with pytest.raises(MultipleResourcesFoundError, match=r"2 servers .*: id-1, id-2"):
        servers.find(compute_client, "new-server-test")


def test_find_without_a_name_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with pytest.raises(MissingInputError):
        servers.id_from_name(compute_client, "")

    assert server.requests == []


# -- waiting ------------------------------------------------------------------------------


class FakeClock:
    """A clock that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _status(status: str, **extra: Any) -> dict[str, Any]:
    return fx.server_with(fx.SERVER_V247, status=status, **extra)


def test_wait_for_status_polls_until_the_status(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_get(server, _status("BUILD"), _status("BUILD"), _status("ACTIVE"))
    clock = FakeClock()

    got = servers.wait_for_status(
        compute_client, SERVER_ID, "active", interval=2, sleep=clock.sleep, clock=clock
    )

    assert got.status == "ACTIVE"
    assert clock.sleeps == [2, 2]
    assert [r.path for r in server.requests] == [path("servers", SERVER_ID)] * 3


def test_wait_for_status_stops_on_error_with_the_fault(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_get(server, _status("BUILD"), fx.SERVER_ERROR)
    clock = FakeClock()

    with pytest.raises(ResourceErrorStateError) as caught:
        servers.wait_for_status(compute_client, SERVER_ID, "ACTIVE", sleep=clock.sleep, clock=clock)

    assert caught.value.fault == fx.FAULT_MESSAGE
    assert caught.value.status == "ERROR"
    assert str(caught.value) == (
        f"server {SERVER_ID} went to ERROR while waiting for ACTIVE: {fx.FAULT_MESSAGE}"
    )
    assert len(server.requests) == 2


def test_wait_for_status_times_out_with_the_last_status(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_get(server, _status("BUILD"))
    clock = FakeClock()

    with pytest.raises(WaitTimeoutError) as caught:
        servers.wait_for_status(
            compute_client,
            SERVER_ID,
            "ACTIVE",
            timeout=10,
            interval=4,
            sleep=clock.sleep,
            clock=clock,
        )

    assert (caught.value.last_status, caught.value.wanted) == ("BUILD", "ACTIVE")
    assert isinstance(caught.value, TimeoutError)
    assert clock.sleeps == [4, 4, 2]  # never past the deadline
    assert len(server.requests) == 4


def test_wait_for_status_of_a_missing_server_raises_not_found(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_not_found(server, "GET", path("servers", SERVER_ID))
    clock = FakeClock()

    with pytest.raises(NotFoundError):
        servers.wait_for_status(compute_client, SERVER_ID, "ACTIVE", sleep=clock.sleep, clock=clock)


def test_wait_for_delete_ends_on_404(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route(
        "GET",
        path("servers", SERVER_ID),
        Reply(200, _status("ACTIVE", **{"OS-EXT-STS:task_state": "deleting"})),
        Reply(404, fx.ITEM_NOT_FOUND),
    )
    clock = FakeClock()

    servers.wait_for_delete(compute_client, SERVER_ID, sleep=clock.sleep, clock=clock)

    assert clock.sleeps == [5.0]
    assert len(server.requests) == 2


def test_wait_for_delete_ends_on_soft_deleted(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_get(server, _status("SOFT_DELETED"))
    clock = FakeClock()

    servers.wait_for_delete(compute_client, SERVER_ID, sleep=clock.sleep, clock=clock)

    assert clock.sleeps == []


# -- metadata -------------------------------------------------------------------------


def test_list_metadata(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("servers", SERVER_ID, "metadata"), Reply(200, fx.METADATA))

    got = servers.list_metadata(compute_client, SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}/metadata")
    assert got == {"foo": "Foo Value"}


def test_set_metadata_replaces_all(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", path("servers", SERVER_ID, "metadata"), Reply(200, fx.METADATA))

    got = servers.set_metadata(compute_client, SERVER_ID, {"foo": "Foo Value"}).extract()

    sent("PUT", f"/servers/{SERVER_ID}/metadata", body={"metadata": {"foo": "Foo Value"}})
    assert got == {"foo": "Foo Value"}


def test_update_metadata_merges(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    merged = {"metadata": {"foo": "Foo Value", "env": "prod"}}
    server.route("POST", path("servers", SERVER_ID, "metadata"), Reply(200, merged))

    got = servers.update_metadata(
        compute_client.with_microversion("2.79"), SERVER_ID, {"env": "prod"}
    ).extract()

    sent(
        "POST",
        f"/servers/{SERVER_ID}/metadata",
        microversion="2.79",
        body={"metadata": {"env": "prod"}},
    )
    assert got == {"foo": "Foo Value", "env": "prod"}


def test_get_metadatum(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("servers", SERVER_ID, "metadata", "foo"), Reply(200, fx.METADATUM))

    got = servers.get_metadatum(compute_client, SERVER_ID, "foo").extract()

    sent("GET", f"/servers/{SERVER_ID}/metadata/foo")
    assert got == {"foo": "Foo Value"}


def test_get_missing_metadatum_is_not_found(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    message = "Metadata item was not found"
    server.route(
        "GET",
        path("servers", SERVER_ID, "metadata", "nope"),
        Reply(404, {"itemNotFound": {"code": 404, "message": message}}),
    )

    result = servers.get_metadatum(compute_client, SERVER_ID, "nope")

    sent("GET", f"/servers/{SERVER_ID}/metadata/nope")
    with pytest.raises(NotFoundError, match=message):
        result.extract()


def test_set_metadatum_quotes_the_key(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    meta = {"meta": {"My Key": "Bar"}}
    server.route("PUT", path("servers", SERVER_ID, "metadata", "My%20Key"), Reply(200, meta))

    got = servers.set_metadatum(compute_client, SERVER_ID, "My Key", "Bar").extract()

    # the server decodes nothing: the path arrives percent-encoded
    sent("PUT", f"/servers/{SERVER_ID}/metadata/My%20Key", body=meta)
    assert got == {"My Key": "Bar"}


def test_delete_metadatum(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("servers", SERVER_ID, "metadata", "foo"), Reply(204))

    result = servers.delete_metadatum(compute_client, SERVER_ID, "foo")

    sent("DELETE", f"/servers/{SERVER_ID}/metadata/foo")
    result.extract_err()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda c: servers.set_metadata(c, SERVER_ID, {"": "x"}), "non-empty"),
        (lambda c: servers.update_metadata(c, SERVER_ID, {"k": "v" * 256}), "limit is 255"),
        (lambda c: servers.set_metadatum(c, SERVER_ID, "k", 1), "must be a string"),  # type: ignore[arg-type]
        (lambda c: servers.set_metadatum(c, SERVER_ID, "a/b", "v"), "must not contain '/'"),
        (lambda c: servers.get_metadatum(c, SERVER_ID, "a/b"), "must not contain '/'"),
        (lambda c: servers.delete_metadatum(c, SERVER_ID, ""), "key is required"),
        (lambda c: servers.list_metadata(c, "a/b"), "server_id must not contain"),
    ],
)
def test_metadata_bad_input_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient, call: Any, match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        call(compute_client)

    assert server.requests == []


# -- addresses ------------------------------------------------------------------------


def test_list_addresses(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("servers", SERVER_ID, "ips"), Reply(200, fx.IPS))

    got = servers.list_addresses(compute_client, SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}/ips")
    assert got == {"private": (servers.Address(addr="192.168.1.30", version=4),)}


def test_list_addresses_by_network(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("servers", SERVER_ID, "ips", "private"), Reply(200, fx.IPS_PRIVATE))

    got = servers.list_addresses_by_network(compute_client, SERVER_ID, "private").extract()

    sent("GET", f"/servers/{SERVER_ID}/ips/private")
    assert got == (servers.Address(addr="192.168.1.30", version=4),)
    assert isinstance(got[0].version, int)


def test_list_addresses_on_an_unknown_network_is_not_found(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    message = "There is no such network in the instance"
    server.route(
        "GET",
        path("servers", SERVER_ID, "ips", "public"),
        Reply(404, {"itemNotFound": {"code": 404, "message": message}}),
    )

    result = servers.list_addresses_by_network(compute_client, SERVER_ID, "public")

    sent("GET", f"/servers/{SERVER_ID}/ips/public")
    with pytest.raises(NotFoundError, match=message):
        result.extract()


# -- instance actions -----------------------------------------------------------------


def test_list_instance_actions_pages_from_2_58(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, second = fx.instance_action_pages(server.url)
    server_id = first["instanceActions"][0]["instance_uuid"]
    route = path("servers", server_id, "os-instance-actions")
    server.route("GET", route, Reply(200, first), Reply(200, second))
    opts = servers.ListInstanceActionsOpts(
        limit=1, changes_since=_dt.datetime(2017, 12, 7, 11, 0, tzinfo=UTC)
    )

    got = list(
        servers.list_instance_actions(
            compute_client.with_microversion("2.58"), server_id, opts
        ).items()
    )

    assert [(a.action, a.request_id) for a in got] == [
        ("stop", "req-e80018f1-c5bd-45ee-aaa9-290f2f5ef7bc"),
        ("create", "req-c8fd339d-d2bf-43c2-a98a-84328281f83e"),
    ]
    assert got[0].start_time == _dt.datetime(2017, 12, 7, 11, 7, 6, 88644, tzinfo=UTC)
    assert got[0].updated_at == _dt.datetime(2017, 12, 7, 11, 7, 6, 431902, tzinfo=UTC)
    assert got[0].events == ()
    assert [(r.path, r.query) for r in server.requests] == [
        (route, {"limit": ["1"], "changes-since": ["2017-12-07T11:00:00Z"]}),
        (route, {"limit": ["1"], "marker": ["req-e80018f1-c5bd-45ee-aaa9-290f2f5ef7bc"]}),
    ]
    assert all(r.headers["OpenStack-API-Version"] == "compute 2.58" for r in server.requests)


def test_list_instance_actions_before_2_58_is_one_page(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    first, second = fx.instance_action_pages(server.url)
    body = {"instanceActions": first["instanceActions"] + second["instanceActions"]}
    server.route("GET", path("servers", SERVER_ID, "os-instance-actions"), Reply(200, body))

    page = servers.list_instance_actions(compute_client, SERVER_ID).all_pages()

    sent("GET", f"/servers/{SERVER_ID}/os-instance-actions")
    assert [a.action for a in servers.extract_instance_actions(page)] == ["stop", "create"]


@pytest.mark.parametrize(
    ("opts", "version", "match"),
    [
        (
            servers.ListInstanceActionsOpts(limit=1),
            "2.57",
            r"ListInstanceActionsOpts\.limit.*2\.58",
        ),
        (
            servers.ListInstanceActionsOpts(
                changes_before=_dt.datetime(2017, 12, 7, 11, 0, tzinfo=UTC)
            ),
            "2.65",
            r"ListInstanceActionsOpts\.changes_before.*2\.66",
        ),
    ],
)
def test_list_instance_actions_paging_needs_2_58(
    server: FakeServer,
    compute_client: ServiceClient,
    opts: servers.ListInstanceActionsOpts,
    version: str,
    match: str,
) -> None:
    with pytest.raises(MicroversionError, match=match):
        servers.list_instance_actions(compute_client.with_microversion(version), SERVER_ID, opts)

    assert server.requests == []


def test_get_instance_action_at_2_84_reads_the_events(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    route = path("servers", SERVER_ID, "os-instance-actions", fx.REQUEST_ID)
    server.route("GET", route, Reply(200, fx.INSTANCE_ACTION_V284))

    got = servers.get_instance_action(
        compute_client.with_microversion("2.84"), SERVER_ID, fx.REQUEST_ID
    ).extract()

    sent("GET", f"/servers/{SERVER_ID}/os-instance-actions/{fx.REQUEST_ID}", microversion="2.84")
    assert isinstance(got, servers.InstanceAction)
    assert (got.action, got.user_id, got.message) == ("stop", "admin", None)
    assert got.events == (
        servers.InstanceActionEvent(
            event="compute_stop_instance",
            start_time=_dt.datetime(2018, 4, 25, 1, 26, 36, 539271, tzinfo=UTC),
            finish_time=_dt.datetime(2018, 4, 25, 1, 26, 36, 790544, tzinfo=UTC),
            result="Success",
            host="compute",
            host_id="2091634baaccdc4c5a1d57069c833e402921df696b7f970791b12ec6",
        ),
    )


def test_get_instance_action_at_2_21(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    request_id = fx.INSTANCE_ACTION_V221["instanceAction"]["request_id"]
    route = path("servers", SERVER_ID, "os-instance-actions", request_id)
    server.route("GET", route, Reply(200, fx.INSTANCE_ACTION_V221))

    got = servers.get_instance_action(
        compute_client.with_microversion("2.21"), SERVER_ID, request_id
    ).extract()

    sent("GET", f"/servers/{SERVER_ID}/os-instance-actions/{request_id}", microversion="2.21")
    assert [e.event for e in got.events] == ["schedule", "compute_create"]
    assert got.events[0].traceback is None
    assert got.updated_at is None
    assert got.start_time == _dt.datetime(2012, 12, 5, tzinfo=UTC)


# -- tags (2.26) --------------------------------------------------------------------------


@pytest.fixture
def tagging(compute_client: ServiceClient) -> ServiceClient:
    return compute_client.with_microversion("2.26")


def test_list_tags(server: FakeServer, tagging: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("servers", SERVER_ID, "tags"), Reply(200, fx.TAGS))

    got = servers.list_tags(tagging, SERVER_ID).extract()

    sent("GET", f"/servers/{SERVER_ID}/tags", microversion="2.26")
    assert got == ["sometag"]


def test_replace_tags(server: FakeServer, tagging: ServiceClient, sent: Sent) -> None:
    server.route("PUT", path("servers", SERVER_ID, "tags"), Reply(200, fx.TAGS))

    got = servers.replace_tags(tagging, SERVER_ID, ("sometag",)).extract()

    sent("PUT", f"/servers/{SERVER_ID}/tags", microversion="2.26", body={"tags": ["sometag"]})
    assert got == ["sometag"]


@pytest.mark.parametrize("status", [201, 204])
def test_add_tag(server: FakeServer, tagging: ServiceClient, sent: Sent, status: int) -> None:
    location = f"http://openstack.example.com/v2.1/servers/{SERVER_ID}/tags/web"
    server.route(
        "PUT",
        path("servers", SERVER_ID, "tags", "web"),
        Reply(status, headers={"Location": location}),
    )

    result = servers.add_tag(tagging, SERVER_ID, "web")

    sent("PUT", f"/servers/{SERVER_ID}/tags/web", microversion="2.26")
    result.extract_err()
    assert result.status_code == status


@pytest.mark.parametrize(("status", "expected"), [(204, True), (404, False)])
def test_check_tag(
    server: FakeServer, tagging: ServiceClient, sent: Sent, status: int, expected: bool
) -> None:
    body = None if status == 204 else {"itemNotFound": {"code": 404, "message": "no tag"}}
    server.route("GET", path("servers", SERVER_ID, "tags", "web"), Reply(status, body))

    got = servers.check_tag(tagging, SERVER_ID, "web").extract()

    sent("GET", f"/servers/{SERVER_ID}/tags/web", microversion="2.26")
    assert got is expected


def test_delete_tag(server: FakeServer, tagging: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("servers", SERVER_ID, "tags", "web"), Reply(204))

    servers.delete_tag(tagging, SERVER_ID, "web").extract_err()

    sent("DELETE", f"/servers/{SERVER_ID}/tags/web", microversion="2.26")


def test_delete_all_tags(server: FakeServer, tagging: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("servers", SERVER_ID, "tags"), Reply(204))

    servers.delete_all_tags(tagging, SERVER_ID).extract_err()

    sent("DELETE", f"/servers/{SERVER_ID}/tags", microversion="2.26")


def test_delete_tag_of_a_missing_server_is_not_found(
    server: FakeServer, tagging: ServiceClient, sent: Sent
) -> None:
    fx.handle_not_found(server, "DELETE", path("servers", SERVER_ID, "tags", "web"))

    result = servers.delete_tag(tagging, SERVER_ID, "web")

    sent("DELETE", f"/servers/{SERVER_ID}/tags/web", microversion="2.26")
    with pytest.raises(NotFoundError, match=fx.NOT_FOUND_MESSAGE):
        result.extract_err()


@pytest.mark.parametrize(
    "call",
    [
        lambda c: servers.add_tag(c, SERVER_ID, "a,b"),
        lambda c: servers.add_tag(c, SERVER_ID, "a/b"),
        lambda c: servers.check_tag(c, SERVER_ID, ""),
        lambda c: servers.delete_tag(c, SERVER_ID, "t" * 61),
        lambda c: servers.replace_tags(c, SERVER_ID, ["ok", "not,ok"]),
        lambda c: servers.replace_tags(c, SERVER_ID, "web"),
    ],
)
def test_malformed_tags_raise_before_any_request(
    server: FakeServer, tagging: ServiceClient, call: Any
) -> None:
    with pytest.raises(ValueError, match="tag"):
        call(tagging)

    assert server.requests == []


@pytest.mark.parametrize("microversion", [None, "2.25"])
def test_tags_need_microversion_2_26(
    server: FakeServer, compute_client: ServiceClient, microversion: str | None
) -> None:
    client = compute_client.with_microversion(microversion)

    with pytest.raises(MicroversionError, match=r"2\.26"):
        servers.list_tags(client, SERVER_ID)

    assert server.requests == []


# -- microversions of create and update, disk config ----------------------------------


def _create(**fields: Any) -> servers.CreateOpts:
    return servers.CreateOpts(name="web", image_ref=fx.IMAGE_ID, flavor_ref="1", **fields)


@pytest.mark.parametrize(
    ("opts", "version", "field"),
    [
        (_create(description="d"), "2.18", "CreateOpts.description"),
        (_create(tags=["web"]), "2.51", "CreateOpts.tags"),
        (
            _create(trusted_image_certificates=["c1"]),
            "2.62",
            "CreateOpts.trusted_image_certificates",
        ),
        (_create(host="compute-1"), "2.73", "CreateOpts.host"),
        (_create(hypervisor_hostname="node-1"), "2.73", "CreateOpts.hypervisor_hostname"),
        (_create(hostname="web-1"), "2.89", "CreateOpts.hostname"),
        (_create(networks=[servers.Network(uuid="n1", tag="nic1")]), "2.41", "Network.tag"),
        (
            _create(block_device_mapping_v2=[servers.BlockDevice(source_type="blank", tag="d")]),
            "2.41",
            "BlockDevice.tag",
        ),
        (
            _create(
                block_device_mapping_v2=[
                    servers.BlockDevice(source_type="blank", volume_type="ssd")
                ]
            ),
            "2.66",
            "BlockDevice.volume_type",
        ),
        (_create(networks="auto"), "2.36", "CreateOpts.networks='auto'"),
        (_create(networks="none"), None, "CreateOpts.networks='none'"),
    ],
)
def test_create_field_of_a_newer_microversion_is_refused_before_any_request(
    server: FakeServer,
    compute_client: ServiceClient,
    opts: servers.CreateOpts,
    version: str | None,
    field: str,
) -> None:
    client = compute_client.with_microversion(version)

    with pytest.raises(MicroversionError, match=rf"^{field}: compute microversion \d"):
        servers.create(client, opts)

    assert server.requests == []


@pytest.mark.parametrize(
    ("opts", "version", "field"),
    [
        (servers.UpdateOpts(description="d"), "2.18", "UpdateOpts.description"),
        (servers.UpdateOpts(description=oscloud.NULL), None, "UpdateOpts.description"),
        (servers.UpdateOpts(hostname="web-1"), "2.89", "UpdateOpts.hostname"),
    ],
)
def test_update_field_of_a_newer_microversion_is_refused_before_any_request(
    server: FakeServer,
    compute_client: ServiceClient,
    opts: servers.UpdateOpts,
    version: str | None,
    field: str,
) -> None:
    client = compute_client.with_microversion(version)

    with pytest.raises(MicroversionError, match=rf"^{field}: compute microversion \d"):
        servers.update(client, SERVER_ID, opts)

    assert server.requests == []


def test_create_sends_the_disk_config(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("servers"), Reply(202, fx.CREATE_RESPONSE))
    opts = _create(disk_config=servers.DiskConfig.MANUAL, scheduler_hints={})

    servers.create(compute_client, opts).extract()

    sent(
        "POST",
        "/servers",
        body={
            "server": {
                "name": "web",
                "imageRef": fx.IMAGE_ID,
                "flavorRef": "1",
                "OS-DCF:diskConfig": "MANUAL",
            }
        },
    )


def test_update_sends_the_disk_config(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", path("servers", SERVER_ID), Reply(200, fx.UPDATE_RESPONSE_V290))

    servers.update(compute_client, SERVER_ID, servers.UpdateOpts(disk_config="AUTO")).extract()

    sent("PUT", f"/servers/{SERVER_ID}", body={"server": {"OS-DCF:diskConfig": "AUTO"}})


@pytest.mark.parametrize("disk_config", ["auto", "PARTIAL", 1])
def test_an_unknown_disk_config_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient, disk_config: Any
) -> None:
    with pytest.raises(ValueError, match="is not a valid DiskConfig"):
        servers.create(compute_client, _create(disk_config=disk_config))

    assert server.requests == []


# -- the options class, not a dict; the old names ------------------------------------


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda c, d: servers.list(c, d), "ListOpts"),
        (lambda c, d: servers.list_simple(c, d), "ListOpts"),
        (lambda c, d: servers.create(c, d), "CreateOpts"),
        (lambda c, d: servers.update(c, SERVER_ID, d), "UpdateOpts"),
        (lambda c, d: servers.list_instance_actions(c, SERVER_ID, d), "ListInstanceActionsOpts"),
    ],
)
def test_a_dict_instead_of_the_options_class_is_a_type_error(
    server: FakeServer, compute_client: ServiceClient, call: Any, name: str
) -> None:
    with pytest.raises(
        TypeError, match=rf"expected {name}, not dict \(build one: {name}\(\.\.\.\)\)"
    ):
        call(compute_client.with_microversion("2.90"), {"name": "web"})

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", servers.CreateOpts),
        ("ListOptsBuilder", servers.ListOpts),
        ("UpdateOptsBuilder", servers.UpdateOpts),
        ("ListInstanceActionsOptsBuilder", servers.ListInstanceActionsOpts),
        ("CreateImageOptsBuilder", servers.CreateImageOpts),
        ("RebuildOptsBuilder", servers.RebuildOpts),
        ("RemoteConsoleOptsBuilder", servers.RemoteConsoleOpts),
        ("RescueOptsBuilder", servers.RescueOpts),
        ("ResizeOptsBuilder", servers.ResizeOpts),
        ("UnshelveOptsBuilder", servers.UnshelveOpts),
    ],
)
def test_removed_builder_names_still_work_and_warn(old: str, new: type) -> None:
    with pytest.deprecated_call(
        match=rf"servers\.(requests|actions)\.{old} is deprecated: use {new.__name__}"
    ):
        got = getattr(servers, old)

    assert got is new
    assert old not in servers.__all__


def test_the_package_exports_every_name_of_its_modules_once() -> None:
    names = servers.__all__

    assert len(names) == len(set(names))
    assert {"DiskConfig", "LockOpts", "ServerResult", "RebuildResult", "rebuild"} <= set(names)
    assert (
        servers.GetResult is servers.UpdateResult is servers.RebuildResult is servers.ServerResult
    )
    assert servers.DeleteResult is servers.ActionResult is servers.AddTagResult


# -- the Server model's declarations ----------------------------------------------------


def test_server_fields_declare_their_json_key_and_microversion() -> None:
    declared = json_fields(servers.Server)

    assert declared["host_id"].key == "hostId"
    assert declared["power_state"].key == "OS-EXT-STS:power_state"
    assert declared["volumes_attached"].key == "os-extended-volumes:volumes_attached"
    assert declared["admin_pass"].key == "adminPass"
    assert {name: info.min_version for name, info in declared.items() if info.min_version} == {
        "tags": "2.26",
        "description": "2.19",
        "locked": "2.9",
        "locked_reason": "2.73",
        "trusted_image_certificates": "2.63",
        "server_groups": "2.71",
        "host_status": "2.16",
        "hostname": "2.3",
        "reservation_id": "2.3",
        "launch_index": "2.3",
        "kernel_id": "2.3",
        "ramdisk_id": "2.3",
        "root_device_name": "2.3",
        "user_data": "2.3",
        "pinned_availability_zone": "2.96",
        "scheduler_hints": "2.100",
    }


def test_a_listed_server_reads_only_its_id_until_a_field_is_used() -> None:
    data = fx.SERVER_V247["server"]

    got = servers.Server.from_json(data)

    assert vars(got) == {"_source": data, "id": SERVER_ID}
    assert got.power_state == 1
    assert set(vars(got)) == {"_source", "id", "power_state"}


def test_a_server_read_lazily_equals_one_read_whole() -> None:
    data = fx.SERVER_V247["server"]
    lazy = servers.Server.from_json(data)
    eager = servers.Server(
        **{
            name: getattr(servers.Server.from_json(data), name)
            for name in json_fields(servers.Server)
        }
    )

    assert lazy == eager
    assert repr(lazy) == repr(eager)
    assert lazy.config_drive is False
    assert (lazy.kernel_id, lazy.access_ipv4, lazy.host_status) == ("", "1.2.3.4", "UP")
