"""Block storage v3 volume types, extra specs and access, over loopback."""

from __future__ import annotations

from typing import Any

import pytest

import oscloud
from oscloud.errors import (
    MicroversionError,
    MissingInputError,
    MultipleResourcesFoundError,
    NotFoundError,
)
from oscloud.openstack.blockstorage.v3 import volumetypes
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import Sent, assert_request
from tests.unit.openstack.blockstorage.v3.volumetypes import fixtures as fx
from tests.unit.openstack.blockstorage.v3.volumetypes.fixtures import TYPE_ID, path


def test_get(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("types", TYPE_ID), Reply(200, fx.TYPE))

    got = volumetypes.get(cinder, TYPE_ID).extract()

    sent("GET", f"/types/{TYPE_ID}")
    assert got == volumetypes.VolumeType(
        id=TYPE_ID,
        name="vol-type-001",
        description="volume type 0001",
        is_public=True,
        extra_specs={"capabilities": "gpu"},
        qos_specs_id=None,
    )


def test_get_as_a_user_leaves_admin_fields_unset(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("types", TYPE_ID), Reply(200, fx.PRIVATE_TYPE))

    got = volumetypes.get(cinder, TYPE_ID).extract()

    assert (got.is_public, got.extra_specs) == (False, None)


def test_get_default(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("types", "default"), Reply(200, fx.TYPE))

    assert volumetypes.get_default(cinder).extract().id == TYPE_ID

    sent("GET", "/types/default")


def test_list_and_find(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("types"), Reply(200, fx.TYPES))

    got = volumetypes.find(cinder, "SATA")

    sent("GET", "/types", query={"is_public": ["None"]})  # private types too
    assert got.id == "8eb69a46-df97-4e41-9586-9a40a7533803"
    assert got.extra_specs == {"volume_backend_name": "lvmdriver-1"}


def test_find_with_two_matches(server: FakeServer, cinder: ServiceClient) -> None:
    body = {"volume_types": [fx.TYPES["volume_types"][0]] * 2}
    server.route("GET", path("types"), Reply(200, body))

    with pytest.raises(MultipleResourcesFoundError, match="2 volume types are named 'SSD'"):
        volumetypes.find(cinder, "SSD")


def test_list_filters(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("types"), Reply(200, fx.TYPES))
    opts = volumetypes.ListOpts(is_public=False, extra_specs={"volume_backend_name": "lvm"})

    names = [t.name for t in volumetypes.list(cinder.with_microversion("3.52"), opts).items()]

    sent(
        "GET",
        "/types",
        query={"is_public": ["false"], "extra_specs": ["{'volume_backend_name': 'lvm'}"]},
        microversion="3.52",
    )
    assert names == ["SSD", "SATA"]


def test_list_by_extra_specs_needs_3_52(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"ListOpts\.extra_specs: .* 3\.52"):
        volumetypes.list(cinder, volumetypes.ListOpts(extra_specs={"a": "b"}))

    assert server.requests == []


