"""Block storage v3 quota sets against a real Cinder: the administrator on the member's project."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oscloud import errors
from oscloud.openstack.blockstorage.v3 import quotasets, volumes, volumetypes
from oscloud.service import ServiceClient
from tests.acceptance.blockstorage.conftest import Cleanup

MakeVolume = Callable[..., volumes.Volume]
QUOTAS = (
    "volumes",
    "snapshots",
    "gigabytes",
    "per_volume_gigabytes",
    "backups",
    "backup_gigabytes",
    "groups",
)


def _restore(admin: ServiceClient, project_id: str, original: quotasets.QuotaSet) -> None:
    """Put the project's quotas back: a reset when they were the defaults, else the values."""
    defaults = quotasets.get_defaults(admin, project_id).extract()
    if all(getattr(original, q) == getattr(defaults, q) for q in QUOTAS):
        quotasets.delete(admin, project_id).extract_err()
    else:
        values = {q: getattr(original, q) for q in QUOTAS}
        quotasets.update(admin, project_id, quotasets.UpdateOpts(**values)).extract()


def test_get_usage_and_defaults(
    cinder: ServiceClient,
    admin_cinder: ServiceClient,
    make_volume: MakeVolume,
    member_project_id: str,
) -> None:
    make_volume()

    quotas = quotasets.get(admin_cinder, member_project_id).extract()
    own = quotasets.get(cinder, member_project_id).extract()
    usage = quotasets.get_usage(admin_cinder, member_project_id).extract()
    defaults = quotasets.get_defaults(admin_cinder, member_project_id).extract()

    assert quotas.id == member_project_id
    for name in QUOTAS:
        assert type(getattr(quotas, name)) is int, name
        assert type(getattr(defaults, name)) is int, name
    assert own == quotas
    assert usage.volumes is not None and usage.gigabytes is not None
    assert usage.volumes.limit == quotas.volumes
    assert usage.volumes.in_use >= 1 and usage.gigabytes.in_use >= 1
    assert type(usage.volumes.reserved) is int
    default_type = volumetypes.get_default(cinder).extract().name
    assert default_type in quotas.per_volume_type
    assert default_type in usage.per_volume_type
    assert usage.per_volume_type[default_type].volumes is not None


def test_update_then_reset(
    cinder: ServiceClient,
    admin_cinder: ServiceClient,
    make_volume_type: Callable[..., volumetypes.VolumeType],
    member_project_id: str,
    cleanup: Cleanup,
) -> None:
    original = quotasets.get(admin_cinder, member_project_id).extract()
    defaults = quotasets.get_defaults(admin_cinder, member_project_id).extract()
    cleanup.first("member quotas", lambda: _restore(admin_cinder, member_project_id, original))
    vt = make_volume_type()
    wanted_groups = (original.groups or 0) + 7

    updated = quotasets.update(
        admin_cinder,
        member_project_id,
        quotasets.UpdateOpts(
            groups=wanted_groups,
            per_volume_type={vt.name: quotasets.VolumeTypeQuota(volumes=3, gigabytes=30)},
        ),
    ).extract()
    shown = quotasets.get(admin_cinder, member_project_id).extract()

    assert updated.groups == wanted_groups
    assert shown.groups == wanted_groups
    assert shown.per_volume_type[vt.name].volumes == 3
    assert shown.per_volume_type[vt.name].gigabytes == 30
    assert shown.volumes == original.volumes
    with pytest.raises(errors.ForbiddenError):
        quotasets.update(cinder, member_project_id, quotasets.UpdateOpts(groups=1)).extract()

    if all(getattr(original, q) == getattr(defaults, q) for q in QUOTAS):
        quotasets.delete(admin_cinder, member_project_id).extract_err()
        reset = quotasets.get(admin_cinder, member_project_id).extract()
        assert reset.groups == defaults.groups
        assert (
            reset.per_volume_type[vt.name].volumes
            == defaults.per_volume_type.get(vt.name, quotasets.VolumeTypeQuota(volumes=-1)).volumes
        )


def test_quota_below_usage_is_refused_with_validation(
    admin_cinder: ServiceClient,
    make_volume: MakeVolume,
    member_project_id: str,
    cleanup: Cleanup,
) -> None:
    original = quotasets.get(admin_cinder, member_project_id).extract()
    cleanup.first("member quotas", lambda: _restore(admin_cinder, member_project_id, original))
    make_volume()

    refused = quotasets.update(
        admin_cinder,
        member_project_id,
        quotasets.UpdateOpts(gigabytes=0, skip_validation=False),
    )

    assert isinstance(refused.err, errors.BadRequestError)
    assert quotasets.get(admin_cinder, member_project_id).extract().gigabytes == original.gigabytes
