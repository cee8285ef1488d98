"""Operations on compute v2 flavors, their access lists (private flavors) and extra specs.

Creating, changing and deleting flavors, their access and their extra specs is for
administrators under Nova's default policy; everyone may list and read them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud._lookup import find_one
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2._common import NullType
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
    "CreateOpts",
    "ListOpts",
    "RemoveAccessOpts",
    "UpdateOpts",
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
#: The microversion that brings flavor descriptions and ``PUT /flavors/{flavor_id}``.
DESCRIPTION_MICROVERSION = "2.55"

_FLAVOR_ID = re.compile(r"[a-zA-Z0-9._ -]+")
_SPEC_KEY = re.compile(r"[a-zA-Z0-9_:. -]{1,255}")


# -- input checks ----------------------------------------------------------------------


def _boolean(what: str) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(f"{what} must be True or False, not {value!r}")
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


def _tenant_id(value: Any) -> str:
    return check_id("tenant_id", value)


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
        >>> wire.build_query(ListOpts(is_public=AccessType.ALL), client=None)
        [('is_public', 'none')]
    """

    PUBLIC = "true"
    PRIVATE = "false"
    ALL = "none"


def _sort_dir(value: Any) -> str:
    if value not in ("asc", "desc"):
        raise ValueError(f'sort_dir is "asc" or "desc", not {value!r}')
    return str(value)


def _is_public(value: Any) -> bool | AccessType:
    if not isinstance(value, (bool, AccessType)):
        raise ValueError(f"is_public is True, False or AccessType.ALL, not {value!r}")
    return value


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a flavor listing.

    ``min_disk`` (GiB) and ``min_ram`` (MiB) keep flavors at least that big.
    ``is_public`` is ``True`` (public flavors), ``False`` (private ones) or
    :attr:`AccessType.ALL` (both; administrators). ``sort_key`` is a flavor attribute
    (``flavorid`` by default), ``sort_dir`` ``asc`` or ``desc``; ``limit`` and ``marker``
    (a flavor id) page the listing. No filter depends on a microversion.

    Example:
        >>> opts = ListOpts(min_disk=20, min_ram=2048, is_public=False, sort_key="memory_mb",
        ...                 sort_dir="desc", limit=2, marker="3")
        >>> wire.build_query(opts, client=None)
        [('minDisk', '20'), ('minRam', '2048'), ('is_public', 'false'), \
('sort_key', 'memory_mb'), ('sort_dir', 'desc'), ('limit', '2'), ('marker', '3')]
    """

    min_disk: int | None = attrs.field(
        default=None, metadata=wire.query("minDisk", encode=wire.non_negative_int)
    )
    min_ram: int | None = attrs.field(
        default=None, metadata=wire.query("minRam", encode=wire.non_negative_int)
    )
    is_public: bool | AccessType | None = attrs.field(
        default=None, metadata=wire.query("is_public", encode=_is_public)
    )
    sort_key: str | None = attrs.field(default=None, metadata=wire.query("sort_key"))
    sort_dir: str | None = attrs.field(
        default=None, metadata=wire.query("sort_dir", encode=_sort_dir)
    )
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Flavor]:
    """List flavors with their details: ``GET /flavors/detail`` (200), page by page.

    Nothing is fetched until the pager is iterated; each page follows the previous
    one's ``flavors_links``.

    Raises:
        ValueError: a negative size or limit, ``sort_dir`` other than asc/desc, or an
            ``is_public`` that is not a boolean or an :class:`AccessType` (before any
            request).

    Example:
        >>> for flavor in flavors.list(compute, ListOpts(min_ram=2048)).items():  # doctest: +SKIP
        ...     print(flavor.id, flavor.name, flavor.vcpus, flavor.ram)
    """
    url = wire.url(client, "flavors", "detail", query=opts, of=ListOpts)
    return Pager(client, url, FlavorPage)


def list_simple(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Flavor]:
    """List flavors, ids and names only: ``GET /flavors`` (200), page by page.

    The flavors have ``id``, ``name``, ``links`` and (from 2.55) ``description``; the
    other fields are ``None``.

    Example:
        >>> names = [f.name for f in flavors.list_simple(compute).items()]  # doctest: +SKIP
    """
    url = wire.url(client, "flavors", query=opts, of=ListOpts)
    return Pager(client, url, FlavorPage)


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


@attrs.frozen(kw_only=True)
class CreateOpts:
    """What a new flavor is made of.

    ``ram`` (MiB) and ``vcpus`` are at least 1; ``disk``, ``ephemeral`` (GiB) and
    ``swap`` (MiB) at least 0. ``id`` is chosen by Nova (a UUID) when left out.
    ``is_public`` (``os-flavor-access:is_public``, default true) makes a private flavor
    when ``False``; share it with :func:`add_access`. ``description`` needs microversion
    2.55; ``rxtx_factor`` is refused from 2.102, which removed it.

    Example:
        >>> opts = CreateOpts(name="test_flavor", ram=1024, vcpus=2, disk=10, id="10",
        ...     rxtx_factor=2.0, ephemeral=0, swap=512, is_public=False,
        ...     description="test description")
        >>> wire.build_body(opts, "flavor", client=None)
        {'flavor': {'name': 'test_flavor', 'ram': 1024, 'vcpus': 2, 'disk': 10, 'id': '10', \
'swap': 512, 'rxtx_factor': 2.0, 'OS-FLV-EXT-DATA:ephemeral': 0, \
'os-flavor-access:is_public': False, 'description': 'test description'}}
    """

    name: str = attrs.field(metadata=wire.body("name", required=True, encode=_flavor_name))
    ram: int = attrs.field(metadata=wire.body("ram", required=True, encode=wire.int_at_least(1)))
    vcpus: int = attrs.field(
        metadata=wire.body("vcpus", required=True, encode=wire.int_at_least(1))
    )
    disk: int = attrs.field(metadata=wire.body("disk", required=True, encode=wire.non_negative_int))
    id: str | None = attrs.field(default=None, metadata=wire.body("id", encode=_flavor_id))
    swap: int | None = attrs.field(
        default=None, metadata=wire.body("swap", encode=wire.non_negative_int)
    )
    rxtx_factor: float | None = attrs.field(
        default=None,
        metadata=wire.body("rxtx_factor", encode=_rxtx_factor, max_version="2.101"),
    )
    ephemeral: int | None = attrs.field(
        default=None,
        metadata=wire.body("OS-FLV-EXT-DATA:ephemeral", encode=wire.non_negative_int),
    )
    is_public: bool | None = attrs.field(
        default=None,
        metadata=wire.body("os-flavor-access:is_public", encode=_boolean("is_public")),
    )
    description: str | None = attrs.field(
        default=None,
        metadata=wire.body(
            "description", encode=_description, min_version=DESCRIPTION_MICROVERSION
        ),
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Create a flavor: ``POST /flavors`` (200); answers with the flavor.

    Raises:
        MissingInputError: ``name``, ``ram``, ``vcpus`` or ``disk`` is missing.
        ValueError: a size out of range, or a malformed name, id, ``is_public`` or
            description.
        MicroversionError: ``description`` with a client older than 2.55, or
            ``rxtx_factor`` with one from 2.102 (before any request).

    Example:
        >>> opts = CreateOpts(name="m1.custom", ram=1024, vcpus=2, disk=10)
        >>> flavor = flavors.create(compute, opts).extract()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "flavor", client=client, of=CreateOpts)
    url = client.service_url("flavors")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200,))


def get(client: ServiceClient, flavor_id: str) -> GetResult:
    """Show a flavor: ``GET /flavors/{flavor_id}`` (200).

    Example:
        >>> flavor = flavors.get(compute, "1").extract()  # doctest: +SKIP
        >>> flavor.name, flavor.vcpus, flavor.ram  # doctest: +SKIP
        ('m1.tiny', 1, 512)
    """
    url = client.service_url("flavors", check_id("flavor_id", flavor_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A flavor's new description, the only thing of a flavor that changes.

    The update itself needs microversion 2.55. :data:`oscloud.NULL` clears the
    description.

    Example:
        >>> import oscloud
        >>> wire.build_body(UpdateOpts(description=oscloud.NULL), "flavor", client=None)
        {'flavor': {'description': None}}
    """

    description: str | NullType = attrs.field(
        metadata=wire.body("description", required=True, encode=_description)
    )


