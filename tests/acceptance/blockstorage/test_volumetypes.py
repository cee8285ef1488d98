"""Block storage v3 volume types against a real Cinder: CRUD, extra specs, access."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oscloud import errors
from oscloud.openstack.blockstorage.v3 import volumes, volumetypes
from oscloud.service import ServiceClient
from tests.acceptance.blockstorage.conftest import Cleanup
from tests.acceptance.conftest import unique_name

MakeVolume = Callable[..., volumes.Volume]


def test_private_type_lifecycle(admin_cinder: ServiceClient, cleanup: Cleanup) -> None:
    name = unique_name("type")

    created = volumetypes.create(
        admin_cinder,
        volumetypes.CreateOpts(
            name=name,
            description="made by a test",
            is_public=False,
            extra_specs={"volume_backend_name": "fake"},
        ),
    ).extract()
    cleanup.volume_type(created.id)

    assert created.name == name and created.is_public is False
    assert created.extra_specs == {"volume_backend_name": "fake"}
    shown = volumetypes.get(admin_cinder, created.id).extract()
    assert (shown.name, shown.description, shown.is_public) == (name, "made by a test", False)
    private = {
        t.id for t in volumetypes.list(admin_cinder, volumetypes.ListOpts(is_public=False)).items()
    }
    public = {
        t.id for t in volumetypes.list(admin_cinder, volumetypes.ListOpts(is_public=True)).items()
    }
    assert created.id in private and created.id not in public

    updated = volumetypes.update(
        admin_cinder,
        created.id,
        volumetypes.UpdateOpts(name=name + "-renamed", description="renamed"),
    ).extract()
    assert (updated.name, updated.description) == (name + "-renamed", "renamed")

    volumetypes.delete(admin_cinder, created.id).extract_err()
    with pytest.raises(errors.NotFoundError):
        volumetypes.get(admin_cinder, created.id).extract()


def test_extra_specs(
    admin_cinder: ServiceClient, make_volume_type: Callable[..., volumetypes.VolumeType]
) -> None:
    vt = make_volume_type(extra_specs={"volume_backend_name": "fake"})

    added = volumetypes.create_extra_specs(
        admin_cinder, vt.id, {"acc:color": "blue", "acc:size": "large"}
    ).extract()
    one = volumetypes.get_extra_spec(admin_cinder, vt.id, "acc:color").extract()
    changed = volumetypes.update_extra_spec(admin_cinder, vt.id, "acc:color", "green").extract()
    volumetypes.delete_extra_spec(admin_cinder, vt.id, "acc:size").extract_err()
    final = volumetypes.list_extra_specs(admin_cinder, vt.id).extract()
    v352 = admin_cinder.with_microversion("3.52")
    by_spec = [
        t.id
        for t in volumetypes.list(
            v352, volumetypes.ListOpts(extra_specs={"acc:color": "green"})
        ).items()
    ]

    assert added == {"acc:color": "blue", "acc:size": "large"}
    assert one == {"acc:color": "blue"}
    assert changed == {"acc:color": "green"}
    assert final == {"volume_backend_name": "fake", "acc:color": "green"}
    assert volumetypes.get(admin_cinder, vt.id).extract().extra_specs == final
    assert by_spec == [vt.id]
    with pytest.raises(errors.NotFoundError):
        volumetypes.get_extra_spec(admin_cinder, vt.id, "acc:size").extract()


def test_project_access_to_a_private_type(
    cinder: ServiceClient,
    admin_cinder: ServiceClient,
    make_volume_type: Callable[..., volumetypes.VolumeType],
    make_volume: MakeVolume,
    member_project_id: str,
) -> None:
    vt = make_volume_type(is_public=False)

    hidden = volumetypes.get(cinder, vt.id)
    assert isinstance(hidden.err, errors.NotFoundError)
    assert list(volumetypes.list_access(admin_cinder, vt.id).items()) == []

    volumetypes.add_project_access(admin_cinder, vt.id, member_project_id).extract_err()

    access = list(volumetypes.list_access(admin_cinder, vt.id).items())
    assert [(a.volume_type_id, a.project_id) for a in access] == [(vt.id, member_project_id)]
    assert volumetypes.get(cinder, vt.id).extract().name == vt.name
    assert vt.id in {t.id for t in volumetypes.list(cinder).items()}
    volume = make_volume(volume_type=vt.name)
    assert volume.volume_type == vt.name

    volumetypes.remove_project_access(admin_cinder, vt.id, member_project_id).extract_err()

    assert list(volumetypes.list_access(admin_cinder, vt.id).items()) == []
    assert isinstance(volumetypes.get(cinder, vt.id).err, errors.NotFoundError)


def test_default_type_and_member_limits(cinder: ServiceClient, admin_cinder: ServiceClient) -> None:
    default = volumetypes.get_default(cinder).extract()

    assert default.id and default.name
    assert default.id in {t.id for t in volumetypes.list(cinder).items()}
    assert volumetypes.find(cinder, default.name).id == default.id
    with pytest.raises(errors.ForbiddenError):
        volumetypes.create(cinder, volumetypes.CreateOpts(name=unique_name("type"))).extract()
    with pytest.raises(errors.NotFoundError):
        volumetypes.get(admin_cinder, "00000000-0000-0000-0000-000000000000").extract()


def test_type_in_use_cannot_be_deleted(
    admin_cinder: ServiceClient,
    make_volume_type: Callable[..., volumetypes.VolumeType],
    make_volume: MakeVolume,
) -> None:
    vt = make_volume_type()
    make_volume(volume_type=vt.id)

    refused = volumetypes.delete(admin_cinder, vt.id)

    assert isinstance(refused.err, errors.BadRequestError)
    assert "in use" in str(refused.err)


def test_admin_finds_a_private_type_by_name(
    admin_cinder: ServiceClient, make_volume_type: Callable[..., volumetypes.VolumeType]
) -> None:
    vt = make_volume_type(is_public=False)

    assert volumetypes.find(admin_cinder, vt.name).id == vt.id
