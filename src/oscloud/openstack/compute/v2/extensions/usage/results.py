"""Models and pages of simple tenant usage: what servers used over a period."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Callable
from typing import Any, ClassVar

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.errors import InvalidResponseError
from oscloud.pagination import LinkedPage, Page
from oscloud.results import build_checked

__all__ = [
    "AllTenantsPage",
    "ServerUsage",
    "SingleTenantPage",
    "TenantUsage",
    "extract_all_tenants",
    "extract_single_tenant",
]

_TOTALS = ("total_hours", "total_local_gb_usage", "total_memory_mb_usage", "total_vcpus_usage")


@model
@attrs.frozen(kw_only=True)
class ServerUsage(Model):
    """What one server used over the period (detailed usage).

    ``hours`` is the time it ran within the period; ``uptime`` the seconds since it
    started (or until it ended); ``local_gb``, ``memory_mb`` and ``vcpus`` its size.

    Example:
        >>> usage = ServerUsage.from_json({"instance_id": "1f1deceb", "name": "instance-2",
        ...     "flavor": "m1.tiny", "hours": 1.0, "local_gb": 1, "memory_mb": 512,
        ...     "vcpus": 1, "state": "active", "tenant_id": "6f70656e", "uptime": 3600,
        ...     "started_at": "2012-10-08T20:10:44.541277", "ended_at": None})
        >>> usage.hours, usage.memory_mb, usage.started_at.hour, usage.ended_at
        (1.0, 512, 20, None)
    """

    instance_id: str
    name: str | None = None
    flavor: str | None = None
    hours: float | None = field(read=read.number, default=None)
    local_gb: int | None = field(read=read.integer, default=None)
    memory_mb: int | None = field(read=read.integer, default=None)
    vcpus: int | None = field(read=read.integer, default=None)
    state: str | None = None
    tenant_id: str | None = None
    uptime: int | None = field(read=read.integer, default=None)
    started_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    ended_at: _dt.datetime | None = field(read=read.timestamp, default=None)


# from_json comes from @model, which mypy does not see.
_server_usages: Callable[[Any], tuple[ServerUsage, ...]]
_server_usages = read.tuple_of(ServerUsage)


@model
@attrs.frozen(kw_only=True)
class TenantUsage(Model):
    """What a project's servers used over the period from ``start`` to ``stop``.

    The totals are server-hours: ``total_hours``, and hours weighted by GiB of disk,
    MiB of RAM and vCPUs. ``server_usages`` is empty unless the detail was asked for
    (always given for a single project).

    Example:
        >>> usage = TenantUsage.from_json({"tenant_id": "6f70656e", "total_hours": 1.0,
        ...     "total_local_gb_usage": 1.0, "total_memory_mb_usage": 512.0,
        ...     "total_vcpus_usage": 1.0, "start": "2012-10-08T20:10:44.587336",
        ...     "stop": "2012-10-08T21:10:44.587336"})
        >>> usage.total_memory_mb_usage, usage.stop.hour, usage.server_usages
        (512.0, 21, ())
    """

    tenant_id: str
    start: _dt.datetime | None = field(read=read.timestamp, default=None)
    stop: _dt.datetime | None = field(read=read.timestamp, default=None)
    total_hours: float = field(read=read.number, default=0.0)
    total_local_gb_usage: float = field(read=read.number, default=0.0)
    total_memory_mb_usage: float = field(read=read.number, default=0.0)
    total_vcpus_usage: float = field(read=read.number, default=0.0)
    server_usages: tuple[ServerUsage, ...] = field(read=_server_usages, default=())


class AllTenantsPage(LinkedPage[TenantUsage]):
    """One page of usage by project; from 2.40 the next is linked from ``tenant_usages_links``.

    Example:
        >>> page = AllTenantsPage(url="u", body={"tenant_usages": [
        ...     {"tenant_id": "6f70656e", "total_hours": 1.0}]})
        >>> [u.total_hours for u in extract_all_tenants(page)]
        [1.0]
    """

    resource_key = "tenant_usages"
    model = TenantUsage

    __slots__ = ()


class SingleTenantPage(LinkedPage[ServerUsage]):
    """One page of a project's usage: its servers are the items.

    The page's body is ``{"tenant_usage": {...}}``, its servers in ``server_usages``; from
    2.40 the next page is linked from ``tenant_usage_links``. Read the totals with
    :func:`extract_single_tenant`; the combined page of ``all_pages()`` adds up the
    totals of the pages.

    Example:
        >>> page = SingleTenantPage(url="u", body={"tenant_usage": {"tenant_id": "p1",
        ...     "total_hours": 1.0, "server_usages": [{"instance_id": "1f1deceb"}]}})
        >>> [s.instance_id for s in page.extract()], extract_single_tenant(page).total_hours
        (['1f1deceb'], 1.0)
    """

    resource_key = "tenant_usage"
    model = ServerUsage
    links_key: ClassVar[str | None] = "tenant_usage_links"

    __slots__ = ()

    def tenant_usage(self) -> dict[str, Any]:
        """The page's ``tenant_usage`` object as parsed JSON (``{}`` when there is none).

        Example:
            >>> SingleTenantPage(url="u", body={"tenant_usage": {}}).tenant_usage()
            {}
        """
        if self.body is None:
            return {}
        usage = self.body.get("tenant_usage") if isinstance(self.body, dict) else None
        if not isinstance(usage, dict):
            raise InvalidResponseError(f"{type(self).__name__}: no 'tenant_usage' object")
        return usage

    def raw_items(self) -> builtins.list[Any]:
        """The page's server usages as parsed JSON.

        Example:
            >>> SingleTenantPage(url="u", body={"tenant_usage": {}}).raw_items()
            []
        """
        items = self.tenant_usage().get("server_usages") or []
        if not isinstance(items, list):
            raise InvalidResponseError(f"{type(self).__name__}: server_usages is not a list")
        return items

    @classmethod
    def combine(cls, pages: builtins.list[Page[ServerUsage]], url: str) -> Page[ServerUsage]:
        """One page with the servers of all ``pages`` and the sum of their totals.

        Example:
            >>> pages = [SingleTenantPage(url="u", body={"tenant_usage": {"tenant_id": "p",
            ...     "total_hours": h, "server_usages": [{"instance_id": i}]}})
            ...     for h, i in ((1.0, "a"), (2.5, "b"))]
            >>> extract_single_tenant(SingleTenantPage.combine(pages, "u")).total_hours
            3.5
        """
        usages = [p.tenant_usage() for p in pages if isinstance(p, SingleTenantPage)]
        usages = [u for u in usages if u]
        if not usages:
            return cls(url=url, body={"tenant_usage": {}})
        combined = dict(usages[0])
        for name in _TOTALS:
            combined[name] = sum(read.optional_number(u.get(name)) or 0.0 for u in usages)
        combined["server_usages"] = [s for u in usages for s in u.get("server_usages") or ()]
        combined["stop"] = usages[-1].get("stop", combined.get("stop"))
        headers = pages[0].headers if pages else None
        return cls(url=url, body={"tenant_usage": combined}, headers=headers)


def extract_all_tenants(page: Page[TenantUsage]) -> builtins.list[TenantUsage]:
    """The usage of each project on a page.

    Example:
        >>> extract_all_tenants(AllTenantsPage(url="u", body={"tenant_usages": []}))
        []
    """
    return page.extract()


def extract_single_tenant(page: Page[ServerUsage]) -> TenantUsage | None:
    """The project's usage on a page (totals and servers), or ``None`` when it has none.

    Raises:
        TypeError: ``page`` is not a :class:`SingleTenantPage`.

    Example:
        >>> extract_single_tenant(SingleTenantPage(url="u", body={"tenant_usage": {}})) is None
        True
    """
    if not isinstance(page, SingleTenantPage):
        raise TypeError(f"expected a SingleTenantPage, not {type(page).__name__}")
    usage = page.tenant_usage()
    if not usage:
        return None
    build: Callable[[Any], TenantUsage] = TenantUsage.from_json
    return build_checked(build, usage, "extract_single_tenant: TenantUsage")
