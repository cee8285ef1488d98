"""Operations on block storage v3 backups: create, list, restore, export, import, wait."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import cast

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud._lookup import find_one
from oscloud._wait import wait_for_result
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import (
    NullType,
    checked_metadata,
    sort_param,
)
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
    "UPDATE_MICROVERSION",
    "CreateOpts",
    "ListOpts",
    "RestoreOpts",
    "UpdateOpts",
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

#: The microversion that brings ``PUT /backups/{backup_id}``.
UPDATE_MICROVERSION = "3.9"


# -- listing ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a backup listing.

    ``with_count`` (microversion 3.45) puts the number of backups of the whole listing
    in each page; a client older than that raises
    :class:`~oscloud.errors.MicroversionError` before any request.

    Example:
        >>> ListOpts(volume_id="v1", status="available", sort="created_at:desc", limit=5)
        ListOpts(all_tenants=None, project_id=None, name=None, volume_id='v1', \
status='available', sort='created_at:desc', limit=5, offset=None, marker=None, with_count=None)
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    project_id: str | None = attrs.field(default=None, metadata=wire.query("project_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=wire.non_negative_int)
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    with_count: bool | None = attrs.field(
        default=None, metadata=wire.query("with_count", min_version="3.45")
    )


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Backup]:
    """List backups with their details: ``GET /backups/detail`` (200), page by page.

    Raises:
        MicroversionError: ``with_count`` with a client older than 3.45 (before any
            request).
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> for b in backups.list(cinder, ListOpts(volume_id=volume_id)).items():  # doctest: +SKIP
        ...     print(b.id, b.status, b.is_incremental)
    """
    url = wire.url(client, "backups", "detail", query=opts, of=ListOpts)
    return Pager(client, url, BackupPage)


def list_simple(client: ServiceClient, opts: ListOpts | None = None) -> Pager[BackupRef]:
    """List backups, ids names and links only: ``GET /backups`` (200), page by page.

    Raises:
        MicroversionError: ``with_count`` with a client older than 3.45.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> names = [b.name for b in backups.list_simple(cinder).items()]  # doctest: +SKIP
    """
    url = wire.url(client, "backups", query=opts, of=ListOpts)
    return Pager(client, url, BackupRefPage)


# -- create, get, update, delete -------------------------------------------------------


def get(client: ServiceClient, backup_id: str) -> GetResult:
    """Show a backup: ``GET /backups/{backup_id}`` (200).

    Example:
        >>> backups.get(cinder, backup_id).extract().status  # doctest: +SKIP
        'available'
    """
    url = client.service_url("backups", check_id("backup_id", backup_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new backup of a volume (or of one of its snapshots, ``snapshot_id``).

    ``incremental`` backs up what changed since the last backup; ``force`` backs up an
    ``in-use`` volume. Microversions: ``metadata`` 3.43, ``availability_zone`` 3.51;
    :func:`create` refuses them with an older client, before sending.

    Example:
        >>> opts = CreateOpts(volume_id="0aa67a0c", name="backup001",
        ...     description="Test backup", incremental=False, force=False)
        >>> wire.build_body(opts, "backup", client=None)
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
        default=None,
        metadata=wire.body("metadata", encode=checked_metadata, min_version="3.43"),
    )
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.body("availability_zone", min_version="3.51")
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Back up a volume: ``POST /backups`` (202); answers with the id, name and links.

    The backup runs in the background; see :func:`wait_for_status`.

    Raises:
        MissingInputError: ``volume_id`` is missing.
        MicroversionError: ``metadata`` with a client older than 3.43, or
            ``availability_zone`` with one older than 3.51.
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> ref = backups.create(cinder, CreateOpts(volume_id=volume_id)).extract()  # doctest: +SKIP
        >>> backup = backups.wait_for_status(cinder, ref.id, "available")  # doctest: +SKIP
    """  # noqa: E501
    body = wire.build_body(opts, "backup", client=client, of=CreateOpts)
    url = client.service_url("backups")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A backup's new name, description (:data:`oscloud.NULL` clears it) or metadata.

    The update itself needs microversion 3.9; ``metadata`` needs 3.43.

    Example:
        >>> opts = UpdateOpts(name="backup002", description="weekly")
        >>> wire.build_body(opts, "backup", client=None)
        {'backup': {'name': 'backup002', 'description': 'weekly'}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description")
    )
    metadata: Mapping[str, str] | None = attrs.field(
        default=None,
        metadata=wire.body("metadata", encode=checked_metadata, min_version="3.43"),
    )


