"""The OpenStack provider: authentication and one client constructor per service.

Credentials come from :class:`oscloud.AuthOptions`, from the ``OS_*`` environment
variables (:func:`auth_options_from_env`) or from ``clouds.yaml`` (:func:`load_cloud`).

Example:
    >>> import oscloud
    >>> from oscloud import openstack
    >>> opts = oscloud.AuthOptions(identity_endpoint="https://keystone.example:5000/v3",
    ...     username="demo", password="secret", domain_name="Default", project_name="demo")
    >>> provider = openstack.authenticated_client(opts)  # doctest: +SKIP
    >>> compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))  # doctest: +SKIP
"""  # noqa: E501

from typing import TYPE_CHECKING

from oscloud.openstack.client import (
    authenticate,
    authenticated_client,
    new_block_storage_v3,
    new_client,
    new_compute_v2,
    new_identity_v2,
    new_identity_v3,
    new_object_storage_v1,
)

if TYPE_CHECKING:
    from oscloud.openstack.clouds import CloudConfig, load_cloud
    from oscloud.openstack.env import auth_options_from_env, endpoint_opts_from_env

__all__ = [
    "CloudConfig",
    "auth_options_from_env",
    "authenticate",
    "authenticated_client",
    "endpoint_opts_from_env",
    "load_cloud",
    "new_block_storage_v3",
    "new_client",
    "new_compute_v2",
    "new_identity_v2",
    "new_identity_v3",
    "new_object_storage_v1",
]


def __getattr__(name: str) -> object:
    """Load the clouds.yaml and ``OS_*`` support on first use: many programs never need it."""
    if name in ("CloudConfig", "load_cloud"):
        from oscloud.openstack import clouds

        return getattr(clouds, name)
    if name in ("auth_options_from_env", "endpoint_opts_from_env"):
        from oscloud.openstack import env

        return getattr(env, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names, with those loaded on first use (for ``dir()`` and completion)."""
    return sorted(set(globals()) | set(__all__))
