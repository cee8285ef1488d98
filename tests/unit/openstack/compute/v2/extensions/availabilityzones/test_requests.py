"""Availability zones: the plain and the detailed listing."""

from __future__ import annotations

import datetime as _dt

import pytest

from oscloud.errors import ForbiddenError
from oscloud.openstack.compute.v2.extensions import availabilityzones
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.availabilityzones import fixtures as fx


def test_list(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.ZONES, Reply(200, fx.LIST))

    pager = availabilityzones.list(compute_client)
    assert server.requests == []
    got = availabilityzones.extract_zones(pager.all_pages())

    sent("GET", "/os-availability-zone")
    assert got == [availabilityzones.AvailabilityZone(zone_name="nova", available=True)]


def test_list_detail(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.DETAIL, Reply(200, fx.DETAIL_RESPONSE))

    got = list(availabilityzones.list_detail(compute_client.with_microversion("2.1")).items())

    sent("GET", "/os-availability-zone/detail", microversion="2.1")
    internal, nova = got
    assert internal.zone_name == "internal"
    assert sorted(internal.hosts or {}) == ["conductor", "scheduler"]
    assert internal.hosts is not None
    assert internal.hosts["conductor"]["nova-conductor"] == availabilityzones.ServiceState(
        available=True, active=True, updated_at=None
    )
    assert nova.hosts is not None
    state = nova.hosts["compute"]["nova-compute"]
    assert state.updated_at == _dt.datetime(2012, 12, 26, 14, 45, 25, tzinfo=_dt.timezone.utc)


def test_unavailable_zone(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    body = {"availabilityZoneInfo": [{"zoneName": "az2", "zoneState": {"available": False}}]}
    server.route("GET", fx.ZONES, Reply(200, body))

    (zone,) = availabilityzones.list(compute_client).items()

    sent("GET", "/os-availability-zone")
    assert (zone.zone_name, zone.available, zone.hosts) == ("az2", False, None)


def test_list_detail_forbidden(server: FakeServer, compute_client: ServiceClient) -> None:
    body = {"forbidden": {"code": 403, "message": "Policy doesn't allow it to be performed."}}
    server.route("GET", fx.DETAIL, Reply(403, body))

    with pytest.raises(ForbiddenError):
        list(availabilityzones.list_detail(compute_client).items())
