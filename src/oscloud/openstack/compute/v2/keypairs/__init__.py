"""Compute v2 key pairs: list, show, import (or generate), and delete.

Usage::

    from oscloud.openstack.compute.v2 import keypairs, servers

    with open("id_ed25519.pub") as f:
        pair = keypairs.create(compute, keypairs.CreateOpts(name="laptop",
                                                            public_key=f.read())).extract()
    servers.create(compute, servers.CreateOpts(name="web-1", image_ref=image_id,
                                               flavor_ref="1", key_name=pair.name))

    for pair in keypairs.list(compute).items():
        print(pair.name, pair.type, pair.fingerprint)

    # an administrator, for another user (2.10), page by page (2.35)
    admin = compute.with_microversion("2.35")
    for pair in keypairs.list(admin, keypairs.ListOpts(user_id=user_id, limit=50)).items():
        keypairs.delete(admin, pair.name, keypairs.DeleteOpts(user_id=user_id)).extract_err()

Up to microversion 2.91 a create without ``public_key`` generates the pair and answers
with its ``private_key`` (once; it never shows in ``repr``). From 2.92 ``public_key`` is
required, and :func:`create` raises :class:`~oscloud.errors.MissingInputError` before
sending anything without one.
"""

from oscloud.openstack.compute.v2.keypairs import requests as _requests
from oscloud.openstack.compute.v2.keypairs import results as _results
from oscloud.openstack.compute.v2.keypairs.requests import *
from oscloud.openstack.compute.v2.keypairs.requests import __getattr__ as __getattr__
from oscloud.openstack.compute.v2.keypairs.results import *

__all__ = _requests.__all__ + _results.__all__
