"""One function per way of proving who you are; each builds the AuthOptions for it."""

import os

import oscloud
from oscloud import openstack

AUTH_URL = os.environ["OS_AUTH_URL"]


def password_by_user_id() -> oscloud.AuthOptions:
    # A user id is unique across domains: no domain needed.
    return oscloud.AuthOptions(
        identity_endpoint=AUTH_URL,
        user_id=os.environ["OS_USER_ID"],
        password=os.environ["OS_PASSWORD"],
        project_id=os.environ["OS_PROJECT_ID"],
    )


def password_by_name() -> oscloud.AuthOptions:
    # A user name is unique within its domain only: name the domain too.
    return oscloud.AuthOptions(
        identity_endpoint=AUTH_URL,
        username=os.environ["OS_USERNAME"],
        password=os.environ["OS_PASSWORD"],
        domain_name=os.environ["OS_USER_DOMAIN_NAME"],
        project_name=os.environ["OS_PROJECT_NAME"],  # a project of the user's domain
    )


def existing_token() -> oscloud.AuthOptions:
    # Trade a token for a new one, e.g. scoped to another project.
    return oscloud.AuthOptions(
        identity_endpoint=AUTH_URL,
        token_id=os.environ["OS_TOKEN"],
        project_id=os.environ["OS_PROJECT_ID"],
    )


def application_credential_by_id() -> oscloud.AuthOptions:
    # The credential carries its own project and roles: no scope.
    return oscloud.AuthOptions(
        identity_endpoint=AUTH_URL,
        application_credential_id=os.environ["OS_APPLICATION_CREDENTIAL_ID"],
        application_credential_secret=os.environ["OS_APPLICATION_CREDENTIAL_SECRET"],
    )


def application_credential_by_name() -> oscloud.AuthOptions:
    # A credential name is unique per user: name the user as well.
    return oscloud.AuthOptions(
        identity_endpoint=AUTH_URL,
        application_credential_name=os.environ["OS_APPLICATION_CREDENTIAL_NAME"],
        application_credential_secret=os.environ["OS_APPLICATION_CREDENTIAL_SECRET"],
        user_id=os.environ["OS_USER_ID"],
    )


def password_and_totp() -> oscloud.AuthOptions:
    # Multi-factor: the password plus the current code of the user's TOTP device.
    return oscloud.AuthOptions(
        identity_endpoint=AUTH_URL,
        user_id=os.environ["OS_USER_ID"],
        password=os.environ["OS_PASSWORD"],
        passcode=os.environ["OS_PASSCODE"],
        project_id=os.environ["OS_PROJECT_ID"],
    )


if __name__ == "__main__":
    for build in (
        password_by_user_id,
        password_by_name,
        existing_token,
        application_credential_by_id,
        application_credential_by_name,
        password_and_totp,
    ):
        opts = build()
        provider = openstack.authenticated_client(opts)
        renewal = "renews itself" if opts.can_reauth else "cannot renew itself"
        print(f"{build.__name__}: {'+'.join(opts.methods)}, {renewal}")
