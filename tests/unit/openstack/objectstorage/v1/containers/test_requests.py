from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from oscloud import errors
from oscloud.openstack.objectstorage.v1 import containers
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, TRANS_ID, assert_token
from tests.unit.openstack.objectstorage.v1.containers import fixtures

UTC = dt.timezone.utc


def test_list_reads_containers_as_models(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_list(server, fixtures.CONTAINERS, [])

    found = list(containers.list(swift).items())

    assert found == [
        containers.Container(
            name="janeausten",
            object_count=0,
            bytes_used=0,
            last_modified=dt.datetime(2014, 1, 15, 16, 37, 43, 427570, tzinfo=UTC),
        ),
        containers.Container(
            name="marktwain",
            object_count=1,
            bytes_used=14,
            last_modified=dt.datetime(2014, 1, 15, 16, 41, 49, 390270, tzinfo=UTC),
        ),
    ]
    first, second = server.requests
    assert first.query == {"format": ["json"]}
    assert second.query == {"format": ["json"], "marker": ["marktwain"]}
    assert_token(first)


def test_list_pages_with_limit_and_marker_and_sends_every_option(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_list(server, fixtures.CONTAINERS, fixtures.CONTAINERS[:1])
    opts = containers.ListOpts(limit=2, prefix="j", end_marker="z", delimiter="-", reverse=True)

    pages = list(containers.list(swift, opts))

    assert [containers.extract_container_names(page) for page in pages] == [
        ["janeausten", "marktwain"],
        ["janeausten"],
    ]
    first, second = server.requests
    assert first.path == ACCOUNT
    assert first.query == {
        "format": ["json"],
        "limit": ["2"],
        "prefix": ["j"],
        "end_marker": ["z"],
        "delimiter": ["-"],
        "reverse": ["true"],
    }
    assert second.query == {**first.query, "marker": ["marktwain"]}


def test_list_is_lazy(server: FakeServer, swift: ServiceClient) -> None:
    pager = containers.list(swift, containers.ListOpts(limit=1))

    assert server.requests == []
    fixtures.handle_list(server, [])
    assert containers.extract_containers(pager.all_pages()) == []


def test_list_refuses_a_limit_below_one(server: FakeServer, swift: ServiceClient) -> None:
    with pytest.raises(ValueError, match="limit"):
        containers.list(swift, containers.ListOpts(limit=0))

    assert server.requests == []


def test_create_sends_metadata_acls_versioning_policy_and_quotas(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", fixtures.CONTAINER_PATH, Reply(201, headers={"X-Trans-Id": TRANS_ID}))

    result = containers.create(
        swift,
        fixtures.CONTAINER,
        containers.CreateOpts(
            metadata={"Book": "TomSawyer"},
            read_acl=".r:*,.rlistings",
            write_acl="AUTH_other:*",
            versions_location="marktwain-versions",
            storage_policy="gold",
            quota_bytes=1048576,
            quota_count=100,
            temp_url_key="container-key",
        ),
    )

    result.extract_err()
    assert result.status_code == 201
    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("PUT", fixtures.CONTAINER_PATH, b"")
    assert_token(sent)
    assert {
        name: sent.headers.get(name)
        for name in (
            "X-Container-Meta-Book",
            "X-Container-Read",
            "X-Container-Write",
            "X-Versions-Location",
            "X-History-Location",
            "X-Storage-Policy",
            "X-Container-Meta-Quota-Bytes",
            "X-Container-Meta-Quota-Count",
            "X-Container-Meta-Temp-URL-Key",
        )
    } == {
        "X-Container-Meta-Book": "TomSawyer",
        "X-Container-Read": ".r:*,.rlistings",
        "X-Container-Write": "AUTH_other:*",
        "X-Versions-Location": "marktwain-versions",
        "X-History-Location": None,
        "X-Storage-Policy": "gold",
        "X-Container-Meta-Quota-Bytes": "1048576",
        "X-Container-Meta-Quota-Count": "100",
        "X-Container-Meta-Temp-URL-Key": "container-key",
    }


def test_create_of_an_existing_container_is_accepted(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("PUT", f"{ACCOUNT}/caf%C3%A9%20books", Reply(202))

    result = containers.create(swift, "café books", containers.CreateOpts(history_location="h"))

    result.extract_err()
    assert result.status_code == 202
    assert server.requests[0].headers["X-History-Location"] == "h"


@pytest.mark.parametrize(
    ("container", "opts", "error"),
    [
        ("a/b", None, ValueError),
        ("", None, errors.MissingInputError),
        ("c", containers.CreateOpts(versions_location="v", history_location="h"), ValueError),
        ("c", containers.CreateOpts(metadata={"Bad Name": "x"}), ValueError),
    ],
)
def test_create_refuses_bad_input_before_sending(
    server: FakeServer,
    swift: ServiceClient,
    container: str,
    opts: containers.CreateOpts | None,
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        containers.create(swift, container, opts)

    assert server.requests == []


def test_get_reads_the_container_headers(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_get(server)

    header = containers.get(swift, fixtures.CONTAINER).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path) == ("HEAD", fixtures.CONTAINER_PATH)
    assert (header.object_count, header.bytes_used) == (2, 26)
    assert dict(header.metadata) == {"Book": "TomSawyer"}
    assert (header.read_acl, header.write_acl) == (".r:*,.rlistings", "AUTH_other")
    assert header.versions_location == "marktwain-versions"
    assert header.history_location is None
    assert header.storage_policy == "gold"
    assert (header.quota_bytes, header.quota_count) == (1048576, 100)
    assert header.temp_url_key == "container-key"
    assert header.sync_key == fixtures.SYNC_KEY
    assert header.created_at == dt.datetime(2014, 1, 14, 19, 25, 43, 653720, tzinfo=UTC)
    assert header.last_modified == dt.datetime(2014, 1, 15, 16, 57, 35, tzinfo=UTC)
    assert "container-key" not in repr(header)
    assert fixtures.SYNC_KEY not in repr(header)


def test_get_of_a_missing_container_is_not_found(server: FakeServer, swift: ServiceClient) -> None:
    server.route("HEAD", fixtures.CONTAINER_PATH, Reply(404))

    with pytest.raises(errors.NotFoundError):
        containers.get(swift, fixtures.CONTAINER, newest=True).extract()
    assert server.requests[0].headers["X-Newest"] == "true"


def test_update_sets_and_removes(server: FakeServer, swift: ServiceClient) -> None:
    server.route("POST", fixtures.CONTAINER_PATH, Reply(204))

    containers.update(
        swift,
        fixtures.CONTAINER,
        containers.UpdateOpts(
            metadata={"Century": "Nineteenth"},
            remove_metadata=["Book", "Author"],
            remove_read_acl=True,
            remove_versions_location=True,
            write_acl="AUTH_other",
            quota_count=5,
        ),
    ).extract_err()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("POST", fixtures.CONTAINER_PATH, b"")
    assert sent.headers["X-Container-Meta-Century"] == "Nineteenth"
    assert sent.headers["X-Remove-Container-Meta-Book"] == "x"
    assert sent.headers["X-Remove-Container-Meta-Author"] == "x"
    assert sent.headers["X-Remove-Container-Read"] == "x"
    assert sent.headers["X-Remove-Versions-Location"] == "x"
    assert sent.headers["X-Container-Write"] == "AUTH_other"
    assert sent.headers["X-Container-Meta-Quota-Count"] == "5"
    for absent in ("X-Remove-Container-Write", "X-Remove-History-Location", "X-Storage-Policy"):
        assert absent not in sent.headers


def test_update_opts_removal_flags_false_send_nothing(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("POST", fixtures.CONTAINER_PATH, Reply(204))
    opts = containers.UpdateOpts(remove_read_acl=False, remove_metadata="Single")

    containers.update(swift, fixtures.CONTAINER, opts).extract_err()

    (sent,) = server.requests
    assert sent.headers["X-Remove-Container-Meta-Single"] == "x"
    assert not [name for name in sent.headers if name.lower().startswith("x-remove-container-r")]


def test_update_refuses_two_versioning_modes_before_sending(
    server: FakeServer, swift: ServiceClient
) -> None:
    opts = containers.UpdateOpts(versions_location="v", history_location="h")

    with pytest.raises(ValueError, match="UpdateOpts: versions_location and history_location"):
        containers.update(swift, fixtures.CONTAINER, opts)

    assert server.requests == []


def test_list_refuses_a_limit_below_one_before_sending(
    server: FakeServer, swift: ServiceClient
) -> None:
    with pytest.raises(ValueError, match=r"ListOpts\.limit must be at least 1, not 0"):
        containers.list(swift, containers.ListOpts(limit=0))

    assert server.requests == []


def test_delete_sends_delete(server: FakeServer, swift: ServiceClient) -> None:
    server.route("DELETE", fixtures.CONTAINER_PATH, Reply(204))

    containers.delete(swift, fixtures.CONTAINER).extract_err()

    assert [(r.method, r.path) for r in server.requests] == [("DELETE", fixtures.CONTAINER_PATH)]


def test_delete_of_a_non_empty_container_is_a_conflict(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route(
        "DELETE",
        fixtures.CONTAINER_PATH,
        Reply(
            409,
            "<html><h1>Conflict</h1><p>There was a conflict when trying to complete "
            "your request.</p></html>",
        ),
    )

    with pytest.raises(errors.ConflictError, match="conflict"):
        containers.delete(swift, fixtures.CONTAINER).extract_err()


def test_bulk_delete_posts_quoted_paths_and_reads_the_report(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_bulk_delete(server, fixtures.BULK_OK)

    report = containers.bulk_delete(swift, ["janeausten", "mark twain"]).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", ACCOUNT)
    assert sent.query == {"bulk-delete": ["true"]}
    assert sent.headers["Content-Type"] == "text/plain"
    assert sent.headers["Accept"] == "application/json"
    assert sent.body == b"/janeausten\n/mark%20twain"
    assert_token(sent)
    assert report == containers.BulkDeleteReport(deleted=1, not_found=1, status="200 OK")


def test_bulk_delete_failures_raise_with_the_report(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_bulk_delete(server, fixtures.BULK_CONFLICT)

    result = containers.bulk_delete(swift, ["janeausten", "marktwain"])

    with pytest.raises(containers.BulkDeleteError, match="/marktwain: 409 Conflict") as caught:
        result.extract()
    report = caught.value.report
    assert (report.deleted, report.not_found, report.status_code) == (1, 0, 400)
    assert report.errors == (
        containers.BulkDeleteFailure(name="/marktwain", status="409 Conflict"),
    )


def test_bulk_delete_without_the_middleware_is_an_error(
    server: FakeServer, swift: ServiceClient
) -> None:
    server.route("POST", ACCOUNT, Reply(204))  # a plain account POST

    result = containers.bulk_delete(swift, ["janeausten"])

    assert isinstance(result.err, errors.UnexpectedResponseCodeError)
    assert result.err.status_code == 204


@pytest.mark.parametrize(
    ("names", "error"), [([], errors.MissingInputError), (["a/b"], ValueError)]
)
def test_bulk_delete_refuses_bad_names_before_sending(
    server: FakeServer, swift: ServiceClient, names: list[str], error: type[Exception]
) -> None:
    with pytest.raises(error):
        containers.bulk_delete(swift, names)

    assert server.requests == []


@pytest.mark.parametrize(
    ("act", "options_class"),
    [
        (lambda c, o: containers.list(c, o), "ListOpts"),
        (lambda c, o: containers.create(c, fixtures.CONTAINER, o), "CreateOpts"),
        (lambda c, o: containers.update(c, fixtures.CONTAINER, o), "UpdateOpts"),
        (
            lambda c, o: containers.update(c, fixtures.CONTAINER, containers.CreateOpts()),  # type: ignore[arg-type]
            "UpdateOpts",
        ),
    ],
    ids=["list", "create", "update", "create-opts-to-update"],
)
def test_a_dict_instead_of_the_options_class_is_refused_before_any_request(
    server: FakeServer, swift: ServiceClient, act: Any, options_class: str
) -> None:
    with pytest.raises(TypeError, match=rf"expected {options_class}, not (dict|CreateOpts)"):
        act(swift, {"read_acl": ".r:*"})

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", "CreateOpts"),
        ("ListOptsBuilder", "ListOpts"),
        ("UpdateOptsBuilder", "UpdateOpts"),
    ],
)
def test_removed_names_still_work_and_warn(old: str, new: str) -> None:
    with pytest.warns(
        DeprecationWarning, match=rf"containers\.requests\.{old} is deprecated: use {new}"
    ):
        value = getattr(containers, old)

    assert value is getattr(containers, new)
    assert old not in containers.__all__


def test_the_bulk_delete_names_are_still_exported() -> None:
    assert {"BulkDeleteError", "BulkDeleteFailure", "BulkDeleteReport", "BulkDeleteResult"} <= set(
        containers.__all__
    )
    assert containers.GetResult is containers.ContainerHeaderResult
