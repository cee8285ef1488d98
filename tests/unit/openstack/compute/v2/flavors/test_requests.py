"""Compute v2 flavors: listings, CRUD, access to private flavors and extra specs."""

from __future__ import annotations

from typing import Any

import pytest

import oscloud
from oscloud.errors import (
    ConflictError,
    MicroversionError,
    MissingInputError,
    MultipleResourcesFoundError,
    NotFoundError,
    ResourceNotFoundError,
)
from oscloud.openstack.compute.v2 import flavors
from oscloud.openstack.compute.v2._common import Link
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import COMPUTE, Sent, assert_microversion
from tests.unit.openstack.compute.v2.flavors import fixtures as fx
from tests.unit.openstack.compute.v2.flavors.fixtures import path

SPEC = "hw%3Anuma_nodes"  # "hw:numa_nodes" as one quoted path segment


# -- listings ---------------------------------------------------------------------------


def test_list_at_2_75_reads_details_descriptions_and_extra_specs(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors", "detail"), 200, fx.DETAIL_V275)

    got = flavors.extract_flavors(
        flavors.list(compute_client.with_microversion("2.75")).all_pages()
    )

    sent("GET", "/flavors/detail", microversion="2.75")
    assert [f.id for f in got] == ["1", "7"]
    tiny, described = got
    assert isinstance(tiny, flavors.Flavor)
    assert (tiny.name, tiny.ram, tiny.vcpus, tiny.disk, tiny.swap) == ("m1.tiny", 512, 1, 1, 0)
    assert (tiny.ephemeral, tiny.is_public, tiny.disabled) == (0, True, False)
    assert isinstance(tiny.rxtx_factor, float)
    assert tiny.rxtx_factor == 1.0
    assert (tiny.description, tiny.extra_specs) == (None, {})
    assert described.description == "test description"
    assert described.extra_specs == {"hw:cpu_policy": "shared", "hw:numa_nodes": "1"}
    assert described.links[0] == Link(
        href=f"http://openstack.example.com/v2/{fx.TENANT_ID}/flavors/7", rel="self"
    )


def test_list_at_2_1_reads_an_empty_swap_as_zero(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors", "detail"), 200, fx.DETAIL_V21)

    got = list(flavors.list(compute_client).items())

    sent("GET", "/flavors/detail")
    assert [(f.name, f.swap) for f in got] == [("m1.tiny", 0), ("m1.small", 0)]
    assert all(isinstance(f.swap, int) for f in got)
    assert [(f.description, f.extra_specs) for f in got] == [(None, None), (None, None)]


def test_list_sends_every_filter(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors", "detail"), 200, {"flavors": []})
    opts = flavors.ListOpts(
        min_disk=20,
        min_ram=2048,
        is_public=False,
        sort_key="memory_mb",
        sort_dir="desc",
        limit=2,
        marker="3",
    )

    got = list(flavors.list(compute_client, opts).items())

    sent(
        "GET",
        "/flavors/detail",
        query={
            "minDisk": ["20"],
            "minRam": ["2048"],
            "is_public": ["false"],
            "sort_key": ["memory_mb"],
            "sort_dir": ["desc"],
            "limit": ["2"],
            "marker": ["3"],
        },
    )
    assert got == []


@pytest.mark.parametrize(
    ("is_public", "sent_as"),
    [
        (True, "true"),
        (False, "false"),
        (flavors.AccessType.ALL, "none"),
        (flavors.AccessType.PRIVATE, "false"),
    ],
)
def test_list_is_public_filter(
    server: FakeServer, compute_client: ServiceClient, sent: Sent, is_public: Any, sent_as: str
) -> None:
    fx.handle(server, "GET", path("flavors", "detail"), 200, fx.DETAIL_V21)

    list(flavors.list(compute_client, flavors.ListOpts(is_public=is_public)).items())

    sent("GET", "/flavors/detail", query={"is_public": [sent_as]})


def test_list_follows_flavors_links(server: FakeServer, compute_client: ServiceClient) -> None:
    first, second = fx.detail_pages(server.url)
    server.route("GET", path("flavors", "detail"), Reply(200, first), Reply(200, second))

    pager = flavors.list(compute_client, flavors.ListOpts(limit=1))
    assert server.requests == []  # lazy
    names = [f.name for f in pager.items()]

    assert names == ["m1.tiny", "m1.small"]
    assert [(r.method, r.path, r.query) for r in server.requests] == [
        ("GET", COMPUTE + "/flavors/detail", {"limit": ["1"]}),
        ("GET", COMPUTE + "/flavors/detail", {"limit": ["1"], "marker": ["1"]}),
    ]


def test_list_simple_reads_ids_names_and_links(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors"), 200, fx.SUMMARY)

    got = flavors.extract_flavors(flavors.list_simple(compute_client).all_pages())

    sent("GET", "/flavors")
    assert [(f.id, f.name) for f in got] == [("1", "m1.tiny"), ("2", "m1.small")]
    assert (got[0].ram, got[0].vcpus, got[0].swap, got[0].is_public) == (None, None, None, None)
    assert [link.rel for link in got[0].links] == ["self", "bookmark"]


@pytest.mark.parametrize(
    ("opts", "match"),
    [
        (flavors.ListOpts(sort_dir="up"), "sort_dir"),
        (flavors.ListOpts(min_ram=-1), "min_ram must be at least 0"),
        (flavors.ListOpts(min_disk=True), "min_disk must be an integer"),
        (flavors.ListOpts(limit=-5), "limit must be at least 0"),
        (flavors.ListOpts(is_public="yes"), "is_public"),  # type: ignore[arg-type]
    ],
)
def test_list_refuses_bad_filters_before_sending(
    server: FakeServer, compute_client: ServiceClient, opts: flavors.ListOpts, match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        flavors.list(compute_client, opts)

    assert server.requests == []


# -- look-ups -------------------------------------------------------------------------------


def test_find_returns_the_flavor_named_exactly(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors", "detail"), 200, fx.DETAIL_V21)

    got = flavors.find(compute_client, "m1.small")

    sent("GET", "/flavors/detail")
    assert (got.id, got.ram) == ("2", 2048)


def test_id_from_name_reads_the_summary_listing(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors"), 200, fx.SUMMARY)

    assert flavors.id_from_name(compute_client, "m1.tiny") == "1"
    sent("GET", "/flavors")


def test_id_from_name_without_a_match_or_with_two(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    twice = {"flavors": [fx.SUMMARY["flavors"][0], {**fx.SUMMARY["flavors"][1], "name": "m1.tiny"}]}
    server.route("GET", path("flavors"), Reply(200, fx.SUMMARY), Reply(200, twice))

    with pytest.raises(ResourceNotFoundError, match=r"no flavor named 'm1\.huge'"):
        flavors.id_from_name(compute_client, "m1.huge")
    with pytest.raises(MultipleResourcesFoundError, match="1, 2"):
        flavors.id_from_name(compute_client, "m1.tiny")


def test_find_needs_a_name(server: FakeServer, compute_client: ServiceClient) -> None:
    with pytest.raises(MissingInputError):
        flavors.find(compute_client, "")

    assert server.requests == []


# -- get, create, update, delete ----------------------------------------------------------


def test_get_at_2_1(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "GET", path("flavors", "1"), 200, fx.FLAVOR_V21)

    result = flavors.get(compute_client, "1")

    sent("GET", "/flavors/1")
    assert isinstance(result, flavors.GetResult)
    got = result.extract()
    assert got == flavors.Flavor(
        id="1",
        name="m1.tiny",
        ram=512,
        vcpus=1,
        disk=1,
        swap=0,
        ephemeral=0,
        rxtx_factor=1.0,
        is_public=True,
        disabled=False,
        links=tuple(Link.from_json(link) for link in fx.FLAVOR_V21["flavor"]["links"]),
    )


def test_get_at_2_61_reads_description_and_extra_specs(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors", "7"), 200, fx.FLAVOR_V261)

    got = flavors.get(compute_client.with_microversion("2.61"), "7").extract()

    sent("GET", "/flavors/7", microversion="2.61")
    assert got.description == "test description"
    assert got.extra_specs == {"key1": "value1", "key2": "value2"}
    assert (got.swap, got.disk) == (0, 20)


def test_get_missing_flavor_is_not_found(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "GET", path("flavors", "99"), 404, fx.ITEM_NOT_FOUND)

    result = flavors.get(compute_client, "99")

    sent("GET", "/flavors/99")
    assert isinstance(result.err, NotFoundError)
    with pytest.raises(NotFoundError, match="Flavor 99 could not be found"):
        result.extract()


@pytest.mark.parametrize(("flavor_id", "error"), [("", MissingInputError), ("a/b", ValueError)])
def test_get_refuses_a_bad_id_before_sending(
    server: FakeServer, compute_client: ServiceClient, flavor_id: str, error: type[Exception]
) -> None:
    with pytest.raises(error, match="flavor_id"):
        flavors.get(compute_client, flavor_id)

    assert server.requests == []


def test_create_at_2_61_with_a_description(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "POST", path("flavors"), 200, fx.CREATE_RESPONSE_V261)
    opts = flavors.CreateOpts(
        name="test_flavor",
        ram=1024,
        vcpus=2,
        disk=10,
        id="10",
        rxtx_factor=2.0,
        description="test description",
    )

    got = flavors.create(compute_client.with_microversion("2.61"), opts).extract()

    sent("POST", "/flavors", body=fx.CREATE_REQUEST_V261, microversion="2.61")
    assert (got.id, got.name, got.ram, got.vcpus, got.disk) == ("10", "test_flavor", 1024, 2, 10)
    assert (got.rxtx_factor, got.swap, got.description, got.extra_specs) == (
        2.0,
        0,
        "test description",
        {},
    )


def test_create_private_flavor_with_every_size(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "POST", path("flavors"), 200, fx.CREATE_PRIVATE_RESPONSE)
    opts = flavors.CreateOpts(
        name="test_flavor", ram=1024, vcpus=2, disk=10, id="10", swap=0, ephemeral=0,
        is_public=False,
    )  # fmt: skip

    got = flavors.create(compute_client, opts).extract()

    expected = {
        "flavor": {
            **fx.CREATE_PRIVATE_REQUEST["flavor"],
            "swap": 0,
            "OS-FLV-EXT-DATA:ephemeral": 0,
        }
    }
    sent("POST", "/flavors", body=expected)
    assert (got.is_public, got.rxtx_factor, got.description) == (False, None, None)


def test_create_with_a_description_needs_2_55(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    opts = flavors.CreateOpts(name="f", ram=512, vcpus=1, disk=1, description="d")

    with pytest.raises(MicroversionError, match=r"2\.55"):
        flavors.create(compute_client.with_microversion("2.54"), opts)

    assert server.requests == []


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        ({"name": None}, MissingInputError, "CreateOpts.name"),
        ({"ram": None}, MissingInputError, "CreateOpts.ram"),
        ({"vcpus": None}, MissingInputError, "CreateOpts.vcpus"),
        ({"disk": None}, MissingInputError, "CreateOpts.disk"),
        ({"ram": 0}, ValueError, "ram must be at least 1"),
        ({"vcpus": "2"}, ValueError, "vcpus must be an integer"),
        ({"disk": -1}, ValueError, "disk must be at least 0"),
        ({"swap": -1}, ValueError, "swap must be at least 0"),
        ({"ephemeral": 1.5}, ValueError, "ephemeral must be an integer"),
        ({"rxtx_factor": 0}, ValueError, "rxtx_factor"),
        ({"name": " padded "}, ValueError, "spaces"),
        ({"name": "x" * 256}, ValueError, "255"),
        ({"id": "a/b"}, ValueError, "flavor id"),
        ({"is_public": "no"}, ValueError, "is_public"),
        ({"description": "x" * 65536}, ValueError, "65535"),
    ],
)
def test_create_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    changes: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    fields: dict[str, Any] = {"name": "f", "ram": 512, "vcpus": 1, "disk": 1, **changes}

    with pytest.raises(error, match=match):
        flavors.create(compute_client.with_microversion("2.55"), flavors.CreateOpts(**fields))

    assert server.requests == []


def test_create_conflict_is_an_error(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    body = {"conflictingRequest": {"code": 409, "message": "Flavor with name f already exists."}}
    fx.handle(server, "POST", path("flavors"), 409, body)

    result = flavors.create(compute_client, flavors.CreateOpts(name="f", ram=1, vcpus=1, disk=0))

    sent("POST", "/flavors", body={"flavor": {"name": "f", "ram": 1, "vcpus": 1, "disk": 0}})
    with pytest.raises(ConflictError, match="already exists"):
        result.extract()


def test_update_description_at_2_55(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "PUT", path("flavors", "1"), 200, fx.UPDATE_RESPONSE)

    result = flavors.update(
        compute_client.with_microversion("2.75"),
        "1",
        flavors.UpdateOpts(description="updated description"),
    )

    sent("PUT", "/flavors/1", body=fx.UPDATE_REQUEST, microversion="2.75")
    assert isinstance(result, flavors.UpdateResult)
    got = result.extract()
    assert (got.description, got.swap, got.ram) == ("updated description", 0, 512)


def test_update_can_clear_the_description(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    cleared = {"flavor": {**fx.UPDATE_RESPONSE["flavor"], "description": None}}
    fx.handle(server, "PUT", path("flavors", "1"), 200, cleared)

    got = flavors.update(
        compute_client.with_microversion("2.55"), "1", flavors.UpdateOpts(description=oscloud.NULL)
    ).extract()

    sent("PUT", "/flavors/1", body={"flavor": {"description": None}}, microversion="2.55")
    assert got.description is None


def test_update_needs_2_55_and_a_description(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with pytest.raises(MicroversionError, match=r"flavor updates: compute microversion 2\.55"):
        flavors.update(compute_client, "1", flavors.UpdateOpts(description="d"))
    with pytest.raises(MissingInputError, match=r"UpdateOpts\.description"):
        flavors.update(
            compute_client.with_microversion("2.55"),
            "1",
            flavors.UpdateOpts(description=None),  # type: ignore[arg-type]
        )

    assert server.requests == []


def test_delete(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "DELETE", path("flavors", "10"), 202)

    result = flavors.delete(compute_client, "10")

    sent("DELETE", "/flavors/10")
    assert isinstance(result, flavors.DeleteResult)
    result.extract_err()
    assert result.status_code == 202


def test_delete_missing_flavor(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "DELETE", path("flavors", "99"), 404, fx.ITEM_NOT_FOUND)

    result = flavors.delete(compute_client, "99")

    sent("DELETE", "/flavors/99")
    with pytest.raises(NotFoundError):
        result.extract_err()


# -- access to private flavors -------------------------------------------------------------


def test_list_access(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "GET", path("flavors", "10", "os-flavor-access"), 200, fx.ACCESS_LIST)

    got = flavors.extract_accesses(flavors.list_access(compute_client, "10").all_pages())

    sent("GET", "/flavors/10/os-flavor-access")
    assert got == [flavors.FlavorAccess(flavor_id="10", tenant_id="fake_tenant")]


def test_add_access(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "POST", path("flavors", "10", "action"), 200, fx.ACCESS_LIST)

    result = flavors.add_access(
        compute_client.with_microversion("2.7"),
        "10",
        flavors.AddAccessOpts(tenant_id="fake_tenant"),
    )

    sent("POST", "/flavors/10/action", body=fx.ADD_ACCESS_REQUEST, microversion="2.7")
    assert isinstance(result, flavors.AddAccessResult)
    assert result.extract() == [flavors.FlavorAccess(flavor_id="10", tenant_id="fake_tenant")]


def test_add_access_twice_is_a_conflict(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle(server, "POST", path("flavors", "10", "action"), 409, fx.CONFLICT)

    result = flavors.add_access(
        compute_client, "10", flavors.AddAccessOpts(tenant_id="fake_tenant")
    )

    sent("POST", "/flavors/10/action", body=fx.ADD_ACCESS_REQUEST)
    with pytest.raises(ConflictError, match="already exists"):
        result.extract()


def test_remove_access(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "POST", path("flavors", "10", "action"), 200, fx.REMOVE_ACCESS_RESPONSE)

    result = flavors.remove_access(
        compute_client, "10", flavors.RemoveAccessOpts(tenant_id="fake_tenant")
    )

    sent("POST", "/flavors/10/action", body=fx.REMOVE_ACCESS_REQUEST)
    assert isinstance(result, flavors.RemoveAccessResult)
    assert result.extract() == []


@pytest.mark.parametrize("tenant_id", [None, "", "a/b"])
def test_access_actions_refuse_a_bad_project_before_sending(
    server: FakeServer, compute_client: ServiceClient, tenant_id: Any
) -> None:
    with pytest.raises(ValueError, match="tenant"):
        flavors.add_access(compute_client, "10", flavors.AddAccessOpts(tenant_id=tenant_id))
    with pytest.raises(ValueError, match="tenant"):
        flavors.remove_access(compute_client, "10", flavors.RemoveAccessOpts(tenant_id=tenant_id))

    assert server.requests == []


# -- extra specs ---------------------------------------------------------------------------


def test_list_extra_specs(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "GET", path("flavors", "7", "os-extra_specs"), 200, fx.EXTRA_SPECS)

    result = flavors.list_extra_specs(compute_client, "7")

    sent("GET", "/flavors/7/os-extra_specs")
    assert isinstance(result, flavors.ListExtraSpecsResult)
    assert result.extract() == {"hw:cpu_policy": "shared", "hw:numa_nodes": "1"}


def test_create_extra_specs(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "POST", path("flavors", "7", "os-extra_specs"), 200, fx.EXTRA_SPECS)

    got = flavors.create_extra_specs(
        compute_client, "7", {"hw:cpu_policy": "shared", "hw:numa_nodes": "1"}
    ).extract()

    sent("POST", "/flavors/7/os-extra_specs", body=fx.EXTRA_SPECS)
    assert got == fx.EXTRA_SPECS["extra_specs"]


def test_get_extra_spec(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "GET", path("flavors", "7", "os-extra_specs", SPEC), 200, fx.EXTRA_SPEC)

    result = flavors.get_extra_spec(compute_client.with_microversion("2.61"), "7", "hw:numa_nodes")

    sent("GET", f"/flavors/7/os-extra_specs/{SPEC}", microversion="2.61")
    assert isinstance(result, flavors.GetExtraSpecResult)
    assert result.extract() == {"hw:numa_nodes": "1"}


def test_update_extra_spec(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(
        server, "PUT", path("flavors", "7", "os-extra_specs", SPEC), 200, fx.EXTRA_SPEC_UPDATE
    )

    got = flavors.update_extra_spec(compute_client, "7", "hw:numa_nodes", "2").extract()

    sent("PUT", f"/flavors/7/os-extra_specs/{SPEC}", body=fx.EXTRA_SPEC_UPDATE)
    assert got == {"hw:numa_nodes": "2"}


def test_delete_extra_spec(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    fx.handle(server, "DELETE", path("flavors", "7", "os-extra_specs", SPEC), 200)

    result = flavors.delete_extra_spec(compute_client, "7", "hw:numa_nodes")

    sent("DELETE", f"/flavors/7/os-extra_specs/{SPEC}")
    assert isinstance(result, flavors.DeleteExtraSpecResult)
    result.extract_err()
    assert result.status_code == 200


def test_get_missing_extra_spec(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    body = {"itemNotFound": {"code": 404, "message": "Flavor 7 has no extra specs with key nope."}}
    fx.handle(server, "GET", path("flavors", "7", "os-extra_specs", "nope"), 404, body)

    result = flavors.get_extra_spec(compute_client, "7", "nope")

    sent("GET", "/flavors/7/os-extra_specs/nope")
    with pytest.raises(NotFoundError, match="no extra specs with key nope"):
        result.extract()


@pytest.mark.parametrize(
    "specs",
    [
        {"hw/numa": "1"},
        {"": "1"},
        {"hw:numa_nodes": None},
        {"hw:numa_nodes": True},
        {"hw:numa_nodes": "x" * 256},
        {"k" * 256: "1"},
    ],
)
def test_extra_specs_refuse_bad_input_before_sending(
    server: FakeServer, compute_client: ServiceClient, specs: dict[str, Any]
) -> None:
    with pytest.raises(ValueError, match="extra spec"):
        flavors.create_extra_specs(compute_client, "7", specs)
    key, value = next(iter(specs.items()))
    with pytest.raises(ValueError, match="extra spec"):
        flavors.update_extra_spec(compute_client, "7", key, value)

    assert server.requests == []


def test_extra_spec_answer_with_two_keys_is_invalid() -> None:
    result = flavors.GetExtraSpecResult(body={"a": "1", "b": "2"}, status_code=200)

    with pytest.raises(oscloud.errors.InvalidResponseError, match="expected one extra spec"):
        result.extract()


def test_flavor_page_microversion_header_follows_the_client(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, second = fx.detail_pages(server.url)
    server.route("GET", path("flavors", "detail"), Reply(200, first), Reply(200, second))

    list(flavors.list(compute_client.with_microversion("2.61")).items())

    assert len(server.requests) == 2
    for recorded in server.requests:
        assert_microversion(recorded, "2.61")


# -- options classes and old names ---------------------------------------------------------


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"name": "f", "ram": 512, "vcpus": 1, "disk": 1}
    client = compute_client.with_microversion("2.55")

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        flavors.create(client, as_dict)
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        flavors.update(client, "1", {"description": "d"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        flavors.list(client, {"min_ram": 512})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        flavors.list_simple(client, {"min_ram": 512})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected AddAccessOpts, not dict"):
        flavors.add_access(client, "10", {"tenant_id": "t"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected RemoveAccessOpts, not dict"):
        flavors.remove_access(client, "10", {"tenant_id": "t"})  # type: ignore[arg-type]

    assert server.requests == []


def test_rxtx_factor_is_refused_from_2_102(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    opts = flavors.CreateOpts(name="f", ram=512, vcpus=1, disk=1, rxtx_factor=2.0)

    with pytest.raises(MicroversionError, match=r"CreateOpts\.rxtx_factor.*2\.101 or earlier"):
        flavors.create(compute_client.with_microversion("2.102"), opts)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("AddAccessOptsBuilder", flavors.AddAccessOpts),
        ("CreateOptsBuilder", flavors.CreateOpts),
        ("ListOptsBuilder", flavors.ListOpts),
        ("RemoveAccessOptsBuilder", flavors.RemoveAccessOpts),
        ("UpdateOptsBuilder", flavors.UpdateOpts),
    ],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(flavors, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(flavors.requests, old) is new


@pytest.mark.parametrize(
    ("alias", "result_class"),
    [
        ("GetResult", flavors.FlavorResult),
        ("CreateResult", flavors.FlavorResult),
        ("UpdateResult", flavors.FlavorResult),
        ("DeleteResult", ErrResult),
        ("AddAccessResult", flavors.AccessResult),
        ("RemoveAccessResult", flavors.AccessResult),
        ("ListExtraSpecsResult", flavors.ExtraSpecsResult),
        ("CreateExtraSpecsResult", flavors.ExtraSpecsResult),
        ("GetExtraSpecResult", flavors.ExtraSpecResult),
        ("UpdateExtraSpecResult", flavors.ExtraSpecResult),
        ("DeleteExtraSpecResult", ErrResult),
    ],
)
def test_per_operation_result_names_are_kept(alias: str, result_class: type) -> None:
    assert getattr(flavors, alias) is result_class
    assert alias in flavors.__all__
