"""Fixtures for the block storage acceptance tests: clients, project ids and cleanup.

Every resource a test makes is registered with the ``cleanup`` fixture as soon as it
exists; the fixture removes what is left when the test ends: transfers and servers
first, then volumes and snapshots newest first (clones before their sources), then
volume types and QoS specs. Volumes are deleted with the administrator's client, which
can reset one stuck in any status.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from oscloud import errors, openstack
from oscloud.openstack.blockstorage.v3 import qos, snapshots, transfers, volumes, volumetypes
from oscloud.openstack.clouds import CloudConfig
from oscloud.openstack.compute.v2 import servers
from oscloud.openstack.identity.v3 import tokens
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from tests.acceptance.conftest import unique_name

#: How often the tests poll a volume or snapshot: the fake driver acts in under a second.
POLL = 0.5
#: The longest a status change may take on a loaded machine.
WAIT = 120.0

#: Statuses from which a volume may be deleted without resetting it first.
_DELETABLE = ("available", "error", "error_restoring", "error_extending", "error_managing")


@pytest.fixture(scope="session")
def cinder(member_provider: ProviderClient, member_cloud: CloudConfig) -> ServiceClient:
    """The member's block storage client, sending no microversion (the 3.0 behaviour)."""
    return openstack.new_block_storage_v3(member_provider, member_cloud.endpoint_opts())


@pytest.fixture(scope="session")
def admin_cinder(admin_provider: ProviderClient, admin_cloud: CloudConfig) -> ServiceClient:
    """The administrator's block storage client, sending no microversion."""
    return openstack.new_block_storage_v3(admin_provider, admin_cloud.endpoint_opts())


def _project_id(provider: ProviderClient) -> str:
    identity = openstack.new_identity_v3(provider)
    assert provider.token, "the provider is authenticated"
    project = tokens.get(identity, provider.token).extract().project
    assert project is not None, "the acceptance clouds use project-scoped tokens"
    return project.id


@pytest.fixture(scope="session")
def compute(member_provider: ProviderClient, member_cloud: CloudConfig) -> ServiceClient:
    """The member's compute client at 2.79 (attachments answer with a body, networks "none")."""
    client = openstack.new_compute_v2(member_provider, member_cloud.endpoint_opts())
    return client.with_microversion("2.79")


@pytest.fixture(scope="session")
def image_id(cloud_info: dict[str, Any]) -> str:
    """The id of the launcher's image, from ``cloud.json``."""
    image = cloud_info.get("image") or {}
    if not image.get("id"):
        pytest.skip("cloud.json names no image to boot a server from")
    return str(image["id"])


@pytest.fixture(scope="session")
def tiny_flavor_id(cloud_info: dict[str, Any]) -> str:
    """The id of the smallest flavor the launcher made (``m1.tiny``)."""
    for flavor in cloud_info.get("flavors") or []:
        if isinstance(flavor, dict) and flavor.get("name") == "m1.tiny":
            return str(flavor["id"])
    return "1"


@pytest.fixture(scope="session")
def member_project_id(member_provider: ProviderClient) -> str:
    """The id of the member's project (from its token)."""
    return _project_id(member_provider)


@pytest.fixture(scope="session")
def admin_project_id(admin_provider: ProviderClient) -> str:
    """The id of the administrator's project (from its token)."""
    return _project_id(admin_provider)