def update(client: ServiceClient, backup_id: str, opts: UpdateOpts) -> UpdateResult:
    """Rename or describe a backup: ``PUT /backups/{backup_id}`` (microversion 3.9).

    The API reference documents 202; 200 is taken too.

    Raises:
        MissingInputError: no field is set.
        MicroversionError: a client older than 3.9, or ``metadata`` older than 3.43.
        TypeError: ``opts`` is not an :class:`UpdateOpts`.

    Example:
        >>> backups.update(cinder.with_microversion("3.9"), backup_id,
        ...                UpdateOpts(name="weekly")).extract()  # doctest: +SKIP
    """
    url = client.service_url("backups", check_id("backup_id", backup_id))
    body = wire.build_body(opts, "backup", client=client, of=UpdateOpts)
    if not body["backup"]:
        raise MissingInputError("UpdateOpts needs name, description or metadata")
    client.require_microversion(UPDATE_MICROVERSION, "backup updates")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200, 202))


def delete(client: ServiceClient, backup_id: str) -> DeleteResult:
    """Delete a backup: ``DELETE /backups/{backup_id}`` (202).

    Example:
        >>> backups.delete(cinder, backup_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("backups", check_id("backup_id", backup_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


# -- restore, export and import --------------------------------------------------------


@attrs.frozen(kw_only=True)
class RestoreOpts:
    """Where to restore a backup: an existing volume, or a new one.

    ``volume_id`` names an ``available`` volume at least as large as the backup; without
    it a new volume is made, named ``name``.

    Example:
        >>> wire.build_body(RestoreOpts(volume_id="795114e8"), "restore", client=None)
        {'restore': {'volume_id': '795114e8'}}
    """

    volume_id: str | None = attrs.field(default=None, metadata=wire.body("volume_id"))
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))


def restore(
    client: ServiceClient, backup_id: str, opts: RestoreOpts | None = None
) -> RestoreResult:
    """Restore a backup: ``POST /backups/{backup_id}/restore`` (202).

    Without options the backup is restored to a new volume. The answer names the volume
    being written; it is ``restoring-backup`` until the restore ends.

    Raises:
        TypeError: ``opts`` is not a :class:`RestoreOpts`.

    Example:
        >>> r = backups.restore(cinder, backup_id, RestoreOpts(name="volume01")
        ...                     ).extract()  # doctest: +SKIP
        >>> volumes.wait_for_status(cinder, r.volume_id, "available")  # doctest: +SKIP
    """
    url = client.service_url("backups", check_id("backup_id", backup_id), "restore")
    given = RestoreOpts() if opts is None else opts
    body = wire.build_body(given, "restore", client=client, of=RestoreOpts)
    return client.call(RestoreResult, "POST", url, json=body, ok_codes=(202,))


def export_record(client: ServiceClient, backup_id: str) -> ExportResult:
    """Export a backup's record (administrators): ``GET /backups/{backup_id}/export_record`` (200).

    Example:
        >>> record = backups.export_record(cinder, backup_id).extract()  # doctest: +SKIP
        >>> backups.import_record(other_cinder, record.backup_service,  # doctest: +SKIP
        ...                       record.backup_url).extract()
    """
    url = client.service_url("backups", check_id("backup_id", backup_id), "export_record")
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
    url = client.service_url("backups", "import_record")
    return client.call(ImportResult, "POST", url, json=body, ok_codes=(201,))


# -- actions: POST /backups/{backup_id}/action -----------------------------------------


def reset_status(client: ServiceClient, backup_id: str, status: str) -> ActionResult:
    """Overwrite a backup's status (administrators): ``os-reset_status`` (202).

    Example:
        >>> backups.reset_status(cinder, backup_id, "available").extract_err()  # doctest: +SKIP
    """
    if not isinstance(status, str) or not status:
        raise MissingInputError(f"a status is required (got {status!r})")
    url = client.service_url("backups", check_id("backup_id", backup_id), "action")
    body = {"os-reset_status": {"status": status}}
    return client.call(ActionResult, "POST", url, json=body, ok_codes=(202,))


def force_delete(client: ServiceClient, backup_id: str) -> ActionResult:
    """Delete a backup whatever its status (administrators): ``os-force_delete`` (202).

    Example:
        >>> backups.force_delete(cinder, backup_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("backups", check_id("backup_id", backup_id), "action")
    return client.call(ActionResult, "POST", url, json={"os-force_delete": {}}, ok_codes=(202,))


# -- look-ups and waits ----------------------------------------------------------------


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
    backup = wait_for_result(
        lambda: get(client, backup_id),
        lambda resource: resource.status,
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
    wait_for_result(
        lambda: get(client, backup_id),
        lambda resource: resource.status,
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


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "RestoreOptsBuilder": (RestoreOpts, "RestoreOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
