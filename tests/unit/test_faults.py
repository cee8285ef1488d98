"""Fault injection: whatever the network or the server does, a call ends in a clear error.

A matrix of faults (refused and reset connections, truncated, non-JSON and mislabelled
bodies, stalls and slow drips, 5xx storms, 429 with every form of ``Retry-After``,
redirect loops and cross-host redirects, 401 on every request, a token that expires in
the middle of a listing, short and corrupted downloads, uploads that meet a 307, 401 or
503) crossed with the operations that meet them: a GET, a POST, a download into a file,
a streamed upload, a listing. Every case checks that

- the caller gets an oscloud exception (:class:`~oscloud.errors.OSCloudError`, and the
  class the fault calls for) that names the method and the URL;
- the call ends in bounded time, after a bounded, exact number of requests;
- a POST is never sent twice, except where the server said it did not act on it (429,
  503 with ``Retry-After``, a 401 answered by one re-authentication);
- nothing is reported as success, and a failed download leaves no file behind.

Faults below HTTP come from :class:`RawServer`, a raw-socket loopback server; the others
from the loopback :class:`~tests.unit.helpers.server.FakeServer`. The provider's waits
between retries are recorded, not slept.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import math
import os
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from oscloud import RetryPolicy, errors
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.objectstorage.v1 import objects
from oscloud.provider import DEFAULT_DEADLINE, ProviderClient
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Recorded, Reply, Responder

#: Each connect and each wait for bytes, and the whole call, where they are the point;
#: elsewhere, room for a loopback server on two busy cores.
TIMEOUT = (0.2, 0.2)
DEADLINE = 0.4
ROOMY = (3.0, 3.0)
#: No case may take longer (the longest deadline, and room for two busy cores).
BOUND = 3.0
ATTEMPTS = 3

OLD_TOKEN = "gAAAAABold-token-0001"
NEW_TOKEN = "gAAAAABnew-token-0002"
LOGIN = "/identity/v3/auth/tokens"
COMPUTE = "/compute/v2.1"
SWIFT = "/object/v1/AUTH_fa3b3c8f"
SERVER_ID = "9168b536-cd40-4630-b43f-b259807c6e87"
TLS = Path(__file__).parent / "helpers" / "tls"

UNAUTHORIZED = {"error": {"code": 401, "title": "Unauthorized", "message": "Bad token."}}
SERVER = {"server": {"id": SERVER_ID, "name": "web", "links": []}}


# -- a raw-socket server ------------------------------------------------------------------


Script = Callable[[socket.socket, threading.Event], None]


class RawServer:
    """A loopback TCP server that reads one request per connection, then runs ``script``.

    For what an HTTP server library will not do: reset a connection, stop in the middle
    of a body, never answer, answer one byte at a time, answer something that is not HTTP.
    ``requests`` holds the request line of each request received.
    """

    def __init__(self, script: Script) -> None:
        self._script = script
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._connections: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def received(self, method: str, path: str) -> list[str]:
        with self._lock:
            return [line for line in self.requests if line.split()[:2] == [method, path]]

    def close(self) -> None:
        self._stop.set()
        self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() below
        self._thread.join(timeout=5)
        self._listener.close()
        with self._lock:
            for connection in self._connections:
                connection.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            with self._lock:
                self._connections.append(connection)
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        try:
            connection.settimeout(5)
            line = _read_request(connection)
            if line is None:
                return
            with self._lock:
                self.requests.append(line)
            self._script(connection, self._stop)
        except OSError:
            pass  # the client went away: what several faults are about
        finally:
            connection.close()


def _read_request(connection: socket.socket) -> str | None:
    """Read one request (head and body); return its request line."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while not body.endswith(b"0\r\n\r\n"):
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
    else:
        length = int(headers.get("content-length", 0))
        while len(body) < length:
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
    return lines[0]


def _head(status: str, length: int, content_type: str = "application/json") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
    ).encode()