def poll(
    read: Callable[[], Any],
    done: Callable[[Any], bool],
    *,
    what: str,
    timeout: float = WAIT,
) -> Any:
    """Call ``read`` every :data:`POLL` seconds until ``done`` holds for its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still {value!r} after {timeout} s")
        time.sleep(POLL)


# -- cleanup -----------------------------------------------------------------------------


def delete_volume(admin: ServiceClient, volume_id: str) -> None:
    """Delete a volume (and its snapshots) whatever its status, and wait until it is gone."""
    found = volumes.get(admin, volume_id)
    if isinstance(found.err, errors.NotFoundError):
        return
    volume = found.extract()
    if volume.status not in _DELETABLE or volume.attachments:
        volumes.reset_status(
            admin,
            volume_id,
            volumes.ResetStatusOpts(
                status="available", attach_status="detached", migration_status="none"
            ),
        ).extract_err()
    deleted = volumes.delete(admin, volume_id, volumes.DeleteOpts(cascade=True))
    if deleted.err is not None and not isinstance(deleted.err, errors.NotFoundError):
        volumes.force_delete(admin, volume_id).extract_err()
    volumes.wait_for_delete(admin, volume_id, timeout=WAIT, interval=POLL)


def delete_snapshot(admin: ServiceClient, snapshot_id: str) -> None:
    """Delete a snapshot whatever its status, and wait until it is gone."""
    found = snapshots.get(admin, snapshot_id)
    if isinstance(found.err, errors.NotFoundError):
        return
    if found.extract().status not in ("available", "error"):
        snapshots.reset_status(admin, snapshot_id, "available").extract_err()
    deleted = snapshots.delete(admin, snapshot_id)
    if deleted.err is not None and not isinstance(deleted.err, errors.NotFoundError):
        snapshots.force_delete(admin, snapshot_id).extract_err()
    snapshots.wait_for_delete(admin, snapshot_id, timeout=WAIT, interval=POLL)


def delete_server(compute: ServiceClient, server_id: str) -> None:
    """Delete a server and wait until it is gone (its volumes are detached by Nova)."""
    deleted = servers.delete(compute, server_id)
    if isinstance(deleted.err, errors.NotFoundError):
        return
    deleted.extract_err()
    servers.wait_for_delete(compute, server_id, timeout=WAIT, interval=POLL)


def _delete_type(admin: ServiceClient, type_id: str) -> None:
    deleted = volumetypes.delete(admin, type_id)
    if not isinstance(deleted.err, errors.NotFoundError):
        deleted.extract_err()


def _delete_qos(admin: ServiceClient, qos_id: str) -> None:
    deleted = qos.delete(admin, qos_id, force=True)
    if not isinstance(deleted.err, errors.NotFoundError):
        deleted.extract_err()


def _delete_transfer(admin: ServiceClient, transfer_id: str) -> None:
    deleted = transfers.delete(admin, transfer_id)
    if not isinstance(deleted.err, errors.NotFoundError):
        deleted.extract_err()


class Cleanup:
    """What a test made, removed when the test ends.

    Transfers and servers go first, then volumes and snapshots (newest first: clones
    before their sources), then volume types and QoS specs, which Cinder keeps while a
    volume uses them.
    """

    _FIRST, _STORAGE, _LAST = 0, 1, 2

    def __init__(self, admin: ServiceClient) -> None:
        self.admin = admin
        self._undo: list[tuple[int, str, Callable[[], object]]] = []

    def volume(self, volume_id: str) -> str:
        self._add(
            self._STORAGE, f"volume {volume_id}", lambda: delete_volume(self.admin, volume_id)
        )
        return volume_id

    def snapshot(self, snapshot_id: str) -> str:
        self._add(
            self._STORAGE,
            f"snapshot {snapshot_id}",
            lambda: delete_snapshot(self.admin, snapshot_id),
        )
        return snapshot_id

    def volume_type(self, type_id: str) -> str:
        self._add(self._LAST, f"volume type {type_id}", lambda: _delete_type(self.admin, type_id))
        return type_id

    def qos_spec(self, qos_id: str) -> str:
        self._add(self._LAST, f"qos spec {qos_id}", lambda: _delete_qos(self.admin, qos_id))
        return qos_id

    def transfer(self, client: ServiceClient, transfer_id: str) -> str:
        self._add(
            self._FIRST,
            f"transfer {transfer_id}",
            lambda: _delete_transfer(client, transfer_id),
        )
        return transfer_id

    def first(self, what: str, undo: Callable[[], object]) -> None:
        """Register another undo step, run before volumes are deleted (a server)."""
        self._add(self._FIRST, what, undo)

    def _add(self, phase: int, what: str, undo: Callable[[], object]) -> None:
        self._undo.append((phase, what, undo))

    def run(self) -> list[str]:
        """Undo everything; the failures, described (cleanup goes on after one)."""
        failures = []
        ordered = sorted(enumerate(self._undo), key=lambda item: (item[1][0], -item[0]))
        self._undo.clear()
        for _, (_, what, undo) in ordered:
            try:
                undo()
            except Exception as err:  # keep cleaning; report at the end
                failures.append(f"{what}: {type(err).__name__}: {err}")
        return failures


@pytest.fixture
def cleanup(admin_cinder: ServiceClient) -> Iterator[Cleanup]:
    """Register what a test creates; everything left is deleted when the test ends."""
    registry = Cleanup(admin_cinder)
    yield registry
    failures = registry.run()
    assert not failures, "cleanup failed: " + "; ".join(failures)


@pytest.fixture
def make_volume(cinder: ServiceClient, cleanup: Cleanup) -> Callable[..., volumes.Volume]:
    """Create a member volume (1 GiB and a unique name unless given) and wait for it.

    Keyword arguments are :class:`volumes.CreateOpts` fields; ``client`` picks another
    client than the member's.
    """

    def make(*, client: ServiceClient | None = None, **fields: Any) -> volumes.Volume:
        client = client or cinder
        if not {"snapshot_id", "source_volid", "backup_id"} & fields.keys():
            fields.setdefault("size", 1)
        fields.setdefault("name", unique_name("vol"))
        created = volumes.create(client, volumes.CreateOpts(**fields)).extract()
        cleanup.volume(created.id)
        return volumes.wait_for_status(client, created.id, "available", timeout=WAIT, interval=POLL)

    return make


@pytest.fixture
def make_volume_type(
    admin_cinder: ServiceClient, cleanup: Cleanup
) -> Callable[..., volumetypes.VolumeType]:
    """Create a volume type as the administrator (unique name unless given).

    Its extra specs name the local back end (``volume_backend_name=fake``) unless
    ``extra_specs`` is given: a type whose specs no pool matches cannot hold volumes.
    """

    def make(**fields: Any) -> volumetypes.VolumeType:
        fields.setdefault("name", unique_name("type"))
        fields.setdefault("extra_specs", {"volume_backend_name": "fake"})
        created = volumetypes.create(admin_cinder, volumetypes.CreateOpts(**fields)).extract()
        cleanup.volume_type(created.id)
        return created

    return make
