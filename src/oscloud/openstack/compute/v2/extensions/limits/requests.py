"""Operations on compute limits."""

from __future__ import annotations

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.openstack.compute.v2.extensions.limits.results import GetResult
from oscloud.service import ServiceClient

__all__ = ["GetOpts", "get"]


@attrs.frozen(kw_only=True)
class GetOpts:
    """Whose limits to read: another project's (``tenant_id``; administrators).

    Example:
        >>> GetOpts(tenant_id="6f70656e")
        GetOpts(tenant_id='6f70656e')
    """

    tenant_id: str | None = attrs.field(default=None, metadata=wire.query("tenant_id"))


def get(client: ServiceClient, opts: GetOpts | None = None) -> GetResult:
    """The project's limits and use: ``GET /limits`` (200).

    Example:
        >>> absolute = limits.get(compute).extract().absolute  # doctest: +SKIP
        >>> absolute.max_total_instances - absolute.total_instances_used  # doctest: +SKIP
        8
    """
    url = wire.url(client, "limits", query=opts, of=GetOpts)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


__getattr__ = aliases(__name__, {"GetOptsBuilder": (GetOpts, "GetOpts")})
