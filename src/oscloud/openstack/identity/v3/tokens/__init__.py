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

from oscloud.openstack.identity.v3.tokens.requests import (
    CreateOptsBuilder,
    create,
    get,
    get_catalog,
    revoke,
    validate,
)
from oscloud.openstack.identity.v3.tokens.results import (
    CatalogResult,
    CreateResult,
    Domain,
    GetResult,
    Project,
    RevokeResult,
    Role,
    Token,
    TokenResult,
    User,
    ValidateResult,
)

__all__ = [
    "CatalogResult",
    "CreateOptsBuilder",
    "CreateResult",
    "Domain",
    "GetResult",
    "Project",
    "RevokeResult",
    "Role",
    "Token",
    "TokenResult",
    "User",
    "ValidateResult",
    "create",
    "get",
    "get_catalog",
    "revoke",
    "validate",
]
