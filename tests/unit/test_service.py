"""ServiceClient: URLs, ids, microversions (headers and discovery), verbs and call()."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import pytest

from oscloud import RetryPolicy
from oscloud.errors import (
    ConnectError,
    InvalidResponseError,
    MicroversionError,
    MissingInputError,
    NotFoundError,
)
from oscloud.provider import ProviderClient
from oscloud.results import Result
from oscloud.service import MicroversionRange, ServiceClient, check_id, version_url
from tests.unit.conftest import make_service_client
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Reply

PROJECT_ID = "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"


def nova_version(base_url: str, *, version: str = "2.96", min_version: str = "2.1") -> Any:
    """Nova's answer to ``GET /v2.1/``."""
    return {
        "version": {
            "id": "v2.1",
            "status": "CURRENT",
            "version": version,
            "min_version": min_version,
            "updated": "2013-07-23T11:33:21Z",
            "links": [
                {"rel": "self", "href": base_url + "/compute/v2.1/"},
                {"rel": "describedby", "type": "text/html", "href": "http://docs.openstack.org/"},
            ],
            "media-types": [
                {
                    "base": "application/json",
                    "type": "application/vnd.openstack.compute+json;version=2.1",
                }
            ],
        }
    }


def cinder_versions(base_url: str) -> Any:
    """Cinder's answer to ``GET /v3/``."""
    return {
        "versions": [
            {
                "id": "v3.0",
                "status": "CURRENT",
                "version": "3.71",
                "min_version": "3.0",
                "updated": "2023-08-31T00:00:00Z",
                "links": [
                    {
                        "rel": "describedby",
                        "type": "text/html",
                        "href": "https://docs.openstack.org/",
                    },
                    {"rel": "self", "href": base_url + "/volume/v3/"},
                ],
                "media-types": [
                    {
                        "base": "application/json",
                        "type": "application/vnd.openstack.volume+json;version=3",
                    }
                ],
            }
        ]
    }


def legacy_nova_version(base_url: str) -> Any:
    """Nova's v2.0 (no microversions) version document."""
    return {
        "version": {
            "id": "v2.0",
            "status": "SUPPORTED",
            "version": "",
            "min_version": "",
            "updated": "2011-01-21T11:33:21Z",
            "links": [{"rel": "self", "href": base_url + "/compute/v2/"}],
        }
    }


@pytest.fixture
def volume_client(provider: ProviderClient) -> ServiceClient:
    return make_service_client(provider, "block-storage", f"/volume/v3/{PROJECT_ID}")


# -- URLs and ids --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "tail"),
    [
        (("servers",), "servers"),
        (("servers", "a b"), "servers/a%20b"),
        (("os-keypairs", "a/b"), "os-keypairs/a%2Fb"),
        (("servers", "d\u00e9j\u00e0-\u2603"), "servers/d%C3%A9j%C3%A0-%E2%98%83"),
        (("c", "x?y#z%"), "c/x%3Fy%23z%25"),
        (("c", "..a"), "c/..a"),
        (("c", "..."), "c/..."),
    ],
)
def test_service_url_quotes_each_part(
    compute_client: ServiceClient, parts: tuple[str, ...], tail: str
) -> None:
    assert compute_client.service_url(*parts) == compute_client.endpoint + tail


