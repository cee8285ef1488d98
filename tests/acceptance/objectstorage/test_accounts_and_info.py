"""Object storage v1 account and cluster info against a real Swift."""

from __future__ import annotations

import datetime as dt
import time

from oscloud.openstack.objectstorage.v1 import accounts, containers, info, objects
from oscloud.service import ServiceClient
from tests.acceptance.conftest import unique_name

#: How long the tests wait for the container updater to copy stats into the account.
UPDATER_WAIT = 60.0


def test_account_get_update_and_remove_metadata(swift: ServiceClient) -> None:
    key = unique_name("meta").replace("-", "")[-12:].capitalize()

    accounts.update(swift, accounts.UpdateOpts(metadata={key: "Literature ü"})).extract_err()
    with_item = accounts.get(swift).extract()
    accounts.update(swift, accounts.UpdateOpts(remove_metadata=(key,))).extract_err()
    without = accounts.get(swift, newest=True).extract()

    assert with_item.metadata[key] == "Literature ü"
    assert key not in without.metadata
    for count in (without.bytes_used, without.object_count, without.container_count):
        assert isinstance(count, int) and count >= 0
    assert without.created_at is not None and without.created_at.utcoffset() == dt.timedelta(0)
    assert without.date is not None and without.date.tzinfo is not None
    assert abs(dt.datetime.now(dt.timezone.utc) - without.date) < dt.timedelta(minutes=5)


def test_account_listing_shows_container_stats_after_the_updater(
    swift: ServiceClient, container: str
) -> None:
    body = b"x" * 1234
    objects.upload(swift, container, "one", body).extract()

    deadline = time.monotonic() + UPDATER_WAIT
    while True:
        listed = {
            c.name: c for c in containers.list(swift, containers.ListOpts(prefix=container)).items()
        }
        entry = listed.get(container)
        if (entry is not None and entry.object_count == 1) or time.monotonic() > deadline:
            break
        time.sleep(1.0)
    account = accounts.get(swift).extract()

    assert entry is not None
    assert (entry.object_count, entry.bytes_used) == (1, 1234)
    assert entry.last_modified is not None and entry.last_modified.tzinfo is not None
    assert account.container_count >= 1 and account.bytes_used >= 1234


def test_info_lists_the_middleware_the_sdk_relies_on(swift: ServiceClient) -> None:
    cluster = info.get(swift).extract()

    assert cluster.version
    for name in ("slo", "tempurl", "bulk_delete", "bulk_upload", "formpost"):
        assert cluster.has(name), f"{name} missing from {cluster.middleware}"
    assert isinstance(cluster.max_file_size, int) and cluster.max_file_size > 2**20
    assert isinstance(cluster.container_listing_limit, int)
    assert cluster.slo is not None and isinstance(cluster.slo.max_manifest_segments, int)
    assert cluster.slo.min_segment_size is None or cluster.slo.min_segment_size <= 2**20
    assert cluster.bulk_delete is not None
    assert isinstance(cluster.bulk_delete.max_deletes_per_request, int)
    assert cluster.tempurl is not None
    assert {"GET", "PUT"} <= set(cluster.tempurl.methods)
    assert "sha256" in cluster.tempurl.allowed_digests
