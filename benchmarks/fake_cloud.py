"""A fast fake cloud for the benchmarks: Keystone, Nova, Cinder and Swift on 127.0.0.1.

Its answers are pre-rendered.

Run it in its own process so that the server is not what is measured::

    python -m benchmarks.fake_cloud        # prints "READY http://127.0.0.1:<port>"

It speaks HTTP/1.1 with keep-alive on raw sockets, one thread per connection
(``benchmarks.fake_http``), and answers from bytes rendered once (listing pages are
rendered on first use and cached); object storage is ``benchmarks.fake_swift``. It checks
the token on every authenticated call, and counts the requests it serves per method and
path. Paths under ``/_bench/`` control it and are not counted:

- ``GET /_bench/stats``: ``{"total": n, "requests": {"GET /path": n, ...}}``
- ``POST /_bench/reset``: zero the counters
- ``POST /_bench/config?servers=N&volumes=N&objects=N&object_bytes=N&link_rate=N``: how
  many servers ``servers/detail`` lists, how many volumes ``volumes/detail`` lists, how
  many objects a container lists, the size of an object, the speed in bytes a second at
  which object bodies go both ways (0: as fast as they can; each one optional)

It stops when its standard input closes (its parent went away) or on SIGTERM.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import socket
import sys
import threading
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl

from benchmarks.fake_http import LINK, PageCache, Request, Stream, dump, error, response, serve
from benchmarks.fake_swift import Swift

PROJECT_ID = "6f70656e737461636b20342065766572"
USER_ID = "ee4dfb6e5540447cb3741905149d9b6e"
TOKEN_ID = "gAAAAABbench-token-0123456789abcdef"
SERVER_ID = "0e44cc9c-e052-415d-afbf-469b0d384170"
MAX_MICROVERSION = "2.96"
DEFAULT_SERVERS = 20_000
DEFAULT_VOLUMES = 20_000
MAX_LIMIT = 1000
CINDER_MAX_MICROVERSION = "3.71"
VOLUMES = f"/volume/v3/{PROJECT_ID}"


def server_id(index: int) -> str:
    """The id of the ``index``-th listed server (a UUID whose first group is the index)."""
    return f"{index:08x}-5e7a-4c1d-9b2e-{index:012x}"


def server_index(marker: str) -> int | None:
    try:
        return int(marker[:8], 16) if server_id(int(marker[:8], 16)) == marker else None
    except ValueError:
        return None


def volume_id(index: int) -> str:
    """The id of the ``index``-th listed volume (a UUID whose first group is the index)."""
    return f"{index:08x}-7c1d-4e2b-8a3f-{index:012x}"


def volume_index(marker: str) -> int | None:
    try:
        return int(marker[:8], 16) if volume_id(int(marker[:8], 16)) == marker else None
    except ValueError:
        return None


# -- bodies ---------------------------------------------------------------------------


def _link(href: str, rel: str) -> dict[str, str]:
    return {"href": href, "rel": rel}


def keystone_version(base: str) -> dict[str, Any]:
    return {
        "id": "v3.14",
        "status": "stable",
        "updated": "2020-04-07T00:00:00Z",
        "links": [_link(f"{base}/identity/v3/", "self")],
        "media-types": [
            {"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}
        ],
    }


def catalog(base: str) -> list[dict[str, Any]]:
    services = (
        ("identity", "keystone", "/identity"),
        ("compute", "nova", "/compute/v2.1"),
        ("block-storage", "cinder", VOLUMES),
        ("object-store", "swift", f"/v1/AUTH_{PROJECT_ID}"),
    )
    return [
        {
            "type": kind,
            "name": name,
            "id": f"{name}-0001",
            "endpoints": [
                {
                    "id": f"{name}-{interface}",
                    "interface": interface,
                    "region": "RegionOne",
                    "region_id": "RegionOne",
                    "url": base + path,
                }
                for interface in ("public", "internal", "admin")
            ],
        }
        for kind, name, path in services
    ]


def token_body(base: str, issued: _dt.datetime) -> dict[str, Any]:
    domain = {"id": "default", "name": "Default"}
    stamp = "%Y-%m-%dT%H:%M:%S.000000Z"
    return {
        "token": {
            "methods": ["password"],
            "user": {"domain": domain, "id": USER_ID, "name": "demo", "password_expires_at": None},
            "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
            "expires_at": (issued + _dt.timedelta(hours=12)).strftime(stamp),
            "issued_at": issued.strftime(stamp),
            "project": {"domain": domain, "id": PROJECT_ID, "name": "demo"},
            "is_domain": False,
            "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "member"}],
            "catalog": catalog(base),
        }
    }


def nova_version(base: str) -> dict[str, Any]:
    return {
        "id": "v2.1",
        "status": "CURRENT",
        "version": MAX_MICROVERSION,
        "min_version": "2.1",
        "updated": "2013-07-23T11:33:21Z",
        "links": [_link(f"{base}/compute/v2.1/", "self")],
        "media-types": [
            {
                "base": "application/json",
                "type": "application/vnd.openstack.compute+json;version=2.1",
            }
        ],
    }


def nova_versions(base: str) -> dict[str, Any]:
    legacy = {
        "id": "v2.0",
        "status": "SUPPORTED",
        "version": "",
        "min_version": "",
        "updated": "2011-01-21T11:33:21Z",
        "links": [_link(f"{base}/compute/v2/", "self")],
    }
    return {"versions": [legacy, nova_version(base)]}


def server_body(base: str, sid: str, name: str) -> dict[str, Any]:
    """A server as ``GET /servers/{id}`` shows it at microversion 2.96 (API reference)."""
    image = "70a599e0-31e7-49b7-b260-868f441e862b"
    return {
        "accessIPv4": "1.2.3.4",
        "accessIPv6": "80fe::",
        "addresses": {
            "private": [
                {
                    "addr": "192.168.1.30",
                    "OS-EXT-IPS-MAC:mac_addr": "00:0c:29:0d:11:74",
                    "OS-EXT-IPS:type": "fixed",
                    "version": 4,
                }
            ]
        },
        "created": "2013-09-03T04:01:32Z",
        "description": None,
        "locked": False,
        "locked_reason": None,
        "flavor": {
            "disk": 1,
            "ephemeral": 0,
            "extra_specs": {},
            "original_name": "m1.tiny",
            "ram": 512,
            "swap": 0,
            "vcpus": 1,
        },
        "hostId": "92154fab69d5883ba2c8622b7e65f745dd33257221c07af363c51b29",
        "id": sid,
        "image": {
            "id": image,
            "links": [_link(f"{base}/compute/images/{image}", "bookmark")],
        },
        "key_name": None,
        "links": [
            _link(f"{base}/compute/v2.1/servers/{sid}", "self"),
            _link(f"{base}/compute/servers/{sid}", "bookmark"),
        ],
        "metadata": {"My Server Name": "Apache1"},
        "name": name,
        "config_drive": "",
        "OS-DCF:diskConfig": "AUTO",
        "OS-EXT-AZ:availability_zone": "us-west",
        "OS-EXT-SRV-ATTR:hostname": name,
        "OS-EXT-STS:power_state": 1,
        "OS-EXT-STS:task_state": None,
        "OS-EXT-STS:vm_state": "active",
        "os-extended-volumes:volumes_attached": [
            {"id": "volume_id1", "delete_on_termination": False},
            {"id": "volume_id2", "delete_on_termination": False},
        ],
        "OS-SRV-USG:launched_at": "2013-09-23T13:37:00.880302",
        "OS-SRV-USG:terminated_at": None,
        "pinned_availability_zone": "us-west",
        "progress": 0,
        "security_groups": [{"name": "default"}],
        "server_groups": [],
        "status": "ACTIVE",
        "tags": [],
        "tenant_id": PROJECT_ID,
        "trusted_image_certificates": None,
        "updated": "2013-09-03T04:01:33Z",
        "user_id": "fake",
    }


def cinder_versions(base: str) -> dict[str, Any]:
    """Cinder's version document (api-ref ``versions-response.json``), at ``/`` and ``/v3``."""
    return {
        "versions": [
            {
                "id": "v3.0",
                "links": [
                    {
                        "href": "https://docs.openstack.org/",
                        "rel": "describedby",
                        "type": "text/html",
                    },
                    _link(f"{base}/volume/v3/", "self"),
                ],
                "media-types": [
                    {
                        "base": "application/json",
                        "type": "application/vnd.openstack.volume+json;version=3",
                    }
                ],
                "min_version": "3.0",
                "status": "CURRENT",
                "updated": "2023-08-31T00:00:00Z",
                "version": CINDER_MAX_MICROVERSION,
            }
        ]
    }