def test_service_url_reaches_the_server_as_one_segment(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/os-keypairs/a%2F..%2Fb", Reply(200, {"keypair": {}}))

    compute_client.get(compute_client.service_url("os-keypairs", "a/../b"))

    assert [r.path for r in server.requests] == ["/compute/v2.1/os-keypairs/a%2F..%2Fb"]


@pytest.mark.parametrize("part", [".", ".."])
def test_service_url_refuses_dot_segments(compute_client: ServiceClient, part: str) -> None:
    with pytest.raises(ValueError, match="move up the path"):
        compute_client.service_url("os-keypairs", part)


def test_service_url_refuses_empty_and_non_string_parts(compute_client: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="empty path segment"):
        compute_client.service_url("servers", "")
    with pytest.raises(TypeError, match="must be a str, not int"):
        compute_client.service_url("servers", 5)  # type: ignore[arg-type]


def test_resource_base(provider: ProviderClient) -> None:
    client = ServiceClient(
        provider=provider, endpoint="https://swift.example/v1/AUTH_x", resource_base="https://b/x"
    )
    assert client.endpoint == "https://swift.example/v1/AUTH_x/"
    assert client.base_url == "https://b/x/"
    assert client.service_url("c", "o") == "https://b/x/c/o"


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("", MissingInputError, "server_id is required"),
        (None, MissingInputError, "server_id is required"),
        (42, TypeError, r"server_id must be a str, not int \(42\)"),
        (b"ab", TypeError, r"server_id must be a str, not bytes"),
        ("a/b", ValueError, "must not contain '/'"),
        ("/", ValueError, "must not contain '/'"),
        (".", ValueError, "must not be '.'"),
        ("..", ValueError, "must not be '..'"),
    ],
)
def test_check_id_refuses(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        check_id("server_id", value)


def test_check_id_accepts_any_other_string() -> None:
    assert check_id("server_id", "9f1c e\u00e9") == "9f1c e\u00e9"


def test_version_url() -> None:
    assert (
        version_url(f"https://c.example/volume/v3/{PROJECT_ID}/") == "https://c.example/volume/v3/"
    )
    assert version_url("https://n.example:8774/v2.1/") == "https://n.example:8774/v2.1/"
    assert version_url("https://n.example/") == "https://n.example/"


# -- microversions -------------------------------------------------------------------------


def test_client_is_frozen(compute_client: ServiceClient) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        compute_client.microversion = "2.1"  # type: ignore[misc]


def test_with_microversion_returns_a_copy(compute_client: ServiceClient) -> None:
    newer = compute_client.with_microversion("2.79")

    assert newer is not compute_client
    assert newer.microversion == "2.79"
    assert compute_client.microversion is None
    assert newer.provider is compute_client.provider
    assert newer.with_microversion(None).microversion is None
    assert compute_client.with_microversion("latest").microversion == "latest"
    assert compute_client.with_microversion(" 2.8 ").microversion == "2.8"


@pytest.mark.parametrize("bad", ["2", "two.one", "2.x", "v2.1", "2.1.3", "", "latest2"])
def test_with_microversion_validates(compute_client: ServiceClient, bad: str) -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR"):
        compute_client.with_microversion(bad)


@pytest.mark.parametrize("bad", [2.79, 2, ("2", "79")])
def test_with_microversion_refuses_what_is_not_a_string(
    compute_client: ServiceClient, bad: object
) -> None:
    with pytest.raises(TypeError, match=r"a microversion is a string like '2\.79'"):
        compute_client.with_microversion(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("version", "low", "high", "refused"),
    [
        ("2.26", "2.26", None, None),
        ("2.25", "2.26", None, r"2\.26 or later is required; the client sends 2\.25"),
        (None, "2.26", None, r"2\.26 or later is required; the client sends none"),
        ("2.56", None, "2.56", None),
        (None, None, "2.56", None),
        ("2.57", None, "2.56", r"2\.56 or earlier is required \(2\.57 removed it\)"),
        ("latest", None, "2.56", "the client sends latest"),
        ("2.40", "2.32", "2.56", None),
    ],
)
def test_require_microversion_range(
    compute_client: ServiceClient,
    version: str | None,
    low: str | None,
    high: str | None,
    refused: str | None,
) -> None:
    client = compute_client.with_microversion(version)

    if refused is None:
        client.require_microversion_range(low, high, "Opts.field")
    else:
        with pytest.raises(MicroversionError, match=refused):
            client.require_microversion_range(low, high, "Opts.field")


def test_microversion_at_least(compute_client: ServiceClient) -> None:
    assert compute_client.with_microversion("2.79").microversion_at_least("2.9")
    assert not compute_client.with_microversion("2.9").microversion_at_least("2.79")
    assert compute_client.with_microversion("latest").microversion_at_least("2.96")
    assert not compute_client.microversion_at_least("2.1")


def test_compute_sends_both_microversion_headers(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/servers", Reply(200, {"servers": []}))

    compute_client.with_microversion("2.79").get(compute_client.service_url("servers"))

    (sent,) = server.requests
    assert sent.headers["X-OpenStack-Nova-API-Version"] == "2.79"
    assert sent.headers["OpenStack-API-Version"] == "compute 2.79"
    assert sent.headers["X-Auth-Token"] == TOKEN_ID


@pytest.mark.parametrize("service_type", ["block-storage", "volumev3", "volume"])
def test_block_storage_sends_the_volume_header(
    server: FakeServer, provider: ProviderClient, service_type: str
) -> None:
    client = make_service_client(provider, service_type, f"/volume/v3/{PROJECT_ID}")
    server.route("GET", f"/volume/v3/{PROJECT_ID}/volumes", Reply(200, {"volumes": []}))

    client.with_microversion("3.27").get(client.service_url("volumes"))

    (sent,) = server.requests
    assert sent.headers["OpenStack-API-Version"] == "volume 3.27"
    assert "X-OpenStack-Nova-API-Version" not in sent.headers


def test_no_microversion_no_headers(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("GET", "/compute/v2.1/flavors", Reply(200, {"flavors": []}))

    compute_client.get(compute_client.service_url("flavors"))

    (sent,) = server.requests
    assert "OpenStack-API-Version" not in sent.headers
    assert "X-OpenStack-Nova-API-Version" not in sent.headers


def test_caller_headers_are_added(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("GET", "/compute/v2.1/flavors", Reply(200, {"flavors": []}))

    compute_client.with_microversion("2.1").get(
        compute_client.service_url("flavors"), headers={"X-Test": "yes"}
    )

    (sent,) = server.requests
    assert sent.headers["X-Test"] == "yes"
    assert sent.headers["OpenStack-API-Version"] == "compute 2.1"


def test_shared_client_between_threads(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("GET", "/compute/v2.1/flavors", Reply(200, {"flavors": []}))
    versions = [f"2.{minor}" for minor in range(1, 13)]
    barrier = threading.Barrier(4)

    def work(version: str) -> str:
        if versions.index(version) < 4:
            barrier.wait(timeout=5)
        client = compute_client.with_microversion(version)
        client.get(client.service_url("flavors"))
        return version

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert sorted(pool.map(work, versions)) == sorted(versions)

    sent = sorted(r.headers["X-OpenStack-Nova-API-Version"] for r in server.requests)
    assert sent == sorted(versions)
    assert all(
        r.headers["OpenStack-API-Version"] == "compute " + r.headers["X-OpenStack-Nova-API-Version"]
        for r in server.requests
    )
    assert compute_client.microversion is None


# -- microversion discovery ----------------------------------------------------------------


def test_discover_nova(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, nova_version(server.url)))

    found = compute_client.discover_microversions()

    assert found == MicroversionRange(min_version="2.1", max_version="2.96")
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("GET", "/compute/v2.1/")
    assert sent.headers["X-Auth-Token"] == TOKEN_ID


def test_discover_cinder_reads_the_version_root(
    server: FakeServer, volume_client: ServiceClient
) -> None:
    server.route("GET", "/volume/v3/", Reply(200, cinder_versions(server.url)))

    found = volume_client.discover_microversions()

    assert found == MicroversionRange(min_version="3.0", max_version="3.71")
    assert [r.path for r in server.requests] == ["/volume/v3/"]


def test_discover_a_service_without_microversions(
    server: FakeServer, provider: ProviderClient
) -> None:
    client = make_service_client(provider, "compute", "/compute/v2")
    server.route("GET", "/compute/v2/", Reply(200, legacy_nova_version(server.url)))

    assert client.discover_microversions() is None
    assert client.discover_microversions() is None
    assert len(server.requests) == 1


def test_discovery_is_cached_per_provider(
    server: FakeServer, compute_client: ServiceClient, sleeps: list[float]
) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, nova_version(server.url)))

    compute_client.discover_microversions()
    compute_client.with_microversion("2.10").discover_microversions()
    make_service_client(
        compute_client.provider, "compute", "/compute/v2.1"
    ).discover_microversions()
    assert len(server.requests) == 1

    other = ProviderClient(
        identity_endpoint=compute_client.provider.identity_endpoint,
        retry=RetryPolicy(sleep=sleeps.append),
    )
    other.set_token("another-token")
    make_service_client(other, "compute", "/compute/v2.1").discover_microversions()
    assert len(server.requests) == 2
    assert server.requests[1].headers["X-Auth-Token"] == "another-token"


def test_discovery_of_something_that_is_not_a_version_document(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, {"servers": []}))

    with pytest.raises(InvalidResponseError, match="no version document"):
        compute_client.discover_microversions()


def test_discovery_of_a_non_json_answer(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, "<html>hello</html>"))

    with pytest.raises(InvalidResponseError, match="not JSON"):
        compute_client.discover_microversions()


