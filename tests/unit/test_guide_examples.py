"""The service guides' examples (docs/examples/guides/*.py) run against a fake cloud.

Each example runs in this process (``runpy``), as ``python example.py ARGS`` would run it,
with the ``OS_*`` variables pointing at a loopback server that plays Keystone, Nova,
Cinder and Swift. The fakes keep state (a server goes BUILD then ACTIVE, an object
downloads as it was uploaded, a temporary URL is checked against its signature) and
answer with bodies shaped like the API references, taken from the unit tests' fixtures.
Each test checks the requests the server received and what the example printed; every
example has a test, and every example is shown by a guide page.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import copy
import datetime as dt
import email.parser
import email.policy
import email.utils
import gc
import hashlib
import io
import json
import operator
import os
import re
import runpy
import secrets
import sys
import threading
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

import pytest
import requests
import yaml

from oscloud.results import UnretrievedErrorWarning
from tests.unit.helpers.identity import Keystone
from tests.unit.helpers.server import FakeServer, Recorded, Reply
from tests.unit.openstack.blockstorage.conftest import PROJECT_ID, VOLUME
from tests.unit.openstack.blockstorage.v3.attachments import fixtures as attachment_fx
from tests.unit.openstack.blockstorage.v3.quotasets import fixtures as quota_fx
from tests.unit.openstack.blockstorage.v3.snapshots import fixtures as snapshot_fx
from tests.unit.openstack.blockstorage.v3.volumes import fixtures as volume_fx
from tests.unit.openstack.blockstorage.v3.volumetypes import fixtures as type_fx
from tests.unit.openstack.compute.conftest import COMPUTE
from tests.unit.openstack.compute.v2.extensions.volumeattach import fixtures as attach_fx
from tests.unit.openstack.compute.v2.flavors import fixtures as flavor_fx
from tests.unit.openstack.compute.v2.keypairs import fixtures as keypair_fx
from tests.unit.openstack.compute.v2.servers import fixtures as server_fx
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, TRANS_ID, md5
from tests.unit.openstack.objectstorage.v1.containers import fixtures as container_fx
from tests.unit.openstack.objectstorage.v1.info import fixtures as info_fx
from tests.unit.openstack.objectstorage.v1.tempurl.fixtures import reference_signature

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDES = DOCS / "examples" / "guides"

TOKENS = "/identity/v3/auth/tokens"
REQUEST_ID = server_fx.REQUEST_ID
IMAGE_ID = server_fx.IMAGE_ID

Match = re.Match[str]
Handler = Callable[[Recorded, Match], Reply]


class RoutedServer(FakeServer):
    """A FakeServer that also answers by path pattern.

    The ids and names of what an example creates are only known while it runs, so the
    fake services route on patterns (``/servers/(?P<id>[^/]+)``) rather than on exact
    paths; exact routes (Keystone's) still work as before.
    """

    def __init__(self) -> None:
        super().__init__()
        self.patterns: list[tuple[str, re.Pattern[str], Handler]] = []

    def route_pattern(self, method: str, pattern: str, handler: Handler) -> None:
        self.patterns.append((method, re.compile(pattern), handler))

    def _respond(self, recorded: Recorded) -> Reply:
        for method, pattern, handler in self.patterns:
            found = pattern.fullmatch(recorded.path)
            if found is not None and method == recorded.method:
                with self._lock:
                    self.requests.append(recorded)
                return handler(recorded, found)
        return super()._respond(recorded)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _microversion(request: Recorded, service: str, default: str) -> tuple[int, int]:
    """The microversion a request asked for (``OpenStack-API-Version: <service> X.Y``)."""
    value = default
    header = request.headers.get("OpenStack-API-Version", "")
    if header.startswith(service + " "):
        value = header.split(" ", 1)[1]
    major, minor = value.split(".")
    return int(major), int(minor)


class FakeService:
    """What the fake services share: their cloud, one lock, the token check."""

    prefix = ""

    def __init__(self, cloud: GuideCloud) -> None:
        self.cloud = cloud
        self.lock = threading.Lock()

    def on(self, method: str, pattern: str, handler: Handler, *, token: bool = True) -> None:
        """Route ``method prefix+pattern`` to ``handler``, under the lock, token checked."""

        def guarded(request: Recorded, found: Match) -> Reply:
            if token and request.headers.get("X-Auth-Token") not in self.cloud.keystone.issued:
                return Reply(401, {"error": {"code": 401, "message": "Unauthorized"}})
            with self.lock:
                try:
                    return handler(request, found)
                except Exception as err:  # a bug of the fake, or a request it cannot take
                    self.cloud.failures.append(f"{request.method} {request.path}: {err!r}")
                    return Reply(500, {"computeFault": {"code": 500, "message": repr(err)}})

        self.cloud.server.route_pattern(method, self.prefix + pattern, guarded)


def _advance(resource: dict[str, Any], *statuses: str) -> None:
    """Set a resource's status now, and the ones later reads will show, one per read."""
    resource["status"] = statuses[0]
    resource["next"] = list(statuses[1:])


def _read(resource: dict[str, Any]) -> None:
    """After a read: the resource moves on to its next status, if it has one."""
    if resource.get("next"):
        resource["status"] = resource["next"].pop(0)


def _page(items: list[dict[str, Any]], query: dict[str, str]) -> tuple[list[dict[str, Any]], bool]:
    """Nova and Cinder paging: at most ``limit`` items after ``marker``, and whether more follow."""
    if "marker" in query:
        ids = [item["id"] for item in items]
        items = items[ids.index(query["marker"]) + 1 :]
    limit = int(query.get("limit", 1000))
    return items[:limit], len(items) > limit


def _next_link(request: Recorded, server_url: str, page: list[Any], query: dict[str, str]) -> Any:
    """A ``rel: next`` link to the page after ``page``."""
    after = {k: v for k, v in query.items() if k != "marker"}
    after["marker"] = page[-1]["id"]
    return [{"href": f"{server_url}{request.path}?{urlencode(after)}", "rel": "next"}]


def _full(page: list[Any], query: dict[str, str]) -> bool:
    """Nova links a next page whenever a page is full."""
    return bool(page) and "limit" in query and len(page) == int(query["limit"])


# -- Nova -------------------------------------------------------------------------------

#: The flavors of the fake cloud: the api-samples' m1.tiny and m1.small, and a bigger one.
FLAVORS: list[dict[str, Any]] = [
    *copy.deepcopy(flavor_fx.DETAIL_V21["flavors"]),
    {
        **copy.deepcopy(flavor_fx.DETAIL_V21["flavors"][1]),
        "id": "3",
        "name": "m1.medium",
        "ram": 4096,
        "vcpus": 2,
        "disk": 40,
    },
]


class FakeNova(FakeService):
    """Nova's servers, flavors, key pairs and volume attachments, kept in memory."""

    prefix = COMPUTE

    def __init__(self, cloud: GuideCloud) -> None:
        super().__init__(cloud)
        self.servers: dict[str, dict[str, Any]] = {}
        self.keypairs: dict[str, dict[str, Any]] = {}
        self.images: list[dict[str, Any]] = []
        version = {
            "version": {
                "id": "v2.1",
                "status": "CURRENT",
                "version": "2.90",
                "min_version": "2.1",
                "updated": "2013-07-23T11:33:21Z",
                "links": [{"href": cloud.server.url + COMPUTE + "/", "rel": "self"}],
            }
        }
        self.on("GET", "/", lambda r, m: Reply(200, version))
        self.on("GET", "/flavors/detail", self.list_flavors)
        self.on("GET", "/os-keypairs/(?P<name>[^/]+)", self.get_keypair)
        self.on("POST", "/os-keypairs", self.create_keypair)
        self.on("DELETE", "/os-keypairs/(?P<name>[^/]+)", self.delete_keypair)
        self.on("POST", "/servers", self.create_server)
        self.on("GET", "/servers(?P<detail>/detail)?", self.list_servers)
        self.on("GET", "/servers/(?P<id>[^/]+)", self.get_server)
        self.on("DELETE", "/servers/(?P<id>[^/]+)", self.delete_server)
        self.on("POST", "/servers/(?P<id>[^/]+)/action", self.action)
        self.on("GET", "/servers/(?P<id>[^/]+)/metadata", self.metadata)
        self.on("POST", "/servers/(?P<id>[^/]+)/metadata", self.metadata)
        self.on("DELETE", "/servers/(?P<id>[^/]+)/metadata/(?P<key>[^/]+)", self.metadata)
        self.on("GET", "/servers/(?P<id>[^/]+)/tags", self.tags)
        self.on("PUT", "/servers/(?P<id>[^/]+)/tags/(?P<tag>[^/]+)", self.tags)
        attachments = "/servers/(?P<id>[^/]+)/os-volume_attachments"
        self.on("POST", attachments, self.volume_attachments)
        self.on("GET", attachments, self.volume_attachments)
        self.on("DELETE", attachments + "/(?P<volume>[^/]+)", self.volume_attachments)

    # -- helpers

    @staticmethod
    def version(request: Recorded) -> tuple[int, int]:
        value = request.headers.get("X-OpenStack-Nova-API-Version", "2.1")
        major, minor = value.split(".")
        return int(major), int(minor)

    @staticmethod
    def error(status: int, kind: str, message: str) -> Reply:
        return Reply(
            status,
            {kind: {"code": status, "message": message}},
            headers={"X-Compute-Request-Id": REQUEST_ID, "X-Openstack-Request-Id": REQUEST_ID},
        )

    def missing(self, server_id: str) -> Reply:
        return self.error(404, "itemNotFound", f"Instance {server_id} could not be found.")

    def add(self, name: str, status: str = "ACTIVE", **fields: Any) -> str:
        """A server that exists already (made by an earlier example)."""
        server_id = str(uuid.uuid4())
        self.servers[server_id] = {
            "id": server_id,
            "name": name,
            "status": status,
            "next": [],
            "flavor": "1",
            "image": IMAGE_ID,
            "key_name": None,
            "metadata": {"role": "web"},
            "tags": [],
            "created": "2024-05-06T07:08:09Z",
            "locked": False,
            "locked_reason": None,
            "attachments": {},
            **fields,
        }
        return server_id

    def view(self, server: dict[str, Any], version: tuple[int, int]) -> dict[str, Any]:
        """The server as Nova shows it at ``version`` (fields of servers/server-get-resp)."""
        body: dict[str, Any] = copy.deepcopy(server_fx.SERVER_V21["server"])
        flavor = next(f for f in FLAVORS if f["id"] == server["flavor"])
        vm_state = {"SHUTOFF": "stopped", "VERIFY_RESIZE": "resized"}.get(server["status"])
        links = [
            {"href": f"{self.cloud.server.url}{COMPUTE}/servers/{server['id']}", "rel": "self"}
        ]
        body.update(
            {
                "id": server["id"],
                "name": server["name"],
                "status": server["status"],
                "metadata": dict(server["metadata"]),
                "key_name": server["key_name"],
                "created": server["created"],
                "links": links,
                "image": {"id": server["image"], "links": []},
                "flavor": {"id": flavor["id"], "links": flavor["links"]},
                "tenant_id": PROJECT_ID,
                "OS-EXT-AZ:availability_zone": "nova",
                "OS-EXT-STS:vm_state": vm_state or server["status"].lower(),
                "OS-EXT-STS:power_state": 4 if server["status"] == "SHUTOFF" else 1,
                "OS-EXT-STS:task_state": "deleting" if server.get("deleting") else None,
                "os-extended-volumes:volumes_attached": [
                    {"id": v, "delete_on_termination": False} for v in server["attachments"]
                ],
            }
        )
        if version >= (2, 9):
            body["locked"] = server["locked"]
        if version >= (2, 19):
            body["description"] = None
        if version >= (2, 26):
            body["tags"] = list(server["tags"])
        if version >= (2, 47):
            body["flavor"] = {
                "original_name": flavor["name"],
                "vcpus": flavor["vcpus"],
                "ram": flavor["ram"],
                "disk": flavor["disk"],
                "ephemeral": 0,
                "swap": 0,
                "extra_specs": {},
            }
        if version >= (2, 73):
            body["locked_reason"] = server["locked_reason"]
        return body

    # -- flavors and key pairs

    def list_flavors(self, request: Recorded, found: Match) -> Reply:
        query = {k: v[-1] for k, v in request.query.items()}
        chosen = [
            f
            for f in FLAVORS
            if f["ram"] >= int(query.get("minRam", 0)) and f["disk"] >= int(query.get("minDisk", 0))
        ]
        key = {"memory_mb": "ram", "flavorid": "id"}[query.get("sort_key", "flavorid")]
        chosen.sort(key=lambda f: f[key], reverse=query.get("sort_dir") == "desc")
        page, _ = _page(chosen, query)
        body: dict[str, Any] = {"flavors": page}
        if _full(page, query):
            body["flavors_links"] = _next_link(request, self.cloud.server.url, page, query)
        return Reply(200, body)

    def get_keypair(self, request: Recorded, found: Match) -> Reply:
        pair = self.keypairs.get(unquote(found["name"]))
        if pair is None:
            message = f"Keypair {unquote(found['name'])} not found for user fake"
            return self.error(404, "itemNotFound", message)
        return Reply(200, {"keypair": pair})

    def create_keypair(self, request: Recorded, found: Match) -> Reply:
        sent = request.json()["keypair"]
        digest = md5(sent["public_key"].encode())
        pair = {
            **copy.deepcopy(keypair_fx.IMPORT_RESPONSE["keypair"]),
            "name": sent["name"],
            "public_key": sent["public_key"],
            "fingerprint": ":".join(digest[i : i + 2] for i in range(0, 32, 2)),
        }
        self.keypairs[sent["name"]] = pair
        return Reply(201, {"keypair": pair})

    def delete_keypair(self, request: Recorded, found: Match) -> Reply:
        if self.keypairs.pop(unquote(found["name"]), None) is None:
            return self.error(404, "itemNotFound", "Keypair not found")
        return Reply(204)

    # -- servers

    def create_server(self, request: Recorded, found: Match) -> Reply:
        sent = request.json()["server"]
        if not any(f["id"] == sent.get("flavorRef") for f in FLAVORS):
            return self.error(400, "badRequest", "Flavor could not be found.")
        if self.version(request) >= (2, 37) and "networks" not in sent:
            return self.error(400, "badRequest", "'networks' is a required property")
        server_id = self.add(
            sent["name"],
            "BUILD",
            flavor=sent["flavorRef"],
            image=sent["imageRef"],
            key_name=sent.get("key_name"),
            metadata=sent.get("metadata", {}),
            tags=sent.get("tags", []),
            created=_now()[:19] + "Z",
        )
        _advance(self.servers[server_id], "BUILD", "ACTIVE")
        body = copy.deepcopy(server_fx.CREATE_RESPONSE)
        body["server"].update(id=server_id, links=[])
        return Reply(202, body, headers={"X-Openstack-Request-Id": REQUEST_ID})

    def list_servers(self, request: Recorded, found: Match) -> Reply:
        query = {k: v[-1] for k, v in request.query.items()}
        wanted_tags = set(query["tags"].split(",")) if "tags" in query else set()
        chosen = [
            s
            for s in self.servers.values()
            if ("status" not in query or s["status"] == query["status"])
            and ("name" not in query or re.search(query["name"], s["name"]))
            and wanted_tags <= set(s["tags"])
        ]
        page, _ = _page(chosen, query)
        if found["detail"]:
            items = [self.view(s, self.version(request)) for s in page]
        else:
            items = [{"id": s["id"], "name": s["name"], "links": []} for s in page]
        body: dict[str, Any] = {"servers": items}
        if _full(page, query):
            body["servers_links"] = _next_link(request, self.cloud.server.url, page, query)
        return Reply(200, body)

    def get_server(self, request: Recorded, found: Match) -> Reply:
        server = self.servers.get(found["id"])
        if server is None:
            return self.missing(found["id"])
        body = {"server": self.view(server, self.version(request))}
        if server.get("deleting"):
            del self.servers[server["id"]]
        _read(server)
        return Reply(200, body, headers={"X-Openstack-Request-Id": REQUEST_ID})

    def delete_server(self, request: Recorded, found: Match) -> Reply:
        server = self.servers.get(found["id"])
        if server is None or server.get("deleting"):
            return self.missing(found["id"])
        server["deleting"] = True
        return Reply(204)

    def action(self, request: Recorded, found: Match) -> Reply:
        server = self.servers.get(found["id"])
        if server is None:
            return self.missing(found["id"])
        ((name, options),) = request.json().items()
        allowed = {
            "os-stop": ("ACTIVE",),
            "os-start": ("SHUTOFF",),
            "reboot": ("ACTIVE", "SHUTOFF"),
            "resize": ("ACTIVE", "SHUTOFF"),
            "confirmResize": ("VERIFY_RESIZE",),
            "createImage": ("ACTIVE", "SHUTOFF"),
        }
        if server["status"] not in allowed[name]:
            state = self.view(server, (2, 1))["OS-EXT-STS:vm_state"]
            verb = name.removeprefix("os-")
            message = f"Cannot '{verb}' instance {server['id']} while it is in vm_state {state}"
            return self.error(409, "conflictingRequest", message)
        if name == "os-stop":
            _advance(server, "ACTIVE", "SHUTOFF")
        elif name == "os-start":
            _advance(server, "SHUTOFF", "ACTIVE")
        elif name == "reboot":
            _advance(server, "HARD_REBOOT" if options["type"] == "HARD" else "REBOOT", "ACTIVE")
        elif name == "resize":
            server["resized_to"] = options["flavorRef"]
            _advance(server, "RESIZE", "RESIZE", "VERIFY_RESIZE")
        elif name == "confirmResize":
            server["flavor"] = server.pop("resized_to")
            _advance(server, "ACTIVE")
            return Reply(204)
        elif name == "createImage":
            image_id = str(uuid.uuid4())
            self.images.append({"id": image_id, **options})
            return Reply(202, {"image_id": image_id})
        return Reply(202)

    def metadata(self, request: Recorded, found: Match) -> Reply:
        server = self.servers[found["id"]]
        if request.method == "POST":
            server["metadata"].update(request.json()["metadata"])
        elif request.method == "DELETE":
            if server["metadata"].pop(unquote(found["key"]), None) is None:
                return self.error(404, "itemNotFound", "Metadata item was not found")
            return Reply(204)
        return Reply(200, {"metadata": server["metadata"]})

    def tags(self, request: Recorded, found: Match) -> Reply:
        if self.version(request) < (2, 26):
            return self.error(404, "itemNotFound", "The resource could not be found.")
        server = self.servers[found["id"]]
        if request.method == "PUT":
            tag = unquote(found["tag"])
            if tag in server["tags"]:
                return Reply(204)
            server["tags"].append(tag)
            return Reply(201)
        return Reply(200, {"tags": server["tags"]})

    def volume_attachments(self, request: Recorded, found: Match) -> Reply:
        server = self.servers[found["id"]]
        if request.method == "POST":
            sent = request.json()["volumeAttachment"]
            volume = self.cloud.cinder.volumes[sent["volumeId"]]
            attachment = {
                **copy.deepcopy(attach_fx.ATTACH_RESPONSE_V279["volumeAttachment"]),
                "id": sent["volumeId"],
                "volumeId": sent["volumeId"],
                "serverId": server["id"],
                "device": f"/dev/vd{'bcdefg'[len(server['attachments'])]}",
                "tag": sent.get("tag"),
                "delete_on_termination": sent.get("delete_on_termination", False),
            }
            server["attachments"][sent["volumeId"]] = attachment
            _advance(volume, "attaching", "in-use")
            return Reply(200, {"volumeAttachment": attachment})
        if request.method == "DELETE":
            del server["attachments"][found["volume"]]
            _advance(self.cloud.cinder.volumes[found["volume"]], "detaching", "available")
            return Reply(202)
        return Reply(200, {"volumeAttachments": list(server["attachments"].values())})


# -- Cinder -----------------------------------------------------------------------------

#: The volume types of the fake cloud: the shape of volume-types-list-response.
VOLUME_TYPES: list[dict[str, Any]] = [
    {**copy.deepcopy(type_fx.TYPES["volume_types"][0]), "name": "ssd"},
    {**copy.deepcopy(type_fx.TYPES["volume_types"][1]), "name": "hdd"},
]


class FakeCinder(FakeService):
    """Cinder's volumes, snapshots, types, quotas and attachments, kept in memory."""

    prefix = VOLUME

    def __init__(self, cloud: GuideCloud) -> None:
        super().__init__(cloud)
        self.volumes: dict[str, dict[str, Any]] = {}
        self.snapshots: dict[str, dict[str, Any]] = {}
        self.attachments: dict[str, dict[str, Any]] = {}
        self.types = copy.deepcopy(VOLUME_TYPES)
        self.access: dict[str, list[str]] = {}
        self.quotas = copy.deepcopy(quota_fx.QUOTAS["quota_set"])
        versions = {
            "versions": [
                {
                    "id": "v3.0",
                    "status": "CURRENT",
                    "version": "3.71",
                    "min_version": "3.0",
                    "updated": "2023-08-31T00:00:00Z",
                    "links": [{"href": cloud.server.url + "/volume/v3/", "rel": "self"}],
                }
            ]
        }
        cloud.server.route("GET", "/volume/v3/", Reply(200, versions))
        self.on("POST", "/volumes", self.create_volume)
        self.on("GET", "/volumes/detail", self.list_volumes)
        self.on("GET", "/volumes/(?P<id>[^/]+)", self.get_volume)
        self.on("PUT", "/volumes/(?P<id>[^/]+)", self.update_volume)
        self.on("DELETE", "/volumes/(?P<id>[^/]+)", self.delete_volume)
        self.on("POST", "/volumes/(?P<id>[^/]+)/action", self.action)
        self.on("GET", "/volumes/(?P<id>[^/]+)/metadata", self.metadata)
        self.on("POST", "/volumes/(?P<id>[^/]+)/metadata", self.metadata)
        self.on("DELETE", "/volumes/(?P<id>[^/]+)/metadata/(?P<key>[^/]+)", self.metadata)
        self.on("POST", "/snapshots", self.create_snapshot)
        self.on("GET", "/snapshots/detail", self.list_snapshots)
        self.on("GET", "/snapshots/(?P<id>[^/]+)", self.get_snapshot)
        self.on("GET", "/types", self.list_types)
        self.on("GET", "/types/default", lambda r, m: Reply(200, {"volume_type": self.types[0]}))
        self.on("POST", "/types", self.create_type)
        self.on("POST", "/types/(?P<id>[^/]+)/action", self.type_access)
        self.on("GET", "/types/(?P<id>[^/]+)/os-volume-type-access", self.type_access)
        self.on("GET", "/os-quota-sets/(?P<project>[^/]+)", self.get_quotas)
        self.on("PUT", "/os-quota-sets/(?P<project>[^/]+)", self.update_quotas)
        self.on("POST", "/attachments", self.create_attachment)
        self.on("GET", "/attachments/detail", self.list_attachments)
        self.on("PUT", "/attachments/(?P<id>[^/]+)", self.update_attachment)
        self.on("POST", "/attachments/(?P<id>[^/]+)/action", self.complete_attachment)
        self.on("DELETE", "/attachments/(?P<id>[^/]+)", self.delete_attachment)

    @staticmethod
    def error(status: int, kind: str, message: str) -> Reply:
        return Reply(
            status,
            {kind: {"code": status, "message": message}},
            headers={"X-Openstack-Request-Id": REQUEST_ID},
        )

    def add(self, name: str, size: int = 10, status: str = "available", **fields: Any) -> str:
        """A volume that exists already (made by an earlier example)."""
        volume_id = str(uuid.uuid4())
        self.volumes[volume_id] = {
            "id": volume_id,
            "name": name,
            "description": None,
            "size": size,
            "status": status,
            "next": [],
            "volume_type": "ssd",
            "metadata": {},
            "bootable": False,
            "snapshot_id": None,
            "created_at": "2024-05-06T07:08:09.000000",
            **copy.deepcopy(fields),
        }
        return volume_id

    def view(self, volume: dict[str, Any], version: tuple[int, int]) -> dict[str, Any]:
        """The volume at ``version`` (volume-show-response at 3.0, 3.63 and 3.65)."""
        body: dict[str, Any] = copy.deepcopy(volume_fx.VOLUME_V30["volume"])
        volume_type = next(t for t in self.types if t["name"] == volume["volume_type"])
        body.update(
            {
                key: volume[key]
                for key in ("id", "name", "description", "size", "status", "snapshot_id")
            }
        )
        body.update(
            {
                "bootable": str(volume["bootable"]).lower(),
                "metadata": dict(volume["metadata"]),
                "volume_type": volume_type["name"],
                "created_at": volume["created_at"],
                "os-vol-tenant-attr:tenant_id": PROJECT_ID,
                "links": [],
            }
        )
        if version >= (3, 63):
            extra = {k: v for k, v in volume_fx.VOLUME_V363["volume"].items() if k not in body}
            body.update(extra, volume_type_id=volume_type["id"])
        if version >= (3, 65):
            body["consumes_quota"] = True
        return body

    def found(self, kind: str, resource_id: str) -> Reply:
        return self.error(404, "itemNotFound", f"{kind} {resource_id} could not be found.")

    # -- volumes

    def create_volume(self, request: Recorded, found: Match) -> Reply:
        sent = request.json()["volume"]
        volume_type = sent.get("volume_type") or self.types[0]["name"]
        if not any(t["name"] == volume_type for t in self.types):
            message = f"Volume type with name {volume_type} could not be found."
            return self.error(404, "itemNotFound", message)
        size = sent.get("size")
        if sent.get("snapshot_id"):
            snapshot = self.snapshots[sent["snapshot_id"]]
            size = max(size or 0, snapshot["size"])
        volume_id = self.add(
            sent.get("name"),
            size,
            "creating",
            description=sent.get("description"),
            volume_type=volume_type,
            metadata=sent.get("metadata", {}),
            snapshot_id=sent.get("snapshot_id"),
            created_at=_now(),
        )
        volume = self.volumes[volume_id]
        _advance(volume, "creating", "available")
        version = _microversion(request, "volume", "3.0")
        return Reply(202, {"volume": self.view(volume, version)})

    def list_volumes(self, request: Recorded, found: Match) -> Reply:
        query = {k: v[-1] for k, v in request.query.items()}
        metadata = ast.literal_eval(query["metadata"]) if "metadata" in query else {}
        chosen = [
            v
            for v in self.volumes.values()
            if query.get("status", v["status"]) == v["status"]
            and query.get("name", v["name"]) == v["name"]
            and metadata.items() <= v["metadata"].items()
        ]
        sort_keys = [k.partition(":") for k in query.get("sort", "").split(",") if k]
        for key, _, order in reversed(sort_keys):
            chosen.sort(key=operator.itemgetter(key), reverse=order == "desc")
        version = _microversion(request, "volume", "3.0")
        page, more = _page(chosen, query)
        body: dict[str, Any] = {"volumes": [self.view(v, version) for v in page]}
        if query.get("with_count") == "true" and version >= (3, 45):
            body["count"] = len(chosen)
        if more:  # Cinder links a next page when there is one
            body["volumes_links"] = _next_link(request, self.cloud.server.url, page, query)
        return Reply(200, body)

    def get_volume(self, request: Recorded, found: Match) -> Reply:
        volume = self.volumes.get(found["id"])
        if volume is None:
            return self.found("Volume", found["id"])
        body = {"volume": self.view(volume, _microversion(request, "volume", "3.0"))}
        if volume["status"] == "deleting":
            del self.volumes[volume["id"]]
        _read(volume)
        return Reply(200, body)

    def update_volume(self, request: Recorded, found: Match) -> Reply:
        volume = self.volumes[found["id"]]
        volume.update(request.json()["volume"])
        return Reply(200, {"volume": self.view(volume, _microversion(request, "volume", "3.0"))})

    def delete_volume(self, request: Recorded, found: Match) -> Reply:
        volume = self.volumes.get(found["id"])
        if volume is None:
            return self.found("Volume", found["id"])
        snapshots = [s for s in self.snapshots.values() if s["volume_id"] == volume["id"]]
        if snapshots and request.query.get("cascade") != ["true"]:
            message = f"Invalid volume: Volume still has {len(snapshots)} dependent snapshots."
            return self.error(400, "badRequest", message)
        for snapshot in snapshots:
            del self.snapshots[snapshot["id"]]
        _advance(volume, "deleting")
        return Reply(202)

    def action(self, request: Recorded, found: Match) -> Reply:
        volume = self.volumes[found["id"]]
        ((name, options),) = request.json().items()
        if volume["status"] != "available" and name in ("os-extend", "os-retype"):
            message = f"Invalid volume: Volume status must be available, not {volume['status']}."
            return self.error(400, "badRequest", message)
        if name == "os-extend":
            if options["new_size"] <= volume["size"]:
                return self.error(400, "badRequest", "New size must be greater than current.")
            volume["size"] = options["new_size"]
            _advance(volume, "extending", "available")
        elif name == "os-retype":
            volume["volume_type"] = options["new_type"]
            _advance(volume, "retyping", "available")
        elif name == "os-set_bootable":
            volume["bootable"] = options["bootable"]
            return Reply(200)
        elif name == "os-update_readonly_flag":
            volume["metadata"]["readonly"] = str(options["readonly"])
        return Reply(202)

    def metadata(self, request: Recorded, found: Match) -> Reply:
        volume = self.volumes[found["id"]]
        if request.method == "POST":
            volume["metadata"].update(request.json()["metadata"])
        elif request.method == "DELETE":
            del volume["metadata"][unquote(found["key"])]
            return Reply(200)
        return Reply(200, {"metadata": volume["metadata"]})

    # -- snapshots

    def snapshot_view(self, snapshot: dict[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = copy.deepcopy(snapshot_fx.SNAPSHOT_V365["snapshot"])
        body.update({k: v for k, v in snapshot.items() if k in body})
        return body

    def create_snapshot(self, request: Recorded, found: Match) -> Reply:
        sent = request.json()["snapshot"]
        volume = self.volumes.get(sent["volume_id"])
        if volume is None:
            return self.found("Volume", sent["volume_id"])
        snapshot = {
            "id": str(uuid.uuid4()),
            "name": sent.get("name"),
            "description": sent.get("description"),
            "metadata": sent.get("metadata", {}),
            "volume_id": volume["id"],
            "size": volume["size"],
            "created_at": _now(),
            "status": "creating",
        }
        _advance(snapshot, "creating", "available")
        self.snapshots[snapshot["id"]] = snapshot
        return Reply(202, {"snapshot": self.snapshot_view(snapshot)})

    def list_snapshots(self, request: Recorded, found: Match) -> Reply:
        volume_id = request.query.get("volume_id", [None])[-1]
        chosen = [s for s in self.snapshots.values() if volume_id in (None, s["volume_id"])]
        return Reply(200, {"snapshots": [self.snapshot_view(s) for s in chosen]})

    def get_snapshot(self, request: Recorded, found: Match) -> Reply:
        snapshot = self.snapshots[found["id"]]
        body = {"snapshot": self.snapshot_view(snapshot)}
        _read(snapshot)
        return Reply(200, body)

    # -- types and quotas

    def list_types(self, request: Recorded, found: Match) -> Reply:
        public = [t for t in self.types if t["is_public"]]
        return Reply(200, {"volume_types": public})

    def create_type(self, request: Recorded, found: Match) -> Reply:
        sent = request.json()["volume_type"]
        is_public = sent.get("os-volume-type-access:is_public", True)
        created = {
            **copy.deepcopy(type_fx.TYPE["volume_type"]),
            "id": str(uuid.uuid4()),
            "name": sent["name"],
            "description": sent.get("description"),
            "is_public": is_public,
            "os-volume-type-access:is_public": is_public,
            "extra_specs": sent.get("extra_specs", {}),
        }
        self.types.append(created)
        return Reply(200, {"volume_type": created})

    def type_access(self, request: Recorded, found: Match) -> Reply:
        projects = self.access.setdefault(found["id"], [])
        if request.method == "POST":
            projects.append(request.json()["addProjectAccess"]["project"])
            return Reply(202)
        access = [{"volume_type_id": found["id"], "project_id": p} for p in projects]
        return Reply(200, {"volume_type_access": access})

    def get_quotas(self, request: Recorded, found: Match) -> Reply:
        assert request.query == {"usage": ["True"]}
        usage = copy.deepcopy(quota_fx.USAGE["quota_set"])
        for key, limit in self.quotas.items():
            if isinstance(usage.get(key), dict):
                usage[key]["limit"] = limit
        usage["id"] = found["project"]
        usage["volumes"]["in_use"] = len(self.volumes)
        usage["gigabytes"]["in_use"] = sum(v["size"] for v in self.volumes.values())
        return Reply(200, {"quota_set": usage})

    def update_quotas(self, request: Recorded, found: Match) -> Reply:
        self.quotas.update(request.json()["quota_set"])
        return Reply(200, {"quota_set": {k: v for k, v in self.quotas.items() if k != "id"}})

    # -- attachments (3.27)

    def create_attachment(self, request: Recorded, found: Match) -> Reply:
        sent = request.json()["attachment"]
        volume = self.volumes[sent["volume_uuid"]]
        attachment = {
            **copy.deepcopy(attachment_fx.DETAIL),
            "id": str(uuid.uuid4()),
            "status": "reserved",
            "volume_id": volume["id"],
            "instance": sent["instance_uuid"],
            "attach_mode": sent.get("mode", "rw"),
            "attached_at": None,
            "detached_at": None,
            "connection_info": None,
        }
        self.attachments[attachment["id"]] = attachment
        _advance(volume, "reserved")
        return Reply(200, {"attachment": attachment})

    def update_attachment(self, request: Recorded, found: Match) -> Reply:
        attachment = self.attachments[found["id"]]
        assert request.json()["attachment"]["connector"]["host"]
        attachment["status"] = "attaching"
        attachment["connection_info"] = attachment_fx.UPDATED["attachment"]["connection_info"]
        _advance(self.volumes[attachment["volume_id"]], "attaching")
        return Reply(200, {"attachment": attachment})

    def complete_attachment(self, request: Recorded, found: Match) -> Reply:
        attachment = self.attachments[found["id"]]
        assert request.json() == {"os-complete": {}}
        attachment.update(status="attached", attached_at=_now())
        _advance(self.volumes[attachment["volume_id"]], "in-use")
        return Reply(204)

    def list_attachments(self, request: Recorded, found: Match) -> Reply:
        volume_id = request.query.get("volume_id", [None])[-1]
        chosen = [a for a in self.attachments.values() if volume_id in (None, a["volume_id"])]
        return Reply(200, {"attachments": chosen})

    def delete_attachment(self, request: Recorded, found: Match) -> Reply:
        attachment = self.attachments.pop(found["id"])
        _advance(self.volumes[attachment["volume_id"]], "available")
        return Reply(200, {"attachments": []})


# -- Swift ------------------------------------------------------------------------------

_UNAUTHORIZED = Reply(
    401,
    b"<html><h1>Unauthorized</h1><p>This server could not verify that you are authorized "
    b"to access the document you requested.</p></html>",
    headers={"Content-Type": "text/html; charset=UTF-8", "X-Trans-Id": TRANS_ID},
)


def _http_date(seconds: float) -> str:
    return email.utils.formatdate(seconds, usegmt=True)


def _metadata(headers: Any, kind: str) -> tuple[dict[str, str], list[str]]:
    """The ``X-<kind>-Meta-*`` items of a request, and the ``X-Remove-<kind>-Meta-*`` names."""
    given, removed = {}, []
    for name, value in headers.items():
        lower = name.lower()
        if lower.startswith(f"x-{kind}-meta-"):
            given[name[len(f"x-{kind}-meta-") :].title()] = value
        elif lower.startswith(f"x-remove-{kind}-meta-"):
            removed.append(name[len(f"x-remove-{kind}-meta-") :].title())
    return given, removed


def _listing(entries: list[tuple[str, dict[str, Any]]], query: dict[str, str]) -> list[Any]:
    """Swift's listing: sorted, after ``marker``, under ``prefix``, rolled up at ``delimiter``."""
    prefix, marker = query.get("prefix", ""), query.get("marker", "")
    delimiter, limit = query.get("delimiter"), int(query.get("limit", 10000))
    listed: list[Any] = []
    for name, entry in sorted(entries, key=operator.itemgetter(0)):
        if not name.startswith(prefix) or name <= marker:
            continue
        rest = name[len(prefix) :]
        if delimiter and delimiter in rest:
            subdir = prefix + rest[: rest.index(delimiter) + 1]
            if subdir == marker or (listed and listed[-1] == {"subdir": subdir}):
                continue
            listed.append({"subdir": subdir})
        else:
            listed.append(entry)
        if len(listed) == limit:
            break
    return listed


class FakeSwift(FakeService):
    """Swift's account, containers and objects in memory, with the usual middleware:
    static and dynamic large objects, bulk delete, temporary URLs and form POST."""

    prefix = ACCOUNT

    def __init__(self, cloud: GuideCloud) -> None:
        super().__init__(cloud)
        self.account: dict[str, str] = {"Subject": "Literature"}
        self.containers: dict[str, dict[str, Any]] = {}
        self.info = copy.deepcopy(info_fx.INFO)
        cloud.server.route("GET", info_fx.INFO_PATH, lambda r: Reply(200, self.info))
        self.on("HEAD", "", self.head_account)
        self.on("GET", "", self.list_containers)
        self.on("POST", "", self.post_account)
        for method in ("PUT", "HEAD", "GET", "POST", "DELETE"):
            self.on(method, "/(?P<c>[^/]+)", self.container)
        for method in ("PUT", "HEAD", "GET", "POST", "DELETE", "COPY"):
            self.on(method, "/(?P<c>[^/]+)/(?P<o>.+)", self.object, token=False)

    # -- state

    def add_container(self, name: str, **metadata: str) -> dict[str, Any]:
        container = {"meta": dict(metadata), "settings": {}, "objects": {}}
        self.containers[name] = container
        return container

    def add_object(self, container: str, name: str, data: bytes, **fields: Any) -> None:
        """An object that exists already (stored by an earlier example)."""
        if container not in self.containers:
            self.add_container(container)
        self.containers[container]["objects"][name] = {
            "data": data,
            "etag": md5(data),
            "content_type": "application/octet-stream",
            "meta": {},
            "modified": 1714979289.0,
            "delete_at": None,
            "manifest": None,
            "dlo": None,
            **fields,
        }

    def content(self, item: dict[str, Any]) -> tuple[bytes, str]:
        """An object's bytes and ETag; a large object's are its segments'."""
        if item["manifest"] is not None:
            parts = [self.lookup(path) for path in item["manifest"]]
        elif item["dlo"] is not None:
            container, _, prefix = item["dlo"].partition("/")
            objects = self.containers[container]["objects"]
            parts = [objects[name] for name in sorted(objects) if name.startswith(prefix)]
        else:
            return item["data"], item["etag"]
        data = b"".join(part["data"] for part in parts)
        return data, '"' + md5("".join(part["etag"] for part in parts).encode()) + '"'

    def lookup(self, path: str) -> dict[str, Any]:
        container, _, name = path.lstrip("/").partition("/")
        item: dict[str, Any] = self.containers[container]["objects"][name]
        return item

    def authorized(self, request: Recorded) -> bool:
        """A token, or a temporary URL signed with one of the account's keys."""
        if request.headers.get("X-Auth-Token") in self.cloud.keystone.issued:
            return True
        signature = request.query.get("temp_url_sig", [""])[0]
        expires = request.query.get("temp_url_expires", ["0"])[0]
        message = f"{request.method}\n{expires}\n{unquote(request.path)[len('/object') :]}"
        return int(expires) > time.time() and self.signed(message, signature)

    def signed(self, message: str, signature: str) -> bool:
        keys = [self.account.get("Temp-Url-Key"), self.account.get("Temp-Url-Key-2")]
        return any(key and reference_signature(key, message, "sha256") == signature for key in keys)

    # -- account

    def account_headers(self) -> dict[str, str]:
        objects = [o for c in self.containers.values() for o in c["objects"].values()]
        headers = {
            "X-Account-Container-Count": str(len(self.containers)),
            "X-Account-Object-Count": str(len(objects)),
            "X-Account-Bytes-Used": str(sum(len(o["data"]) for o in objects)),
            "X-Timestamp": "1389453423.35964",
            "X-Trans-Id": TRANS_ID,
        }
        headers.update({f"X-Account-Meta-{k}": v for k, v in self.account.items()})
        return headers

    def head_account(self, request: Recorded, found: Match) -> Reply:
        return Reply(204, headers=self.account_headers())

    def list_containers(self, request: Recorded, found: Match) -> Reply:
        query = {k: v[-1] for k, v in request.query.items()}
        assert query.pop("format") == "json"
        entries = [
            (
                name,
                {
                    "name": name,
                    "count": len(c["objects"]),
                    "bytes": sum(len(o["data"]) for o in c["objects"].values()),
                    "last_modified": "2024-05-06T07:08:09.000000",
                },
            )
            for name, c in self.containers.items()
        ]
        listed = _listing(entries, query)
        return Reply(200 if listed else 204, listed or None, headers=self.account_headers())

    def post_account(self, request: Recorded, found: Match) -> Reply:
        if "bulk-delete" not in request.query:
            given, removed = _metadata(request.headers, "account")
            self.account.update(given)
            for name in removed:
                self.account.pop(name, None)
            return Reply(204, headers={"X-Trans-Id": TRANS_ID})
        assert request.headers["Content-Type"] == "text/plain"
        report: dict[str, Any] = {**copy.deepcopy(container_fx.BULK_OK), "Number Deleted": 0}
        report["Number Not Found"] = 0
        for line in request.body.decode().splitlines():
            container, _, name = unquote(line).lstrip("/").partition("/")
            objects = self.containers.get(container, {}).get("objects", {})
            if (name and name not in objects) or (not name and container not in self.containers):
                report["Number Not Found"] += 1
            elif name:
                del objects[name]
                report["Number Deleted"] += 1
            elif objects:
                report["Errors"].append([line, "409 Conflict"])
            else:
                del self.containers[container]
                report["Number Deleted"] += 1
        if report["Errors"]:
            report["Response Status"] = "400 Bad Request"
        return Reply(200, report)

    # -- containers

    def container(self, request: Recorded, found: Match) -> Reply:
        name = unquote(found["c"])
        container = self.containers.get(name)
        created = container is None
        if request.method == "PUT":
            container = container or self.add_container(name)
        if container is None:
            return Reply(404, b"<html><h1>Not Found</h1></html>", {"X-Trans-Id": TRANS_ID})
        if request.method in ("PUT", "POST"):
            given, removed = _metadata(request.headers, "container")
            container["meta"].update(given)
            for key in removed:
                container["meta"].pop(key, None)
            for header in ("X-Container-Read", "X-Container-Write", "X-Storage-Policy"):
                if header in request.headers:
                    container["settings"][header] = request.headers[header]
                if f"X-Remove-{header[2:]}" in request.headers:
                    container["settings"].pop(header, None)
        if request.method == "PUT":
            return Reply(201 if created else 202, headers={"X-Trans-Id": TRANS_ID})
        if request.method == "POST":
            return Reply(204, headers={"X-Trans-Id": TRANS_ID})
        if request.method == "DELETE":
            if container["objects"]:
                return Reply(409, b"<html><h1>Conflict</h1></html>", {"X-Trans-Id": TRANS_ID})
            del self.containers[name]
            return Reply(204, headers={"X-Trans-Id": TRANS_ID})
        headers = {
            "X-Container-Object-Count": str(len(container["objects"])),
            "X-Container-Bytes-Used": str(
                sum(len(o["data"]) for o in container["objects"].values())
            ),
            "X-Timestamp": "1389727543.65372",
            "X-Storage-Policy": "Policy-0",
            "X-Trans-Id": TRANS_ID,
            **container["settings"],
            **{f"X-Container-Meta-{k}": v for k, v in container["meta"].items()},
        }
        if request.method == "HEAD":
            return Reply(204, headers=headers)
        query = {k: v[-1] for k, v in request.query.items()}
        assert query.pop("format") == "json"
        entries = [
            (
                key,
                {
                    "name": key,
                    "hash": item["etag"].strip('"'),
                    "bytes": len(self.content(item)[0]),
                    "content_type": item["content_type"],
                    "last_modified": dt.datetime.fromtimestamp(item["modified"], dt.timezone.utc)
                    .replace(tzinfo=None)
                    .isoformat(),
                },
            )
            for key, item in container["objects"].items()
        ]
        listed = _listing(entries, query)
        return Reply(200 if listed else 204, listed or None, headers=headers)

    # -- objects

    def object(self, request: Recorded, found: Match) -> Reply:
        container_name, name = unquote(found["c"]), unquote(found["o"])
        container = self.containers.get(container_name)
        if request.method == "POST" and "multipart/form-data" in request.headers.get(
            "Content-Type", ""
        ):
            return self.form_post(request, container_name, name)
        if not self.authorized(request):
            return _UNAUTHORIZED
        missing = Reply(404, b"<html><h1>Not Found</h1></html>", {"X-Trans-Id": TRANS_ID})
        if container is None:
            return missing
        if request.method == "PUT":
            return self.put_object(request, container, name)
        item = container["objects"].get(name)
        if item is None:
            return missing
        if request.method in ("GET", "HEAD"):
            return self.get_object(request, item)
        if request.method == "POST":
            item["meta"] = _metadata(request.headers, "object")[0]
            item["content_type"] = request.headers.get("Content-Type", item["content_type"])
            return Reply(202, headers={"X-Trans-Id": TRANS_ID})
        if request.method == "COPY":
            return self.copy_object(request, container_name, name, item)
        if request.query.get("multipart-manifest") == ["delete"]:
            for path in item["manifest"]:
                segment_container, _, segment = path.lstrip("/").partition("/")
                del self.containers[segment_container]["objects"][segment]
            del container["objects"][name]
            deleted = len(item["manifest"]) + 1
            report = {**copy.deepcopy(container_fx.BULK_OK), "Number Deleted": deleted}
            return Reply(200, {**report, "Number Not Found": 0})
        del container["objects"][name]
        return Reply(204, headers={"X-Trans-Id": TRANS_ID})

    def put_object(self, request: Recorded, container: dict[str, Any], name: str) -> Reply:
        stored: dict[str, Any] = {"data": request.body, "manifest": None, "dlo": None}
        if request.query.get("multipart-manifest") == ["put"]:
            segments = json.loads(request.body)
            for segment in segments:
                part = self.lookup(segment["path"])
                assert (segment["etag"], segment["size_bytes"]) == (part["etag"], len(part["data"]))
            stored.update(data=b"", manifest=[s["path"] for s in segments])
        elif "X-Object-Manifest" in request.headers:
            stored["dlo"] = unquote(request.headers["X-Object-Manifest"])
        elif request.headers.get("If-None-Match") == "*" and name in container["objects"]:
            return Reply(412, b"<html><h1>Precondition Failed</h1></html>")
        elif len(request.body) > self.info["swift"]["max_file_size"]:
            return Reply(413, b"<html><h1>Request Entity Too Large</h1></html>")
        delete_after = request.headers.get("X-Delete-After")
        stored.update(
            etag=md5(request.body),
            content_type=request.headers.get("Content-Type", "application/octet-stream"),
            meta=_metadata(request.headers, "object")[0],
            modified=time.time(),
            delete_at=int(time.time()) + int(delete_after) if delete_after else None,
        )
        container["objects"][name] = stored
        etag = self.content(stored)[1] if stored["manifest"] is not None else stored["etag"]
        headers = {"Etag": etag, "Last-Modified": _http_date(stored["modified"])}
        return Reply(201, headers={**headers, "X-Trans-Id": TRANS_ID})

    def get_object(self, request: Recorded, item: dict[str, Any]) -> Reply:
        data, etag = self.content(item)
        headers = {
            "Content-Type": item["content_type"],
            "Etag": etag,
            "Last-Modified": _http_date(item["modified"]),
            "X-Timestamp": f"{item['modified']:.5f}",
            "Accept-Ranges": "bytes",
            "X-Trans-Id": TRANS_ID,
            **{f"X-Object-Meta-{k}": v for k, v in item["meta"].items()},
        }
        if item["delete_at"] is not None:
            headers["X-Delete-At"] = str(item["delete_at"])
        if item["manifest"] is not None:
            headers["X-Static-Large-Object"] = "True"
        if item["dlo"] is not None:
            headers["X-Object-Manifest"] = quote(item["dlo"])
        if request.query.get("multipart-manifest") == ["get"]:
            manifest = [
                {
                    "name": path,
                    "hash": self.lookup(path)["etag"],
                    "bytes": len(self.lookup(path)["data"]),
                    "content_type": "application/octet-stream",
                    "last_modified": "2024-05-06T07:08:09.000000",
                }
                for path in item["manifest"]
            ]
            return Reply(200, manifest, headers={"X-Trans-Id": TRANS_ID})
        wanted = re.fullmatch(r"bytes=(\d+)-(\d+)", request.headers.get("Range", ""))
        if wanted is None:
            return Reply(200, data, headers=headers)
        first, last = int(wanted[1]), min(int(wanted[2]), len(data) - 1)
        headers["Content-Range"] = f"bytes {first}-{last}/{len(data)}"
        return Reply(206, data[first : last + 1], headers=headers)

    def copy_object(
        self, request: Recorded, container_name: str, name: str, item: dict[str, Any]
    ) -> Reply:
        target_container, _, target = unquote(request.headers["Destination"]).partition("/")
        copied = copy.deepcopy(item)
        copied["meta"].update(_metadata(request.headers, "object")[0])
        copied["content_type"] = request.headers.get("Content-Type", item["content_type"])
        copied["modified"] = time.time()
        self.containers[target_container]["objects"][target] = copied
        headers = {
            "X-Copied-From": quote(f"{container_name}/{name}"),
            "X-Copied-From-Last-Modified": _http_date(item["modified"]),
            "Last-Modified": _http_date(copied["modified"]),
            "Etag": copied["etag"],
            "X-Trans-Id": TRANS_ID,
        }
        return Reply(201, headers=headers)

    def form_post(self, request: Recorded, container_name: str, prefix: str) -> Reply:
        """The formpost middleware: a browser's multipart upload, checked against its signature."""
        head = b"Content-Type: " + request.headers["Content-Type"].encode() + b"\r\n\r\n"
        form = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
        fields: dict[str, str] = {}
        files: list[tuple[str, bytes, str]] = []
        for part in form.iter_parts():
            payload = bytes(part.get_payload(decode=True))
            filename = part.get_filename()
            if filename:
                files.append((filename, payload, part.get_content_type()))
            else:
                fields[str(part.get_param("name", header="content-disposition"))] = payload.decode()
        path = unquote(request.path)[len("/object") :]
        signed = "\n".join(
            [
                path,
                fields.get("redirect", ""),
                *(fields[name] for name in ("max_file_size", "max_file_count", "expires")),
            ]
        )
        if int(fields["expires"]) < time.time() or not self.signed(signed, fields["signature"]):
            return Reply(401, b"FormPost: Invalid Signature")
        if len(files) > int(fields["max_file_count"]):
            return Reply(400, b"max file count exceeded")
        for filename, data, content_type in files:
            if len(data) > int(fields["max_file_size"]):
                return Reply(400, b"max_file_size exceeded")
            self.add_object(container_name, prefix + filename, data, content_type=content_type)
        return Reply(201, b"201 Created")


# -- the cloud, and how an example runs --------------------------------------------------


class GuideCloud:
    """Keystone, Nova, Cinder and Swift on one loopback server; runs the examples."""

    def __init__(self, server: RoutedServer, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.server = server
        self.keystone = Keystone(server)
        self.home = home
        self.monkeypatch = monkeypatch
        self.password = "pw-" + secrets.token_hex(8)
        self.secrets: set[str] = {self.password}
        self.failures: list[str] = []
        self.env = {
            "OS_AUTH_URL": server.url + "/identity/v3",
            "OS_USERNAME": "demo",
            "OS_PASSWORD": self.password,
            "OS_USER_DOMAIN_NAME": "Default",
            "OS_PROJECT_NAME": "demo",
            "OS_PROJECT_DOMAIN_NAME": "Default",
            "OS_REGION_NAME": "RegionOne",
        }
        self.nova = FakeNova(self)
        self.cinder = FakeCinder(self)
        self.swift = FakeSwift(self)

    def run(self, name: str, *args: str, **env: str) -> list[str]:
        """Run ``docs/examples/guides/<name>.py ARGS`` here; return the lines it printed.

        Fails if it raises, leaves an error unread, or prints a secret. Waits are short:
        ``WAIT_INTERVAL`` is 1 ms, ``WAIT_TIMEOUT`` 5 s unless ``env`` says otherwise.
        """
        path = GUIDES / f"{name}.py"
        for key in [k for k in os.environ if k.startswith("OS_")]:
            self.monkeypatch.delenv(key)
        for key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            self.monkeypatch.delenv(key, raising=False)
        settings = {
            **self.env,
            "HOME": str(self.home),
            "NO_PROXY": "127.0.0.1,localhost",
            "WAIT_TIMEOUT": "5",
            "WAIT_INTERVAL": "0.001",
            **env,
        }
        for key, value in settings.items():
            self.monkeypatch.setenv(key, value)
        self.monkeypatch.setattr(sys, "argv", [str(path), *args])
        printed = io.StringIO()
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(printed):
            warnings.simplefilter("always")
            runpy.run_path(str(path), run_name="__main__")
            gc.collect()
        assert self.failures == [], f"the fake cloud could not answer {name}.py"
        unread = [str(w.message) for w in caught if w.category is UnretrievedErrorWarning]
        assert unread == [], f"{name}.py left errors unread: {unread}"
        text = printed.getvalue()
        for secret in self.secrets | set(self.keystone.issued):
            assert secret not in text, f"{name}.py printed a secret"
        return text.splitlines()

    def received(self, prefix: str, method: str | None = None) -> list[Recorded]:
        """The requests to one service (its path prefix), in order."""
        return [
            r
            for r in self.server.requests
            if r.path.startswith(prefix) and method in (None, r.method)
        ]


@pytest.fixture
def cloud(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[GuideCloud]:
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    server = RoutedServer()
    server.start()
    try:
        yield GuideCloud(server, home, monkeypatch)
    finally:
        server.stop()


def _calls(requests: list[Recorded], prefix: str) -> list[tuple[str, str]]:
    return [(r.method, r.path.removeprefix(prefix)) for r in requests]


def _compute(cloud: GuideCloud, method: str | None = None) -> list[Recorded]:
    return cloud.received(COMPUTE, method)


def _volume(cloud: GuideCloud, method: str | None = None) -> list[Recorded]:
    return cloud.received(VOLUME, method)


def _swift(cloud: GuideCloud, method: str | None = None) -> list[Recorded]:
    return cloud.received(ACCOUNT, method)


# -- the catalogue of examples -------------------------------------------------------------


def _example_names() -> list[str]:
    return sorted(path.stem for path in GUIDES.glob("*.py"))


def test_every_guide_example_has_a_test() -> None:
    names = _example_names()
    assert len(names) > 20
    missing = [name for name in names if f"test_{name}" not in globals()]
    assert missing == [], f"examples without a test: {missing}"


@pytest.mark.parametrize("name", _example_names())
def test_every_guide_example_is_shown_by_its_guide(name: str) -> None:
    guide = DOCS / "guides" / (name.split("_")[0] + ".md")
    include = re.compile(
        r"```\{literalinclude\} \.\./examples/guides/" + re.escape(name) + r"\.py\n"
    )
    assert include.search(guide.read_text(encoding="utf-8")), f"{guide.name} does not show {name}"


def test_the_guides_index_lists_the_guides() -> None:
    index = (DOCS / "guides" / "index.md").read_text(encoding="utf-8")
    toctree = index.split("```{toctree}", 1)[1].split("```", 1)[0]
    assert [line for line in toctree.splitlines() if line and not line.startswith(":")] == [
        "compute",
        "blockstorage",
        "objectstorage",
    ]


# -- compute ------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["env", "clouds.yaml"])
def test_compute_connect(cloud: GuideCloud, tmp_path: Path, source: str) -> None:
    if source == "clouds.yaml":
        clouds = {
            "clouds": {
                "guide": {
                    "region_name": "RegionOne",
                    "auth": {
                        "auth_url": cloud.env["OS_AUTH_URL"],
                        "username": "demo",
                        "password": cloud.password,
                        "project_name": "demo",
                        "user_domain_name": "Default",
                        "project_domain_name": "Default",
                    },
                }
            }
        }
        config = tmp_path / "clouds.yaml"
        config.write_text(yaml.safe_dump(clouds))
        cloud.env = {"OS_CLOUD": "guide", "OS_CLIENT_CONFIG_FILE": str(config)}

    printed = cloud.run("compute_connect")

    (login,) = cloud.server.received("POST", TOKENS)
    user = login.json()["auth"]["identity"]["password"]["user"]
    assert (user["name"], user["password"]) == ("demo", cloud.password)
    assert _calls(_compute(cloud), COMPUTE) == [("GET", "/")]  # read once, then kept
    assert printed == [
        f"compute at {cloud.server.url}{COMPUTE}/",
        "pinned to 2.79",
        "the cloud offers 2.1 to 2.90",
        "newest usable: 2.90",
    ]


def test_compute_boot(cloud: GuideCloud) -> None:
    public_key = keypair_fx.IMPORTED_KEY + "\n"
    (cloud.home / ".ssh" / "id_ed25519.pub").write_text(public_key)

    printed = cloud.run("compute_boot", IMAGE_ID)

    (server_id,) = cloud.nova.servers
    assert _calls(_compute(cloud), COMPUTE) == [
        ("GET", "/flavors/detail"),  # one page of one flavor: the pager is lazy
        ("GET", "/os-keypairs/laptop"),
        ("POST", "/os-keypairs"),
        ("POST", "/servers"),
        ("GET", f"/servers/{server_id}"),  # BUILD
        ("GET", f"/servers/{server_id}"),  # ACTIVE
    ]
    flavors_read, _, import_key, boot, *_ = _compute(cloud)
    assert flavors_read.query == {
        "minRam": ["2048"],
        "sort_key": ["memory_mb"],
        "sort_dir": ["asc"],
        "limit": ["1"],
    }
    assert import_key.json() == {"keypair": {"name": "laptop", "public_key": public_key}}
    sent = boot.json()["server"]
    user_data = base64.b64decode(sent.pop("user_data"))
    assert user_data.startswith(b"#cloud-config\n")
    assert sent == {
        "name": "web-1",
        "imageRef": IMAGE_ID,
        "flavorRef": "2",
        "networks": "auto",
        "metadata": {"role": "web"},
        "key_name": "laptop",
        "tags": ["web", "production"],
    }
    for request in _compute(cloud):
        assert request.headers["X-OpenStack-Nova-API-Version"] == "2.79"
    fingerprint = cloud.nova.keypairs["laptop"]["fingerprint"]
    assert printed == [
        "flavor m1.small: 1 vCPU, 2048 MiB, 20 GiB",
        f"key pair laptop {fingerprint}",
        f"created {server_id}",
        "web-1 is ACTIVE on ['192.168.0.3']",
        "flavor m1.small, tags ['web', 'production']",
    ]


def test_compute_list(cloud: GuideCloud) -> None:
    web1 = cloud.nova.add("web-1", tags=["web", "production"])
    web2 = cloud.nova.add("web-2", tags=["production"])
    cloud.nova.add("web-3", "SHUTOFF", tags=["production"])
    cloud.nova.add("db-1", tags=["production"])

    printed = cloud.run("compute_list")

    listings = [r for r in _compute(cloud, "GET") if r.path == COMPUTE + "/servers/detail"]
    filters = {"status": ["ACTIVE"], "name": ["^web-"], "tags": ["production"], "limit": ["2"]}
    assert [r.query for r in listings] == [
        filters,
        {**filters, "marker": [web2]},  # the first page was full: Nova linked a second
        {"name": ["^web-2$"]},  # find: the name, escaped and anchored
    ]
    assert _calls(_compute(cloud), COMPUTE)[2:] == [
        ("GET", "/servers"),
        ("GET", "/servers/detail"),
        ("GET", f"/servers/{web2}"),
        ("POST", f"/servers/{web2}/metadata"),
        ("DELETE", f"/servers/{web2}/metadata/role"),
        ("GET", f"/servers/{web2}/metadata"),
        ("PUT", f"/servers/{web2}/tags/monitored"),
        ("GET", f"/servers/{web2}/tags"),
    ]
    assert cloud.nova.servers[web2]["metadata"] == {"owner": "team-a", "backup": "daily"}
    assert printed == [
        f"{web1}  web-1    2024-05-06",
        f"{web2}  web-2    2024-05-06",
        "all: ['db-1', 'web-1', 'web-2', 'web-3']",
        "web-2 ACTIVE {'role': 'web'}",
        "metadata: {'owner': 'team-a', 'backup': 'daily'}",
        "tags: ['production', 'monitored']",
    ]


def test_compute_actions(cloud: GuideCloud) -> None:
    server_id = cloud.nova.add("web-1")

    printed = cloud.run("compute_actions", server_id, "2")

    actions = [r.json() for r in _compute(cloud, "POST")]
    assert actions == [
        {"os-stop": None},
        {"os-start": None},
        {"reboot": {"type": "HARD"}},
        {"resize": {"flavorRef": "2"}},
        {"confirmResize": None},
        {"createImage": {"name": "web-1-snapshot", "metadata": {"source": "web-1"}}},
    ]
    assert {r.path for r in _compute(cloud, "POST")} == {f"{COMPUTE}/servers/{server_id}/action"}
    assert cloud.nova.servers[server_id]["flavor"] == "2"
    (image,) = cloud.nova.images
    assert printed == [
        "stop",
        "  web-1 is SHUTOFF",
        "start",
        "  web-1 is ACTIVE",
        "reboot",
        "  web-1 is ACTIVE",
        "resize",
        "  web-1 is VERIFY_RESIZE",
        "  web-1 is ACTIVE",
        f"snapshot image {image['id']}",
    ]


def test_compute_volumes(cloud: GuideCloud) -> None:
    server_id = cloud.nova.add("web-1")
    volume_id = cloud.cinder.add("data")

    printed = cloud.run("compute_volumes", server_id, volume_id)

    attachments = f"/servers/{server_id}/os-volume_attachments"
    assert _calls(_compute(cloud), COMPUTE) == [
        ("POST", attachments),
        ("GET", attachments),
        ("DELETE", f"{attachments}/{volume_id}"),
    ]
    attach = _compute(cloud)[0]
    assert attach.json() == {
        "volumeAttachment": {"volumeId": volume_id, "tag": "data", "delete_on_termination": False}
    }
    assert attach.headers["X-OpenStack-Nova-API-Version"] == "2.79"
    # Cinder was read until the volume was in-use, then until it was available again.
    assert _calls(_volume(cloud), VOLUME) == [("GET", f"/volumes/{volume_id}")] * 4
    assert cloud.cinder.volumes[volume_id]["status"] == "available"
    assert printed == ["attached at /dev/vdb", f"  {volume_id} /dev/vdb tag=data", "detached"]


def test_compute_errors(cloud: GuideCloud) -> None:
    server_id = cloud.nova.add("web-1")

    printed = cloud.run("compute_errors", server_id, WAIT_TIMEOUT="0.05", WAIT_INTERVAL="0.01")

    calls = _calls(_compute(cloud), COMPUTE)
    assert calls[:2] == [
        ("GET", "/servers/5e1d6a8c-0000-4000-8000-000000000000"),
        ("POST", f"/servers/{server_id}/action"),
    ]
    # The create and the tags were refused before sending; then the wait read and read.
    assert set(calls[2:]) == {("GET", f"/servers/{server_id}")}
    assert len(calls[2:]) >= 2
    assert cloud.nova.servers[server_id]["status"] == "ACTIVE"
    assert printed[:4] == [
        (
            "404: Instance 5e1d6a8c-0000-4000-8000-000000000000 could not be found. "
            f"(request {REQUEST_ID})"
        ),
        f"409: Cannot 'start' instance {server_id} while it is in vm_state active",
        (
            "not sent: CreateOpts.image_ref is required unless block_device_mapping_v2 boots "
            "from a volume (boot_index=0, destination_type='volume')"
        ),
        (
            "not sent: server tags: compute microversion 2.26 or later is required; "
            'the client sends none (use client.with_microversion("2.26"))'
        ),
    ]
    waited = f"server {server_id} is still ACTIVE after 0.05 s waiting for SHUTOFF"
    assert printed[4:] == [f"gave up, still ACTIVE: {waited}"]


def test_compute_delete(cloud: GuideCloud) -> None:
    server_id = cloud.nova.add("web-1", key_name="laptop")
    cloud.nova.keypairs["laptop"] = dict(keypair_fx.GET_RESPONSE["keypair"], name="laptop")

    printed = cloud.run("compute_delete", server_id)

    assert _calls(_compute(cloud), COMPUTE) == [
        ("DELETE", f"/servers/{server_id}"),
        ("GET", f"/servers/{server_id}"),  # still there, deleting
        ("GET", f"/servers/{server_id}"),  # 404: gone
        ("DELETE", f"/servers/{server_id}"),  # 404 again
        ("DELETE", "/os-keypairs/laptop"),
    ]
    assert cloud.nova.servers == {}
    assert cloud.nova.keypairs == {}
    assert printed == ["server deleted", "already gone", "key pair deleted"]


def test_compute_microversions(cloud: GuideCloud) -> None:
    server_id = cloud.nova.add("web-1", tags=["web"], locked=True, locked_reason="maintenance")

    printed = cloud.run("compute_microversions", server_id)

    reads = _compute(cloud)
    assert _calls(reads, COMPUTE) == [("GET", f"/servers/{server_id}")] * 3
    assert [r.headers.get("X-OpenStack-Nova-API-Version") for r in reads] == [
        None,
        "2.47",
        "2.73",
    ]
    assert printed == [
        "2.1: flavor id 1 | tags None | locked None",
        "2.47: flavor m1.tiny (1 vCPU, 512 MiB) | tags ('web',) | locked True",
        "2.73: locked True, because 'maintenance'",
    ]


# -- block storage -----------------------------------------------------------------------------


def _volume_version(request: Recorded) -> str | None:
    assert "X-OpenStack-Nova-API-Version" not in request.headers
    return request.headers.get("OpenStack-API-Version")


def test_blockstorage_volumes(cloud: GuideCloud) -> None:
    printed = cloud.run("blockstorage_volumes")

    (volume_id,) = cloud.cinder.volumes
    assert _calls(_volume(cloud), VOLUME) == [
        ("POST", "/volumes"),
        ("GET", f"/volumes/{volume_id}"),  # creating
        ("GET", f"/volumes/{volume_id}"),  # available
        ("PUT", f"/volumes/{volume_id}"),
    ]
    create, _, _, update = _volume(cloud)
    assert create.json() == {
        "volume": {
            "size": 10,
            "name": "db-data",
            "description": "database files",
            "volume_type": "ssd",
            "metadata": {"env": "prod"},
        }
    }
    assert update.json() == {"volume": {"description": None}}
    assert {_volume_version(r) for r in _volume(cloud)} == {"volume 3.65"}
    created = cloud.cinder.volumes[volume_id]["created_at"]
    assert printed == [
        f"created {volume_id} creating",
        f"db-data: 10 GiB of ssd ({type_fx.TYPE_ID})",
        f"created {created[:10]} {created[11:16]} UTC, bootable: False",
        "description: None",
    ]


def test_blockstorage_list(cloud: GuideCloud) -> None:
    prod = {"env": "prod"}
    cloud.cinder.add("db-data", 10, metadata=prod)
    logs = cloud.cinder.add("logs", 50, metadata=prod)
    cloud.cinder.add("scratch", 5, metadata=prod)
    cloud.cinder.add("old", 100, "error", metadata=prod)

    printed = cloud.run("blockstorage_list")

    listings = _volume(cloud)
    assert _calls(listings, VOLUME) == [("GET", "/volumes/detail")] * 5
    filters = {
        "status": ["available"],
        "metadata": ["{'env': 'prod'}"],
        "sort": ["size:desc"],
        "limit": ["2"],
    }
    counted = {"limit": ["2"], "with_count": ["true"]}
    second = [r.query["marker"][0] for r in listings if "marker" in r.query]
    assert [r.query for r in listings] == [
        filters,
        {**filters, "marker": second[:1]},
        counted,
        {**counted, "marker": second[1:]},
        {"name": ["logs"]},
    ]
    assert printed == [
        "logs        50 GiB  available",
        "db-data     10 GiB  available",
        "scratch      5 GiB  available",
        "page ['db-data', 'logs'] of 4 volumes",
        "page ['scratch', 'old'] of 4 volumes",
        f"found {logs}",
    ]


def test_blockstorage_actions(cloud: GuideCloud) -> None:
    volume_id = cloud.cinder.add("db-data", metadata={"env": "prod"})

    printed = cloud.run("blockstorage_actions", volume_id)

    actions = [r.json() for r in _volume(cloud, "POST") if r.path.endswith("/action")]
    assert actions == [
        {"os-extend": {"new_size": 20}},
        {"os-retype": {"new_type": "hdd", "migration_policy": "on-demand"}},
        {"os-set_bootable": {"bootable": True}},
        {"os-update_readonly_flag": {"readonly": True}},
    ]
    assert _calls(_volume(cloud), VOLUME)[:3] == [
        ("POST", f"/volumes/{volume_id}/metadata"),
        ("DELETE", f"/volumes/{volume_id}/metadata/env"),
        ("GET", f"/volumes/{volume_id}/metadata"),
    ]
    assert printed == [
        "metadata: {'owner': 'team-a'}",
        "size: 20 GiB",
        "type: hdd",
        "bootable: True | read-only: True",
    ]


def test_blockstorage_snapshots(cloud: GuideCloud) -> None:
    volume_id = cloud.cinder.add("db-data")

    printed = cloud.run("blockstorage_snapshots", volume_id)

    (snapshot_id,) = cloud.cinder.snapshots
    (restored_id,) = set(cloud.cinder.volumes) - {volume_id}
    assert _calls(_volume(cloud), VOLUME) == [
        ("POST", "/snapshots"),
        ("GET", f"/snapshots/{snapshot_id}"),
        ("GET", f"/snapshots/{snapshot_id}"),
        ("GET", "/snapshots/detail"),
        ("POST", "/volumes"),
        ("GET", f"/volumes/{restored_id}"),
        ("GET", f"/volumes/{restored_id}"),
    ]
    snapshot, *_, listing, restore, _, _ = _volume(cloud)
    assert snapshot.json() == {
        "snapshot": {
            "volume_id": volume_id,
            "name": "db-data-nightly",
            "metadata": {"kind": "nightly"},
        }
    }
    assert listing.query == {"volume_id": [volume_id]}
    assert restore.json() == {"volume": {"name": "db-data-restored", "snapshot_id": snapshot_id}}
    created = cloud.cinder.snapshots[snapshot_id]["created_at"][:10]
    assert printed == [
        "snapshot db-data-nightly: 10 GiB, available",
        f"  {snapshot_id} db-data-nightly {created}",
        f"restored db-data-restored: 10 GiB from snapshot {snapshot_id}",
    ]


def test_blockstorage_delete(cloud: GuideCloud) -> None:
    with_snapshot = cloud.cinder.add("db-data")
    cloud.cinder.snapshots["s1"] = {"id": "s1", "volume_id": with_snapshot, "size": 10}
    plain = cloud.cinder.add("scratch")
    missing = "0b2ad2f6-7bdf-4b4c-9a2b-0c3c4d5e6f70"

    printed = cloud.run("blockstorage_delete", with_snapshot, plain, missing)

    assert _calls(_volume(cloud), VOLUME) == [
        ("DELETE", f"/volumes/{with_snapshot}"),
        ("GET", f"/volumes/{with_snapshot}"),  # deleting
        ("GET", f"/volumes/{with_snapshot}"),  # 404: gone
        ("DELETE", f"/volumes/{plain}"),
        ("GET", f"/volumes/{plain}"),
        ("GET", f"/volumes/{plain}"),
        ("DELETE", f"/volumes/{missing}"),
    ]
    assert {r.raw_query for r in _volume(cloud, "DELETE")} == {"cascade=true"}
    assert cloud.cinder.volumes == {}
    assert cloud.cinder.snapshots == {}
    assert printed == [
        f"{with_snapshot} deleted",
        f"{plain} deleted",
        f"{missing} was already gone",
    ]


def test_blockstorage_admin(cloud: GuideCloud) -> None:
    cloud.cinder.add("db-data", 10)
    cloud.cinder.add("logs", 50)
    project_id = quota_fx.PROJECT_ID

    printed = cloud.run("blockstorage_admin", project_id)

    gold = cloud.cinder.types[-1]
    assert _calls(_volume(cloud), VOLUME) == [
        ("GET", "/types"),
        ("GET", "/types/default"),
        ("POST", "/types"),
        ("POST", f"/types/{gold['id']}/action"),
        ("GET", f"/types/{gold['id']}/os-volume-type-access"),
        ("GET", f"/os-quota-sets/{project_id}"),
        ("PUT", f"/os-quota-sets/{project_id}"),
    ]
    _, _, create, access, _, usage, update = _volume(cloud)
    assert create.json() == {
        "volume_type": {
            "name": "gold",
            "description": "replicated SSD",
            "os-volume-type-access:is_public": False,
            "extra_specs": {"volume_backend_name": "ssd", "replication_enabled": "<is> True"},
        }
    }
    assert access.json() == {"addProjectAccess": {"project": project_id}}
    assert usage.query == {"usage": ["True"]}
    assert update.json() == {"quota_set": {"volumes": 20, "gigabytes": 2000, "gigabytes_gold": 500}}
    assert printed == [
        "ssd    public=True {'volume_backend_name': 'lvmdriver-1'}",
        "hdd    public=True {'volume_backend_name': 'lvmdriver-1'}",
        "default type: ssd",
        f"gold is open to ['{project_id}']",
        "volumes: 2 of 10 in use",
        "gigabytes: 60 of 1000 in use",
        "now: 20 volumes, 500 GiB of gold",
    ]


def test_blockstorage_attachments(cloud: GuideCloud) -> None:
    volume_id = cloud.cinder.add("data")
    server_id = cloud.nova.add("web-1")
    cloud.secrets.add(attachment_fx.CHAP_SECRET)

    printed = cloud.run("blockstorage_attachments", volume_id, server_id)

    (attachment_id,) = [r.path.split("/")[-1] for r in _volume(cloud, "DELETE")]
    assert _calls(_volume(cloud), VOLUME) == [
        ("POST", "/attachments"),
        ("PUT", f"/attachments/{attachment_id}"),
        ("POST", f"/attachments/{attachment_id}/action"),
        ("GET", f"/volumes/{volume_id}"),
        ("GET", "/attachments/detail"),
        ("DELETE", f"/attachments/{attachment_id}"),
        ("GET", f"/volumes/{volume_id}"),
    ]
    reserve, connect, complete, *_ = _volume(cloud)
    assert reserve.json() == {
        "attachment": {"volume_uuid": volume_id, "instance_uuid": server_id, "mode": "rw"}
    }
    assert connect.json()["attachment"]["connector"]["host"] == "compute-1"
    assert complete.json() == {"os-complete": {}}
    assert {_volume_version(r) for r in _volume(cloud)} == {"volume 3.54"}
    assert printed == [
        f"attachment {attachment_id} reserved",
        "connect with iscsi - attachment attaching",
        "volume is in-use",
        f"  {attachment_id} attached rw on {server_id}",
        "volume is available",
    ]


def test_blockstorage_microversions(cloud: GuideCloud) -> None:
    volume_id = cloud.cinder.add("db-data")

    printed = cloud.run("blockstorage_microversions", volume_id)

    assert _calls(cloud.received("/volume/"), "/volume") == [
        ("GET", f"/v3/{PROJECT_ID}/volumes/{volume_id}"),
        ("GET", f"/v3/{PROJECT_ID}/volumes/{volume_id}"),
        ("GET", "/v3/"),  # the version document: no listing was sent
    ]
    versions = [_volume_version(r) for r in _volume(cloud)]
    assert versions == [None, "volume 3.65"]
    assert printed == [
        "3.0: type ssd | type id None | quota None",
        f"3.65: type ssd | type id {type_fx.TYPE_ID} | quota True",
        (
            "not sent: ListOpts.with_count: block storage microversion 3.45 "
            'or later is required; the client sends none (use client.with_microversion("3.45"))'
        ),
        "newest usable: 3.71",
    ]


# -- object storage ------------------------------------------------------------------------------

DUMP = b"-- PostgreSQL database dump\n" + b"INSERT INTO t VALUES (1);\n" * 4000


def test_objectstorage_containers(cloud: GuideCloud) -> None:
    printed = cloud.run("objectstorage_containers")

    assert _calls(_swift(cloud, "PUT"), ACCOUNT) == [
        ("PUT", "/backups"),
        ("PUT", "/www"),
        ("PUT", "/logs-2024-04"),
        ("PUT", "/logs-2024-05"),
        ("PUT", "/logs-2024-06"),
    ]
    backups, www, *_ = _swift(cloud, "PUT")
    assert backups.headers["X-Container-Meta-Owner"] == "team-a"
    assert backups.headers["X-Container-Meta-Quota-Bytes"] == str(50 * 2**30)
    assert www.headers["X-Container-Read"] == ".r:*,.rlistings"
    listings = [r.query for r in _swift(cloud, "GET")]
    assert listings == [
        {"format": ["json"], "limit": ["2"]},
        {"format": ["json"], "limit": ["2"], "marker": ["logs-2024-04"]},
        {"format": ["json"], "limit": ["2"], "marker": ["logs-2024-06"]},  # 1 < 2: the last
        {"format": ["json"], "prefix": ["logs-"]},
        {"format": ["json"], "prefix": ["logs-"], "marker": ["logs-2024-06"]},  # empty: done
    ]
    (update,) = _swift(cloud, "POST")
    assert update.headers["X-Container-Meta-Retention"] == "30d"
    assert update.headers["X-Remove-Container-Meta-Owner"] == "x"
    assert cloud.swift.containers["backups"]["meta"] == {
        "Quota-Bytes": str(50 * 2**30),
        "Retention": "30d",
    }
    assert printed == [
        "backups         0 objects      0 B",
        "logs-2024-04    0 objects      0 B",
        "logs-2024-05    0 objects      0 B",
        "logs-2024-06    0 objects      0 B",
        "www             0 objects      0 B",
        "logs: ['logs-2024-04', 'logs-2024-05', 'logs-2024-06']",
        "backups: 0 objects, quota 53687091200 B, owner team-a",
        "metadata now: {'Retention': '30d'}",
    ]


def test_objectstorage_upload(cloud: GuideCloud, tmp_path: Path) -> None:
    cloud.swift.add_container("backups")
    dump = tmp_path / "dump.sql"
    dump.write_bytes(DUMP)

    printed = cloud.run("objectstorage_upload", str(dump))

    readme, dumped, log, again = _swift(cloud, "PUT")
    assert readme.path == f"{ACCOUNT}/backups/notes/readme.txt"
    assert (readme.headers["Content-Type"], readme.headers["X-Object-Meta-Author"]) == (
        "text/plain",
        "ana",
    )
    assert dumped.path == f"{ACCOUNT}/backups/db/dump.sql"
    assert dumped.headers["Content-Length"] == str(len(DUMP))
    assert dumped.headers["X-Delete-After"] == str(30 * 86400)
    assert dumped.body == DUMP
    assert log.chunked  # a generator: sent as it produced its lines
    assert log.body.decode().splitlines()[0] == "2024-05-06 07:01 backup 1 done"
    assert again.headers["If-None-Match"] == "*"
    stored = cloud.swift.containers["backups"]["objects"]
    assert stored["notes/readme.txt"]["data"] == b"Backups of team A.\n"  # not replaced
    assert stored["db/dump.sql"]["delete_at"] is not None
    progress = [line for line in printed if line.endswith("bytes sent")]
    sent = [int(line.split()[0]) for line in progress]
    assert sent == sorted(sent)
    assert progress[-1] == f"  {len(DUMP)} of {len(DUMP)} bytes sent"
    assert [line for line in printed if not line.endswith("bytes sent")] == [
        f"notes/readme.txt {md5(b'Backups of team A.' + bytes([10]))}",
        "db/dump.sql stored intact: True",
        "logs/today.log stored",
        "notes/readme.txt exists: kept as it was",
    ]


def test_objectstorage_download(cloud: GuideCloud, tmp_path: Path) -> None:
    expires = int(dt.datetime(2024, 6, 5, tzinfo=dt.timezone.utc).timestamp())
    cloud.swift.add_object(
        "backups", "db/dump.sql", DUMP, content_type="application/sql", delete_at=expires
    )
    cloud.swift.add_object("backups", "notes/readme.txt", b"Backups.\n", meta={"Author": "ana"})
    target = tmp_path / "restored.sql"

    printed = cloud.run("objectstorage_download", str(target))

    dump = f"/backups/{quote('db/dump.sql')}"
    assert _calls(_swift(cloud), ACCOUNT) == [
        ("HEAD", dump),
        ("GET", dump),
        ("GET", dump),
        ("GET", dump),
        ("POST", "/backups/notes/readme.txt"),
        ("HEAD", "/backups/notes/readme.txt"),
    ]
    assert _swift(cloud, "GET")[2].headers["Range"] == "bytes=0-15"
    update = _swift(cloud, "POST")[0]
    assert (update.headers["X-Object-Meta-Author"], update.headers["X-Object-Meta-Reviewed"]) == (
        "ana",
        "yes",
    )
    assert target.read_bytes() == DUMP
    assert printed == [
        f"{len(DUMP)} bytes of application/sql, ETag {md5(DUMP)}",
        "modified 2024-05-06 07:08 UTC, expires 2024-06-05",
        f"sha256 {hashlib.sha256(DUMP).hexdigest()}",
        f"{len(DUMP)} bytes written to {target}",
        "partial: True b'-- PostgreSQL da'",
        "metadata: {'Author': 'ana', 'Reviewed': 'yes'}",
    ]


def test_objectstorage_folders(cloud: GuideCloud) -> None:
    for name in ("db/dump.sql", "index.txt", "logs/a.log", "logs/b.log", "notes/readme.txt"):
        cloud.swift.add_object("backups", name, f"{name}\n".encode())
    cloud.swift.add_container("www")

    printed = cloud.run("objectstorage_folders")

    top = {"format": ["json"], "delimiter": ["/"]}
    in_logs = {"format": ["json"], "prefix": ["logs/"], "delimiter": ["/"]}
    assert [r.query for r in _swift(cloud, "GET")] == [
        top,
        {**top, "marker": ["notes/"]},  # no limit: the listing ends at an empty page
        in_logs,
        {**in_logs, "marker": ["logs/b.log"]},
    ]
    (copied,) = _swift(cloud, "COPY")
    assert copied.path == f"{ACCOUNT}/backups/notes/readme.txt"
    assert copied.headers["Destination"] == "www/readme.txt"
    (bulk,) = _swift(cloud, "POST")
    assert (bulk.path, bulk.raw_query) == (ACCOUNT, "bulk-delete=true")
    assert bulk.body.decode().splitlines() == [
        "/backups/logs/a.log",
        "/backups/logs/b.log",
        "/backups/logs/never-there.log",
    ]
    assert sorted(cloud.swift.containers["backups"]["objects"]) == [
        "db/dump.sql",
        "index.txt",
        "notes/readme.txt",
    ]
    copy_of = cloud.swift.containers["www"]["objects"]["readme.txt"]
    assert copy_of["content_type"] == "text/plain; charset=utf-8"
    assert printed == [
        "folder db/",
        "object index.txt 10",
        "folder logs/",
        "folder notes/",
        "logs: ['logs/a.log', 'logs/b.log']",
        "copied from backups/notes/readme.txt",
        "deleted 2, not found 1",
    ]


def test_objectstorage_large(cloud: GuideCloud, tmp_path: Path) -> None:
    cloud.swift.info["swift"]["max_file_size"] = 4096
    for name in ("videos", "logs", "logs_segments"):
        cloud.swift.add_container(name)
    movie = bytes(i % 251 for i in range(10000))
    source, copy_path = tmp_path / "talk.mp4", tmp_path / "copy.mp4"
    source.write_bytes(movie)

    printed = cloud.run("objectstorage_large", str(source), str(copy_path))

    assert len(cloud.server.received("GET", info_fx.INFO_PATH)) == 1
    segment_puts = [r for r in _swift(cloud, "PUT") if "/videos_segments/" in r.path]
    assert sorted(len(r.body) for r in segment_puts) == [1808, 4096, 4096]
    (manifest,) = [r for r in _swift(cloud, "PUT") if "multipart-manifest" in r.raw_query]
    assert manifest.path == f"{ACCOUNT}/videos/talk.mp4"
    assert manifest.headers["Content-Type"] == "video/mp4"
    assert [item["size_bytes"] for item in json.loads(manifest.body)] == [4096, 4096, 1808]
    assert copy_path.read_bytes() == movie
    (dlo,) = [r for r in _swift(cloud, "PUT") if r.path.endswith("/2024-05.log")]
    assert dlo.headers["X-Object-Manifest"] == "logs_segments/2024-05/"
    assert "talk.mp4" not in cloud.swift.containers["videos"]["objects"]
    assert cloud.swift.containers["videos_segments"]["objects"] == {}
    prefix = json.loads(manifest.body)[0]["path"].removesuffix("00000000")
    assert prefix.startswith("/videos_segments/talk.mp4/slo/")
    assert printed == [
        "one upload stores at most 4096 bytes",
        "  all 10000 bytes sent",
        "slo: 10000 bytes in 3 segments",
        f"  {prefix}00000000 4096",
        f"  {prefix}00000001 4096",
        f"  {prefix}00000002 1808",
        "10000 bytes downloaded",
        "2024-05-01 all backups done",
        "2024-05-02 all backups done",
        "2024-05-03 all backups done",
        "deleted 4 objects",
    ]


def test_objectstorage_tempurl(cloud: GuideCloud) -> None:
    cloud.swift.add_object("backups", "notes/readme.txt", b"Backups of team A.\n")
    cloud.swift.add_container("uploads")

    printed = cloud.run("objectstorage_tempurl")

    key = cloud.swift.account["Temp-Url-Key"]
    (set_key,) = _swift(cloud, "POST")[:1]
    assert set_key.headers["X-Account-Meta-Temp-URL-Key"] == key
    shared, uploaded = _swift(cloud, "GET")[0], _swift(cloud, "PUT")[0]
    for request in (shared, uploaded):
        assert "X-Auth-Token" not in request.headers  # the signature is the authorisation
        assert set(request.query) == {"temp_url_sig", "temp_url_expires"}
    form = _swift(cloud, "POST")[1]
    assert form.path == f"{ACCOUNT}/uploads/user-7/"
    assert "X-Auth-Token" not in form.headers
    uploads = cloud.swift.containers["uploads"]["objects"]
    assert uploads["user-7/report.txt"]["data"] == b"quarterly report\n"
    assert uploads["user-7/photo.jpg"]["content_type"] == "image/jpeg"
    assert key not in "\n".join(printed)
    assert printed == [
        "GET: 200 b'Backups of team A.\\n'",
        "PUT: 201",
        (
            f'<form action="{cloud.server.url}{ACCOUNT}/uploads/user-7/" method="post" '
            'enctype="multipart/form-data">'
        ),
        '  <input type="hidden" name="max_file_size" value="...">',
        '  <input type="hidden" name="max_file_count" value="...">',
        '  <input type="hidden" name="expires" value="...">',
        '  <input type="hidden" name="signature" value="...">',
        '  <input type="file" name="file1"></form>',
        "POST: 201",
    ]


def test_objectstorage_tempurl_is_refused_when_tampered(cloud: GuideCloud) -> None:
    """The fake really checks signatures: a URL for another object is refused."""
    cloud.swift.add_object("backups", "notes/readme.txt", b"Backups of team A.\n")
    cloud.swift.add_object("backups", "db/dump.sql", DUMP)
    cloud.swift.add_container("uploads")
    cloud.run("objectstorage_tempurl")
    signed = _swift(cloud, "GET")[0]

    tampered = f"{cloud.server.url}{ACCOUNT}/backups/db/dump.sql?{signed.raw_query}"
    assert requests.get(tampered, timeout=5).status_code == 401
    genuine = f"{cloud.server.url}{signed.path}?{signed.raw_query}"
    assert requests.get(genuine, timeout=5).status_code == 200


def test_objectstorage_account(cloud: GuideCloud) -> None:
    cloud.swift.add_object("backups", "notes/readme.txt", b"Backups of team A.\n")
    cloud.swift.add_container("www")
    old_key = "old-" + secrets.token_hex(8)
    cloud.swift.account["Temp-Url-Key"] = old_key
    cloud.secrets.add(old_key)

    printed = cloud.run("objectstorage_account")

    new_key = cloud.swift.account["Temp-Url-Key-2"]
    cloud.secrets.add(new_key)
    assert not any(new_key in line for line in printed)
    assert _calls(cloud.received("/object/"), "/object") == [
        ("GET", "/info"),
        ("HEAD", ACCOUNT.removeprefix("/object")),
        ("POST", ACCOUNT.removeprefix("/object")),
        ("POST", ACCOUNT.removeprefix("/object")),
        ("HEAD", ACCOUNT.removeprefix("/object")),
    ]
    metadata, rotate = _swift(cloud, "POST")
    assert metadata.headers["X-Account-Meta-Team"] == "a"
    assert metadata.headers["X-Remove-Account-Meta-Subject"] == "x"
    assert rotate.headers["X-Account-Meta-Temp-URL-Key-2"] == new_key
    assert cloud.swift.account == {"Team": "a", "Temp-Url-Key": old_key, "Temp-Url-Key-2": new_key}
    assert printed[:5] == [
        "Swift 2.31.1: objects up to 5368709122 B, 10000 names a page",
        "has: ['slo', 'bulk_delete', 'tempurl', 'formpost']",
        "a static large object has at most 1000 segments",
        "temporary URLs sign with ['sha1', 'sha256', 'sha512']",
        "2 containers, 1 objects, 19 B, metadata {'Subject': 'Literature'}",
    ]
    assert printed[5] == "keys: True True"
    assert printed[6].startswith("Account(") and len(printed) == 7
