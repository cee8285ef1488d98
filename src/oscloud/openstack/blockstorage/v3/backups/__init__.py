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

from oscloud.openstack.blockstorage.v3.backups import requests as _requests
from oscloud.openstack.blockstorage.v3.backups import results as _results
from oscloud.openstack.blockstorage.v3.backups.requests import *
from oscloud.openstack.blockstorage.v3.backups.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.backups.results import *

__all__ = _requests.__all__ + _results.__all__
