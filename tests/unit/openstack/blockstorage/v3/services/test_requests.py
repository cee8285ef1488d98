"""Block storage v3 services (os-services), over loopback."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from oscloud._model import json_fields
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3 import services
from oscloud.service import ServiceClient
from tests.unit.helpers.server import FakeServer, Reply
from tests.unit.openstack.blockstorage.conftest import VOLUME, Sent
from tests.unit.openstack.blockstorage.v3.services import fixtures as fx


def test_list(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("GET", f"{VOLUME}/os-services", Reply(200, fx.SERVICES))

    got = [*services.list(cinder, services.ListOpts(host="devstack")).items()]

    sent("GET", "/os-services", query={"host": ["devstack"]})
    assert [s.binary for s in got] == ["cinder-scheduler", "cinder-backup", "cinder-volume"]
    volume = got[2]
    assert volume.updated_at == _dt.datetime(2017, 6, 29, 5, 50, 39, tzinfo=_dt.timezone.utc)
    assert (volume.frozen, volume.replication_status, volume.cluster) == (
        False,
        "disabled",
        None,
    )
    assert got[0].frozen is None


def test_enable(server: FakeServer, cinder: ServiceClient, sent: Sent) -> None:
    server.route("PUT", f"{VOLUME}/os-services/enable", Reply(200, fx.ENABLED))

    got = services.enable(cinder, "host1", "cinder-volume").extract()

    sent("PUT", "/os-services/enable", body={"host": "host1", "binary": "cinder-volume"})
    assert (got.status, got.disabled, got.binary) == ("enabled", False, "cinder-volume")


def test_disable_with_and_without_a_reason(server: FakeServer, cinder: ServiceClient) -> None:
    server.route("PUT", f"{VOLUME}/os-services/disable", Reply(200, fx.DISABLED))
    server.route("PUT", f"{VOLUME}/os-services/disable-log-reason", Reply(200, fx.DISABLED))

    plain = services.disable(cinder, "host1", "cinder-volume").extract()
    services.disable(cinder, "host1", "cinder-volume", reason="test2").extract()

    first, second = server.requests
    assert first.path == f"{VOLUME}/os-services/disable"
    assert first.json() == {"host": "host1", "binary": "cinder-volume"}
    assert second.path == f"{VOLUME}/os-services/disable-log-reason"
    assert second.json() == {"host": "host1", "binary": "cinder-volume", "disabled_reason": "test2"}
    assert plain.disabled is True


def test_enable_needs_host_and_binary(server: FakeServer, cinder: ServiceClient) -> None:
    with pytest.raises(MissingInputError, match="binary"):
        services.enable(cinder, "host1", "")

    assert server.requests == []


def test_options_given_as_a_dict_are_refused_before_any_request(
    server: FakeServer, cinder: ServiceClient
) -> None:
    as_dict: Any = {"binary": "cinder-volume"}

    with pytest.raises(TypeError, match="expected ListOpts, not dict"):
        services.list(cinder, as_dict)

    assert server.requests == []


def test_the_removed_builder_name_warns_and_gives_the_options_class() -> None:
    with pytest.warns(DeprecationWarning, match="ListOptsBuilder is deprecated: use ListOpts"):
        assert getattr(services, "ListOptsBuilder") is services.ListOpts  # noqa: B009
    with pytest.warns(DeprecationWarning, match="ListOptsBuilder"):
        assert getattr(services.requests, "ListOptsBuilder") is services.ListOpts  # noqa: B009


def test_the_models_declare_the_microversions_of_their_fields() -> None:
    declared = json_fields(services.Service)

    assert {name: f.min_version for name, f in declared.items() if f.min_version} == {
        "cluster": "3.7",
        "backend_state": "3.49",
    }
    assert services.UpdateResult is services.ServiceStatusResult
