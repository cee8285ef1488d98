"""Endpoint selection: ``EndpointOpts`` and the service catalog a token carries."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from oscloud.errors import EndpointNotFoundError

__all__ = [
    "Availability",
    "Catalog",
    "CatalogEndpoint",
    "CatalogEntry",
    "EndpointOpts",
    "service_type_candidates",
]


class Availability(str, enum.Enum):
    """Which of a service's endpoints to use (the catalog's interface).

    Example:
        >>> Availability("internal") is Availability.INTERNAL
        True
    """

    PUBLIC = "public"
    INTERNAL = "internal"
    ADMIN = "admin"


def _availability(value: Availability | str) -> Availability:
    text = value.value if isinstance(value, Availability) else str(value).lower()
    text = text.removesuffix("url")  # clouds.yaml and v2 spell it publicURL
    try:
        return Availability(text)
    except ValueError:
        raise ValueError(f"availability must be public, internal or admin, not {value!r}") from None


@attrs.frozen(kw_only=True)
class EndpointOpts:
    """Which endpoint of the catalog a service client should use.

    Attributes:
        type: the service type (``compute``, ``object-store``, ``block-storage`` …); the
            ``new_*`` constructors fill it in. Official aliases match too.
        name: the catalog name of the service (``nova``), when a cloud has several.
        region: the region id; ``None`` takes the first region that matches.
        availability: ``public`` (default), ``internal`` or ``admin``.

    Example:
        >>> EndpointOpts(region="RegionOne", availability="internal")
        EndpointOpts(type=None, name=None, region='RegionOne', availability=<Availability.INTERNAL: 'internal'>)
    """  # noqa: E501

    type: str | None = None
    name: str | None = None
    region: str | None = None
    availability: Availability = attrs.field(default=Availability.PUBLIC, converter=_availability)


#: Official service types (OpenStack's service-types authority) that have aliases, and the
#: aliases clouds still register them under, preferred first. Other types match only
#: themselves.
SERVICE_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "block-storage": ("volumev3", "volumev2", "volume", "block-store"),
    "shared-file-system": ("sharev2", "share"),
    "baremetal": ("bare-metal",),
    "clustering": ("resource-cluster", "cluster"),
    "container-infrastructure-management": ("container-infrastructure", "container-infra"),
    "resource-optimization": ("infra-optim",),
    "workflow": ("workflowv2",),
    "message": ("messaging",),
    "operator-policy": ("policy",),
    "alarm": ("alarming",),
    "meter": ("metering", "telemetry"),
    "event": ("events",),
    "application-deployment": ("application_deployment",),
    "multi-region-network-automation": ("tricircle",),
    "application-container": ("container",),
    "root-cause-analysis": ("rca",),
    "monitoring-logging": ("monitoring-log-api",),
    "instance-ha": ("ha",),
    "admin-logic": ("registration",),
}


def service_type_candidates(service_type: str) -> tuple[str, ...]:
    """The catalog types that satisfy ``service_type``: itself first, then its family.

    Example:
        >>> service_type_candidates("volumev3")
        ('volumev3', 'block-storage', 'volumev2', 'volume', 'block-store')
    """
    for official, aliases in SERVICE_TYPE_ALIASES.items():
        family = (official, *aliases)
        if service_type in family:
            return (service_type, *(t for t in family if t != service_type))
    return (service_type,)


@attrs.frozen(kw_only=True)
class CatalogEndpoint:
    """One URL of a catalog entry.

    Example:
        >>> CatalogEndpoint(interface=Availability.PUBLIC, region="R", url="https://n/v2.1")
        CatalogEndpoint(interface=<Availability.PUBLIC: 'public'>, region='R', url='https://n/v2.1')
    """

    interface: Availability
    region: str | None
    url: str


@attrs.frozen(kw_only=True)
class CatalogEntry:
    """One service of the catalog.

    Example:
        >>> CatalogEntry(type="compute", name="nova", endpoints=())
        CatalogEntry(type='compute', name='nova', endpoints=())
    """

    type: str
    name: str | None
    endpoints: tuple[CatalogEndpoint, ...]


@attrs.frozen
class Catalog:
    """The service catalog of a token, in one shape for identity v3 and v2.0.

    Example:
        >>> catalog = Catalog.from_v3([{"type": "compute", "name": "nova", "endpoints": [
        ...     {"interface": "public", "region_id": "RegionOne",
        ...      "url": "https://nova.example/v2.1"}]}])
        >>> catalog.locate(EndpointOpts(type="compute", region="RegionOne"))
        'https://nova.example/v2.1/'
    """

    entries: tuple[CatalogEntry, ...] = ()

    @classmethod
    def from_v3(cls, catalog: Iterable[Mapping[str, Any]]) -> Catalog:
        """Read an identity v3 ``catalog`` list.

        Example:
            >>> Catalog.from_v3([]).entries
            ()
        """
        entries = []
        for service in catalog:
            endpoints = tuple(
                CatalogEndpoint(
                    interface=_availability(ep.get("interface", "public")),
                    region=ep.get("region_id") or ep.get("region"),
                    url=ep["url"],
                )
                for ep in service.get("endpoints", ())
                if ep.get("url")
            )
            entries.append(
                CatalogEntry(type=service["type"], name=service.get("name"), endpoints=endpoints)
            )
        return cls(tuple(entries))

    @classmethod
    def from_v2(cls, catalog: Iterable[Mapping[str, Any]]) -> Catalog:
        """Read an identity v2.0 ``serviceCatalog`` list.

        Example:
            >>> Catalog.from_v2([{"type": "compute", "name": "nova", "endpoints": [
            ...     {"region": "R", "publicURL": "https://n/v2.1"}]}]).entries[0].endpoints[0].url
            'https://n/v2.1'
        """
        entries = []
        for service in catalog:
            endpoints = []
            for ep in service.get("endpoints", ()):
                for interface in Availability:
                    url = ep.get(f"{interface.value}URL")
                    if url:
                        endpoints.append(
                            CatalogEndpoint(interface=interface, region=ep.get("region"), url=url)
                        )
            entries.append(
                CatalogEntry(
                    type=service["type"], name=service.get("name"), endpoints=tuple(endpoints)
                )
            )
        return cls(tuple(entries))

    def to_v3(self) -> list[dict[str, Any]]:
        """Write the catalog in the identity v3 shape (what :meth:`from_v3` reads).

        Example:
            >>> Catalog((CatalogEntry(type="compute", name=None, endpoints=(
            ...     CatalogEndpoint(interface=Availability.PUBLIC, region="R",
            ...                     url="https://n"),)),)).to_v3()[0]["endpoints"]
            [{'interface': 'public', 'region_id': 'R', 'url': 'https://n'}]
        """
        return [
            {
                "type": entry.type,
                "name": entry.name,
                "endpoints": [
                    {"interface": ep.interface.value, "region_id": ep.region, "url": ep.url}
                    for ep in entry.endpoints
                ],
            }
            for entry in self.entries
        ]

    def locate(self, opts: EndpointOpts) -> str:
        """Return the URL (with one trailing slash) of the first endpoint matching ``opts``.

        Catalog types are tried in :func:`service_type_candidates` order; within a type,
        catalog order. The first match wins.

        Raises:
            EndpointNotFoundError: nothing matched; the message says what was searched and
                what the catalog offers.

        Example:
            >>> Catalog().locate(EndpointOpts(type="dns"))
            Traceback (most recent call last):
            ...
            oscloud.errors.EndpointNotFoundError: no public endpoint of type 'dns' in the catalog (the catalog is empty)
        """  # noqa: E501
        if not opts.type:
            raise EndpointNotFoundError("EndpointOpts.type is required to search the catalog")
        for candidate in service_type_candidates(opts.type):
            for entry in self.entries:
                if entry.type != candidate or (opts.name and entry.name != opts.name):
                    continue
                for endpoint in entry.endpoints:
                    if endpoint.interface != opts.availability:
                        continue
                    if opts.region and endpoint.region != opts.region:
                        continue
                    return normalize_url(endpoint.url)
        raise EndpointNotFoundError(self._describe_miss(opts))

    def _describe_miss(self, opts: EndpointOpts) -> str:
        types = service_type_candidates(opts.type or "")
        wanted = f"no {opts.availability.value} endpoint of type {types[0]!r}"
        if len(types) > 1:
            wanted += f" (or {', '.join(repr(t) for t in types[1:])})"
        if opts.name:
            wanted += f" named {opts.name!r}"
        if opts.region:
            wanted += f" in region {opts.region!r}"
        offered = "; ".join(
            f"{entry.type}"
            + (f" ({entry.name})" if entry.name else "")
            + ": "
            + ", ".join(
                sorted({f"{ep.region or '-'}/{ep.interface.value}" for ep in entry.endpoints})
            )
            for entry in self.entries
        )
        found = f"it has {offered}" if offered else "the catalog is empty"
        return f"{wanted} in the catalog ({found})"


def normalize_url(url: str) -> str:
    """Return ``url`` with exactly one trailing slash.

    Example:
        >>> normalize_url("https://nova.example/v2.1//")
        'https://nova.example/v2.1/'
    """
    return url.rstrip("/") + "/"
