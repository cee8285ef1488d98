"""Block storage v3 volume actions (``POST /volumes/{volume_id}/action``), over loopback."""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from typing import Any

import pytest

from oscloud.errors import BadRequestError, MicroversionError, MissingInputError
from oscloud.openstack.blockstorage.v3 import volumes
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import Sent
from tests.unit.openstack.blockstorage.v3.volumes import fixtures as fx
from tests.unit.openstack.blockstorage.v3.volumes.fixtures import VOLUME_ID, path

ACTION = f"/volumes/{VOLUME_ID}/action"

Act = Callable[[ServiceClient], Any]

# (what is called, the body Cinder documents for it, its success code)
NO_BODY_ACTIONS: list[tuple[str, Act, dict[str, Any], int]] = [
    ("extend", lambda c: volumes.extend(c, VOLUME_ID, 20), {"os-extend": {"new_size": 20}}, 202),
    (
        "set_bootable",
        lambda c: volumes.set_bootable(c, VOLUME_ID, True),
        {"os-set_bootable": {"bootable": True}},
        200,
    ),
    (
        "update_readonly_flag",
        lambda c: volumes.update_readonly_flag(c, VOLUME_ID, False),
        {"os-update_readonly_flag": {"readonly": False}},
        202,
    ),
    (
        "retype",
        lambda c: volumes.retype(
            c,
            VOLUME_ID,
            volumes.RetypeOpts(
                new_type="dedup-tier-replicaton", migration_policy=volumes.MigrationPolicy.NEVER
            ),
        ),
        {"os-retype": {"new_type": "dedup-tier-replicaton", "migration_policy": "never"}},
        202,
    ),
    (
        "retype on demand",
        lambda c: volumes.retype(
            c, VOLUME_ID, volumes.RetypeOpts(new_type="ssd", migration_policy="on-demand")
        ),
        {"os-retype": {"new_type": "ssd", "migration_policy": "on-demand"}},
        202,
    ),
    (
        "reset_status",
        lambda c: volumes.reset_status(
            c,
            VOLUME_ID,
            volumes.ResetStatusOpts(
                status="available", attach_status="detached", migration_status="migrating"
            ),
        ),
        {
            "os-reset_status": {
                "status": "available",
                "attach_status": "detached",
                "migration_status": "migrating",
            }
        },
        202,
    ),
    (
        "force_delete",
        lambda c: volumes.force_delete(c, VOLUME_ID),
        {"os-force_delete": {}},
        202,
    ),
    ("reserve", lambda c: volumes.reserve(c, VOLUME_ID), {"os-reserve": {}}, 202),
    ("unreserve", lambda c: volumes.unreserve(c, VOLUME_ID), {"os-unreserve": {}}, 202),
    (
        "begin_detaching",
        lambda c: volumes.begin_detaching(c, VOLUME_ID),
        {"os-begin_detaching": {}},
        202,
    ),
    (
        "roll_detaching",
        lambda c: volumes.roll_detaching(c, VOLUME_ID),
        {"os-roll_detaching": {}},
        202,
    ),
    (
        "attach",
        lambda c: volumes.attach(
            c,
            VOLUME_ID,
            volumes.AttachOpts(
                instance_uuid="95D9EF50-507D-11E5-B970-0800200C9A66", mountpoint="/dev/vdc"
            ),
        ),
        {
            "os-attach": {
                "instance_uuid": "95D9EF50-507D-11E5-B970-0800200C9A66",
                "mountpoint": "/dev/vdc",
            }
        },
        202,
    ),
    (
        "attach to a host read-only",
        lambda c: volumes.attach(
            c,
            VOLUME_ID,
            volumes.AttachOpts(host_name="node2", mountpoint="/dev/sdb", mode="ro"),
        ),
        {"os-attach": {"host_name": "node2", "mountpoint": "/dev/sdb", "mode": "ro"}},
        202,
    ),
    (
        "detach",
        lambda c: volumes.detach(c, VOLUME_ID, volumes.DetachOpts(attachment_id="a1")),
        {"os-detach": {"attachment_id": "a1"}},
        202,
    ),
    ("detach the only attachment", lambda c: volumes.detach(c, VOLUME_ID), {"os-detach": {}}, 202),
    (
        "terminate_connection",
        lambda c: volumes.terminate_connection(c, VOLUME_ID, fx.CONNECTOR),
        {"os-terminate_connection": {"connector": fx.CONNECTOR}},
        202,
    ),
]


