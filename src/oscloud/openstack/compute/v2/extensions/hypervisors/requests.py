"""Operations on hypervisors (administrators): list, show, search, servers, statistics."""

from __future__ import annotations

import builtins
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.errors import MicroversionError
from oscloud.openstack.compute.v2._common import require_microversion
from oscloud.openstack.compute.v2.extensions.hypervisors import urls
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
    "GetOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "get",
    "get_statistics",
    "list",
    "list_detail",
    "list_servers",
    "search",
]

#: From this microversion hypervisors are searched through the listing's query.
PATTERN_MICROVERSION = "2.53"

_VERSIONS = {
    "limit": "2.33",
    "marker": "2.33",
    "hypervisor_hostname_pattern": PATTERN_MICROVERSION,
    "with_servers": PATTERN_MICROVERSION,
}


def _check_query(client: ServiceClient, query: builtins.list[tuple[str, str]]) -> None:
    names = {name for name, _ in query}
    for name in sorted(names):
        version = _VERSIONS.get(name)
        if version is not None:
            require_microversion(client, version, f"hypervisor listings with {name!r}")
    if "hypervisor_hostname_pattern" in names and names & {"limit", "marker"}:
        raise ValueError("hypervisor_hostname_pattern cannot be combined with limit or marker")


def _hypervisor_id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return check_id("hypervisor_id", value)


class ListOptsBuilder(Protocol):
    """Anything that can build the query of a hypervisor listing.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(limit=1)
        >>> builder.to_hypervisor_list_query()
        [('limit', '1')]
    """

    def to_hypervisor_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /os-hypervisors[/detail]``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Paging and filters of a hypervisor listing.

    ``limit`` and ``marker`` (a hypervisor id) need microversion 2.33;
    ``hypervisor_hostname_pattern`` (a substring of the host name) and ``with_servers``
    2.53. A pattern cannot be combined with paging.

    Example:
        >>> ListOpts(hypervisor_hostname_pattern="fake", with_servers=True
        ...          ).to_hypervisor_list_query()
        [('hypervisor_hostname_pattern', 'fake'), ('with_servers', 'true')]
    """

    limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    hypervisor_hostname_pattern: str | None = attrs.field(
        default=None, metadata=wire.query("hypervisor_hostname_pattern")
    )
    with_servers: bool | None = attrs.field(default=None, metadata=wire.query("with_servers"))

    def to_hypervisor_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order.

        Raises:
            ValueError: a negative ``limit``.
        """
        if self.limit is not None and (isinstance(self.limit, bool) or self.limit < 0):
            raise ValueError(f"limit must be an integer of at least 0, not {self.limit!r}")
        return wire.build_query(self)


def _listing(client: ServiceClient, url: str, opts: ListOptsBuilder | None) -> Pager[Hypervisor]:
    if opts is not None:
        query = opts.to_hypervisor_list_query()
        _check_query(client, query)
        url = wire.with_query(url, query)
    return Pager(client, url, HypervisorPage)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Hypervisor]:
    """List hypervisors (id, host name, state, status): ``GET /os-hypervisors`` (200).

    Pages follow ``hypervisors_links`` from 2.33.

    Raises:
        MicroversionError: an option the client's microversion does not have.

    Example:
        >>> for node in hypervisors.list(compute).items():  # doctest: +SKIP
        ...     print(node.id, node.hypervisor_hostname, node.state)
    """
    return _listing(client, urls.hypervisors_url(client), opts)


def list_detail(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Hypervisor]:
    """List hypervisors with their details: ``GET /os-hypervisors/detail`` (200).

    Raises:
        MicroversionError: an option the client's microversion does not have.

    Example:
        >>> for node in hypervisors.list_detail(compute).items():  # doctest: +SKIP
        ...     print(node.hypervisor_hostname, node.vcpus_used, node.vcpus)
    """
    return _listing(client, urls.detail_url(client), opts)


class GetOptsBuilder(Protocol):
    """Anything that can build the query of ``GET /os-hypervisors/{hypervisor_id}``.

    Example:
        >>> builder: GetOptsBuilder = GetOpts(with_servers=True)
        >>> builder.to_hypervisor_get_query()
        [('with_servers', 'true')]
    """

    def to_hypervisor_get_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters."""
        ...


@attrs.frozen(kw_only=True)
class GetOpts:
    """Also list the hypervisor's servers (``with_servers``, 2.53).

    Example:
        >>> GetOpts(with_servers=True).to_hypervisor_get_query()
        [('with_servers', 'true')]
    """

    with_servers: bool | None = attrs.field(default=None, metadata=wire.query("with_servers"))

    def to_hypervisor_get_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters."""
        return wire.build_query(self)


def get(
    client: ServiceClient, hypervisor_id: str | int, opts: GetOptsBuilder | None = None
) -> GetResult:
    """Show a hypervisor: ``GET /os-hypervisors/{hypervisor_id}`` (200).

    ``hypervisor_id`` is a UUID from 2.53, a number before.

    Raises:
        MicroversionError: ``with_servers`` with a client older than 2.53.

    Example:
        >>> node = hypervisors.get(compute, hypervisor_id).extract()  # doctest: +SKIP
    """
    url = urls.hypervisor_url(client, _hypervisor_id(hypervisor_id))
    if opts is not None:
        query = opts.to_hypervisor_get_query()
        _check_query(client, query)
        url = wire.with_query(url, query)
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
    if client.microversion_at_least("2.88"):
        raise MicroversionError(
            "hypervisor statistics were removed in compute microversion 2.88; the client "
            f"sends {client.microversion}"
        )
    return client.call(StatisticsResult, "GET", urls.statistics_url(client), ok_codes=(200,))


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
    url = urls.search_url(client, check_id("hostname_pattern", pattern))
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
    url = urls.servers_url(client, check_id("hostname_pattern", pattern))
    return Pager(client, url, HypervisorPage)
