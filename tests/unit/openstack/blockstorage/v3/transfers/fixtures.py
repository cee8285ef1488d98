"""Block storage v3 volume transfer bodies, shaped like Cinder's api-ref samples.

``volume_transfer/volume-transfer-create-request``, ``-create-response``,
``-show-response``, ``-accept-response`` and ``volume-transfers-list-response``; the
3.57 details add the members Cinder's rest API history documents.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.blockstorage.conftest import VOLUME

TRANSFER_ID = "3d26db0c-69cd-42e4-ae42-7552759ab361"
AUTH_KEY = "dbccabcdbad19e07"
SAMPLE_PROJECT = "89afd400-b646-4bbc-b12b-c0a4d63e5bd3"


def _links(kind: str, transfer_id: str) -> list[dict[str, str]]:
    return [
        {"href": f"http://127.0.0.1:40345/v3/{SAMPLE_PROJECT}/{kind}/{transfer_id}", "rel": "self"},
        {
            "href": f"http://127.0.0.1:40345/{SAMPLE_PROJECT}/{kind}/{transfer_id}",
            "rel": "bookmark",
        },
    ]


#: ``POST /os-volume-transfer`` (volume-transfer-create-request.json).
CREATE_REQUEST: dict[str, Any] = {
    "transfer": {"volume_id": "c86b9af4-151d-4ead-b62c-5fb967af0e37", "name": "first volume"}
}

#: Its answer (volume-transfer-create-response.json).
CREATE_RESPONSE: dict[str, Any] = {
    "transfer": {
        "auth_key": AUTH_KEY,
        "created_at": "2019-03-20T09:29:46.743632",
        "id": TRANSFER_ID,
        "links": _links("os-volume-transfer", TRANSFER_ID),
        "name": "first volume",
        "volume_id": "59fe2097-931b-4ceb-b74b-f862ff3b6277",
    }
}

#: ``POST /os-volume-transfer/{id}/accept`` answer (volume-transfer-accept-response.json).
ACCEPT_RESPONSE: dict[str, Any] = {
    "transfer": {
        "id": "0a840aa1-8f8f-4042-86d7-09d8ca755272",
        "links": _links("os-volume-transfer", "0a840aa1-8f8f-4042-86d7-09d8ca755272"),
        "name": "first volume",
        "volume_id": "e56dee53-e565-40f4-9c6b-b983f74a2aa5",
    }
}

#: ``GET /volume-transfers/detail`` at 3.57.
DETAIL_V357: dict[str, Any] = {
    "transfers": [
        {
            "created_at": "2019-03-20T09:29:48.732953",
            "id": "5055b9c2-527b-47ef-bdd6-62e1130f511f",
            "links": _links("volume-transfers", "5055b9c2-527b-47ef-bdd6-62e1130f511f"),
            "name": "first volume",
            "volume_id": "8cdd62be-4bea-4b7c-bb53-c0b5424ee2af",
            "source_project_id": SAMPLE_PROJECT,
            "destination_project_id": None,
            "accepted": False,
        }
    ]
}


def path(*parts: str) -> str:
    """The full path of a block storage URL on the fake server."""
    return VOLUME + "".join(f"/{p}" for p in parts)
