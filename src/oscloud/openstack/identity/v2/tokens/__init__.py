"""Identity v2.0 tokens, for legacy clouds: password or token authentication.

Usage::

    from oscloud.openstack.identity.v2 import tokens

    result = tokens.create(identity_v2, opts)
    token = result.extract()          # Token: id, expires_at, tenant
    user = result.extract_user()      # User: id, name, roles
    catalog = result.extract_catalog()
"""

from oscloud.openstack.identity.v2.tokens.requests import CreateOptsBuilder, create
from oscloud.openstack.identity.v2.tokens.results import CreateResult, Tenant, Token, User

__all__ = ["CreateOptsBuilder", "CreateResult", "Tenant", "Token", "User", "create"]
