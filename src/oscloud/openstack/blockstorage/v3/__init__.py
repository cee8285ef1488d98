"""Block storage v3 (Cinder) resources.

One package per resource, each used with a client from
:func:`oscloud.openstack.new_block_storage_v3`:

- :mod:`~oscloud.openstack.blockstorage.v3.volumes`: volumes, their metadata and actions
  (extend, retype, attach, upload to an image …), name look-ups and waits.
- :mod:`~oscloud.openstack.blockstorage.v3.snapshots`: snapshots and their metadata.
- :mod:`~oscloud.openstack.blockstorage.v3.volumetypes`: volume types, extra specs and
  access to private types.
- :mod:`~oscloud.openstack.blockstorage.v3.quotasets`: quotas of a project.
- :mod:`~oscloud.openstack.blockstorage.v3.attachments`: the attachments API (3.27).
- :mod:`~oscloud.openstack.blockstorage.v3.backups`: backups, restores, export and import.
- :mod:`~oscloud.openstack.blockstorage.v3.limits`,
  :mod:`~oscloud.openstack.blockstorage.v3.availabilityzones`,
  :mod:`~oscloud.openstack.blockstorage.v3.services`,
  :mod:`~oscloud.openstack.blockstorage.v3.qos` and
  :mod:`~oscloud.openstack.blockstorage.v3.transfers`.

What is sent and read depends on the client's microversion
(``cinder.with_microversion("3.63")`` sends ``OpenStack-API-Version: volume 3.63``);
each docstring says which microversion brings a field or an operation.
``MAX_MICROVERSION`` is the newest one whose shapes these packages know.

Example:
    >>> from oscloud.openstack.blockstorage.v3 import MAX_MICROVERSION
    >>> MAX_MICROVERSION
    '3.71'
"""

from typing import Final

__all__ = ["MAX_MICROVERSION"]

#: The newest block storage microversion the models of this package know.
MAX_MICROVERSION: Final = "3.71"
