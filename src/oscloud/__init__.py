"""oscloud: a synchronous, typed Python SDK for OpenStack-compatible clouds.

Provider → service → resource::

    import oscloud
    from oscloud import openstack
    from oscloud.openstack.identity.v3 import tokens

    opts = openstack.auth_options_from_env()
    provider = openstack.authenticated_client(opts)
    identity = openstack.new_identity_v3(provider, oscloud.EndpointOpts())
    print(tokens.get(identity, provider.token).extract().expires_at)

Example:
    >>> import oscloud
    >>> oscloud.EndpointOpts(region="RegionOne").availability.value
    'public'
"""

from typing import TYPE_CHECKING

from oscloud._retry import RetryPolicy
from oscloud._version import __version__
from oscloud.auth import AuthOptions, Scope
from oscloud.endpoints import Availability, Catalog, EndpointOpts
from oscloud.errors import (
    EndpointNotFoundError,
    InvalidAuthOptionsError,
    MissingInputError,
    NotFoundError,
    OSCloudError,
    UnexpectedResponseCodeError,
)
from oscloud.provider import ProviderClient
from oscloud.service import ServiceClient
from oscloud.token_state import TokenState

if TYPE_CHECKING:
    from oscloud._wire import NULL

__all__ = [
    "NULL",
    "AuthOptions",
    "Availability",
    "Catalog",
    "EndpointNotFoundError",
    "EndpointOpts",
    "InvalidAuthOptionsError",
    "MissingInputError",
    "NotFoundError",
    "OSCloudError",
    "ProviderClient",
    "RetryPolicy",
    "Scope",
    "ServiceClient",
    "TokenState",
    "UnexpectedResponseCodeError",
    "__version__",
]


def __getattr__(name: str) -> object:
    """Load :data:`NULL` on first use: only the option classes of the resources need it."""
    if name == "NULL":
        from oscloud import _wire

        return _wire.NULL
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names, with those loaded on first use (for ``dir()`` and completion)."""
    return sorted(set(globals()) | set(__all__))