@pytest.mark.parametrize(
    ("up_to", "oscloud_max", "chosen"),
    [
        (None, None, "2.96"),
        ("2.79", None, "2.79"),
        (None, "2.90", "2.90"),
        ("2.79", "2.90", "2.79"),
        ("2.100", "2.90", "2.90"),
        ("3.0", None, "2.96"),
    ],
)
def test_with_highest_microversion(
    server: FakeServer,
    compute_client: ServiceClient,
    up_to: str | None,
    oscloud_max: str | None,
    chosen: str,
) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, nova_version(server.url)))
    server.route("GET", "/compute/v2.1/servers", Reply(200, {"servers": []}))
    client = attrs.evolve(compute_client, max_microversion=oscloud_max)

    newer = client.with_highest_microversion(up_to, minimum="2.1")
    newer.get(newer.service_url("servers"))

    assert newer.microversion == chosen
    assert client.microversion is None
    assert server.requests[-1].headers["OpenStack-API-Version"] == f"compute {chosen}"


def test_with_highest_microversion_older_cloud(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, nova_version(server.url, version="2.60")))
    client = attrs.evolve(compute_client, max_microversion="2.96")

    with pytest.raises(MicroversionError) as caught:
        client.with_highest_microversion(minimum="2.79")

    message = str(caught.value)
    assert "compute" in message
    assert "supports 2.1 to 2.60" in message
    assert "2.79 is required" in message


