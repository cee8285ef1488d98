"""oscloud.results: Result, ErrResult, HeaderResult, extract_into, and unread errors."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import warnings
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
import pytest

from oscloud import errors
from oscloud._time import to_utc, to_utc_or_none
from oscloud.results import (
    ErrResult,
    HeaderResult,
    Result,
    UnretrievedErrorWarning,
    extract_into,
)
from oscloud.service import ServiceClient
from tests.unit.helpers import error_bodies
from tests.unit.helpers.server import FakeServer, Reply

FLAVOR_PATH = "/compute/v2.1/flavors/1"
CONTAINER_PATH = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/backups"

FLAVOR_BODY = {
    "flavor": {
        "OS-FLV-DISABLED:disabled": False,
        "disk": 1,
        "OS-FLV-EXT-DATA:ephemeral": 0,
        "os-flavor-access:is_public": True,
        "id": "1",
        "links": [{"href": "http://openstack.example.com/v2.1/flavors/1", "rel": "self"}],
        "name": "m1.tiny",
        "ram": 512,
        "swap": 0,
        "vcpus": 1,
        "rxtx_factor": 1.0,
        "description": None,
    }
}


@attrs.frozen(kw_only=True)
class Flavor:
    id: str
    name: str
    ram: int
    vcpus: int
    disk: int
    is_public: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Flavor:
        return cls(
            id=data["id"],
            name=data["name"],
            ram=int(data["ram"]),
            vcpus=int(data["vcpus"]),
            disk=int(data["disk"]),
            is_public=bool(data["os-flavor-access:is_public"]),
        )


class FlavorResult(Result[Flavor]):
    resource_key = "flavor"
    model = Flavor


class GetResult(FlavorResult):
    """The result of a flavor get."""


@attrs.frozen(kw_only=True)
class Container:
    object_count: int
    bytes_used: int
    last_modified: dt.datetime | None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> Container:
        return cls(
            object_count=int(headers["X-Container-Object-Count"]),
            bytes_used=int(headers["X-Container-Bytes-Used"]),
            last_modified=to_utc_or_none(headers.get("Last-Modified")),
        )


class HeadResult(HeaderResult[Container]):
    model = Container


class DeleteResult(ErrResult):
    """The result of a delete."""


def not_found() -> errors.NotFoundError:
    status, body, _ = error_bodies.NOVA_ITEM_NOT_FOUND
    err = errors.from_response("GET", "https://nova.example" + FLAVOR_PATH, status, body, {})
    assert isinstance(err, errors.NotFoundError)
    return err


@pytest.fixture
def unread_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """The UnretrievedErrorWarnings raised while the test runs (results collected at once)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnretrievedErrorWarning)
        yield caught


def unread(caught: list[warnings.WarningMessage]) -> list[str]:
    gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, UnretrievedErrorWarning)]


# -- Result -------------------------------------------------------------------------------


def test_extract_builds_the_model_from_the_resource_key() -> None:
    result = GetResult(
        body=FLAVOR_BODY, headers={"Content-Type": "application/json"}, status_code=200
    )

    flavor = result.extract()

    assert flavor == Flavor(id="1", name="m1.tiny", ram=512, vcpus=1, disk=1, is_public=True)
    assert result.err is None
    assert result.status_code == 200
    assert result.headers["content-type"] == "application/json"


def test_a_result_without_resource_key_or_model_gives_the_body() -> None:
    body = {"keypairs": []}

    assert Result(body=body).extract() is body


@pytest.mark.parametrize("body", [{"flavors": []}, None, [], "flavor"])
def test_a_missing_resource_key_is_an_invalid_response(body: Any) -> None:
    with pytest.raises(
        errors.InvalidResponseError, match="GetResult: the response body has no 'flavor' member"
    ):
        GetResult(body=body).extract()


