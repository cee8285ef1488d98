"""Block storage v3 limits, availability zones and services against a real Cinder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from oscloud import errors
from oscloud.openstack.blockstorage.v3 import (
    availabilityzones,
    limits,
    quotasets,
    services,
    volumes,
)
from oscloud.service import ServiceClient
from tests.acceptance.conftest import unique_name

MakeVolume = Callable[..., volumes.Volume]


def test_limits_show_quotas_and_usage(
    cinder: ServiceClient,
    admin_cinder: ServiceClient,
    make_volume: MakeVolume,
    member_project_id: str,
) -> None:
    make_volume()

    absolute = limits.get(cinder).extract().absolute
    for_member = limits.get(admin_cinder.with_microversion("3.39"), member_project_id).extract()
    quotas = quotasets.get(admin_cinder, member_project_id).extract()

    assert absolute.max_total_volumes == quotas.volumes
    assert absolute.max_total_volume_gigabytes == quotas.gigabytes
    assert absolute.max_total_snapshots == quotas.snapshots
    assert type(absolute.total_volumes_used) is int and absolute.total_volumes_used >= 1
    assert absolute.total_gigabytes_used is not None and absolute.total_gigabytes_used >= 1
    assert for_member.absolute.max_total_volumes == quotas.volumes
    assert for_member.absolute.total_volumes_used is not None
    assert for_member.absolute.total_volumes_used >= 1
    with pytest.raises(errors.MicroversionError):
        limits.get(admin_cinder, member_project_id)


def test_availability_zones(cinder: ServiceClient) -> None:
    zones = list(availabilityzones.list(cinder).items())

    assert [(z.name, z.available) for z in zones] == [("nova", True)]


def test_services_list_and_filter(admin_cinder: ServiceClient, cinder: ServiceClient) -> None:
    listed = list(services.list(admin_cinder).items())
    volume_services = list(
        services.list(admin_cinder, services.ListOpts(binary="cinder-volume")).items()
    )

    by_binary = {s.binary: s for s in listed}
    assert {"cinder-scheduler", "cinder-volume"} <= set(by_binary)
    for service in listed:
        assert service.state == "up" and service.status == "enabled"
        assert service.zone == "nova"
        assert service.updated_at is not None
        assert service.updated_at.utcoffset() == dt.timedelta(0)
    assert [s.binary for s in volume_services] == ["cinder-volume"]
    assert volume_services[0].host.endswith("@fake")
    assert volume_services[0].frozen is False
    with pytest.raises(errors.ForbiddenError):
        list(services.list(cinder).items())


def test_enable_and_disable_answers(admin_cinder: ServiceClient, cinder: ServiceClient) -> None:
    # Nothing is disabled for real: in Cinder 29 ``PUT /os-services/enable`` answers
    # "enabled" without clearing the flag, so a disabled service would stay disabled.
    volume_service = next(
        iter(services.list(admin_cinder, services.ListOpts(binary="cinder-volume")).items())
    )
    absent = unique_name("host")

    enabled = services.enable(admin_cinder, volume_service.host, "cinder-volume").extract()
    missing = services.disable(admin_cinder, absent, "cinder-volume", reason="never sent")
    missing_plain = services.disable(admin_cinder, absent, "cinder-volume")
    as_member = services.enable(cinder, volume_service.host, "cinder-volume")

    assert (enabled.host, enabled.binary) == (volume_service.host, "cinder-volume")
    assert (enabled.status, enabled.disabled) == ("enabled", False)
    assert isinstance(missing.err, errors.NotFoundError)
    assert "/os-services/disable-log-reason" in missing.err.url
    assert isinstance(missing_plain.err, errors.NotFoundError)
    assert missing_plain.err.url.endswith("/os-services/disable")
    assert isinstance(as_member.err, errors.ForbiddenError)
    after = list(services.list(admin_cinder).items())
    assert all(s.status == "enabled" for s in after)
