"""Operations on compute v2 flavors, their access lists (private flavors) and extra specs.

Creating, changing and deleting flavors, their access and their extra specs is for
administrators under Nova's default policy; everyone may list and read them.
"""

from __future__ import annotations

import builtins
import enum
import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud._lookup import find_one
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2._common import NullType, require_microversion
from oscloud.openstack.compute.v2.flavors import urls
from oscloud.openstack.compute.v2.flavors.results import (
    AccessPage,
    AddAccessResult,
    CreateExtraSpecsResult,
    CreateResult,
    DeleteExtraSpecResult,
    DeleteResult,
    Flavor,
    FlavorAccess,
    FlavorPage,
    GetExtraSpecResult,
    GetResult,
    ListExtraSpecsResult,
    RemoveAccessResult,
    UpdateExtraSpecResult,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "AccessType",
    "AddAccessOpts",
    "AddAccessOptsBuilder",
    "CreateOpts",
    "CreateOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "RemoveAccessOpts",
    "RemoveAccessOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "add_access",
    "checked_extra_specs",
    "create",
    "create_extra_specs",
    "delete",
    "delete_extra_spec",
    "find",
    "get",
    "get_extra_spec",
    "id_from_name",
    "list",
    "list_access",
    "list_extra_specs",
    "list_simple",
    "remove_access",
    "update",
    "update_extra_spec",
]

#: The longest flavor name, id or extra spec key and value Nova accepts (characters).
NAME_LIMIT = 255
#: The longest flavor description Nova accepts (characters).
DESCRIPTION_LIMIT = 65535

_FLAVOR_ID = re.compile(r"[a-zA-Z0-9._ -]+")
_SPEC_KEY = re.compile(r"[a-zA-Z0-9_:. -]{1,255}")


# -- input checks ----------------------------------------------------------------------


def _at_least(minimum: int, what: str) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{what} must be an integer, not {value!r}")
        if value < minimum:
            raise ValueError(f"{what} must be at least {minimum}, not {value}")
        return value

    return check


def _rxtx_factor(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"rxtx_factor must be a number above 0, not {value!r}")
    return float(value)


def _flavor_name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"a flavor name must be a non-empty string, not {value!r}")
    if value != value.strip():
        raise ValueError(f"a flavor name must not start or end with spaces: {value!r}")
    if len(value) > NAME_LIMIT:
        raise ValueError(f"a flavor name is at most {NAME_LIMIT} characters long")
    return value


def _flavor_id(value: Any) -> str:
    if not isinstance(value, str) or not _FLAVOR_ID.fullmatch(value) or len(value) > NAME_LIMIT:
        raise ValueError(
            f"a flavor id is 1 to 255 letters, digits, '.', '_', '-' or spaces, not {value!r}"
        )
    if value != value.strip():
        raise ValueError(f"a flavor id must not start or end with spaces: {value!r}")
    return value


def _description(value: Any) -> Any:
    if isinstance(value, NullType):
        return value
    if not isinstance(value, str):
        raise ValueError(f"a flavor description must be a string, not {type(value).__name__}")
    if len(value) > DESCRIPTION_LIMIT:
        raise ValueError(f"a flavor description is at most {DESCRIPTION_LIMIT} characters long")
    return value


