"""Swift (object storage v1) for the fake cloud: objects made of a known pattern, listings.

The catalog's ``object-store`` endpoint is ``{base}/v1/AUTH_<project>``. What it serves,
always after checking ``X-Auth-Token``:

- ``PUT`` of an object: the body is read and thrown away as it arrives (never held,
  never hashed); ``201`` with the ETag the client sent, or else the MD5 of the pattern of
  that many bytes (computed once per size and cached). The size is kept for that name.
- ``GET``/``HEAD`` of an object: ``object_bytes`` bytes of the pattern (or as many as
  were last ``PUT`` under that name), streamed from one reused block, with
  ``Content-Length`` and the pattern's ETag.
- ``GET`` of a container (``format=json``, ``limit``, ``marker``): ``objects`` items in
  pages of at most 10,000, shaped as the API reference shows them, rendered once and
  cached; an empty JSON list past the end. ``HEAD`` of a container or the account.
- ``GET /info``: the capabilities (no token needed, as in Swift).

The pattern is :func:`pattern_block` repeated; :func:`write_pattern` writes the same bytes
to a file, so that what a client uploads from it has the ETag the fake answers.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from urllib.parse import parse_qsl

from benchmarks.fake_http import PageCache, Request, Stream, dump, error, head, response

BLOCK_SIZE = 1024 * 1024
DEFAULT_OBJECT_BYTES = 64 * 1024 * 1024
DEFAULT_OBJECTS = 200_000
MAX_LIMIT = 10_000
LAST_MODIFIED = "Thu, 16 Jan 2014 21:12:31 GMT"
TIMESTAMP = "1389906751.73463"

_BLOCK: bytes | None = None


def pattern_block() -> bytes:
    """The 1 MiB block every object repeats (deterministic, incompressible)."""
    global _BLOCK
    if _BLOCK is None:
        _BLOCK = hashlib.shake_128(b"oscloud benchmark object").digest(BLOCK_SIZE)
    return _BLOCK


def write_pattern(path: Path, size: int) -> None:
    """Write ``size`` bytes of the pattern to ``path``, one block at a time."""
    block = pattern_block()
    with path.open("wb") as sink:
        for start in range(0, size, len(block)):
            sink.write(block[: min(len(block), size - start)])


def pattern_md5(size: int) -> str:
    """The MD5 of ``size`` bytes of the pattern (hex)."""
    block = pattern_block()
    md5 = hashlib.md5(usedforsecurity=False)
    full, rest = divmod(size, len(block))
    for _ in range(full):
        md5.update(block)
    md5.update(block[:rest])
    return md5.hexdigest()


def object_name(index: int) -> str:
    """The name of the ``index``-th listed object (zero-padded, so sorted by index)."""
    return f"photos/{index:08d}.jpg"


def object_index(marker: str) -> int | None:
    """The index of a listed object's name, ``None`` for any other name."""
    digits = marker.removeprefix("photos/").removesuffix(".jpg")
    if not digits.isdigit() or object_name(int(digits)) != marker:
        return None
    return int(digits)


def _listed_object(index: int) -> str:
    """One item of ``GET /v1/{account}/{container}?format=json`` (API reference)."""
    second, micro = divmod(index, 1000)
    name = object_name(index)
    return (
        f'{{"hash":"{hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()}",'
        f'"last_modified":"2014-01-{15 + second // 86400:02d}T'
        f'{second // 3600 % 24:02d}:{second // 60 % 60:02d}:{second % 60:02d}.{micro:06d}",'
        f'"bytes":{index * 7919 % 10_000_000},"name":"{name}",'
        f'"content_type":"{"image/jpeg" if index % 4 else "application/octet-stream"}"}}'
    )


