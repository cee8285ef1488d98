"""Identity v2.0 tokens, for legacy clouds: password or token authentication.

Usage::

    from oscloud.openstack.identity.v2 import tokens

    result = tokens.create(identity_v2, opts)      # opts: oscloud.AuthOptions
    token = result.extract()          # Token: id, expires_at, tenant
    user = result.extract_user()      # User: id, name, roles
    catalog = result.extract_catalog()
"""

from oscloud.openstack.identity.v2.tokens import requests as _requests
from oscloud.openstack.identity.v2.tokens import results as _results
from oscloud.openstack.identity.v2.tokens.requests import *
from oscloud.openstack.identity.v2.tokens.requests import __getattr__ as __getattr__
from oscloud.openstack.identity.v2.tokens.results import *

__all__ = _requests.__all__ + _results.__all__
