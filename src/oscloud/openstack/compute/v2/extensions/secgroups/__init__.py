"""The legacy security group API of Nova (``os-security-groups``). Deprecated.

Deprecated: every public name of this package emits a :class:`DeprecationWarning` when
it is used. Nova's ``os-security-groups`` and ``os-security-group-rules`` proxy APIs are
gone from compute microversion 2.36 (operations on them raise
:class:`~oscloud.errors.MicroversionError` for such a client, before sending anything);
manage security groups with the Networking service instead. Listing a server's groups
and adding or removing a group from a server keep working at every microversion.

Usage (older clouds and microversions)::

    from oscloud.openstack.compute.v2.extensions import secgroups

    group = secgroups.create(compute, secgroups.CreateOpts(
        name="web", description="web servers")).extract()
    secgroups.create_rule(compute, secgroups.CreateRuleOpts(
        parent_group_id=group.id, ip_protocol="tcp", from_port=443, to_port=443,
        cidr="0.0.0.0/0")).extract()
    secgroups.add_server(compute, server_id, "web").extract_err()
    print([g.name for g in secgroups.list_by_server(compute, server_id).items()])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oscloud.openstack.compute.v2.extensions.secgroups import requests as _requests
from oscloud.openstack.compute.v2.extensions.secgroups import results as _results

if TYPE_CHECKING:  # the names for type checkers; at run time __getattr__ gives them
    from oscloud.openstack.compute.v2.extensions.secgroups.requests import *
    from oscloud.openstack.compute.v2.extensions.secgroups.results import *

# Not imported into the package namespace: every public name is given by ``__getattr__``,
# which warns, so that any use of the package warns.
__all__ = _requests.__all__ + _results.__all__

#: The builder Protocols this package had, and the option class each name now gives.
_REMOVED = {
    "CreateOptsBuilder": "CreateOpts",
    "CreateRuleOptsBuilder": "CreateRuleOpts",
    "ListOptsBuilder": "ListOpts",
    "UpdateOptsBuilder": "UpdateOpts",
}


def __getattr__(name: str) -> Any:
    """Give a public name of the package (or a removed one), with its DeprecationWarning."""
    if name in _REMOVED:
        _results.warn_deprecated(name)
        return vars(_requests)[_REMOVED[name]]
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _results.warn_deprecated(name)
    module = _requests if name in _requests.__all__ else _results
    return getattr(module, name)
