"""Operations on compute limits."""

from __future__ import annotations

import builtins
from typing import Protocol

import attrs

from oscloud import _wire as wire
from oscloud.openstack.compute.v2.extensions.limits import urls
from oscloud.openstack.compute.v2.extensions.limits.results import GetResult
from oscloud.service import ServiceClient

__all__ = ["GetOpts", "GetOptsBuilder", "get"]


class GetOptsBuilder(Protocol):
    """Anything that can build the query of ``GET /limits``.

    Example:
        >>> builder: GetOptsBuilder = GetOpts(tenant_id="p1")
        >>> builder.to_limits_get_query()
        [('tenant_id', 'p1')]
    """

    def to_limits_get_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /limits``."""
        ...


@attrs.frozen(kw_only=True)
class GetOpts:
    """Whose limits to read: another project's (``tenant_id``; administrators).

    Example:
        >>> GetOpts(tenant_id="6f70656e").to_limits_get_query()
        [('tenant_id', '6f70656e')]
    """

    tenant_id: str | None = attrs.field(default=None, metadata=wire.query("tenant_id"))

    def to_limits_get_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters."""
        return wire.build_query(self)


def get(client: ServiceClient, opts: GetOptsBuilder | None = None) -> GetResult:
    """The project's limits and use: ``GET /limits`` (200).

    Example:
        >>> absolute = limits.get(compute).extract().absolute  # doctest: +SKIP
        >>> absolute.max_total_instances - absolute.total_instances_used  # doctest: +SKIP
        8
    """
    url = urls.limits_url(client)
    if opts is not None:
        url = wire.with_query(url, opts.to_limits_get_query())
    return client.call(GetResult, "GET", url, ok_codes=(200,))
