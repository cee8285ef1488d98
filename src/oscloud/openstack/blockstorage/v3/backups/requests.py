"""Operations on block storage v3 backups: create, list, restore, export, import, wait."""

from __future__ import annotations

import builtins
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, cast

import attrs

from oscloud import _wire as wire
from oscloud._lookup import find_one
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import (
    NullType,
    checked_metadata,
    require_microversion,
    require_microversions,
    sort_param,
    wait_for,
)
from oscloud.openstack.blockstorage.v3.backups import urls
from oscloud.openstack.blockstorage.v3.backups.results import (
    ActionResult,
    Backup,
    BackupPage,
    BackupRef,
    BackupRefPage,
    CreateResult,
    DeleteResult,
    ExportResult,
    GetResult,
    ImportResult,
    RestoreResult,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "ERROR_STATES",
    "CreateOpts",
    "CreateOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "RestoreOpts",
    "RestoreOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "create",
    "delete",
    "export_record",
    "find",
    "force_delete",
    "get",
    "import_record",
    "list",
    "list_simple",
    "reset_status",
    "restore",
    "update",
    "wait_for_delete",
    "wait_for_status",
]

#: The statuses in which a backup has failed (``fail_reason`` says why).
ERROR_STATES: tuple[str, ...] = ("error", "error_deleting", "error_restoring")

_CREATE_VERSIONS = {"metadata": "3.43", "availability_zone": "3.51"}


