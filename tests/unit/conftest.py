"""Fixtures shared by the unit tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from oscloud import AuthOptions, RetryPolicy
from oscloud.endpoints import Catalog
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.helpers.identity import TOKEN_ID, v3_catalog
from tests.unit.helpers.secrets import PASSWORD, SecretScan
from tests.unit.helpers.server import FakeServer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "prints_secret(reason): the test shows a known secret on purpose; the secret scan "
        "leaves it alone (keep these rare, and say why)",
    )


@pytest.fixture(autouse=True)
def secret_scan(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail any test in which a known secret (tests/unit/helpers/secrets.py) shows.

    It looks in the ``oscloud`` logger's records (at DEBUG), the warnings, and the text of
    every oscloud exception built and every exception ``pytest.raises`` caught, with their
    chained causes. A test marked ``prints_secret`` is not scanned.
    """
    if request.node.get_closest_marker("prints_secret"):
        yield
        return
    caplog.set_level(logging.DEBUG, logger="oscloud")
    scan = SecretScan()
    with scan.watching():
        yield
    leaks = scan.leaks([*caplog.get_records("setup"), *caplog.get_records("call")])
    if leaks:
        pytest.fail("a known secret was shown:\n" + "\n".join(leaks), pytrace=False)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    """A loopback HTTP server, started for one test."""
    with FakeServer() as fake:
        yield fake


@pytest.fixture
def sleeps() -> list[float]:
    """The waits the retry policy asked for (recorded instead of slept)."""
    return []


@pytest.fixture
def provider(server: FakeServer, sleeps: list[float]) -> ProviderClient:
    """A provider already holding a token and a catalog that points at ``server``."""
    client = ProviderClient(
        identity_endpoint=server.url + "/identity/v3/",
        retry=RetryPolicy(sleep=sleeps.append),
        timeout=(5.0, 5.0),
    )
    client.set_token(TOKEN_ID, catalog=Catalog.from_v3(v3_catalog(server.url)))
    return client


@pytest.fixture
def auth_options(server: FakeServer) -> AuthOptions:
    """Password options for the fake Keystone at ``server``."""
    return AuthOptions(
        identity_endpoint=server.url + "/identity/v3",
        username="demo",
        password=PASSWORD,
        domain_name="Default",
        project_name="demo",
    )


def make_service_client(provider: ProviderClient, service_type: str, path: str) -> ServiceClient:
    """A service client for ``service_type`` at ``path`` on the provider's fake server."""
    base = provider.identity_endpoint.split("/identity/")[0]
    return ServiceClient(provider=provider, endpoint=base + path, type=service_type)


@pytest.fixture
def compute_client(provider: ProviderClient) -> ServiceClient:
    """A compute service client against the fake server."""
    return make_service_client(provider, "compute", "/compute/v2.1")
