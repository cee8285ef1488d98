"""Interface bodies, shaped like Nova's api-samples (``doc/api_samples/os-attach-interfaces``).

attach-interfaces-list-resp and attach-interfaces-show-resp at 2.1 and 2.70,
attach-interfaces-create-req at 2.49 (a port, tagged), attach-interfaces-create-net_id-req.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

SERVER_ID = "b8c2a2b5-4a8f-4a1d-9e6b-0f6e3d2c1b0a"
PORT_ID = "ce531f90-199f-48c0-816c-13e38010b442"
NET_ID = "3cb9bc59-5699-4588-a4b1-b87f96708bc6"

INTERFACES = f"{COMPUTE}/servers/{SERVER_ID}/os-interface"
INTERFACE = f"{INTERFACES}/{PORT_ID}"

_NIC = {
    "fixed_ips": [
        {"ip_address": "192.168.1.3", "subnet_id": "f8a6e8f8-c2ec-497c-9f23-da9616de54ef"}
    ],
    "mac_addr": "fa:16:3e:4c:2c:30",
    "net_id": NET_ID,
    "port_id": PORT_ID,
    "port_state": "ACTIVE",
}

#: ``GET`` at 2.1 (attach-interfaces-list-resp.json).
LIST_V21: dict[str, Any] = {"interfaceAttachments": [_NIC]}

#: ``GET`` at 2.70 (v2.70/attach-interfaces-list-resp.json).
LIST_V270: dict[str, Any] = {"interfaceAttachments": [{**_NIC, "tag": "public"}]}

#: ``GET /{port_id}`` at 2.70 (v2.70/attach-interfaces-show-resp.json).
SHOW_V270: dict[str, Any] = {"interfaceAttachment": {**_NIC, "tag": "public"}}

#: ``POST`` a tagged port at 2.49 (v2.49/attach-interfaces-create-req.json).
CREATE_PORT_REQUEST: dict[str, Any] = {"interfaceAttachment": {"port_id": PORT_ID, "tag": "foo"}}

#: ``POST`` on a network with an address (attach-interfaces-create-net_id-req.json).
CREATE_NET_REQUEST: dict[str, Any] = {
    "interfaceAttachment": {"fixed_ips": [{"ip_address": "192.168.1.3"}], "net_id": NET_ID}
}

#: The answer at 2.1 (attach-interfaces-create-resp.json).
CREATE_RESPONSE: dict[str, Any] = {"interfaceAttachment": _NIC}

NOT_FOUND = {"itemNotFound": {"code": 404, "message": f"Port {PORT_ID} is not attached"}}
