"""Fixtures shared by the unit tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oscloud import AuthOptions, RetryPolicy
from oscloud.endpoints import Catalog
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.unit.helpers.identity import TOKEN_ID, v3_catalog
from tests.unit.helpers.server import FakeServer


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
        password="s3cret-password",
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
