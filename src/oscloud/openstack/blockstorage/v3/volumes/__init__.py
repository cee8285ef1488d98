"""Block storage v3 volumes: create, list, show, update, delete, act on them, and wait.

Usage::

    import oscloud
    from oscloud import openstack
    from oscloud.openstack.blockstorage.v3 import volumes

    provider = openstack.authenticated_client(openstack.auth_options_from_env())
    cinder = openstack.new_block_storage_v3(provider, oscloud.EndpointOpts())
    cinder = cinder.with_microversion("3.63")

    created = volumes.create(cinder, volumes.CreateOpts(
        size=10, name="data", volume_type="lvmdriver-1", metadata={"env": "prod"})).extract()
    volume = volumes.wait_for_status(cinder, created.id, "available")
    print(volume.size, volume.bootable, volume.volume_type_id)

    for volume in volumes.list(cinder, volumes.ListOpts(status="available")).items():
        print(volume.id, volume.name)

    volumes.extend(cinder, volume.id, 20).extract_err()
    volumes.wait_for_status(cinder, volume.id, "available")
    volumes.update_metadata(cinder, volume.id, {"tier": "gold"}).extract()
    print(volumes.list_metadata(cinder, volume.id).extract())
    image = volumes.upload_to_image(cinder, volume.id,
                                    volumes.UploadImageOpts(image_name="data-image")).extract()
    volumes.delete(cinder, volume.id, volumes.DeleteOpts(cascade=True)).extract_err()
    volumes.wait_for_delete(cinder, volume.id)

Operations return results: ``extract()`` gives the model or raises the server's error
(:class:`~oscloud.errors.NotFoundError`, :class:`~oscloud.errors.BadRequestError` for an
action in the wrong state, …); operations with no body return results whose
``extract_err()`` raises it. Listings are lazy pagers.

What is sent and read depends on the client's microversion
(``cinder.with_microversion(...)``); the docstrings say which microversion brings each
field and operation, up to :data:`~oscloud.openstack.blockstorage.v3.MAX_MICROVERSION`.
An option that needs a newer microversion than the client sends raises
:class:`~oscloud.errors.MicroversionError` before any request. The metadata calls have
the names they have in every service (``list_metadata``; ``get_metadata`` still works
and warns), and the operations take their option classes (``ListOpts``, ``CreateOpts``
…); the ``*OptsBuilder`` names are deprecated aliases of them.
"""

from oscloud.openstack.blockstorage.v3.volumes import requests as _requests
from oscloud.openstack.blockstorage.v3.volumes import results as _results
from oscloud.openstack.blockstorage.v3.volumes.requests import *
from oscloud.openstack.blockstorage.v3.volumes.requests import __getattr__ as __getattr__
from oscloud.openstack.blockstorage.v3.volumes.results import *

__all__ = _requests.__all__ + _results.__all__
