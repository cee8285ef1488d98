"""Re-authentication: on 401 once for all threads, before expiry once, and bodies replayed."""

from __future__ import annotations

import datetime as _dt
import io
import threading
from collections.abc import Callable, Iterator

import pytest

from oscloud import AuthOptions, EndpointOpts, RetryPolicy, errors, openstack
from oscloud.provider import ProviderClient
from tests.unit.helpers.identity import Keystone
from tests.unit.helpers.server import FakeServer, Recorded, Reply

SERVERS = "/compute/v2.1/servers"
OBJECT = "/object/v1/AUTH_fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c/backups/db.tar"
OLD_TOKEN = "gAAAAexpired-token"
THREADS = 8

SERVERS_BODY = {
    "servers": [
        {
            "id": "22c91117-08de-4894-9aa9-6ef382400985",
            "name": "new-server-test",
            "links": [
                {
                    "href": "http://openstack.example.com/v2.1/servers/"
                    "22c91117-08de-4894-9aa9-6ef382400985",
                    "rel": "self",
                }
            ],
        }
    ]
}
UNAUTHORIZED = {
    "error": {
        "code": 401,
        "title": "Unauthorized",
        "message": "The request you have made requires authentication.",
    }
}


def now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def keystone_reauth(provider: ProviderClient, keystone: Keystone) -> Callable[[], None]:
    """A reauth function that really asks the fake Keystone for a token."""

    def reauth() -> None:
        response = provider.request(
            "POST",
            keystone.endpoint + "/auth/tokens",
            json={"auth": {"identity": {"methods": ["token"], "token": {"id": "x"}}}},
            ok_codes=(201,),
            authenticated=False,
        )
        provider.set_token(
            response.headers["X-Subject-Token"], expires_at=now() + _dt.timedelta(hours=1)
        )

    return reauth


def token_gate(
    stale: Callable[[], str], fresh: Callable[[], str], barrier: threading.Barrier | None = None
) -> Callable[[Recorded], Reply]:
    """Answer 401 to the stale token (after ``barrier``), 200 to the fresh one."""

    def respond(request: Recorded) -> Reply:
        token = request.headers.get("X-Auth-Token")
        if token == stale():
            if barrier is not None:
                barrier.wait(timeout=5)
            return Reply(401, UNAUTHORIZED)
        if token == fresh():
            return Reply(200, SERVERS_BODY, headers={"x-compute-request-id": "req-ok"})
        return Reply(401, UNAUTHORIZED)

    return respond


def run_threads(count: int, work: Callable[[], object]) -> tuple[list[object], list[BaseException]]:
    results: list[object] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # reported by the test
            with lock:
                failures.append(exc)
        else:
            with lock:
                results.append(result)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return results, failures


@pytest.fixture
def keystone(server: FakeServer) -> Keystone:
    return Keystone(server)


@pytest.fixture
def expired(provider: ProviderClient, keystone: Keystone) -> ProviderClient:
    """The ``provider`` holding a token the server no longer accepts, and a way to renew."""
    provider.set_token(OLD_TOKEN, expires_at=now() + _dt.timedelta(hours=1))
    provider.reauth_func = keystone_reauth(provider, keystone)
    return provider


# -- on 401 ----------------------------------------------------------------------------


