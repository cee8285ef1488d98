"""Volume attachments: attach (both answers), list, get, swap/update, detach."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import (
    ConflictError,
    InvalidResponseError,
    MicroversionError,
    MissingInputError,
    NotFoundError,
)
from oscloud.openstack.compute.v2.extensions import volumeattach
from oscloud.results import Result
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.volumeattach import fixtures as fx

BASE = f"/servers/{fx.SERVER_ID}/os-volume_attachments"


def test_create_up_to_2_100_reads_the_attachment(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.ATTACHMENTS, Reply(200, fx.ATTACH_RESPONSE_V279))
    opts = volumeattach.CreateOpts(volume_id=fx.VOLUME_ID, tag="foo", delete_on_termination=True)

    result = volumeattach.create(compute_client.with_microversion("2.79"), fx.SERVER_ID, opts)

    sent("POST", BASE, body=fx.ATTACH_REQUEST_V279, microversion="2.79")
    assert isinstance(result, volumeattach.CreateResult)
    assert result.extract() == volumeattach.VolumeAttachment(
        volume_id=fx.VOLUME_ID,
        server_id=fx.SERVER_ID,
        device="/dev/sdb",
        id=fx.VOLUME_ID,
        tag="foo",
        delete_on_termination=True,
    )


def test_create_from_2_101_accepts_202_without_a_body(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.ATTACHMENTS, Reply(202))
    opts = volumeattach.CreateOpts(volume_id=fx.VOLUME_ID, delete_on_termination=False)

    result = volumeattach.create(compute_client.with_microversion("2.101"), fx.SERVER_ID, opts)

    sent(
        "POST",
        BASE,
        body={"volumeAttachment": {"volumeId": fx.VOLUME_ID, "delete_on_termination": False}},
        microversion="2.101",
    )
    assert result.err is None
    assert result.status_code == 202
    assert result.extract() is None


def test_create_200_without_a_body_is_invalid(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("POST", fx.ATTACHMENTS, Reply(200))

    result = volumeattach.create(
        compute_client, fx.SERVER_ID, volumeattach.CreateOpts(volume_id=fx.VOLUME_ID)
    )

    with pytest.raises(InvalidResponseError, match="volumeAttachment"):
        result.extract()


def test_create_with_a_device_hint_at_2_1(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    answer = {"volumeAttachment": dict(fx.LIST_V21["volumeAttachments"][1])}
    server.route("POST", fx.ATTACHMENTS, Reply(200, answer))

    got = volumeattach.create(
        compute_client,
        fx.SERVER_ID,
        volumeattach.CreateOpts(volume_id=fx.VOLUME_ID, device="/dev/sdb"),
    ).extract()

    sent("POST", BASE, body={"volumeAttachment": {"volumeId": fx.VOLUME_ID, "device": "/dev/sdb"}})
    assert got is not None
    assert (got.device, got.tag, got.delete_on_termination) == ("/dev/sdb", None, None)


def test_create_conflict(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    body = {"conflictingRequest": {"code": 409, "message": "Invalid volume: volume is in-use"}}
    server.route("POST", fx.ATTACHMENTS, Reply(409, body))

    result = volumeattach.create(
        compute_client, fx.SERVER_ID, volumeattach.CreateOpts(volume_id=fx.VOLUME_ID)
    )

    sent("POST", BASE, body={"volumeAttachment": {"volumeId": fx.VOLUME_ID}})
    with pytest.raises(ConflictError, match="in-use"):
        result.extract()


@pytest.mark.parametrize(
    ("microversion", "opts", "error", "match"),
    [
        ("2.48", volumeattach.CreateOpts(volume_id=fx.VOLUME_ID, tag="foo"), MicroversionError,
         r"CreateOpts\.tag: compute microversion 2\.49 or later"),
        ("2.78", volumeattach.CreateOpts(volume_id=fx.VOLUME_ID, delete_on_termination=True),
         MicroversionError, r"CreateOpts\.delete_on_termination: .*2\.79"),
        ("2.79", volumeattach.CreateOpts(volume_id=""), MissingInputError, "volume_id"),
        ("2.79", volumeattach.CreateOpts(volume_id="a/b"), ValueError, "volume_id"),
    ],
)  # fmt: skip
def test_create_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str,
    opts: volumeattach.CreateOpts,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        volumeattach.create(compute_client.with_microversion(microversion), fx.SERVER_ID, opts)

    assert server.requests == []


@pytest.mark.parametrize(
    ("microversion", "body", "tags"),
    [(None, fx.LIST_V21, [None, None]), ("2.79", fx.LIST_V279, [None, "foo"])],
)
def test_list(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    microversion: str | None,
    body: dict[str, Any],
    tags: list[str | None],
) -> None:
    server.route("GET", fx.ATTACHMENTS, Reply(200, body))

    got = volumeattach.extract_volume_attachments(
        volumeattach.list(compute_client.with_microversion(microversion), fx.SERVER_ID).all_pages()
    )

    sent("GET", BASE, microversion=microversion)
    assert [(a.volume_id, a.device) for a in got] == [
        ("227cc671-f30b-4488-96fd-7d0bf13648d8", "/dev/sdc"),
        (fx.VOLUME_ID, "/dev/sdb"),
    ]
    assert [a.tag for a in got] == tags
    assert all(a.server_id == fx.SERVER_ID for a in got)


def test_list_with_limit_and_offset(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.ATTACHMENTS, Reply(200, {"volumeAttachments": []}))

    pager = volumeattach.list(
        compute_client, fx.SERVER_ID, volumeattach.ListOpts(limit=1, offset=1)
    )
    assert server.requests == []
    assert list(pager.items()) == []

    sent("GET", BASE, query={"limit": ["1"], "offset": ["1"]})


def test_list_refuses_a_negative_offset(server: FakeServer, compute_client: ServiceClient) -> None:
    with pytest.raises(ValueError, match="offset"):
        volumeattach.list(compute_client, fx.SERVER_ID, volumeattach.ListOpts(offset=-1))

    assert server.requests == []


def test_get_at_2_89(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.ATTACHMENT, Reply(200, fx.DETAIL_V289))

    result = volumeattach.get(compute_client.with_microversion("2.89"), fx.SERVER_ID, fx.VOLUME_ID)

    sent("GET", f"{BASE}/{fx.VOLUME_ID}", microversion="2.89")
    assert isinstance(result, volumeattach.GetResult)
    got = result.extract()
    assert got.id is None
    assert got.attachment_id == "721a5c82-5ebc-4c6a-8339-3d33d8d027ed"
    assert got.bdm_uuid == "c088db45-92b8-49e8-81e2-a1b77a144b3b"
    assert got.delete_on_termination is True


def test_get_not_attached(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.ATTACHMENT, Reply(404, fx.NOT_FOUND))

    result = volumeattach.get(compute_client, fx.SERVER_ID, fx.VOLUME_ID)

    sent("GET", f"{BASE}/{fx.VOLUME_ID}")
    with pytest.raises(NotFoundError, match="volume_id not found"):
        result.extract()


@pytest.mark.parametrize(("server_id", "volume_id"), [("", fx.VOLUME_ID), (fx.SERVER_ID, "x/y")])
def test_get_and_delete_refuse_bad_ids_before_sending(
    server: FakeServer, compute_client: ServiceClient, server_id: str, volume_id: str
) -> None:
    with pytest.raises(ValueError, match="_id"):
        volumeattach.get(compute_client, server_id, volume_id)
    with pytest.raises(ValueError, match="_id"):
        volumeattach.delete(compute_client, server_id, volume_id)

    assert server.requests == []


def test_update_swaps_the_volume(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", fx.ATTACHMENT, Reply(202))

    result = volumeattach.update(
        compute_client,
        fx.SERVER_ID,
        fx.VOLUME_ID,
        volumeattach.UpdateOpts(volume_id=fx.NEW_VOLUME_ID),
    )

    sent("PUT", f"{BASE}/{fx.VOLUME_ID}", body=fx.SWAP_REQUEST)
    assert isinstance(result, volumeattach.UpdateResult)
    result.extract_err()
    assert result.status_code == 202


def test_update_delete_on_termination_at_2_85(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", fx.ATTACHMENT, Reply(202))
    opts = volumeattach.UpdateOpts(volume_id=fx.VOLUME_ID, delete_on_termination=True)

    volumeattach.update(
        compute_client.with_microversion("2.85"), fx.SERVER_ID, fx.VOLUME_ID, opts
    ).extract_err()

    sent(
        "PUT",
        f"{BASE}/{fx.VOLUME_ID}",
        body={"volumeAttachment": {"volumeId": fx.VOLUME_ID, "delete_on_termination": True}},
        microversion="2.85",
    )


def test_update_delete_on_termination_needs_2_85(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    opts = volumeattach.UpdateOpts(volume_id=fx.VOLUME_ID, delete_on_termination=True)

    with pytest.raises(MicroversionError, match=r"UpdateOpts\.delete_on_termination: .*2\.85"):
        volumeattach.update(
            compute_client.with_microversion("2.84"), fx.SERVER_ID, fx.VOLUME_ID, opts
        )
    with pytest.raises(MissingInputError, match="volume_id"):
        volumeattach.update(
            compute_client,
            fx.SERVER_ID,
            fx.VOLUME_ID,
            volumeattach.UpdateOpts(volume_id=None),  # type: ignore[arg-type]
        )

    assert server.requests == []


def test_delete_detaches(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", fx.ATTACHMENT, Reply(202))

    result = volumeattach.delete(
        compute_client.with_microversion("2.79"), fx.SERVER_ID, fx.VOLUME_ID
    )

    sent("DELETE", f"{BASE}/{fx.VOLUME_ID}", microversion="2.79")
    assert isinstance(result, volumeattach.DeleteResult)
    result.extract_err()


def test_delete_missing(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", fx.ATTACHMENT, Reply(404, fx.NOT_FOUND))

    result = volumeattach.delete(compute_client, fx.SERVER_ID, fx.VOLUME_ID)

    sent("DELETE", f"{BASE}/{fx.VOLUME_ID}")
    with pytest.raises(NotFoundError):
        result.extract_err()


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"volume_id": fx.VOLUME_ID}
    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        volumeattach.create(compute_client, fx.SERVER_ID, as_dict)
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        volumeattach.update(compute_client, fx.SERVER_ID, fx.VOLUME_ID, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        volumeattach.list(compute_client, fx.SERVER_ID, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", volumeattach.CreateOpts),
        ("ListOptsBuilder", volumeattach.ListOpts),
        ("UpdateOptsBuilder", volumeattach.UpdateOpts),
    ],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(volumeattach, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(volumeattach.requests, old) is new


def test_per_operation_result_names_are_aliases() -> None:
    assert volumeattach.GetResult is volumeattach.VolumeAttachmentResult
    assert volumeattach.UpdateResult is volumeattach.DeleteResult
    assert issubclass(volumeattach.CreateResult, Result)
