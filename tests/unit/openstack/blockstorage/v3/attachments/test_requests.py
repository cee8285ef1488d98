"""Block storage v3 attachments (3.27+), over loopback."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from oscloud.errors import MicroversionError, MissingInputError
from oscloud.openstack.blockstorage.v3 import attachments
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import Sent
from tests.unit.openstack.blockstorage.v3.attachments import fixtures as fx
from tests.unit.openstack.blockstorage.v3.attachments.fixtures import ATTACHMENT_ID, path

UTC = _dt.timezone.utc


@pytest.mark.parametrize("status", [200, 202])
def test_create_with_a_connector(
    server: FakeServer, cinder: ServiceClient, sent: Sent, status: int
) -> None:
    server.route("POST", path("attachments"), Reply(status, {"attachment": fx.DETAIL}))
    opts = attachments.CreateOpts(
        volume_id=fx.VOLUME_ID,
        instance_uuid="462dcc2d-130d-4654-8db1-da0df2da6a0d",
        connector=fx.CONNECTOR,
    )

    got = attachments.create(cinder.with_microversion("3.27"), opts).extract()

    sent("POST", "/attachments", body=fx.CREATE_REQUEST, microversion="3.27")
    assert got == attachments.Attachment(
        id=ATTACHMENT_ID,
        volume_id=fx.VOLUME_ID,
        status="attaching",
        instance=fx.INSTANCE,
        attach_mode="ro",
        attached_at=_dt.datetime(2015, 9, 16, 9, 28, 52, tzinfo=UTC),
        detached_at=_dt.datetime(2015, 9, 16, 9, 28, 52, tzinfo=UTC),
        connection_info={},
    )


def test_create_with_a_mode_at_3_54(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("POST", path("attachments"), Reply(200, {"attachment": fx.DETAIL}))
    opts = attachments.CreateOpts(volume_id="v1", instance_uuid="s1", mode="rw")

    attachments.create(cinder.with_microversion("3.54"), opts).extract()

    sent(
        "POST",
        "/attachments",
        body={"attachment": {"volume_uuid": "v1", "instance_uuid": "s1", "mode": "rw"}},
        microversion="3.54",
    )


@pytest.mark.parametrize(
    ("client_version", "opts", "error", "message"),
    [
        (
            None,
            attachments.CreateOpts(volume_id="v1", instance_uuid="s1"),
            MicroversionError,
            "3.27",
        ),
        (
            "3.53",
            attachments.CreateOpts(volume_id="v1", instance_uuid="s1", mode="ro"),
            MicroversionError,
            r"CreateOpts\.mode: .* 3\.54",
        ),
        ("3.27", attachments.CreateOpts(instance_uuid="s1"), MissingInputError, "volume_id"),
        (
            "3.54",
            attachments.CreateOpts(volume_id="v1", instance_uuid="s1", mode="x"),
            ValueError,
            "'x'",
        ),
        (
            "3.27",
            attachments.CreateOpts(volume_id="v1", instance_uuid="s1", connector={}),
            MissingInputError,
            "connector",
        ),
    ],
)
def test_create_refuses_before_any_request(
    server: FakeServer,
    cinder: ServiceClient,
    client_version: str | None,
    opts: attachments.CreateOpts,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        attachments.create(cinder.with_microversion(client_version), opts)

    assert server.requests == []


def test_update_keeps_the_connection_secret_out_of_repr(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", path("attachments", ATTACHMENT_ID), Reply(200, fx.UPDATED))

    got = attachments.update(
        cinder.with_microversion("3.27"),
        ATTACHMENT_ID,
        attachments.UpdateOpts(connector=fx.CONNECTOR),
    ).extract()

    sent(
        "PUT",
        f"/attachments/{ATTACHMENT_ID}",
        body={"attachment": {"connector": fx.CONNECTOR}},
        microversion="3.27",
    )
    assert got.connection_info is not None
    assert got.connection_info["auth_password"] == fx.CHAP_SECRET
    assert fx.CHAP_SECRET not in repr(got)


def test_update_needs_a_connector(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="connector"):
        attachments.update(
            cinder.with_microversion("3.27"), ATTACHMENT_ID, attachments.UpdateOpts()
        )

    assert server.requests == []


@pytest.mark.parametrize("status", [202, 204])
def test_complete_at_3_44(
    server: FakeServer, cinder: ServiceClient, sent: Sent, status: int
) -> None:
    server.route("POST", path("attachments", ATTACHMENT_ID, "action"), Reply(status))

    result = attachments.complete(cinder.with_microversion("3.44"), ATTACHMENT_ID)

    sent(
        "POST",
        f"/attachments/{ATTACHMENT_ID}/action",
        body={"os-complete": {}},
        microversion="3.44",
    )
    assert result.extract_err() is None


def test_complete_needs_3_44(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"3\.44"):
        attachments.complete(cinder.with_microversion("3.43"), ATTACHMENT_ID)

    assert server.requests == []


def test_get(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("attachments", ATTACHMENT_ID), Reply(200, {"attachment": fx.DETAIL}))

    got = attachments.get(cinder.with_microversion("3.27"), ATTACHMENT_ID).extract()

    sent("GET", f"/attachments/{ATTACHMENT_ID}", microversion="3.27")
    assert (got.instance, got.attach_mode) == (fx.INSTANCE, "ro")


def test_list_and_list_simple(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("attachments", "detail"), Reply(200, {"attachments": [fx.DETAIL]}))
    server.route("GET", path("attachments"), Reply(200, fx.SUMMARY_LIST))
    client = cinder.with_microversion("3.27")
    opts = attachments.ListOpts(volume_id=fx.VOLUME_ID, instance_id=fx.INSTANCE, limit=5)

    detailed = [*attachments.list(client, opts).items()]
    simple = [*attachments.list_simple(client).items()]

    assert [a.attach_mode for a in detailed] == ["ro"]
    assert [(a.id, a.status, a.attach_mode) for a in simple] == [(ATTACHMENT_ID, "attaching", None)]
    first, second = server.requests
    assert first.path == path("attachments", "detail")
    assert first.query == {
        "volume_id": [fx.VOLUME_ID],
        "instance_id": [fx.INSTANCE],
        "limit": ["5"],
    }
    assert first.headers["OpenStack-API-Version"] == "volume 3.27"
    assert (second.path, second.query) == (path("attachments"), {})


def test_list_needs_3_27(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError):
        attachments.list(cinder)

    assert server.requests == []


def test_delete_reads_the_attachments_left(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    other: dict[str, Any] = {**fx.DETAIL, "id": "9a0b8c7d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"}
    server.route("DELETE", path("attachments", ATTACHMENT_ID), Reply(200, {"attachments": [other]}))

    result = attachments.delete(cinder.with_microversion("3.27"), ATTACHMENT_ID)

    sent("DELETE", f"/attachments/{ATTACHMENT_ID}", microversion="3.27")
    assert result.extract_err() is None
    assert [a.id for a in result.extract_attachments()] == [other["id"]]


def test_options_given_as_a_dict_are_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    client = cinder.with_microversion("3.54")
    as_dict: Any = {"volume_id": "v1", "connector": fx.CONNECTOR}

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        attachments.create(client, as_dict)
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        attachments.update(client, ATTACHMENT_ID, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        attachments.list(client, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        attachments.list_simple(client, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", attachments.CreateOpts),
        ("ListOptsBuilder", attachments.ListOpts),
        ("UpdateOptsBuilder", attachments.UpdateOpts),
    ],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(attachments, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(attachments.requests, old) is new


def test_per_operation_result_names_are_the_model_result() -> None:
    assert attachments.GetResult is attachments.AttachmentResult
    assert attachments.CreateResult is attachments.AttachmentResult
    assert attachments.UpdateResult is attachments.AttachmentResult
    assert issubclass(attachments.DeleteResult, attachments.ActionResult)