def checked_extra_specs(specs: Mapping[str, str | int | float]) -> dict[str, str | int | float]:
    """Check flavor extra specs the way Nova will; return them as a ``dict``.

    Keys are 1 to 255 letters, digits, ``_``, ``-``, ``:``, ``.`` or spaces; values are
    strings of at most 255 characters, or numbers (Nova stores them as strings).

    Raises:
        ValueError: a key or value breaks those rules.

    Example:
        >>> checked_extra_specs({"hw:cpu_policy": "dedicated", "hw:numa_nodes": 2})
        {'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': 2}
        >>> checked_extra_specs({"hw/numa": "1"})
        Traceback (most recent call last):
        ...
        ValueError: an extra spec key is 1 to 255 letters, digits, '_', '-', ':', '.' \
or spaces, not 'hw/numa'
    """
    if not isinstance(specs, Mapping):
        raise ValueError(f"extra specs must be a mapping, not {type(specs).__name__}")
    for key, value in specs.items():
        if not isinstance(key, str) or not _SPEC_KEY.fullmatch(key):
            raise ValueError(
                "an extra spec key is 1 to 255 letters, digits, '_', '-', ':', '.' or "
                f"spaces, not {key!r}"
            )
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError(f"the extra spec {key!r} must be a string or a number, not {value!r}")
        if isinstance(value, str) and len(value) > NAME_LIMIT:
            raise ValueError(
                f"the extra spec {key!r} is {len(value)} characters long; the limit is {NAME_LIMIT}"
            )
    return dict(specs)


# -- listing ------------------------------------------------------------------------


class AccessType(str, enum.Enum):
    """Which flavors a listing shows, by visibility (``is_public`` query).

    ``PUBLIC`` and ``PRIVATE`` are the same as ``is_public=True`` and ``False``; ``ALL``
    (``is_public=none``) shows both to administrators. Without the filter,
    administrators see every flavor and others the public ones and those shared with
    their project.

    Example:
        >>> ListOpts(is_public=AccessType.ALL).to_flavor_list_query()
        [('is_public', 'none')]
    """

    PUBLIC = "true"
    PRIVATE = "false"
    ALL = "none"


def _sort_dir(value: Any) -> str:
    if value not in ("asc", "desc"):
        raise ValueError(f'sort_dir is "asc" or "desc", not {value!r}')
    return str(value)


class ListOptsBuilder(Protocol):
    """Anything that can build the query of a flavor listing; :class:`ListOpts` does.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(min_ram=1024)
        >>> builder.to_flavor_list_query()
        [('minRam', '1024')]
    """

    def to_flavor_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /flavors[/detail]``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a flavor listing.

    ``min_disk`` (GiB) and ``min_ram`` (MiB) keep flavors at least that big.
    ``is_public`` is ``True`` (public flavors), ``False`` (private ones) or
    :attr:`AccessType.ALL` (both; administrators). ``sort_key`` is a flavor attribute
    (``flavorid`` by default), ``sort_dir`` ``asc`` or ``desc``; ``limit`` and ``marker``
    (a flavor id) page the listing.

    Example:
        >>> ListOpts(min_disk=20, min_ram=2048, is_public=False, sort_key="memory_mb",
        ...          sort_dir="desc", limit=2, marker="3").to_flavor_list_query()
        [('minDisk', '20'), ('minRam', '2048'), ('is_public', 'false'), \
('sort_key', 'memory_mb'), ('sort_dir', 'desc'), ('limit', '2'), ('marker', '3')]
    """

    min_disk: int | None = attrs.field(
        default=None, metadata=wire.query("minDisk", encode=_at_least(0, "min_disk"))
    )
    min_ram: int | None = attrs.field(
        default=None, metadata=wire.query("minRam", encode=_at_least(0, "min_ram"))
    )
    is_public: bool | AccessType | None = attrs.field(
        default=None, metadata=wire.query("is_public")
    )
    sort_key: str | None = attrs.field(default=None, metadata=wire.query("sort_key"))
    sort_dir: str | None = attrs.field(
        default=None, metadata=wire.query("sort_dir", encode=_sort_dir)
    )
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=_at_least(0, "limit"))
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))

    def to_flavor_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order.

        Raises:
            ValueError: a negative size or limit, or ``sort_dir`` other than asc/desc.
        """
        if self.is_public is not None and not isinstance(self.is_public, (bool, AccessType)):
            raise ValueError(f"is_public is True, False or AccessType.ALL, not {self.is_public!r}")
        return wire.build_query(self)


