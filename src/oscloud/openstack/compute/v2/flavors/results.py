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


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"expected an integer, not {value!r}")
    return int(value)


def _swap(value: Any) -> int | None:
    # Before 2.75 Nova writes a flavor without swap as "" instead of 0.
    return 0 if value == "" else _int_or_none(value)


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _specs(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError(f"extra specs must be an object, not {type(value).__name__}")
    return {str(k): str(v) for k, v in value.items()}


def _spec_map(value: Any) -> dict[str, str]:
    specs = _specs(value)
    if specs is None:
        raise ValueError("extra_specs is null")
    return specs


def _one_spec(value: Any) -> dict[str, str]:
    spec = _spec_map(value)
    if len(spec) != 1:
        raise ValueError(f"expected one extra spec, got {len(spec)}")
    return spec


@attrs.frozen(kw_only=True)
class Flavor:
    """A flavor: the size of a server (vCPUs, RAM, disks) and how it is offered.

    ``ram`` and ``swap`` are in MiB, ``disk`` and ``ephemeral`` in GiB; ``swap`` is 0
    when the flavor has none (Nova writes ``""`` before microversion 2.75).
    ``is_public`` is ``os-flavor-access:is_public``, ``ephemeral``
    ``OS-FLV-EXT-DATA:ephemeral``, ``disabled`` ``OS-FLV-DISABLED:disabled``.
    ``description`` comes from 2.55, ``extra_specs`` from 2.61 (``None`` when policy
    hides them). The summary listing (:func:`~oscloud.openstack.compute.v2.flavors.list_simple`)
    gives only ``id``, ``name``, ``links`` and ``description``.

    Example:
        >>> flavor = Flavor.from_json({"id": "1", "name": "m1.tiny", "ram": 512, "vcpus": 1,
        ...     "disk": 1, "swap": "", "OS-FLV-EXT-DATA:ephemeral": 0, "rxtx_factor": 1.0,
        ...     "os-flavor-access:is_public": True, "OS-FLV-DISABLED:disabled": False})
        >>> flavor.name, flavor.ram, flavor.swap, flavor.is_public, flavor.rxtx_factor
        ('m1.tiny', 512, 0, True, 1.0)
    """

    id: str
    name: str
    ram: int | None = None
    vcpus: int | None = None
    disk: int | None = None
    swap: int | None = None
    ephemeral: int | None = None
    rxtx_factor: float | None = None
    is_public: bool | None = None
    disabled: bool | None = None
    description: str | None = None
    extra_specs: dict[str, str] | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Flavor:
        """Read one ``flavor`` object (detailed or summary)."""
        return cls(
            id=str(data["id"]),
            name=data["name"],
            ram=_int_or_none(data.get("ram")),
            vcpus=_int_or_none(data.get("vcpus")),
            disk=_int_or_none(data.get("disk")),
            swap=_swap(data.get("swap")),
            ephemeral=_int_or_none(data.get("OS-FLV-EXT-DATA:ephemeral")),
            rxtx_factor=_float_or_none(data.get("rxtx_factor")),
            is_public=data.get("os-flavor-access:is_public"),
            disabled=data.get("OS-FLV-DISABLED:disabled"),
            description=data.get("description"),
            extra_specs=_specs(data.get("extra_specs")),
            links=Link.tuple_from_json(data.get("links")),
        )


@attrs.frozen(kw_only=True)
class FlavorAccess:
    """One project allowed to use a private flavor.

    Example:
        >>> FlavorAccess.from_json({"flavor_id": "10", "tenant_id": "fake_tenant"})
        FlavorAccess(flavor_id='10', tenant_id='fake_tenant')
    """

    flavor_id: str
    tenant_id: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FlavorAccess:
        """Read one entry of ``flavor_access``."""
        return cls(flavor_id=str(data["flavor_id"]), tenant_id=data["tenant_id"])


def _accesses(value: Any) -> builtins.list[FlavorAccess]:
    if not isinstance(value, list):
        raise TypeError(f"flavor_access must be a list, not {type(value).__name__}")
    return [FlavorAccess.from_json(item) for item in value]


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


class GetResult(FlavorResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.get`.

    Example:
        >>> GetResult(body={"flavor": {"id": "1", "name": "m1.tiny", "ram": 512}}).extract().ram
        512
    """

    __slots__ = ()


class CreateResult(FlavorResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.create`.

    Example:
        >>> CreateResult(body={"flavor": {"id": "10", "name": "test_flavor"}}).extract().id
        '10'
    """

    __slots__ = ()


class UpdateResult(FlavorResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.update`.

    Example:
        >>> UpdateResult(body={"flavor": {"id": "1", "name": "m1.tiny",
        ...     "description": "updated description"}}).extract().description
        'updated description'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.delete`.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class AccessResult(Result[builtins.list[FlavorAccess]]):
    """A response whose ``flavor_access`` member lists the projects of a private flavor.

    Example:
        >>> AccessResult(body={"flavor_access": [{"flavor_id": "10", "tenant_id": "t1"}]}
        ...              ).extract()
        [FlavorAccess(flavor_id='10', tenant_id='t1')]
    """

    resource_key = "flavor_access"

    __slots__ = ()

    def _build(self, data: Any) -> builtins.list[FlavorAccess]:
        return build_checked(_accesses, data, type(self).__name__)


class AddAccessResult(AccessResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.add_access`.

    Example:
        >>> AddAccessResult(body={"flavor_access": []}).extract()
        []
    """

    __slots__ = ()


class RemoveAccessResult(AccessResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.remove_access`.

    Example:
        >>> RemoveAccessResult(body={"flavor_access": []}).extract()
        []
    """

    __slots__ = ()


class ExtraSpecsResult(Result[dict[str, str]]):
    """A response whose ``extra_specs`` member holds a flavor's extra specs.

    Example:
        >>> ExtraSpecsResult(body={"extra_specs": {"hw:numa_nodes": "1"}}).extract()
        {'hw:numa_nodes': '1'}
    """

    resource_key = "extra_specs"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return build_checked(_spec_map, data, type(self).__name__)


class ListExtraSpecsResult(ExtraSpecsResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.list_extra_specs`.

    Example:
        >>> ListExtraSpecsResult(body={"extra_specs": {}}).extract()
        {}
    """

    __slots__ = ()


class CreateExtraSpecsResult(ExtraSpecsResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.create_extra_specs`.

    Example:
        >>> CreateExtraSpecsResult(body={"extra_specs": {"hw:cpu_policy": "shared"}}
        ...                        ).extract()
        {'hw:cpu_policy': 'shared'}
    """

    __slots__ = ()


class ExtraSpecResult(Result[dict[str, str]]):
    """A response that is one extra spec, ``{key: value}``.

    Example:
        >>> ExtraSpecResult(body={"hw:numa_nodes": "1"}).extract()
        {'hw:numa_nodes': '1'}
    """

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return build_checked(_one_spec, data, type(self).__name__)


class GetExtraSpecResult(ExtraSpecResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.get_extra_spec`.

    Example:
        >>> GetExtraSpecResult(body={"hw:numa_nodes": "1"}).extract()["hw:numa_nodes"]
        '1'
    """

    __slots__ = ()


class UpdateExtraSpecResult(ExtraSpecResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.update_extra_spec`.

    Example:
        >>> UpdateExtraSpecResult(body={"hw:numa_nodes": "2"}).extract()
        {'hw:numa_nodes': '2'}
    """

    __slots__ = ()


class DeleteExtraSpecResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.flavors.delete_extra_spec`.

    Example:
        >>> DeleteExtraSpecResult(status_code=200).extract_err() is None
        True
    """

    __slots__ = ()


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
