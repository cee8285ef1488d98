"""Block storage v3 backups: back up, list, restore, export and import records, and wait.

Usage::

    from oscloud.openstack.blockstorage.v3 import backups, volumes

    ref = backups.create(cinder, backups.CreateOpts(
        volume_id=volume.id, name="nightly", incremental=True)).extract()
    backup = backups.wait_for_status(cinder, ref.id, "available")
    print(backup.size, backup.is_incremental, backup.object_count)

    restored = backups.restore(cinder, backup.id, backups.RestoreOpts(name="copy")).extract()
    volumes.wait_for_status(cinder, restored.volume_id, "available")

    record = backups.export_record(cinder, backup.id).extract()    # administrators
    backups.import_record(other_cinder, record.backup_service, record.backup_url).extract()

    backups.delete(cinder, backup.id).extract_err()
    backups.wait_for_delete(cinder, backup.id)

A failed backup goes to ``error`` with a ``fail_reason``, which
:func:`wait_for_status` puts in the error it raises.
"""

from oscloud.openstack.blockstorage.v3.backups.requests import (
    ERROR_STATES,
    CreateOpts,
    CreateOptsBuilder,
    ListOpts,
    ListOptsBuilder,
    RestoreOpts,
    RestoreOptsBuilder,
    UpdateOpts,
    UpdateOptsBuilder,
    create,
    delete,
    export_record,
    find,
    force_delete,
    get,
    import_record,
    list,
    list_simple,
    reset_status,
    restore,
    update,
    wait_for_delete,
    wait_for_status,
)
from oscloud.openstack.blockstorage.v3.backups.results import (
    ActionResult,
    Backup,
    BackupPage,
    BackupRecord,
    BackupRef,
    BackupRefPage,
    CreateResult,
    DeleteResult,
    ExportResult,
    GetResult,
    ImportResult,
    Restore,
    RestoreResult,
    UpdateResult,
    extract_backup_refs,
    extract_backups,
)

__all__ = [
    "ERROR_STATES",
    "ActionResult",
    "Backup",
    "BackupPage",
    "BackupRecord",
    "BackupRef",
    "BackupRefPage",
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteResult",
    "ExportResult",
    "GetResult",
    "ImportResult",
    "ListOpts",
    "ListOptsBuilder",
    "Restore",
    "RestoreOpts",
    "RestoreOptsBuilder",
    "RestoreResult",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UpdateResult",
    "create",
    "delete",
    "export_record",
    "extract_backup_refs",
    "extract_backups",
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