def _listing(client: ServiceClient, url: str, opts: ListOptsBuilder | None) -> Pager[Flavor]:
    if opts is not None:
        url = wire.with_query(url, opts.to_flavor_list_query())
    return Pager(client, url, FlavorPage)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Flavor]:
    """List flavors with their details: ``GET /flavors/detail`` (200), page by page.

    Nothing is fetched until the pager is iterated; each page follows the previous
    one's ``flavors_links``.

    Example:
        >>> for flavor in flavors.list(compute, ListOpts(min_ram=2048)).items():  # doctest: +SKIP
        ...     print(flavor.id, flavor.name, flavor.vcpus, flavor.ram)
    """
    return _listing(client, urls.detail_url(client), opts)


def list_simple(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Flavor]:
    """List flavors, ids and names only: ``GET /flavors`` (200), page by page.

    The flavors have only ``id``, ``name``, ``links`` and (2.55) ``description`` set.

    Example:
        >>> names = [f.name for f in flavors.list_simple(compute).items()]  # doctest: +SKIP
    """
    return _listing(client, urls.flavors_url(client), opts)


def find(client: ServiceClient, name: str) -> Flavor:
    """The one flavor named exactly ``name``, with its details (from ``GET /flavors/detail``).

    Raises:
        ResourceNotFoundError: no flavor has that name.
        MultipleResourcesFoundError: several have it.

    Example:
        >>> flavor = flavors.find(compute, "m1.small")  # doctest: +SKIP
    """
    if not isinstance(name, str) or not name:
        raise MissingInputError(f"a flavor name is required (got {name!r})")
    return find_one(list(client).items(), name, kind="flavor", name_of=lambda f: f.name)


def id_from_name(client: ServiceClient, name: str) -> str:
    """The id of the one flavor named exactly ``name`` (from ``GET /flavors``).

    Raises:
        ResourceNotFoundError: no flavor has that name.
        MultipleResourcesFoundError: several have it.

    Example:
        >>> flavor_id = flavors.id_from_name(compute, "m1.small")  # doctest: +SKIP
    """
    if not isinstance(name, str) or not name:
        raise MissingInputError(f"a flavor name is required (got {name!r})")
    found = find_one(list_simple(client).items(), name, kind="flavor", name_of=lambda f: f.name)
    return found.id