class Swift:
    """The object store: sizes of what was uploaded, cached MD5s and listing pages."""

    def __init__(self, project_id: str) -> None:
        self.account_path = f"/v1/AUTH_{project_id}"
        self.object_bytes = DEFAULT_OBJECT_BYTES
        self.total_objects = DEFAULT_OBJECTS
        self._lock = threading.Lock()
        self._sizes: dict[str, int] = {}
        self._md5s: dict[int, str] = {}
        self._pages = PageCache()

    def configure(self, object_bytes: int | None, objects: int | None) -> dict[str, int]:
        """Set the default object size (its MD5 is computed now) and the listing length."""
        if object_bytes is not None:
            self.object_bytes = object_bytes
            self._md5(object_bytes)
        if objects is not None:
            self.total_objects = objects
        return {"object_bytes": self.object_bytes, "objects": self.total_objects}

    def _md5(self, size: int) -> str:
        with self._lock:
            known = self._md5s.get(size)
        if known is None:
            known = pattern_md5(size)
            with self._lock:
                self._md5s[size] = known
        return known

    # -- dispatch ---------------------------------------------------------------------

    def info(self) -> bytes:
        """``GET /info``."""
        caps = {
            "swift": {
                "version": "2.34.0",
                "max_file_size": 5 * 1024**3,
                "container_listing_limit": MAX_LIMIT,
            },
            "slo": {"max_manifest_segments": 1000, "min_segment_size": 1},
            "bulk_delete": {"max_deletes_per_request": 10000},
        }
        return response(200, dump(caps))

    def respond(self, request: Request) -> bytes | Stream:
        """Answer a request under the account path (the token was checked)."""
        rest = request.path[len(self.account_path) :].lstrip("/")
        if request.path[: len(self.account_path)] != self.account_path:
            return error(404, f"no such account: {request.path}")
        container, _, name = rest.partition("/")
        if not container:
            return self._account(request)
        if not name:
            return self._container(request)
        if request.method == "PUT":
            return self._put(request, rest)
        if request.method in ("GET", "HEAD"):
            return self._object(rest)
        return error(404, f"{request.method} is not served by the fake object store")

    def _account(self, request: Request) -> bytes:
        if request.method not in ("GET", "HEAD"):
            return error(404, "not served by the fake object store")
        headers = {
            "X-Account-Container-Count": "1",
            "X-Account-Object-Count": str(self.total_objects),
            "X-Account-Bytes-Used": "0",
            "X-Timestamp": TIMESTAMP,
        }
        return response(200, b"[]", headers)

    def _container(self, request: Request) -> bytes:
        if request.method == "PUT":
            return response(201, b"", {"Content-Type": "text/html; charset=UTF-8"})
        if request.method == "HEAD":
            headers = {
                "X-Container-Object-Count": str(self.total_objects),
                "X-Container-Bytes-Used": "0",
                "X-Timestamp": TIMESTAMP,
                "Content-Type": "application/json; charset=utf-8",
            }
            return response(204, b"", headers)
        if request.method != "GET":
            return error(404, "not served by the fake object store")
        return self._listing(request)

    # -- objects ----------------------------------------------------------------------

    def _put(self, request: Request, path: str) -> bytes:
        size = request.body_size
        with self._lock:
            self._sizes[path] = size
        etag = request.headers.get("etag") or self._md5(size)
        headers = {
            "Content-Type": "text/html; charset=UTF-8",
            "Etag": etag,
            "Last-Modified": LAST_MODIFIED,
        }
        return response(201, b"", headers)

    def _object(self, path: str) -> Stream:
        with self._lock:
            size = self._sizes.get(path, self.object_bytes)
        fields = {
            "Content-Length": str(size),
            "Content-Type": "application/octet-stream",
            "Accept-Ranges": "bytes",
            "Etag": self._md5(size),
            "Last-Modified": LAST_MODIFIED,
            "X-Timestamp": TIMESTAMP,
        }
        return Stream(head(200, fields), size, pattern_block())

    # -- listing ----------------------------------------------------------------------

    def _listing(self, request: Request) -> bytes:
        query = dict(parse_qsl(request.query))
        if query.get("format", "json") != "json":
            return error(400, "the fake object store lists in JSON only")
        try:
            limit = min(int(query.get("limit", MAX_LIMIT)), MAX_LIMIT)
        except ValueError:
            return error(400, "limit must be an integer")
        start = 0
        if query.get("marker"):
            index = object_index(query["marker"])
            if index is None:
                return error(400, f"marker {query['marker']!r} is not a listed name")
            start = index + 1
        body = self._page(self.total_objects, limit, start)
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-Container-Object-Count": str(self.total_objects),
            "X-Container-Bytes-Used": "0",
            "X-Timestamp": TIMESTAMP,
        }
        return response(200, body, headers)

    def _page(self, total: int, limit: int, start: int) -> bytes:
        def render() -> bytes:
            items = [_listed_object(i) for i in range(start, min(start + limit, total))]
            return ("[" + ",".join(items) + "]").encode()

        return self._pages.get((total, limit, start), render)