def test_with_highest_microversion_minimum_below_the_servers(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, nova_version(server.url, min_version="2.10")))

    assert compute_client.with_highest_microversion(minimum="2.1").microversion == "2.96"


def test_with_highest_microversion_caller_below_the_servers_minimum(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/", Reply(200, nova_version(server.url, min_version="2.10")))

    with pytest.raises(MicroversionError, match=r"the caller up to 2\.5"):
        compute_client.with_highest_microversion("2.5")


def test_with_highest_microversion_without_microversions(
    server: FakeServer, provider: ProviderClient
) -> None:
    client = make_service_client(provider, "compute", "/compute/v2").with_microversion("2.1")
    server.route("GET", "/compute/v2/", Reply(200, legacy_nova_version(server.url)))

    assert client.with_highest_microversion().microversion is None
    with pytest.raises(MicroversionError, match=r"has no microversions; 2\.1 is required"):
        client.with_highest_microversion(minimum="2.1")


@pytest.mark.parametrize(("up_to", "minimum"), [("latest", None), (None, "2"), ("2.x", "2.1")])
def test_with_highest_microversion_validates_before_any_request(
    server: FakeServer, compute_client: ServiceClient, up_to: str | None, minimum: str | None
) -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR"):
        compute_client.with_highest_microversion(up_to, minimum=minimum)
    assert server.requests == []


# -- verbs and call() ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "status"),
    [("get", 200), ("post", 202), ("put", 201), ("patch", 200), ("delete", 204), ("head", 200)],
)
def test_verbs(server: FakeServer, compute_client: ServiceClient, verb: str, status: int) -> None:
    method = verb.upper()
    server.route(method, "/compute/v2.1/things/t1", Reply(status))
    url = compute_client.service_url("things", "t1")
    kwargs: dict[str, Any] = {"json": {"thing": {"name": "n"}}} if verb in ("post", "patch") else {}
    if verb == "put":
        kwargs = {"data": b"raw bytes"}

    response = getattr(compute_client.with_microversion("2.5"), verb)(url, **kwargs)

    assert response.status_code == status
    (sent,) = server.requests
    assert (sent.method, sent.path) == (method, "/compute/v2.1/things/t1")
    assert sent.headers["OpenStack-API-Version"] == "compute 2.5"
    if verb in ("post", "patch"):
        assert sent.json() == {"thing": {"name": "n"}}
    if verb == "put":
        assert sent.body == b"raw bytes"