@pytest.mark.parametrize(
    "flavor",
    [
        {"id": "1", "name": "m1.tiny"},  # KeyError
        {**FLAVOR_BODY["flavor"], "ram": "lots"},  # ValueError
        {**FLAVOR_BODY["flavor"], "vcpus": None},  # TypeError
        "m1.tiny",  # TypeError: string indices
    ],
)
def test_a_model_that_cannot_be_built_is_an_invalid_response(flavor: Any) -> None:
    with pytest.raises(
        errors.InvalidResponseError, match=r"^GetResult: Flavor: cannot read the response"
    ) as caught:
        GetResult(body={"flavor": flavor}).extract()

    assert isinstance(caught.value.__cause__, (KeyError, ValueError, TypeError))


def test_extract_and_err_give_the_carried_error() -> None:
    err = not_found()
    result = GetResult(err=err)

    assert result.err is err
    with pytest.raises(errors.NotFoundError) as caught:
        result.extract()
    assert caught.value is err
    assert result.body is None
    assert result.status_code is None


# -- ErrResult ----------------------------------------------------------------------------


def test_err_result() -> None:
    ok = DeleteResult(status_code=204)
    err = not_found()
    failed = DeleteResult(err=err)

    assert ok.extract_err() is None
    assert ok.extract() is None
    with pytest.raises(errors.NotFoundError) as caught:
        failed.extract_err()
    assert caught.value is err
    with pytest.raises(errors.NotFoundError):
        failed.extract()


# -- HeaderResult -------------------------------------------------------------------------


def test_header_result_reads_the_model_from_headers() -> None:
    headers = {
        "x-container-object-count": "3",
        "X-Container-Bytes-Used": "2048",
        "Last-Modified": "Thu, 27 Sep 2012 18:09:10 GMT",
        "X-Trans-Id": "tx1",
    }

    container = HeadResult(headers=headers, status_code=204).extract()

    assert container == Container(
        object_count=3, bytes_used=2048, last_modified=to_utc("2012-09-27T18:09:10Z")
    )
    assert isinstance(container.object_count, int)
    assert container.last_modified is not None
    assert container.last_modified.tzinfo is dt.timezone.utc


def test_header_result_with_unreadable_headers_is_an_invalid_response() -> None:
    with pytest.raises(errors.InvalidResponseError, match=r"^HeadResult: Container: cannot read"):
        HeadResult(headers={"X-Container-Object-Count": "3"}).extract()
    with pytest.raises(errors.InvalidResponseError, match=r"^HeadResult: Container: cannot read"):
        HeadResult(
            headers={"X-Container-Object-Count": "many", "X-Container-Bytes-Used": "0"}
        ).extract()


def test_header_result_without_a_model_gives_the_headers() -> None:
    headers = HeaderResult[Any](headers={"X-Trans-Id": "tx1"}).extract()

    assert headers["x-trans-id"] == "tx1"


# -- extract_into ---------------------------------------------------------------------------


def test_extract_into_reads_an_extension_field() -> None:
    body = {"server": {"id": "s1", "OS-DCF:diskConfig": "MANUAL"}, "other": {"x": 1}}
    result = Result[Any](body=body)

    def disk_config(server: Mapping[str, Any]) -> str:
        return str(server["OS-DCF:diskConfig"])

    assert extract_into(result, disk_config, "server") == "MANUAL"
    assert result.extract_into(lambda o: o["x"], "other") == 1
    assert extract_into(result, sorted) == ["other", "server"]  # no key: the whole body
    assert GetResult(body=FLAVOR_BODY).extract_into(lambda f: f["ram"]) == 512  # resource_key


def test_extract_into_errors() -> None:
    err = not_found()

    with pytest.raises(errors.NotFoundError) as caught:
        extract_into(GetResult(err=err), lambda f: f)
    assert caught.value is err
    with pytest.raises(errors.InvalidResponseError, match="no 'server' member"):
        extract_into(Result[Any](body={}), lambda s: s, "server")
    with pytest.raises(errors.InvalidResponseError, match=r"^GetResult.extract_into: cannot read"):
        extract_into(GetResult(body=FLAVOR_BODY), lambda f: f["OS-DCF:diskConfig"])


