"""Host aggregates: list, get, create, update, delete, hosts and metadata."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

import oscloud
from oscloud.errors import BadRequestError, ConflictError, MissingInputError, NotFoundError
from oscloud.openstack.compute.v2.extensions import aggregates
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.aggregates import fixtures as fx

UTC = _dt.timezone.utc


def test_list(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.AGGREGATES, Reply(200, fx.LIST))

    got = aggregates.extract_aggregates(
        aggregates.list(compute_client.with_microversion("2.41")).all_pages()
    )

    sent("GET", "/os-aggregates", microversion="2.41")
    assert got == [
        aggregates.Aggregate(
            id=1,
            name="name",
            uuid="6ba28ba7-f29b-45cc-a30b-6e3a40c2fb14",
            availability_zone="london",
            hosts=("compute",),
            metadata={"availability_zone": "london"},
            created_at=_dt.datetime(2016, 12, 27, 23, 47, 32, 911515, tzinfo=UTC),
            deleted=False,
        )
    ]


@pytest.mark.parametrize("aggregate_id", [1, "1"])
def test_get(
    server: FakeServer, compute_client: ServiceClient, sent: Sent, aggregate_id: int | str
) -> None:
    server.route("GET", fx.AGGREGATE, Reply(200, fx.GET_RESPONSE))

    result = aggregates.get(compute_client, aggregate_id)

    sent("GET", "/os-aggregates/1")
    assert isinstance(result, aggregates.GetResult)
    got = result.extract()
    assert (got.id, got.hosts, got.updated_at, got.deleted_at) == (1, (), None, None)
    assert isinstance(got.id, int)


def test_get_missing(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.AGGREGATE, Reply(404, fx.NOT_FOUND))

    result = aggregates.get(compute_client, 1)

    sent("GET", "/os-aggregates/1")
    with pytest.raises(NotFoundError, match="Aggregate 1 could not be found"):
        result.extract()


def test_create(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("POST", fx.AGGREGATES, Reply(200, fx.CREATE_RESPONSE))

    result = aggregates.create(
        compute_client.with_microversion("2.41"),
        aggregates.CreateOpts(name="name", availability_zone="nova"),
    )

    sent("POST", "/os-aggregates", body=fx.CREATE_REQUEST, microversion="2.41")
    assert isinstance(result, aggregates.CreateResult)
    got = result.extract()
    assert (got.id, got.uuid, got.availability_zone, got.hosts, got.metadata) == (
        1,
        "86a0da0e-9f0c-4f51-a1e0-3c25edab3783",
        "nova",
        (),
        {},
    )
    assert got.created_at == _dt.datetime(2016, 12, 27, 22, 51, 32, 877711, tzinfo=UTC)


def test_create_existing_name(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    body = {"conflictingRequest": {"code": 409, "message": "Aggregate name already exists."}}
    server.route("POST", fx.AGGREGATES, Reply(409, body))

    result = aggregates.create(compute_client, aggregates.CreateOpts(name="name"))

    sent("POST", "/os-aggregates", body={"aggregate": {"name": "name"}})
    with pytest.raises(ConflictError, match="already exists"):
        result.extract()


def test_update(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("PUT", fx.AGGREGATE, Reply(200, fx.UPDATE_RESPONSE))

    result = aggregates.update(
        compute_client, 1, aggregates.UpdateOpts(name="newname", availability_zone="nova2")
    )

    sent("PUT", "/os-aggregates/1", body=fx.UPDATE_REQUEST)
    assert isinstance(result, aggregates.UpdateResult)
    got = result.extract()
    assert (got.name, got.availability_zone) == ("newname", "nova2")
    assert got.updated_at == _dt.datetime(2016, 12, 27, 23, 47, 33, 143562, tzinfo=UTC)


def test_update_removes_the_zone(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", fx.AGGREGATE, Reply(200, fx.GET_RESPONSE))

    aggregates.update(
        compute_client, 1, aggregates.UpdateOpts(availability_zone=oscloud.NULL)
    ).extract()

    sent("PUT", "/os-aggregates/1", body={"aggregate": {"availability_zone": None}})


def test_delete(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", fx.AGGREGATE, Reply(200))

    result = aggregates.delete(compute_client, 1)

    sent("DELETE", "/os-aggregates/1")
    assert isinstance(result, aggregates.DeleteResult)
    result.extract_err()


def test_delete_with_hosts(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    body = {"badRequest": {"code": 400, "message": "Cannot remove aggregate 1. It has hosts."}}
    server.route("DELETE", fx.AGGREGATE, Reply(400, body))

    result = aggregates.delete(compute_client, 1)

    sent("DELETE", "/os-aggregates/1")
    with pytest.raises(BadRequestError, match="has hosts"):
        result.extract_err()


def test_add_host(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("POST", fx.ACTION, Reply(200, fx.ADD_HOST_RESPONSE))

    result = aggregates.add_host(compute_client, 1, "compute")

    sent("POST", "/os-aggregates/1/action", body=fx.ADD_HOST_REQUEST)
    assert isinstance(result, aggregates.ActionResult)
    assert result.extract().hosts == ("compute",)


def test_remove_host(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("POST", fx.ACTION, Reply(200, fx.REMOVE_HOST_RESPONSE))

    got = aggregates.remove_host(compute_client, "1", "compute").extract()

    sent("POST", "/os-aggregates/1/action", body=fx.REMOVE_HOST_REQUEST)
    assert got.hosts == ()


def test_set_metadata(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("POST", fx.ACTION, Reply(200, fx.METADATA_RESPONSE))

    got = aggregates.set_metadata(compute_client, 1, {"key": "value"}).extract()

    sent("POST", "/os-aggregates/1/action", body=fx.METADATA_REQUEST)
    assert got.metadata == {"availability_zone": "london", "key": "value"}


def test_set_metadata_none_deletes_a_key(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.ACTION, Reply(200, fx.GET_RESPONSE))

    aggregates.set_metadata(compute_client, 1, {"key": None}).extract()

    sent("POST", "/os-aggregates/1/action", body={"set_metadata": {"metadata": {"key": None}}})


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda c: aggregates.get(c, ""), MissingInputError, "aggregate_id"),
        (lambda c: aggregates.get(c, True), TypeError, "aggregate_id"),
        (lambda c: aggregates.delete(c, "1/2"), ValueError, "aggregate_id"),
        (lambda c: aggregates.create(c, aggregates.CreateOpts(name="")), ValueError, "name"),
        (lambda c: aggregates.create(c, aggregates.CreateOpts(name=None)), MissingInputError,  # type: ignore[arg-type]
         "name"),
        (lambda c: aggregates.update(c, 1, aggregates.UpdateOpts()), MissingInputError,
         "name or an availability_zone"),
        (lambda c: aggregates.add_host(c, 1, ""), ValueError, "host name"),
        (lambda c: aggregates.remove_host(c, 1, None), ValueError, "host name"),  # type: ignore[arg-type]
        (lambda c: aggregates.set_metadata(c, 1, {}), ValueError, "non-empty"),
        (lambda c: aggregates.set_metadata(c, 1, {"k": 1}), ValueError, "string"),  # type: ignore[dict-item]
        (lambda c: aggregates.set_metadata(c, 1, {"": "v"}), ValueError, "keys"),
    ],
)  # fmt: skip
def test_bad_input_raises_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    call: Any,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        call(compute_client)

    assert server.requests == []


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"name": "rack-1"}

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        aggregates.create(compute_client, as_dict)
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        aggregates.update(compute_client, 1, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("CreateOptsBuilder", aggregates.CreateOpts), ("UpdateOptsBuilder", aggregates.UpdateOpts)],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(aggregates, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(aggregates.requests, old) is new


@pytest.mark.parametrize("alias", ["GetResult", "CreateResult", "UpdateResult", "ActionResult"])
def test_per_operation_result_names_are_kept(alias: str) -> None:
    assert getattr(aggregates, alias) is aggregates.AggregateResult
    assert aggregates.DeleteResult is oscloud.results.ErrResult