# -- create, get, update, delete -----------------------------------------------------


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of ``POST /flavors``; :class:`CreateOpts` does.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(name="f", ram=512, vcpus=1, disk=1)
        >>> builder.to_flavor_create_map()
        {'flavor': {'name': 'f', 'ram': 512, 'vcpus': 1, 'disk': 1}}
    """

    def to_flavor_create_map(self) -> dict[str, Any]:
        """The body of ``POST /flavors``."""
        ...


@attrs.frozen(kw_only=True)
class CreateOpts:
    """What a new flavor is made of.

    ``ram`` (MiB) and ``vcpus`` are at least 1; ``disk``, ``ephemeral`` (GiB) and
    ``swap`` (MiB) at least 0. ``id`` is chosen by Nova (a UUID) when left out.
    ``is_public`` (``os-flavor-access:is_public``, default true) makes a private flavor
    when ``False``; share it with :func:`add_access`. ``description`` needs microversion
    2.55.

    Example:
        >>> CreateOpts(name="test_flavor", ram=1024, vcpus=2, disk=10, id="10",
        ...     rxtx_factor=2.0, ephemeral=0, swap=512, is_public=False,
        ...     description="test description").to_flavor_create_map()
        {'flavor': {'name': 'test_flavor', 'ram': 1024, 'vcpus': 2, 'disk': 10, 'id': '10', \
'swap': 512, 'rxtx_factor': 2.0, 'OS-FLV-EXT-DATA:ephemeral': 0, \
'os-flavor-access:is_public': False, 'description': 'test description'}}
    """

    name: str = attrs.field(metadata=wire.body("name", required=True, encode=_flavor_name))
    ram: int = attrs.field(metadata=wire.body("ram", required=True, encode=_at_least(1, "ram")))
    vcpus: int = attrs.field(
        metadata=wire.body("vcpus", required=True, encode=_at_least(1, "vcpus"))
    )
    disk: int = attrs.field(metadata=wire.body("disk", required=True, encode=_at_least(0, "disk")))
    id: str | None = attrs.field(default=None, metadata=wire.body("id", encode=_flavor_id))
    swap: int | None = attrs.field(
        default=None, metadata=wire.body("swap", encode=_at_least(0, "swap"))
    )
    rxtx_factor: float | None = attrs.field(
        default=None, metadata=wire.body("rxtx_factor", encode=_rxtx_factor)
    )
    ephemeral: int | None = attrs.field(
        default=None,
        metadata=wire.body("OS-FLV-EXT-DATA:ephemeral", encode=_at_least(0, "ephemeral")),
    )
    is_public: bool | None = attrs.field(
        default=None, metadata=wire.body("os-flavor-access:is_public")
    )
    description: str | None = attrs.field(
        default=None, metadata=wire.body("description", encode=_description)
    )

    def to_flavor_create_map(self) -> dict[str, Any]:
        """The body of ``POST /flavors``.

        Raises:
            MissingInputError: ``name``, ``ram``, ``vcpus`` or ``disk`` is missing.
            ValueError: a size out of range, or a malformed name, id or description.
        """
        if self.is_public is not None and not isinstance(self.is_public, bool):
            raise ValueError(f"is_public must be True or False, not {self.is_public!r}")
        return wire.build_body(self, "flavor")


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Create a flavor: ``POST /flavors`` (200); answers with the flavor.

    A ``description`` in the body needs microversion 2.55: with an older client this
    raises :class:`~oscloud.errors.MicroversionError` before sending anything.

    Example:
        >>> opts = CreateOpts(name="m1.custom", ram=1024, vcpus=2, disk=10)
        >>> flavor = flavors.create(compute, opts).extract()  # doctest: +SKIP
    """
    body = opts.to_flavor_create_map()
    if "description" in body.get("flavor", {}):
        require_microversion(client, "2.55", "flavor descriptions")
    return client.call(CreateResult, "POST", urls.flavors_url(client), json=body, ok_codes=(200,))