def test_verb_with_unexpected_status_raises(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/things/t1", Reply(200))

    with pytest.raises(Exception, match="expected 204, got 200"):
        compute_client.get(compute_client.service_url("things", "t1"), ok_codes=(204,))


def test_call_gives_the_json_body(server: FakeServer, compute_client: ServiceClient) -> None:
    body = {"flavor": {"id": "1", "name": "m1.tiny", "ram": 512, "vcpus": 1}}
    server.route("GET", "/compute/v2.1/flavors/1", Reply(200, body, headers={"X-Extra": "1"}))

    result = compute_client.call(Result, "GET", compute_client.service_url("flavors", "1"))

    assert result.err is None
    assert result.body == body
    assert result.status_code == 200
    assert result.headers["x-extra"] == "1"


def test_call_with_json_list_and_no_content_type(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", "/compute/v2.1/x", Reply(200, b"[1, 2]"))

    assert compute_client.call(Result, "GET", compute_client.service_url("x")).body == [1, 2]


def test_call_with_a_text_body(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("GET", "/compute/v2.1/x", Reply(200, "plain text"))

    result = compute_client.call(Result, "GET", compute_client.service_url("x"))

    assert result.err is None
    assert result.body is None


def test_call_with_no_body(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("DELETE", "/compute/v2.1/x", Reply(204))

    result = compute_client.call(Result, "DELETE", compute_client.service_url("x"))

    assert (result.err, result.body, result.status_code) == (None, None, 204)


def test_call_turns_an_error_status_into_err(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    body = {"itemNotFound": {"message": "Flavor 9 could not be found.", "code": 404}}
    server.route(
        "GET",
        "/compute/v2.1/flavors/9",
        Reply(404, body, headers={"X-Compute-Request-Id": "req-42"}),
    )

    result = compute_client.call(
        Result, "GET", compute_client.service_url("flavors", "9"), ok_codes=(200,)
    )

    err = result.err
    assert isinstance(err, NotFoundError)
    assert err.message == "Flavor 9 could not be found."
    assert err.request_id == "req-42"
    assert result.body is None
    with pytest.raises(NotFoundError):
        result.extract()


def test_call_turns_invalid_json_into_err(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route(
        "GET",
        "/compute/v2.1/x",
        Reply(200, b"{not json", headers={"Content-Type": "application/json"}),
    )

    result = compute_client.call(Result, "GET", compute_client.service_url("x"))

    assert isinstance(result.err, InvalidResponseError)
    assert "not valid JSON" in str(result.err)


def test_call_turns_a_transport_error_into_err(sleeps: list[float]) -> None:
    provider = ProviderClient(retry=RetryPolicy.off(), timeout=(2.0, 2.0))
    with FakeServer() as closed:
        url = closed.url
    client = ServiceClient(provider=provider, endpoint=url + "/compute/v2.1", type="compute")

    result = client.call(Result, "GET", client.service_url("servers"))

    assert isinstance(result.err, ConnectError)
    assert result.status_code is None
