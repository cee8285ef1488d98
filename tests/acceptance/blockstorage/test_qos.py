"""Block storage v3 QoS specs against a real Cinder (administrators)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from oscloud import errors
from oscloud.openstack.blockstorage.v3 import qos, volumetypes
from oscloud.service import ServiceClient
from tests.acceptance.blockstorage.conftest import Cleanup
from tests.acceptance.conftest import unique_name

MakeType = Callable[..., volumetypes.VolumeType]


def _create(admin: ServiceClient, cleanup: Cleanup, **fields: Any) -> qos.QoSSpec:
    fields.setdefault("name", unique_name("qos"))
    spec = qos.create(admin, qos.CreateOpts(**fields)).extract()
    cleanup.qos_spec(spec.id)
    return spec


def test_create_get_list_update_delete(admin_cinder: ServiceClient, cleanup: Cleanup) -> None:
    name = unique_name("qos")

    spec = _create(
        admin_cinder,
        cleanup,
        name=name,
        consumer="back-end",
        specs={"total_iops_sec": "1000", "read_bytes_sec": "2048"},
    )
    shown = qos.get(admin_cinder, spec.id).extract()
    listed = {s.id: s for s in qos.list(admin_cinder).items()}
    set_keys = qos.update(admin_cinder, spec.id, {"total_iops_sec": "2000", "delay": "1"}).extract()
    qos.delete_keys(admin_cinder, spec.id, ["read_bytes_sec"]).extract_err()
    after = qos.get(admin_cinder, spec.id).extract()

    assert (spec.name, spec.consumer) == (name, "back-end")
    assert spec.specs == {"total_iops_sec": "1000", "read_bytes_sec": "2048"}
    assert (shown.id, shown.name, shown.consumer, shown.specs) == (
        spec.id,
        name,
        "back-end",
        spec.specs,
    )
    assert listed[spec.id].name == name
    assert set_keys == {"total_iops_sec": "2000", "delay": "1"}
    assert after.specs == {"total_iops_sec": "2000", "delay": "1"}

    qos.delete(admin_cinder, spec.id).extract_err()
    with pytest.raises(errors.NotFoundError):
        qos.get(admin_cinder, spec.id).extract()


def test_associations(
    admin_cinder: ServiceClient, cleanup: Cleanup, make_volume_type: MakeType
) -> None:
    spec = _create(admin_cinder, cleanup, consumer="front-end", specs={"total_iops_sec": "500"})
    first, second = make_volume_type(), make_volume_type()

    qos.associate(admin_cinder, spec.id, first.id).extract_err()
    qos.associate(admin_cinder, spec.id, second.id).extract_err()
    both = {
        (a.id, a.name, a.association_type)
        for a in qos.list_associations(admin_cinder, spec.id).items()
    }
    typed = volumetypes.get(admin_cinder, first.id).extract()
    in_use = qos.delete(admin_cinder, spec.id)
    qos.disassociate(admin_cinder, spec.id, first.id).extract_err()
    one_left = [a.id for a in qos.list_associations(admin_cinder, spec.id).items()]
    qos.disassociate_all(admin_cinder, spec.id).extract_err()
    none_left = list(qos.list_associations(admin_cinder, spec.id).items())

    assert both == {
        (first.id, first.name, "volume_type"),
        (second.id, second.name, "volume_type"),
    }
    assert typed.qos_specs_id == spec.id
    assert isinstance(in_use.err, errors.BadRequestError)  # still associated, no force
    assert one_left == [second.id]
    assert none_left == []
    qos.delete(admin_cinder, spec.id).extract_err()


def test_members_cannot_manage_qos(cinder: ServiceClient) -> None:
    with pytest.raises(errors.ForbiddenError):
        qos.create(cinder, qos.CreateOpts(name=unique_name("qos"))).extract()
