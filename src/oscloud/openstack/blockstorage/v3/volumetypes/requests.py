"""Operations on block storage v3 volume types, their extra specs and project access."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud._lookup import find_one
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import (
    NullType,
    checked_metadata,
    metadata_filter,
    sort_param,
)
from oscloud.openstack.blockstorage.v3.volumetypes.results import (
    AccessPage,
    ActionResult,
    CreateResult,
    DeleteResult,
    ExtraSpecResult,
    ExtraSpecsResult,
    GetResult,
    UpdateResult,
    VolumeType,
    VolumeTypeAccess,
    VolumeTypePage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CreateOpts",
    "ListOpts",
    "UpdateOpts",
    "add_project_access",
    "create",
    "create_extra_specs",
    "delete",
    "delete_extra_spec",
    "find",
    "get",
    "get_default",
    "get_extra_spec",
    "list",
    "list_access",
    "list_extra_specs",
    "remove_project_access",
    "update",
    "update_extra_spec",
]


def _visibility(value: bool | str) -> str:
    """Cinder's ``is_public`` filter: ``true``, ``false``, or ``None`` for all types."""
    if value == "all":
        return "None"
    if isinstance(value, bool):
        return "true" if value else "false"
    raise ValueError(f"is_public is True, False or 'all', not {value!r}")


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of the volume type listing.

    ``is_public`` (administrators): ``True`` public types only (also what Cinder lists when
    it is not given), ``False`` private ones, ``"all"`` both (sent as ``None``).
    ``extra_specs`` (microversion 3.52) matches types having all the given specs; a
    client older than that raises :class:`~oscloud.errors.MicroversionError` before any
    request.

    Example:
        >>> wire.build_query(ListOpts(is_public="all", sort="name", limit=2), client=None)
        [('is_public', 'None'), ('sort', 'name'), ('limit', '2')]
    """

    is_public: bool | Literal["all"] | None = attrs.field(
        default=None, metadata=wire.query("is_public", encode=_visibility)
    )
    extra_specs: Mapping[str, str] | None = attrs.field(
        default=None,
        metadata=wire.query("extra_specs", encode=metadata_filter, min_version="3.52"),
    )
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=wire.non_negative_int)
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[VolumeType]:
    """List volume types: ``GET /types`` (200), in one response.

    Raises:
        MicroversionError: ``extra_specs`` with a client older than 3.52.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> [t.name for t in volumetypes.list(cinder).items()]  # doctest: +SKIP
        ['SSD', 'SATA']
    """
    url = wire.url(client, "types", query=opts, of=ListOpts)
    return Pager(client, url, VolumeTypePage)


def get(client: ServiceClient, volume_type_id: str) -> GetResult:
    """Show a volume type: ``GET /types/{volume_type_id}`` (200).

    Example:
        >>> volumetypes.get(cinder, volume_type_id).extract().extra_specs  # doctest: +SKIP
        {'capabilities': 'gpu'}
    """
    url = client.service_url("types", check_id("volume_type_id", volume_type_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def get_default(client: ServiceClient) -> GetResult:
    """The type new volumes get when none is asked for: ``GET /types/default`` (200).

    Example:
        >>> volumetypes.get_default(cinder).extract().name  # doctest: +SKIP
        '__DEFAULT__'
    """
    return client.call(GetResult, "GET", client.service_url("types", "default"), ok_codes=(200,))


def find(client: ServiceClient, name: str) -> VolumeType:
    """The one volume type named exactly ``name``.

    Raises:
        ResourceNotFoundError: no type has that name.
        MultipleResourcesFoundError: several have it.

    Example:
        >>> volumetypes.find(cinder, "SSD").id  # doctest: +SKIP
        '6685584b-1eac-4da6-b5c3-555430cf68ff'
    """
    if not isinstance(name, str) or not name:
        raise MissingInputError(f"a volume type name is required (got {name!r})")
    listing = list(client, ListOpts(is_public="all")).items()  # private types too
    return find_one(listing, name, kind="volume type", name_of=lambda t: t.name)


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new volume type (administrators).

    ``is_public`` is sent as ``os-volume-type-access:is_public`` (the name Cinder's
    create schema takes); a private type is used by the projects given access with
    :func:`add_project_access`.

    Example:
        >>> opts = CreateOpts(name="vol-type-001", description="volume type 0001",
        ...     is_public=True, extra_specs={"capabilities": "gpu"})
        >>> wire.build_body(opts, "volume_type", client=None)
        {'volume_type': {'name': 'vol-type-001', 'description': 'volume type 0001', \
'os-volume-type-access:is_public': True, 'extra_specs': {'capabilities': 'gpu'}}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name", required=True))
    description: str | None = attrs.field(default=None, metadata=wire.body("description"))
    is_public: bool | None = attrs.field(
        default=None, metadata=wire.body("os-volume-type-access:is_public")
    )
    extra_specs: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("extra_specs", encode=checked_metadata)
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Create a volume type: ``POST /types`` (200; administrators).

    Raises:
        MissingInputError: ``name`` is missing.
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> vt = volumetypes.create(cinder, CreateOpts(name="SSD",
        ...     extra_specs={"volume_backend_name": "lvmdriver-1"})).extract()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "volume_type", client=client, of=CreateOpts)
    url = client.service_url("types")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A volume type's new name, description (:data:`oscloud.NULL` clears it) or visibility.

    Example:
        >>> opts = UpdateOpts(name="vol-type-002", description="fast")
        >>> wire.build_body(opts, "volume_type", client=None)
        {'volume_type': {'name': 'vol-type-002', 'description': 'fast'}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description")
    )
    is_public: bool | None = attrs.field(default=None, metadata=wire.body("is_public"))


def update(client: ServiceClient, volume_type_id: str, opts: UpdateOpts) -> UpdateResult:
    """Update a volume type: ``PUT /types/{volume_type_id}`` (200; administrators).

    Raises:
        MissingInputError: no field is set.
        TypeError: ``opts`` is not an :class:`UpdateOpts`.

    Example:
        >>> volumetypes.update(cinder, volume_type_id, UpdateOpts(name="fast")
        ...                    ).extract()  # doctest: +SKIP
    """
    url = client.service_url("types", check_id("volume_type_id", volume_type_id))
    body = wire.build_body(opts, "volume_type", client=client, of=UpdateOpts)
    if not body["volume_type"]:
        raise MissingInputError("UpdateOpts needs name, description or is_public")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, volume_type_id: str) -> DeleteResult:
    """Delete a volume type no volume uses: ``DELETE /types/{volume_type_id}`` (202).

    Example:
        >>> volumetypes.delete(cinder, volume_type_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("types", check_id("volume_type_id", volume_type_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


# -- extra specs -----------------------------------------------------------------------


def list_extra_specs(client: ServiceClient, volume_type_id: str) -> ExtraSpecsResult:
    """A type's extra specs: ``GET /types/{volume_type_id}/extra_specs`` (200).

    Example:
        >>> volumetypes.list_extra_specs(cinder, volume_type_id).extract()  # doctest: +SKIP
        {'capabilities': 'gpu'}
    """
    url = client.service_url("types", check_id("volume_type_id", volume_type_id), "extra_specs")
    return client.call(ExtraSpecsResult, "GET", url, ok_codes=(200,))


def create_extra_specs(
    client: ServiceClient, volume_type_id: str, extra_specs: Mapping[str, str]
) -> ExtraSpecsResult:
    """Add or change extra specs: ``POST /types/{volume_type_id}/extra_specs`` (200).

    Other specs are kept; the answer holds the specs sent.

    Example:
        >>> volumetypes.create_extra_specs(cinder, volume_type_id,
        ...     {"capabilities": "gpu"}).extract()  # doctest: +SKIP
    """
    body = {"extra_specs": checked_metadata(extra_specs)}
    if not body["extra_specs"]:
        raise MissingInputError("extra_specs needs at least one item")
    url = client.service_url("types", check_id("volume_type_id", volume_type_id), "extra_specs")
    return client.call(ExtraSpecsResult, "POST", url, json=body, ok_codes=(200,))


def _extra_spec_url(client: ServiceClient, volume_type_id: str, key: str) -> str:
    """``/types/{volume_type_id}/extra_specs/{key}``, the ids checked in that order."""
    type_id = check_id("volume_type_id", volume_type_id)
    return client.service_url("types", type_id, "extra_specs", check_id("key", key))


def get_extra_spec(client: ServiceClient, volume_type_id: str, key: str) -> ExtraSpecResult:
    """One extra spec: ``GET /types/{volume_type_id}/extra_specs/{key}`` (200).

    Example:
        >>> volumetypes.get_extra_spec(cinder, volume_type_id, "capabilities"
        ...                            ).extract()  # doctest: +SKIP
        {'capabilities': 'gpu'}
    """
    url = _extra_spec_url(client, volume_type_id, key)
    return client.call(ExtraSpecResult, "GET", url, ok_codes=(200,))


def update_extra_spec(
    client: ServiceClient, volume_type_id: str, key: str, value: str
) -> ExtraSpecResult:
    """Set one extra spec: ``PUT /types/{volume_type_id}/extra_specs/{key}`` (200).

    Example:
        >>> volumetypes.update_extra_spec(cinder, volume_type_id, "capabilities", "gpu"
        ...                               ).extract()  # doctest: +SKIP
    """
    body = checked_metadata({key: value})
    url = _extra_spec_url(client, volume_type_id, key)
    return client.call(ExtraSpecResult, "PUT", url, json=body, ok_codes=(200,))


def delete_extra_spec(client: ServiceClient, volume_type_id: str, key: str) -> DeleteResult:
    """Remove one extra spec: ``DELETE /types/{volume_type_id}/extra_specs/{key}`` (202).

    Example:
        >>> volumetypes.delete_extra_spec(cinder, volume_type_id, "capabilities"
        ...                               ).extract_err()  # doctest: +SKIP
    """
    url = _extra_spec_url(client, volume_type_id, key)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


# -- access to private types -----------------------------------------------------------


def list_access(client: ServiceClient, volume_type_id: str) -> Pager[VolumeTypeAccess]:
    """The projects a private type is shared with: ``GET .../os-volume-type-access`` (200).

    A public type answers 404 (there is no access list to show).

    Example:
        >>> [a.project_id for a in volumetypes.list_access(cinder, type_id).items()]  # doctest: +SKIP
        ['f270b245cb11498ca4031deb7e141cfa']
    """  # noqa: E501
    url = client.service_url(
        "types", check_id("volume_type_id", volume_type_id), "os-volume-type-access"
    )
    return Pager(client, url, AccessPage)


def _access_action(
    client: ServiceClient, volume_type_id: str, action: str, project_id: str
) -> ActionResult:
    body = {action: {"project": check_id("project_id", project_id)}}
    url = client.service_url("types", check_id("volume_type_id", volume_type_id), "action")
    return client.call(ActionResult, "POST", url, json=body, ok_codes=(202,))


def add_project_access(client: ServiceClient, volume_type_id: str, project_id: str) -> ActionResult:
    """Let a project use a private type: ``addProjectAccess`` (202; administrators).

    Example:
        >>> volumetypes.add_project_access(cinder, type_id, project_id
        ...                                ).extract_err()  # doctest: +SKIP
    """
    return _access_action(client, volume_type_id, "addProjectAccess", project_id)


def remove_project_access(
    client: ServiceClient, volume_type_id: str, project_id: str
) -> ActionResult:
    """Stop a project using a private type: ``removeProjectAccess`` (202; administrators).

    Example:
        >>> volumetypes.remove_project_access(cinder, type_id, project_id
        ...                                   ).extract_err()  # doctest: +SKIP
    """
    return _access_action(client, volume_type_id, "removeProjectAccess", project_id)


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
