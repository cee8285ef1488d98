"""Compute v2 server bodies, shaped like Nova's api-ref and api-samples, and their routes.

Bodies follow ``doc/api_samples/servers/*`` (server-get-resp at 2.1, 2.47, 2.73, 2.100,
the down-cell server of 2.71, servers-details-resp and servers-list-resp at 2.47,
server-create-req/resp, server-update-resp at 2.90, server-action-rebuild-resp at 2.47),
``os-instance-actions``, ``os-server-tags``, ``server-metadata``, ``server-ips``,
``os-remote-consoles``, ``os-rescue`` and ``os-console-output``. Next links point at the
fake server instead of ``openstack.example.com``.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import COMPUTE

SERVER_ID = "9168b536-cd40-4630-b43f-b259807c6e87"
TENANT_ID = "6f70656e737461636b20342065766572"
IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b"
REQUEST_ID = "req-0d819d5c-1527-4669-bdf0-ffad31b5105b"

_EXAMPLE = "http://openstack.example.com"


def _links(kind: str, resource_id: str) -> list[dict[str, str]]:
    return [
        {"href": f"{_EXAMPLE}/v2.1/{TENANT_ID}/{kind}/{resource_id}", "rel": "self"},
        {"href": f"{_EXAMPLE}/{TENANT_ID}/{kind}/{resource_id}", "rel": "bookmark"},
    ]


_IMAGE = {
    "id": IMAGE_ID,
    "links": [{"href": f"{_EXAMPLE}/{TENANT_ID}/images/{IMAGE_ID}", "rel": "bookmark"}],
}

#: ``GET /servers/{id}`` at 2.1 (servers/server-get-resp.json).
SERVER_V21: dict[str, Any] = {
    "server": {
        "accessIPv4": "1.2.3.4",
        "accessIPv6": "80fe::",
        "addresses": {
            "private": [
                {
                    "addr": "192.168.0.3",
                    "OS-EXT-IPS-MAC:mac_addr": "aa:bb:cc:dd:ee:ff",
                    "OS-EXT-IPS:type": "fixed",
                    "version": 4,
                }
            ]
        },
        "created": "2013-09-03T04:01:32Z",
        "flavor": {
            "id": "1",
            "links": [{"href": f"{_EXAMPLE}/{TENANT_ID}/flavors/1", "rel": "bookmark"}],
        },
        "hostId": "92154fab69d5883ba2c8622b7e65f745dd33257221c07af363c51b29",
        "id": SERVER_ID,
        "image": _IMAGE,
        "key_name": None,
        "links": _links("servers", SERVER_ID),
        "metadata": {"My Server Name": "Apache1"},
        "name": "new-server-test",
        "progress": 0,
        "status": "ACTIVE",
        "tenant_id": TENANT_ID,
        "updated": "2013-09-03T04:01:33Z",
        "user_id": "fake",
    }
}

#: ``GET /servers/{id}`` at 2.47: embedded flavor (servers/v2.47/server-get-resp.json).
SERVER_V247: dict[str, Any] = {
    "server": {
        "OS-DCF:diskConfig": "AUTO",
        "OS-EXT-AZ:availability_zone": "us-west",
        "OS-EXT-SRV-ATTR:host": "compute",
        "OS-EXT-SRV-ATTR:hostname": "new-server-test",
        "OS-EXT-SRV-ATTR:hypervisor_hostname": "fake-mini",
        "OS-EXT-SRV-ATTR:instance_name": "instance-00000001",
        "OS-EXT-SRV-ATTR:kernel_id": "",
        "OS-EXT-SRV-ATTR:launch_index": 0,
        "OS-EXT-SRV-ATTR:ramdisk_id": "",
        "OS-EXT-SRV-ATTR:reservation_id": "r-ov3q80zj",
        "OS-EXT-SRV-ATTR:root_device_name": "/dev/sda",
        "OS-EXT-SRV-ATTR:user_data": "IyEvYmluL2Jhc2gKL2Jpbi9zdQplY2hvICJJIGFtIGluIHlvdSEiCg==",
        "OS-EXT-STS:power_state": 1,
        "OS-EXT-STS:task_state": None,
        "OS-EXT-STS:vm_state": "active",
        "OS-SRV-USG:launched_at": "2017-02-14T19:23:59.895661",
        "OS-SRV-USG:terminated_at": None,
        "accessIPv4": "1.2.3.4",
        "accessIPv6": "80fe::",
        "addresses": {
            "private": [
                {
                    "OS-EXT-IPS-MAC:mac_addr": "00:0c:29:0d:11:74",
                    "OS-EXT-IPS:type": "fixed",
                    "addr": "192.168.1.30",
                    "version": 4,
                }
            ]
        },
        "config_drive": "",
        "created": "2017-02-14T19:23:58Z",
        "description": None,
        "flavor": {
            "disk": 1,
            "ephemeral": 0,
            "extra_specs": {"hw:numa_nodes": "1"},
            "original_name": "m1.tiny.specs",
            "ram": 512,
            "swap": 0,
            "vcpus": 1,
        },
        "hostId": "2091634baaccdc4c5a1d57069c833e402921df696b7f970791b12ec6",
        "host_status": "UP",
        "id": SERVER_ID,
        "image": _IMAGE,
        "key_name": None,
        "links": _links("servers", SERVER_ID),
        "locked": False,
        "metadata": {"My Server Name": "Apache1"},
        "name": "new-server-test",
        "os-extended-volumes:volumes_attached": [
            {"delete_on_termination": False, "id": "volume_id1"},
            {"delete_on_termination": False, "id": "volume_id2"},
        ],
        "progress": 0,
        "security_groups": [{"name": "default"}],
        "status": "ACTIVE",
        "tags": [],
        "tenant_id": TENANT_ID,
        "updated": "2017-02-14T19:24:00Z",
        "user_id": "fake",
    }
}

#: ``GET /servers/{id}`` at 2.73: a locked server with its reason.
SERVER_V273: dict[str, Any] = copy.deepcopy(SERVER_V247)
SERVER_V273["server"].update(
    {
        "OS-EXT-AZ:availability_zone": "nova",
        "OS-SRV-USG:launched_at": "2019-04-23T15:19:10.855016",
        "created": "2019-04-23T15:19:09Z",
        "updated": "2019-04-23T15:19:11Z",
        "flavor": {
            "disk": 1,
            "ephemeral": 0,
            "extra_specs": {},
            "original_name": "m1.tiny",
            "ram": 512,
            "swap": 0,
            "vcpus": 1,
        },
        "locked": True,
        "locked_reason": "I don't want to work",
        "os-extended-volumes:volumes_attached": [],
        "server_groups": [],
        "trusted_image_certificates": None,
    }
)

#: ``GET /servers/{id}`` at 2.100 (servers/v2.100/server-get-resp.json), non-admin view.
SERVER_V2100: dict[str, Any] = {
    "server": {
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
        "id": SERVER_ID,
        "image": {
            **_IMAGE,
            "properties": {
                "architecture": "x86_64",
                "auto_disk_config": "True",
                "base_image_ref": IMAGE_ID,
                "container_format": "ova",
                "disk_format": "vhd",
                "kernel_id": "nokernel",
                "min_disk": "1",
                "min_ram": "0",
                "ramdisk_id": "nokernel",
            },
        },
        "key_name": None,
        "links": _links("servers", SERVER_ID),
        "metadata": {"My Server Name": "Apache1"},
        "name": "new-server-test",
        "config_drive": "",
        "OS-DCF:diskConfig": "AUTO",
        "OS-EXT-AZ:availability_zone": "us-west",
        "OS-EXT-SRV-ATTR:hostname": "new-server-test",
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
        "scheduler_hints": {"same_host": ["48e6a9f6-30af-47e0-bc04-acaed113bb4e"]},
        "security_groups": [{"name": "default"}],
        "server_groups": [],
        "status": "ACTIVE",
        "tags": [],
        "tenant_id": TENANT_ID,
        "trusted_image_certificates": None,
        "updated": "2013-09-03T04:01:33Z",
        "user_id": "fake",
    }
}

#: A server in a cell that is down (servers/v2.71/server-get-down-cell-resp.json).
SERVER_DOWN_CELL: dict[str, Any] = {
    "server": {
        "OS-EXT-AZ:availability_zone": "UNKNOWN",
        "OS-EXT-STS:power_state": 0,
        "created": "2019-02-28T03:16:19Z",
        "flavor": {
            "disk": 1,
            "ephemeral": 0,
            "extra_specs": {},
            "original_name": "m1.tiny",
            "ram": 512,
            "swap": 0,
            "vcpus": 1,
        },
        "id": "2669556b-b4a3-41f1-a0c1-f9c7ff75e53c",
        "image": _IMAGE,
        "server_groups": ["f3d86fe6-4246-4be8-b87c-eb894626c741"],
        "status": "UNKNOWN",
        "tenant_id": "project",
        "user_id": "fake",
        "links": _links("servers", "2669556b-b4a3-41f1-a0c1-f9c7ff75e53c"),
    }
}


def server_with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of a ``{"server": ...}`` body with some members changed."""
    body = copy.deepcopy(base)
    body["server"].update(changes)
    return body


