"""Block storage v3 limits, over loopback."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from oscloud._wire import WIRE_KEY
from oscloud.errors import MicroversionError
from oscloud.openstack.blockstorage.v3 import limits
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import VOLUME, Sent
from tests.unit.openstack.blockstorage.v3.limits import fixtures as fx


def test_get(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", f"{VOLUME}/limits", Reply(200, fx.LIMITS))

    got = limits.get(cinder).extract()

    sent("GET", "/limits")
    assert got.rate == ()
    assert got.absolute == limits.AbsoluteLimits(
        max_total_volumes=10,
        max_total_snapshots=10,
        max_total_volume_gigabytes=1000,
        max_total_backups=10,
        max_total_backup_gigabytes=1000,
        total_volumes_used=0,
        total_snapshots_used=0,
        total_gigabytes_used=0,
        total_backups_used=0,
        total_backup_gigabytes_used=0,
    )


def test_get_for_another_project_at_3_39(
    server: FakeServer, cinder: ServiceClient, sent: Sent
) -> None:
    server.route("GET", f"{VOLUME}/limits", Reply(200, fx.LIMITS))

    limits.get(cinder.with_microversion("3.39"), "p2").extract()

    sent("GET", "/limits", query={"project_id": ["p2"]}, microversion="3.39")


def test_get_for_another_project_needs_3_39(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MicroversionError, match=r"GetOpts\.project_id: .* 3\.39"):
        limits.get(cinder, "p2")

    assert server.requests == []


def test_a_project_id_that_is_not_a_string_is_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    as_dict: Any = {"project_id": "p2"}

    with pytest.raises(TypeError, match="project_id must be a str, not dict"):
        limits.get(cinder.with_microversion("3.39"), as_dict)

    assert server.requests == []


def test_the_query_is_declared_with_its_microversion() -> None:
    (field,) = attrs.fields(limits.GetOpts)

    assert field.metadata[WIRE_KEY].min_version == "3.39"
    assert limits.GetResult is limits.LimitsResult