def get(client: ServiceClient, flavor_id: str) -> GetResult:
    """Show a flavor: ``GET /flavors/{flavor_id}`` (200).

    Example:
        >>> flavor = flavors.get(compute, "1").extract()  # doctest: +SKIP
        >>> flavor.name, flavor.vcpus, flavor.ram  # doctest: +SKIP
        ('m1.tiny', 1, 512)
    """
    url = urls.flavor_url(client, check_id("flavor_id", flavor_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of ``PUT /flavors/{flavor_id}``.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(description="small")
        >>> builder.to_flavor_update_map()
        {'flavor': {'description': 'small'}}
    """

    def to_flavor_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /flavors/{flavor_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A flavor's new description, the only thing of a flavor that changes (2.55).

    :data:`oscloud.NULL` clears it.

    Example:
        >>> import oscloud
        >>> UpdateOpts(description=oscloud.NULL).to_flavor_update_map()
        {'flavor': {'description': None}}
    """

    description: str | NullType = attrs.field(
        metadata=wire.body("description", required=True, encode=_description)
    )

    def to_flavor_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /flavors/{flavor_id}``."""
        return wire.build_body(self, "flavor")


def update(client: ServiceClient, flavor_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Change a flavor's description: ``PUT /flavors/{flavor_id}`` (200; microversion 2.55).

    Answers with the flavor.

    Raises:
        MicroversionError: the client sends no microversion or one older than 2.55.

    Example:
        >>> flavors.update(compute.with_microversion("2.55"), "1",
        ...                UpdateOpts(description="small")).extract()  # doctest: +SKIP
    """
    url = urls.flavor_url(client, check_id("flavor_id", flavor_id))
    body = opts.to_flavor_update_map()
    require_microversion(client, "2.55", "flavor updates")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, flavor_id: str) -> DeleteResult:
    """Delete a flavor: ``DELETE /flavors/{flavor_id}`` (202).

    Servers built with it keep their size.

    Example:
        >>> flavors.delete(compute, "10").extract_err()  # doctest: +SKIP
    """
    url = urls.flavor_url(client, check_id("flavor_id", flavor_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


# -- access to private flavors ----------------------------------------------------------


def list_access(client: ServiceClient, flavor_id: str) -> Pager[FlavorAccess]:
    """The projects that may use a private flavor: ``GET /flavors/{flavor_id}/os-flavor-access``.

    Answers 200 with the whole list in one page. A public flavor answers 404.

    Example:
        >>> for access in flavors.list_access(compute, "10").items():  # doctest: +SKIP
        ...     print(access.tenant_id)
    """
    url = urls.access_url(client, check_id("flavor_id", flavor_id))
    return Pager(client, url, AccessPage)


class AddAccessOptsBuilder(Protocol):
    """Anything that can build the ``addTenantAccess`` action body.

    Example:
        >>> builder: AddAccessOptsBuilder = AddAccessOpts(tenant_id="fake_tenant")
        >>> builder.to_flavor_add_access_map()
        {'addTenantAccess': {'tenant': 'fake_tenant'}}
    """

    def to_flavor_add_access_map(self) -> dict[str, Any]:
        """The body of ``POST /flavors/{flavor_id}/action``."""
        ...


@attrs.frozen(kw_only=True)
class AddAccessOpts:
    """The project to let use a private flavor.

    Example:
        >>> AddAccessOpts(tenant_id="fake_tenant").to_flavor_add_access_map()
        {'addTenantAccess': {'tenant': 'fake_tenant'}}
    """

    tenant_id: str = attrs.field(metadata=wire.body("tenant", required=True))

    def to_flavor_add_access_map(self) -> dict[str, Any]:
        """The ``addTenantAccess`` action body."""
        check_id("tenant_id", self.tenant_id)
        return wire.build_body(self, "addTenantAccess")


def add_access(
    client: ServiceClient, flavor_id: str, opts: AddAccessOptsBuilder
) -> AddAccessResult:
    """Let a project use a private flavor: ``addTenantAccess`` (200).

    ``POST /flavors/{flavor_id}/action``; answers with the flavor's access list. A public
    flavor answers 409, a project already there 409.

    Example:
        >>> flavors.add_access(compute, "10", AddAccessOpts(tenant_id=project_id)
        ...                    ).extract()  # doctest: +SKIP
        [FlavorAccess(flavor_id='10', tenant_id='...')]
    """
    url = urls.action_url(client, check_id("flavor_id", flavor_id))
    body = opts.to_flavor_add_access_map()
    return client.call(AddAccessResult, "POST", url, json=body, ok_codes=(200,))


class RemoveAccessOptsBuilder(Protocol):
    """Anything that can build the ``removeTenantAccess`` action body.

    Example:
        >>> builder: RemoveAccessOptsBuilder = RemoveAccessOpts(tenant_id="fake_tenant")
        >>> builder.to_flavor_remove_access_map()
        {'removeTenantAccess': {'tenant': 'fake_tenant'}}
    """

    def to_flavor_remove_access_map(self) -> dict[str, Any]:
        """The body of ``POST /flavors/{flavor_id}/action``."""
        ...


@attrs.frozen(kw_only=True)
class RemoveAccessOpts:
    """The project that may no longer use a private flavor.

    Example:
        >>> RemoveAccessOpts(tenant_id="fake_tenant").to_flavor_remove_access_map()
        {'removeTenantAccess': {'tenant': 'fake_tenant'}}
    """

    tenant_id: str = attrs.field(metadata=wire.body("tenant", required=True))

    def to_flavor_remove_access_map(self) -> dict[str, Any]:
        """The ``removeTenantAccess`` action body."""
        check_id("tenant_id", self.tenant_id)
        return wire.build_body(self, "removeTenantAccess")


def remove_access(
    client: ServiceClient, flavor_id: str, opts: RemoveAccessOptsBuilder
) -> RemoveAccessResult:
    """Stop a project using a private flavor: ``removeTenantAccess`` (200).

    ``POST /flavors/{flavor_id}/action``; answers with the access list left.

    Example:
        >>> flavors.remove_access(compute, "10", RemoveAccessOpts(tenant_id=project_id)
        ...                       ).extract()  # doctest: +SKIP
        []
    """
    url = urls.action_url(client, check_id("flavor_id", flavor_id))
    body = opts.to_flavor_remove_access_map()
    return client.call(RemoveAccessResult, "POST", url, json=body, ok_codes=(200,))


# -- extra specs --------------------------------------------------------------------------


def list_extra_specs(client: ServiceClient, flavor_id: str) -> ListExtraSpecsResult:
    """A flavor's extra specs: ``GET /flavors/{flavor_id}/os-extra_specs`` (200).

    Example:
        >>> flavors.list_extra_specs(compute, "7").extract()  # doctest: +SKIP
        {'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1'}
    """
    url = urls.extra_specs_url(client, check_id("flavor_id", flavor_id))
    return client.call(ListExtraSpecsResult, "GET", url, ok_codes=(200,))


def create_extra_specs(
    client: ServiceClient, flavor_id: str, extra_specs: Mapping[str, str | int | float]
) -> CreateExtraSpecsResult:
    """Add or replace extra specs: ``POST /flavors/{flavor_id}/os-extra_specs`` (200).

    Keys not given are kept. Answers with the specs sent. Keys and values are checked
    first (see :func:`checked_extra_specs`).

    Example:
        >>> flavors.create_extra_specs(compute, "7", {"hw:cpu_policy": "shared"}
        ...                            ).extract()  # doctest: +SKIP
        {'hw:cpu_policy': 'shared'}
    """
    body = {"extra_specs": checked_extra_specs(extra_specs)}
    url = urls.extra_specs_url(client, check_id("flavor_id", flavor_id))
    return client.call(CreateExtraSpecsResult, "POST", url, json=body, ok_codes=(200,))


def get_extra_spec(client: ServiceClient, flavor_id: str, key: str) -> GetExtraSpecResult:
    """One extra spec, as ``{key: value}``: ``GET /flavors/{flavor_id}/os-extra_specs/{key}``.

    Answers 200; 404 when the flavor has no such key.

    Example:
        >>> flavors.get_extra_spec(compute, "7", "hw:numa_nodes").extract()  # doctest: +SKIP
        {'hw:numa_nodes': '1'}
    """
    url = urls.extra_spec_url(client, check_id("flavor_id", flavor_id), check_id("key", key))
    return client.call(GetExtraSpecResult, "GET", url, ok_codes=(200,))


def update_extra_spec(
    client: ServiceClient, flavor_id: str, key: str, value: str | int | float
) -> UpdateExtraSpecResult:
    """Create or replace one extra spec: ``PUT /flavors/{flavor_id}/os-extra_specs/{key}``.

    Answers 200 with ``{key: value}``.

    Example:
        >>> flavors.update_extra_spec(compute, "7", "hw:numa_nodes", "2"
        ...                           ).extract()  # doctest: +SKIP
        {'hw:numa_nodes': '2'}
    """
    body = checked_extra_specs({key: value})
    url = urls.extra_spec_url(client, check_id("flavor_id", flavor_id), check_id("key", key))
    return client.call(UpdateExtraSpecResult, "PUT", url, json=body, ok_codes=(200,))


def delete_extra_spec(client: ServiceClient, flavor_id: str, key: str) -> DeleteExtraSpecResult:
    """Delete one extra spec: ``DELETE /flavors/{flavor_id}/os-extra_specs/{key}`` (200).

    Example:
        >>> flavors.delete_extra_spec(compute, "7", "hw:numa_nodes").extract_err()  # doctest: +SKIP
    """
    url = urls.extra_spec_url(client, check_id("flavor_id", flavor_id), check_id("key", key))
    return client.call(DeleteExtraSpecResult, "DELETE", url, ok_codes=(200,))