def _reset(connection: socket.socket) -> None:
    """Close with a TCP reset instead of a clean end."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


def reset_before_headers(connection: socket.socket, stop: threading.Event) -> None:
    _reset(connection)


def not_http(connection: socket.socket, stop: threading.Event) -> None:
    connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


def stall(connection: socket.socket, stop: threading.Event) -> None:
    stop.wait(10)


def truncated(status: str, *, then: Callable[..., None] | None = None) -> Script:
    """Announce 500 bytes, send 20, then end cleanly (or as ``then`` says)."""

    def script(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(_head(status, 500) + b'{"server": {"id": "a')
        if then is not None:
            then(connection, stop)

    return script


def drip(status: str) -> Script:
    """Announce a large body, then send it one byte every 50 ms (each wait well under
    the read timeout, so only a deadline ends it)."""

    def script(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(_head(status, 100_000))
        while not stop.wait(0.05):
            connection.sendall(b" ")

    return script


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


# -- the operations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    """One operation that meets the faults: what it sends, and how it is run."""

    name: str
    method: str
    path: str
    run: Callable[[Any], Any]  # takes the Env
    idempotent: bool = True
    replayable: bool = True  # its body can be sent again
    #: Also accepted as "the URL" in messages (object storage names an object c/o).
    short: str | None = None
    ok: int = 200  # its success status
    before: int = 0  # requests to the same path before the fault (a listing's first page)


def _get(env: Env) -> Any:
    return servers.get(env.compute, SERVER_ID).extract()


def _post(env: Env) -> Any:
    opts = servers.CreateOpts(name="web", image_ref="70a599e0", flavor_ref="1")
    return servers.create(env.compute, opts).extract()


def _download(env: Env) -> Any:
    return objects.download(env.swift, "c", "o").write_to(env.folder / "o.bin")


def _upload(env: Env) -> Any:
    def stream() -> Iterator[bytes]:
        yield b"first block "
        yield b"second block"

    return objects.upload(env.swift, "c", "o", stream()).extract()


def _list(env: Env) -> Any:
    return [server.id for server in servers.list(env.compute).items()]


GET = Op("get", "GET", f"{COMPUTE}/servers/{SERVER_ID}", _get)
POST = Op("post", "POST", f"{COMPUTE}/servers", _post, idempotent=False, ok=202)
DOWNLOAD = Op("download", "GET", f"{SWIFT}/c/o", _download, short="c/o")
UPLOAD = Op("upload-stream", "PUT", f"{SWIFT}/c/o", _upload, replayable=False, ok=201)
LIST = Op("list", "GET", f"{COMPUTE}/servers/detail", _list, before=1)


@dataclass
class Env:
    """What one case runs against."""

    provider: ProviderClient
    base: str
    folder: Path
    compute: ServiceClient = field(init=False)
    swift: ServiceClient = field(init=False)

    def __post_init__(self) -> None:
        self.compute = ServiceClient(
            provider=self.provider, endpoint=self.base + COMPUTE, type="compute"
        )
        self.swift = ServiceClient(
            provider=self.provider, endpoint=self.base + SWIFT, type="object-store"
        )


# -- the faults -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    """A fault, what the caller must get, and how often the request may be sent.

    ``retried``: ``"no"`` (one send), ``"idempotent"`` (GET, PUT... up to the policy's
    attempts), ``"any"`` (any method: the server said it did not act), ``"reauth"`` (one
    replay after one re-authentication), or a number of sends.
    """

    name: str
    error: type[errors.OSCloudError]
    ops: tuple[Op, ...]
    raw: Script | None = None
    replies: Callable[[FakeServer, FakeServer, Op], None] | None = None
    retried: str | int = "no"
    #: A different error for a body that cannot be sent again (a streamed upload).
    unreplayable_error: type[errors.OSCloudError] | None = None
    refused: bool = False
    other: bool = False  # needs another origin
    #: The provider's timeout and deadline (short where they are what ends the call).
    timeout: tuple[float, float] = ROOMY
    deadline: float = 10.0
    #: A body the caller streams is read after the call: a fault in it is not retried.
    streamed_once: bool = False
    marks: tuple[Any, ...] = ()

    def sends(self, op: Op) -> int:
        if not op.replayable or self.retried == "no" or (self.streamed_once and op is DOWNLOAD):
            return op.before + 1
        if isinstance(self.retried, int):
            return op.before + self.retried
        if self.retried == "reauth":
            return op.before + 2
        if self.retried == "any" or op.idempotent:
            return op.before + ATTEMPTS
        return op.before + 1

    def expected_error(self, op: Op) -> type[errors.OSCloudError]:
        if not op.replayable and self.unreplayable_error is not None:
            return self.unreplayable_error
        return self.error


def always(*responders: Responder) -> Callable[[FakeServer, FakeServer, Op], None]:
    def arrange(fake: FakeServer, other: FakeServer, op: Op) -> None:
        fake.route(op.method, op.path, *responders)

    return arrange


def success(body: bytes | str, content_type: str) -> Callable[[FakeServer, FakeServer, Op], None]:
    """The operation's own success status, with a body that is not what it should be."""

    def arrange(fake: FakeServer, other: FakeServer, op: Op) -> None:
        fake.route(op.method, op.path, Reply(op.ok, body, headers={"Content-Type": content_type}))

    return arrange