@pytest.mark.parametrize(
    ("act", "body", "status"),
    [(act, body, status) for _, act, body, status in NO_BODY_ACTIONS],
    ids=[name for name, *_ in NO_BODY_ACTIONS],
)
def test_actions_send_the_documented_body(
    server: FakeServer,
    cinder: ServiceClient,
    sent: Sent,
    act: Act,
    body: dict[str, Any],
    status: int,
) -> None:
    server.route("POST", path("volumes", VOLUME_ID, "action"), Reply(status))

    result = act(cinder)

    sent("POST", ACTION, body=body)
    assert isinstance(result, volumes.ActionResult)
    assert result.status_code == status
    assert result.extract_err() is None


@pytest.mark.parametrize(
    ("act", "body", "status"),
    [(act, body, status) for _, act, body, status in NO_BODY_ACTIONS[:2]],
    ids=[name for name, *_ in NO_BODY_ACTIONS[:2]],
)
def test_an_action_answered_with_another_success_code_is_an_error(
    server: FakeServer, cinder: ServiceClient, act: Act, body: dict[str, Any], status: int
) -> None:
    other = 200 if status == 202 else 202
    server.route("POST", path("volumes", VOLUME_ID, "action"), Reply(other))

    result = act(cinder)

    assert result.err is not None
    assert f"expected {status}, got {other}" in str(result.err)


def test_an_action_refused_by_cinder_carries_its_message(
    server: FakeServer, cinder: ServiceClient
) -> None:
    message = "Invalid volume: Volume status must be available to extend."
    server.route(
        "POST",
        path("volumes", VOLUME_ID, "action"),
        Reply(400, {"badRequest": {"message": message, "code": 400}}),
    )

    result = volumes.extend(cinder, VOLUME_ID, 20)

    with pytest.raises(BadRequestError, match="must be available to extend"):
        result.extract_err()


