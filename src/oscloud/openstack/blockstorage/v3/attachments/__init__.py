"""Block storage v3 attachments (microversion 3.27): attach a volume the new way.

The flow Nova follows: reserve the volume with :func:`create` (no connector), give the
host's connector with :func:`update` (Cinder exports the volume and answers with the
``connection_info``), connect, then :func:`complete` (3.44) so the volume goes
``in-use``. :func:`delete` detaches.

Usage::

    from oscloud.openstack.blockstorage.v3 import attachments

    cinder = cinder.with_microversion("3.54")
    a = attachments.create(cinder, attachments.CreateOpts(
        volume_id=volume_id, instance_uuid=server_id)).extract()
    a = attachments.update(cinder, a.id, attachments.UpdateOpts(connector=connector)).extract()
    connect_with(a.connection_info)
    attachments.complete(cinder, a.id).extract_err()

    for a in attachments.list(cinder, attachments.ListOpts(volume_id=volume_id)).items():
        print(a.id, a.status, a.attach_mode)
    attachments.delete(cinder, a.id).extract_err()

Every operation needs a client sending 3.27 or later (``complete`` 3.44, ``mode``
3.54); an older one raises :class:`~oscloud.errors.MicroversionError` before any request.
"""

from oscloud.openstack.blockstorage.v3.attachments import requests as _requests
from oscloud.openstack.blockstorage.v3.attachments import results as _results
from oscloud.openstack.blockstorage.v3.attachments.requests import *
from oscloud.openstack.blockstorage.v3.attachments.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.attachments.results import *

__all__ = _requests.__all__ + _results.__all__
