"""Compute v2 key pairs: listing (wrapped items, paging), get, generate, import, delete."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from oscloud.errors import (
    ConflictError,
    InvalidResponseError,
    MicroversionError,
    MissingInputError,
    NotFoundError,
)
from oscloud.openstack.compute.v2 import keypairs
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import COMPUTE, Sent, assert_microversion
from tests.unit.openstack.compute.v2.keypairs import fixtures as fx
from tests.unit.openstack.compute.v2.keypairs.fixtures import path

UTC = _dt.timezone.utc


# -- listing --------------------------------------------------------------------------------


def test_list_at_2_1_unwraps_each_keypair(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("os-keypairs"), 200, fx.LIST_V21)

    got = keypairs.extract_keypairs(keypairs.list(compute_client).all_pages())

    sent("GET", "/os-keypairs")
    assert got == [
        keypairs.KeyPair(name=fx.KEY_NAME, fingerprint=fx.FINGERPRINT, public_key=fx.PUBLIC_KEY)
    ]
    assert got[0].type is None
    assert got[0].private_key is None


def test_list_at_2_35_follows_keypairs_links(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, second = fx.list_pages(server.url)
    server.route("GET", path("os-keypairs"), Reply(200, first), Reply(200, second))
    client = compute_client.with_microversion("2.35")

    pager = keypairs.list(client, keypairs.ListOpts(limit=1))
    assert server.requests == []
    got = list(pager.items())

    assert [(k.name, k.type) for k in got] == [
        (fx.KEY_NAME, "ssh"),
        ("keypair-b3c3f8d6-1e58-4a5e-9d6b-7f5c2a1e0b9d", "x509"),
    ]
    assert [(r.method, r.path, r.query) for r in server.requests] == [
        ("GET", COMPUTE + "/os-keypairs", {"limit": ["1"]}),
        ("GET", COMPUTE + "/os-keypairs", {"limit": ["1"], "marker": [fx.KEY_NAME]}),
    ]
    for recorded in server.requests:
        assert_microversion(recorded, "2.35")


def test_list_another_users_keypairs_at_2_10(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("os-keypairs"), 200, fx.LIST_V21)

    got = list(
        keypairs.list(
            compute_client.with_microversion("2.10"), keypairs.ListOpts(user_id="user2")
        ).items()
    )

    sent("GET", "/os-keypairs", query={"user_id": ["user2"]}, microversion="2.10")
    assert [k.name for k in got] == [fx.KEY_NAME]


@pytest.mark.parametrize(
    ("microversion", "opts", "match"),
    [
        (None, keypairs.ListOpts(user_id="user2"), r"2\.10"),
        ("2.9", keypairs.ListOpts(user_id="user2"), r"2\.10"),
        ("2.34", keypairs.ListOpts(limit=1), r"2\.35"),
        ("2.34", keypairs.ListOpts(marker="key-1"), r"2\.35"),
    ],
)
def test_list_refuses_filters_the_microversion_lacks(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str | None,
    opts: keypairs.ListOpts,
    match: str,
) -> None:
    with pytest.raises(MicroversionError, match=match):
        keypairs.list(compute_client.with_microversion(microversion), opts)

    assert server.requests == []


def test_list_refuses_a_negative_limit(server: FakeServer, compute_client: ServiceClient) -> None:
    with pytest.raises(ValueError, match="limit"):
        keypairs.list(compute_client.with_microversion("2.35"), keypairs.ListOpts(limit=-1))

    assert server.requests == []


def test_list_with_an_unwrapped_item_is_invalid(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle(server, "GET", path("os-keypairs"), 200, {"keypairs": [["not", "a", "keypair"]]})

    with pytest.raises(InvalidResponseError, match="keypair"):
        list(keypairs.list(compute_client).items())


# -- get ------------------------------------------------------------------------------------


def test_get_reads_the_stored_fields(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    name = fx.GET_RESPONSE["keypair"]["name"]
    fx.handle(server, "GET", path("os-keypairs", name), 200, fx.GET_RESPONSE)

    result = keypairs.get(compute_client.with_microversion("2.2"), name)

    sent("GET", f"/os-keypairs/{name}", microversion="2.2")
    assert isinstance(result, keypairs.GetResult)
    got = result.extract()
    assert got.id == 1
    assert isinstance(got.id, int)
    assert got.created_at == _dt.datetime(2014, 5, 7, 12, 6, 13, 681238, tzinfo=UTC)
    assert (got.updated_at, got.deleted, got.deleted_at) == (None, False, None)
    assert (got.type, got.user_id, got.private_key) == ("ssh", "fake", None)
    assert got.fingerprint == "9d:00:f4:d7:26:6e:52:06:4c:c1:d3:1d:fd:06:66:01"


def test_get_quotes_a_name_with_spaces_and_at_signs(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    quoted = "me.and.myself%40this.nice.domain.com%20mooh."
    fx.handle(server, "GET", path("os-keypairs", quoted), 200, fx.IMPORT_RESPONSE)

    got = keypairs.get(compute_client, "me.and.myself@this.nice.domain.com mooh.").extract()

    sent("GET", f"/os-keypairs/{quoted}")
    assert got.name == "me.and.myself@this.nice.domain.com mooh."


def test_get_another_users_keypair_at_2_10(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    name = fx.GET_RESPONSE["keypair"]["name"]
    fx.handle(server, "GET", path("os-keypairs", name), 200, fx.GET_RESPONSE)

    keypairs.get(
        compute_client.with_microversion("2.10"), name, keypairs.GetOpts(user_id="fake")
    ).extract()

    sent("GET", f"/os-keypairs/{name}", query={"user_id": ["fake"]}, microversion="2.10")


def test_get_user_id_needs_2_10(server: FakeServer, compute_client: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"2\.10"):
        keypairs.get(compute_client, "key-1", keypairs.GetOpts(user_id="fake"))

    assert server.requests == []


def test_get_missing_keypair(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "GET", path("os-keypairs", "nope"), 404, fx.NOT_FOUND)

    result = keypairs.get(compute_client, "nope")

    sent("GET", "/os-keypairs/nope")
    with pytest.raises(NotFoundError, match="Keypair nope not found"):
        result.extract()


@pytest.mark.parametrize(("name", "error"), [("", MissingInputError), ("a/b", ValueError)])
def test_get_and_delete_refuse_a_bad_name_before_sending(
    server: FakeServer, compute_client: ServiceClient, name: str, error: type[Exception]
) -> None:
    with pytest.raises(error, match="keypair_name"):
        keypairs.get(compute_client, name)
    with pytest.raises(error, match="keypair_name"):
        keypairs.delete(compute_client, name)

    assert server.requests == []


# -- create ---------------------------------------------------------------------------------


def test_create_generates_a_pair_at_2_2(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "POST", path("os-keypairs"), 201, fx.GENERATE_RESPONSE)
    opts = keypairs.CreateOpts(
        name="keypair-ab9ff2e6-a6d7-4915-a241-044c369c07f9", type=keypairs.KeyType.SSH
    )

    result = keypairs.create(compute_client.with_microversion("2.2"), opts)

    sent("POST", "/os-keypairs", body=fx.GENERATE_REQUEST, microversion="2.2")
    assert isinstance(result, keypairs.CreateResult)
    assert result.status_code == 201
    got = result.extract()
    assert got.private_key == fx.PRIVATE_KEY
    assert (got.name, got.type, got.user_id) == (
        "keypair-50ca852e-273f-4cdc-8949-45feba200837",
        "ssh",
        "fake",
    )
    assert "PRIVATE KEY" not in repr(got)
    assert "private_key" not in repr(got)


def test_create_generates_a_pair_at_2_1_answering_200(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    body = {"keypair": {k: v for k, v in fx.GENERATE_RESPONSE["keypair"].items() if k != "type"}}
    fx.handle(server, "POST", path("os-keypairs"), 200, body)

    got = keypairs.create(compute_client, keypairs.CreateOpts(name="key-1")).extract()

    sent("POST", "/os-keypairs", body={"keypair": {"name": "key-1"}})
    assert (got.private_key, got.type) == (fx.PRIVATE_KEY, None)


def test_create_imports_a_public_key_at_2_92(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "POST", path("os-keypairs"), 201, fx.IMPORT_RESPONSE)
    opts = keypairs.CreateOpts(
        name="me.and.myself@this.nice.domain.com mooh.",
        type="ssh",
        public_key=fx.IMPORTED_KEY,
        user_id="fake",
    )

    got = keypairs.create(compute_client.with_microversion("2.92"), opts).extract()

    sent("POST", "/os-keypairs", body=fx.IMPORT_REQUEST, microversion="2.92")
    assert (got.public_key, got.private_key) == (fx.IMPORTED_KEY, None)
    assert got.fingerprint == "1e:2c:9b:56:79:4b:45:77:f9:ca:7a:98:2c:b0:d5:3c"


@pytest.mark.parametrize("microversion", ["2.92", "2.93", "latest"])
def test_create_without_a_public_key_from_2_92_raises_before_sending(
    server: FakeServer, compute_client: ServiceClient, microversion: str
) -> None:
    with pytest.raises(MissingInputError, match=r"public_key is required .* 2\.92"):
        keypairs.create(
            compute_client.with_microversion(microversion), keypairs.CreateOpts(name="key-1")
        )

    assert server.requests == []


@pytest.mark.parametrize(
    ("microversion", "changes", "error", "match"),
    [
        ("2.1", {"type": "ssh"}, MicroversionError, r"2\.2"),
        ("2.9", {"user_id": "fake"}, MicroversionError, r"2\.10"),
        ("2.2", {"name": None}, MissingInputError, r"CreateOpts\.name"),
        ("2.2", {"name": ""}, ValueError, "non-empty"),
        ("2.2", {"name": "a/b"}, ValueError, "'/'"),
        ("2.2", {"name": "k" * 256}, ValueError, "255"),
        ("2.2", {"type": "rsa"}, ValueError, "KeyType"),
        ("2.2", {"public_key": "  "}, ValueError, "public_key"),
    ],
)
def test_create_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str,
    changes: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    fields: dict[str, Any] = {"name": "key-1", **changes}

    with pytest.raises(error, match=match):
        keypairs.create(
            compute_client.with_microversion(microversion), keypairs.CreateOpts(**fields)
        )

    assert server.requests == []


def test_create_existing_name_is_a_conflict(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    body = {"conflictingRequest": {"code": 409, "message": "Key pair 'key-1' already exists."}}
    fx.handle(server, "POST", path("os-keypairs"), 409, body)

    result = keypairs.create(
        compute_client, keypairs.CreateOpts(name="key-1", public_key=fx.IMPORTED_KEY)
    )

    sent("POST", "/os-keypairs", body={"keypair": {"name": "key-1", "public_key": fx.IMPORTED_KEY}})
    with pytest.raises(ConflictError, match="already exists"):
        result.extract()


# -- delete ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("microversion", "status"), [(None, 202), ("2.2", 204)])
def test_delete(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    microversion: str | None,
    status: int,
) -> None:
    fx.handle(server, "DELETE", path("os-keypairs", "key-1"), status)

    result = keypairs.delete(compute_client.with_microversion(microversion), "key-1")

    sent("DELETE", "/os-keypairs/key-1", microversion=microversion)
    assert isinstance(result, keypairs.DeleteResult)
    result.extract_err()
    assert result.status_code == status


def test_delete_another_users_keypair_at_2_10(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "DELETE", path("os-keypairs", "key-1"), 204)

    keypairs.delete(
        compute_client.with_microversion("2.10"), "key-1", keypairs.DeleteOpts(user_id="user2")
    ).extract_err()

    sent("DELETE", "/os-keypairs/key-1", query={"user_id": ["user2"]}, microversion="2.10")


def test_delete_user_id_needs_2_10(server: FakeServer, compute_client: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"2\.10"):
        keypairs.delete(compute_client, "key-1", keypairs.DeleteOpts(user_id="user2"))

    assert server.requests == []


def test_delete_missing_keypair(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "DELETE", path("os-keypairs", "nope"), 404, fx.NOT_FOUND)

    result = keypairs.delete(compute_client, "nope")

    sent("DELETE", "/os-keypairs/nope")
    with pytest.raises(NotFoundError):
        result.extract_err()