def status(code: int, **headers: str) -> Callable[[FakeServer, FakeServer, Op], None]:
    body = {"error": {"code": code, "message": f"status {code} from the fault injector"}}
    return always(Reply(code, body, headers=headers))


def retry_after(value: str) -> Callable[[FakeServer, FakeServer, Op], None]:
    return status(429, **{"Retry-After": value})


def in_a_second() -> str:
    return email.utils.formatdate(time.time() + 1, usegmt=True)


def redirect_loop(code: int) -> Callable[[FakeServer, FakeServer, Op], None]:
    def arrange(fake: FakeServer, other: FakeServer, op: Op) -> None:
        loop = Reply(code, headers={"Location": op.path})
        for method in ("GET", "POST", "PUT"):  # a 302 turns a POST or PUT into a GET
            fake.route(method, op.path, loop)

    return arrange


def to_other_host(code: int, target: str) -> Callable[[FakeServer, FakeServer, Op], None]:
    def arrange(fake: FakeServer, other: FakeServer, op: Op) -> None:
        where = {"dead": f"http://127.0.0.1:{_closed_port()}", "other": other.url}[target]
        fake.route(op.method, op.path, Reply(code, headers={"Location": where + "/moved"}))
        for method in ("GET", "POST", "PUT"):
            other.route(method, "/moved", Reply(500, {"error": {"message": "broken"}}))

    return arrange


def token_rejected(fake: FakeServer, other: FakeServer, op: Op) -> None:
    if op is LIST:  # the first page is served; the token dies before the second
        page = {
            "servers": [{"id": "s1", "name": "a"}],
            "servers_links": [{"rel": "next", "href": fake.url + op.path + "?marker=s1"}],
        }
        fake.route(op.method, op.path, Reply(200, page), Reply(401, UNAUTHORIZED))
    else:
        fake.route(op.method, op.path, Reply(401, UNAUTHORIZED))


def corrupted(fake: FakeServer, other: FakeServer, op: Op) -> None:
    etag = hashlib.md5(b"the object as stored", usedforsecurity=False).hexdigest()
    fake.route(op.method, op.path, Reply(200, b"the object as damaged", headers={"Etag": etag}))


ALL = (GET, POST, DOWNLOAD, UPLOAD)
API = (GET, POST)

