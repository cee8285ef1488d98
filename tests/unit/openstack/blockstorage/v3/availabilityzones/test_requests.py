"""Block storage v3 availability zones, over loopback."""

from __future__ import annotations

import pytest

from oscloud.errors import InvalidResponseError
from oscloud.openstack.blockstorage.v3 import availabilityzones
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import VOLUME, Sent

#: ``GET /os-availability-zone`` (availability-zone-list-response.json, plus a zone down).
ZONES = {
    "availabilityZoneInfo": [
        {"zoneState": {"available": True}, "zoneName": "nova"},
        {"zoneState": {"available": False}, "zoneName": "az2"},
    ]
}


def test_list(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", f"{VOLUME}/os-availability-zone", Reply(200, ZONES))

    got = availabilityzones.extract_availability_zones(availabilityzones.list(cinder).all_pages())

    sent("GET", "/os-availability-zone")
    assert got == [
        availabilityzones.AvailabilityZone(name="nova", available=True),
        availabilityzones.AvailabilityZone(name="az2", available=False),
    ]


def test_a_zone_without_a_state_is_not_available_and_a_bad_state_is_refused(
    server: FakeServer, cinder: ServiceClient
) -> None:
    body = {"availabilityZoneInfo": [{"zoneName": "az3"}]}
    server.route("GET", f"{VOLUME}/os-availability-zone", Reply(200, body))

    (zone,) = availabilityzones.list(cinder).items()

    assert zone == availabilityzones.AvailabilityZone(name="az3", available=False)
    with pytest.raises(InvalidResponseError):
        availabilityzones.AvailabilityZonePage(
            url="u",
            body={"availabilityZoneInfo": [{"zoneName": "az3", "zoneState": {"available": 1}}]},
        ).extract()
