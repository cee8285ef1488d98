"""``GET /info`` documents, shaped like what Swift answers (capabilities-list-response)."""

from __future__ import annotations

from typing import Any

from tests.unit.helpers.server import FakeServer, Reply

#: ``/info`` sits at the cluster's root, before ``/v1/{account}``.
INFO_PATH = "/object/info"

#: What a Swift 2.x cluster with the usual middleware answers.
INFO: dict[str, Any] = {
    "swift": {
        "version": "2.31.1",
        "max_file_size": 5368709122,
        "account_listing_limit": 10000,
        "container_listing_limit": 10000,
        "max_object_name_length": 1024,
        "max_container_name_length": 256,
        "max_meta_count": 90,
        "max_meta_name_length": 128,
        "max_meta_value_length": 256,
        "policies": [{"name": "Policy-0", "aliases": "Policy-0", "default": True}],
        "strict_cors_mode": True,
    },
    "slo": {
        "max_manifest_segments": 1000,
        "max_manifest_size": 8388608,
        "min_segment_size": 1,
        "yield_frequency": 10,
    },
    "bulk_delete": {"max_deletes_per_request": 10000, "max_failed_deletes": 1000},
    "bulk_upload": {"max_containers_per_extraction": 10000, "max_failed_extractions": 1000},
    "tempurl": {
        "methods": ["GET", "HEAD", "PUT", "POST", "DELETE"],
        "incoming_remove_headers": ["x-timestamp"],
        "incoming_allow_headers": [],
        "outgoing_remove_headers": ["x-object-meta-*"],
        "outgoing_allow_headers": ["x-object-meta-public-*"],
        "allowed_digests": ["sha1", "sha256", "sha512"],
    },
    "formpost": {"allowed_digests": ["sha1", "sha256", "sha512"]},
    "staticweb": {},
    "account_quotas": {},
    "container_quotas": {},
    "versioned_writes": {"allowed_flags": ["x-versions-location", "x-history-location"]},
    "symlink": {"symloop_max": 2},
    "tempauth": {"account_acls": True},
}

#: The api-ref's example: an old cluster with few capabilities.
MINIMAL_INFO: dict[str, Any] = {"swift": {"version": "1.11.0"}, "staticweb": {}, "tempurl": {}}


def handle_info(server: FakeServer, document: dict[str, Any] = INFO) -> None:
    server.route("GET", INFO_PATH, Reply(200, document))
