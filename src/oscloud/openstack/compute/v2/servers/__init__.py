"""Compute v2 servers: create, list, show, update, delete, act on them, and wait.

Usage::

    import oscloud
    from oscloud import openstack
    from oscloud.openstack.compute.v2 import servers

    provider = openstack.authenticated_client(openstack.auth_options_from_env())
    compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))
    compute = compute.with_microversion("2.79")

    with open("cloud-config.yaml", "rb") as f:
        user_data = f.read()  # base64-encoded by CreateOpts
    opts = servers.CreateOpts(name="web-1", image_ref=image_id, flavor_ref="1",
                              networks="auto", metadata={"role": "web"}, user_data=user_data)
    created = servers.create(compute, opts).extract()
    server = servers.wait_for_status(compute, created.id, "ACTIVE")
    print(server.addresses, server.flavor.original_name)

    for server in servers.list(compute, servers.ListOpts(status="ACTIVE")).items():
        print(server.id, server.name)

    servers.reboot(compute, server.id, servers.RebootType.HARD).extract_err()
    image_id = servers.create_image(compute, server.id,
                                    servers.CreateImageOpts(name="snap")).extract()
    servers.update_metadata(compute, server.id, {"env": "prod"}).extract()
    servers.delete(compute, server.id).extract_err()
    servers.wait_for_delete(compute, server.id)

Operations return results: ``extract()`` gives the model or raises the server's error
(:class:`~oscloud.errors.NotFoundError` for ``itemNotFound``,
:class:`~oscloud.errors.ConflictError` for an action in the wrong state, …); operations
with no body return results whose ``extract_err()`` raises it. Listings are lazy pagers.

What is sent and read depends on the client's microversion
(``compute.with_microversion(...)``); the docstrings say which microversion brings each
field and operation, up to :data:`~oscloud.openstack.compute.v2.MAX_MICROVERSION`. The
option fields carry it as data: an option the client's microversion does not have is
refused before anything is sent, with a :class:`~oscloud.errors.MicroversionError` that
names it (``CreateOpts.tags: compute microversion 2.52 or later is required …``).

The disk config (``OS-DCF:diskConfig``, a :class:`DiskConfig`) is the ``disk_config``
field of :class:`CreateOpts`, :class:`RebuildOpts`, :class:`ResizeOpts` and
:class:`UpdateOpts`; :mod:`~oscloud.openstack.compute.v2.extensions.diskconfig` reads it
back from results.
"""

from oscloud._deprecated import chain as _chain
from oscloud.openstack.compute.v2.servers import actions as _actions
from oscloud.openstack.compute.v2.servers import requests as _requests
from oscloud.openstack.compute.v2.servers import results as _results
from oscloud.openstack.compute.v2.servers.actions import *
from oscloud.openstack.compute.v2.servers.requests import *
from oscloud.openstack.compute.v2.servers.results import *

__all__ = _requests.__all__ + _actions.__all__ + _results.__all__

#: The package's old names: those of its requests and of its actions.
__getattr__ = _chain(_requests.__getattr__, _actions.__getattr__)
