"""A real HTTP server on 127.0.0.1 that serves canned replies and records what it received.

Tests register replies for (method, path), run one operation, then assert on
``server.received(...)``: method, path, query, headers and body as the server saw them.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from requests.structures import CaseInsensitiveDict


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    raw_query: str
    query: dict[str, list[str]]
    headers: CaseInsensitiveDict[str]
    body: bytes
    chunked: bool = False

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    """What the server answers. ``body`` may be bytes, str, or JSON-able (dict/list)."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: Iterable[bytes] | None = None

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if self.body is None:
            return b"", headers
        if isinstance(self.body, bytes):
            return self.body, headers
        if isinstance(self.body, str):
            headers.setdefault("Content-Type", "text/plain; charset=utf-8")
            return self.body.encode(), headers
        headers.setdefault("Content-Type", "application/json")
        return json.dumps(self.body).encode(), headers


Responder = Reply | Callable[[Recorded], Reply]


class FakeServer:
    """A threaded HTTP/1.1 server; use as a context manager or call start()/stop()."""

    def __init__(self) -> None:
        self._routes: dict[tuple[str, str], list[Responder]] = {}
        self._lock = threading.Lock()
        self.requests: list[Recorded] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def route(self, method: str, path: str, *responders: Responder) -> None:
        """Answer ``method path`` with the responders in turn; the last one repeats."""
        with self._lock:
            self._routes[(method.upper(), path)] = list(responders)

    def received(self, method: str | None = None, path: str | None = None) -> list[Recorded]:
        with self._lock:
            return [
                r
                for r in self.requests
                if (method is None or r.method == method.upper())
                and (path is None or r.path == path)
            ]

    def _respond(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            responders = self._routes.get((recorded.method, recorded.path))
            if not responders:
                return Reply(
                    500,
                    {"error": {"message": f"no fake route for {recorded.method} {recorded.path}"}},
                )
            responder = responders.pop(0) if len(responders) > 1 else responders[0]
        return responder(recorded) if callable(responder) else responder

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _read_body(self) -> tuple[bytes, bool]:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    parts: list[bytes] = []
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            self.rfile.readline()
                            return b"".join(parts), True
                        parts.append(self.rfile.read(size))
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return (self.rfile.read(length) if length else b""), False

            def _handle(self) -> None:
                try:
                    self._serve()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client went away (timeout tests)

            def _serve(self) -> None:
                split = urlsplit(self.path)
                body, chunked = self._read_body()
                recorded = Recorded(
                    method=self.command,
                    path=split.path,
                    raw_query=split.query,
                    query=parse_qs(split.query, keep_blank_values=True),
                    headers=CaseInsensitiveDict(dict(self.headers.items())),
                    body=body,
                    chunked=chunked,
                )
                reply = server._respond(recorded)
                if reply.delay:
                    time.sleep(reply.delay)
                payload, headers = reply.encoded()
                self.send_response(reply.status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if reply.chunks is not None:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for chunk in reply.chunks:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.write(b"0\r\n\r\n")
                    return
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_COPY = _handle  # noqa: N815

        return Handler
