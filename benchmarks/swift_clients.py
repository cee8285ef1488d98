"""The three clients' object storage calls: upload a file, download to a file, list.

- ``oscloud``: ``objects.upload_file`` (the MD5 computed while the file is sent and
  checked against the ETag), ``objects.download(...).write_to(file)`` (the MD5 checked
  as the body streams), ``objects.list(..., ListOpts(limit=10000)).items()``.
- ``requests``: a bare ``requests.Session``: ``session.put(url, data=file)``,
  ``session.get(url, stream=True)`` and ``iter_content`` into the file, a loop over
  ``marker`` that parses each page; no checksum.
- ``openstacksdk``: ``conn.object_store.create_object(container, name, filename=path)``
  (as it does by default, it reads the whole file once for its MD5 and SHA-256 before
  sending it), ``stream_object`` into the file, ``conn.object_store.objects(container,
  limit=10000)``.

A download is written into a file the caller opened (the benchmark opens one that already
has the object's size, and writes it in place). Libraries are imported inside the
constructors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO, Protocol

from benchmarks.clients import (
    _count,
    _find_endpoint,
    _password_body,
    oscloud_provider,
    sdk_connection,
)

#: Where the transfers go, and the container whose listing is measured.
CONTAINER = "bench"
LISTED_CONTAINER = "photos"
#: Objects per listing page (Swift's default ``container_listing_limit``).
PAGE_SIZE = 10_000
#: Bytes per ``iter_content`` chunk when requests or openstacksdk write a download.
DOWNLOAD_CHUNK = 1024 * 1024


class SwiftClient(Protocol):
    """What the object storage benchmarks need from a client."""

    name: str

    def upload(self, path: str, object_name: str) -> str | None:
        """Upload the file at ``path``; the ETag the server answered, if the library says."""
        ...

    def download(self, object_name: str, sink: BinaryIO) -> int:
        """Download an object into ``sink``; return the bytes written."""
        ...

    def list_objects(self, stop_after: int | None = None) -> int:
        """Walk the listed container one object at a time; return how many were seen."""
        ...


def make_swift_client(name: str, base_url: str) -> SwiftClient:
    """Import the library, authenticate, and return the client named ``name``."""
    if name == "oscloud":
        return OscloudSwift(base_url)
    if name == "requests":
        return BareSwift(base_url)
    if name == "openstacksdk":
        return SdkSwift(base_url)
    raise ValueError(f"unknown client {name!r}")


class OscloudSwift:
    """oscloud: one provider, one object storage service client."""

    name = "oscloud"

    def __init__(self, base_url: str) -> None:
        import oscloud
        from oscloud import openstack
        from oscloud.openstack.objectstorage.v1 import objects

        provider = oscloud_provider(base_url)
        self.swift = openstack.new_object_storage_v1(
            provider, oscloud.EndpointOpts(region="RegionOne")
        )
        self.objects: Any = objects

    def upload(self, path: str, object_name: str) -> str | None:
        stored = self.objects.upload_file(self.swift, CONTAINER, object_name, path).extract()
        return str(stored.etag)

    def download(self, object_name: str, sink: BinaryIO) -> int:
        written: int = self.objects.download(self.swift, CONTAINER, object_name).write_to(sink)
        return written

    def list_objects(self, stop_after: int | None = None) -> int:
        opts = self.objects.ListOpts(limit=PAGE_SIZE)
        return _count(self.objects.list(self.swift, LISTED_CONTAINER, opts).items(), stop_after)


class BareSwift:
    """A bare ``requests.Session``."""

    name = "requests"

    def __init__(self, base_url: str) -> None:
        import requests

        self.session = requests.Session()
        response = self.session.post(f"{base_url}/identity/v3/auth/tokens", json=_password_body())
        response.raise_for_status()
        self.session.headers["X-Auth-Token"] = response.headers["X-Subject-Token"]
        self.account = _find_endpoint(response.json()["token"]["catalog"], "object-store")

    def upload(self, path: str, object_name: str) -> str | None:
        with open(path, "rb") as source:
            response = self.session.put(f"{self.account}/{CONTAINER}/{object_name}", data=source)
        response.raise_for_status()
        return response.headers["Etag"]

    def download(self, object_name: str, sink: BinaryIO) -> int:
        url = f"{self.account}/{CONTAINER}/{object_name}"
        written = 0
        with self.session.get(url, stream=True) as response:
            response.raise_for_status()
            for chunk in response.iter_content(DOWNLOAD_CHUNK):
                written += sink.write(chunk)
        return written

    def list_objects(self, stop_after: int | None = None) -> int:
        return _count(self._objects(), stop_after)

    def _objects(self) -> Iterator[dict[str, Any]]:
        url = f"{self.account}/{LISTED_CONTAINER}"
        query = {"format": "json", "limit": str(PAGE_SIZE)}
        while True:
            response = self.session.get(url, params=query)
            response.raise_for_status()
            page = response.json() if response.content else []
            yield from page
            if len(page) < PAGE_SIZE:
                return
            query["marker"] = page[-1]["name"]


class SdkSwift:
    """openstacksdk: one ``Connection``."""

    name = "openstacksdk"

    def __init__(self, base_url: str) -> None:
        self.conn = sdk_connection(base_url)

    def upload(self, path: str, object_name: str) -> str | None:
        store: Any = self.conn.object_store
        store.create_object(CONTAINER, object_name, filename=path)  # returns None
        return None

    def download(self, object_name: str, sink: BinaryIO) -> int:
        store: Any = self.conn.object_store
        written = 0
        for chunk in store.stream_object(object_name, CONTAINER, chunk_size=DOWNLOAD_CHUNK):
            written += sink.write(chunk)
        return written

    def list_objects(self, stop_after: int | None = None) -> int:
        store: Any = self.conn.object_store
        return _count(iter(store.objects(LISTED_CONTAINER, limit=PAGE_SIZE)), stop_after)