FAULTS = [
    # Below HTTP.
    Fault("refused", errors.ConnectError, ALL, raw=stall, refused=True, retried="idempotent"),
    Fault(
        "reset-before-headers",
        errors.ConnectError,
        ALL,
        raw=reset_before_headers,
        retried="idempotent",
    ),
    Fault("not-http", errors.ConnectError, ALL, raw=not_http, retried="idempotent"),
    Fault(
        "truncated-body",
        errors.ConnectError,
        ALL,
        raw=truncated("200 OK"),
        retried="idempotent",
        streamed_once=True,
    ),
    Fault(
        "reset-mid-body",
        errors.ConnectError,
        ALL,
        raw=truncated("200 OK", then=lambda c, s: _reset(c)),
        retried="idempotent",
        streamed_once=True,
    ),
    Fault(
        "truncated-error-body",
        errors.ConnectError,
        ALL,
        raw=truncated("404 Not Found"),
        retried="idempotent",
        streamed_once=True,
    ),
    Fault("stall-before-headers", errors.TimeoutError, ALL, raw=stall, deadline=DEADLINE),
    Fault(
        "stall-mid-body",
        errors.TimeoutError,
        ALL,
        raw=truncated("200 OK", then=stall),
        retried="idempotent",
        streamed_once=True,
        timeout=TIMEOUT,
        deadline=2.0,
    ),
    Fault(
        "drip-body", errors.TimeoutError, (GET, POST, UPLOAD), raw=drip("200 OK"), deadline=DEADLINE
    ),
    Fault(
        "drip-error-body",
        errors.TimeoutError,
        (GET, DOWNLOAD),
        raw=drip("404 Not Found"),
        deadline=DEADLINE,
    ),
    # Statuses.
    Fault("500", errors.InternalServerError, ALL, replies=status(500)),
    Fault("502-storm", errors.BadGatewayError, ALL, replies=status(502), retried="idempotent"),
    Fault(
        "503-storm", errors.ServiceUnavailableError, ALL, replies=status(503), retried="idempotent"
    ),
    Fault("504-storm", errors.GatewayTimeoutError, ALL, replies=status(504), retried="idempotent"),
    Fault(
        "503-retry-after",
        errors.ServiceUnavailableError,
        ALL,
        replies=status(503, **{"Retry-After": "1"}),
        retried="any",
    ),
    Fault("429-seconds", errors.TooManyRequestsError, ALL, replies=retry_after("1"), retried="any"),
    Fault(
        "429-date",
        errors.TooManyRequestsError,
        API,
        replies=lambda f, o, op: retry_after(in_a_second())(f, o, op),
        retried="any",
    ),
    Fault(
        "429-past-date",
        errors.TooManyRequestsError,
        API,
        replies=retry_after("Thu, 01 Jan 1970 00:00:00 GMT"),
        retried="any",
    ),
    Fault(
        "429-garbage",
        errors.TooManyRequestsError,
        API,
        replies=retry_after("soon-ish"),
        retried="any",
    ),
    Fault(
        "429-negative", errors.TooManyRequestsError, API, replies=retry_after("-5"), retried="any"
    ),
    Fault("429-huge", errors.TooManyRequestsError, ALL, replies=retry_after("999999999")),
    Fault(
        "429-far-date",
        errors.TooManyRequestsError,
        API,
        replies=retry_after("Fri, 31 Dec 9999 23:59:59 GMT"),
    ),
    Fault(
        "429-date-out-of-range",
        errors.TooManyRequestsError,
        API,
        replies=retry_after("Fri, 31 Dec 9999 23:59:59 -0100"),
    ),
    # Bodies.
    Fault(
        "non-json-success",
        errors.InvalidResponseError,
        API,
        replies=success("<html><body>Welcome to nginx!</body></html>", "text/html"),
    ),
    Fault(
        "wrong-shape-success",
        errors.InvalidResponseError,
        API,
        replies=success(b'{"servers": 5}', "application/json"),
    ),
    Fault(
        "truncated-json-success",
        errors.InvalidResponseError,
        API,
        replies=success(b'{"server": {"id": ', "application/json"),
    ),
    Fault(
        "html-error-labelled-json",
        errors.NotFoundError,
        ALL,
        replies=always(
            Reply(404, b"<html>Not Found</html>", headers={"Content-Type": "application/json"})
        ),
    ),
    Fault("corrupted-download", objects.ETagMismatchError, (DOWNLOAD,), replies=corrupted),
    # Redirects.
    Fault(
        "redirect-loop-302",
        errors.TransportError,
        (GET, DOWNLOAD),
        replies=redirect_loop(302),
        retried=31,
    ),
    Fault(
        "redirect-loop-302-post", errors.TransportError, (POST, UPLOAD), replies=redirect_loop(302)
    ),
    Fault(
        "redirect-loop-307",
        errors.TransportError,
        (GET, POST, UPLOAD),
        replies=redirect_loop(307),
        retried=31,
        unreplayable_error=errors.UnreplayableBodyError,
    ),
    Fault(
        "redirect-to-dead-host",
        errors.ConnectError,
        ALL,
        replies=to_other_host(302, "dead"),
        retried="idempotent",
    ),
    Fault(
        "307-to-other-host",
        errors.InternalServerError,
        ALL,
        replies=to_other_host(307, "other"),
        other=True,
        unreplayable_error=errors.UnreplayableBodyError,
    ),
    # Tokens.
    Fault(
        "401-always",
        errors.UnauthorizedError,
        (*ALL, LIST),
        replies=token_rejected,
        retried="reauth",
        unreplayable_error=errors.UnreplayableBodyError,
    ),
]
# An upload whose stream a redirect loop would send again fails at the first 307.
CASES = [
    pytest.param(fault, op, id=f"{fault.name}-{op.name}", marks=fault.marks)
    for fault in FAULTS
    for op in fault.ops
]


