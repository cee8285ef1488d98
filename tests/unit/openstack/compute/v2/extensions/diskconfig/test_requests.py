"""The disk config extension: it reads ``OS-DCF:diskConfig``; its old option wrappers warn."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import InvalidResponseError, MissingInputError, NotFoundError
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.compute.v2.extensions import diskconfig
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.servers import fixtures as fx
from tests.unit.openstack.compute.v2.servers.fixtures import SERVER_ID, path

ACTION = f"/servers/{SERVER_ID}/action"


def test_create_adds_disk_config_to_the_server_body(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("servers"), Reply(202, fx.CREATE_RESPONSE))
    base = servers.CreateOpts(
        name="new-server-test",
        image_ref=fx.IMAGE_ID,
        flavor_ref="1",
        metadata={"My Server Name": "Apache1"},
        scheduler_hints={"group": "f3d86fe6-4246-4be8-b87c-eb894626c741"},
    )
    with pytest.deprecated_call(match=r"diskconfig\.CreateOptsExt is deprecated"):
        opts = diskconfig.CreateOptsExt(
            create_opts_builder=base, disk_config=diskconfig.DiskConfig.AUTO
        )

    result = servers.create(compute_client, opts)

    sent(
        "POST",
        "/servers",
        body={
            "server": {
                "name": "new-server-test",
                "imageRef": fx.IMAGE_ID,
                "flavorRef": "1",
                "metadata": {"My Server Name": "Apache1"},
                "OS-DCF:diskConfig": "AUTO",
            },
            "os:scheduler_hints": {"group": "f3d86fe6-4246-4be8-b87c-eb894626c741"},
        },
    )
    assert result.extract().id == fx.CREATED_ID
    assert diskconfig.extract_get(result) is diskconfig.DiskConfig.AUTO


def test_get_then_extract_get_reads_the_disk_config(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_get(server, fx.server_with(fx.SERVER_V247, **{"OS-DCF:diskConfig": "MANUAL"}))

    result = servers.get(compute_client.with_microversion("2.47"), SERVER_ID)

    sent("GET", f"/servers/{SERVER_ID}", microversion="2.47")
    assert diskconfig.extract_get(result) is diskconfig.DiskConfig.MANUAL
    assert result.extract().name == "new-server-test"  # the base model from the same result


def test_extract_get_of_a_server_without_the_field_is_none(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_get(server, fx.SERVER_V21)

    assert diskconfig.extract_get(servers.get(compute_client, SERVER_ID)) is None


def test_extract_get_raises_the_results_error(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_not_found(server, "GET", path("servers", SERVER_ID))

    result = servers.get(compute_client, SERVER_ID)

    with pytest.raises(NotFoundError, match=fx.NOT_FOUND_MESSAGE):
        diskconfig.extract_get(result)


def test_extract_get_rejects_an_unknown_value(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    fx.handle_get(server, fx.server_with(fx.SERVER_V247, **{"OS-DCF:diskConfig": "SOMETIMES"}))

    result = servers.get(compute_client, SERVER_ID)

    with pytest.raises(InvalidResponseError, match="SOMETIMES"):
        diskconfig.extract_get(result)


def test_extract_disk_configs_of_a_listing_page(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    first, _ = fx.detail_pages(server.url)
    second = fx.server_with(fx.SERVER_V21)["server"]  # no OS-DCF:diskConfig
    body = {"servers": [*first["servers"], second]}
    server.route("GET", path("servers", "detail"), Reply(200, body))

    (page,) = list(servers.list(compute_client.with_microversion("2.47")))

    sent("GET", "/servers/detail", microversion="2.47")
    assert diskconfig.extract_disk_configs(page) == {
        "764e369e-a874-4401-b7ce-43e4760888da": diskconfig.DiskConfig.AUTO,
        SERVER_ID: None,
    }


def test_rebuild_adds_disk_config_to_the_rebuild_body(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server, 202, fx.REBUILD_RESPONSE_V247)
    with pytest.deprecated_call(match=r"diskconfig\.RebuildOptsExt is deprecated"):
        opts = diskconfig.RebuildOptsExt(
            rebuild_opts_builder=servers.RebuildOpts(image_ref=fx.IMAGE_ID, name="foobar"),
            disk_config="MANUAL",
        )

    result = servers.rebuild(compute_client.with_microversion("2.47"), SERVER_ID, opts)

    sent(
        "POST",
        ACTION,
        microversion="2.47",
        body={
            "rebuild": {"imageRef": fx.IMAGE_ID, "name": "foobar", "OS-DCF:diskConfig": "MANUAL"}
        },
    )
    assert result.extract().name == "foobar"
    assert diskconfig.extract_get(result) is diskconfig.DiskConfig.AUTO


def test_resize_adds_disk_config_to_the_resize_body(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    fx.handle_action(server)
    with pytest.deprecated_call(match=r"diskconfig\.ResizeOptsExt is deprecated"):
        opts = diskconfig.ResizeOptsExt(
            resize_opts_builder=servers.ResizeOpts(flavor_ref="2"),
            disk_config=diskconfig.DiskConfig.MANUAL,
        )

    servers.resize(compute_client, SERVER_ID, opts).extract_err()

    sent("POST", ACTION, body={"resize": {"flavorRef": "2", "OS-DCF:diskConfig": "MANUAL"}})


def test_update_adds_disk_config_to_the_server_body(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", path("servers", SERVER_ID), Reply(200, fx.UPDATE_RESPONSE_V290))
    with pytest.deprecated_call(match=r"diskconfig\.UpdateOptsExt is deprecated"):
        opts = diskconfig.UpdateOptsExt(
            update_opts_builder=servers.UpdateOpts(access_ipv4="4.3.2.1"), disk_config="AUTO"
        )

    result = servers.update(compute_client.with_microversion("2.90"), SERVER_ID, opts)

    sent(
        "PUT",
        f"/servers/{SERVER_ID}",
        microversion="2.90",
        body={"server": {"accessIPv4": "4.3.2.1", "OS-DCF:diskConfig": "AUTO"}},
    )
    assert diskconfig.extract_get(result) is diskconfig.DiskConfig.AUTO


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (
            lambda c: servers.create(
                c,
                diskconfig.CreateOptsExt(
                    create_opts_builder=servers.CreateOpts(
                        name="x", image_ref=fx.IMAGE_ID, flavor_ref="1"
                    ),
                    disk_config="PARTIAL",
                ),
            ),
            ValueError,
            "'PARTIAL' is not a valid DiskConfig",
        ),
        (
            lambda c: servers.create(
                c,
                diskconfig.CreateOptsExt(
                    create_opts_builder=servers.CreateOpts(name="x", image_ref=fx.IMAGE_ID),
                    disk_config="AUTO",
                ),
            ),
            MissingInputError,
            "flavor_ref is required",
        ),
        (
            lambda c: servers.resize(
                c,
                SERVER_ID,
                diskconfig.ResizeOptsExt(
                    resize_opts_builder=servers.ResizeOpts(flavor_ref="2"), disk_config="auto"
                ),
            ),
            ValueError,
            "not a valid DiskConfig",
        ),
    ],
)
def test_bad_input_raises_before_any_request(
    server: FakeServer,
    compute_client: ServiceClient,
    call: Any,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match), pytest.deprecated_call():
        call(compute_client)

    assert server.requests == []


@pytest.mark.parametrize(
    ("make", "base", "wanted"),
    [
        (
            lambda b, d: diskconfig.CreateOptsExt(create_opts_builder=b, disk_config=d),
            servers.CreateOpts(name="x", image_ref=fx.IMAGE_ID, flavor_ref="1"),
            servers.CreateOpts(name="x", image_ref=fx.IMAGE_ID, flavor_ref="1", disk_config="AUTO"),
        ),
        (
            lambda b, d: diskconfig.RebuildOptsExt(rebuild_opts_builder=b, disk_config=d),
            servers.RebuildOpts(image_ref=fx.IMAGE_ID),
            servers.RebuildOpts(image_ref=fx.IMAGE_ID, disk_config="AUTO"),
        ),
        (
            lambda b, d: diskconfig.ResizeOptsExt(resize_opts_builder=b, disk_config=d),
            servers.ResizeOpts(flavor_ref="2"),
            servers.ResizeOpts(flavor_ref="2", disk_config="AUTO"),
        ),
        (
            lambda b, d: diskconfig.UpdateOptsExt(update_opts_builder=b, disk_config=d),
            servers.UpdateOpts(name="n"),
            servers.UpdateOpts(name="n", disk_config="AUTO"),
        ),
    ],
)
def test_the_old_wrappers_give_the_server_options_with_the_disk_config_and_warn(
    make: Any, base: Any, wanted: Any
) -> None:
    with pytest.deprecated_call(match=r"is deprecated: use servers\.\w+Opts\(disk_config=\.\.\.\)"):
        got = make(base, "AUTO")

    assert got == wanted
    assert type(got) is type(base)


def test_an_old_wrapper_needs_the_server_options_not_a_dict(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    with (
        pytest.raises(TypeError, match=r"expected CreateOpts, not dict"),
        pytest.deprecated_call(),
    ):
        servers.create(
            compute_client,
            diskconfig.CreateOptsExt(create_opts_builder={"name": "x"}, disk_config="AUTO"),  # type: ignore[arg-type]
        )

    assert server.requests == []


def test_the_disk_config_is_a_field_of_the_server_options(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", path("servers"), Reply(202, fx.CREATE_RESPONSE))
    opts = servers.CreateOpts(
        name="x", image_ref=fx.IMAGE_ID, flavor_ref="1", disk_config=diskconfig.DiskConfig.AUTO
    )

    result = servers.create(compute_client, opts)

    sent(
        "POST",
        "/servers",
        body={
            "server": {
                "name": "x",
                "imageRef": fx.IMAGE_ID,
                "flavorRef": "1",
                "OS-DCF:diskConfig": "AUTO",
            }
        },
    )
    assert diskconfig.extract_get(result) is diskconfig.DiskConfig.AUTO


def test_the_enum_is_the_one_of_servers() -> None:
    assert diskconfig.DiskConfig is servers.DiskConfig
    assert set(diskconfig.__all__) == {
        "CreateOptsExt",
        "DiskConfig",
        "RebuildOptsExt",
        "ResizeOptsExt",
        "UpdateOptsExt",
        "disk_config_from_json",
        "extract_disk_configs",
        "extract_get",
    }
