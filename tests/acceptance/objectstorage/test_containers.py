"""Object storage v1 containers against a real Swift: settings, ACLs, listing, deletes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import requests

from oscloud import errors
from oscloud.openstack.objectstorage.v1 import _common, containers, objects
from oscloud.service import ServiceClient
from tests.acceptance.conftest import unique_name
from tests.acceptance.objectstorage.conftest import purge

PUBLIC = ".r:*,.rlistings"


def test_create_with_metadata_and_acls_then_read(
    swift: ServiceClient, make_container: Callable[..., str]
) -> None:
    opts = containers.CreateOpts(
        metadata={"Book": "TomSawyer", "Century": "19th"},
        read_acl=PUBLIC,
        write_acl="*:*",
        quota_count=10,
    )

    name = make_container(opts=opts)
    again = containers.create(swift, name)
    header = containers.get(swift, name).extract()

    again.extract_err()
    assert again.status_code == 202  # it existed
    assert dict(header.metadata) == {"Book": "TomSawyer", "Century": "19th"}
    assert header.read_acl == PUBLIC and header.write_acl == "*:*"
    assert header.quota_count == 10
    assert (header.object_count, header.bytes_used) == (0, 0)
    assert header.storage_policy == "Policy-0"
    assert header.created_at is not None and header.created_at.utcoffset() == dt.timedelta(0)


def test_update_sets_and_removes_metadata_and_acls(
    swift: ServiceClient, make_container: Callable[..., str]
) -> None:
    name = make_container(opts=containers.CreateOpts(metadata={"Old": "1"}, read_acl=PUBLIC))

    containers.update(
        swift,
        name,
        containers.UpdateOpts(
            metadata={"New": "2"}, remove_metadata=("Old",), remove_read_acl=True
        ),
    ).extract_err()
    header = containers.get(swift, name, newest=True).extract()

    assert dict(header.metadata) == {"New": "2"}
    assert header.read_acl is None


def test_public_read_acl_lets_anyone_read_until_removed(
    swift: ServiceClient, make_container: Callable[..., str]
) -> None:
    name = make_container(opts=containers.CreateOpts(read_acl=PUBLIC))
    objects.upload(swift, name, "hello.txt", b"hello, world").extract()
    url = _common.object_url(swift, name, "hello.txt")

    anonymous = requests.get(url, timeout=30)
    listing = requests.get(_common.container_url(swift, name), timeout=30)
    containers.update(swift, name, containers.UpdateOpts(remove_read_acl=True)).extract_err()
    refused = requests.get(url, timeout=30)

    assert (anonymous.status_code, anonymous.content) == (200, b"hello, world")
    assert listing.status_code == 200 and "hello.txt" in listing.text
    assert refused.status_code == 401


def test_list_pages_with_a_marker_in_order(swift: ServiceClient) -> None:
    prefix = unique_name("page") + "-"
    names = [f"{prefix}{n}" for n in ("e", "a", "d", "b", "c")]
    try:
        for name in names:
            containers.create(swift, name).extract_err()
        opts = containers.ListOpts(prefix=prefix, limit=2)

        pages = [containers.extract_container_names(p) for p in containers.list(swift, opts)]
        found = [c.name for c in containers.list(swift, opts).items()]
        reverse = [
            c.name
            for c in containers.list(
                swift, containers.ListOpts(prefix=prefix, limit=2, reverse=True)
            ).items()
        ]
        bounded = containers.extract_container_names(
            containers.list(
                swift,
                containers.ListOpts(prefix=prefix, marker=prefix + "a", end_marker=prefix + "d"),
            ).all_pages()
        )
        report = containers.bulk_delete(swift, names).extract()
    finally:
        for name in names:
            purge(swift, name)

    assert [len(page) for page in pages] == [2, 2, 1]
    assert found == sorted(names)
    assert reverse == sorted(names, reverse=True)
    assert bounded == [prefix + "b", prefix + "c"]
    assert (report.deleted, report.not_found, report.ok) == (5, 0, True)


def test_delete_refuses_a_container_with_objects(swift: ServiceClient, container: str) -> None:
    objects.upload(swift, container, "keep", b"data").extract()

    refused = containers.delete(swift, container)
    objects.delete(swift, container, "keep").extract_err()
    deleted = containers.delete(swift, container)
    gone = containers.get(swift, container)

    assert isinstance(refused.err, errors.ConflictError)
    deleted.extract_err()
    assert deleted.status_code == 204
    assert isinstance(gone.err, errors.NotFoundError)


def test_missing_container_is_not_found(swift: ServiceClient) -> None:
    name = unique_name("missing")

    assert isinstance(containers.get(swift, name).err, errors.NotFoundError)
    assert isinstance(containers.delete(swift, name).err, errors.NotFoundError)
    with pytest.raises(errors.NotFoundError):
        list(objects.list(swift, name).items())


def test_bad_input_raises_before_sending(offline_swift: ServiceClient) -> None:
    with pytest.raises(ValueError, match="/"):
        containers.create(offline_swift, "a/b")
    with pytest.raises(errors.MissingInputError):
        containers.get(offline_swift, "")
    with pytest.raises(ValueError, match="limit"):
        containers.list(offline_swift, containers.ListOpts(limit=0))
    with pytest.raises(ValueError, match="versions_location and history_location"):
        containers.create(
            offline_swift, "c", containers.CreateOpts(versions_location="v", history_location="h")
        )
    with pytest.raises(errors.MissingInputError):
        containers.bulk_delete(offline_swift, [])