# -- the matrix -------------------------------------------------------------------------------


@pytest.fixture
def other() -> Iterator[FakeServer]:
    """Another origin (the target of cross-host redirects)."""
    with FakeServer() as fake:
        yield fake


def make_provider(
    keystone: FakeServer,
    sleeps: list[float],
    deadline: float = 10.0,
    timeout: tuple[float, float] = ROOMY,
) -> ProviderClient:
    """A provider with short timeouts that can log in again at ``keystone``.

    Its waits between retries are recorded, not slept, and short (a backoff of at most
    50 ms), so that they never decide the number of attempts against the deadline.
    """
    provider = ProviderClient(
        identity_endpoint=keystone.url + "/identity/v3/",
        retry=RetryPolicy(
            max_attempts=ATTEMPTS, sleep=sleeps.append, backoff_initial=0.01, backoff_max=0.05
        ),
        timeout=timeout,
        deadline=deadline,
    )
    provider.set_token(OLD_TOKEN)
    keystone.route("POST", LOGIN, Reply(201, {"token": {}}, headers={"X-Subject-Token": NEW_TOKEN}))

    def login() -> None:
        response = provider.request(
            "POST", keystone.url + LOGIN, json={"auth": {}}, ok_codes=(201,), authenticated=False
        )
        provider.set_token(response.headers["X-Subject-Token"])

    provider.reauth_func = login
    return provider