#: A server whose build failed: ``status`` ERROR and a ``fault`` (api-ref fault fields).
FAULT_MESSAGE = "No valid host was found. There are not enough hosts available."
SERVER_ERROR = server_with(
    SERVER_V247,
    status="ERROR",
    **{"OS-EXT-STS:vm_state": "error", "OS-EXT-STS:power_state": 0},
    fault={
        "code": 500,
        "created": "2023-04-05T06:07:08Z",
        "message": FAULT_MESSAGE,
        "details": "Traceback (most recent call last): ...",
    },
)


def detail_pages(base_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``GET /servers/detail?limit=1`` at 2.47 (servers-details-resp.json), then page two.

    The first page links to the second; the second has no next link.
    """
    first = copy.deepcopy(SERVER_V247["server"])
    first.update(
        {
            "id": "764e369e-a874-4401-b7ce-43e4760888da",
            "links": _links("servers", "764e369e-a874-4401-b7ce-43e4760888da"),
            "OS-EXT-AZ:availability_zone": "nova",
            "OS-SRV-USG:launched_at": "2017-02-14T19:24:43.891568",
            "created": "2017-02-14T19:24:42Z",
            "updated": "2017-02-14T19:24:43Z",
        }
    )
    second = copy.deepcopy(first)
    second.update(
        {
            "id": "b9a4b6d7-1c39-4bde-92a3-2bd6d4b5f0c1",
            "name": "new-server-test-2",
            "links": _links("servers", "b9a4b6d7-1c39-4bde-92a3-2bd6d4b5f0c1"),
        }
    )
    next_href = (
        f"{base_url}{COMPUTE}/servers/detail?limit=1&marker=764e369e-a874-4401-b7ce-43e4760888da"
    )
    return (
        {"servers": [first], "servers_links": [{"href": next_href, "rel": "next"}]},
        {"servers": [second]},
    )


def summary_pages(base_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``GET /servers?limit=1`` (servers-list-resp.json at 2.47), then page two."""
    first_id = "6e3a87e6-a133-452e-86e1-a31291c1b1c8"
    second_id = "f1d3a6cd-0d6b-4a8c-8a0e-2d0c3c3b7a4e"
    next_href = f"{base_url}{COMPUTE}/servers?limit=1&marker={first_id}"
    return (
        {
            "servers": [
                {"id": first_id, "links": _links("servers", first_id), "name": "new-server-test"}
            ],
            "servers_links": [{"href": next_href, "rel": "next"}],
        },
        {
            "servers": [
                {"id": second_id, "links": _links("servers", second_id), "name": "other-server"}
            ]
        },
    )


#: ``POST /servers`` (202) answer (servers/server-create-resp.json).
CREATED_ID = "f5dc173b-6804-445a-a6d8-c705dad5b5eb"
CREATE_RESPONSE: dict[str, Any] = {
    "server": {
        "OS-DCF:diskConfig": "AUTO",
        "adminPass": "6NpUwoz2QDRN",
        "id": CREATED_ID,
        "links": _links("servers", CREATED_ID),
        "security_groups": [{"name": "default"}],
    }
}

#: ``POST /servers`` with ``return_reservation_id`` (os-multiple-create).
RESERVATION_RESPONSE = {"reservation_id": "r-3fhpjulh"}

#: ``PUT /servers/{id}`` at 2.90 (servers/v2.90/server-update-resp.json).
UPDATE_RESPONSE_V290: dict[str, Any] = server_with(
    SERVER_V2100,
    **{"OS-EXT-SRV-ATTR:hostname": "new-server-hostname"},
    image=_IMAGE,
    **{"os-extended-volumes:volumes_attached": []},
)
for _member in ("pinned_availability_zone", "scheduler_hints"):
    del UPDATE_RESPONSE_V290["server"][_member]

#: The ``rebuild`` action's answer at 2.47 (servers/v2.47/server-action-rebuild-resp.json).
REBUILD_ID = "a0a80a94-3d81-4a10-822a-daa0cf9e870b"
REBUILD_RESPONSE_V247: dict[str, Any] = {
    "server": {
        "accessIPv4": "1.2.3.4",
        "accessIPv6": "80fe::",
        "addresses": {"private": [{"addr": "192.168.1.30", "version": 4}]},
        "adminPass": "seekr3t",
        "created": "2013-11-14T06:29:00Z",
        "flavor": {
            "disk": 1,
            "ephemeral": 0,
            "extra_specs": {},
            "original_name": "m1.tiny",
            "ram": 512,
            "swap": 0,
            "vcpus": 1,
        },
        "hostId": "28d8d56f0e3a77e20891f455721cbb68032e017045e20aa5dfc6cb66",
        "id": REBUILD_ID,
        "image": _IMAGE,
        "links": _links("servers", REBUILD_ID),
        "locked": False,
        "metadata": {"meta_var": "meta_val"},
        "name": "foobar",
        "description": None,
        "progress": 0,
        "status": "ACTIVE",
        "OS-DCF:diskConfig": "AUTO",
        "tags": [],
        "tenant_id": TENANT_ID,
        "updated": "2013-11-14T06:29:02Z",
        "user_id": "fake",
    }
}

#: server-metadata samples.
METADATA = {"metadata": {"foo": "Foo Value"}}
METADATUM = {"meta": {"foo": "Foo Value"}}

#: server-ips samples.
IPS = {"addresses": {"private": [{"addr": "192.168.1.30", "version": 4}]}}
IPS_PRIVATE = {"private": [{"addr": "192.168.1.30", "version": 4}]}

#: os-server-tags samples (2.26).
TAGS = {"tags": ["sometag"]}

#: os-console-output, os-rescue, os-remote-consoles (2.6) and createImage (2.45) answers.
CONSOLE_OUTPUT = {"output": "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE"}
RESCUE_RESPONSE = {"adminPass": "MySecretPass"}
CONSOLE_URL = (
    "http://example.com:6080/vnc_auto.html?path=%3Ftoken%3Db60bcfc3-5fd4-4d21-986c-e83379107819"
)
REMOTE_CONSOLE = {"remote_console": {"protocol": "vnc", "type": "novnc", "url": CONSOLE_URL}}
SNAPSHOT_ID = "0e7761dd-ee98-41f0-ba35-05994e446431"
CREATE_IMAGE_V245 = {"image_id": SNAPSHOT_ID}


def instance_action_pages(base_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """os-instance-actions at 2.58 with ``limit=1`` (…-list-with-limit-resp.json), then page two."""
    server_id = "e357e6d8-952e-4d1d-b74f-c8519e937706"
    common = {"instance_uuid": server_id, "user_id": "fake", "project_id": TENANT_ID}
    stop = {
        **common,
        "start_time": "2017-12-07T11:07:06.088644",
        "updated_at": "2017-12-07T11:07:06.431902",
        "request_id": "req-e80018f1-c5bd-45ee-aaa9-290f2f5ef7bc",
        "action": "stop",
        "message": None,
    }
    create = {
        **common,
        "start_time": "2017-12-07T11:07:04.313653",
        "updated_at": "2017-12-07T11:07:06.058351",
        "request_id": "req-c8fd339d-d2bf-43c2-a98a-84328281f83e",
        "action": "create",
        "message": None,
    }
    next_href = (
        f"{base_url}{COMPUTE}/servers/{server_id}/os-instance-actions"
        "?limit=1&marker=req-e80018f1-c5bd-45ee-aaa9-290f2f5ef7bc"
    )
    return (
        {"instanceActions": [stop], "links": [{"href": next_href, "rel": "next"}]},
        {"instanceActions": [create]},
    )


#: ``GET /servers/{id}/os-instance-actions/{request_id}`` at 2.84 (with ``details``).
INSTANCE_ACTION_V284: dict[str, Any] = {
    "instanceAction": {
        "action": "stop",
        "events": [
            {
                "event": "compute_stop_instance",
                "finish_time": "2018-04-25T01:26:36.790544",
                "host": "compute",
                "hostId": "2091634baaccdc4c5a1d57069c833e402921df696b7f970791b12ec6",
                "result": "Success",
                "start_time": "2018-04-25T01:26:36.539271",
                "traceback": None,
                "details": None,
            }
        ],
        "instance_uuid": "4bf3473b-d550-4b65-9409-292d44ab14a2",
        "message": None,
        "project_id": TENANT_ID,
        "request_id": REQUEST_ID,
        "start_time": "2018-04-25T01:26:36.341290",
        "updated_at": "2018-04-25T01:26:36.790544",
        "user_id": "admin",
    }
}

#: The same at 2.21 (before ``host``, ``updated_at`` and ``details``).
INSTANCE_ACTION_V221: dict[str, Any] = {
    "instanceAction": {
        "action": "reboot",
        "events": [
            {
                "event": "schedule",
                "finish_time": "2012-12-05T01:02:00.000000",
                "result": "Success",
                "start_time": "2012-12-05T01:00:02.000000",
                "traceback": "",
            },
            {
                "event": "compute_create",
                "finish_time": "2012-12-05T01:04:00.000000",
                "result": "Success",
                "start_time": "2012-12-05T01:03:00.000000",
                "traceback": "",
            },
        ],
        "instance_uuid": "b48316c5-71e8-45e4-9884-6c78055b9b13",
        "message": "",
        "project_id": "147",
        "request_id": "req-3293a3f1-b44c-4609-b8d2-d81b105636b8",
        "start_time": "2012-12-05T00:00:00.000000",
        "user_id": "789",
    }
}

#: Nova's error bodies.
NOT_FOUND_MESSAGE = f"Instance {SERVER_ID} could not be found."
ITEM_NOT_FOUND = {"itemNotFound": {"code": 404, "message": NOT_FOUND_MESSAGE}}
CONFLICT_MESSAGE = f"Cannot 'reboot' instance {SERVER_ID} while it is in vm_state stopped"
CONFLICTING_REQUEST = {"conflictingRequest": {"code": 409, "message": CONFLICT_MESSAGE}}
LOCKED_MESSAGE = f"Instance {SERVER_ID} is locked"
LOCKED = {"conflictingRequest": {"code": 409, "message": LOCKED_MESSAGE}}
REQUEST_ID_HEADER = {"x-openstack-request-id": "req-4e3d2c1b-0a9f-4e8d-b7c6-a5f4e3d2c1b0"}


def path(*parts: str) -> str:
    """The path of a compute URL on the fake server: ``/compute/v2.1/<parts>``."""
    return COMPUTE + "/" + "/".join(parts)


def handle_get(server: FakeServer, *bodies: dict[str, Any], status: int = 200) -> None:
    """Answer ``GET /servers/{id}`` (the id of the first body) with the bodies in turn."""
    server_id = bodies[0]["server"]["id"]
    server.route("GET", path("servers", server_id), *(Reply(status, b) for b in bodies))


def handle_not_found(server: FakeServer, method: str, route: str) -> None:
    """Answer ``method route`` with Nova's 404 ``itemNotFound``."""
    server.route(method, route, Reply(404, ITEM_NOT_FOUND, headers=REQUEST_ID_HEADER))


def handle_action(server: FakeServer, status: int = 202, body: Any = None, **headers: str) -> None:
    """Answer ``POST /servers/{SERVER_ID}/action``."""
    server.route("POST", path("servers", SERVER_ID, "action"), Reply(status, body, headers))
