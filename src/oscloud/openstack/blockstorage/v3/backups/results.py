"""Models and results of block storage v3 backups."""

from __future__ import annotations

import builtins
import datetime as _dt

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.openstack.blockstorage.v3._common import Link
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result

__all__ = [
    "ActionResult",
    "Backup",
    "BackupPage",
    "BackupRecord",
    "BackupRecordResult",
    "BackupRef",
    "BackupRefPage",
    "BackupRefResult",
    "BackupResult",
    "CreateResult",
    "DeleteResult",
    "ExportResult",
    "GetResult",
    "ImportResult",
    "Restore",
    "RestoreResult",
    "UpdateResult",
    "extract_backup_refs",
    "extract_backups",
]


@model
@attrs.frozen(kw_only=True)
class Backup(Model):
    """A copy of a volume kept by the backup service.

    ``fail_reason`` says why a backup is in ``error``. ``data_timestamp`` is when the
    data was taken (the snapshot's time for a backup of a snapshot). Renamed from the
    wire: ``os-backup-project-attr:project_id`` is ``project_id`` (3.18, administrators).
    Microversions: ``metadata`` 3.43, ``user_id`` 3.56, ``encryption_key_id`` 3.64; a
    field the server did not send is ``None``.

    Example:
        >>> b = Backup.from_json({"id": "3052c307", "status": "available", "size": 10,
        ...     "volume_id": "e763a78b", "created_at": "2023-06-23T11:56:08.691468",
        ...     "is_incremental": False, "object_count": 22})
        >>> b.size, b.object_count, b.created_at.tzinfo
        (10, 22, datetime.timezone.utc)
    """

    id: str
    status: str
    size: int = field(read=read.integer)
    volume_id: str
    created_at: _dt.datetime = field(read=read.timestamp)
    name: str | None = None
    description: str | None = None
    snapshot_id: str | None = None
    container: str | None = None
    availability_zone: str | None = None
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    data_timestamp: _dt.datetime | None = field(read=read.timestamp, default=None)
    fail_reason: str | None = None
    has_dependent_backups: bool = field(read=read.boolean, default=False)
    is_incremental: bool = field(read=read.boolean, default=False)
    object_count: int | None = field(read=read.optional_integer, default=None)
    project_id: str | None = field(
        "os-backup-project-attr:project_id", default=None, min_version="3.18"
    )
    user_id: str | None = field(default=None, min_version="3.56")
    metadata: dict[str, str] | None = field(read=read.mapping, default=None, min_version="3.43")
    encryption_key_id: str | None = field(default=None, min_version="3.64")
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


@model
@attrs.frozen(kw_only=True)
class BackupRef(Model):
    """A backup as create, update, import and ``GET /backups`` answer: id, name, links.

    Example:
        >>> BackupRef.from_json({"id": "b1f41f9b", "name": "backup001", "links": []})
        BackupRef(id='b1f41f9b', name='backup001', links=())
    """

    id: str
    name: str | None = None
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


@model
@attrs.frozen(kw_only=True)
class Restore(Model):
    """Where a backup is being restored (the answer of ``restore``).

    Example:
        >>> Restore.from_json({"backup_id": "2ef47aee", "volume_id": "795114e8",
        ...                    "volume_name": "volume01"}).volume_id
        '795114e8'
    """

    backup_id: str
    volume_id: str
    volume_name: str | None = None


@model
@attrs.frozen(kw_only=True)
class BackupRecord(Model):
    """A backup's exported record: enough for another cloud to import the backup.

    ``backup_url`` is the backup's metadata, encoded by the backup driver.

    Example:
        >>> BackupRecord.from_json({"backup_service": "cinder.backup.drivers.swift",
        ...                         "backup_url": "eyJzdGF0"}).backup_service
        'cinder.backup.drivers.swift'
    """

    backup_service: str
    backup_url: str


class BackupResult(Result[Backup]):
    """A response holding one backup with its details (``{"backup": {...}}``): get.

    Example:
        >>> BackupResult(body={"backup": {"id": "b1", "status": "available", "size": 1,
        ...     "volume_id": "v1", "created_at": "2023-06-23T11:56:08"}}).extract().status
        'available'
    """

    resource_key = "backup"
    model = Backup

    __slots__ = ()


class BackupRefResult(Result[BackupRef]):
    """A response holding a backup's id, name and links: create, update, import.

    Example:
        >>> BackupRefResult(body={"backup": {"id": "b1", "name": "backup001"}}).extract().id
        'b1'
    """

    resource_key = "backup"
    model = BackupRef

    __slots__ = ()


class RestoreResult(Result[Restore]):
    """A response holding a :class:`Restore`: restore.

    Example:
        >>> RestoreResult(body={"restore": {"backup_id": "b", "volume_id": "v"}}
        ...               ).extract().volume_id
        'v'
    """

    resource_key = "restore"
    model = Restore

    __slots__ = ()


class BackupRecordResult(Result[BackupRecord]):
    """A response holding a :class:`BackupRecord`: export_record.

    Example:
        >>> BackupRecordResult(body={"backup-record": {"backup_service": "s",
        ...     "backup_url": "u"}}).extract().backup_service
        's'
    """

    resource_key = "backup-record"
    model = BackupRecord

    __slots__ = ()


GetResult = BackupResult
CreateResult = BackupRefResult
UpdateResult = BackupRefResult
ImportResult = BackupRefResult
ExportResult = BackupRecordResult
DeleteResult = ErrResult
ActionResult = ErrResult


class BackupPage(LinkedPage[Backup]):
    """One page of backups with details; the next is linked from ``backups_links``.

    Example:
        >>> BackupPage(url="u", body={"backups": [], "backups_links": [{"rel": "next",
        ...     "href": "https://c/v3/p/backups/detail?marker=b1"}]}).next_url()
        'https://c/v3/p/backups/detail?marker=b1'
    """

    resource_key = "backups"
    model = Backup

    __slots__ = ()


class BackupRefPage(LinkedPage[BackupRef]):
    """One page of ``GET /backups``: ids, names and links.

    Example:
        >>> extract_backup_refs(BackupRefPage(url="u", body={"backups": [
        ...     {"id": "b1", "name": "n"}]}))[0].name
        'n'
    """

    resource_key = "backups"
    model = BackupRef

    __slots__ = ()


def extract_backups(page: Page[Backup]) -> builtins.list[Backup]:
    """The backups of a page.

    Example:
        >>> extract_backups(BackupPage(url="u", body={"backups": []}))
        []
    """
    return page.extract()


def extract_backup_refs(page: Page[BackupRef]) -> builtins.list[BackupRef]:
    """The backup references of a summary page.

    Example:
        >>> extract_backup_refs(BackupRefPage(url="u", body={"backups": []}))
        []
    """
    return page.extract()
