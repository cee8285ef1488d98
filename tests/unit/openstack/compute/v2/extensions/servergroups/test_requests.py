"""Server groups: both shapes (policies before 2.64, policy and rules from it)."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import MicroversionError, MissingInputError, NotFoundError
from oscloud.openstack.compute.v2.extensions import servergroups
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.servergroups import fixtures as fx


def test_list_at_2_64(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.GROUPS, Reply(200, fx.LIST_V264))

    got = servergroups.extract_server_groups(
        servergroups.list(compute_client.with_microversion("2.64")).all_pages()
    )

    sent("GET", "/os-server-groups", microversion="2.64")
    assert got == [
        servergroups.ServerGroup(
            id="616fb98f-46ca-475e-917e-2563e5a8cd19",
            name="test",
            policy="anti-affinity",
            policies=("anti-affinity",),
            rules={"max_server_per_host": 3},
            members=(),
            metadata=None,
            project_id=fx.PROJECT_ID,
            user_id="fake",
        )
    ]


def test_list_at_2_13_reads_policies_and_owner(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.GROUPS, Reply(200, fx.LIST_V213))

    (got,) = list(servergroups.list(compute_client.with_microversion("2.13")).items())

    sent("GET", "/os-server-groups", microversion="2.13")
    assert (got.policies, got.policy, got.rules, got.metadata) == (
        ("anti-affinity",),
        "anti-affinity",
        {},
        {},
    )
    assert (got.project_id, got.user_id) == ("openstack", "fake")


def test_list_all_projects_with_a_slice(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.GROUPS, Reply(200, {"server_groups": []}))
    opts = servergroups.ListOpts(all_projects=True, limit=5, offset=10)

    assert list(servergroups.list(compute_client, opts).items()) == []

    sent(
        "GET",
        "/os-server-groups",
        query={"all_projects": ["true"], "limit": ["5"], "offset": ["10"]},
    )


def test_list_does_not_send_all_projects_false(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    # Nova looks at the parameter's presence only: "all_projects=false" lists them all.
    server.route("GET", fx.GROUPS, Reply(200, {"server_groups": []}))

    servergroups.list(
        compute_client, servergroups.ListOpts(all_projects=False, limit=1)
    ).all_pages()

    sent("GET", "/os-server-groups", query={"limit": ["1"]})


def test_list_refuses_a_negative_limit(server: FakeServer, compute_client: ServiceClient) -> None:
    with pytest.raises(ValueError, match="limit"):
        servergroups.list(compute_client, servergroups.ListOpts(limit=-1))

    assert server.requests == []


def test_get_at_2_1(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.GROUP, Reply(200, fx.GET_RESPONSE_V21))

    result = servergroups.get(compute_client, fx.GROUP_ID)

    sent("GET", f"/os-server-groups/{fx.GROUP_ID}")
    assert isinstance(result, servergroups.GetResult)
    got = result.extract()
    assert (got.id, got.name, got.members, got.project_id) == (fx.GROUP_ID, "test", (), None)


def test_get_missing(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.GROUP, Reply(404, fx.NOT_FOUND))

    result = servergroups.get(compute_client, fx.GROUP_ID)

    sent("GET", f"/os-server-groups/{fx.GROUP_ID}")
    with pytest.raises(NotFoundError, match="could not be found"):
        result.extract()


def test_create_at_2_64_with_policy_and_rules(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.GROUPS, Reply(200, fx.CREATE_RESPONSE_V264))
    opts = servergroups.CreateOpts(
        name="test", policy=servergroups.Policy.ANTI_AFFINITY, rules={"max_server_per_host": 3}
    )

    result = servergroups.create(compute_client.with_microversion("2.64"), opts)

    sent("POST", "/os-server-groups", body=fx.CREATE_REQUEST_V264, microversion="2.64")
    assert isinstance(result, servergroups.CreateResult)
    got = result.extract()
    assert (got.id, got.policy, got.rules) == (
        fx.GROUP_ID,
        "anti-affinity",
        {"max_server_per_host": 3},
    )
    assert isinstance(got.rules["max_server_per_host"], int)


def test_create_before_2_64_with_policies(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.GROUPS, Reply(200, fx.GET_RESPONSE_V21))

    got = servergroups.create(
        compute_client, servergroups.CreateOpts(name="test", policies=["anti-affinity"])
    ).extract()

    sent("POST", "/os-server-groups", body=fx.CREATE_REQUEST_V21)
    assert (got.policy, got.policies) == ("anti-affinity", ("anti-affinity",))


def test_create_soft_policy_at_2_15(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    answer = {
        "server_group": {**fx.GET_RESPONSE_V21["server_group"], "policies": ["soft-affinity"]}
    }
    server.route("POST", fx.GROUPS, Reply(200, answer))

    got = servergroups.create(
        compute_client.with_microversion("2.15"),
        servergroups.CreateOpts(name="test", policies=[servergroups.Policy.SOFT_AFFINITY]),
    ).extract()

    sent(
        "POST",
        "/os-server-groups",
        body={"server_group": {"name": "test", "policies": ["soft-affinity"]}},
        microversion="2.15",
    )
    assert got.policy == "soft-affinity"


@pytest.mark.parametrize(
    ("microversion", "fields", "error", "match"),
    [
        (
            "2.63",
            {"policy": "affinity"},
            MicroversionError,
            r"CreateOpts\.policy: compute microversion 2\.64 or later is required",
        ),
        ("2.63", {"policy": "anti-affinity", "rules": {"max_server_per_host": 2}},
         MicroversionError, r"CreateOpts\.(policy|rules): .*2\.64 or later"),
        ("2.64", {"policies": ["affinity"]}, MicroversionError,
         r"CreateOpts\.policies: .*2\.63 or earlier is required \(2\.64 removed it\)"),
        (None, {"policies": ["soft-affinity"]}, MicroversionError, r"2\.15"),
        ("2.64", {}, MissingInputError, "policy"),
        ("2.64", {"policy": "affinity", "policies": ["affinity"]}, ValueError, "not both"),
        ("2.64", {"policy": "affinity", "rules": {"max_server_per_host": 2}}, ValueError,
         "anti-affinity"),
        ("2.64", {"policy": "anti-affinity", "rules": {"max_server_per_host": 0}}, ValueError,
         "at least 1"),
        ("2.64", {"policy": "anti-affinity", "rules": {"other": 1}}, ValueError, "only rule"),
        ("2.64", {"policy": "spread"}, ValueError, "Policy"),
        ("2.1", {"policies": ["affinity", "anti-affinity"]}, ValueError, "exactly one"),
        ("2.64", {"policy": "affinity", "name": ""}, ValueError, "name"),
        ("2.64", {"policy": "affinity", "name": None}, MissingInputError, "name"),
    ],
)  # fmt: skip
def test_create_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str | None,
    fields: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    opts = servergroups.CreateOpts(**{"name": "test", **fields})

    with pytest.raises(error, match=match):
        servergroups.create(compute_client.with_microversion(microversion), opts)

    assert server.requests == []


def test_delete(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", fx.GROUP, Reply(204))

    result = servergroups.delete(compute_client, fx.GROUP_ID)

    sent("DELETE", f"/os-server-groups/{fx.GROUP_ID}")
    assert isinstance(result, servergroups.DeleteResult)
    result.extract_err()
    assert result.status_code == 204


@pytest.mark.parametrize(("group_id", "error"), [("", MissingInputError), ("a/b", ValueError)])
def test_get_and_delete_refuse_a_bad_id(
    server: FakeServer, compute_client: ServiceClient, group_id: str, error: type[Exception]
) -> None:
    with pytest.raises(error, match="server_group_id"):
        servergroups.get(compute_client, group_id)
    with pytest.raises(error, match="server_group_id"):
        servergroups.delete(compute_client, group_id)

    assert server.requests == []


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"name": "g", "policies": ["affinity"]}
    with pytest.raises(TypeError, match="expected CreateOpts, not dict"):
        servergroups.create(compute_client, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        servergroups.list(compute_client, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("CreateOptsBuilder", servergroups.CreateOpts), ("ListOptsBuilder", servergroups.ListOpts)],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(servergroups, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(servergroups.requests, old) is new
