"""The legacy security group API: every operation works, warns, and stops at 2.36."""

from __future__ import annotations

from typing import Any

import pytest

from oscloud.errors import MicroversionError, MissingInputError, NotFoundError
from oscloud.openstack.compute.v2.extensions import secgroups
from oscloud.openstack.compute.v2.extensions.secgroups import requests as secgroup_requests
from oscloud.results import ErrResult
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.secgroups import fixtures as fx

# Each test asserts the warnings it cares about with pytest.warns; the others are noise.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _deprecated(name: str) -> Any:
    return pytest.warns(DeprecationWarning, match=rf"secgroups\.{name} is deprecated")


def test_every_public_name_warns_when_used() -> None:
    for name in secgroups.__all__:
        with _deprecated(name):
            getattr(secgroups, name)


def test_every_public_name_says_it_is_deprecated() -> None:
    for name in secgroups.__all__:
        value = getattr(secgroups, name)
        if value is ErrResult:  # the shared result of operations with no body
            assert name.endswith("Result"), name
            continue
        doc = value.__doc__ or ""
        assert doc.startswith("Deprecated"), name
    assert "Deprecated" in (secgroups.__doc__ or "")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        secgroups.nope  # noqa: B018


def test_operations_warn_at_the_callers_line(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    server.route("GET", fx.GROUPS, Reply(200, fx.LIST))

    with pytest.warns(DeprecationWarning, match="deprecated") as caught:
        secgroup_requests.list(compute_client)

    assert [str(w.message).split(" is ")[0] for w in caught] == ["secgroups.list"]
    assert caught[0].filename == __file__


def test_list(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.GROUPS, Reply(200, fx.LIST))

    with _deprecated("list"):
        pager = secgroups.list(compute_client.with_microversion("2.35"))
    got = secgroups.extract_security_groups(pager.all_pages())

    sent("GET", "/os-security-groups", microversion="2.35")
    assert got == [
        secgroups.SecurityGroup(
            id="1", name="default", description="default", tenant_id=fx.TENANT_ID
        )
    ]


def test_list_all_tenants(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.GROUPS, Reply(200, {"security_groups": []}))

    opts = secgroups.ListOpts(all_tenants=True, limit=10, offset=5)
    assert list(secgroups.list(compute_client, opts).items()) == []

    sent(
        "GET",
        "/os-security-groups",
        query={"all_tenants": ["true"], "limit": ["10"], "offset": ["5"]},
    )


def test_list_by_server_works_at_any_microversion(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.SERVER_GROUPS, Reply(200, fx.SERVER_LIST))

    with _deprecated("list_by_server"):
        pager = secgroups.list_by_server(compute_client.with_microversion("2.90"), fx.SERVER_ID)
    got = list(pager.items())

    sent("GET", f"/servers/{fx.SERVER_ID}/os-security-groups", microversion="2.90")
    assert [(g.id, g.name, g.tenant_id) for g in got] == [("1", "default", "openstack")]


def test_get_reads_rules(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", f"{fx.GROUPS}/1", Reply(200, fx.GET_WITH_RULES))

    with _deprecated("get"):
        result = secgroups.get(compute_client, "1")

    sent("GET", "/os-security-groups/1")
    assert isinstance(result, secgroups.GetResult)
    (rule,) = result.extract().rules
    assert rule == secgroups.Rule(
        id="7",
        parent_group_id="1",
        ip_protocol="icmp",
        from_port=-1,
        to_port=-1,
        cidr=None,
        group=secgroups.RuleGroup(name="web", tenant_id=fx.TENANT_ID),
    )


def test_get_missing(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    body = {"itemNotFound": {"code": 404, "message": "Security group 9 not found."}}
    server.route("GET", f"{fx.GROUPS}/9", Reply(404, body))

    result = secgroups.get(compute_client, "9")

    sent("GET", "/os-security-groups/9")
    with pytest.raises(NotFoundError, match="Security group 9 not found"):
        result.extract()


def test_create(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("POST", fx.GROUPS, Reply(200, fx.CREATE_RESPONSE))

    with _deprecated("create"):
        result = secgroups.create(
            compute_client, secgroups.CreateOpts(name="json-test", description="description")
        )

    sent("POST", "/os-security-groups", body=fx.CREATE_REQUEST)
    assert isinstance(result, secgroups.CreateResult)
    assert result.extract() == secgroups.SecurityGroup(
        id="2", name="json-test", description="description", tenant_id="openstack"
    )


def test_update(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("PUT", f"{fx.GROUPS}/2", Reply(200, fx.CREATE_RESPONSE))

    with _deprecated("update"):
        result = secgroups.update(
            compute_client, "2", secgroups.UpdateOpts(name="json-test", description="description")
        )

    sent("PUT", "/os-security-groups/2", body=fx.CREATE_REQUEST)
    assert isinstance(result, secgroups.UpdateResult)
    assert result.extract().name == "json-test"


def test_delete(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", f"{fx.GROUPS}/2", Reply(202))

    with _deprecated("delete"):
        result = secgroups.delete(compute_client, "2")

    sent("DELETE", "/os-security-groups/2")
    assert isinstance(result, secgroups.DeleteResult)
    result.extract_err()


def test_create_rule(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("POST", fx.RULES, Reply(200, fx.RULE_RESPONSE))
    opts = secgroups.CreateRuleOpts(
        parent_group_id="21111111-1111-1111-1111-111111111112",
        ip_protocol="tcp",
        from_port=22,
        to_port=22,
        cidr="10.0.0.0/24",
    )

    with _deprecated("create_rule"):
        result = secgroups.create_rule(compute_client, opts)

    sent("POST", "/os-security-group-rules", body=fx.RULE_REQUEST)
    assert isinstance(result, secgroups.CreateRuleResult)
    assert result.extract() == secgroups.Rule(
        id=fx.RULE_ID,
        parent_group_id="11111111-1111-1111-1111-111111111111",
        ip_protocol="tcp",
        from_port=22,
        to_port=22,
        cidr="10.0.0.0/24",
    )


def test_create_rule_from_a_group(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("POST", fx.RULES, Reply(200, fx.RULE_RESPONSE))
    opts = secgroups.CreateRuleOpts(
        parent_group_id="1", ip_protocol="icmp", from_port=-1, to_port=-1, group_id="3"
    )

    secgroups.create_rule(compute_client, opts).extract()

    sent(
        "POST",
        "/os-security-group-rules",
        body={
            "security_group_rule": {
                "parent_group_id": "1",
                "ip_protocol": "icmp",
                "from_port": -1,
                "to_port": -1,
                "group_id": "3",
            }
        },
    )


def test_delete_rule(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", f"{fx.RULES}/{fx.RULE_ID}", Reply(202))

    with _deprecated("delete_rule"):
        result = secgroups.delete_rule(compute_client, fx.RULE_ID)

    sent("DELETE", f"/os-security-group-rules/{fx.RULE_ID}")
    assert isinstance(result, secgroups.DeleteRuleResult)
    result.extract_err()


@pytest.mark.parametrize(
    ("operation", "action", "body"),
    [("add_server", "addSecurityGroup", fx.ADD_REQUEST),
     ("remove_server", "removeSecurityGroup", fx.REMOVE_REQUEST)],
)  # fmt: skip
def test_server_actions_work_at_any_microversion(
    server: FakeServer,
    compute_client: ServiceClient,
    sent: Sent,
    operation: str,
    action: str,
    body: dict[str, Any],
) -> None:
    server.route("POST", fx.SERVER_ACTION, Reply(202))

    with _deprecated(operation):
        result = getattr(secgroups, operation)(
            compute_client.with_microversion("2.90"), fx.SERVER_ID, "test"
        )

    sent("POST", f"/servers/{fx.SERVER_ID}/action", body=body, microversion="2.90")
    assert isinstance(result, secgroups.ActionResult)
    result.extract_err()
    assert action in body


@pytest.mark.parametrize(
    "call",
    [
        lambda c: secgroups.list(c),
        lambda c: secgroups.get(c, "1"),
        lambda c: secgroups.create(c, secgroups.CreateOpts(name="a", description="b")),
        lambda c: secgroups.update(c, "1", secgroups.UpdateOpts(name="a", description="b")),
        lambda c: secgroups.delete(c, "1"),
        lambda c: secgroups.create_rule(c, secgroups.CreateRuleOpts(parent_group_id="1")),
        lambda c: secgroups.delete_rule(c, "1"),
    ],
)
def test_the_proxy_api_is_refused_from_2_36(
    server: FakeServer, compute_client: ServiceClient, call: Any
) -> None:
    with pytest.raises(MicroversionError, match=r"removed in compute microversion 2\.36"):
        call(compute_client.with_microversion("2.36"))

    assert server.requests == []


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda c: secgroups.create(c, secgroups.CreateOpts(name="a", description=None)),  # type: ignore[arg-type]
         MissingInputError, "description"),
        (lambda c: secgroups.create(c, secgroups.CreateOpts(name="", description="b")),
         ValueError, "name"),
        (lambda c: secgroups.update(c, "1", secgroups.UpdateOpts(name="a", description="")),
         ValueError, "description"),
        (lambda c: secgroups.get(c, "a/b"), ValueError, "security_group_id"),
        (lambda c: secgroups.delete_rule(c, ""), MissingInputError, "rule_id"),
        (lambda c: secgroups.create_rule(c, secgroups.CreateRuleOpts(parent_group_id=None)),  # type: ignore[arg-type]
         MissingInputError, "parent_group_id"),
        (lambda c: secgroups.create_rule(c, secgroups.CreateRuleOpts(
            parent_group_id="1", ip_protocol="gre")), ValueError, "tcp, udp or icmp"),
        (lambda c: secgroups.create_rule(c, secgroups.CreateRuleOpts(
            parent_group_id="1", from_port=70000)), ValueError, "65535"),
        (lambda c: secgroups.create_rule(c, secgroups.CreateRuleOpts(
            parent_group_id="1", ip_protocol="tcp", from_port=80, to_port=22)),
         ValueError, "below"),
        (lambda c: secgroups.create_rule(c, secgroups.CreateRuleOpts(
            parent_group_id="1", cidr="0.0.0.0/0", group_id="2")), ValueError, "not both"),
        (lambda c: secgroups.add_server(c, "", "web"), MissingInputError, "server_id"),
        (lambda c: secgroups.remove_server(c, fx.SERVER_ID, ""), ValueError, "group name"),
    ],
)  # fmt: skip
def test_bad_input_raises_before_sending(
    server: FakeServer, compute_client: ServiceClient, call: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        call(compute_client)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CreateOptsBuilder", "CreateOpts"),
        ("CreateRuleOptsBuilder", "CreateRuleOpts"),
        ("ListOptsBuilder", "ListOpts"),
        ("UpdateOptsBuilder", "UpdateOpts"),
    ],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: str) -> None:
    with _deprecated(old):
        got = getattr(secgroups, old)
    assert got is vars(secgroup_requests)[new]
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new}"):
        assert getattr(secgroup_requests, old) is got
    assert old not in secgroups.__all__


def test_per_operation_result_names_are_aliases() -> None:
    assert secgroups.GetResult is secgroups.SecurityGroupResult
    assert secgroups.CreateResult is secgroups.UpdateResult is secgroups.SecurityGroupResult
    assert secgroups.CreateRuleResult is secgroups.RuleResult
    assert secgroups.DeleteResult is secgroups.DeleteRuleResult is secgroups.ActionResult
    assert secgroups.ActionResult is ErrResult


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda c, d: secgroups.list(c, d), "ListOpts"),
        (lambda c, d: secgroups.create(c, d), "CreateOpts"),
        (lambda c, d: secgroups.update(c, "1", d), "UpdateOpts"),
        (lambda c, d: secgroups.create_rule(c, d), "CreateRuleOpts"),
    ],
)
def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient, call: Any, name: str
) -> None:
    as_dict = {"name": "web", "description": "d", "parent_group_id": "1"}
    with pytest.raises(TypeError, match=f"expected {name}, not dict"):
        call(compute_client, as_dict)

    assert server.requests == []