def update(client: ServiceClient, flavor_id: str, opts: UpdateOpts) -> UpdateResult:
    """Change a flavor's description: ``PUT /flavors/{flavor_id}`` (200; microversion 2.55).

    Answers with the flavor.

    Raises:
        MissingInputError: no description (:data:`oscloud.NULL` clears it).
        ValueError: a description that is not a string or is too long.
        MicroversionError: the client sends no microversion or one older than 2.55.

    Example:
        >>> flavors.update(compute.with_microversion("2.55"), "1",
        ...                UpdateOpts(description="small")).extract()  # doctest: +SKIP
    """
    url = client.service_url("flavors", check_id("flavor_id", flavor_id))
    body = wire.build_body(opts, "flavor", client=client, of=UpdateOpts)
    client.require_microversion(DESCRIPTION_MICROVERSION, "flavor updates")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, flavor_id: str) -> DeleteResult:
    """Delete a flavor: ``DELETE /flavors/{flavor_id}`` (202).

    Servers built with it keep their size.

    Example:
        >>> flavors.delete(compute, "10").extract_err()  # doctest: +SKIP
    """
    url = client.service_url("flavors", check_id("flavor_id", flavor_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


# -- access to private flavors ----------------------------------------------------------


def list_access(client: ServiceClient, flavor_id: str) -> Pager[FlavorAccess]:
    """The projects that may use a private flavor: ``GET /flavors/{flavor_id}/os-flavor-access``.

    Answers 200 with the whole list in one page. A public flavor answers 404.

    Example:
        >>> for access in flavors.list_access(compute, "10").items():  # doctest: +SKIP
        ...     print(access.tenant_id)
    """
    url = client.service_url("flavors", check_id("flavor_id", flavor_id), "os-flavor-access")
    return Pager(client, url, AccessPage)


@attrs.frozen(kw_only=True)
class AddAccessOpts:
    """The project to let use a private flavor.

    Example:
        >>> wire.build_body(AddAccessOpts(tenant_id="fake_tenant"), "addTenantAccess",
        ...                 client=None)
        {'addTenantAccess': {'tenant': 'fake_tenant'}}
    """

    tenant_id: str = attrs.field(metadata=wire.body("tenant", required=True, encode=_tenant_id))


def add_access(client: ServiceClient, flavor_id: str, opts: AddAccessOpts) -> AddAccessResult:
    """Let a project use a private flavor: ``addTenantAccess`` (200).

    ``POST /flavors/{flavor_id}/action``; answers with the flavor's access list. A public
    flavor answers 409, a project already there 409.

    Raises:
        MissingInputError: no ``tenant_id``.
        ValueError: a ``tenant_id`` that cannot be an id.

    Example:
        >>> flavors.add_access(compute, "10", AddAccessOpts(tenant_id=project_id)
        ...                    ).extract()  # doctest: +SKIP
        [FlavorAccess(flavor_id='10', tenant_id='...')]
    """
    url = client.service_url("flavors", check_id("flavor_id", flavor_id), "action")
    body = wire.build_body(opts, "addTenantAccess", client=client, of=AddAccessOpts)
    return client.call(AddAccessResult, "POST", url, json=body, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class RemoveAccessOpts:
    """The project that may no longer use a private flavor.

    Example:
        >>> wire.build_body(RemoveAccessOpts(tenant_id="fake_tenant"), "removeTenantAccess",
        ...                 client=None)
        {'removeTenantAccess': {'tenant': 'fake_tenant'}}
    """

    tenant_id: str = attrs.field(metadata=wire.body("tenant", required=True, encode=_tenant_id))


def remove_access(
    client: ServiceClient, flavor_id: str, opts: RemoveAccessOpts
) -> RemoveAccessResult:
    """Stop a project using a private flavor: ``removeTenantAccess`` (200).

    ``POST /flavors/{flavor_id}/action``; answers with the access list left.

    Raises:
        MissingInputError: no ``tenant_id``.
        ValueError: a ``tenant_id`` that cannot be an id.

    Example:
        >>> flavors.remove_access(compute, "10", RemoveAccessOpts(tenant_id=project_id)
        ...                       ).extract()  # doctest: +SKIP
        []
    """
    url = client.service_url("flavors", check_id("flavor_id", flavor_id), "action")
    body = wire.build_body(opts, "removeTenantAccess", client=client, of=RemoveAccessOpts)
    return client.call(RemoveAccessResult, "POST", url, json=body, ok_codes=(200,))


# -- extra specs --------------------------------------------------------------------------


def _extra_specs_url(client: ServiceClient, flavor_id: str, *key: str) -> str:
    """``/flavors/{flavor_id}/os-extra_specs[/{key}]``, the ids checked first."""
    flavor = check_id("flavor_id", flavor_id)
    keys = [check_id("key", k) for k in key]
    return client.service_url("flavors", flavor, "os-extra_specs", *keys)


def list_extra_specs(client: ServiceClient, flavor_id: str) -> ListExtraSpecsResult:
    """A flavor's extra specs: ``GET /flavors/{flavor_id}/os-extra_specs`` (200).

    Example:
        >>> flavors.list_extra_specs(compute, "7").extract()  # doctest: +SKIP
        {'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1'}
    """
    url = _extra_specs_url(client, flavor_id)
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
    url = _extra_specs_url(client, flavor_id)
    return client.call(CreateExtraSpecsResult, "POST", url, json=body, ok_codes=(200,))


def get_extra_spec(client: ServiceClient, flavor_id: str, key: str) -> GetExtraSpecResult:
    """One extra spec, as ``{key: value}``: ``GET /flavors/{flavor_id}/os-extra_specs/{key}``.

    Answers 200; 404 when the flavor has no such key.

    Example:
        >>> flavors.get_extra_spec(compute, "7", "hw:numa_nodes").extract()  # doctest: +SKIP
        {'hw:numa_nodes': '1'}
    """
    url = _extra_specs_url(client, flavor_id, key)
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
    url = _extra_specs_url(client, flavor_id, key)
    return client.call(UpdateExtraSpecResult, "PUT", url, json=body, ok_codes=(200,))


def delete_extra_spec(client: ServiceClient, flavor_id: str, key: str) -> DeleteExtraSpecResult:
    """Delete one extra spec: ``DELETE /flavors/{flavor_id}/os-extra_specs/{key}`` (200).

    Example:
        >>> flavors.delete_extra_spec(compute, "7", "hw:numa_nodes").extract_err()  # doctest: +SKIP
    """
    url = _extra_specs_url(client, flavor_id, key)
    return client.call(DeleteExtraSpecResult, "DELETE", url, ok_codes=(200,))


__getattr__ = aliases(
    __name__,
    {
        "AddAccessOptsBuilder": (AddAccessOpts, "AddAccessOpts"),
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "RemoveAccessOptsBuilder": (RemoveAccessOpts, "RemoveAccessOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
