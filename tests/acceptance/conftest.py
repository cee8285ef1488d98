"""Fixtures for the acceptance tests: real OpenStack services, described by a clouds.yaml.

The cloud comes from ``OSCLOUD_ACCEPTANCE_DIR`` (a folder holding the ``clouds.yaml`` and
``cloud.json`` that ``tools/localcloud/localcloud.py up`` writes; default ``.localcloud``
at the repository root). Without one, every acceptance test is skipped with the reason.
The clouds used are ``oscloud-admin`` and ``oscloud-member``.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from oscloud import openstack
from oscloud.openstack.clouds import CloudConfig
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient

ROOT = Path(__file__).resolve().parents[2]
CLOUD_DIR = Path(os.environ.get("OSCLOUD_ACCEPTANCE_DIR", ROOT / ".localcloud"))
CLOUDS_YAML = CLOUD_DIR / "clouds.yaml"
NO_CLOUD = (
    f"no cloud configured: {CLOUDS_YAML} does not exist; run "
    "`python3 tools/localcloud/localcloud.py up` or set OSCLOUD_ACCEPTANCE_DIR"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.acceptance)
        if not CLOUDS_YAML.is_file():
            item.add_marker(pytest.mark.skip(reason=NO_CLOUD))


def unique_name(kind: str) -> str:
    """A name that says who made the resource, so leftovers are easy to find."""
    return f"oscloud-acc-{kind}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def cloud_info() -> dict[str, Any]:
    """What the launcher wrote about the cloud (ports, project ids, image, flavors)."""
    path = CLOUD_DIR / "cloud.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def _cloud(name: str) -> CloudConfig:
    return openstack.load_cloud(name, files=[CLOUDS_YAML])


@pytest.fixture(scope="session")
def admin_cloud() -> CloudConfig:
    return _cloud("oscloud-admin")


@pytest.fixture(scope="session")
def member_cloud() -> CloudConfig:
    return _cloud("oscloud-member")


@pytest.fixture(scope="session")
def admin_provider(admin_cloud: CloudConfig) -> ProviderClient:
    return openstack.authenticated_client(admin_cloud.auth_options)


@pytest.fixture(scope="session")
def member_provider(member_cloud: CloudConfig) -> ProviderClient:
    return openstack.authenticated_client(member_cloud.auth_options)


@pytest.fixture(scope="session")
def admin_identity(admin_provider: ProviderClient, admin_cloud: CloudConfig) -> ServiceClient:
    return openstack.new_identity_v3(admin_provider, admin_cloud.endpoint_opts())


@pytest.fixture
def fresh_member_provider(member_cloud: CloudConfig) -> ProviderClient:
    """A member provider of its own, for tests that spoil its token."""
    return openstack.authenticated_client(member_cloud.auth_options)