# -- unread errors --------------------------------------------------------------------------


def test_an_unread_error_warns_when_the_result_is_collected(
    unread_warnings: list[warnings.WarningMessage],
) -> None:
    result = DeleteResult(err=not_found())
    assert "err=NotFoundError(" in repr(result)  # repr does not count as reading

    del result

    (message,) = unread(unread_warnings)
    assert message.startswith("DeleteResult error was never retrieved: GET https://nova.example")
    assert "could not be found" in message


@pytest.mark.parametrize(
    "read",
    [
        lambda r: r.err,
        lambda r: r.extract(),
        lambda r: r.extract_err(),
        lambda r: r.extract_into(lambda b: b),
        lambda r: extract_into(r, lambda b: b),
    ],
    ids=["err", "extract", "extract_err", "extract_into-method", "extract_into-function"],
)
def test_a_read_error_does_not_warn(
    unread_warnings: list[warnings.WarningMessage], read: Callable[[DeleteResult], object]
) -> None:
    result = DeleteResult(err=not_found())
    with contextlib.suppress(errors.NotFoundError):
        read(result)

    del result

    assert unread(unread_warnings) == []


def test_results_without_errors_never_warn(unread_warnings: list[warnings.WarningMessage]) -> None:
    results = [DeleteResult(status_code=204), GetResult(body=FLAVOR_BODY), HeadResult(headers={})]

    del results

    assert unread(unread_warnings) == []


def test_repr() -> None:
    result = GetResult(body=FLAVOR_BODY, status_code=200)
    failed = GetResult(err=errors.ConnectError("GET", "https://nova.example/", "refused"))

    assert repr(result) == "<GetResult status_code=200>"
    assert repr(failed) == "<GetResult err=ConnectError('GET https://nova.example/: refused')>"
    assert failed.err is not None


# -- through ServiceClient.call -------------------------------------------------------------


def test_a_get_over_http_gives_a_typed_model(
    compute_client: ServiceClient, server: FakeServer
) -> None:
    server.route(
        "GET", FLAVOR_PATH, Reply(200, FLAVOR_BODY, headers={"X-Compute-Request-Id": "req-1"})
    )

    result = compute_client.with_microversion("2.61").call(
        GetResult, "GET", compute_client.service_url("flavors", "1"), ok_codes=(200,)
    )

    assert result.extract().ram == 512
    assert result.headers["x-compute-request-id"] == "req-1"
    (sent,) = server.received("GET", FLAVOR_PATH)
    assert sent.headers["X-OpenStack-Nova-API-Version"] == "2.61"


def test_a_404_over_http_is_carried_in_err(
    compute_client: ServiceClient, server: FakeServer
) -> None:
    status, body, message = error_bodies.NOVA_ITEM_NOT_FOUND
    server.route(
        "GET",
        FLAVOR_PATH,
        Reply(status, body.encode(), headers={"Content-Type": "application/json"}),
    )

    result = compute_client.call(
        GetResult, "GET", compute_client.service_url("flavors", "1"), ok_codes=(200,)
    )

    assert isinstance(result.err, errors.NotFoundError)
    assert result.err.message == message
    with pytest.raises(errors.NotFoundError):
        result.extract()


def test_a_head_over_http_gives_a_model_from_headers(provider: Any, server: FakeServer) -> None:
    from tests.unit.conftest import make_service_client

    client = make_service_client(
        provider, "object-store", "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
    )
    server.route(
        "HEAD",
        CONTAINER_PATH,
        Reply(
            204,
            headers={
                "X-Container-Object-Count": "12",
                "X-Container-Bytes-Used": "4096",
                "Last-Modified": "Thu, 27 Sep 2012 18:09:10 GMT",
            },
        ),
    )

    container = client.call(HeadResult, "HEAD", client.service_url("backups")).extract()

    assert container.object_count == 12
    assert container.bytes_used == 4096
    assert container.last_modified == to_utc("2012-09-27T18:09:10Z")
    assert len(server.received("HEAD", CONTAINER_PATH)) == 1
