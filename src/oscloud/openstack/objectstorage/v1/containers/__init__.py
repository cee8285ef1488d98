"""Object storage v1 containers: list, create, read, update, delete, bulk delete.

Usage::

    from oscloud.openstack.objectstorage.v1 import containers

    containers.create(swift, "photos", containers.CreateOpts(
        metadata={"Owner": "demo"},
        read_acl=".r:*,.rlistings",     # public
        versions_location="photos-versions",
        storage_policy="gold",
        quota_bytes=10 * 2**30,
    )).extract_err()

    for container in containers.list(swift, containers.ListOpts(prefix="ph")).items():
        print(container.name, container.object_count, container.bytes_used)

    header = containers.get(swift, "photos").extract()
    print(header.object_count, header.read_acl, header.metadata.get("Owner"))

    containers.update(swift, "photos", containers.UpdateOpts(
        remove_read_acl=True, remove_metadata=["Owner"])).extract_err()
    containers.delete(swift, "photos").extract_err()

    report = containers.bulk_delete(swift, ["old-1", "old-2"]).extract()
    print(report.deleted, report.not_found)
"""

from oscloud.openstack.objectstorage.v1.containers import requests as _requests
from oscloud.openstack.objectstorage.v1.containers import results as _results
from oscloud.openstack.objectstorage.v1.containers.requests import *
from oscloud.openstack.objectstorage.v1.containers.requests import __getattr__ as __getattr__
from oscloud.openstack.objectstorage.v1.containers.results import *

__all__ = _requests.__all__ + _results.__all__
