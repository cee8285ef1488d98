"""Retries through ProviderClient.request(): what is sent again, after how long, how often."""

from __future__ import annotations

import email.utils
import io
import logging
import socket
import time
from collections.abc import Iterator

import pytest

from oscloud import RetryPolicy, errors
from oscloud.provider import ProviderClient
from tests.unit.helpers.server import FakeServer, Reply

SERVERS = "/compute/v2.1/servers"
OBJECT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/backups/db.tar"
CREATE = {"server": {"name": "new-server-test", "imageRef": "70a599e0", "flavorRef": "1"}}
ACCEPTED = {"server": {"id": "22c91117-08de-4894-9aa9-6ef382400985", "adminPass": "x"}}
RATE_LIMITED = {"overLimit": {"code": 429, "message": "This request was rate-limited."}}


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_429_with_retry_after_seconds_is_honoured_for_post(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    server.route(
        "POST",
        SERVERS,
        Reply(429, RATE_LIMITED, headers={"Retry-After": "2"}),
        Reply(202, ACCEPTED),
    )

    response = provider.request("POST", server.url + SERVERS, json=CREATE)

    assert sleeps == [2.0]
    first, second = server.received("POST", SERVERS)
    assert first.json() == second.json() == CREATE
    assert response.json() == ACCEPTED


def test_429_with_retry_after_http_date_waits_until_then(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    server.route(
        "POST",
        SERVERS,
        Reply(429, RATE_LIMITED, headers={"Retry-After": when}),
        Reply(202, ACCEPTED),
    )

    provider.request("POST", server.url + SERVERS, json=CREATE)

    (waited,) = sleeps
    assert 28.0 <= waited <= 30.0
    assert len(server.received("POST", SERVERS)) == 2


def test_429_without_retry_after_backs_off(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    server.route("POST", SERVERS, Reply(429, RATE_LIMITED), Reply(202, ACCEPTED))

    provider.request("POST", server.url + SERVERS, json=CREATE)

    (waited,) = sleeps
    assert 0.0 <= waited <= provider.retry.backoff_initial


def test_503_with_retry_after_is_retried_for_post(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    server.route("POST", SERVERS, Reply(503, headers={"Retry-After": "1"}), Reply(202, ACCEPTED))

    response = provider.request("POST", server.url + SERVERS, json=CREATE)

    assert sleeps == [1.0]
    assert response.status_code == 202


@pytest.mark.parametrize("status", [502, 503, 504])
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "HEAD"])
def test_gateway_errors_are_retried_for_idempotent_methods(
    provider: ProviderClient, server: FakeServer, sleeps: list[float], method: str, status: int
) -> None:
    server.route(method, OBJECT, Reply(status), Reply(200 if method != "PUT" else 201))

    response = provider.request(method, server.url + OBJECT)

    assert response.status_code in (200, 201)
    assert len(server.received(method, OBJECT)) == 2
    (waited,) = sleeps
    assert 0.0 <= waited <= provider.retry.backoff_initial


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (502, errors.BadGatewayError),
        (503, errors.ServiceUnavailableError),
        (504, errors.GatewayTimeoutError),
    ],
)
def test_gateway_errors_are_never_retried_for_post(
    provider: ProviderClient,
    server: FakeServer,
    sleeps: list[float],
    status: int,
    error_class: type[errors.UnexpectedResponseCodeError],
) -> None:
    server.route("POST", SERVERS, Reply(status), Reply(202, ACCEPTED))

    with pytest.raises(error_class):
        provider.request("POST", server.url + SERVERS, json=CREATE)

    assert len(server.received("POST", SERVERS)) == 1
    assert sleeps == []


