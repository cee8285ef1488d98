"""The OpenStack provider: authentication and one client constructor per service.

Example:
    >>> import oscloud
    >>> from oscloud import openstack
    >>> opts = oscloud.AuthOptions(identity_endpoint="https://keystone.example:5000/v3",
    ...     username="demo", password="secret", domain_name="Default", project_name="demo")
    >>> provider = openstack.authenticated_client(opts)  # doctest: +SKIP
    >>> compute = openstack.new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))  # doctest: +SKIP
"""  # noqa: E501

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
from oscloud.openstack.env import auth_options_from_env, endpoint_opts_from_env

__all__ = [
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
    if name == "load_cloud":  # clouds.yaml support imports PyYAML only when used
        from oscloud.openstack.clouds import load_cloud

        return load_cloud
    raise AttributeError(f"module 'oscloud.openstack' has no attribute {name!r}")
