"""Block storage v3 volume transfers: give a volume to another project.

Usage::

    from oscloud.openstack.blockstorage.v3 import transfers

    offer = transfers.create(cinder, transfers.CreateOpts(
        volume_id=volume.id, name="to the data team")).extract()
    # give offer.id and offer.auth_key to the other project, privately

    taken = transfers.accept(other_cinder, offer.id, auth_key).extract()
    print(taken.volume_id)

From microversion 3.55 the operations use ``/volume-transfers`` (and ``CreateOpts``
takes ``no_snapshots``); before, ``/os-volume-transfer``. ``auth_key`` is a secret: it
never shows in ``repr``.
"""

from oscloud.openstack.blockstorage.v3.transfers import requests as _requests
from oscloud.openstack.blockstorage.v3.transfers import results as _results
from oscloud.openstack.blockstorage.v3.transfers.requests import *
from oscloud.openstack.blockstorage.v3.transfers.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.transfers.results import *

__all__ = _requests.__all__ + _results.__all__
