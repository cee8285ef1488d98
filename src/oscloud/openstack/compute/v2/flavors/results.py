"""Models and results of compute v2 flavors, their access lists and extra specs.

The models read every shape Nova returns from microversion 2.1 to
:data:`~oscloud.openstack.compute.v2.MAX_MICROVERSION`: a field the server did not send
(because the microversion is older, the listing is the summary one, or policy hides it)
is ``None``.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.openstack.compute.v2._common import Link
from oscloud.pagination import LinkedPage, Page, SinglePage
from oscloud.results import ErrResult, Result, build_checked

__all__ = [
    "AccessPage",
    "AccessResult",
    "AddAccessResult",
    "CreateExtraSpecsResult",
    "CreateResult",
    "DeleteExtraSpecResult",
    "DeleteResult",
    "ExtraSpecResult",
    "ExtraSpecsResult",
    "Flavor",
    "FlavorAccess",
    "FlavorPage",
    "FlavorResult",
    "GetExtraSpecResult",
    "GetResult",
    "ListExtraSpecsResult",
    "RemoveAccessResult",
    "UpdateExtraSpecResult",
    "UpdateResult",
    "extract_accesses",
    "extract_flavors",
]


def _id(value: Any) -> str:
    """A flavor id: a string (Nova's legacy integer ids are kept as text)."""
    if isinstance(value, str):
        return value
    return str(read.integer(value))


def _swap(value: Any) -> int:
    # Before 2.75 Nova writes a flavor without swap as "" instead of 0.
    return 0 if value == "" else read.integer(value)


def _spec_map(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ValueError(f"extra specs must be an object, not {type(value).__name__}")
    return {str(k): str(v) for k, v in value.items()}


def _one_spec(value: Any) -> dict[str, str]:
    spec = _spec_map(value)
    if len(spec) != 1:
        raise ValueError(f"expected one extra spec, got {len(spec)}")
    return spec


@model
@attrs.frozen(kw_only=True)
class Flavor(Model):
    """A flavor: the size of a server (vCPUs, RAM, disks) and how it is offered.

    ``ram`` and ``swap`` are in MiB, ``disk`` and ``ephemeral`` in GiB; ``swap`` is 0
    when the flavor has none (Nova writes ``""`` before microversion 2.75).
    ``is_public`` is ``os-flavor-access:is_public``, ``ephemeral``
    ``OS-FLV-EXT-DATA:ephemeral``, ``disabled`` ``OS-FLV-DISABLED:disabled``.
    ``description`` comes from 2.55, ``extra_specs`` from 2.61 (``None`` when policy
    hides them); ``rxtx_factor`` and ``disabled`` are gone from 2.102. The summary
    listing (:func:`~oscloud.openstack.compute.v2.flavors.list_simple`) gives only
    ``id``, ``name``, ``links`` and ``description``.

    Flavors are read whole, not lazily: clouds have tens to hundreds of them, and reading
    a thousand whole costs about 5 ms more than parsing their JSON.

    Example:
        >>> flavor = Flavor.from_json({"id": "1", "name": "m1.tiny", "ram": 512, "vcpus": 1,
        ...     "disk": 1, "swap": "", "OS-FLV-EXT-DATA:ephemeral": 0, "rxtx_factor": 1.0,
        ...     "os-flavor-access:is_public": True, "OS-FLV-DISABLED:disabled": False})
        >>> flavor.name, flavor.ram, flavor.swap, flavor.is_public, flavor.rxtx_factor
        ('m1.tiny', 512, 0, True, 1.0)
    """

    id: str = field(read=_id)
    name: str
    ram: int | None = field(read=read.integer, default=None)
    vcpus: int | None = field(read=read.integer, default=None)
    disk: int | None = field(read=read.integer, default=None)
    swap: int | None = field(read=_swap, default=None)
    ephemeral: int | None = field("OS-FLV-EXT-DATA:ephemeral", read=read.integer, default=None)
    rxtx_factor: float | None = field(read=read.number, default=None, max_version="2.101")
    is_public: bool | None = field("os-flavor-access:is_public", read=read.boolean, default=None)
    disabled: bool | None = field(
        "OS-FLV-DISABLED:disabled", read=read.boolean, default=None, max_version="2.101"
    )
    description: str | None = field(default=None, min_version="2.55")
    extra_specs: dict[str, str] | None = field(read=_spec_map, default=None, min_version="2.61")
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


@model
@attrs.frozen(kw_only=True)
class FlavorAccess(Model):
    """One project allowed to use a private flavor.

    Example:
        >>> FlavorAccess.from_json({"flavor_id": "10", "tenant_id": "fake_tenant"})
        FlavorAccess(flavor_id='10', tenant_id='fake_tenant')
    """

    flavor_id: str = field(read=_id)
    tenant_id: str


_access_entries = read.tuple_of(FlavorAccess)


def _accesses(value: Any) -> builtins.list[FlavorAccess]:
    if not isinstance(value, list):
        raise TypeError(f"flavor_access must be a list, not {type(value).__name__}")
    return builtins.list(_access_entries(value))


# -- results --------------------------------------------------------------------------


class FlavorResult(Result[Flavor]):
    """A response whose ``flavor`` member is a :class:`Flavor`.

    Example:
        >>> FlavorResult(body={"flavor": {"id": "1", "name": "m1.tiny"}}).extract().name
        'm1.tiny'
    """

    resource_key = "flavor"
    model = Flavor

    __slots__ = ()


GetResult = FlavorResult
CreateResult = FlavorResult
UpdateResult = FlavorResult
DeleteResult = ErrResult


class AccessResult(Result[builtins.list[FlavorAccess]]):
    """A response whose ``flavor_access`` member lists the projects of a private flavor.

    The answer to :func:`~oscloud.openstack.compute.v2.flavors.add_access` and
    :func:`~oscloud.openstack.compute.v2.flavors.remove_access`.

    Example:
        >>> AccessResult(body={"flavor_access": [{"flavor_id": "10", "tenant_id": "t1"}]}
        ...              ).extract()
        [FlavorAccess(flavor_id='10', tenant_id='t1')]
    """

    resource_key = "flavor_access"

    __slots__ = ()

    def _build(self, data: Any) -> builtins.list[FlavorAccess]:
        return build_checked(_accesses, data, type(self).__name__)


AddAccessResult = AccessResult
RemoveAccessResult = AccessResult


class ExtraSpecsResult(Result[dict[str, str]]):
    """A response whose ``extra_specs`` member holds a flavor's extra specs.

    The answer to :func:`~oscloud.openstack.compute.v2.flavors.list_extra_specs` and
    :func:`~oscloud.openstack.compute.v2.flavors.create_extra_specs`.

    Example:
        >>> ExtraSpecsResult(body={"extra_specs": {"hw:numa_nodes": "1"}}).extract()
        {'hw:numa_nodes': '1'}
    """

    resource_key = "extra_specs"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return build_checked(_spec_map, data, type(self).__name__)


ListExtraSpecsResult = ExtraSpecsResult
CreateExtraSpecsResult = ExtraSpecsResult


class ExtraSpecResult(Result[dict[str, str]]):
    """A response that is one extra spec, ``{key: value}``.

    The answer to :func:`~oscloud.openstack.compute.v2.flavors.get_extra_spec` and
    :func:`~oscloud.openstack.compute.v2.flavors.update_extra_spec`.

    Example:
        >>> ExtraSpecResult(body={"hw:numa_nodes": "1"}).extract()
        {'hw:numa_nodes': '1'}
    """

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return build_checked(_one_spec, data, type(self).__name__)


GetExtraSpecResult = ExtraSpecResult
UpdateExtraSpecResult = ExtraSpecResult
DeleteExtraSpecResult = ErrResult


# -- pages ----------------------------------------------------------------------------


class FlavorPage(LinkedPage[Flavor]):
    """One page of flavors; the next one is linked from ``flavors_links``.

    Example:
        >>> page = FlavorPage(url="u", body={"flavors": [{"id": "1", "name": "m1.tiny"}],
        ...     "flavors_links": [{"rel": "next", "href": "https://n/flavors?marker=1"}]})
        >>> [f.name for f in extract_flavors(page)], page.next_url()
        (['m1.tiny'], 'https://n/flavors?marker=1')
    """

    resource_key = "flavors"
    model = Flavor

    __slots__ = ()


class AccessPage(SinglePage[FlavorAccess]):
    """The projects allowed to use a private flavor, in one page (``flavor_access``).

    Example:
        >>> extract_accesses(AccessPage(url="u", body={"flavor_access": [
        ...     {"flavor_id": "10", "tenant_id": "fake_tenant"}]}))[0].tenant_id
        'fake_tenant'
    """

    resource_key = "flavor_access"
    model = FlavorAccess

    __slots__ = ()


def extract_flavors(page: Page[Flavor]) -> builtins.list[Flavor]:
    """The flavors of a page.

    Example:
        >>> extract_flavors(FlavorPage(url="u", body={"flavors": []}))
        []
    """
    return page.extract()


def extract_accesses(page: Page[FlavorAccess]) -> builtins.list[FlavorAccess]:
    """The access entries of a page.

    Example:
        >>> extract_accesses(AccessPage(url="u", body={"flavor_access": []}))
        []
    """
    return page.extract()
