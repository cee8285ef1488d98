"""Identity v2.0 tokens, for legacy clouds: password or token authentication.

Usage::

    from oscloud.openstack.identity.v2 import tokens

    result = tokens.create(identity_v2, opts)
    token = result.extract()
    catalog = result.extract_catalog()
"""

from oscloud.openstack.identity.v2.tokens.requests import CreateOptsBuilder, create
from oscloud.openstack.identity.v2.tokens.results import CreateResult, Tenant, Token

__all__ = ["CreateOptsBuilder", "CreateResult", "Tenant", "Token", "create"]
