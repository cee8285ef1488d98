from __future__ import annotations

import pytest

from oscloud import errors
from oscloud.openstack.objectstorage.v1 import info
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.conftest import make_service_client
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import assert_token
from tests.unit.openstack.objectstorage.v1.info import fixtures


def test_get_reads_the_capabilities_at_the_cluster_root(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_info(server)

    cluster = info.get(swift).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.query) == ("GET", fixtures.INFO_PATH, {})
    assert_token(sent)
    assert cluster.version == "2.31.1"
    assert cluster.max_file_size == 5368709122
    assert (cluster.container_listing_limit, cluster.account_listing_limit) == (10000, 10000)
    assert (cluster.max_object_name_length, cluster.max_container_name_length) == (1024, 256)
    assert cluster.max_meta_count == 90
    assert cluster.slo == info.SLOCapabilities(
        max_manifest_segments=1000, max_manifest_size=8388608, min_segment_size=1
    )
    assert cluster.bulk_delete == info.BulkDeleteCapabilities(
        max_deletes_per_request=10000, max_failed_deletes=1000
    )
    assert cluster.tempurl == info.TempURLCapabilities(
        methods=("GET", "HEAD", "PUT", "POST", "DELETE"),
        allowed_digests=("sha1", "sha256", "sha512"),
    )
    for name in ("slo", "bulk_delete", "tempurl", "formpost", "staticweb", "symlink"):
        assert cluster.has(name)
    assert not cluster.has("s3api")
    assert cluster.middleware[0] == "swift"
    assert cluster.capabilities["symlink"] == {"symloop_max": 2}


def test_get_of_an_old_cluster_leaves_what_it_does_not_say_empty(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_info(server, fixtures.MINIMAL_INFO)

    cluster = info.get(swift).extract()

    assert cluster.version == "1.11.0"
    assert cluster.max_file_size is None
    assert cluster.slo is None and cluster.bulk_delete is None
    assert cluster.tempurl == info.TempURLCapabilities(methods=(), allowed_digests=("sha1",))


@pytest.mark.parametrize(
    ("path", "info_path"),
    [
        ("/v1/AUTH_a", "/info"),
        ("/swift/v1", "/swift/info"),
        ("/object/v1/AUTH_a/", "/object/info"),
    ],
)
def test_info_is_found_for_any_endpoint_shape(
    server: FakeServer, provider: ProviderClient, path: str, info_path: str
) -> None:
    fixtures.handle_info(server)
    server.route("GET", info_path, Reply(200, fixtures.MINIMAL_INFO))

    info.get(make_service_client(provider, "object-store", path)).extract()

    assert server.requests[0].path == info_path


def test_get_where_info_is_disabled_is_not_found(server: FakeServer, swift: ServiceClient) -> None:
    server.route("GET", fixtures.INFO_PATH, Reply(404))

    with pytest.raises(errors.NotFoundError):
        info.get(swift).extract()


def test_get_of_a_body_that_is_not_an_object_is_invalid(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("GET", fixtures.INFO_PATH, Reply(200, ["swift"]))

    with pytest.raises(errors.InvalidResponseError):
        info.get(swift).extract()