@pytest.mark.parametrize(("fault", "op"), CASES)
def test_every_fault_ends_in_a_clear_bounded_oscloud_error(
    fault: Fault,
    op: Op,
    server: FakeServer,
    sleeps: list[float],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    provider = make_provider(server, sleeps, fault.deadline, fault.timeout)
    raw = RawServer(fault.raw) if fault.raw is not None else None
    try:
        if raw is not None:
            base = f"http://127.0.0.1:{_closed_port()}" if fault.refused else raw.url
        else:
            assert fault.replies is not None
            other = request.getfixturevalue("other") if fault.other else server
            fault.replies(server, other, op)
            base = server.url
        env = Env(provider, base, tmp_path)
        started = time.monotonic()

        with pytest.raises(errors.OSCloudError) as caught:
            op.run(env)

        elapsed = time.monotonic() - started
    finally:
        if raw is not None:
            raw.close()

    err = caught.value
    assert isinstance(err, fault.expected_error(op)), repr(err)
    text = str(err)
    assert text.startswith(op.method + " ") or f" {op.method} " in text, text
    assert op.path in text or (op.short is not None and op.short in text), text
    assert elapsed < BOUND, f"{elapsed:.2f} s"
    if raw is not None and not fault.refused:
        sent = len(raw.received(op.method, op.path))
    elif raw is not None:
        sent = len(sleeps) + 1  # nothing listens: count the attempts
    else:
        sent = len(server.received(op.method, op.path))
    assert sent == fault.sends(op)
    if op is POST:
        retried_by_design = fault.retried in ("any", "reauth") or isinstance(fault.retried, int)
        assert sent == 1 or retried_by_design, "a POST that may have been applied was sent again"
    if op is DOWNLOAD:
        assert list(tmp_path.iterdir()) == [], "a failed download left a file behind"
    assert len(server.received("POST", LOGIN)) == (1 if fault.retried == "reauth" else 0)
    assert len(sleeps) <= ATTEMPTS - 1


def test_the_matrix_meets_every_operation_with_most_faults() -> None:
    for op in ALL:
        assert sum(op in fault.ops for fault in FAULTS) >= len(FAULTS) // 2, op.name
    assert any(LIST in fault.ops for fault in FAULTS)


# -- the details of some faults ----------------------------------------------------------------


def test_a_redirect_to_another_host_carries_no_token(
    server: FakeServer, other: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    env = Env(make_provider(server, sleeps), server.url, tmp_path)
    to_other_host(307, "other")(server, other, POST)

    result = servers.create(
        env.compute, servers.CreateOpts(name="w", image_ref="i", flavor_ref="1")
    )

    assert isinstance(result.err, errors.InternalServerError)
    (landed,) = other.received("POST", "/moved")
    assert "X-Auth-Token" not in landed.headers
    assert landed.json()["server"]["name"] == "w"


@pytest.mark.parametrize("own_session", [False, True], ids=["oscloud-session", "own-session"])
def test_a_redirected_streamed_upload_is_refused_not_stored_empty(
    server: FakeServer, sleeps: list[float], tmp_path: Path, own_session: bool
) -> None:
    provider = make_provider(server, sleeps)
    if own_session:
        provider = ProviderClient(session=requests.Session(), retry=provider.retry)
        provider.set_token(OLD_TOKEN)
    env = Env(provider, server.url, tmp_path)
    server.route("PUT", UPLOAD.path, Reply(307, headers={"Location": f"{SWIFT}/c/elsewhere"}))
    server.route("PUT", f"{SWIFT}/c/elsewhere", Reply(201, headers={"Etag": "x"}))

    result = objects.upload(env.swift, "c", "o", iter([b"a" * 10, b"b" * 10]))

    assert isinstance(result.err, errors.UnreplayableBodyError)
    assert "307" in str(result.err)
    assert f"{SWIFT}/c/elsewhere" in str(result.err)
    (first,) = server.received("PUT", UPLOAD.path)
    assert first.body == b"a" * 10 + b"b" * 10
    assert server.received("PUT", f"{SWIFT}/c/elsewhere") == []


@pytest.mark.parametrize("code", [307, 308])
def test_a_redirected_upload_that_can_be_rewound_arrives_whole(
    server: FakeServer, sleeps: list[float], tmp_path: Path, code: int
) -> None:
    env = Env(make_provider(server, sleeps), server.url, tmp_path)
    data = b"0123456789" * 1000
    etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
    server.route("PUT", UPLOAD.path, Reply(code, headers={"Location": f"{SWIFT}/c/moved"}))
    server.route("PUT", f"{SWIFT}/c/moved", Reply(201, headers={"Etag": etag}))

    stored = objects.upload(env.swift, "c", "o", data).extract()

    assert stored.etag == etag
    (moved,) = server.received("PUT", f"{SWIFT}/c/moved")
    assert moved.body == data


def test_an_upload_of_a_stream_is_not_resent_after_a_503(
    server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    env = Env(make_provider(server, sleeps), server.url, tmp_path)
    server.route("PUT", UPLOAD.path, Reply(503, headers={"Retry-After": "0"}), Reply(201))

    result = objects.upload(env.swift, "c", "o", iter([b"data"]))

    assert isinstance(result.err, errors.ServiceUnavailableError)
    assert [r.body for r in server.received("PUT", UPLOAD.path)] == [b"data"]
    assert sleeps == []


def test_a_token_that_expires_in_the_middle_of_a_listing_is_renewed_once(
    server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    env = Env(make_provider(server, sleeps), server.url, tmp_path)
    page_one = {
        "servers": [{"id": "s1", "name": "a"}],
        "servers_links": [{"rel": "next", "href": server.url + LIST.path + "?marker=s1"}],
    }

    def page_two(request: Recorded) -> Reply:
        if request.headers["X-Auth-Token"] != NEW_TOKEN:
            return Reply(401, UNAUTHORIZED)
        return Reply(200, {"servers": [{"id": "s2", "name": "b"}]})

    server.route("GET", LIST.path, Reply(200, page_one), page_two)

    ids = _list(env)

    assert ids == ["s1", "s2"]
    tokens = [r.headers["X-Auth-Token"] for r in server.received("GET", LIST.path)]
    assert tokens == [OLD_TOKEN, OLD_TOKEN, NEW_TOKEN]
    assert len(server.received("POST", LOGIN)) == 1


def test_a_body_labelled_with_another_content_type_is_still_read(
    server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    env = Env(make_provider(server, sleeps), server.url, tmp_path)
    server.route(
        "GET",
        GET.path,
        Reply(
            200, b'{"server": {"id": "a", "name": "web"}}', headers={"Content-Type": "text/plain"}
        ),
    )

    assert servers.get(env.compute, SERVER_ID).extract().name == "web"


def test_a_compressed_body_is_read_within_the_deadline(
    server: FakeServer, sleeps: list[float], tmp_path: Path
) -> None:
    env = Env(make_provider(server, sleeps), server.url, tmp_path)
    body = gzip.compress(b'{"server": {"id": "a", "name": "zipped"}}')
    server.route(
        "GET",
        GET.path,
        Reply(200, body, headers={"Content-Type": "application/json", "Content-Encoding": "gzip"}),
    )

    assert servers.get(env.compute, SERVER_ID).extract().name == "zipped"


# -- the deadline -------------------------------------------------------------------------------


@pytest.fixture
def dripping() -> Iterator[RawServer]:
    raw = RawServer(drip("200 OK"))
    yield raw
    raw.close()


@pytest.fixture
def silent() -> Iterator[RawServer]:
    raw = RawServer(stall)
    yield raw
    raw.close()


def test_a_dripping_body_ends_at_the_providers_deadline(dripping: RawServer) -> None:
    provider = ProviderClient(timeout=(1.0, 1.0), deadline=0.5)
    started = time.monotonic()

    with pytest.raises(errors.TimeoutError) as caught:
        provider.request("GET", dripping.url + "/slow", authenticated=False)

    assert 0.45 < time.monotonic() - started < 0.5 + 1.0
    assert str(caught.value).startswith(f"GET {dripping.url}/slow: the deadline of 0.5 s passed")
    assert len(dripping.received("GET", "/slow")) == 1


def test_a_call_can_set_its_own_deadline(dripping: RawServer, silent: RawServer) -> None:
    provider = ProviderClient(timeout=(1.0, 1.0))  # the default deadline
    compute = ServiceClient(provider=provider, endpoint=silent.url + COMPUTE, type="compute")
    started = time.monotonic()

    with pytest.raises(errors.TimeoutError, match=r"deadline of 0\.3 s"):
        provider.request("GET", dripping.url + "/slow", authenticated=False, deadline=0.3)
    result = compute.call(servers.GetResult, "GET", compute.service_url("servers"), deadline=0.3)

    assert time.monotonic() - started < 0.6 + 1.0
    assert isinstance(result.err, errors.TimeoutError)
    assert f"GET {silent.url}{COMPUTE}/servers" in str(result.err)


def test_a_server_that_never_answers_is_left_at_the_deadline(silent: RawServer) -> None:
    provider = ProviderClient(timeout=(10.0, 60.0), deadline=0.3)
    started = time.monotonic()

    with pytest.raises(errors.TimeoutError, match=r"deadline of 0\.3 s passed"):
        provider.request("HEAD", silent.url + "/x", authenticated=False)

    assert time.monotonic() - started < 0.3 + 1.0


def test_the_deadline_ends_retries_instead_of_waiting_past_it(server: FakeServer) -> None:
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    provider = ProviderClient(retry=RetryPolicy(sleep=sleep), deadline=0.5)
    server.route("GET", "/busy", Reply(503, headers={"Retry-After": "0.3"}))
    started = time.monotonic()

    with pytest.raises(errors.ServiceUnavailableError):
        provider.request("GET", server.url + "/busy", authenticated=False)

    assert waits == [0.3]  # a second wait would end after the deadline: the answer at once
    assert len(server.received("GET", "/busy")) == 2
    assert time.monotonic() - started < 0.5 + 1.0


def test_the_deadline_holds_while_re_authenticating(server: FakeServer, silent: RawServer) -> None:
    provider = ProviderClient(timeout=(1.0, 1.0), deadline=0.4)
    provider.set_token(OLD_TOKEN)
    server.route("GET", "/servers", Reply(401, UNAUTHORIZED))

    def login() -> None:  # Keystone never answers
        provider.request("POST", silent.url + LOGIN, json={}, authenticated=False, deadline=30)

    provider.reauth_func = login
    started = time.monotonic()

    with pytest.raises(errors.TimeoutError) as caught:
        provider.request("GET", server.url + "/servers")

    assert time.monotonic() - started < 0.4 + 1.0
    text = str(caught.value)
    assert text.startswith(f"GET {server.url}/servers: the deadline of 0.4 s passed")
    assert f"re-authenticating (POST {silent.url}{LOGIN})" in text


def test_the_deadline_holds_while_waiting_for_another_threads_login(server: FakeServer) -> None:
    provider = ProviderClient(deadline=0.3)
    provider.set_token(OLD_TOKEN)
    server.route("GET", "/servers", Reply(401, UNAUTHORIZED))
    provider.reauth_func = lambda: None
    provider._reauth_lock.acquire()  # another thread is logging in, for ever
    try:
        started = time.monotonic()
        with pytest.raises(errors.TimeoutError, match="waiting for another thread"):
            provider.request("GET", server.url + "/servers")
        assert time.monotonic() - started < 0.3 + 1.0
    finally:
        provider._reauth_lock.release()


def test_no_deadline_lets_a_slow_body_finish(server: FakeServer) -> None:
    body = [b"x"] * 4
    server.route("GET", "/slow", Reply(200, chunks=_slowly(body, 0.1)))
    provider = ProviderClient(deadline=0.2)

    response = provider.request("GET", server.url + "/slow", authenticated=False, deadline=math.inf)

    assert response.content == b"xxxx"
    assert ProviderClient(deadline=None).deadline is None
    assert ProviderClient().deadline == DEFAULT_DEADLINE == 120.0


def _slowly(chunks: list[bytes], pause: float) -> Iterator[bytes]:
    for chunk in chunks:
        time.sleep(pause)
        yield chunk


@pytest.mark.parametrize(
    ("deadline", "error"),
    [
        (0, ValueError),
        (-1.0, ValueError),
        (math.nan, ValueError),
        ("5", TypeError),
        (True, TypeError),
    ],
)
def test_a_deadline_is_a_positive_number_of_seconds(deadline: Any, error: type) -> None:
    with pytest.raises(error, match="deadline"):
        ProviderClient(deadline=deadline)
    with pytest.raises(error, match="deadline"):
        ProviderClient().request("GET", "http://127.0.0.1:9/", deadline=deadline)


# -- TLS: the provider's verify holds, whatever the environment says -------------------------


@pytest.fixture
def tls_server() -> Iterator[FakeServer]:
    """The loopback server behind TLS, with a certificate from the test CA."""
    fake = FakeServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "server.pem")
    fake._httpd.socket = context.wrap_socket(fake._httpd.socket, server_side=True)
    fake.url = fake.url.replace("http://", "https://")
    fake.route("GET", "/v3", Reply(200, {"version": {"id": "v3.14"}}))
    with fake:
        yield fake


def test_the_ca_bundle_of_the_environment_is_not_trusted(
    tls_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", os.fspath(TLS / "ca.pem"))
    monkeypatch.setenv("CURL_CA_BUNDLE", os.fspath(TLS / "ca.pem"))

    with pytest.raises(errors.ConnectError, match="CERTIFICATE_VERIFY_FAILED") as caught:
        ProviderClient().request("GET", tls_server.url + "/v3", authenticated=False)

    assert str(caught.value).startswith(f"GET {tls_server.url}/v3: ")
    assert tls_server.received() == []


def test_the_providers_ca_bundle_is_trusted(
    tls_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/nonexistent/ca.pem")
    provider = ProviderClient(verify=os.fspath(TLS / "ca.pem"))

    response = provider.request("GET", tls_server.url + "/v3", authenticated=False)

    assert response.json() == {"version": {"id": "v3.14"}}


def test_a_session_of_ones_own_ignores_the_environments_ca_bundle_too(
    tls_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", os.fspath(TLS / "ca.pem"))
    provider = ProviderClient(session=requests.Session(), retry=RetryPolicy.off())

    with pytest.raises(errors.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        provider.request("GET", tls_server.url + "/v3", authenticated=False)


def test_a_missing_ca_bundle_is_a_transport_error(monkeypatch: pytest.MonkeyPatch) -> None:
    provider = ProviderClient(verify="/nonexistent/ca.pem")

    with pytest.raises(errors.TransportError, match=r"^GET https://127\.0\.0\.1:9/v3: "):
        provider.request("GET", "https://127.0.0.1:9/v3", authenticated=False)
