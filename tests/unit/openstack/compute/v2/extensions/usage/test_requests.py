"""Simple tenant usage: every project and one project, dates on the wire, 2.40 paging."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from oscloud.errors import MicroversionError, MissingInputError
from oscloud.openstack.compute.v2.extensions import usage
from oscloud.pagination import SinglePage
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent, assert_microversion
from tests.unit.openstack.compute.v2.extensions.usage import fixtures as fx

UTC = _dt.timezone.utc
START = _dt.datetime(2012, 10, 8, 20, 10, 44, 587336, tzinfo=UTC)
END = _dt.datetime(2012, 10, 8, 21, 10, 44, 587336, tzinfo=UTC)


def test_all_tenants_at_2_1(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.ALL, Reply(200, fx.ALL_V21))

    got = usage.extract_all_tenants(usage.list_all_tenants(compute_client).all_pages())

    sent("GET", "/os-simple-tenant-usage")
    assert got == [
        usage.TenantUsage(
            tenant_id="openstack",
            start=_dt.datetime(2012, 10, 8, 21, 10, 44, 587336, tzinfo=UTC),
            stop=_dt.datetime(2012, 10, 8, 22, 10, 44, 587336, tzinfo=UTC),
            total_hours=1.0,
            total_local_gb_usage=0.0,
            total_memory_mb_usage=512.0,
            total_vcpus_usage=1.0,
        )
    ]


def test_all_tenants_sends_the_period_as_nova_reads_it(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.ALL, Reply(200, {"tenant_usages": []}))
    # an aware start in another zone and a naive (UTC) end
    start = _dt.datetime(
        2012, 10, 8, 22, 10, 44, 587336, tzinfo=_dt.timezone(_dt.timedelta(hours=2))
    )
    opts = usage.AllTenantsOpts(start=start, end=_dt.datetime(2012, 10, 8, 21, 10), detailed=True)

    list(usage.list_all_tenants(compute_client, opts).items())

    sent(
        "GET",
        "/os-simple-tenant-usage",
        query={
            "start": ["2012-10-08T20:10:44.587336"],
            "end": ["2012-10-08T21:10:00.000000"],
            "detailed": ["1"],
        },
    )


def test_all_tenants_detailed_at_2_40_follows_links(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, last = fx.all_detail_pages(server.url)
    server.route("GET", fx.ALL, Reply(200, first), Reply(200, last))
    opts = usage.AllTenantsOpts(detailed=True, limit=1)

    got = list(usage.list_all_tenants(compute_client.with_microversion("2.40"), opts).items())

    assert [(r.path, r.query) for r in server.requests] == [
        (fx.ALL, {"detailed": ["1"], "limit": ["1"]}),
        (fx.ALL, {"detailed": ["1"], "limit": ["1"], "marker": [fx.INSTANCE_ID]}),
    ]
    for recorded in server.requests:
        assert_microversion(recorded, "2.40")
    (tenant,) = got
    (server_usage,) = tenant.server_usages
    assert server_usage == usage.ServerUsage(
        instance_id=fx.INSTANCE_ID,
        name="instance-2",
        flavor="m1.tiny",
        hours=1.0,
        local_gb=1,
        memory_mb=512,
        vcpus=1,
        state="active",
        tenant_id=fx.TENANT_ID,
        uptime=3600,
        started_at=_dt.datetime(2012, 10, 8, 20, 10, 44, 541277, tzinfo=UTC),
        ended_at=None,
    )


def test_single_tenant_pages_through_servers_and_adds_up_totals(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    first, second, last = fx.single_pages(server.url)
    server.route("GET", fx.SINGLE, Reply(200, first), Reply(200, second), Reply(200, last))
    opts = usage.SingleTenantOpts(start=START, end=END, limit=1)

    pager = usage.list_single_tenant(compute_client.with_microversion("2.40"), fx.TENANT_ID, opts)
    assert server.requests == []
    combined = pager.all_pages()

    period = {"start": ["2012-10-08T20:10:44.587336"], "end": ["2012-10-08T21:10:44.587336"]}
    assert [(r.path, r.query) for r in server.requests] == [
        (fx.SINGLE, {**period, "limit": ["1"]}),
        (fx.SINGLE, {**period, "limit": ["1"], "marker": [fx.INSTANCE_ID]}),
        (fx.SINGLE, {**period, "limit": ["1"], "marker": [fx.SECOND_ID]}),
    ]
    assert [s.instance_id for s in combined.extract()] == [fx.INSTANCE_ID, fx.SECOND_ID]
    totals = usage.extract_single_tenant(combined)
    assert totals is not None
    assert (totals.tenant_id, totals.total_hours, totals.total_memory_mb_usage) == (
        fx.TENANT_ID,
        1.5,
        768.0,
    )
    assert totals.start == START
    assert [s.name for s in totals.server_usages] == ["instance-2", "instance-3"]


def test_single_tenant_one_page_at_2_1(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    first, _, _ = fx.single_pages(server.url)
    body = {"tenant_usage": first["tenant_usage"]}
    server.route("GET", fx.SINGLE, Reply(200, body))

    (page,) = usage.list_single_tenant(compute_client, fx.TENANT_ID)

    sent("GET", f"/os-simple-tenant-usage/{fx.TENANT_ID}")
    assert isinstance(page, usage.SingleTenantPage)
    got = usage.extract_single_tenant(page)
    assert got is not None
    assert (got.total_hours, got.stop) == (1.0, END)


def test_single_tenant_without_usage(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.SINGLE, Reply(200, {"tenant_usage": {}}))

    pager = usage.list_single_tenant(compute_client, fx.TENANT_ID)
    assert list(pager.items()) == []
    assert usage.extract_single_tenant(pager.all_pages()) is None

    assert [r.path for r in server.requests] == [fx.SINGLE, fx.SINGLE]


def test_extract_single_tenant_needs_its_page() -> None:
    with pytest.raises(TypeError, match="SingleTenantPage"):
        usage.extract_single_tenant(SinglePage(url="u", body=[]))


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda c: usage.list_all_tenants(c, usage.AllTenantsOpts(limit=1)), MicroversionError,
         r"AllTenantsOpts\.limit: compute microversion 2\.40 or later"),
        (lambda c: usage.list_single_tenant(c, fx.TENANT_ID, usage.SingleTenantOpts(
            marker="x")), MicroversionError, r"SingleTenantOpts\.marker: .*2\.40"),
        (lambda c: usage.list_all_tenants(c.with_microversion("2.39"), usage.AllTenantsOpts(
            marker="x")), MicroversionError, r"AllTenantsOpts\.marker: .*2\.40"),
        (lambda c: usage.list_all_tenants(c, usage.AllTenantsOpts(start=END, end=START)),
         ValueError, "before start"),
        (lambda c: usage.list_single_tenant(c, fx.TENANT_ID, usage.SingleTenantOpts(
            start="2012-10-08")), ValueError, "datetimes"),  # type: ignore[arg-type]
        (lambda c: usage.list_single_tenant(c, ""), MissingInputError, "tenant_id"),
        (lambda c: usage.list_single_tenant(c, "a/b"), ValueError, "tenant_id"),
    ],
)  # fmt: skip
def test_bad_input_raises_before_sending(
    server: FakeServer, compute_client: ServiceClient, call: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        call(compute_client)

    assert server.requests == []


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"detailed": True}
    with pytest.raises(TypeError, match="expected AllTenantsOpts, not dict"):
        usage.list_all_tenants(compute_client, as_dict)
    with pytest.raises(TypeError, match="expected SingleTenantOpts, not dict"):
        usage.list_single_tenant(compute_client, fx.TENANT_ID, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("AllTenantsOptsBuilder", usage.AllTenantsOpts),
        ("SingleTenantOptsBuilder", usage.SingleTenantOpts),
    ],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(usage, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(usage.requests, old) is new
