"""Compute v2 flavors: list, show, create, describe, delete, share, and their extra specs.

Usage::

    import oscloud
    from oscloud import openstack
    from oscloud.openstack.compute.v2 import flavors

    provider = openstack.authenticated_client(openstack.auth_options_from_env())
    compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))

    for flavor in flavors.list(compute, flavors.ListOpts(min_ram=2048)).items():
        print(flavor.id, flavor.name, flavor.vcpus, flavor.ram, flavor.disk)
    flavor_id = flavors.id_from_name(compute, "m1.small")

    # administrators
    admin = compute.with_microversion("2.55")
    opts = flavors.CreateOpts(name="m1.custom", ram=1024, vcpus=2, disk=10,
                              is_public=False, description="two cores")
    flavor = flavors.create(admin, opts).extract()
    flavors.add_access(admin, flavor.id,
                       flavors.AddAccessOpts(tenant_id=project_id)).extract()
    flavors.create_extra_specs(admin, flavor.id, {"hw:cpu_policy": "dedicated"}).extract()
    flavors.update(admin, flavor.id, flavors.UpdateOpts(description="pinned")).extract()
    flavors.delete(admin, flavor.id).extract_err()

Operations return results: ``extract()`` gives the model or raises the server's error
(:class:`~oscloud.errors.NotFoundError`, :class:`~oscloud.errors.ConflictError` for a
name or id already taken, :class:`~oscloud.errors.ForbiddenError` for a non-administrator);
operations with no body return results whose ``extract_err()`` raises it. Listings are
lazy pagers.
"""

from oscloud.openstack.compute.v2.flavors import requests as _requests
from oscloud.openstack.compute.v2.flavors import results as _results
from oscloud.openstack.compute.v2.flavors.requests import *
from oscloud.openstack.compute.v2.flavors.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.flavors.results import *

__all__ = _requests.__all__ + _results.__all__
