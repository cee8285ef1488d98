"""Identity v3 tokens: authenticate, validate, read, revoke, and the catalog.

Usage::

    import oscloud
    from oscloud import openstack
    from oscloud.openstack.identity.v3 import tokens

    provider = openstack.authenticated_client(opts)
    identity = openstack.new_identity_v3(provider, oscloud.EndpointOpts())

    token = tokens.get(identity, provider.token).extract()
    print(token.user.name, token.project.name, token.expires_at)

    if tokens.validate(identity, some_token).extract():
        tokens.revoke(identity, some_token).extract_err()

    catalog = tokens.get_catalog(identity).extract()
"""

from oscloud.openstack.identity.v3.tokens import requests as _requests
from oscloud.openstack.identity.v3.tokens import results as _results
from oscloud.openstack.identity.v3.tokens.requests import *
from oscloud.openstack.identity.v3.tokens.requests import __getattr__ as __getattr__
from oscloud.openstack.identity.v3.tokens.results import *

__all__ = _requests.__all__ + _results.__all__