def test_create(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("POST", path("types"), Reply(200, fx.TYPE))
    opts = volumetypes.CreateOpts(
        name="vol-type-001",
        description="volume type 0001",
        is_public=True,
        extra_specs={"capabilities": "gpu"},
    )

    got = volumetypes.create(cinder, opts).extract()

    sent(
        "POST",
        "/types",
        body={
            "volume_type": {
                "name": "vol-type-001",
                "description": "volume type 0001",
                "os-volume-type-access:is_public": True,
                "extra_specs": {"capabilities": "gpu"},
            }
        },
    )
    assert got.id == TYPE_ID


def test_create_needs_a_name(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match=r"CreateOpts\.name"):
        volumetypes.create(cinder, volumetypes.CreateOpts(description="x"))

    assert server.requests == []


def test_update(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("PUT", path("types", TYPE_ID), Reply(200, fx.TYPE))

    volumetypes.update(
        cinder, TYPE_ID, volumetypes.UpdateOpts(description=oscloud.NULL, is_public=False)
    ).extract()

    sent(
        "PUT", f"/types/{TYPE_ID}", body={"volume_type": {"description": None, "is_public": False}}
    )


def test_update_with_nothing_is_refused(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError):
        volumetypes.update(cinder, TYPE_ID, volumetypes.UpdateOpts())

    assert server.requests == []


def test_delete(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("types", TYPE_ID), Reply(202))

    assert volumetypes.delete(cinder, TYPE_ID).extract_err() is None

    sent("DELETE", f"/types/{TYPE_ID}")


def test_extra_specs(server: FakeServer, cinder: ServiceClient) -> None:
    specs = path("types", TYPE_ID, "extra_specs")
    spec = path("types", TYPE_ID, "extra_specs", "capabilities")
    server.route("GET", specs, Reply(200, {"extra_specs": {"capabilities": "gpu"}}))
    server.route("POST", specs, Reply(200, {"extra_specs": {"key1": "value1"}}))
    server.route("GET", spec, Reply(200, {"capabilities": "gpu"}))
    server.route("PUT", spec, Reply(200, {"capabilities": "cpu"}))
    server.route("DELETE", spec, Reply(202))

    assert volumetypes.list_extra_specs(cinder, TYPE_ID).extract() == {"capabilities": "gpu"}
    created = volumetypes.create_extra_specs(cinder, TYPE_ID, {"key1": "value1"}).extract()
    assert created == {"key1": "value1"}
    assert volumetypes.get_extra_spec(cinder, TYPE_ID, "capabilities").extract() == {
        "capabilities": "gpu"
    }
    assert volumetypes.update_extra_spec(cinder, TYPE_ID, "capabilities", "cpu").extract() == {
        "capabilities": "cpu"
    }
    assert volumetypes.delete_extra_spec(cinder, TYPE_ID, "capabilities").extract_err() is None

    base = f"/types/{TYPE_ID}/extra_specs"
    listed, posted, got, put, deleted = server.requests
    assert_request(listed, "GET", base)
    assert_request(posted, "POST", base, body={"extra_specs": {"key1": "value1"}})
    assert_request(got, "GET", f"{base}/capabilities")
    assert_request(put, "PUT", f"{base}/capabilities", body={"capabilities": "cpu"})
    assert_request(deleted, "DELETE", f"{base}/capabilities")


def test_extra_specs_are_checked_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    with pytest.raises(MissingInputError):
        volumetypes.create_extra_specs(cinder, TYPE_ID, {})
    with pytest.raises(ValueError, match="must be a string"):
        volumetypes.update_extra_spec(cinder, TYPE_ID, "k", 1)  # type: ignore[arg-type]

    assert server.requests == []


def test_access(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("types", TYPE_ID, "os-volume-type-access"), Reply(200, fx.ACCESS))
    server.route("POST", path("types", TYPE_ID, "action"), Reply(202))

    listed = volumetypes.extract_access(volumetypes.list_access(cinder, TYPE_ID).all_pages())
    volumetypes.add_project_access(cinder, TYPE_ID, fx.PROJECT).extract_err()
    volumetypes.remove_project_access(cinder, TYPE_ID, fx.PROJECT).extract_err()

    assert listed == [volumetypes.VolumeTypeAccess(volume_type_id=TYPE_ID, project_id=fx.PROJECT)]
    get, add, remove = server.requests
    assert_request(get, "GET", f"/types/{TYPE_ID}/os-volume-type-access")
    action = f"/types/{TYPE_ID}/action"
    assert_request(add, "POST", action, body={"addProjectAccess": {"project": fx.PROJECT}})
    assert_request(remove, "POST", action, body={"removeProjectAccess": {"project": fx.PROJECT}})


def test_access_of_a_public_type_is_not_found(server: FakeServer, cinder: ServiceClient) -> None:
    message = "Access list not available for public volume types."
    server.route(
        "GET",
        path("types", TYPE_ID, "os-volume-type-access"),
        Reply(404, {"itemNotFound": {"message": message, "code": 404}}),
    )

    with pytest.raises(NotFoundError, match="Access list not available"):
        list(volumetypes.list_access(cinder, TYPE_ID))


def test_options_given_as_a_dict_are_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    as_dict: Any = {"name": "SSD"}

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        volumetypes.create(cinder, as_dict)
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        volumetypes.update(cinder, TYPE_ID, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        volumetypes.list(cinder, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", volumetypes.CreateOpts),
        ("ListOptsBuilder", volumetypes.ListOpts),
        ("UpdateOptsBuilder", volumetypes.UpdateOpts),
    ],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(volumetypes, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(volumetypes.requests, old) is new


def test_per_operation_result_names_are_the_model_result() -> None:
    assert volumetypes.GetResult is volumetypes.CreateResult is volumetypes.UpdateResult
    assert volumetypes.GetResult is volumetypes.VolumeTypeResult
    assert volumetypes.DeleteResult is volumetypes.ActionResult is ErrResult
