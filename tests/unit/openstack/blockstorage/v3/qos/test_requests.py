"""Block storage v3 QoS specs, over loopback."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3 import qos
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import Sent, assert_request
from tests.unit.openstack.blockstorage.v3.qos import fixtures as fx
from tests.unit.openstack.blockstorage.v3.qos.fixtures import QOS_ID, path

TYPE_ID = "a12983c2-83bd-4afa-be9f-ad796573ead6"


@pytest.mark.parametrize("status", [200, 202])
def test_create(server: FakeServer, cinder: ServiceClient, sent: Sent, status: int) -> None:
    server.route("POST", path("qos-specs"), Reply(status, fx.CREATE_RESPONSE))
    opts = qos.CreateOpts(
        name="reliability-spec", specs={"availability": "100", "numberOfFailures": "0"}
    )

    got = qos.create(cinder, opts).extract()

    sent("POST", "/qos-specs", body=fx.CREATE_REQUEST)
    assert (got.id, got.name, got.consumer) == (QOS_ID, "reliability-spec", "back-end")
    assert got.specs == {"availability": "100", "numberOfFailures": "0"}
    assert [link.rel for link in got.links] == ["self", "bookmark"]


@pytest.mark.parametrize(
    ("opts", "error"),
    [
        (qos.CreateOpts(specs={"a": "1"}), MissingInputError),
        (qos.CreateOpts(name="n", specs={"consumer": "both"}), ValueError),
        (qos.CreateOpts(name="n", specs={"delay": 1}), ValueError),  # type: ignore[dict-item]
    ],
)
def test_create_refuses_bad_input(
    server: FakeServer, cinder: ServiceClient, opts: qos.CreateOpts, error: type[Exception]
) -> None:
    with pytest.raises(error):
        qos.create(cinder, opts)

    assert server.requests == []


def test_get_and_list(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("qos-specs", QOS_ID), Reply(200, fx.CREATE_RESPONSE))
    server.route("GET", path("qos-specs"), Reply(200, fx.LIST))

    one = qos.get(cinder, QOS_ID).extract()
    names = [q.name for q in qos.list(cinder, qos.ListOpts(limit=2)).items()]

    assert one.id == QOS_ID
    assert names == ["reliability-spec", "performance-spec"]
    get, listed = server.requests
    assert_request(get, "GET", f"/qos-specs/{QOS_ID}")
    assert_request(listed, "GET", "/qos-specs", query={"limit": ["2"]})


def test_update_and_delete_keys(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("PUT", path("qos-specs", QOS_ID), Reply(200, {"qos_specs": {"delay": "1"}}))
    server.route("PUT", path("qos-specs", QOS_ID, "delete_keys"), Reply(202))

    assert qos.update(cinder, QOS_ID, {"delay": "1"}).extract() == {"delay": "1"}
    assert qos.delete_keys(cinder, QOS_ID, ["delay"]).extract_err() is None

    update, unset = server.requests
    assert_request(update, "PUT", f"/qos-specs/{QOS_ID}", body={"qos_specs": {"delay": "1"}})
    assert_request(unset, "PUT", f"/qos-specs/{QOS_ID}/delete_keys", body={"keys": ["delay"]})


def test_delete_keys_needs_a_list(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(ValueError, match="not one string"):
        qos.delete_keys(cinder, QOS_ID, "delay")
    with pytest.raises(MissingInputError):
        qos.delete_keys(cinder, QOS_ID, [])

    assert server.requests == []


@pytest.mark.parametrize(("force", "query"), [(False, {}), (True, {"force": ["True"]})])
def test_delete(
    server: FakeServer, cinder: ServiceClient, sent: Sent, force: bool, query: dict[str, list[str]]
) -> None:
    server.route("DELETE", path("qos-specs", QOS_ID), Reply(202))

    assert qos.delete(cinder, QOS_ID, force=force).extract_err() is None

    sent("DELETE", f"/qos-specs/{QOS_ID}", query=query)


def test_associations(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("GET", path("qos-specs", QOS_ID, "associations"), Reply(200, fx.ASSOCIATIONS))
    for action in ("associate", "disassociate", "disassociate_all"):
        server.route("GET", path("qos-specs", QOS_ID, action), Reply(202))

    listed = [*qos.list_associations(cinder, QOS_ID).items()]
    qos.associate(cinder, QOS_ID, TYPE_ID).extract_err()
    qos.disassociate(cinder, QOS_ID, TYPE_ID).extract_err()
    qos.disassociate_all(cinder, QOS_ID).extract_err()

    assert listed == [
        qos.Association(id=TYPE_ID, name="reliability-type", association_type="volume_type")
    ]
    _, associate, disassociate, everything = server.requests
    base = f"/qos-specs/{QOS_ID}"
    assert_request(associate, "GET", f"{base}/associate", query={"vol_type_id": [TYPE_ID]})
    assert_request(disassociate, "GET", f"{base}/disassociate", query={"vol_type_id": [TYPE_ID]})
    assert_request(everything, "GET", f"{base}/disassociate_all")


def test_options_given_as_a_dict_are_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    as_dict: Any = {"name": "gold", "specs": {"read_iops_sec": "100"}}

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        qos.create(cinder, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        qos.list(cinder, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"), [("CreateOptsBuilder", qos.CreateOpts), ("ListOptsBuilder", qos.ListOpts)]
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(qos, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(qos.requests, old) is new


def test_per_operation_result_names_are_the_model_result() -> None:
    assert qos.GetResult is qos.CreateResult is qos.QoSSpecResult
    assert qos.DeleteResult is qos.ActionResult is ErrResult
