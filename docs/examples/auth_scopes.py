"""What the token is for: a project, a domain, the whole deployment, or nothing yet."""

import os

from oscloud import AuthOptions, Scope, openstack


def credentials(scope: Scope) -> AuthOptions:
    return AuthOptions(
        identity_endpoint=os.environ["OS_AUTH_URL"],
        username=os.environ["OS_USERNAME"],
        password=os.environ["OS_PASSWORD"],
        domain_name=os.environ["OS_USER_DOMAIN_NAME"],
        scope=scope,
    )


scopes = [
    Scope.project(id=os.environ["OS_PROJECT_ID"]),
    Scope.project(name="analytics", domain_name="Research"),  # a project of another domain
    Scope.domain(name="Research"),  # to manage the domain's users and projects
    Scope.system_all(),  # cloud administrators: services, endpoints, hypervisors
    Scope.none(),  # an unscoped token, e.g. to list the user's projects
]

for scope in scopes:
    provider = openstack.authenticated_client(credentials(scope))
    print(scope.kind, "token until", provider.token_expires_at)
