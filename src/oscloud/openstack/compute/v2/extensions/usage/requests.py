"""Operations of simple tenant usage: usage of every project, or of one."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud._time import to_utc
from oscloud.openstack.compute.v2.extensions.usage.results import (
    AllTenantsPage,
    ServerUsage,
    SingleTenantPage,
    TenantUsage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "AllTenantsOpts",
    "SingleTenantOpts",
    "list_all_tenants",
    "list_single_tenant",
]

#: The microversion from which usage listings are paged.
PAGING_MICROVERSION = "2.40"


def _usage_time(value: Any) -> str:
    """A time as Nova's usage API reads it: UTC, ISO 8601 without a zone suffix."""
    if not isinstance(value, _dt.datetime):
        raise ValueError(f"start and end are datetimes, not {type(value).__name__}")
    return to_utc(value).replace(tzinfo=None).isoformat(timespec="microseconds")


def _detailed(value: Any) -> str:
    return "1" if value else "0"


def _check_period(opts: AllTenantsOpts | SingleTenantOpts) -> None:
    start, end = opts.start, opts.end
    if not isinstance(start, _dt.datetime) or not isinstance(end, _dt.datetime):
        return  # nothing to compare (the encoder refuses what is not a datetime)
    if to_utc(end) < to_utc(start):
        raise ValueError(f"end ({end.isoformat()}) is before start ({start.isoformat()})")


@attrs.frozen(kw_only=True)
class AllTenantsOpts:
    """The period, detail and paging of the usage of every project.

    ``start`` and ``end`` (default: now) bound the period; naive datetimes are UTC.
    ``detailed`` adds each project's ``server_usages``. ``limit`` and ``marker`` (a
    server id) page the listing from microversion 2.40.

    Example:
        >>> import datetime as dt
        >>> opts = AllTenantsOpts(start=dt.datetime(2024, 1, 1), end=dt.datetime(2024, 2, 1),
        ...                       detailed=True, limit=10)
        >>> wire.build_query(opts, client=None)
        [('start', '2024-01-01T00:00:00.000000'), ('end', '2024-02-01T00:00:00.000000'), \
('detailed', '1'), ('limit', '10')]
    """

    start: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("start", encode=_usage_time)
    )
    end: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("end", encode=_usage_time)
    )
    detailed: bool | None = attrs.field(
        default=None, metadata=wire.query("detailed", encode=_detailed)
    )
    limit: int | None = attrs.field(
        default=None,
        metadata=wire.query("limit", encode=wire.non_negative_int, min_version=PAGING_MICROVERSION),
    )
    marker: str | None = attrs.field(
        default=None, metadata=wire.query("marker", min_version=PAGING_MICROVERSION)
    )


def list_all_tenants(
    client: ServiceClient, opts: AllTenantsOpts | None = None
) -> Pager[TenantUsage]:
    """The usage of every project: ``GET /os-simple-tenant-usage`` (200; administrators).

    From 2.40 the pages follow ``tenant_usages_links``.

    Raises:
        ValueError: ``end`` is before ``start``, or one is not a datetime.
        MicroversionError: ``limit`` or ``marker`` with a client older than 2.40.

    Example:
        >>> for usage in usage.list_all_tenants(compute, AllTenantsOpts(  # doctest: +SKIP
        ...         start=month_start, end=month_end)).items():
        ...     print(usage.tenant_id, usage.total_vcpus_usage)
    """
    if opts is not None:
        _check_period(wire.checked(opts, AllTenantsOpts))
    url = wire.url(client, "os-simple-tenant-usage", query=opts, of=AllTenantsOpts)
    return Pager(client, url, AllTenantsPage)


@attrs.frozen(kw_only=True)
class SingleTenantOpts:
    """The period and paging of one project's usage (``limit``, ``marker``: 2.40).

    Example:
        >>> import datetime as dt
        >>> opts = SingleTenantOpts(start=dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone.utc))
        >>> wire.build_query(opts, client=None)
        [('start', '2024-01-01T12:00:00.000000')]
    """

    start: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("start", encode=_usage_time)
    )
    end: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("end", encode=_usage_time)
    )
    limit: int | None = attrs.field(
        default=None,
        metadata=wire.query("limit", encode=wire.non_negative_int, min_version=PAGING_MICROVERSION),
    )
    marker: str | None = attrs.field(
        default=None, metadata=wire.query("marker", min_version=PAGING_MICROVERSION)
    )


def list_single_tenant(
    client: ServiceClient, tenant_id: str, opts: SingleTenantOpts | None = None
) -> Pager[ServerUsage]:
    """One project's usage: ``GET /os-simple-tenant-usage/{tenant_id}`` (200).

    The pager's items are the project's servers; read the totals of a page (or of
    ``all_pages()``) with :func:`~oscloud.openstack.compute.v2.extensions.usage.extract_single_tenant`.
    From 2.40 the pages follow ``tenant_usage_links``.

    Raises:
        ValueError: ``end`` is before ``start``, or one is not a datetime.
        MicroversionError: ``limit`` or ``marker`` with a client older than 2.40.

    Example:
        >>> pages = usage.list_single_tenant(compute, project_id).all_pages()  # doctest: +SKIP
        >>> usage.extract_single_tenant(pages).total_hours  # doctest: +SKIP
    """  # noqa: E501
    tenant = check_id("tenant_id", tenant_id)
    if opts is not None:
        _check_period(wire.checked(opts, SingleTenantOpts))
    url = wire.url(client, "os-simple-tenant-usage", tenant, query=opts, of=SingleTenantOpts)
    return Pager(client, url, SingleTenantPage)


__getattr__ = aliases(
    __name__,
    {
        "AllTenantsOptsBuilder": (AllTenantsOpts, "AllTenantsOpts"),
        "SingleTenantOptsBuilder": (SingleTenantOpts, "SingleTenantOpts"),
    },
)