def test_backoff_grows_with_jitter_within_the_policy(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    provider.retry = RetryPolicy(
        max_attempts=6, backoff_initial=0.2, backoff_max=1.0, sleep=sleeps.append
    )
    server.route("GET", SERVERS, Reply(503))

    with pytest.raises(errors.ServiceUnavailableError):
        provider.request("GET", server.url + SERVERS)

    ceilings = [0.2, 0.4, 0.8, 1.0, 1.0]
    assert len(sleeps) == len(ceilings)
    for waited, ceiling in zip(sleeps, ceilings, strict=True):
        assert 0.0 <= waited <= ceiling
    assert len(set(sleeps)) > 1  # jittered, not a fixed schedule


def test_max_attempts_caps_the_sends(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    provider.retry = RetryPolicy(max_attempts=3, sleep=sleeps.append)
    server.route("GET", SERVERS, Reply(503, headers={"x-openstack-request-id": "req-last"}))

    with pytest.raises(errors.ServiceUnavailableError) as caught:
        provider.request("GET", server.url + SERVERS)

    assert len(server.received("GET", SERVERS)) == 3
    assert len(sleeps) == 2
    assert caught.value.request_id == "req-last"


def test_retry_after_beyond_the_total_cap_is_not_waited(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    server.route(
        "POST", SERVERS, Reply(429, RATE_LIMITED, headers={"Retry-After": "120"}), Reply(202)
    )

    with pytest.raises(errors.TooManyRequestsError) as caught:
        provider.request("POST", server.url + SERVERS, json=CREATE)

    assert sleeps == []
    assert len(server.received("POST", SERVERS)) == 1
    assert caught.value.message == "This request was rate-limited."


def test_total_cap_counts_the_waits_already_asked_for(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    provider.retry = RetryPolicy(max_attempts=10, max_total_seconds=10.0, sleep=sleeps.append)
    server.route("GET", SERVERS, Reply(429, RATE_LIMITED, headers={"Retry-After": "4"}))

    with pytest.raises(errors.TooManyRequestsError):
        provider.request("GET", server.url + SERVERS)

    assert sleeps == [4.0, 4.0]  # a third wait would end after 12 s
    assert len(server.received("GET", SERVERS)) == 3


def test_retry_policy_off_sends_once(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    provider.retry = RetryPolicy.off()
    server.route("GET", SERVERS, Reply(503, headers={"Retry-After": "1"}), Reply(200))

    with pytest.raises(errors.ServiceUnavailableError):
        provider.request("GET", server.url + SERVERS)

    assert len(server.received("GET", SERVERS)) == 1


def test_connection_errors_are_retried_for_idempotent_methods(
    provider: ProviderClient, sleeps: list[float]
) -> None:
    with pytest.raises(errors.ConnectError):
        provider.request("GET", closed_port_url() + SERVERS)

    assert len(sleeps) == provider.retry.max_attempts - 1


def test_connection_errors_are_not_retried_for_post(
    provider: ProviderClient, sleeps: list[float]
) -> None:
    with pytest.raises(errors.ConnectError):
        provider.request("POST", closed_port_url() + SERVERS, json=CREATE)

    assert sleeps == []


def test_consumed_generator_body_is_never_resent(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    server.route("PUT", OBJECT, Reply(503, headers={"Retry-After": "1"}), Reply(201))

    def chunks() -> Iterator[bytes]:
        yield b"part-1;"
        yield b"part-2"

    with pytest.raises(errors.ServiceUnavailableError):
        provider.request("PUT", server.url + OBJECT, data=chunks())

    (only,) = server.received("PUT", OBJECT)
    assert only.body == b"part-1;part-2"
    assert sleeps == []


def test_file_body_is_rewound_before_a_retry(
    provider: ProviderClient, server: FakeServer, sleeps: list[float]
) -> None:
    server.route("PUT", OBJECT, Reply(503), Reply(503), Reply(201))

    response = provider.request("PUT", server.url + OBJECT, data=io.BytesIO(b"tar-archive"))

    bodies = [r.body for r in server.received("PUT", OBJECT)]
    assert bodies == [b"tar-archive"] * 3
    assert response.status_code == 201
    assert len(sleeps) == 2


def test_retries_are_logged_at_info(
    provider: ProviderClient,
    server: FakeServer,
    sleeps: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="oscloud")
    server.route("GET", SERVERS, Reply(503, headers={"Retry-After": "3"}), Reply(200))

    provider.request("GET", server.url + SERVERS)

    retries = [r for r in caplog.records if r.name == "oscloud" and r.levelno == logging.INFO]
    (record,) = retries
    assert record.getMessage() == (
        f"retrying GET {server.url}{SERVERS} after status 503 in 3.00 s (attempt 2 of 4)"
    )
