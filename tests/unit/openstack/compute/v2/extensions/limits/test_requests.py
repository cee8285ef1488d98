"""Compute limits: absolute limits and use at 2.1 and 2.36, rate limits, another project."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from oscloud.errors import ForbiddenError, InvalidResponseError
from oscloud.openstack.compute.v2.extensions import limits
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.limits import fixtures as fx


def test_get_at_2_1(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.LIMITS, Reply(200, fx.LIMITS_V21))

    result = limits.get(compute_client)

    sent("GET", "/limits")
    assert isinstance(result, limits.GetResult)
    got = result.extract()
    assert got.rate == ()
    assert got.absolute == limits.Absolute(
        max_image_meta=128,
        max_personality=5,
        max_personality_size=10240,
        max_security_group_rules=20,
        max_security_groups=10,
        max_server_meta=128,
        max_total_cores=20,
        max_total_floating_ips=10,
        max_total_instances=10,
        max_total_keypairs=100,
        max_total_ram_size=51200,
        max_server_groups=10,
        max_server_group_members=10,
        total_cores_used=0,
        total_floating_ips_used=0,
        total_instances_used=0,
        total_ram_used=0,
        total_security_groups_used=0,
        total_server_groups_used=0,
    )


def test_get_at_2_36_has_no_network_limits(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.LIMITS, Reply(200, fx.LIMITS_V236))

    got = limits.get(compute_client.with_microversion("2.36")).extract().absolute

    sent("GET", "/limits", microversion="2.36")
    assert (got.max_total_floating_ips, got.max_security_groups, got.total_floating_ips_used) == (
        None,
        None,
        None,
    )
    assert (got.max_total_cores, got.total_ram_used) == (20, 0)
    assert isinstance(got.max_total_ram_size, int)


def test_get_reads_rate_limits(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.LIMITS, Reply(200, fx.LIMITS_WITH_RATE))

    got = limits.get(compute_client).extract()

    sent("GET", "/limits")
    assert got.rate == (
        limits.RateLimit(
            uri="*",
            regex=".*",
            limits=(
                limits.RateLimitEntry(
                    verb="POST",
                    value=10,
                    remaining=2,
                    unit="MINUTE",
                    next_available=_dt.datetime(2011, 12, 15, 22, 42, 45, tzinfo=_dt.timezone.utc),
                ),
            ),
        ),
    )
    assert got.absolute.total_instances_used == 2


def test_get_another_projects_limits(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.LIMITS, Reply(200, fx.LIMITS_V236))

    limits.get(
        compute_client, limits.GetOpts(tenant_id="6f70656e737461636b20342065766572")
    ).extract()

    sent("GET", "/limits", query={"tenant_id": ["6f70656e737461636b20342065766572"]})


def test_get_forbidden_for_another_project(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    body = {"forbidden": {"code": 403, "message": "Policy doesn't allow it to be performed."}}
    server.route("GET", fx.LIMITS, Reply(403, body))

    result = limits.get(compute_client, limits.GetOpts(tenant_id="other"))

    sent("GET", "/limits", query={"tenant_id": ["other"]})
    with pytest.raises(ForbiddenError):
        result.extract()


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"tenant_id": "p1"}

    with pytest.raises(TypeError, match="expected GetOpts, not dict"):
        limits.get(compute_client, as_dict)

    assert server.requests == []


def test_removed_builder_name_warns_and_gives_the_options_class() -> None:
    with pytest.warns(DeprecationWarning, match="GetOptsBuilder is deprecated: use GetOpts"):
        assert limits.GetOptsBuilder is limits.GetOpts
    with pytest.warns(DeprecationWarning, match="GetOptsBuilder"):
        assert limits.requests.GetOptsBuilder is limits.GetOpts


def test_get_result_is_the_limits_result() -> None:
    assert limits.GetResult is limits.LimitsResult


def test_a_fraction_for_a_limit_is_an_invalid_response() -> None:
    result = limits.GetResult(body={"limits": {"absolute": {"maxTotalCores": 1.5}}})

    with pytest.raises(InvalidResponseError, match="Limits"):
        result.extract()
