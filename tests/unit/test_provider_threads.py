"""One provider shared by many threads."""

from __future__ import annotations

import threading

from oscloud.provider import ProviderClient
from tests.unit.helpers.identity import TOKEN_ID
from tests.unit.helpers.server import FakeServer, Reply

THREADS = 8
REQUESTS_EACH = 50
FLAVOR = "/compute/v2.1/flavors/1"


def test_threads_sharing_a_provider_all_succeed_with_the_token(
    provider: ProviderClient, server: FakeServer
) -> None:
    server.route("GET", FLAVOR, Reply(200, {"flavor": {"id": "1", "name": "m1.tiny"}}))
    errors: list[BaseException] = []
    names: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def work() -> None:
        start.wait(timeout=5)
        for _ in range(REQUESTS_EACH):
            try:
                name = provider.request("GET", server.url + FLAVOR).json()["flavor"]["name"]
            except BaseException as exc:  # counted by the test
                with lock:
                    errors.append(exc)
            else:
                with lock:
                    names.append(name)

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert names == ["m1.tiny"] * (THREADS * REQUESTS_EACH)
    received = server.received("GET", FLAVOR)
    assert len(received) == THREADS * REQUESTS_EACH
    assert {r.headers.get("X-Auth-Token") for r in received} == {TOKEN_ID}
