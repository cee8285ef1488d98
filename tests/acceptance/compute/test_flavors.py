"""Compute v2 flavors against a real Nova: reads as a member, the rest as an administrator."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from oscloud import errors
from oscloud.service import ServiceClient
from tests.acceptance.compute.conftest import SMALL, TINY
from tests.acceptance.conftest import unique_name

flavors: Any = pytest.importorskip("oscloud.openstack.compute.v2.flavors")


def test_list_get_and_find_the_launchers_flavors(
    compute: ServiceClient, tiny_flavor_id: str, small_flavor_id: str
) -> None:
    listed = {f.id: f for f in flavors.list(compute).items()}
    simple = {f.id: f.name for f in flavors.list_simple(compute).items()}
    tiny = flavors.get(compute, tiny_flavor_id).extract()

    assert listed[tiny_flavor_id].name == TINY and listed[small_flavor_id].name == SMALL
    assert simple[tiny_flavor_id] == TINY
    assert (tiny.name, tiny.vcpus, tiny.ram, tiny.disk) == (TINY, 1, 512, 1)
    assert isinstance(tiny.ram, int) and isinstance(tiny.disk, int)
    assert tiny.is_public is True and tiny.disabled is False
    assert flavors.find(compute, SMALL).id == small_flavor_id
    assert flavors.id_from_name(compute, TINY) == tiny_flavor_id
    with pytest.raises(errors.ResourceNotFoundError):
        flavors.id_from_name(compute, unique_name("no-flavor"))


def test_filters_and_paging(
    compute: ServiceClient, tiny_flavor_id: str, small_flavor_id: str
) -> None:
    big = [f.id for f in flavors.list(compute, flavors.ListOpts(min_ram=1024)).items()]
    paged = [
        flavors.extract_flavors(page) for page in flavors.list(compute, flavors.ListOpts(limit=1))
    ]
    every = [f.id for f in flavors.list(compute).items()]

    assert small_flavor_id in big and tiny_flavor_id not in big
    assert all(len(page) == 1 for page in paged)
    assert [page[0].id for page in paged] == every  # the next links reach every flavor


def test_missing_flavor_is_not_found(compute: ServiceClient) -> None:
    result = flavors.get(compute, "no-such-flavor")

    assert isinstance(result.err, errors.NotFoundError)
    assert "no-such-flavor" in result.err.message


def test_bad_input_raises_before_sending(offline_compute: ServiceClient) -> None:
    with pytest.raises(ValueError, match="ram must be at least 1"):
        flavors.create(offline_compute, flavors.CreateOpts(name="x", ram=0, vcpus=1, disk=1))
    with pytest.raises(ValueError, match="min_ram must be at least 0"):
        flavors.list(offline_compute, flavors.ListOpts(min_ram=-1))
    with pytest.raises(errors.MicroversionError):
        flavors.create(
            offline_compute.with_microversion("2.54"),
            flavors.CreateOpts(name="x", ram=1, vcpus=1, disk=1, description="d"),
        )


def test_a_member_cannot_create_flavors(
    compute: ServiceClient, admin_compute: ServiceClient
) -> None:
    opts = flavors.CreateOpts(name=unique_name("flavor"), ram=64, vcpus=1, disk=0)

    result = flavors.create(compute, opts)
    if result.err is None:  # not expected: do not leave it behind
        flavors.delete(admin_compute, result.extract().id).extract_err()

    assert isinstance(result.err, errors.ForbiddenError)


@pytest.fixture
def private_flavor(admin_compute: ServiceClient) -> Iterator[Any]:
    opts = flavors.CreateOpts(
        name=unique_name("flavor"),
        ram=128,
        vcpus=1,
        disk=0,
        swap=0,
        ephemeral=0,
        is_public=False,
        description="made by the acceptance tests",
    )
    flavor = flavors.create(admin_compute, opts).extract()
    try:
        yield flavor
    finally:
        deleted = flavors.delete(admin_compute, flavor.id)
        if not isinstance(deleted.err, errors.NotFoundError):
            deleted.extract_err()


def test_private_flavor_access_specs_update_and_delete(
    admin_compute: ServiceClient,
    compute: ServiceClient,
    private_flavor: Any,
    cloud_info: dict[str, Any],
) -> None:
    project_id = cloud_info["clouds"]["oscloud-member"]["project_id"]

    hidden = flavors.get(compute, private_flavor.id)
    granted = flavors.add_access(
        admin_compute, private_flavor.id, flavors.AddAccessOpts(tenant_id=project_id)
    ).extract()
    seen = flavors.get(compute, private_flavor.id).extract()
    access = flavors.extract_accesses(
        flavors.list_access(admin_compute, private_flavor.id).all_pages()
    )
    left = flavors.remove_access(
        admin_compute, private_flavor.id, flavors.RemoveAccessOpts(tenant_id=project_id)
    ).extract()

    specs = flavors.create_extra_specs(
        admin_compute, private_flavor.id, {"hw:cpu_policy": "dedicated", "hw:numa_nodes": "1"}
    ).extract()
    one = flavors.get_extra_spec(admin_compute, private_flavor.id, "hw:numa_nodes").extract()
    changed = flavors.update_extra_spec(
        admin_compute, private_flavor.id, "hw:numa_nodes", "2"
    ).extract()
    flavors.delete_extra_spec(admin_compute, private_flavor.id, "hw:cpu_policy").extract_err()
    remaining = flavors.list_extra_specs(admin_compute, private_flavor.id).extract()
    described = flavors.update(
        admin_compute, private_flavor.id, flavors.UpdateOpts(description="changed")
    ).extract()

    assert private_flavor.is_public is False
    assert private_flavor.description == "made by the acceptance tests"
    assert isinstance(hidden.err, errors.NotFoundError)
    assert [(a.flavor_id, a.tenant_id) for a in granted] == [(private_flavor.id, project_id)]
    assert seen.id == private_flavor.id
    assert [a.tenant_id for a in access] == [project_id]
    assert left == []
    assert specs == {"hw:cpu_policy": "dedicated", "hw:numa_nodes": "1"}
    assert one == {"hw:numa_nodes": "1"} and changed == {"hw:numa_nodes": "2"}
    assert remaining == {"hw:numa_nodes": "2"}
    assert described.description == "changed"

    flavors.delete(admin_compute, private_flavor.id).extract_err()
    assert isinstance(flavors.get(admin_compute, private_flavor.id).err, errors.NotFoundError)
