"""HTTP/1.1 with keep-alive on raw sockets, for the fake cloud (one thread per connection).

A handler maps each :class:`Request` to the bytes of a whole response, or to a
:class:`Stream` whose body is sent from one reused block. Request bodies up to
``BUFFERED_BODY`` bytes are read into memory; larger ones, and chunked ones, are read and
thrown away as they arrive, only their size kept (``Request.body_size``), so that a 1 GiB
upload costs the fake neither memory nor more than a copy out of the kernel.

``LINK.rate`` (bytes a second, 0 for no limit) paces those large bodies, both ways, as a
network link of that speed would: a :class:`Stream` is sent no faster, a discarded body
read no faster.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

BUFFERED_BODY = 1024 * 1024
RECEIVE_SIZE = 1024 * 1024

_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    300: "Multiple Choices",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
}


def dump(body: Any) -> bytes:
    """Compact JSON bytes."""
    return json.dumps(body, separators=(",", ":")).encode()


def head(status: int, headers: dict[str, str]) -> bytes:
    """The status line and headers of a response, with the blank line that ends them."""
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Unknown')}"]
    fields = {"Content-Type": "application/json"}
    fields["X-Openstack-Request-Id"] = "req-5e7a0001-4c1d-4b2e-9b2e-000000000001"
    fields.update(headers)
    lines.extend(f"{name}: {value}" for name, value in fields.items())
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def response(status: int, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    """A whole response: ``Content-Length`` is the body's."""
    return head(status, {"Content-Length": str(len(body)), **(headers or {})}) + body


def error(status: int, message: str) -> bytes:
    """An error in the shape OpenStack services use (``{"itemNotFound": {...}}``)."""
    kind = {400: "badRequest", 401: "unauthorized", 404: "itemNotFound"}.get(status, "error")
    return response(status, dump({kind: {"code": status, "message": message}}))


class PageCache:
    """Listing pages rendered once and kept, the most recently used first (at most 64)."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._pages: OrderedDict[tuple[int, int, int], bytes] = OrderedDict()

    def get(self, key: tuple[int, int, int], render: Callable[[], bytes]) -> bytes:
        """The page under ``key``, rendered by ``render()`` the first time."""
        with self._lock:
            cached = self._pages.get(key)
            if cached is not None:
                self._pages.move_to_end(key)
                return cached
            body = render()
            self._pages[key] = body
            if len(self._pages) > self._size:
                self._pages.popitem(last=False)
            return body


class Link:
    """The speed of the fake's end of the link for large bodies; ``rate`` 0 is no limit."""

    def __init__(self) -> None:
        self.rate = 0

    def pace(self, started: float, done: int) -> None:
        """Wait until ``done`` bytes since ``started`` (``perf_counter``) fit the rate."""
        if self.rate:
            ahead = done / self.rate - (time.perf_counter() - started)
            if ahead > 0:
                time.sleep(ahead)


LINK = Link()


class Stream:
    """A response whose body is ``size`` bytes: ``block`` repeated, the last one cut."""

    __slots__ = ("block", "head", "size")

    def __init__(self, head: bytes, size: int, block: bytes) -> None:
        self.head = head
        self.size = size
        self.block = block

    def send(self, conn: socket.socket, with_body: bool) -> None:
        """Send the head, then (unless it answers a ``HEAD``) the body."""
        conn.sendall(self.head)
        if not with_body:
            return
        view = memoryview(self.block)
        started, left = time.perf_counter(), self.size
        while left > 0:
            step = min(left, len(view))
            conn.sendall(view[:step])
            left -= step
            LINK.pace(started, self.size - left)


class Request:
    """A request line, lower-cased headers and the body (empty when it was thrown away)."""

    __slots__ = ("body", "body_size", "headers", "method", "path", "query")

    def __init__(
        self, method: str, target: str, headers: dict[str, str], body: bytes, body_size: int
    ) -> None:
        self.method = method
        self.path, _, self.query = target.partition("?")
        self.headers = headers
        self.body = body
        self.body_size = body_size


Handler = Callable[[Request], "bytes | Stream"]


def _fill(conn: socket.socket, buffer: bytearray) -> bool:
    chunk = conn.recv(65536)
    buffer += chunk
    return bool(chunk)


def _read_line(conn: socket.socket, buffer: bytearray) -> bytes | None:
    while (end := buffer.find(b"\r\n")) < 0:
        if not _fill(conn, buffer):
            return None
    line = bytes(buffer[:end])
    del buffer[: end + 2]
    return line


def _discard(conn: socket.socket, buffer: bytearray, count: int, sink: bytearray) -> bool:
    """Read ``count`` bytes and keep none of them; ``False`` when the peer went away."""
    taken = min(count, len(buffer))
    del buffer[:taken]
    started, done = time.perf_counter(), taken
    view = memoryview(sink)
    while done < count:
        got = conn.recv_into(view, min(count - done, len(view)))
        if not got:
            return False
        done += got
        LINK.pace(started, done)
    return True


def _discard_chunked(conn: socket.socket, buffer: bytearray, sink: bytearray) -> int | None:
    """Read a chunked body (and its trailers), keep none of it; return its size."""
    total = 0
    while True:
        line = _read_line(conn, buffer)
        if line is None:
            return None
        size = int(line.split(b";", 1)[0], 16)
        if size == 0:
            break
        if not _discard(conn, buffer, size + 2, sink):
            return None
        total += size
    while True:  # trailers, up to the blank line
        line = _read_line(conn, buffer)
        if line is None:
            return None
        if not line:
            return total


def read_request(conn: socket.socket, buffer: bytearray, sink: bytearray) -> Request | None:
    """The next request on ``conn``, or ``None`` when the client closed the connection."""
    while (end := buffer.find(b"\r\n\r\n")) < 0:
        if not _fill(conn, buffer):
            return None
    text = bytes(buffer[:end]).decode("latin-1")
    del buffer[: end + 4]
    request_line, *header_lines = text.split("\r\n")
    method, target, _ = request_line.split(" ", 2)
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        size = _discard_chunked(conn, buffer, sink)
        return None if size is None else Request(method, target, headers, b"", size)
    length = int(headers.get("content-length", "0"))
    if length > BUFFERED_BODY:
        if not _discard(conn, buffer, length, sink):
            return None
        return Request(method, target, headers, b"", length)
    while len(buffer) < length:
        if not _fill(conn, buffer):
            return None
    body = bytes(buffer[:length])
    del buffer[:length]
    return Request(method, target, headers, body, length)


def serve_connection(conn: socket.socket, handle: Handler) -> None:
    """Answer the requests of one connection until the client closes it."""
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buffer = bytearray()
    sink = bytearray(RECEIVE_SIZE)
    try:
        while True:
            request = read_request(conn, buffer, sink)
            if request is None:
                return
            reply = handle(request)
            if isinstance(reply, Stream):
                reply.send(conn, with_body=request.method != "HEAD")
            elif request.method == "HEAD":
                conn.sendall(reply[: reply.index(b"\r\n\r\n") + 4])
            else:
                conn.sendall(reply)
            if request.headers.get("connection", "").lower() == "close":
                return
    except (ConnectionError, OSError):
        return
    finally:
        conn.close()


def serve(listener: socket.socket, handle: Handler) -> None:
    """Accept connections forever, each served by a thread of its own."""
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve_connection, args=(conn, handle), daemon=True).start()