def test_401_storm_makes_exactly_one_token_request(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    barrier = threading.Barrier(THREADS)  # every thread has sent the old token before any 401
    server.route(
        "GET",
        SERVERS,
        token_gate(lambda: OLD_TOKEN, lambda: keystone.issued[-1], barrier),
    )

    results, failures = run_threads(
        THREADS, lambda: expired.request("GET", server.url + SERVERS).json()
    )

    assert failures == []
    assert results == [SERVERS_BODY] * THREADS
    assert len(keystone.issued) == 1
    assert len(server.received("POST", keystone.path)) == 1
    sent_tokens = [r.headers["X-Auth-Token"] for r in server.received("GET", SERVERS)]
    assert sorted(sent_tokens) == sorted([OLD_TOKEN] * THREADS + [keystone.issued[0]] * THREADS)
    assert expired.token == keystone.issued[0]


def test_second_401_after_reauthentication_raises(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    server.route("GET", SERVERS, Reply(401, UNAUTHORIZED))

    with pytest.raises(errors.UnauthorizedError) as caught:
        expired.request("GET", server.url + SERVERS)

    assert caught.value.message == "The request you have made requires authentication."
    assert len(keystone.issued) == 1
    tokens = [r.headers["X-Auth-Token"] for r in server.received("GET", SERVERS)]
    assert tokens == [OLD_TOKEN, keystone.issued[0]]


def test_401_without_reauth_func_raises_at_once(
    provider: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    server.route("GET", SERVERS, Reply(401, UNAUTHORIZED))

    with pytest.raises(errors.UnauthorizedError):
        provider.request("GET", server.url + SERVERS)

    assert len(server.received("GET", SERVERS)) == 1
    assert keystone.issued == []


def test_401_on_an_unauthenticated_request_is_not_reauthenticated(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    server.route("GET", SERVERS, Reply(401, UNAUTHORIZED))

    with pytest.raises(errors.UnauthorizedError):
        expired.request("GET", server.url + SERVERS, authenticated=False)

    assert keystone.issued == []


def test_seekable_file_body_is_rewound_and_replayed(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    server.route("PUT", OBJECT, Reply(401, UNAUTHORIZED), Reply(201))
    stream = io.BytesIO(b"HEADERtar-archive-bytes")
    stream.seek(6)

    response = expired.request("PUT", server.url + OBJECT, data=stream)

    first, replay = server.received("PUT", OBJECT)
    assert first.body == replay.body == b"tar-archive-bytes"
    assert first.headers["X-Auth-Token"] == OLD_TOKEN
    assert replay.headers["X-Auth-Token"] == keystone.issued[0]
    assert response.status_code == 201


def test_generator_body_after_401_raises_unreplayable_and_sends_nothing_more(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    server.route("PUT", OBJECT, Reply(401, UNAUTHORIZED), Reply(201))

    def chunks() -> Iterator[bytes]:
        yield b"part-1;"
        yield b"part-2"

    with pytest.raises(errors.UnreplayableBodyError) as caught:
        expired.request("PUT", server.url + OBJECT, data=chunks())

    message = str(caught.value)
    assert message.startswith(f"PUT {server.url}{OBJECT}: ")
    assert "stream" in message
    assert "re-authentication" in message
    (only,) = server.received("PUT", OBJECT)  # the replay was never started
    assert only.body == b"part-1;part-2"
    # The token was renewed, so sending again with a fresh stream works at once.
    expired.request("PUT", server.url + OBJECT, data=chunks())
    assert [r.headers["X-Auth-Token"] for r in server.received("PUT", OBJECT)] == [
        OLD_TOKEN,
        keystone.issued[0],
    ]
    assert len(keystone.issued) == 1


# -- before expiry ---------------------------------------------------------------------


def test_token_expiring_within_the_margin_is_renewed_once_before_sending(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    expired.set_token(OLD_TOKEN, expires_at=now() + _dt.timedelta(seconds=30))
    server.route("GET", SERVERS, token_gate(lambda: OLD_TOKEN, lambda: keystone.issued[-1]))

    results, failures = run_threads(
        THREADS, lambda: expired.request("GET", server.url + SERVERS).status_code
    )

    assert failures == []
    assert results == [200] * THREADS
    assert len(keystone.issued) == 1
    sent_tokens = {r.headers["X-Auth-Token"] for r in server.received("GET", SERVERS)}
    assert sent_tokens == {keystone.issued[0]}  # the old token was never sent
    assert len(server.received("GET", SERVERS)) == THREADS


def test_token_far_from_expiry_is_not_renewed(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    expired.set_token("gAAAAstill-good", expires_at=now() + _dt.timedelta(minutes=10))
    server.route("GET", SERVERS, Reply(200, SERVERS_BODY))

    expired.request("GET", server.url + SERVERS)

    assert keystone.issued == []
    (sent,) = server.received("GET", SERVERS)
    assert sent.headers["X-Auth-Token"] == "gAAAAstill-good"


# -- the real flow through authenticated_client ----------------------------------------


def real_client(auth_options: AuthOptions, sleeps: list[float]) -> ProviderClient:
    return openstack.authenticated_client(
        auth_options, retry=RetryPolicy(sleep=sleeps.append), timeout=(5.0, 5.0)
    )


def test_real_reauth_storm_makes_exactly_one_token_request(
    server: FakeServer, keystone: Keystone, auth_options: AuthOptions, sleeps: list[float]
) -> None:
    provider = real_client(auth_options, sleeps)
    first_token = keystone.issued[0]
    compute_url = provider.locate(EndpointOpts(type="compute"))
    barrier = threading.Barrier(THREADS)
    server.route(
        "GET", SERVERS, token_gate(lambda: first_token, lambda: keystone.issued[-1], barrier)
    )

    results, failures = run_threads(
        THREADS, lambda: provider.request("GET", compute_url + "servers").json()
    )

    assert failures == []
    assert results == [SERVERS_BODY] * THREADS
    assert len(keystone.issued) == 2  # the login, then one re-authentication
    logins = server.received("POST", keystone.path)
    assert len(logins) == 2
    assert logins[1].json() == logins[0].json()  # the same credentials again
    assert logins[1].json()["auth"]["identity"]["password"]["user"]["password"] == (
        "s3cret-password"
    )
    assert "X-Auth-Token" not in logins[1].headers
    sent_tokens = [r.headers["X-Auth-Token"] for r in server.received("GET", SERVERS)]
    assert sorted(sent_tokens) == sorted([first_token] * THREADS + [keystone.issued[1]] * THREADS)


def test_real_proactive_renewal_happens_once(
    server: FakeServer, auth_options: AuthOptions, sleeps: list[float]
) -> None:
    keystone = Keystone(server, expires_in=_dt.timedelta(seconds=30))
    provider = real_client(auth_options, sleeps)
    keystone.expires_in = _dt.timedelta(hours=1)
    compute_url = provider.locate(EndpointOpts(type="compute"))
    server.route("GET", SERVERS, Reply(200, SERVERS_BODY))

    for _ in range(3):
        provider.request("GET", compute_url + "servers")

    assert len(keystone.issued) == 2
    sent_tokens = [r.headers["X-Auth-Token"] for r in server.received("GET", SERVERS)]
    assert sent_tokens == [keystone.issued[1]] * 3
    assert provider.token_expires_at is not None
    assert provider.token_expires_at - now() > _dt.timedelta(minutes=50)


def test_real_reauth_failure_surfaces_keystones_refusal(
    server: FakeServer, keystone: Keystone, auth_options: AuthOptions, sleeps: list[float]
) -> None:
    provider = real_client(auth_options, sleeps)
    server.route("GET", SERVERS, Reply(401, UNAUTHORIZED))
    server.route("POST", keystone.path, Reply(401, UNAUTHORIZED))

    with pytest.raises(errors.UnauthorizedError) as caught:
        provider.request("GET", provider.locate(EndpointOpts(type="compute")) + "servers")

    assert caught.value.method == "POST"
    assert caught.value.url.endswith("/identity/v3/auth/tokens")
    assert len(server.received("GET", SERVERS)) == 1


def test_failed_reauthentication_is_shared_by_the_threads_that_waited_for_it(
    expired: ProviderClient, server: FakeServer, keystone: Keystone
) -> None:
    barrier = threading.Barrier(THREADS)
    server.route("GET", SERVERS, token_gate(lambda: OLD_TOKEN, lambda: "none", barrier))
    server.route(
        "POST",
        keystone.path,
        Reply(500, {"error": {"code": 500, "message": "Keystone is down.", "title": "x"}}),
    )

    results, failures = run_threads(THREADS, lambda: expired.request("GET", server.url + SERVERS))

    assert results == []
    assert len(failures) == THREADS
    assert all(isinstance(f, errors.InternalServerError) for f in failures)
    assert len(server.received("POST", keystone.path)) == 1  # not one per thread
    # A later request tries again.
    server.route("GET", SERVERS, Reply(401, UNAUTHORIZED))
    with pytest.raises(errors.InternalServerError):
        expired.request("GET", server.url + SERVERS)
    assert len(server.received("POST", keystone.path)) == 2
