"""Block storage v3 volume transfers, over loopback, before and after 3.55."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud._model import json_fields
from oscloud.errors import MicroversionError, MissingInputError
from oscloud.openstack.blockstorage.v3 import transfers
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import Sent
from tests.unit.openstack.blockstorage.v3.transfers import fixtures as fx
from tests.unit.openstack.blockstorage.v3.transfers.fixtures import AUTH_KEY, TRANSFER_ID, path


def test_create_keeps_the_auth_key_out_of_repr(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("os-volume-transfer"), Reply(202, fx.CREATE_RESPONSE))
    opts = transfers.CreateOpts(
        volume_id="c86b9af4-151d-4ead-b62c-5fb967af0e37", name="first volume"
    )

    got = transfers.create(cinder, opts).extract()

    sent("POST", "/os-volume-transfer", body=fx.CREATE_REQUEST)
    assert (got.id, got.name, got.auth_key) == (TRANSFER_ID, "first volume", AUTH_KEY)
    assert got.created_at is not None
    assert got.created_at.year == 2019
    assert AUTH_KEY not in repr(got)


def test_create_at_3_55_uses_the_new_path_and_no_snapshots(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("volume-transfers"), Reply(202, fx.CREATE_RESPONSE))
    opts = transfers.CreateOpts(volume_id="v1", no_snapshots=True)

    transfers.create(cinder.with_microversion("3.55"), opts).extract()

    sent(
        "POST",
        "/volume-transfers",
        body={"transfer": {"volume_id": "v1", "no_snapshots": True}},
        microversion="3.55",
    )


def test_no_snapshots_needs_3_55(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"CreateOpts\.no_snapshots: .* 3\.55"):
        transfers.create(cinder, transfers.CreateOpts(volume_id="v1", no_snapshots=True))

    assert server.requests == []


def test_accept_sends_the_key_in_the_body(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route(
        "POST", path("os-volume-transfer", TRANSFER_ID, "accept"), Reply(202, fx.ACCEPT_RESPONSE)
    )

    got = transfers.accept(cinder, TRANSFER_ID, AUTH_KEY).extract()

    recorded = sent(
        "POST",
        f"/os-volume-transfer/{TRANSFER_ID}/accept",
        body={"accept": {"auth_key": AUTH_KEY}},
    )
    assert AUTH_KEY not in recorded.raw_query
    assert got.volume_id == "e56dee53-e565-40f4-9c6b-b983f74a2aa5"


def test_a_refused_accept_does_not_show_the_key(server: FakeServer, cinder: ServiceClient) -> None:
    message = "Invalid auth key: Attempt to transfer 3d26db0c with invalid auth key."
    server.route(
        "POST",
        path("os-volume-transfer", TRANSFER_ID, "accept"),
        Reply(400, {"badRequest": {"message": message, "code": 400}}),
    )

    result = transfers.accept(cinder, TRANSFER_ID, AUTH_KEY)

    assert result.err is not None
    assert "invalid auth key" in str(result.err)
    assert AUTH_KEY not in str(result.err)
    assert AUTH_KEY not in repr(result.err)


def test_accept_needs_a_key(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="auth_key"):
        transfers.accept(cinder, TRANSFER_ID, "")

    assert server.requests == []


def test_list_at_3_57_reads_the_details(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", path("volume-transfers", "detail"), Reply(200, fx.DETAIL_V357))
    client = cinder.with_microversion("3.59")

    got = [*transfers.list(client, transfers.ListOpts(limit=1, sort="created_at:desc")).items()]

    sent(
        "GET",
        "/volume-transfers/detail",
        query={"sort": ["created_at:desc"], "limit": ["1"]},
        microversion="3.59",
    )
    assert [(t.source_project_id, t.destination_project_id, t.accepted) for t in got] == [
        (fx.SAMPLE_PROJECT, None, False)
    ]
    assert got[0].auth_key is None


def test_paging_needs_3_59(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"ListOpts\.limit: .* 3\.59"):
        transfers.list(cinder.with_microversion("3.57"), transfers.ListOpts(limit=1))

    assert server.requests == []


def test_get_list_simple_and_delete_before_3_55(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("os-volume-transfer", TRANSFER_ID), Reply(200, fx.CREATE_RESPONSE))
    server.route("GET", path("os-volume-transfer"), Reply(200, {"transfers": []}))
    server.route("DELETE", path("os-volume-transfer", TRANSFER_ID), Reply(202))

    assert transfers.get(cinder, TRANSFER_ID).extract().id == TRANSFER_ID
    assert [*transfers.list_simple(cinder).items()] == []
    assert transfers.delete(cinder, TRANSFER_ID).extract_err() is None

    assert [(r.method, r.path) for r in server.requests] == [
        ("GET", path("os-volume-transfer", TRANSFER_ID)),
        ("GET", path("os-volume-transfer")),
        ("DELETE", path("os-volume-transfer", TRANSFER_ID)),
    ]


def test_options_given_as_a_dict_are_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    client = cinder.with_microversion("3.59")
    as_dict: Any = {"volume_id": "v1"}

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        transfers.create(client, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        transfers.list(client, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        transfers.list_simple(client, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("CreateOptsBuilder", transfers.CreateOpts), ("ListOptsBuilder", transfers.ListOpts)],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(transfers, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(transfers.requests, old) is new


def test_the_model_declares_the_microversions_of_its_fields() -> None:
    declared = json_fields(transfers.Transfer)

    assert {name: f.min_version for name, f in declared.items() if f.min_version} == {
        "source_project_id": "3.57",
        "destination_project_id": "3.57",
        "accepted": "3.57",
        "no_snapshots": "3.55",
    }
    assert transfers.GetResult is transfers.CreateResult is transfers.AcceptResult
    assert transfers.GetResult is transfers.TransferResult
