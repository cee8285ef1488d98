"""Host aggregate bodies, shaped like Nova's api-samples (``os-aggregates/v2.41``).

aggregate-post-req/resp, aggregates-list-get-resp, aggregates-get-resp,
aggregate-update-post-req/resp, aggregate-add-host-post-req, aggregates-add-host-post-resp,
aggregate-remove-host-post-req, aggregate-metadata-post-req, aggregates-metadata-post-resp.
"""

from __future__ import annotations

from typing import Any

from tests.unit.openstack.compute.conftest import COMPUTE

AGGREGATES = f"{COMPUTE}/os-aggregates"
AGGREGATE = f"{AGGREGATES}/1"
ACTION = f"{AGGREGATE}/action"


def _aggregate(uuid: str, created: str, **changes: Any) -> dict[str, Any]:
    body = {
        "availability_zone": "london",
        "created_at": created,
        "deleted": False,
        "deleted_at": None,
        "hosts": [],
        "id": 1,
        "metadata": {"availability_zone": "london"},
        "name": "name",
        "updated_at": None,
        "uuid": uuid,
    }
    body.update(changes)
    return {"aggregate": body}


#: ``POST /os-aggregates`` (v2.41/aggregate-post-req.json) and its answer.
CREATE_REQUEST: dict[str, Any] = {"aggregate": {"name": "name", "availability_zone": "nova"}}
CREATE_RESPONSE: dict[str, Any] = {
    "aggregate": {
        "availability_zone": "nova",
        "created_at": "2016-12-27T22:51:32.877711",
        "deleted": False,
        "deleted_at": None,
        "id": 1,
        "name": "name",
        "updated_at": None,
        "uuid": "86a0da0e-9f0c-4f51-a1e0-3c25edab3783",
    }
}

#: ``GET /os-aggregates`` (v2.41/aggregates-list-get-resp.json).
LIST: dict[str, Any] = {
    "aggregates": [
        _aggregate(
            "6ba28ba7-f29b-45cc-a30b-6e3a40c2fb14",
            "2016-12-27T23:47:32.911515",
            hosts=["compute"],
        )["aggregate"]
    ]
}

#: ``GET /os-aggregates/1`` (v2.41/aggregates-get-resp.json).
GET_RESPONSE = _aggregate("fd0a5b12-7e8d-469d-bfd5-64a6823e7407", "2016-12-27T23:47:30.563527")

#: ``PUT /os-aggregates/1`` (aggregate-update-post-req.json) and its answer.
UPDATE_REQUEST: dict[str, Any] = {"aggregate": {"name": "newname", "availability_zone": "nova2"}}
UPDATE_RESPONSE = _aggregate(
    "6f74e3f3-df28-48f3-98e1-ac941b1c5e43",
    "2016-12-27T23:47:33.067180",
    availability_zone="nova2",
    metadata={"availability_zone": "nova2"},
    name="newname",
    updated_at="2016-12-27T23:47:33.143562",
)

#: ``add_host`` (v2.41/aggregate-add-host-post-req.json) and its answer.
ADD_HOST_REQUEST: dict[str, Any] = {"add_host": {"host": "compute"}}
ADD_HOST_RESPONSE = _aggregate(
    "d1842372-89c5-4fbd-ad5a-5d2e16c85456", "2016-12-27T23:47:30.594805", hosts=["compute"]
)

#: ``remove_host`` (v2.41/aggregate-remove-host-post-req.json) and its answer.
REMOVE_HOST_REQUEST: dict[str, Any] = {"remove_host": {"host": "compute"}}
REMOVE_HOST_RESPONSE = _aggregate(
    "bc9b3a9b-6b0f-4d4e-9b4a-2a1e4c4c8e5b", "2016-12-27T23:47:30.779000"
)

#: ``set_metadata`` (aggregate-metadata-post-req.json) and its answer.
METADATA_REQUEST: dict[str, Any] = {"set_metadata": {"metadata": {"key": "value"}}}
METADATA_RESPONSE = _aggregate(
    "26002bdb-62cc-41bd-813a-0ad22db32625",
    "2016-12-27T23:59:18.623100",
    metadata={"availability_zone": "london", "key": "value"},
    updated_at="2016-12-27T23:59:18.723348",
)

NOT_FOUND = {"itemNotFound": {"code": 404, "message": "Aggregate 1 could not be found."}}
