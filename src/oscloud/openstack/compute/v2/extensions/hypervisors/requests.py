"""Operations on hypervisors (administrators): list, show, search, servers, statistics."""

from __future__ import annotations

from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.openstack.compute.v2.extensions.hypervisors.results import (
    GetResult,
    Hypervisor,
    HypervisorPage,
    StatisticsResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "GetOpts",
    "ListOpts",
    "get",
    "get_statistics",
    "list",
    "list_detail",
    "list_servers",
    "search",
]

#: From this microversion hypervisors are searched through the listing's query.
PATTERN_MICROVERSION = "2.53"
#: The microversion that brings paging of the hypervisor listing.
PAGING_MICROVERSION = "2.33"
#: The last microversion with ``GET /os-hypervisors/statistics``.
STATISTICS_MAX_MICROVERSION = "2.87"


def _hypervisor_id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return check_id("hypervisor_id", value)


# -- listing ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Paging and filters of a hypervisor listing.

    ``limit`` and ``marker`` (a hypervisor id: a number up to 2.52, a UUID from 2.53)
    need microversion 2.33; ``hypervisor_hostname_pattern`` (a substring of the host
    name) and ``with_servers`` 2.53. A pattern cannot be combined with paging.

    Example:
        >>> opts = ListOpts(hypervisor_hostname_pattern="fake", with_servers=True)
        >>> wire.build_query(opts, client=None)
        [('hypervisor_hostname_pattern', 'fake'), ('with_servers', 'true')]
    """

    limit: int | None = attrs.field(
        default=None,
        metadata=wire.query("limit", encode=wire.non_negative_int, min_version=PAGING_MICROVERSION),
    )
    marker: str | None = attrs.field(
        default=None, metadata=wire.query("marker", min_version=PAGING_MICROVERSION)
    )
    hypervisor_hostname_pattern: str | None = attrs.field(
        default=None,
        metadata=wire.query("hypervisor_hostname_pattern", min_version=PATTERN_MICROVERSION),
    )
    with_servers: bool | None = attrs.field(
        default=None, metadata=wire.query("with_servers", min_version=PATTERN_MICROVERSION)
    )


def _listing(client: ServiceClient, opts: ListOpts | None, *parts: str) -> Pager[Hypervisor]:
    url = wire.url(client, "os-hypervisors", *parts, query=opts, of=ListOpts)
    if (
        opts is not None
        and opts.hypervisor_hostname_pattern is not None
        and (opts.limit is not None or opts.marker is not None)
    ):
        raise ValueError("hypervisor_hostname_pattern cannot be combined with limit or marker")
    return Pager(client, url, HypervisorPage)


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Hypervisor]:
    """List hypervisors (id, host name, state, status): ``GET /os-hypervisors`` (200).

    Pages follow ``hypervisors_links`` from 2.33.

    Raises:
        MicroversionError: an option the client's microversion does not have.
        ValueError: a negative ``limit``, or a pattern with paging.

    Example:
        >>> for node in hypervisors.list(compute).items():  # doctest: +SKIP
        ...     print(node.id, node.hypervisor_hostname, node.state)
    """
    return _listing(client, opts)


def list_detail(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Hypervisor]:
    """List hypervisors with their details: ``GET /os-hypervisors/detail`` (200).

    Raises:
        MicroversionError: an option the client's microversion does not have.
        ValueError: a negative ``limit``, or a pattern with paging.

    Example:
        >>> for node in hypervisors.list_detail(compute).items():  # doctest: +SKIP
        ...     print(node.hypervisor_hostname, node.vcpus_used, node.vcpus)
    """
    return _listing(client, opts, "detail")


# -- get ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class GetOpts:
    """Also list the hypervisor's servers (``with_servers``, 2.53).

    Example:
        >>> wire.build_query(GetOpts(with_servers=True), client=None)
        [('with_servers', 'true')]
    """

    with_servers: bool | None = attrs.field(
        default=None, metadata=wire.query("with_servers", min_version=PATTERN_MICROVERSION)
    )


def get(client: ServiceClient, hypervisor_id: str | int, opts: GetOpts | None = None) -> GetResult:
    """Show a hypervisor: ``GET /os-hypervisors/{hypervisor_id}`` (200).

    ``hypervisor_id`` is a UUID from 2.53, a number before.

    Raises:
        MicroversionError: ``with_servers`` with a client older than 2.53.

    Example:
        >>> node = hypervisors.get(compute, hypervisor_id).extract()  # doctest: +SKIP
    """
    hypervisor = _hypervisor_id(hypervisor_id)
    url = wire.url(client, "os-hypervisors", hypervisor, query=opts, of=GetOpts)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def get_statistics(client: ServiceClient) -> StatisticsResult:
    """The resources of all hypervisors: ``GET /os-hypervisors/statistics`` (200).

    Nova removed this in microversion 2.88 (read the Placement service instead).

    Raises:
        MicroversionError: the client sends 2.88 or later (before any request).

    Example:
        >>> hypervisors.get_statistics(compute).extract().running_vms  # doctest: +SKIP
        3
    """
    client.require_microversion_range(None, STATISTICS_MAX_MICROVERSION, "hypervisor statistics")
    url = client.service_url("os-hypervisors", "statistics")
    return client.call(StatisticsResult, "GET", url, ok_codes=(200,))


# -- search -------------------------------------------------------------------------


def _pattern(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"a host name pattern must be a non-empty string, not {value!r}")
    return value


def search(client: ServiceClient, hostname_pattern: str) -> Pager[Hypervisor]:
    """The hypervisors whose host name contains ``hostname_pattern`` (200, one page).

    From 2.53 this is ``GET /os-hypervisors?hypervisor_hostname_pattern=...``; before,
    ``GET /os-hypervisors/{pattern}/search``. Nova answers 404 when nothing matches.

    Example:
        >>> [h.id for h in hypervisors.search(compute, "compute-1").items()]  # doctest: +SKIP
    """
    pattern = _pattern(hostname_pattern)
    if client.microversion_at_least(PATTERN_MICROVERSION):
        return list(client, ListOpts(hypervisor_hostname_pattern=pattern))
    url = client.service_url("os-hypervisors", check_id("hostname_pattern", pattern), "search")
    return Pager(client, url, HypervisorPage)


def list_servers(client: ServiceClient, hostname_pattern: str) -> Pager[Hypervisor]:
    """The matching hypervisors with their servers (200, one page).

    From 2.53 this is ``GET /os-hypervisors?hypervisor_hostname_pattern=...&with_servers=true``;
    before, ``GET /os-hypervisors/{pattern}/servers``. Each hypervisor's ``servers`` lists
    its servers (empty tuple or ``None`` when it runs none).

    Example:
        >>> for node in hypervisors.list_servers(compute, "compute-1").items():  # doctest: +SKIP
        ...     print(node.hypervisor_hostname, [s.name for s in node.servers or ()])
    """
    pattern = _pattern(hostname_pattern)
    if client.microversion_at_least(PATTERN_MICROVERSION):
        return list(client, ListOpts(hypervisor_hostname_pattern=pattern, with_servers=True))
    url = client.service_url("os-hypervisors", check_id("hostname_pattern", pattern), "servers")
    return Pager(client, url, HypervisorPage)


__getattr__ = aliases(
    __name__,
    {
        "GetOptsBuilder": (GetOpts, "GetOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
    },
)
