"""Block storage v3 QoS specs (``qos-specs``, administrators): CRUD and associations.

Usage::

    from oscloud.openstack.blockstorage.v3 import qos

    spec = qos.create(cinder, qos.CreateOpts(
        name="gold", consumer="front-end", specs={"total_iops_sec": "1000"})).extract()
    qos.update(cinder, spec.id, {"total_bytes_sec": "104857600"}).extract()
    qos.associate(cinder, spec.id, volume_type_id).extract_err()
    print([a.name for a in qos.list_associations(cinder, spec.id).items()])
    qos.disassociate_all(cinder, spec.id).extract_err()
    qos.delete(cinder, spec.id).extract_err()
"""

from oscloud.openstack.blockstorage.v3.qos.requests import (
    CreateOpts,
    CreateOptsBuilder,
    ListOpts,
    ListOptsBuilder,
    associate,
    create,
    delete,
    delete_keys,
    disassociate,
    disassociate_all,
    get,
    list,
    list_associations,
    update,
)
from oscloud.openstack.blockstorage.v3.qos.results import (
    ActionResult,
    Association,
    AssociationPage,
    CreateResult,
    DeleteResult,
    GetResult,
    QoSSpec,
    QoSSpecPage,
    QoSSpecResult,
    UpdateResult,
    extract_associations,
    extract_qos_specs,
)

__all__ = [
    "ActionResult",
    "Association",
    "AssociationPage",
    "CreateOpts",
    "CreateOptsBuilder",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "ListOpts",
    "ListOptsBuilder",
    "QoSSpec",
    "QoSSpecPage",
    "QoSSpecResult",
    "UpdateResult",
    "associate",
    "create",
    "delete",
    "delete_keys",
    "disassociate",
    "disassociate_all",
    "extract_associations",
    "extract_qos_specs",
    "get",
    "list",
    "list_associations",
    "update",
]
