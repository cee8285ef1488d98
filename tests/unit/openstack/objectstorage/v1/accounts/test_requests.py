from __future__ import annotations

import datetime as dt

import pytest

from oscloud import errors
from oscloud.openstack.objectstorage.v1 import accounts
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.objectstorage.conftest import ACCOUNT, assert_token
from tests.unit.openstack.objectstorage.v1.accounts import fixtures

UTC = dt.timezone.utc


def test_get_reads_usage_metadata_quota_and_keys(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_get(server)

    account = accounts.get(swift).extract()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.query, sent.body) == ("HEAD", ACCOUNT, {}, b"")
    assert_token(sent)
    assert "X-Newest" not in sent.headers
    assert (account.bytes_used, account.object_count, account.container_count) == (14, 1, 2)
    assert dict(account.metadata) == {"Subject": "Literature"}
    assert account.quota_bytes == 1073741824
    assert account.temp_url_key == fixtures.TEMP_URL_KEY
    assert account.temp_url_key_2 is None
    assert account.created_at == dt.datetime(2014, 1, 11, 15, 17, 3, 359640, tzinfo=UTC)
    assert account.date is not None and account.date.tzinfo == UTC  # the server's Date


def test_get_never_shows_the_temp_url_keys(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_get(server)

    account = accounts.get(swift).extract()

    assert fixtures.TEMP_URL_KEY not in repr(account)
    assert fixtures.TEMP_URL_KEY not in str(account.metadata)


def test_get_newest_asks_every_replica(server: FakeServer, swift: ServiceClient) -> None:
    fixtures.handle_get(server)

    accounts.get(swift, newest=True).extract()

    assert server.requests[0].headers["X-Newest"] == "true"


def test_get_of_an_unknown_account_is_not_found(server: FakeServer, swift: ServiceClient) -> None:
    server.route("HEAD", ACCOUNT, Reply(404))

    result = accounts.get(swift)

    with pytest.raises(errors.NotFoundError):
        result.extract()


def test_update_sets_and_removes_metadata_and_keys(
    server: FakeServer, swift: ServiceClient
) -> None:
    fixtures.handle_update(server)

    accounts.update(
        swift,
        accounts.UpdateOpts(
            metadata={"Subject": "Drama", "Title": "Café"},
            remove_metadata=["Old-Item", "Other"],
            temp_url_key="first-key",
            temp_url_key_2="second-key",
        ),
    ).extract_err()

    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("POST", ACCOUNT, b"")
    assert_token(sent)
    assert sent.headers["X-Account-Meta-Subject"] == "Drama"
    assert sent.headers["X-Account-Meta-Title"].encode("latin-1").decode() == "Café"
    assert sent.headers["X-Remove-Account-Meta-Old-Item"] == "x"
    assert sent.headers["X-Remove-Account-Meta-Other"] == "x"
    assert sent.headers["X-Account-Meta-Temp-URL-Key"] == "first-key"
    assert sent.headers["X-Account-Meta-Temp-URL-Key-2"] == "second-key"
    assert "X-Account-Meta-Quota-Bytes" not in sent.headers


def test_update_opts_keep_keys_out_of_repr() -> None:
    opts = accounts.UpdateOpts(temp_url_key="first-key", temp_url_key_2="second-key")

    assert "first-key" not in repr(opts) and "second-key" not in repr(opts)


def test_update_with_a_bad_metadata_name_sends_nothing(
    server: FakeServer, swift: ServiceClient
) -> None:
    with pytest.raises(ValueError, match="header name"):
        accounts.update(swift, accounts.UpdateOpts(metadata={"no spaces": "x"}))

    assert server.requests == []


def test_update_refused_is_the_results_error(server: FakeServer, swift: ServiceClient) -> None:
    server.route("POST", ACCOUNT, Reply(403, "<html><h1>Forbidden</h1></html>"))

    result = accounts.update(swift, accounts.UpdateOpts(quota_bytes=10))

    assert isinstance(result.err, errors.ForbiddenError)
    assert server.requests[0].headers["X-Account-Meta-Quota-Bytes"] == "10"


def test_a_dict_instead_of_the_options_class_is_refused_before_any_request(
    server: FakeServer, swift: ServiceClient
) -> None:
    with pytest.raises(TypeError, match=r"expected UpdateOpts, not dict"):
        accounts.update(swift, {"temp_url_key": "s3cr3t"})  # type: ignore[arg-type]

    assert server.requests == []


def test_removed_names_still_work_and_warn() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"accounts\.requests\.UpdateOptsBuilder is deprecated: use UpdateOpts",
    ):
        value = accounts.UpdateOptsBuilder

    assert value is accounts.UpdateOpts
    assert "UpdateOptsBuilder" not in accounts.__all__


def test_results_are_one_class_per_model() -> None:
    assert accounts.GetResult is accounts.AccountResult
    assert accounts.UpdateResult is ErrResult
