"""Block storage v3 quota sets, over loopback."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3 import quotasets
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import Sent
from tests.unit.openstack.blockstorage.v3.quotasets import fixtures as fx
from tests.unit.openstack.blockstorage.v3.quotasets.fixtures import PROJECT_ID, path


def test_get(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("os-quota-sets", PROJECT_ID), Reply(200, fx.QUOTAS))

    got = quotasets.get(cinder, PROJECT_ID).extract()

    sent("GET", f"/os-quota-sets/{PROJECT_ID}")
    assert (got.id, got.volumes, got.snapshots, got.gigabytes) == (PROJECT_ID, 10, 10, 1000)
    assert (got.backups, got.backup_gigabytes, got.groups, got.per_volume_gigabytes) == (
        10,
        1000,
        10,
        -1,
    )
    assert sorted(got.per_volume_type) == ["ceph", "lvm-thin", "lvmdriver-1"]
    assert got.per_volume_type["lvm-thin"] == quotasets.VolumeTypeQuota(
        volumes=-1, snapshots=-1, gigabytes=-1
    )


def test_get_usage(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("os-quota-sets", PROJECT_ID), Reply(200, fx.USAGE))

    got = quotasets.get_usage(cinder, PROJECT_ID).extract()

    sent("GET", f"/os-quota-sets/{PROJECT_ID}", query={"usage": ["True"]})
    assert got.volumes == quotasets.QuotaUsage(limit=10, in_use=0, reserved=0, allocated=0)
    assert got.gigabytes is not None
    assert got.gigabytes.limit == 1000
    lvm = got.per_volume_type["lvmdriver-1"]
    assert lvm.gigabytes == quotasets.QuotaUsage(limit=1000, in_use=0)
    assert lvm.volumes is not None
    assert lvm.volumes.limit == -1


def test_get_defaults(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", path("os-quota-sets", PROJECT_ID, "defaults"), Reply(200, fx.QUOTAS))

    assert quotasets.get_defaults(cinder, PROJECT_ID).extract().volumes == 10

    sent("GET", f"/os-quota-sets/{PROJECT_ID}/defaults")


def test_update(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("PUT", path("os-quota-sets", PROJECT_ID), Reply(200, fx.UPDATED))
    opts = quotasets.UpdateOpts(
        volumes=20,
        backups=-1,
        per_volume_type={"lvmdriver-1": quotasets.VolumeTypeQuota(volumes=5, gigabytes=100)},
        skip_validation=False,
    )

    got = quotasets.update(cinder, PROJECT_ID, opts).extract()

    sent(
        "PUT",
        f"/os-quota-sets/{PROJECT_ID}",
        body={
            "quota_set": {
                "volumes": 20,
                "backups": -1,
                "volumes_lvmdriver-1": 5,
                "gigabytes_lvmdriver-1": 100,
            },
            "skip_validation": False,
        },
    )
    assert (got.id, got.volumes, got.per_volume_type["lvmdriver-1"].volumes) == (None, 20, 5)


@pytest.mark.parametrize(
    ("opts", "error"),
    [
        (quotasets.UpdateOpts(), MissingInputError),
        (quotasets.UpdateOpts(volumes=-2), ValueError),
        (quotasets.UpdateOpts(gigabytes=True), ValueError),
        (
            quotasets.UpdateOpts(per_volume_type={"ssd": quotasets.VolumeTypeQuota(volumes=-5)}),
            ValueError,
        ),
    ],
)
def test_update_refuses_bad_quotas_before_any_request(
    server: FakeServer, cinder: ServiceClient, opts: quotasets.UpdateOpts, error: type[Exception]
) -> None:
    with pytest.raises(error):
        quotasets.update(cinder, PROJECT_ID, opts)

    assert server.requests == []


def test_delete(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", path("os-quota-sets", PROJECT_ID), Reply(200))

    assert quotasets.delete(cinder, PROJECT_ID).extract_err() is None

    sent("DELETE", f"/os-quota-sets/{PROJECT_ID}")


def test_options_given_as_a_dict_are_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    as_dict: Any = {"volumes": 20}

    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        quotasets.update(cinder, PROJECT_ID, as_dict)

    assert server.requests == []


def test_the_removed_builder_name_warns_and_gives_the_options_class() -> None:
    with pytest.warns(DeprecationWarning, match="UpdateOptsBuilder is deprecated: use UpdateOpts"):
        assert getattr(quotasets, "UpdateOptsBuilder") is quotasets.UpdateOpts  # noqa: B009
    with pytest.warns(DeprecationWarning, match="UpdateOptsBuilder"):
        assert getattr(quotasets.requests, "UpdateOptsBuilder") is quotasets.UpdateOpts  # noqa: B009


def test_per_operation_result_names_are_the_model_results() -> None:
    assert quotasets.GetResult is quotasets.UpdateResult is quotasets.QuotaSetResult
    assert quotasets.GetUsageResult is quotasets.QuotaUsageSetResult
    assert quotasets.DeleteResult is ErrResult
