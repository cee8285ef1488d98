"""ProviderClient.request(): what reaches the server, and what the caller gets back."""

from __future__ import annotations

import builtins
import io
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from oscloud import RetryPolicy, errors
from oscloud._version import __version__
from oscloud.provider import DEFAULT_OK_CODES, DEFAULT_TIMEOUT, ProviderClient
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Reply

FLAVORS = "/compute/v2.1/flavors"
KEYPAIRS = "/compute/v2.1/os-keypairs"
OBJECT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/backups/db.tar"

FLAVORS_BODY = {
    "flavors": [
        {
            "id": "1",
            "name": "m1.tiny",
            "description": None,
            "links": [{"href": "http://openstack.example.com/v2.1/flavors/1", "rel": "self"}],
        }
    ]
}


def closed_port_url() -> str:
    """A loopback URL nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- headers ---------------------------------------------------------------------------


def test_authenticated_request_sends_token_user_agent_and_accept(
    provider: ProviderClient, server: FakeServer
) -> None:
    server.route("GET", FLAVORS, Reply(200, FLAVORS_BODY))
    provider.append_user_agent("backup-tool/1.2")

    response = provider.request("GET", server.url + FLAVORS)

    (sent,) = server.received("GET", FLAVORS)
    assert sent.headers["X-Auth-Token"] == TOKEN_ID
    assert sent.headers["User-Agent"] == f"oscloud/{__version__} backup-tool/1.2"
    assert sent.headers["Accept"] == "application/json"
    assert response.status_code == 200
    assert response.json() == FLAVORS_BODY


def test_unauthenticated_request_sends_no_token(
    provider: ProviderClient, server: FakeServer
) -> None:
    server.route("GET", "/identity/", Reply(300, {"versions": {"values": []}}))

    provider.request("GET", server.url + "/identity/", ok_codes=(300,), authenticated=False)

    (sent,) = server.received("GET", "/identity/")
    assert "X-Auth-Token" not in sent.headers
    assert sent.headers["User-Agent"].startswith("oscloud/")


def test_caller_headers_are_sent_and_may_override_accept(
    provider: ProviderClient, server: FakeServer
) -> None:
    server.route("GET", OBJECT, Reply(200, b"\x00tar"))

    provider.request("GET", server.url + OBJECT, headers={"Accept": "*/*", "X-Newest": "true"})

    (sent,) = server.received("GET", OBJECT)
    assert sent.headers["Accept"] == "*/*"
    assert sent.headers["X-Newest"] == "true"
    assert sent.headers["X-Auth-Token"] == TOKEN_ID


def test_query_parameters_are_sent(provider: ProviderClient, server: FakeServer) -> None:
    server.route("GET", FLAVORS, Reply(200, FLAVORS_BODY))

    provider.request("GET", server.url + FLAVORS, params={"minRam": 512, "limit": 1})

    (sent,) = server.received("GET", FLAVORS)
    assert sent.query == {"minRam": ["512"], "limit": ["1"]}


# -- request bodies --------------------------------------------------------------------


def test_json_body_is_sent_as_json(provider: ProviderClient, server: FakeServer) -> None:
    created = {
        "keypair": {
            "fingerprint": "1e:2c:9b:56:79:4b:45:77:f9:ca:7a:98:2c:b0:d5:3c",
            "name": "keypair-ab9ff2e6",
            "type": "ssh",
            "public_key": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC9mC3WZN Generated-by-Nova",
            "user_id": "fake",
        }
    }
    server.route("POST", KEYPAIRS, Reply(200, created))
    body = {"keypair": {"name": "keypair-ab9ff2e6", "type": "ssh"}}

    response = provider.request("POST", server.url + KEYPAIRS, json=body)

    (sent,) = server.received("POST", KEYPAIRS)
    assert sent.json() == body
    assert sent.headers["Content-Type"] == "application/json"
    assert response.json() == created


def test_bytes_body_is_sent_raw_with_its_length(
    provider: ProviderClient, server: FakeServer
) -> None:
    server.route("PUT", OBJECT, Reply(201, headers={"Etag": "d41d8cd98f00b204e9800998ecf8427e"}))
    payload = bytes(range(256)) * 4

    response = provider.request(
        "PUT",
        server.url + OBJECT,
        data=payload,
        headers={"Content-Type": "application/x-tar"},
    )

    (sent,) = server.received("PUT", OBJECT)
    assert sent.body == payload
    assert sent.headers["Content-Length"] == str(len(payload))
    assert sent.headers["Content-Type"] == "application/x-tar"
    assert not sent.chunked
    assert response.status_code == 201


def test_generator_body_is_streamed_chunked(provider: ProviderClient, server: FakeServer) -> None:
    server.route("PUT", OBJECT, Reply(201))
    pulled: list[int] = []

    def chunks() -> Iterator[bytes]:
        for index in range(5):
            pulled.append(index)
            yield f"part-{index};".encode()

    provider.request("PUT", server.url + OBJECT, data=chunks())

    (sent,) = server.received("PUT", OBJECT)
    assert sent.chunked  # sent as it was produced: never joined into one length-known body
    assert "Content-Length" not in sent.headers
    assert sent.headers["Transfer-Encoding"] == "chunked"
    assert sent.body == b"part-0;part-1;part-2;part-3;part-4;"
    assert pulled == [0, 1, 2, 3, 4]


def test_seekable_file_body_is_sent_from_its_position(
    provider: ProviderClient, server: FakeServer
) -> None:
    server.route("PUT", OBJECT, Reply(201))
    stream = io.BytesIO(b"HEADERpayload-bytes")
    stream.seek(6)

    provider.request("PUT", server.url + OBJECT, data=stream)

    (sent,) = server.received("PUT", OBJECT)
    assert sent.body == b"payload-bytes"
    assert sent.headers["Content-Length"] == "13"


# -- streamed responses ----------------------------------------------------------------


def test_stream_true_returns_before_the_body_is_read(
    provider: ProviderClient, server: FakeServer
) -> None:
    released = threading.Event()
    server_gave_up: list[bool] = []

    def body() -> Iterator[bytes]:
        yield b"first;"
        server_gave_up.append(not released.wait(timeout=3))
        yield b"second;"
        yield b"third"

    server.route("GET", OBJECT, Reply(200, chunks=body()))

    response = provider.request("GET", server.url + OBJECT, stream=True)
    released.set()  # only now may the server send the rest
    received = list(response.iter_content(chunk_size=None))
    response.close()

    assert b"".join(received) == b"first;second;third"
    assert server_gave_up == [False]


# -- status codes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "status"),
    [
        ("GET", 200),
        ("GET", 203),
        ("HEAD", 200),
        ("HEAD", 204),
        ("POST", 201),
        ("POST", 202),
        ("PUT", 202),
        ("PATCH", 204),
        ("DELETE", 202),
        ("DELETE", 204),
    ],
)
def test_default_ok_codes_accept(
    provider: ProviderClient, server: FakeServer, method: str, status: int
) -> None:
    server.route(method, FLAVORS, Reply(status))

    response = provider.request(method, server.url + FLAVORS)

    assert response.status_code == status
    assert [r.method for r in server.requests] == [method]


@pytest.mark.parametrize(
    ("method", "status"),
    [("GET", 204), ("GET", 201), ("POST", 204), ("PUT", 204), ("DELETE", 201), ("HEAD", 202)],
)
def test_default_ok_codes_reject(
    provider: ProviderClient, server: FakeServer, method: str, status: int
) -> None:
    server.route(method, FLAVORS, Reply(status))

    with pytest.raises(errors.UnexpectedResponseCodeError) as caught:
        provider.request(method, server.url + FLAVORS)

    assert caught.value.expected == DEFAULT_OK_CODES[method]
    assert caught.value.status_code == status


def test_ok_codes_override_the_defaults(provider: ProviderClient, server: FakeServer) -> None:
    server.route("GET", FLAVORS, Reply(203, FLAVORS_BODY))
    server.route("DELETE", FLAVORS + "/1", Reply(404, {"itemNotFound": {"code": 404}}))

    with pytest.raises(errors.UnexpectedResponseCodeError) as caught:
        provider.request("GET", server.url + FLAVORS, ok_codes=(200,))
    gone = provider.request("DELETE", server.url + FLAVORS + "/1", ok_codes=(204, 404))

    assert caught.value.expected == (200,)
    assert caught.value.status_code == 203
    assert gone.status_code == 404


@pytest.mark.parametrize(
    ("status", "error_class", "body", "message"),
    [
        (
            400,
            errors.BadRequestError,
            {"badRequest": {"code": 400, "message": "Invalid input for field/attribute name."}},
            "Invalid input for field/attribute name.",
        ),
        (
            403,
            errors.ForbiddenError,
            {
                "forbidden": {
                    "code": 403,
                    "message": "Policy doesn't allow os_compute_api:os-keypairs:create to be "
                    "performed.",
                }
            },
            "Policy doesn't allow os_compute_api:os-keypairs:create to be performed.",
        ),
        (
            404,
            errors.NotFoundError,
            {"itemNotFound": {"code": 404, "message": "Keypair keypair-x not found."}},
            "Keypair keypair-x not found.",
        ),
        (
            405,
            errors.MethodNotAllowedError,
            {"error": {"code": 405, "message": "The method is not allowed.", "title": "x"}},
            "The method is not allowed.",
        ),
        (
            409,
            errors.ConflictError,
            {"conflictingRequest": {"code": 409, "message": "Key pair 'k' already exists."}},
            "Key pair 'k' already exists.",
        ),
        (
            413,
            errors.RequestEntityTooLargeError,
            {
                "overLimit": {
                    "code": 413,
                    "message": "Quota exceeded, too many key pairs.",
                    "retryAfter": "0",
                }
            },
            "Quota exceeded, too many key pairs.",
        ),
        (
            429,
            errors.TooManyRequestsError,
            {"overLimit": {"code": 429, "message": "This request was rate-limited."}},
            "This request was rate-limited.",
        ),
        (
            500,
            errors.InternalServerError,
            {"computeFault": {"code": 500, "message": "Unexpected API Error."}},
            "Unexpected API Error.",
        ),
        (
            502,
            errors.BadGatewayError,
            "<html><body><h1>502 Bad Gateway</h1>Invalid response.</body></html>",
            "502 Bad Gateway Invalid response.",
        ),
        (
            503,
            errors.ServiceUnavailableError,
            "<html><body><h1>503 Service Unavailable</h1>No server is available.</body></html>",
            "503 Service Unavailable No server is available.",
        ),
        (
            504,
            errors.GatewayTimeoutError,
            (
                "<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time."
                "</body></html>"
            ),
            "504 Gateway Time-out The server didn't respond in time.",
        ),
    ],
)
def test_unexpected_status_raises_the_class_for_it(
    provider: ProviderClient,
    server: FakeServer,
    status: int,
    error_class: type[errors.UnexpectedResponseCodeError],
    body: Any,
    message: str,
) -> None:
    provider.retry = RetryPolicy.off()
    server.route(
        "POST", KEYPAIRS, Reply(status, body, headers={"x-compute-request-id": "req-3d1a"})
    )

    with pytest.raises(error_class) as caught:
        provider.request("POST", server.url + KEYPAIRS, json={"keypair": {"name": "k"}})

    err = caught.value
    assert isinstance(err, errors.UnexpectedResponseCodeError)
    assert (err.method, err.url, err.status_code) == ("POST", server.url + KEYPAIRS, status)
    assert err.expected == (200, 201, 202)
    assert err.request_id == "req-3d1a"
    assert err.message == message
    assert f"POST {server.url}{KEYPAIRS}: expected 200, 201, 202, got {status}" in str(err)
    assert len(server.requests) == 1


@pytest.mark.parametrize("header", ["x-openstack-request-id", "x-compute-request-id", "X-Trans-Id"])
def test_error_carries_the_request_id_from_each_service_header(
    provider: ProviderClient, server: FakeServer, header: str
) -> None:
    server.route(
        "GET",
        OBJECT,
        Reply(
            404,
            "<html><h1>Not Found</h1><p>The resource could not be found.</p></html>",
            headers={header: "tx4d1c2b3a-0065f1e2d3", "Content-Type": "text/html"},
        ),
    )

    with pytest.raises(errors.NotFoundError) as caught:
        provider.request("GET", server.url + OBJECT)

    assert caught.value.request_id == "tx4d1c2b3a-0065f1e2d3"
    assert caught.value.message == "Not Found The resource could not be found."
    assert "(request id tx4d1c2b3a-0065f1e2d3)" in str(caught.value)


# -- timeouts and transport errors -----------------------------------------------------


def test_read_timeout_raises_timeout_error(provider: ProviderClient, server: FakeServer) -> None:
    server.route("GET", FLAVORS, Reply(200, FLAVORS_BODY, delay=0.3))

    with pytest.raises(errors.TimeoutError) as caught:
        provider.request("GET", server.url + FLAVORS, timeout=0.05)

    err = caught.value
    assert isinstance(err, errors.TransportError)
    assert isinstance(err, builtins.TimeoutError)
    assert (err.method, err.url) == ("GET", server.url + FLAVORS)
    assert len(server.requests) == 1  # a read timeout is not retried


def test_provider_default_timeout_applies(server: FakeServer, sleeps: list[float]) -> None:
    provider = ProviderClient(timeout=(1.0, 0.05), retry=RetryPolicy(sleep=sleeps.append))
    server.route("GET", FLAVORS, Reply(200, FLAVORS_BODY, delay=0.3))

    with pytest.raises(errors.TimeoutError):
        provider.request("GET", server.url + FLAVORS, authenticated=False)


def test_per_call_timeout_overrides_the_provider_default(server: FakeServer) -> None:
    provider = ProviderClient(timeout=(1.0, 0.05))
    server.route("GET", FLAVORS, Reply(200, FLAVORS_BODY, delay=0.15))

    response = provider.request("GET", server.url + FLAVORS, timeout=(1.0, 2.0))

    assert response.json() == FLAVORS_BODY


def test_connection_refused_raises_connect_error(
    provider: ProviderClient, sleeps: list[float]
) -> None:
    url = closed_port_url() + KEYPAIRS

    with pytest.raises(errors.ConnectError) as caught:
        provider.request("POST", url, json={"keypair": {"name": "k"}})

    err = caught.value
    assert isinstance(err, builtins.ConnectionError)
    assert (err.method, err.url) == ("POST", url)
    assert "connection failed" in str(err)
    assert sleeps == []  # a POST is never sent again after a connection error


# -- TLS and the transport settings ----------------------------------------------------


class RecordingAdapter(requests.adapters.BaseAdapter):
    """A transport that records the settings each request reached it with."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[dict[str, Any]] = []

    def send(  # type: ignore[override]
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> requests.Response:
        self.sent.append({"verify": verify, "cert": cert, "timeout": timeout})
        response = requests.Response()
        response.status_code = 200
        response.request = request
        response.url = request.url or ""
        response.raw = io.BytesIO(b"{}")
        response.headers["Content-Type"] = "application/json"
        return response

    def close(self) -> None:
        pass


def mounted(provider: ProviderClient) -> RecordingAdapter:
    adapter = RecordingAdapter()
    provider.session.mount("https://nova.example/", adapter)
    return adapter


def test_tls_defaults_verify_with_system_cas_and_no_client_cert(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    provider = ProviderClient()
    adapter = mounted(provider)

    provider.request("GET", "https://nova.example/v2.1/flavors", authenticated=False)

    assert provider.session.verify is True
    assert provider.session.cert is None
    assert adapter.sent == [{"verify": True, "cert": None, "timeout": DEFAULT_TIMEOUT}]


def test_tls_ca_bundle_and_client_cert_reach_the_transport(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/from-environment.pem")
    provider = ProviderClient(
        verify="/etc/oscloud/cloud-ca.pem",
        cert=("/etc/oscloud/client.crt", "/etc/oscloud/client.key"),
        timeout=(3.0, 30.0),
    )
    adapter = mounted(provider)

    provider.request("GET", "https://nova.example/v2.1/flavors", authenticated=False, timeout=7.5)

    assert provider.session.verify == "/etc/oscloud/cloud-ca.pem"
    assert adapter.sent == [
        {
            "verify": "/etc/oscloud/cloud-ca.pem",  # not the environment's bundle
            "cert": ("/etc/oscloud/client.crt", "/etc/oscloud/client.key"),
            "timeout": 7.5,
        }
    ]


def test_tls_insecure_is_not_undone_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/from-environment.pem")
    provider = ProviderClient(verify=False, cert="/etc/oscloud/client-with-key.pem")
    adapter = mounted(provider)

    provider.request("GET", "https://nova.example/v2.1/flavors", authenticated=False)

    assert provider.session.verify is False
    assert adapter.sent[0]["verify"] is False
    assert adapter.sent[0]["cert"] == "/etc/oscloud/client-with-key.pem"


def test_repr_never_shows_the_token(provider: ProviderClient) -> None:
    text = repr(provider)

    assert TOKEN_ID not in text
    assert "authenticated" in text
    assert provider.identity_endpoint in text


def test_an_invalid_url_is_a_transport_error_not_a_requests_exception(
    provider: ProviderClient,
) -> None:
    with pytest.raises(errors.TransportError, match="request failed") as caught:
        provider.request("GET", "http://[invalid/v2.1/servers")

    assert not isinstance(caught.value, errors.ConnectError)
