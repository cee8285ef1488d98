"""Server network interfaces: list, get, attach (port or network), detach."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from oscloud.errors import MicroversionError, MissingInputError, NotFoundError
from oscloud.openstack.compute.v2.extensions import attachinterfaces
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.attachinterfaces import fixtures as fx

BASE = f"/servers/{fx.SERVER_ID}/os-interface"
NIC = attachinterfaces.Interface(
    port_id=fx.PORT_ID,
    net_id=fx.NET_ID,
    mac_addr="fa:16:3e:4c:2c:30",
    port_state="ACTIVE",
    fixed_ips=(
        attachinterfaces.FixedIP(
            ip_address="192.168.1.3", subnet_id="f8a6e8f8-c2ec-497c-9f23-da9616de54ef"
        ),
    ),
)


@pytest.mark.parametrize(
    ("microversion", "body", "tag"), [(None, fx.LIST_V21, None), ("2.70", fx.LIST_V270, "public")]
)
def test_list(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    microversion: str | None,
    body: dict[str, Any],
    tag: str | None,
) -> None:
    server.route("GET", fx.INTERFACES, Reply(200, body))

    got = attachinterfaces.extract_interfaces(
        attachinterfaces.list(
            compute_client.with_microversion(microversion), fx.SERVER_ID
        ).all_pages()
    )

    sent("GET", BASE, microversion=microversion)
    assert got == [attrs.evolve(NIC, tag=tag)]


def test_get(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.INTERFACE, Reply(200, fx.SHOW_V270))

    result = attachinterfaces.get(
        compute_client.with_microversion("2.70"), fx.SERVER_ID, fx.PORT_ID
    )

    sent("GET", f"{BASE}/{fx.PORT_ID}", microversion="2.70")
    assert isinstance(result, attachinterfaces.GetResult)
    got = result.extract()
    assert got.tag == "public"
    assert got.fixed_ips == NIC.fixed_ips


def test_get_not_attached(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.INTERFACE, Reply(404, fx.NOT_FOUND))

    result = attachinterfaces.get(compute_client, fx.SERVER_ID, fx.PORT_ID)

    sent("GET", f"{BASE}/{fx.PORT_ID}")
    with pytest.raises(NotFoundError, match="is not attached"):
        result.extract()


def test_create_with_a_tagged_port_at_2_49(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.INTERFACES, Reply(200, fx.CREATE_RESPONSE))

    result = attachinterfaces.create(
        compute_client.with_microversion("2.49"),
        fx.SERVER_ID,
        attachinterfaces.CreateOpts(port_id=fx.PORT_ID, tag="foo"),
    )

    sent("POST", BASE, body=fx.CREATE_PORT_REQUEST, microversion="2.49")
    assert isinstance(result, attachinterfaces.CreateResult)
    assert result.extract() == NIC


def test_create_on_a_network_with_an_address(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.INTERFACES, Reply(200, fx.CREATE_RESPONSE))

    got = attachinterfaces.create(
        compute_client,
        fx.SERVER_ID,
        attachinterfaces.CreateOpts(net_id=fx.NET_ID, fixed_ips=["192.168.1.3"]),
    ).extract()

    sent("POST", BASE, body=fx.CREATE_NET_REQUEST)
    assert got.fixed_ips[0].ip_address == "192.168.1.3"


def test_create_without_ids_lets_nova_choose(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.INTERFACES, Reply(200, fx.CREATE_RESPONSE))

    attachinterfaces.create(compute_client, fx.SERVER_ID, attachinterfaces.CreateOpts()).extract()

    sent("POST", BASE, body={"interfaceAttachment": {}})


@pytest.mark.parametrize(
    ("microversion", "opts", "error", "match"),
    [
        ("2.48", attachinterfaces.CreateOpts(port_id=fx.PORT_ID, tag="foo"), MicroversionError,
         r"CreateOpts\.tag: compute microversion 2\.49"),
        (None, attachinterfaces.CreateOpts(port_id=fx.PORT_ID, net_id=fx.NET_ID), ValueError,
         "not both"),
        (None, attachinterfaces.CreateOpts(fixed_ips=["10.0.0.2"]), MissingInputError, "net_id"),
        (None, attachinterfaces.CreateOpts(net_id=fx.NET_ID, fixed_ips=[]), ValueError,
         "non-empty"),
        (None, attachinterfaces.CreateOpts(net_id=fx.NET_ID, fixed_ips="10.0.0.2"), ValueError,
         "list"),
    ],
)  # fmt: skip
def test_create_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str | None,
    opts: attachinterfaces.CreateOpts,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        attachinterfaces.create(compute_client.with_microversion(microversion), fx.SERVER_ID, opts)

    assert server.requests == []


def test_delete(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", fx.INTERFACE, Reply(202))

    result = attachinterfaces.delete(compute_client, fx.SERVER_ID, fx.PORT_ID)

    sent("DELETE", f"{BASE}/{fx.PORT_ID}")
    assert isinstance(result, attachinterfaces.DeleteResult)
    result.extract_err()
    assert result.status_code == 202


@pytest.mark.parametrize(("server_id", "port_id"), [("", fx.PORT_ID), (fx.SERVER_ID, "p/1")])
def test_bad_ids_raise_before_sending(
    server: FakeServer, compute_client: ServiceClient, server_id: str, port_id: str
) -> None:
    with pytest.raises(ValueError, match="_id"):
        attachinterfaces.get(compute_client, server_id, port_id)
    with pytest.raises(ValueError, match="_id"):
        attachinterfaces.delete(compute_client, server_id, port_id)

    assert server.requests == []


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"port_id": fx.PORT_ID}

    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        attachinterfaces.create(compute_client, fx.SERVER_ID, as_dict)

    assert server.requests == []


def test_removed_builder_name_warns_and_gives_the_options_class() -> None:
    with pytest.warns(DeprecationWarning, match="CreateOptsBuilder is deprecated: use CreateOpts"):
        assert attachinterfaces.CreateOptsBuilder is attachinterfaces.CreateOpts
    with pytest.warns(DeprecationWarning, match="CreateOptsBuilder"):
        assert attachinterfaces.requests.CreateOptsBuilder is attachinterfaces.CreateOpts


def test_per_operation_result_names_are_kept() -> None:
    assert attachinterfaces.GetResult is attachinterfaces.InterfaceResult
    assert attachinterfaces.CreateResult is attachinterfaces.InterfaceResult
    assert attachinterfaces.DeleteResult is ErrResult