def volume_body(base: str, vid: str, name: str) -> dict[str, Any]:
    """A volume as ``GET /volumes/detail`` lists it at microversion 3.65 (API reference)."""
    return {
        "attachments": [],
        "availability_zone": "nova",
        "bootable": "false",
        "consistencygroup_id": None,
        "created_at": "2018-11-28T06:25:15.288987",
        "description": None,
        "encrypted": False,
        "id": vid,
        "links": [
            _link(f"{base}{VOLUMES}/volumes/{vid}", "self"),
            _link(f"{base}/volume/{PROJECT_ID}/volumes/{vid}", "bookmark"),
        ],
        "metadata": {},
        "migration_status": None,
        "multiattach": False,
        "name": name,
        "os-vol-host-attr:host": None,
        "os-vol-mig-status-attr:migstat": None,
        "os-vol-mig-status-attr:name_id": None,
        "os-vol-tenant-attr:tenant_id": PROJECT_ID,
        "replication_status": None,
        "size": 10,
        "snapshot_id": None,
        "source_volid": None,
        "status": "available",
        "updated_at": None,
        "user_id": USER_ID,
        "volume_type": "__DEFAULT__",
        "volume_type_id": "5fed9d7c-401d-46e2-8e80-f30c70cb7e1d",
        "provider_id": None,
        "group_id": None,
        "service_uuid": None,
        "shared_targets": True,
        "cluster_name": None,
        "consumes_quota": True,
    }


