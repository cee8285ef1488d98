"""Volume attachments of a server (``os-volume_attachments``): attach, list, swap, detach.

Usage::

    from oscloud.openstack.compute.v2.extensions import volumeattach

    compute = compute.with_microversion("2.79")
    opts = volumeattach.CreateOpts(volume_id=volume_id, delete_on_termination=True)
    attachment = volumeattach.create(compute, server_id, opts).extract()
    # from microversion 2.101 the answer has no body: extract() is None

    for attachment in volumeattach.list(compute, server_id).items():
        print(attachment.volume_id, attachment.device, attachment.tag)

    volumeattach.delete(compute, server_id, volume_id).extract_err()

The attachment's URL uses the volume id (``/os-volume_attachments/{volume_id}``).
"""

from oscloud.openstack.compute.v2.extensions.volumeattach import requests as _requests
from oscloud.openstack.compute.v2.extensions.volumeattach import results as _results
from oscloud.openstack.compute.v2.extensions.volumeattach.requests import *
from oscloud.openstack.compute.v2.extensions.volumeattach.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.extensions.volumeattach.results import *

__all__ = _requests.__all__ + _results.__all__
