"""Hypervisors: listings across 2.1/2.33/2.53/2.88, get, statistics, search, servers."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import MicroversionError, MissingInputError, NotFoundError
from oscloud.openstack.compute.v2.extensions import hypervisors
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import COMPUTE, Sent, assert_microversion
from tests.unit.openstack.compute.v2.extensions.hypervisors import fixtures as fx


def test_get_at_2_1_reads_integer_ids_and_a_cpu_info_string(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", f"{fx.HYPERVISORS}/1", Reply(200, fx.SHOW_V21))

    result = hypervisors.get(compute_client, 1)

    sent("GET", "/os-hypervisors/1")
    assert isinstance(result, hypervisors.GetResult)
    got = result.extract()
    assert (got.id, got.hypervisor_hostname, got.hypervisor_version) == ("1", "fake-mini", 1000)
    assert got.service == hypervisors.HypervisorService(
        host="5641188ab2964f88a21042b493585ff8", id="2"
    )
    assert got.cpu_info == {"arch": "x86_64", "model": "Nehalem", "vendor": "Intel"}
    assert (got.vcpus, got.memory_mb, got.free_ram_mb, got.local_gb) == (1, 8192, 7680, 1028)
    assert (got.state, got.status, got.uptime, got.servers) == (None, None, None, None)


def test_list_detail_at_2_53_follows_hypervisors_links(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, second = fx.detail_pages_v253(server.url)
    server.route("GET", f"{fx.HYPERVISORS}/detail", Reply(200, first), Reply(200, second))
    client = compute_client.with_microversion("2.53")

    got = list(hypervisors.list_detail(client, hypervisors.ListOpts(limit=1)).items())

    assert [(r.path, r.query) for r in server.requests] == [
        (f"{COMPUTE}/os-hypervisors/detail", {"limit": ["1"]}),
        (f"{COMPUTE}/os-hypervisors/detail", {"limit": ["1"], "marker": [fx.NODE_ID]}),
    ]
    for recorded in server.requests:
        assert_microversion(recorded, "2.53")
    (node,) = got
    assert node.id == fx.NODE_ID
    assert node.host_ip == "1.1.1.1"
    assert isinstance(node.cpu_info, dict)
    assert node.cpu_info["topology"] == {"cores": 1, "threads": 1, "sockets": 4}
    assert node.service == hypervisors.HypervisorService(
        host="host1", id="62f62f6e-a713-4cbe-87d3-3ecf8a1e0f8d"
    )
    assert (node.vcpus, node.vcpus_used, node.memory_mb_used, node.running_vms) == (2, 0, 512, 0)


def test_list_at_2_53(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.HYPERVISORS, Reply(200, fx.LIST_V253))

    got = hypervisors.extract_hypervisors(
        hypervisors.list(compute_client.with_microversion("2.53")).all_pages()
    )

    sent("GET", "/os-hypervisors", microversion="2.53")
    assert got == [
        hypervisors.Hypervisor(
            id=fx.NODE_ID, hypervisor_hostname="fake-mini", state="up", status="enabled"
        )
    ]


def test_list_with_pattern_and_servers_at_2_53(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.HYPERVISORS, Reply(200, fx.WITH_SERVERS_V253))
    opts = hypervisors.ListOpts(hypervisor_hostname_pattern="fake", with_servers=True)

    (node,) = hypervisors.list(compute_client.with_microversion("2.53"), opts).items()

    sent(
        "GET",
        "/os-hypervisors",
        query={"hypervisor_hostname_pattern": ["fake"], "with_servers": ["true"]},
        microversion="2.53",
    )
    assert node.servers is not None
    assert [s.name for s in node.servers] == ["test_server1", "test_server2"]


@pytest.mark.parametrize(
    ("microversion", "opts", "error", "match"),
    [
        ("2.32", hypervisors.ListOpts(limit=1), MicroversionError, r"ListOpts\.limit.*2\.33"),
        ("2.52", hypervisors.ListOpts(with_servers=True), MicroversionError,
         r"ListOpts\.with_servers.*2\.53"),
        ("2.52", hypervisors.ListOpts(hypervisor_hostname_pattern="x"), MicroversionError,
         r"2\.53"),
        ("2.53", hypervisors.ListOpts(hypervisor_hostname_pattern="x", limit=1), ValueError,
         "cannot be combined"),
        ("2.53", hypervisors.ListOpts(limit=-1), ValueError, "at least 0"),
    ],
)  # fmt: skip
def test_list_refuses_options_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str,
    opts: hypervisors.ListOpts,
    error: type[Exception],
    match: str,
) -> None:
    client = compute_client.with_microversion(microversion)
    with pytest.raises(error, match=match):
        hypervisors.list(client, opts)
    with pytest.raises(error, match=match):
        hypervisors.list_detail(client, opts)

    assert server.requests == []


def test_get_with_servers_at_2_88(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", f"{fx.HYPERVISORS}/{fx.NODE_ID_288}", Reply(200, fx.SHOW_WITH_SERVERS_V288))

    got = hypervisors.get(
        compute_client.with_microversion("2.88"),
        fx.NODE_ID_288,
        hypervisors.GetOpts(with_servers=True),
    ).extract()

    sent(
        "GET",
        f"/os-hypervisors/{fx.NODE_ID_288}",
        query={"with_servers": ["true"]},
        microversion="2.88",
    )
    assert got.servers == (
        hypervisors.HypervisorServer(
            name="test_server1", uuid="aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"
        ),
        hypervisors.HypervisorServer(
            name="test_server2", uuid="bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb"
        ),
    )
    # the resource fields went away in 2.88
    assert (got.vcpus, got.memory_mb, got.cpu_info, got.uptime) == (None, None, None, None)
    assert (got.host_ip, got.hypervisor_type) == ("192.168.1.135", "fake")


@pytest.mark.parametrize(
    ("hypervisor_id", "opts", "microversion", "error"),
    [
        ("", None, None, MissingInputError),
        ("a/b", None, None, ValueError),
        (True, None, None, TypeError),
        ("1", hypervisors.GetOpts(with_servers=True), "2.52", MicroversionError),
    ],
)
def test_get_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    hypervisor_id: Any,
    opts: hypervisors.GetOpts | None,
    microversion: str | None,
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        hypervisors.get(compute_client.with_microversion(microversion), hypervisor_id, opts)

    assert server.requests == []


def test_get_statistics(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", f"{fx.HYPERVISORS}/statistics", Reply(200, fx.STATISTICS))

    result = hypervisors.get_statistics(compute_client.with_microversion("2.87"))

    sent("GET", "/os-hypervisors/statistics", microversion="2.87")
    assert isinstance(result, hypervisors.StatisticsResult)
    assert result.extract() == hypervisors.Statistics(
        count=1,
        current_workload=0,
        disk_available_least=0,
        free_disk_gb=1028,
        free_ram_mb=7680,
        local_gb=1028,
        local_gb_used=0,
        memory_mb=8192,
        memory_mb_used=512,
        running_vms=0,
        vcpus=2,
        vcpus_used=0,
    )


def test_get_statistics_is_gone_from_2_88(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    removed = r"hypervisor statistics: .* 2\.87 or earlier is required \(2\.88 removed it\)"
    with pytest.raises(MicroversionError, match=removed):
        hypervisors.get_statistics(compute_client.with_microversion("2.88"))

    assert server.requests == []


def test_search_before_2_53_uses_the_search_url(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", f"{fx.HYPERVISORS}/fake/search", Reply(200, fx.SEARCH_V21))

    got = list(hypervisors.search(compute_client, "fake").items())

    sent("GET", "/os-hypervisors/fake/search")
    assert [(h.id, h.hypervisor_hostname) for h in got] == [("1", "fake-mini")]


def test_search_from_2_53_uses_the_listing_query(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.HYPERVISORS, Reply(200, fx.SEARCH_V288))

    got = list(hypervisors.search(compute_client.with_microversion("2.88"), "fake").items())

    sent(
        "GET",
        "/os-hypervisors",
        query={"hypervisor_hostname_pattern": ["fake"]},
        microversion="2.88",
    )
    assert [h.id for h in got] == ["6b7876c5-9ae7-4fa7-a5c8-28c796d17381"]


def test_search_without_a_match(server: FakeServer, compute_client: ServiceClient) -> None:
    server.route("GET", f"{fx.HYPERVISORS}/nope/search", Reply(404, fx.NOT_FOUND))

    with pytest.raises(NotFoundError, match="No hypervisor matching"):
        list(hypervisors.search(compute_client, "nope").items())


def test_list_servers_before_2_53(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", f"{fx.HYPERVISORS}/fake/servers", Reply(200, fx.SERVERS_V21))

    (node,) = hypervisors.list_servers(compute_client, "fake").items()

    sent("GET", "/os-hypervisors/fake/servers")
    assert node.servers is not None
    assert [s.uuid for s in node.servers] == [
        "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa",
        "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb",
    ]


def test_list_servers_from_2_53(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.HYPERVISORS, Reply(200, fx.WITH_SERVERS_V253))

    (node,) = hypervisors.list_servers(compute_client.with_microversion("2.53"), "fake").items()

    sent(
        "GET",
        "/os-hypervisors",
        query={"hypervisor_hostname_pattern": ["fake"], "with_servers": ["true"]},
        microversion="2.53",
    )
    assert node.id == "b1e43b5f-eec1-44e0-9f10-7b4945c0226d"


@pytest.mark.parametrize("pattern", ["", None, "a/b"])
def test_search_and_servers_refuse_a_bad_pattern(
    server: FakeServer, compute_client: ServiceClient, pattern: Any
) -> None:
    with pytest.raises(ValueError, match="pattern"):
        hypervisors.search(compute_client, pattern)
    with pytest.raises(ValueError, match="pattern"):
        hypervisors.list_servers(compute_client, pattern)

    assert server.requests == []


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    client = compute_client.with_microversion("2.53")
    as_dict: Any = {"with_servers": True}

    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        hypervisors.list(client, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        hypervisors.list_detail(client, as_dict)
    with pytest.raises(TypeError, match="expected GetOpts, not dict"):
        hypervisors.get(client, fx.NODE_ID_288, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("GetOptsBuilder", hypervisors.GetOpts), ("ListOptsBuilder", hypervisors.ListOpts)],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(hypervisors, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(hypervisors.requests, old) is new


def test_get_result_is_the_hypervisor_result() -> None:
    assert hypervisors.GetResult is hypervisors.HypervisorResult