def test_revert_to_snapshot_at_3_40(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("POST", path("volumes", VOLUME_ID, "action"), Reply(202))

    volumes.revert_to_snapshot(cinder.with_microversion("3.40"), VOLUME_ID, "s1").extract_err()

    sent("POST", ACTION, body={"revert": {"snapshot_id": "s1"}}, microversion="3.40")


def test_upload_to_image_at_3_1_reads_the_new_image(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("volumes", VOLUME_ID, "action"), Reply(202, fx.UPLOAD_RESPONSE))
    opts = volumes.UploadImageOpts(
        image_name="test",
        force=False,
        disk_format="raw",
        container_format="bare",
        visibility="private",
        protected=False,
    )

    got = volumes.upload_to_image(cinder.with_microversion("3.1"), VOLUME_ID, opts).extract()

    sent("POST", ACTION, body=fx.UPLOAD_REQUEST, microversion="3.1")
    assert got == volumes.VolumeImage(
        id="3a81fdac-e8ae-4e61-b6a2-2e14ff316f19",
        image_id=fx.IMAGE_ID,
        image_name="test",
        status="uploading",
        disk_format="raw",
        container_format="bare",
        visibility="private",
        protected=False,
        size=1,
        volume_type=None,
        description=None,
        updated_at=_dt.datetime(2017, 6, 5, 8, 44, 28, tzinfo=_dt.timezone.utc),
    )


def test_upload_to_image_with_visibility_needs_3_1(
    server: FakeServer, cinder: ServiceClient
) -> None:
    opts = volumes.UploadImageOpts(image_name="test", visibility="public")

    with pytest.raises(MicroversionError, match=r"UploadImageOpts\.visibility: .* 3\.1 or later"):
        volumes.upload_to_image(cinder, VOLUME_ID, opts)

    assert server.requests == []


def test_initialize_connection_keeps_the_credentials_out_of_repr(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("volumes", VOLUME_ID, "action"), Reply(200, fx.CONNECTION_INFO))

    got = volumes.initialize_connection(cinder, VOLUME_ID, fx.CONNECTOR).extract()

    sent("POST", ACTION, body={"os-initialize_connection": {"connector": fx.CONNECTOR}})
    assert got.driver_volume_type == "iscsi"
    assert got.data["target_lun"] == 1
    assert got.data["auth_password"] == fx.CHAP_SECRET
    assert fx.CHAP_SECRET not in repr(got)


@pytest.mark.parametrize(
    ("act", "error", "message"),
    [
        (lambda c: volumes.extend(c, VOLUME_ID, 0), ValueError, "new_size"),
        (lambda c: volumes.extend(c, VOLUME_ID, True), ValueError, "new_size"),
        (lambda c: volumes.extend(c, VOLUME_ID, "20"), ValueError, "new_size"),  # type: ignore[arg-type]
        (lambda c: volumes.extend(c, "", 20), MissingInputError, "volume_id"),
        (lambda c: volumes.set_bootable(c, VOLUME_ID, "yes"), ValueError, "bootable"),  # type: ignore[arg-type]
        (lambda c: volumes.update_readonly_flag(c, VOLUME_ID, 1), ValueError, "readonly"),  # type: ignore[arg-type]
        (
            lambda c: volumes.retype(c, VOLUME_ID, volumes.RetypeOpts()),
            MissingInputError,
            "new_type",
        ),
        (
            lambda c: volumes.retype(
                c, VOLUME_ID, volumes.RetypeOpts(new_type="ssd", migration_policy="always")
            ),
            ValueError,
            "always",
        ),
        (
            lambda c: volumes.reset_status(c, VOLUME_ID, volumes.ResetStatusOpts()),
            MissingInputError,
            "ResetStatusOpts",
        ),
        (
            lambda c: volumes.attach(c, VOLUME_ID, volumes.AttachOpts(mountpoint="/dev/vdc")),
            MissingInputError,
            "instance_uuid or host_name",
        ),
        (
            lambda c: volumes.attach(c, VOLUME_ID, volumes.AttachOpts(instance_uuid="s1")),
            MissingInputError,
            "mountpoint",
        ),
        (
            lambda c: volumes.attach(
                c, VOLUME_ID, volumes.AttachOpts(instance_uuid="s1", mountpoint="/d", mode="wo")
            ),
            ValueError,
            "wo",
        ),
        (
            lambda c: volumes.upload_to_image(c, VOLUME_ID, volumes.UploadImageOpts()),
            MissingInputError,
            "image_name",
        ),
        (lambda c: volumes.initialize_connection(c, VOLUME_ID, {}), MissingInputError, "connector"),
        (lambda c: volumes.terminate_connection(c, VOLUME_ID, {}), MissingInputError, "connector"),
        (lambda c: volumes.revert_to_snapshot(c, VOLUME_ID, "s1"), MicroversionError, r"3\.40"),
        (
            lambda c: volumes.revert_to_snapshot(c.with_microversion("3.40"), VOLUME_ID, ""),
            MissingInputError,
            "snapshot_id",
        ),
    ],
)
def test_actions_refuse_bad_input_before_any_request(
    server: FakeServer, cinder: ServiceClient, act: Act, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        act(cinder)

    assert server.requests == []


def test_initialize_connection_keeps_the_credentials_out_of_debug_logs(
    server: FakeServer, cinder: ServiceClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="oscloud")
    server.route("POST", path("volumes", VOLUME_ID, "action"), Reply(200, fx.CONNECTION_INFO))

    volumes.initialize_connection(cinder, VOLUME_ID, fx.CONNECTOR).extract()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "target_portal" in logged  # the response body was logged
    assert fx.CHAP_SECRET not in logged