class Cloud:
    """What the fake cloud answers; ``respond`` maps one request to the bytes to send."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.total_servers = DEFAULT_SERVERS
        self.total_volumes = DEFAULT_VOLUMES
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._pages = PageCache()
        self._token = dump(token_body(base, _dt.datetime.now(_dt.timezone.utc)))
        self._server = dump({"server": server_body(base, SERVER_ID, "new-server-test")})
        self._fixed = self._fixed_responses()
        template = json.dumps(server_body(base, "@ID@", "@NAME@"), separators=(",", ":"))
        self._item_template = template
        self._volume_pages = PageCache()
        self._volume_template = json.dumps(
            volume_body(base, "@ID@", "@NAME@"), separators=(",", ":")
        )
        self.swift = Swift(PROJECT_ID)

    def _fixed_responses(self) -> dict[tuple[str, str], bytes]:
        base = self.base
        versions = response(300, dump({"versions": {"values": [keystone_version(base)]}}))
        v3 = response(200, dump({"version": keystone_version(base)}))
        nova_root = response(200, dump(nova_versions(base)))
        nova_v21 = response(200, dump({"version": nova_version(base)}))
        cinder_root = response(300, dump(cinder_versions(base)))
        cinder_v3 = response(200, dump(cinder_versions(base)))
        fixed = {}
        for path, reply in (
            ("/identity", versions),
            ("/identity/v3", v3),
            ("/compute", nova_root),
            ("/compute/v2.1", nova_v21),
            ("/volume", cinder_root),
            ("/volume/v3", cinder_v3),
        ):
            fixed["GET", path] = reply
            fixed["GET", path + "/"] = reply
        fixed["POST", "/identity/v3/auth/tokens"] = response(
            201, self._token, {"X-Subject-Token": TOKEN_ID, "Vary": "X-Auth-Token"}
        )
        return fixed

    # -- dispatch ---------------------------------------------------------------------

    def respond(self, request: Request) -> bytes | Stream:
        if request.path.startswith("/_bench/"):
            return self._control(request)
        with self._lock:
            self.counts[f"{request.method} {request.path}"] += 1
        fixed = self._fixed.get((request.method, request.path))
        if fixed is not None:
            return fixed
        if request.path == "/info" and request.method == "GET":
            return self.swift.info()
        if request.headers.get("x-auth-token") != TOKEN_ID:
            return error(401, "The request you have made requires authentication.")
        if request.path.startswith("/v1/"):
            return self.swift.respond(request)
        if request.method != "GET":
            return error(404, "not served by the fake cloud")
        return self._authenticated_get(request)

    def _authenticated_get(self, request: Request) -> bytes:
        path = request.path
        if path == "/identity/v3/auth/tokens":
            subject = request.headers.get("x-subject-token", "")
            if subject != TOKEN_ID:
                return error(404, "Could not find token.")
            return response(200, self._token, {"X-Subject-Token": subject})
        if path == "/compute/v2.1/servers/detail":
            return self._listing(request)
        if path == f"/compute/v2.1/servers/{SERVER_ID}":
            return response(200, self._server, self._nova_headers(request))
        if path == f"{VOLUMES}/volumes/detail":
            return self._volume_listing(request)
        return error(404, f"Resource not found: {path}")

    def _nova_headers(self, request: Request) -> dict[str, str]:
        version = request.headers.get("x-openstack-nova-api-version", "2.1")
        return {
            "X-OpenStack-Nova-API-Version": version,
            "OpenStack-API-Version": f"compute {version}",
            "Vary": "OpenStack-API-Version, X-OpenStack-Nova-API-Version",
        }

    def _control(self, request: Request) -> bytes:
        with self._lock:
            if request.path == "/_bench/stats":
                stats = {"total": sum(self.counts.values()), "requests": dict(self.counts)}
                return response(200, dump(stats))
            if request.path == "/_bench/reset":
                self.counts.clear()
                return response(200, b"{}")
            if request.path == "/_bench/config":
                query = {key: int(value) for key, value in parse_qsl(request.query)}
                self.total_servers = query.get("servers", self.total_servers)
                self.total_volumes = query.get("volumes", self.total_volumes)
                LINK.rate = query.get("link_rate", LINK.rate)
                swift = self.swift.configure(query.get("object_bytes"), query.get("objects"))
                config = {
                    "servers": self.total_servers,
                    "volumes": self.total_volumes,
                    "link_rate": LINK.rate,
                    **swift,
                }
                return response(200, dump(config))
        return error(404, "unknown control path")

    # -- listing ----------------------------------------------------------------------

    def _listing(self, request: Request) -> bytes:
        query = dict(parse_qsl(request.query))
        try:
            limit = min(int(query.get("limit", MAX_LIMIT)), MAX_LIMIT)
        except ValueError:
            return error(400, "limit must be an integer")
        start = 0
        if "marker" in query:
            index = server_index(query["marker"])
            if index is None:
                return error(400, f"marker [{query['marker']}] not found")
            start = index + 1
        body = self._page(self.total_servers, limit, start)
        return response(200, body, self._nova_headers(request))

    def _page(self, total: int, limit: int, start: int) -> bytes:
        key = (total, limit, start)
        return self._pages.get(key, lambda: self._render_page(total, limit, start))

    def _render_page(self, total: int, limit: int, start: int) -> bytes:
        stop = min(start + limit, total)
        template = self._item_template
        items = [
            template.replace("@ID@", server_id(i)).replace("@NAME@", f"server-{i}")
            for i in range(start, stop)
        ]
        links = ""
        if items and len(items) == limit:  # as Nova: a full page links to the next one
            marker = server_id(stop - 1)
            href = f"{self.base}/compute/v2.1/servers/detail?limit={limit}&marker={marker}"
            links = f',"servers_links":[{{"href":"{href}","rel":"next"}}]'
        return ('{"servers":[' + ",".join(items) + "]" + links + "}").encode()

    # -- volume listing (Cinder) -------------------------------------------------------

    def _volume_listing(self, request: Request) -> bytes:
        query = dict(parse_qsl(request.query))
        try:
            limit = min(int(query.get("limit", MAX_LIMIT)), MAX_LIMIT)
        except ValueError:
            return error(400, "limit must be an integer")
        start = 0
        if "marker" in query:
            index = volume_index(query["marker"])
            if index is None:
                return error(404, f"Marker {query['marker']} could not be found.")
            start = index + 1
        total = self.total_volumes
        body = self._volume_pages.get(
            (total, limit, start), lambda: self._render_volume_page(total, limit, start)
        )
        version = request.headers.get("openstack-api-version", "volume 3.0")
        return response(200, body, {"OpenStack-API-Version": version})

    def _render_volume_page(self, total: int, limit: int, start: int) -> bytes:
        stop = min(start + limit, total)
        template = self._volume_template
        items = [
            template.replace("@ID@", volume_id(i)).replace("@NAME@", f"volume-{i}")
            for i in range(start, stop)
        ]
        links = ""
        if items and len(items) == limit:  # as Cinder: a full page links to the next one
            href = f"{self.base}{VOLUMES}/volumes/detail?limit={limit}&marker={volume_id(stop - 1)}"
            links = f',"volumes_links":[{{"href":"{href}","rel":"next"}}]'
        return ('{"volumes":[' + ",".join(items) + "]" + links + "}").encode()


def _exit_when_stdin_closes() -> None:
    sys.stdin.read()
    os._exit(0)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(128)
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    cloud = Cloud(base)
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()
    print(f"READY {base}", flush=True)
    serve(listener, cloud.respond)


if __name__ == "__main__":
    main()
