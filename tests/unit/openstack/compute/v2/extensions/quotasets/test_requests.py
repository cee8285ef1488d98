"""Quota sets: get, detail, defaults, update (microversion rules), revert."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import ForbiddenError, MicroversionError, MissingInputError
from oscloud.openstack.compute.v2.extensions import quotasets
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.quotasets import fixtures as fx

PATH = f"/os-quota-sets/{fx.PROJECT_ID}"


def test_get_at_2_57(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.QUOTAS, Reply(200, fx.GET_V257))

    result = quotasets.get(compute_client.with_microversion("2.57"), fx.PROJECT_ID)

    sent("GET", PATH, microversion="2.57")
    assert isinstance(result, quotasets.GetResult)
    assert result.extract() == quotasets.QuotaSet(
        id=fx.PROJECT_ID,
        cores=20,
        instances=10,
        key_pairs=100,
        metadata_items=128,
        ram=51200,
        server_groups=10,
        server_group_members=10,
    )


def test_get_a_users_quotas(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.QUOTAS, Reply(200, fx.GET_V257))

    quotasets.get(compute_client, fx.PROJECT_ID, quotasets.GetOpts(user_id="fake_user")).extract()

    sent("GET", PATH, query={"user_id": ["fake_user"]})


def test_get_forbidden(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    body = {"forbidden": {"code": 403, "message": "Policy doesn't allow it to be performed."}}
    server.route("GET", fx.QUOTAS, Reply(403, body))

    result = quotasets.get(compute_client, fx.PROJECT_ID)

    sent("GET", PATH)
    with pytest.raises(ForbiddenError, match="Policy"):
        result.extract()


def test_get_defaults_at_2_1(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", f"{fx.QUOTAS}/defaults", Reply(200, fx.DEFAULTS_V21))

    result = quotasets.get_defaults(compute_client, fx.PROJECT_ID)

    sent("GET", f"{PATH}/defaults")
    assert isinstance(result, quotasets.DefaultsResult)
    got = result.extract()
    assert (got.id, got.instances, got.fixed_ips, got.security_group_rules) == (
        fx.PROJECT_ID,
        10,
        10,
        20,
    )
    assert got.server_groups is None


@pytest.mark.parametrize(
    ("microversion", "body"), [(None, fx.DETAIL_V21), ("2.36", fx.DETAIL_V236)]
)
def test_get_detail(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    microversion: str | None,
    body: dict[str, Any],
) -> None:
    server.route("GET", f"{fx.QUOTAS}/detail", Reply(200, body))

    result = quotasets.get_detail(compute_client.with_microversion(microversion), fx.PROJECT_ID)

    sent("GET", f"{PATH}/detail", microversion=microversion)
    assert isinstance(result, quotasets.DetailResult)
    got = result.extract()
    assert isinstance(got, quotasets.QuotaDetailSet)
    assert got.id == fx.PROJECT_ID
    raw = body["quota_set"]
    assert got.cores == quotasets.QuotaDetail(**raw["cores"])
    assert got.ram == quotasets.QuotaDetail(**raw["ram"])
    assert (got.fixed_ips is None) is ("fixed_ips" not in raw)


def test_get_detail_of_a_user(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", f"{fx.QUOTAS}/detail", Reply(200, fx.DETAIL_V236))

    quotasets.get_detail(
        compute_client, fx.PROJECT_ID, quotasets.GetOpts(user_id="fake_user")
    ).extract()

    sent("GET", f"{PATH}/detail", query={"user_id": ["fake_user"]})


def test_update_at_2_57(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("PUT", fx.QUOTAS, Reply(200, fx.UPDATE_RESPONSE))

    result = quotasets.update(
        compute_client.with_microversion("2.57"), fx.PROJECT_ID, quotasets.UpdateOpts(instances=20)
    )

    sent("PUT", PATH, body=fx.UPDATE_REQUEST, microversion="2.57")
    assert isinstance(result, quotasets.UpdateResult)
    got = result.extract()
    assert (got.id, got.instances, got.cores, got.injected_files) == (None, 20, 20, None)


def test_update_with_force(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("PUT", fx.QUOTAS, Reply(200, fx.FORCE_RESPONSE))

    got = quotasets.update(
        compute_client, fx.PROJECT_ID, quotasets.UpdateOpts(instances=45, force=True)
    ).extract()

    sent("PUT", PATH, body=fx.FORCE_REQUEST)
    assert got.instances == 45


def test_update_a_users_quotas(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", fx.QUOTAS, Reply(200, {"quota_set": {**fx.UPDATE_RESPONSE["quota_set"],
                                                               "instances": 9}}))  # fmt: skip

    got = quotasets.update(
        compute_client.with_microversion("2.57"),
        fx.PROJECT_ID,
        quotasets.UpdateOpts(instances=9, user_id="fake_user"),
    ).extract()

    sent(
        "PUT",
        PATH,
        query={"user_id": ["fake_user"]},
        body=fx.USER_UPDATE_REQUEST,
        microversion="2.57",
    )
    assert got.instances == 9


def test_update_unlimited_and_an_old_quota_before_it_was_removed(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", fx.QUOTAS, Reply(200, fx.DEFAULTS_V21))

    quotasets.update(
        compute_client.with_microversion("2.35"),
        fx.PROJECT_ID,
        quotasets.UpdateOpts(cores=-1, floating_ips=5, injected_files=2),
    ).extract()

    sent(
        "PUT",
        PATH,
        body={"quota_set": {"cores": -1, "injected_files": 2, "floating_ips": 5}},
        microversion="2.35",
    )


@pytest.mark.parametrize(
    ("microversion", "opts", "error", "match"),
    [
        ("2.36", quotasets.UpdateOpts(floating_ips=5), MicroversionError,
         r"UpdateOpts\.floating_ips: compute microversion 2\.35 or earlier .*2\.36 removed it"),
        ("2.57", quotasets.UpdateOpts(injected_files=5), MicroversionError,
         r"UpdateOpts\.injected_files: .*2\.56 or earlier"),
        ("latest", quotasets.UpdateOpts(security_groups=5), MicroversionError, "removed"),
        (None, quotasets.UpdateOpts(), MissingInputError, "at least one quota"),
        (None, quotasets.UpdateOpts(force=True), MissingInputError, "at least one quota"),
        (None, quotasets.UpdateOpts(instances=-2), ValueError, "at least -1"),
        (None, quotasets.UpdateOpts(cores=True), ValueError, "integer"),
    ],
)  # fmt: skip
def test_update_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str | None,
    opts: quotasets.UpdateOpts,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        quotasets.update(compute_client.with_microversion(microversion), fx.PROJECT_ID, opts)

    assert server.requests == []


def test_delete_reverts_to_defaults(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("DELETE", fx.QUOTAS, Reply(202))

    result = quotasets.delete(compute_client, fx.PROJECT_ID, quotasets.GetOpts(user_id="u1"))

    sent("DELETE", PATH, query={"user_id": ["u1"]})
    assert isinstance(result, quotasets.DeleteResult)
    result.extract_err()


@pytest.mark.parametrize(("project_id", "error"), [("", MissingInputError), ("a/b", ValueError)])
def test_bad_project_id_raises_before_sending(
    server: FakeServer, compute_client: ServiceClient, project_id: str, error: type[Exception]
) -> None:
    for operation in (
        quotasets.get,
        quotasets.get_detail,
        quotasets.get_defaults,
        quotasets.delete,
    ):
        with pytest.raises(error, match="project_id"):
            operation(compute_client, project_id)
    with pytest.raises(error, match="project_id"):
        quotasets.update(compute_client, project_id, quotasets.UpdateOpts(instances=1))

    assert server.requests == []


def test_removed_quotas_come_from_the_field_metadata() -> None:
    from oscloud.openstack.compute.v2.extensions.quotasets.requests import REMOVED_QUOTAS

    assert REMOVED_QUOTAS == {
        "fixed_ips": "2.36",
        "floating_ips": "2.36",
        "networks": "2.36",
        "security_groups": "2.36",
        "security_group_rules": "2.36",
        "injected_files": "2.57",
        "injected_file_content_bytes": "2.57",
        "injected_file_path_bytes": "2.57",
    }


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"instances": 1, "user_id": "u1"}
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        quotasets.update(compute_client, fx.PROJECT_ID, as_dict)
    for operation in (quotasets.get, quotasets.get_detail, quotasets.delete):
        with pytest.raises(TypeError, match="expected GetOpts, not dict"):
            operation(compute_client, fx.PROJECT_ID, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("GetOptsBuilder", quotasets.GetOpts), ("UpdateOptsBuilder", quotasets.UpdateOpts)],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(quotasets, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(quotasets.requests, old) is new
