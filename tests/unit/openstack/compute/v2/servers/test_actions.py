"""Compute v2 server actions (``POST /servers/{id}/action``) and remote consoles."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

import pytest

import oscloud
from oscloud.errors import (
    ConflictError,
    InvalidResponseError,
    MicroversionError,
    MissingInputError,
    NotFoundError,
)
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.compute.v2.servers import actions
from oscloud.results import Result
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.servers import fixtures as fx
from tests.unit.openstack.compute.v2.servers.fixtures import SERVER_ID, path

ACTION = f"/servers/{SERVER_ID}/action"

Call = Callable[[ServiceClient, str], Result[Any]]

SIMPLE_ACTIONS: list[tuple[Call, dict[str, Any], int]] = [
    (servers.start, {"os-start": None}, 202),
    (servers.stop, {"os-stop": None}, 202),
    (servers.pause, {"pause": None}, 202),
    (servers.unpause, {"unpause": None}, 202),
    (servers.suspend, {"suspend": None}, 202),
    (servers.resume, {"resume": None}, 202),
    (servers.lock, {"lock": None}, 202),
    (servers.unlock, {"unlock": None}, 202),
    (servers.unrescue, {"unrescue": None}, 202),
    (servers.shelve, {"shelve": None}, 202),
    (servers.shelve_offload, {"shelveOffload": None}, 202),
    (servers.unshelve, {"unshelve": None}, 202),
    (servers.confirm_resize, {"confirmResize": None}, 204),
    (servers.revert_resize, {"revertResize": None}, 202),
    (servers.force_delete, {"forceDelete": None}, 202),
    (servers.restore, {"restore": None}, 202),
]


@pytest.mark.parametrize(
    ("call", "body", "status"), SIMPLE_ACTIONS, ids=[c.__name__ for c, _, _ in SIMPLE_ACTIONS]
)
def test_action_without_options(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    call: Call,
    body: dict[str, Any],
    status: int,
) -> None:
    fx.handle_action(server, status)

    result = call(compute_client, SERVER_ID)

    sent("POST", ACTION, body=body)
    assert isinstance(result, servers.ActionResult)
    assert result.status_code == status
    result.extract_err()


@pytest.mark.parametrize(
    ("call", "body", "status"), SIMPLE_ACTIONS, ids=[c.__name__ for c, _, _ in SIMPLE_ACTIONS]
)
def test_action_answered_with_another_success_code_is_an_error(
    server: FakeServer,
    compute_client: ServiceClient,
    call: Call,
    body: dict[str, Any],
    status: int,
) -> None:
    fx.handle_action(server, 200 if status != 200 else 202)

    result = call(compute_client, SERVER_ID)

    with pytest.raises(oscloud.UnexpectedResponseCodeError, match=f"expected {status}, got"):
        result.extract()


def test_action_in_the_wrong_state_is_a_conflict_with_novas_message(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server, 409, fx.CONFLICTING_REQUEST)

    result = servers.reboot(compute_client, SERVER_ID)

    sent("POST", ACTION, body={"reboot": {"type": "SOFT"}})
    assert isinstance(result.err, ConflictError)
    assert result.err.message == fx.CONFLICT_MESSAGE
    with pytest.raises(ConflictError, match="while it is in vm_state stopped"):
        result.extract_err()


def test_action_on_a_missing_server_is_not_found(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_not_found(server, "POST", path("servers", SERVER_ID, "action"))

    result = servers.start(compute_client.with_microversion("2.1"), SERVER_ID)

    sent("POST", ACTION, body={"os-start": None}, microversion="2.1")
    with pytest.raises(NotFoundError, match=fx.NOT_FOUND_MESSAGE):
        result.extract_err()


@pytest.mark.parametrize(("call", "body", "status"), SIMPLE_ACTIONS[:3])
def test_action_with_a_bad_id_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient, call: Call, body: Any, status: int
) -> None:
    with pytest.raises(ValueError, match="server_id must not contain '/'"):
        call(compute_client, f"{SERVER_ID}/action")

    assert server.requests == []


# -- reboot, lock ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("how", "wire"), [(servers.RebootType.HARD, "HARD"), ("soft", "SOFT"), ("HARD", "HARD")]
)
def test_reboot(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    how: servers.RebootType | str,
    wire: str,
) -> None:
    fx.handle_action(server)

    servers.reboot(compute_client, SERVER_ID, how).extract_err()

    sent("POST", ACTION, body={"reboot": {"type": wire}})


def test_reboot_unknown_type_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with pytest.raises(ValueError, match="'WARM' is not a valid RebootType"):
        servers.reboot(compute_client, SERVER_ID, "warm")

    assert server.requests == []


def test_lock_with_a_reason_at_2_73(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server)

    result = servers.lock(
        compute_client.with_microversion("2.73"), SERVER_ID, reason="I don't want to work"
    )

    sent(
        "POST",
        ACTION,
        microversion="2.73",
        body={"lock": {"locked_reason": "I don't want to work"}},
    )
    result.extract_err()


def test_lock_reason_needs_2_73(server: FakeServer, compute_client: ServiceClient) -> None:
    with pytest.raises(
        MicroversionError, match=r"2\.73 or later is required; the client sends 2\.72"
    ):
        servers.lock(compute_client.with_microversion("2.72"), SERVER_ID, reason="maintenance")

    assert server.requests == []


# -- rebuild, resize ---------------------------------------------------------------------


def test_rebuild_at_2_57_sends_user_data_and_key_and_reads_the_server(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server, 202, fx.REBUILD_RESPONSE_V247)
    opts = servers.RebuildOpts(
        image_ref=fx.IMAGE_ID,
        name="foobar",
        key_name="new-key",
        description="description of foobar",
        admin_pass="seekr3t",
        metadata={"meta_var": "meta_val"},
        user_data='echo "hello world"',
        access_ipv4="1.2.3.4",
        access_ipv6="80fe::",
        preserve_ephemeral=False,
    )

    result = servers.rebuild(compute_client.with_microversion("2.57"), SERVER_ID, opts)

    sent(
        "POST",
        ACTION,
        microversion="2.57",
        body={
            "rebuild": {
                "accessIPv4": "1.2.3.4",
                "accessIPv6": "80fe::",
                "imageRef": fx.IMAGE_ID,
                "name": "foobar",
                "key_name": "new-key",
                "description": "description of foobar",
                "adminPass": "seekr3t",
                "metadata": {"meta_var": "meta_val"},
                "user_data": "ZWNobyAiaGVsbG8gd29ybGQi",
                "preserve_ephemeral": False,
            }
        },
    )
    assert isinstance(result, servers.RebuildResult)
    got = result.extract()
    assert isinstance(got, servers.Server)
    assert (got.id, got.name, got.admin_pass) == (fx.REBUILD_ID, "foobar", "seekr3t")
    assert got.created == _dt.datetime(2013, 11, 14, 6, 29, tzinfo=_dt.timezone.utc)
    assert got.flavor is not None
    assert got.flavor.vcpus == 1
    assert "seekr3t" not in repr(got)
    assert "seekr3t" not in repr(opts)


def test_rebuild_with_null_key_name_removes_the_key_pair(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server, 202, fx.REBUILD_RESPONSE_V247)
    opts = servers.RebuildOpts(image_ref=fx.IMAGE_ID, key_name=oscloud.NULL, user_data=oscloud.NULL)

    servers.rebuild(compute_client.with_microversion("2.57"), SERVER_ID, opts).extract()

    sent(
        "POST",
        ACTION,
        microversion="2.57",
        body={"rebuild": {"imageRef": fx.IMAGE_ID, "key_name": None, "user_data": None}},
    )


@pytest.mark.parametrize(
    ("opts", "error", "match"),
    [
        (servers.RebuildOpts(name="x"), MissingInputError, "RebuildOpts.image_ref is required"),
        (
            servers.RebuildOpts(image_ref=fx.IMAGE_ID, metadata={"": "v"}),
            ValueError,
            "non-empty",
        ),
    ],
)
def test_rebuild_bad_input_raises_before_any_request(
    server: FakeServer,
    compute_client: ServiceClient,
    opts: servers.RebuildOpts,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        servers.rebuild(compute_client, SERVER_ID, opts)

    assert server.requests == []


def test_resize(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle_action(server)

    result = servers.resize(compute_client, SERVER_ID, servers.ResizeOpts(flavor_ref="2"))

    sent("POST", ACTION, body={"resize": {"flavorRef": "2"}})
    result.extract_err()


def test_resize_without_a_flavor_raises_before_any_request(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with pytest.raises(MissingInputError, match=r"ResizeOpts\.flavor_ref is required"):
        servers.resize(compute_client, SERVER_ID, servers.ResizeOpts())

    assert server.requests == []


# -- create_image -----------------------------------------------------------------------


def test_create_image_before_2_45_reads_the_location_header(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    location = f"http://glance.example.com/images/{fx.SNAPSHOT_ID}"
    fx.handle_action(server, 202, None, Location=location)
    opts = servers.CreateImageOpts(name="foo-image", metadata={"meta_var": "meta_val"})

    got = servers.create_image(compute_client.with_microversion("2.44"), SERVER_ID, opts).extract()

    sent(
        "POST",
        ACTION,
        microversion="2.44",
        body={"createImage": {"name": "foo-image", "metadata": {"meta_var": "meta_val"}}},
    )
    assert got == fx.SNAPSHOT_ID


def test_create_image_from_2_45_reads_the_body(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server, 202, fx.CREATE_IMAGE_V245)

    got = servers.create_image(
        compute_client.with_microversion("2.45"),
        SERVER_ID,
        servers.CreateImageOpts(name="foo-image"),
    ).extract()

    sent("POST", ACTION, microversion="2.45", body={"createImage": {"name": "foo-image"}})
    assert got == fx.SNAPSHOT_ID


def test_create_image_answer_without_an_id_is_an_invalid_response(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_action(server, 202)

    result = servers.create_image(compute_client, SERVER_ID, servers.CreateImageOpts(name="x"))

    with pytest.raises(InvalidResponseError, match="image_id"):
        result.extract()


@pytest.mark.parametrize(
    ("opts", "error", "match"),
    [
        (servers.CreateImageOpts(), MissingInputError, "CreateImageOpts.name is required"),
        (servers.CreateImageOpts(name="x", metadata={"k": "v" * 300}), ValueError, "255"),
    ],
)
def test_create_image_bad_input_raises_before_any_request(
    server: FakeServer,
    compute_client: ServiceClient,
    opts: servers.CreateImageOpts,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        servers.create_image(compute_client, SERVER_ID, opts)

    assert server.requests == []


# -- passwords, rescue ----------------------------------------------------------------


def test_change_admin_password(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server)

    servers.change_admin_password(compute_client, SERVER_ID, "foo").extract_err()

    sent("POST", ACTION, body={"changePassword": {"adminPass": "foo"}})


def test_change_admin_password_requires_one_before_any_request(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with pytest.raises(MissingInputError, match="admin_pass is required"):
        servers.change_admin_password(compute_client, SERVER_ID, "")

    assert server.requests == []


def test_change_admin_password_error_does_not_show_the_password(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_action(server, 409, fx.CONFLICTING_REQUEST)

    result = servers.change_admin_password(compute_client, SERVER_ID, "n3w-Sekr1t")

    with pytest.raises(ConflictError) as caught:
        result.extract_err()
    assert "n3w-Sekr1t" not in str(caught.value)


def test_rescue_with_options_returns_the_password(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server, 200, fx.RESCUE_RESPONSE)
    opts = servers.RescueOpts(admin_pass="MySecretPass", rescue_image_ref=fx.IMAGE_ID)

    got = servers.rescue(compute_client, SERVER_ID, opts).extract()

    sent(
        "POST",
        ACTION,
        body={"rescue": {"adminPass": "MySecretPass", "rescue_image_ref": fx.IMAGE_ID}},
    )
    assert got == "MySecretPass"
    assert "MySecretPass" not in repr(opts)


def test_rescue_without_options(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server, 200, fx.RESCUE_RESPONSE)

    result = servers.rescue(compute_client.with_microversion("2.87"), SERVER_ID)

    sent("POST", ACTION, microversion="2.87", body={"rescue": {}})
    assert result.extract() == "MySecretPass"
    assert "MySecretPass" not in repr(result)


# -- unshelve, console output ------------------------------------------------------------


def test_unshelve_to_a_zone_at_2_77(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server)

    servers.unshelve(
        compute_client.with_microversion("2.77"),
        SERVER_ID,
        servers.UnshelveOpts(availability_zone="us-west"),
    ).extract_err()

    sent("POST", ACTION, microversion="2.77", body={"unshelve": {"availability_zone": "us-west"}})


def test_unshelve_to_a_host_unpinning_the_zone_at_2_91(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server)

    servers.unshelve(
        compute_client.with_microversion("2.91"),
        SERVER_ID,
        servers.UnshelveOpts(availability_zone=oscloud.NULL, host="host01"),
    ).extract_err()

    sent(
        "POST",
        ACTION,
        microversion="2.91",
        body={"unshelve": {"availability_zone": None, "host": "host01"}},
    )


@pytest.mark.parametrize(
    ("length", "body"),
    [(50, {"os-getConsoleOutput": {"length": 50}}), (None, {"os-getConsoleOutput": {}})],
)
def test_get_console_output(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    length: int | None,
    body: dict[str, Any],
) -> None:
    fx.handle_action(server, 200, fx.CONSOLE_OUTPUT)

    got = servers.get_console_output(compute_client, SERVER_ID, length).extract()

    sent("POST", ACTION, body=body)
    assert got == "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE"


# -- remote consoles ---------------------------------------------------------------------


def test_create_remote_console_at_2_6(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route(
        "POST", path("servers", SERVER_ID, "remote-consoles"), Reply(200, fx.REMOTE_CONSOLE)
    )
    opts = servers.RemoteConsoleOpts(
        protocol=servers.ConsoleProtocol.VNC, type=servers.ConsoleType.NOVNC
    )

    got = servers.create_remote_console(
        compute_client.with_microversion("2.6"), SERVER_ID, opts
    ).extract()

    sent(
        "POST",
        f"/servers/{SERVER_ID}/remote-consoles",
        microversion="2.6",
        body={"remote_console": {"protocol": "vnc", "type": "novnc"}},
    )
    assert got == servers.RemoteConsole(protocol="vnc", type="novnc", url=fx.CONSOLE_URL)
    assert "token" not in repr(got)


def test_create_remote_console_needs_2_6(server: FakeServer, compute_client: ServiceClient) -> None:
    opts = servers.RemoteConsoleOpts(protocol="vnc", type="novnc")

    with pytest.raises(MicroversionError, match=r"remote consoles: compute microversion 2\.6"):
        servers.create_remote_console(compute_client, SERVER_ID, opts)

    assert server.requests == []


def test_create_remote_console_needs_protocol_and_type(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    opts = servers.RemoteConsoleOpts(protocol="vnc")

    with pytest.raises(MissingInputError, match=r"RemoteConsoleOpts\.type is required"):
        servers.create_remote_console(compute_client.with_microversion("2.6"), SERVER_ID, opts)

    assert server.requests == []


# -- lock options, microversions of the actions, disk config ---------------------------


def test_lock_with_lock_opts_at_2_73(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server)

    servers.lock(
        compute_client.with_microversion("2.73"),
        SERVER_ID,
        servers.LockOpts(locked_reason="maintenance"),
    ).extract_err()

    sent("POST", ACTION, microversion="2.73", body={"lock": {"locked_reason": "maintenance"}})


def test_lock_reason_names_the_field_when_refused(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with pytest.raises(MicroversionError, match=r"^LockOpts\.locked_reason: compute microversion"):
        servers.lock(compute_client, SERVER_ID, servers.LockOpts(locked_reason="maintenance"))

    assert server.requests == []


def test_lock_takes_opts_or_reason_not_both(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    client = compute_client.with_microversion("2.73")

    with pytest.raises(TypeError, match="opts or reason"):
        servers.lock(client, SERVER_ID, servers.LockOpts(locked_reason="a"), reason="b")

    assert server.requests == []


@pytest.mark.parametrize(
    ("call", "version", "match"),
    [
        (
            lambda c: servers.rebuild(
                c, SERVER_ID, servers.RebuildOpts(image_ref=fx.IMAGE_ID, description="d")
            ),
            "2.18",
            r"^RebuildOpts\.description: compute microversion 2\.19",
        ),
        (
            lambda c: servers.rebuild(
                c, SERVER_ID, servers.RebuildOpts(image_ref=fx.IMAGE_ID, key_name=oscloud.NULL)
            ),
            "2.53",
            r"^RebuildOpts\.key_name: compute microversion 2\.54",
        ),
        (
            lambda c: servers.rebuild(
                c, SERVER_ID, servers.RebuildOpts(image_ref=fx.IMAGE_ID, user_data=b"#!")
            ),
            "2.56",
            r"^RebuildOpts\.user_data: compute microversion 2\.57",
        ),
        (
            lambda c: servers.rebuild(
                c,
                SERVER_ID,
                servers.RebuildOpts(image_ref=fx.IMAGE_ID, trusted_image_certificates=["c"]),
            ),
            "2.62",
            r"^RebuildOpts\.trusted_image_certificates: compute microversion 2\.63",
        ),
        (
            lambda c: servers.rebuild(
                c, SERVER_ID, servers.RebuildOpts(image_ref=fx.IMAGE_ID, hostname="h")
            ),
            "2.89",
            r"^RebuildOpts\.hostname: compute microversion 2\.90",
        ),
        (
            lambda c: servers.unshelve(c, SERVER_ID, servers.UnshelveOpts(availability_zone="z")),
            "2.76",
            r"^UnshelveOpts\.availability_zone: compute microversion 2\.77",
        ),
        (
            lambda c: servers.unshelve(
                c, SERVER_ID, servers.UnshelveOpts(availability_zone=oscloud.NULL)
            ),
            "2.90",
            r"^UnshelveOpts\.availability_zone=NULL: compute microversion 2\.91",
        ),
        (
            lambda c: servers.unshelve(c, SERVER_ID, servers.UnshelveOpts(host="host01")),
            "2.90",
            r"^UnshelveOpts\.host: compute microversion 2\.91",
        ),
        (
            lambda c: servers.create_remote_console(
                c, SERVER_ID, servers.RemoteConsoleOpts(protocol="mks", type="webmks")
            ),
            "2.7",
            r"^RemoteConsoleOpts\.protocol='mks': compute microversion 2\.8",
        ),
        (
            lambda c: servers.create_remote_console(
                c,
                SERVER_ID,
                servers.RemoteConsoleOpts(
                    protocol=servers.ConsoleProtocol.SPICE, type=servers.ConsoleType.SPICE_DIRECT
                ),
            ),
            "2.98",
            r"^RemoteConsoleOpts\.type='spice-direct': compute microversion 2\.99",
        ),
    ],
)
def test_action_option_of_a_newer_microversion_is_refused_before_any_request(
    server: FakeServer, compute_client: ServiceClient, call: Any, version: str, match: str
) -> None:
    with pytest.raises(MicroversionError, match=match):
        call(compute_client.with_microversion(version))

    assert server.requests == []


def test_rebuild_and_resize_send_the_disk_config(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_action(server, 202, fx.REBUILD_RESPONSE_V247)
    rebuild = servers.RebuildOpts(image_ref=fx.IMAGE_ID, disk_config=servers.DiskConfig.AUTO)

    servers.rebuild(compute_client, SERVER_ID, rebuild).extract()

    assert server.requests[0].json() == {
        "rebuild": {"imageRef": fx.IMAGE_ID, "OS-DCF:diskConfig": "AUTO"}
    }
    server.requests.clear()
    fx.handle_action(server)

    servers.resize(
        compute_client, SERVER_ID, servers.ResizeOpts(flavor_ref="2", disk_config="MANUAL")
    ).extract_err()

    assert server.requests[0].json() == {
        "resize": {"flavorRef": "2", "OS-DCF:diskConfig": "MANUAL"}
    }


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda c, d: servers.rebuild(c, SERVER_ID, d), "RebuildOpts"),
        (lambda c, d: servers.resize(c, SERVER_ID, d), "ResizeOpts"),
        (lambda c, d: servers.create_image(c, SERVER_ID, d), "CreateImageOpts"),
        (lambda c, d: servers.rescue(c, SERVER_ID, d), "RescueOpts"),
        (lambda c, d: servers.unshelve(c, SERVER_ID, d), "UnshelveOpts"),
        (lambda c, d: servers.lock(c, SERVER_ID, d), "LockOpts"),
        (lambda c, d: servers.create_remote_console(c, SERVER_ID, d), "RemoteConsoleOpts"),
    ],
)
def test_a_dict_instead_of_the_options_class_is_a_type_error(
    server: FakeServer, compute_client: ServiceClient, call: Any, name: str
) -> None:
    with pytest.raises(TypeError, match=rf"expected {name}, not dict"):
        call(compute_client.with_microversion("2.91"), {"name": "x"})

    assert server.requests == []


@pytest.mark.parametrize(
    "old",
    [
        "CreateImageOptsBuilder",
        "RebuildOptsBuilder",
        "RemoteConsoleOptsBuilder",
        "RescueOptsBuilder",
        "ResizeOptsBuilder",
        "UnshelveOptsBuilder",
    ],
)
def test_removed_builder_names_of_the_actions_module_still_work_and_warn(old: str) -> None:
    with pytest.deprecated_call(match=rf"servers\.actions\.{old} is deprecated"):
        got = getattr(actions, old)

    assert got is getattr(servers, old.removesuffix("Builder"))
