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

from oscloud.openstack.blockstorage.v3.qos import requests as _requests
from oscloud.openstack.blockstorage.v3.qos import results as _results
from oscloud.openstack.blockstorage.v3.qos.requests import *
from oscloud.openstack.blockstorage.v3.qos.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.qos.results import *

__all__ = _requests.__all__ + _results.__all__