class ListOptsBuilder(Protocol):
    """Anything that can build the query of a backup listing.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(volume_id="v1")
        >>> builder.to_backup_list_query()
        [('volume_id', 'v1')]
    """

    def to_backup_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /backups[/detail]``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a backup listing (``with_count`` from 3.45).

    Example:
        >>> ListOpts(volume_id="v1", status="available", sort="created_at:desc",
        ...          limit=5).to_backup_list_query()
        [('volume_id', 'v1'), ('status', 'available'), ('sort', 'created_at:desc'), \
('limit', '5')]
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    project_id: str | None = attrs.field(default=None, metadata=wire.query("project_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))
    offset: int | None = attrs.field(default=None, metadata=wire.query("offset"))
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    with_count: bool | None = attrs.field(default=None, metadata=wire.query("with_count"))

    def to_backup_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


def _listing_url(client: ServiceClient, url: str, opts: ListOptsBuilder | None) -> str:
    if opts is None:
        return url
    query = opts.to_backup_list_query()
    require_microversions(client, (k for k, _ in query), {"with_count": "3.45"}, "a backup listing")
    return wire.with_query(url, query)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Backup]:
    """List backups with their details: ``GET /backups/detail`` (200), page by page.

    Example:
        >>> for b in backups.list(cinder, ListOpts(volume_id=volume_id)).items():  # doctest: +SKIP
        ...     print(b.id, b.status, b.is_incremental)
    """
    return Pager(client, _listing_url(client, urls.detail_url(client), opts), BackupPage)


def list_simple(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[BackupRef]:
    """List backups, ids names and links only: ``GET /backups`` (200), page by page.

    Example:
        >>> names = [b.name for b in backups.list_simple(cinder).items()]  # doctest: +SKIP
    """
    return Pager(client, _listing_url(client, urls.backups_url(client), opts), BackupRefPage)


def get(client: ServiceClient, backup_id: str) -> GetResult:
    """Show a backup: ``GET /backups/{backup_id}`` (200).

    Example:
        >>> backups.get(cinder, backup_id).extract().status  # doctest: +SKIP
        'available'
    """
    url = urls.backup_url(client, check_id("backup_id", backup_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of ``POST /backups``.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(volume_id="v1")
        >>> builder.to_backup_create_map()
        {'backup': {'volume_id': 'v1'}}
    """

    def to_backup_create_map(self) -> dict[str, Any]:
        """The body of ``POST /backups``."""
        ...


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new backup of a volume (or of one of its snapshots, ``snapshot_id``).

    ``incremental`` backs up what changed since the last backup; ``force`` backs up an
    ``in-use`` volume. Microversions: ``metadata`` 3.43, ``availability_zone`` 3.51;
    :func:`create` refuses them with an older client.

    Example:
        >>> CreateOpts(volume_id="0aa67a0c", name="backup001", description="Test backup",
        ...     incremental=False, force=False).to_backup_create_map()
        {'backup': {'volume_id': '0aa67a0c', 'name': 'backup001', \
'description': 'Test backup', 'incremental': False, 'force': False}}
    """

    volume_id: str | None = attrs.field(
        default=None, metadata=wire.body("volume_id", required=True)
    )
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | None = attrs.field(default=None, metadata=wire.body("description"))
    container: str | None = attrs.field(default=None, metadata=wire.body("container"))
    incremental: bool | None = attrs.field(default=None, metadata=wire.body("incremental"))
    force: bool | None = attrs.field(default=None, metadata=wire.body("force"))
    snapshot_id: str | None = attrs.field(default=None, metadata=wire.body("snapshot_id"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.body("availability_zone")
    )

    def to_backup_create_map(self) -> dict[str, Any]:
        """The body of ``POST /backups``.

        Raises:
            MissingInputError: ``volume_id`` is missing.
        """
        return wire.build_body(self, "backup")


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Back up a volume: ``POST /backups`` (202); answers with the id, name and links.

    The backup runs in the background; see :func:`wait_for_status`.

    Raises:
        MicroversionError: the body holds a member the client's microversion lacks.

    Example:
        >>> ref = backups.create(cinder, CreateOpts(volume_id=volume_id)).extract()  # doctest: +SKIP
        >>> backup = backups.wait_for_status(cinder, ref.id, "available")  # doctest: +SKIP
    """  # noqa: E501
    body = opts.to_backup_create_map()
    require_microversions(client, body.get("backup") or {}, _CREATE_VERSIONS, "the backup body")
    url = urls.backups_url(client)
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of ``PUT /backups/{backup_id}``.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(name="backup002")
        >>> builder.to_backup_update_map()
        {'backup': {'name': 'backup002'}}
    """

    def to_backup_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /backups/{backup_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A backup's new name, description (:data:`oscloud.NULL` clears it) or metadata.

    ``metadata`` needs microversion 3.43.

    Example:
        >>> UpdateOpts(name="backup002", description="weekly").to_backup_update_map()
        {'backup': {'name': 'backup002', 'description': 'weekly'}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description")
    )
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )

    def to_backup_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /backups/{backup_id}``.

        Raises:
            MissingInputError: no field is set.
        """
        body = wire.build_body(self, "backup")
        if not body["backup"]:
            raise MissingInputError("UpdateOpts needs name, description or metadata")
        return body


def update(client: ServiceClient, backup_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Rename or describe a backup: ``PUT /backups/{backup_id}`` (microversion 3.9).

    The API reference documents 202; 200 is taken too.

    Raises:
        MicroversionError: a client older than 3.9, or ``metadata`` older than 3.43.

    Example:
        >>> backups.update(cinder.with_microversion("3.9"), backup_id,
        ...                UpdateOpts(name="weekly")).extract()  # doctest: +SKIP
    """
    url = urls.backup_url(client, check_id("backup_id", backup_id))
    body = opts.to_backup_update_map()
    require_microversion(client, "3.9", "backup updates")
    require_microversions(client, body.get("backup") or {}, _CREATE_VERSIONS, "the backup body")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200, 202))


def delete(client: ServiceClient, backup_id: str) -> DeleteResult:
    """Delete a backup: ``DELETE /backups/{backup_id}`` (202).

    Example:
        >>> backups.delete(cinder, backup_id).extract_err()  # doctest: +SKIP
    """
    url = urls.backup_url(client, check_id("backup_id", backup_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


class RestoreOptsBuilder(Protocol):
    """Anything that can build the body of ``POST /backups/{backup_id}/restore``.

    Example:
        >>> builder: RestoreOptsBuilder = RestoreOpts(name="volume01")
        >>> builder.to_backup_restore_map()
        {'restore': {'name': 'volume01'}}
    """

    def to_backup_restore_map(self) -> dict[str, Any]:
        """The body of ``POST /backups/{backup_id}/restore``."""
        ...


@attrs.frozen(kw_only=True)
class RestoreOpts:
    """Where to restore a backup: an existing volume, or a new one.

    ``volume_id`` names an ``available`` volume at least as large as the backup; without
    it a new volume is made, named ``name``.

    Example:
        >>> RestoreOpts(volume_id="795114e8").to_backup_restore_map()
        {'restore': {'volume_id': '795114e8'}}
    """

    volume_id: str | None = attrs.field(default=None, metadata=wire.body("volume_id"))
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))

    def to_backup_restore_map(self) -> dict[str, Any]:
        """The body of ``POST /backups/{backup_id}/restore``."""
        return wire.build_body(self, "restore")


def restore(
    client: ServiceClient, backup_id: str, opts: RestoreOptsBuilder | None = None
) -> RestoreResult:
    """Restore a backup: ``POST /backups/{backup_id}/restore`` (202).

    Without options the backup is restored to a new volume. The answer names the volume
    being written; it is ``restoring-backup`` until the restore ends.

    Example:
        >>> r = backups.restore(cinder, backup_id, RestoreOpts(name="volume01")
        ...                     ).extract()  # doctest: +SKIP
        >>> volumes.wait_for_status(cinder, r.volume_id, "available")  # doctest: +SKIP
    """
    url = urls.restore_url(client, check_id("backup_id", backup_id))
    body = (opts or RestoreOpts()).to_backup_restore_map()
    return client.call(RestoreResult, "POST", url, json=body, ok_codes=(202,))


def export_record(client: ServiceClient, backup_id: str) -> ExportResult:
    """Export a backup's record (administrators): ``GET /backups/{backup_id}/export_record`` (200).

    Example:
        >>> record = backups.export_record(cinder, backup_id).extract()  # doctest: +SKIP
        >>> backups.import_record(other_cinder, record.backup_service,  # doctest: +SKIP
        ...                       record.backup_url).extract()
    """
    url = urls.export_url(client, check_id("backup_id", backup_id))
    return client.call(ExportResult, "GET", url, ok_codes=(200,))


def import_record(client: ServiceClient, backup_service: str, backup_url: str) -> ImportResult:
    """Import a backup's record (administrators): ``POST /backups/import_record`` (201).

    Raises:
        MissingInputError: ``backup_service`` or ``backup_url`` is empty.

    Example:
        >>> ref = backups.import_record(cinder, "cinder.backup.drivers.swift",
        ...                             backup_url).extract()  # doctest: +SKIP
    """
    for name, value in (("backup_service", backup_service), ("backup_url", backup_url)):
        if not isinstance(value, str) or not value:
            raise MissingInputError(f"{name} is required (got {value!r})")
    body = {"backup-record": {"backup_service": backup_service, "backup_url": backup_url}}
    url = urls.import_url(client)
    return client.call(ImportResult, "POST", url, json=body, ok_codes=(201,))


def reset_status(client: ServiceClient, backup_id: str, status: str) -> ActionResult:
    """Overwrite a backup's status (administrators): ``os-reset_status`` (202).

    Example:
        >>> backups.reset_status(cinder, backup_id, "available").extract_err()  # doctest: +SKIP
    """
    if not isinstance(status, str) or not status:
        raise MissingInputError(f"a status is required (got {status!r})")
    url = urls.action_url(client, check_id("backup_id", backup_id))
    body = {"os-reset_status": {"status": status}}
    return client.call(ActionResult, "POST", url, json=body, ok_codes=(202,))


def force_delete(client: ServiceClient, backup_id: str) -> ActionResult:
    """Delete a backup whatever its status (administrators): ``os-force_delete`` (202).

    Example:
        >>> backups.force_delete(cinder, backup_id).extract_err()  # doctest: +SKIP
    """
    url = urls.action_url(client, check_id("backup_id", backup_id))
    return client.call(ActionResult, "POST", url, json={"os-force_delete": {}}, ok_codes=(202,))


def find(client: ServiceClient, name: str) -> Backup:
    """The one backup named exactly ``name``.

    Raises:
        ResourceNotFoundError: no backup has that name.
        MultipleResourcesFoundError: several have it.

    Example:
        >>> backup = backups.find(cinder, "nightly")  # doctest: +SKIP
    """
    if not isinstance(name, str) or not name:
        raise MissingInputError(f"a backup name is required (got {name!r})")
    items = list(client, ListOpts(name=name)).items()
    return find_one(items, name, kind="backup", name_of=lambda b: b.name)


def wait_for_status(
    client: ServiceClient,
    backup_id: str,
    status: str,
    *,
    timeout: float = 1800.0,
    interval: float = 5.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Backup:
    """Read the backup every ``interval`` seconds until its status is ``status``.

    Raises:
        ResourceErrorStateError: the backup went to an error status (the message carries
            its ``fail_reason``).
        WaitTimeoutError: ``timeout`` seconds passed.
        NotFoundError: the backup does not exist.

    Example:
        >>> backup = backups.wait_for_status(cinder, ref.id, "available")  # doctest: +SKIP
    """
    check_id("backup_id", backup_id)
    wanted = status.lower()
    backup = wait_for(
        lambda: get(client, backup_id),
        resource_id=f"backup {backup_id}",
        wanted=(wanted,),
        error_states=tuple(s for s in ERROR_STATES if s != wanted),
        fault_of=lambda b: b.fail_reason,
        gone_ok=False,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )
    return cast(Backup, backup)


def wait_for_delete(
    client: ServiceClient,
    backup_id: str,
    *,
    timeout: float = 1800.0,
    interval: float = 5.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Read the backup every ``interval`` seconds until it answers 404.

    Raises:
        ResourceErrorStateError: the backup went to ``error_deleting`` or ``error``.
        WaitTimeoutError: ``timeout`` seconds passed.

    Example:
        >>> backups.wait_for_delete(cinder, backup_id)  # doctest: +SKIP
    """
    check_id("backup_id", backup_id)
    wait_for(
        lambda: get(client, backup_id),
        resource_id=f"backup {backup_id}",
        wanted=(),
        error_states=("error_deleting", "error"),
        fault_of=lambda b: b.fail_reason,
        gone_ok=True,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )
