"""Compute services: list (2.1 and 2.53), update by id (2.53), delete."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from oscloud.errors import ConflictError, MicroversionError, MissingInputError
from oscloud.openstack.compute.v2.extensions import services
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.compute.conftest import Sent
from tests.unit.openstack.compute.v2.extensions.services import fixtures as fx

UTC = _dt.timezone.utc


def test_list_at_2_53(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.SERVICES, Reply(200, fx.LIST_V253))

    got = services.extract_services(
        services.list(compute_client.with_microversion("2.53")).all_pages()
    )

    sent("GET", "/os-services", microversion="2.53")
    assert len(got) == 4
    assert got[1] == services.Service(
        id=fx.SERVICE_ID,
        binary="nova-compute",
        host="host1",
        zone="nova",
        status="disabled",
        state="up",
        disabled_reason="test2",
        forced_down=False,
        updated_at=_dt.datetime(2012, 10, 29, 13, 42, 5, tzinfo=UTC),
    )
    assert got[2].disabled_reason is None


def test_list_at_2_1_reads_integer_ids(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("GET", fx.SERVICES, Reply(200, fx.LIST_V21))

    (got,) = services.list(compute_client).items()

    sent("GET", "/os-services")
    assert (got.id, got.forced_down) == ("1", None)


def test_list_filters(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("GET", fx.SERVICES, Reply(200, {"services": []}))

    list(
        services.list(
            compute_client, services.ListOpts(binary="nova-compute", host="host1")
        ).items()
    )

    sent("GET", "/os-services", query={"binary": ["nova-compute"], "host": ["host1"]})


def test_update_disables_with_a_reason(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    server.route("PUT", fx.SERVICE, Reply(200, fx.DISABLE_RESPONSE))
    opts = services.UpdateOpts(
        status=services.ServiceStatus.DISABLED, disabled_reason="maintenance"
    )

    result = services.update(compute_client.with_microversion("2.53"), fx.SERVICE_ID, opts)

    sent("PUT", f"/os-services/{fx.SERVICE_ID}", body=fx.DISABLE_REQUEST, microversion="2.53")
    assert isinstance(result, services.UpdateResult)
    got = result.extract()
    assert (got.status, got.disabled_reason) == ("disabled", "maintenance")


def test_update_forces_down(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("PUT", fx.SERVICE, Reply(200, fx.FORCE_DOWN_RESPONSE))

    got = services.update(
        compute_client.with_microversion("2.53"),
        fx.SERVICE_ID,
        services.UpdateOpts(forced_down=True),
    ).extract()

    sent("PUT", f"/os-services/{fx.SERVICE_ID}", body=fx.FORCE_DOWN_REQUEST, microversion="2.53")
    assert (got.forced_down, got.state) == (True, "down")


def test_update_enables(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    enabled = {
        "service": {**fx.DISABLE_RESPONSE["service"], "status": "enabled", "disabled_reason": None}
    }
    server.route("PUT", fx.SERVICE, Reply(200, enabled))

    got = services.update(
        compute_client.with_microversion("2.53"),
        fx.SERVICE_ID,
        services.UpdateOpts(status="enabled"),
    ).extract()

    sent("PUT", f"/os-services/{fx.SERVICE_ID}", body={"status": "enabled"}, microversion="2.53")
    assert (got.status, got.disabled_reason) == ("enabled", None)


@pytest.mark.parametrize(
    ("microversion", "opts", "error", "match"),
    [
        ("2.52", services.UpdateOpts(forced_down=True), MicroversionError, r"2\.53"),
        (None, services.UpdateOpts(status="disabled"), MicroversionError, r"2\.53"),
        ("2.53", services.UpdateOpts(), MissingInputError, "needs status"),
        ("2.53", services.UpdateOpts(disabled_reason="x"), ValueError, "goes only with"),
        ("2.53", services.UpdateOpts(status="enabled", disabled_reason="x"), ValueError,
         "goes only with"),
        ("2.53", services.UpdateOpts(status="paused"), ValueError, "ServiceStatus"),
        ("2.53", services.UpdateOpts(status="disabled", disabled_reason="x" * 256), ValueError,
         "255"),
        ("2.53", services.UpdateOpts(forced_down="yes"), ValueError, "forced_down"),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_update_refuses_bad_input_before_sending(
    server: FakeServer,
    compute_client: ServiceClient,
    microversion: str | None,
    opts: services.UpdateOpts,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        services.update(compute_client.with_microversion(microversion), fx.SERVICE_ID, opts)

    assert server.requests == []


def test_delete(server: FakeServer, compute_client: ServiceClient, sent: Sent) -> None:
    server.route("DELETE", fx.SERVICE, Reply(204))

    result = services.delete(compute_client.with_microversion("2.53"), fx.SERVICE_ID)

    sent("DELETE", f"/os-services/{fx.SERVICE_ID}", microversion="2.53")
    assert isinstance(result, services.DeleteResult)
    result.extract_err()


def test_delete_a_busy_compute_service(
    server: FakeServer, compute_client: ServiceClient, sent: Sent
) -> None:
    body = {
        "conflictingRequest": {
            "code": 409,
            "message": "Unable to delete compute service that is hosting instances.",
        }
    }
    server.route("DELETE", fx.SERVICE, Reply(409, body))

    result = services.delete(compute_client, fx.SERVICE_ID)

    sent("DELETE", f"/os-services/{fx.SERVICE_ID}")
    with pytest.raises(ConflictError, match="hosting instances"):
        result.extract_err()


@pytest.mark.parametrize(("service_id", "error"), [("", MissingInputError), ("a/b", ValueError)])
def test_bad_service_id_raises_before_sending(
    server: FakeServer, compute_client: ServiceClient, service_id: str, error: type[Exception]
) -> None:
    with pytest.raises(error, match="service_id"):
        services.delete(compute_client, service_id)
    with pytest.raises(error, match="service_id"):
        services.update(
            compute_client.with_microversion("2.53"),
            service_id,
            services.UpdateOpts(forced_down=True),
        )

    assert server.requests == []


def test_a_dict_instead_of_the_options_class_is_refused_before_sending(
    server: FakeServer, compute_client: ServiceClient
) -> None:
    as_dict: Any = {"status": "disabled", "binary": "nova-compute"}
    with pytest.raises(TypeError, match="expected UpdateOpts, not dict"):
        services.update(compute_client.with_microversion("2.53"), fx.SERVICE_ID, as_dict)
    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        services.list(compute_client, as_dict)

    assert server.requests == []


@pytest.mark.parametrize(
    ("old", "new"),
    [("ListOptsBuilder", services.ListOpts), ("UpdateOptsBuilder", services.UpdateOpts)],
)
def test_removed_builder_names_warn_and_give_the_options_class(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new.__name__}"):
        assert getattr(services, old) is new
    with pytest.warns(DeprecationWarning, match=old):
        assert getattr(services.requests, old) is new
