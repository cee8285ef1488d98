"""Models and results of block storage v3 backups."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc, to_utc_or_none
from oscloud.openstack.blockstorage.v3._common import Link, to_bool, to_int, to_int_or_none
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result

__all__ = [
    "ActionResult",
    "Backup",
    "BackupPage",
    "BackupRecord",
    "BackupRef",
    "BackupRefPage",
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


@attrs.frozen(kw_only=True)
class Backup:
    """A copy of a volume kept by the backup service.

    ``fail_reason`` says why a backup is in ``error``. ``data_timestamp`` is when the
    data was taken (the snapshot's time for a backup of a snapshot). Renamed from the
    wire: ``os-backup-project-attr:project_id`` is ``project_id`` (3.18, administrators).
    Microversions: ``metadata`` 3.43, ``user_id`` 3.56, ``encryption_key_id`` 3.64.

    Example:
        >>> b = Backup.from_json({"id": "3052c307", "status": "available", "size": 10,
        ...     "volume_id": "e763a78b", "created_at": "2023-06-23T11:56:08.691468",
        ...     "is_incremental": False, "object_count": 22})
        >>> b.size, b.object_count, b.created_at.tzinfo
        (10, 22, datetime.timezone.utc)
    """

    id: str
    status: str
    size: int
    volume_id: str
    created_at: _dt.datetime
    name: str | None = None
    description: str | None = None
    snapshot_id: str | None = None
    container: str | None = None
    availability_zone: str | None = None
    updated_at: _dt.datetime | None = None
    data_timestamp: _dt.datetime | None = None
    fail_reason: str | None = None
    has_dependent_backups: bool = False
    is_incremental: bool = False
    object_count: int | None = None
    project_id: str | None = None
    user_id: str | None = None
    metadata: dict[str, str] | None = None
    encryption_key_id: str | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Backup:
        """Read a backup object (``backup``, or an item of a detailed listing).

        Example:
            >>> Backup.from_json({"id": "b1", "status": "error", "size": 1, "volume_id": "v1",
            ...     "created_at": "2023-06-23T11:56:08", "fail_reason": "no space"}).fail_reason
            'no space'
        """
        metadata = data.get("metadata")
        return cls(
            id=data["id"],
            status=data["status"],
            size=to_int(data["size"]),
            volume_id=data["volume_id"],
            created_at=to_utc(data["created_at"]),
            name=data.get("name"),
            description=data.get("description"),
            snapshot_id=data.get("snapshot_id"),
            container=data.get("container"),
            availability_zone=data.get("availability_zone"),
            updated_at=to_utc_or_none(data.get("updated_at")),
            data_timestamp=to_utc_or_none(data.get("data_timestamp")),
            fail_reason=data.get("fail_reason"),
            has_dependent_backups=to_bool(data.get("has_dependent_backups", False)),
            is_incremental=to_bool(data.get("is_incremental", False)),
            object_count=to_int_or_none(data.get("object_count")),
            project_id=data.get("os-backup-project-attr:project_id"),
            user_id=data.get("user_id"),
            metadata=(None if metadata is None else {str(k): str(v) for k, v in metadata.items()}),
            encryption_key_id=data.get("encryption_key_id"),
            links=Link.tuple_from_json(data.get("links")),
        )


@attrs.frozen(kw_only=True)
class BackupRef:
    """A backup as create, update, import and ``GET /backups`` answer: id, name, links.

    Example:
        >>> BackupRef.from_json({"id": "b1f41f9b", "name": "backup001", "links": []})
        BackupRef(id='b1f41f9b', name='backup001', links=())
    """

    id: str
    name: str | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BackupRef:
        """Read an ``{"id", "name", "links"}`` object.

        Example:
            >>> BackupRef.from_json({"id": "b1"}).name is None
            True
        """
        return cls(
            id=data["id"], name=data.get("name"), links=Link.tuple_from_json(data.get("links"))
        )


@attrs.frozen(kw_only=True)
class Restore:
    """Where a backup is being restored (the answer of ``restore``).

    Example:
        >>> Restore.from_json({"backup_id": "2ef47aee", "volume_id": "795114e8",
        ...                    "volume_name": "volume01"}).volume_id
        '795114e8'
    """

    backup_id: str
    volume_id: str
    volume_name: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Restore:
        """Read the ``restore`` member.

        Example:
            >>> Restore.from_json({"backup_id": "b", "volume_id": "v"}).volume_name is None
            True
        """
        return cls(
            backup_id=data["backup_id"],
            volume_id=data["volume_id"],
            volume_name=data.get("volume_name"),
        )


@attrs.frozen(kw_only=True)
class BackupRecord:
    """A backup's exported record: enough for another cloud to import the backup.

    ``backup_url`` is the backup's metadata, encoded by the backup driver.

    Example:
        >>> BackupRecord.from_json({"backup_service": "cinder.backup.drivers.swift",
        ...                         "backup_url": "eyJzdGF0"}).backup_service
        'cinder.backup.drivers.swift'
    """

    backup_service: str
    backup_url: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BackupRecord:
        """Read the ``backup-record`` member.

        Example:
            >>> BackupRecord.from_json({"backup_service": "s", "backup_url": "u"}).backup_url
            'u'
        """
        return cls(backup_service=data["backup_service"], backup_url=data["backup_url"])


class GetResult(Result[Backup]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.backups.get`.

    Example:
        >>> GetResult(body={"backup": {"id": "b1", "status": "available", "size": 1,
        ...     "volume_id": "v1", "created_at": "2023-06-23T11:56:08"}}).extract().status
        'available'
    """

    resource_key = "backup"
    model = Backup

    __slots__ = ()


class CreateResult(Result[BackupRef]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.backups.create`.

    Example:
        >>> CreateResult(body={"backup": {"id": "b1", "name": "backup001"}}).extract().id
        'b1'
    """

    resource_key = "backup"
    model = BackupRef

    __slots__ = ()


class UpdateResult(CreateResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.backups.update`.

    Example:
        >>> UpdateResult(body={"backup": {"id": "b1", "name": "backup002"}}).extract().name
        'backup002'
    """

    __slots__ = ()


class ImportResult(CreateResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.backups.import_record`.

    Example:
        >>> ImportResult(body={"backup": {"id": "deac8b8c", "name": None}}).extract().id
        'deac8b8c'
    """

    __slots__ = ()


class RestoreResult(Result[Restore]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.backups.restore`.

    Example:
        >>> RestoreResult(body={"restore": {"backup_id": "b", "volume_id": "v"}}
        ...               ).extract().volume_id
        'v'
    """

    resource_key = "restore"
    model = Restore

    __slots__ = ()


class ExportResult(Result[BackupRecord]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.backups.export_record`.

    Example:
        >>> ExportResult(body={"backup-record": {"backup_service": "s",
        ...     "backup_url": "u"}}).extract().backup_service
        's'
    """

    resource_key = "backup-record"
    model = BackupRecord

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.backups.delete`.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class ActionResult(ErrResult):
    """The result of a backup action (``os-reset_status``, ``os-force_delete``).

    Example:
        >>> ActionResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


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
