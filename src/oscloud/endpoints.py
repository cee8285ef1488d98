"""Endpoint selection: ``EndpointOpts`` and the service catalog a token carries."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from oscloud.errors import EndpointNotFoundError, InvalidResponseError

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
    def from_v3(cls, catalog: Any) -> Catalog:
        """Read an identity v3 ``catalog`` list.

        An endpoint without a URL is left out. Anything else that is not in the documented
        shape (an entry without its ``type``, an endpoint that is not an object, an
        ``interface`` other than ``public``, ``internal`` or ``admin``, a URL that is not a
        string) raises.

        Raises:
            InvalidResponseError: the catalog cannot be read; the message names the entry
                and the member.

        Example:
            >>> Catalog.from_v3([]).entries
            ()
            >>> Catalog.from_v3([{"type": "compute", "endpoints": [None]}])
            Traceback (most recent call last):
            ...
            oscloud.errors.InvalidResponseError: unreadable catalog: entry 0 ('compute'): endpoint 0 is not a JSON object but null
        """  # noqa: E501
        return cls(_entries(catalog, _v3_endpoint))

    @classmethod
    def from_v2(cls, catalog: Any) -> Catalog:
        """Read an identity v2.0 ``serviceCatalog`` list.

        Raises:
            InvalidResponseError: the catalog cannot be read; the message names the entry
                and the member.

        Example:
            >>> Catalog.from_v2([{"type": "compute", "name": "nova", "endpoints": [
            ...     {"region": "R", "publicURL": "https://n/v2.1"}]}]).entries[0].endpoints[0].url
            'https://n/v2.1'
        """
        return cls(_entries(catalog, _v2_endpoint))

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


def _entries(
    catalog: Any, read_endpoint: Callable[[Mapping[str, Any], str], list[CatalogEndpoint]]
) -> tuple[CatalogEntry, ...]:
    """The entries of a v3 or v2.0 catalog; ``read_endpoint`` reads one endpoint object."""
    entries = []
    for index, item in enumerate(_array(catalog, "the catalog")):
        service = _object(item, f"entry {index}")
        service_type = _required_text(service, "type", f"entry {index}")
        where = f"entry {index} ({service_type[:40]!r})"
        endpoints = []
        for number, member in enumerate(_array(service.get("endpoints"), f"{where}: endpoints")):
            at = f"{where}: endpoint {number}"
            endpoints += read_endpoint(_object(member, at), at)
        name = _text(service, "name", where)
        entries.append(CatalogEntry(type=service_type, name=name, endpoints=tuple(endpoints)))
    return tuple(entries)


def _v3_endpoint(endpoint: Mapping[str, Any], at: str) -> list[CatalogEndpoint]:
    """``{"interface", "region_id", "url"}``; none when it has no URL."""
    url = _text(endpoint, "url", at)
    if not url:
        return []
    interface = _interface(endpoint.get("interface", "public"), at)
    region = _text(endpoint, "region_id", at) or _text(endpoint, "region", at)
    return [CatalogEndpoint(interface=interface, region=region, url=url)]


def _v2_endpoint(endpoint: Mapping[str, Any], at: str) -> list[CatalogEndpoint]:
    """``{"region", "publicURL", "internalURL", "adminURL"}``: one per URL given."""
    region = _text(endpoint, "region", at)
    found = []
    for interface in Availability:
        url = _text(endpoint, f"{interface.value}URL", at)
        if url:
            found.append(CatalogEndpoint(interface=interface, region=region, url=url))
    return found


def _unreadable(what: str) -> InvalidResponseError:
    return InvalidResponseError(f"unreadable catalog: {what}")


def _kind(value: Any) -> str:
    """What a JSON value is, for a message (never its text: it may be long)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an object" if isinstance(value, Mapping) else "an array"


def _array(value: Any, what: str) -> Sequence[Any]:
    """A JSON array (``None``: empty)."""
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise _unreadable(f"{what} is not a JSON array but {_kind(value)}")
    return value


def _object(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _unreadable(f"{what} is not a JSON object but {_kind(value)}")
    return value


def _text(data: Mapping[str, Any], key: str, what: str) -> str | None:
    """A string member, or ``None`` when it is missing or null."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _unreadable(f"{what}: {key!r} is not a string but {_kind(value)}")


def _required_text(data: Mapping[str, Any], key: str, what: str) -> str:
    value = _text(data, key, what)
    if not value:
        raise _unreadable(f"{what} has no {key!r}")
    return value


def _interface(value: Any, what: str) -> Availability:
    if not isinstance(value, str):
        raise _unreadable(f"{what}: 'interface' is not a string but {_kind(value)}")
    try:
        return _availability(value)
    except ValueError:
        raise _unreadable(
            f"{what}: 'interface' is {value[:40]!r}, not public, internal or admin"
        ) from None


def normalize_url(url: str) -> str:
    """Return ``url`` with exactly one trailing slash.

    Example:
        >>> normalize_url("https://nova.example/v2.1//")
        'https://nova.example/v2.1/'
    """
    return url.rstrip("/") + "/"
