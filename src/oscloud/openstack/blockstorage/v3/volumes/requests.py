"""Operations on block storage v3 volumes: CRUD, metadata, actions, look-ups and waits."""

from __future__ import annotations

import builtins
import enum
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, cast

import attrs

from oscloud import _wire as wire
from oscloud._lookup import find_one
from oscloud.errors import MissingInputError
from oscloud.openstack import _metadata
from oscloud.openstack.blockstorage.v3._common import (
    NullType,
    checked_metadata,
    metadata_filter,
    require_microversion,
    require_microversions,
    sort_param,
    wait_for,
)
from oscloud.openstack.blockstorage.v3.volumes import urls
from oscloud.openstack.blockstorage.v3.volumes.results import (
    ActionResult,
    ConnectionInfoResult,
    CreateResult,
    DeleteResult,
    GetResult,
    MetadataResult,
    MetadatumResult,
    SummaryResult,
    UpdateResult,
    UploadImageResult,
    Volume,
    VolumePage,
    VolumeRef,
    VolumeRefPage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "ERROR_STATES",
    "AttachMode",
    "AttachOpts",
    "AttachOptsBuilder",
    "CreateOpts",
    "CreateOptsBuilder",
    "DeleteOpts",
    "DeleteOptsBuilder",
    "DetachOpts",
    "DetachOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "MigrationPolicy",
    "ResetStatusOpts",
    "ResetStatusOptsBuilder",
    "RetypeOpts",
    "RetypeOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "UploadImageOpts",
    "UploadImageOptsBuilder",
    "attach",
    "begin_detaching",
    "create",
    "delete",
    "delete_metadatum",
    "detach",
    "extend",
    "find",
    "force_delete",
    "get",
    "get_metadata",
    "get_metadatum",
    "get_summary",
    "id_from_name",
    "initialize_connection",
    "list",
    "list_simple",
    "reserve",
    "reset_status",
    "retype",
    "revert_to_snapshot",
    "roll_detaching",
    "set_bootable",
    "set_metadata",
    "set_metadatum",
    "terminate_connection",
    "unreserve",
    "update",
    "update_metadata",
    "update_readonly_flag",
    "upload_to_image",
    "wait_for_delete",
    "wait_for_status",
]

#: The statuses in which a volume has failed (``error_managing`` shows as ``error``).
ERROR_STATES: tuple[str, ...] = (
    "error",
    "error_deleting",
    "error_extending",
    "error_restoring",
    "error_managing",
)

#: Query parameters of a listing and the microversion that brings each.
_LIST_VERSIONS = {"group_id": "3.10", "with_count": "3.45"}

#: Members of the create body and the microversion that brings each.
_CREATE_VERSIONS = {"group_id": "3.13", "backup_id": "3.47"}


# -- listing ---------------------------------------------------------------------------


class ListOptsBuilder(Protocol):
    """Anything that can build the query of a volume listing; :class:`ListOpts` does.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(status="available")
        >>> builder.to_volume_list_query()
        [('status', 'available')]
    """

    def to_volume_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /volumes[/detail]``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a volume listing.

    ``all_tenants`` (administrators) lists every project's volumes, ``project_id`` one
    project's. ``name`` and ``status`` match exactly. ``metadata`` matches volumes having
    all the given items (sent as Cinder's ``{'k': 'v'}`` literal). ``sort`` is
    ``"key[:asc|desc]"`` or a list of them (``["size:desc", "name"]``).
    Microversions: ``bootable`` reads strictly from 3.2, ``group_id`` 3.10,
    ``with_count`` 3.45 (read the total with
    :func:`~oscloud.openstack.blockstorage.v3.volumes.extract_count`); asking for them
    with an older client raises :class:`~oscloud.errors.MicroversionError`.

    Example:
        >>> ListOpts(all_tenants=True, name="vol-1", metadata={"env": "prod"},
        ...     bootable=True, sort=["size:desc", "name"], limit=10).to_volume_list_query()
        [('all_tenants', 'true'), ('name', 'vol-1'), ('metadata', "{'env': 'prod'}"), \
('bootable', 'true'), ('sort', 'size:desc,name'), ('limit', '10')]
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    project_id: str | None = attrs.field(default=None, metadata=wire.query("project_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.query("metadata", encode=metadata_filter)
    )
    bootable: bool | None = attrs.field(default=None, metadata=wire.query("bootable"))
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.query("availability_zone")
    )
    group_id: str | None = attrs.field(default=None, metadata=wire.query("group_id"))
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))
    offset: int | None = attrs.field(default=None, metadata=wire.query("offset"))
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    with_count: bool | None = attrs.field(default=None, metadata=wire.query("with_count"))

    def to_volume_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order.

        Raises:
            ValueError: a malformed ``metadata`` filter or ``sort``.
        """
        return wire.build_query(self)


def _listing_url(client: ServiceClient, url: str, opts: ListOptsBuilder | None) -> str:
    if opts is None:
        return url
    query = opts.to_volume_list_query()
    require_microversions(client, (name for name, _ in query), _LIST_VERSIONS, "a volume listing")
    return wire.with_query(url, query)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Volume]:
    """List volumes with their details: ``GET /volumes/detail`` (200), page by page.

    Nothing is fetched until the pager is iterated; each page follows the previous
    one's ``volumes_links``.

    Raises:
        MicroversionError: ``opts`` use a filter the client's microversion lacks (raised
            here, before any request).

    Example:
        >>> for volume in volumes.list(cinder, ListOpts(status="available")).items():  # doctest: +SKIP
        ...     print(volume.id, volume.size, volume.bootable)
    """  # noqa: E501
    return Pager(client, _listing_url(client, urls.detail_url(client), opts), VolumePage)


def list_simple(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[VolumeRef]:
    """List volumes, ids names and links only: ``GET /volumes`` (200), page by page.

    Example:
        >>> names = [v.name for v in volumes.list_simple(cinder).items()]  # doctest: +SKIP
    """
    return Pager(client, _listing_url(client, urls.volumes_url(client), opts), VolumeRefPage)


def get_summary(client: ServiceClient, *, all_tenants: bool = False) -> SummaryResult:
    """The number and total size of the volumes: ``GET /volumes/summary`` (200; 3.12).

    ``all_tenants`` (administrators) counts every project's volumes. From 3.36 the
    answer also holds the distinct metadata of the volumes.

    Raises:
        MicroversionError: the client sends a microversion older than 3.12.

    Example:
        >>> summary = volumes.get_summary(cinder.with_microversion("3.12")
        ...                               ).extract()  # doctest: +SKIP
        >>> summary.total_count, summary.total_size  # doctest: +SKIP
        (4, 4)
    """
    require_microversion(client, "3.12", "volume summaries")
    url = urls.summary_url(client)
    if all_tenants:
        url = wire.with_query(url, [("all_tenants", "true")])
    return client.call(SummaryResult, "GET", url, ok_codes=(200,))


# -- create, get, update, delete -------------------------------------------------------


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of ``POST /volumes``.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(size=10, name="data")
        >>> builder.to_volume_create_map()
        {'volume': {'size': 10, 'name': 'data'}}
    """

    def to_volume_create_map(self) -> dict[str, Any]:
        """The body of ``POST /volumes``."""
        ...


@attrs.frozen(kw_only=True)
class CreateOpts:
    """What a new volume is made of.

    ``size`` (GiB) is required unless the volume is copied from a snapshot
    (``snapshot_id``), a volume (``source_volid``) or a backup (``backup_id``), whose size
    it then takes. ``image_ref`` makes the volume from an image (bootable).
    ``scheduler_hints`` go to the top-level ``OS-SCH-HNT:scheduler_hints``.
    ``metadata`` keys and values are checked (non-empty keys, both at most 255
    characters) before anything is sent.

    Microversions: ``group_id`` 3.13, ``backup_id`` 3.47; :func:`create` refuses them
    with an older client.

    Example:
        >>> CreateOpts(size=10, name="data", volume_type="lvmdriver-1",
        ...     metadata={"env": "prod"},
        ...     scheduler_hints={"same_host": ["a0cf03a5"]}).to_volume_create_map()
        {'volume': {'size': 10, 'name': 'data', 'volume_type': 'lvmdriver-1', \
'metadata': {'env': 'prod'}}, 'OS-SCH-HNT:scheduler_hints': {'same_host': ['a0cf03a5']}}
    """

    size: int | None = attrs.field(default=None, metadata=wire.body("size"))
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | None = attrs.field(default=None, metadata=wire.body("description"))
    volume_type: str | None = attrs.field(default=None, metadata=wire.body("volume_type"))
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.body("availability_zone")
    )
    snapshot_id: str | None = attrs.field(default=None, metadata=wire.body("snapshot_id"))
    source_volid: str | None = attrs.field(default=None, metadata=wire.body("source_volid"))
    image_ref: str | None = attrs.field(default=None, metadata=wire.body("imageRef"))
    backup_id: str | None = attrs.field(default=None, metadata=wire.body("backup_id"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )
    multiattach: bool | None = attrs.field(default=None, metadata=wire.body("multiattach"))
    consistencygroup_id: str | None = attrs.field(
        default=None, metadata=wire.body("consistencygroup_id")
    )
    group_id: str | None = attrs.field(default=None, metadata=wire.body("group_id"))
    scheduler_hints: Mapping[str, Any] | None = None

    def to_volume_create_map(self) -> dict[str, Any]:
        """The body of ``POST /volumes``.

        Raises:
            MissingInputError: ``size`` is missing and no source gives one.
            ValueError: a malformed ``size`` or ``metadata``.
        """
        if self.size is None and not (self.snapshot_id or self.source_volid or self.backup_id):
            raise MissingInputError(
                "CreateOpts.size is required unless snapshot_id, source_volid or backup_id "
                "gives the size"
            )
        if self.size is not None and (
            isinstance(self.size, bool) or not isinstance(self.size, int) or self.size < 1
        ):
            raise ValueError(f"CreateOpts.size is a whole number of GiB >= 1, not {self.size!r}")
        body = wire.build_body(self, "volume")
        if self.scheduler_hints:
            body["OS-SCH-HNT:scheduler_hints"] = dict(self.scheduler_hints)
        return body


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Create a volume: ``POST /volumes`` (202).

    The answer shows the volume ``creating``; see :func:`wait_for_status`.

    Raises:
        MicroversionError: the body holds a member the client's microversion lacks
            (before any request).

    Example:
        >>> created = volumes.create(cinder, CreateOpts(size=10, name="data")
        ...                          ).extract()  # doctest: +SKIP
        >>> volume = volumes.wait_for_status(cinder, created.id, "available")  # doctest: +SKIP
    """
    body = opts.to_volume_create_map()
    members = body.get("volume") or {}
    require_microversions(client, members, _CREATE_VERSIONS, "the volume body")
    return client.call(CreateResult, "POST", urls.volumes_url(client), json=body, ok_codes=(202,))


def get(client: ServiceClient, volume_id: str) -> GetResult:
    """Show a volume: ``GET /volumes/{volume_id}`` (200).

    Example:
        >>> volume = volumes.get(cinder, "f7223234-1afc-4d19-bfa3-d19deb6235ef"
        ...                      ).extract()  # doctest: +SKIP
        >>> volume.status, volume.size  # doctest: +SKIP
        ('available', 10)
    """
    url = urls.volume_url(client, check_id("volume_id", volume_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of ``PUT /volumes/{volume_id}``.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(name="vol-003")
        >>> builder.to_volume_update_map()
        {'volume': {'name': 'vol-003'}}
    """

    def to_volume_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /volumes/{volume_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """The editable attributes of a volume; fields left ``None`` are not changed.

    ``description`` takes :data:`oscloud.NULL` to clear it. ``metadata`` replaces the
    volume's metadata.

    Example:
        >>> UpdateOpts(name="vol-003", description="This is yet, another volume.",
        ...     metadata={"name": "metadata0"}).to_volume_update_map()
        {'volume': {'name': 'vol-003', 'description': 'This is yet, another volume.', \
'metadata': {'name': 'metadata0'}}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description")
    )
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )

    def to_volume_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /volumes/{volume_id}``.

        Raises:
            MissingInputError: no field is set (Cinder refuses an empty update).
        """
        body = wire.build_body(self, "volume")
        if not body["volume"]:
            raise MissingInputError("UpdateOpts needs at least one of name, description, metadata")
        return body


def update(client: ServiceClient, volume_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Update a volume: ``PUT /volumes/{volume_id}`` (200); answers with the volume.

    Example:
        >>> volumes.update(cinder, volume_id, UpdateOpts(name="vol-003")
        ...                ).extract().name  # doctest: +SKIP
        'vol-003'
    """
    url = urls.volume_url(client, check_id("volume_id", volume_id))
    body = opts.to_volume_update_map()
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


class DeleteOptsBuilder(Protocol):
    """Anything that can build the query of ``DELETE /volumes/{volume_id}``.

    Example:
        >>> builder: DeleteOptsBuilder = DeleteOpts(cascade=True)
        >>> builder.to_volume_delete_query()
        [('cascade', 'true')]
    """

    def to_volume_delete_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``DELETE /volumes/{volume_id}``."""
        ...


@attrs.frozen(kw_only=True)
class DeleteOpts:
    """How to delete a volume.

    ``cascade`` deletes the volume's snapshots too; ``force`` (microversion 3.23,
    administrators) deletes it whatever its status.

    Example:
        >>> DeleteOpts(cascade=True, force=True).to_volume_delete_query()
        [('cascade', 'true'), ('force', 'true')]
    """

    cascade: bool | None = attrs.field(default=None, metadata=wire.query("cascade"))
    force: bool | None = attrs.field(default=None, metadata=wire.query("force"))

    def to_volume_delete_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


def delete(
    client: ServiceClient, volume_id: str, opts: DeleteOptsBuilder | None = None
) -> DeleteResult:
    """Delete a volume: ``DELETE /volumes/{volume_id}`` (202).

    The volume goes ``deleting``, then away (see :func:`wait_for_delete`).

    Raises:
        MicroversionError: ``force`` with a client older than 3.23 (before any request).

    Example:
        >>> volumes.delete(cinder, volume_id, DeleteOpts(cascade=True)
        ...                ).extract_err()  # doctest: +SKIP
    """
    url = urls.volume_url(client, check_id("volume_id", volume_id))
    if opts is not None:
        query = opts.to_volume_delete_query()
        require_microversions(client, (k for k, _ in query), {"force": "3.23"}, "a delete")
        url = wire.with_query(url, query)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


# -- look-ups and waits ----------------------------------------------------------------


def _checked_name(name: object) -> str:
    if not isinstance(name, str) or not name:
        raise MissingInputError(f"a volume name is required (got {name!r})")
    return name


def find(client: ServiceClient, name: str) -> Volume:
    """The one volume named exactly ``name``, with its details.

    Raises:
        ResourceNotFoundError: no volume has that name.
        MultipleResourcesFoundError: several volumes have it.

    Example:
        >>> volume = volumes.find(cinder, "data")  # doctest: +SKIP
    """
    name = _checked_name(name)
    return find_one(
        list(client, ListOpts(name=name)).items(), name, kind="volume", name_of=lambda v: v.name
    )


def id_from_name(client: ServiceClient, name: str) -> str:
    """The id of the one volume named exactly ``name`` (from ``GET /volumes``).

    Raises:
        ResourceNotFoundError: no volume has that name.
        MultipleResourcesFoundError: several volumes have it.

    Example:
        >>> volume_id = volumes.id_from_name(cinder, "data")  # doctest: +SKIP
    """
    name = _checked_name(name)
    found = find_one(
        list_simple(client, ListOpts(name=name)).items(),
        name,
        kind="volume",
        name_of=lambda v: v.name,
    )
    return found.id


def wait_for_status(
    client: ServiceClient,
    volume_id: str,
    status: str,
    *,
    timeout: float = 600.0,
    interval: float = 2.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Volume:
    """Read ``GET /volumes/{volume_id}`` every ``interval`` seconds until its status is ``status``.

    Returns the volume as last read. The statuses of :data:`ERROR_STATES` (other than
    ``status`` itself) end the wait.

    Raises:
        ResourceErrorStateError: the volume went to an error status (``error``,
            ``error_extending`` …).
        WaitTimeoutError: ``timeout`` seconds passed; ``last_status`` says where it was.
        NotFoundError: the volume does not exist (and any other error of :func:`get`).

    Example:
        >>> volume = volumes.wait_for_status(cinder, created.id, "available",
        ...                                  timeout=300)  # doctest: +SKIP
    """
    check_id("volume_id", volume_id)
    wanted = status.lower()
    volume = wait_for(
        lambda: get(client, volume_id),
        resource_id=f"volume {volume_id}",
        wanted=(wanted,),
        error_states=tuple(s for s in ERROR_STATES if s != wanted),
        gone_ok=False,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )
    return cast(Volume, volume)


def wait_for_delete(
    client: ServiceClient,
    volume_id: str,
    *,
    timeout: float = 600.0,
    interval: float = 2.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Read ``GET /volumes/{volume_id}`` every ``interval`` seconds until it answers 404.

    Raises:
        ResourceErrorStateError: the volume went to ``error_deleting``.
        WaitTimeoutError: ``timeout`` seconds passed.

    Example:
        >>> volumes.delete(cinder, volume_id).extract_err()  # doctest: +SKIP
        >>> volumes.wait_for_delete(cinder, volume_id)  # doctest: +SKIP
    """
    check_id("volume_id", volume_id)
    wait_for(
        lambda: get(client, volume_id),
        resource_id=f"volume {volume_id}",
        wanted=(),
        error_states=("error_deleting",),
        gone_ok=True,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )


# -- metadata --------------------------------------------------------------------------


def get_metadata(client: ServiceClient, volume_id: str) -> MetadataResult:
    """A volume's metadata: ``GET /volumes/{volume_id}/metadata`` (200).

    Example:
        >>> volumes.get_metadata(cinder, volume_id).extract()  # doctest: +SKIP
        {'name': 'metadata1'}
    """
    url = urls.metadata_url(client, check_id("volume_id", volume_id))
    return _metadata.get_all(client, url, MetadataResult)


def set_metadata(
    client: ServiceClient, volume_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Replace all of a volume's metadata: ``PUT /volumes/{volume_id}/metadata`` (200).

    Keys not in ``metadata`` are removed. Answers with the metadata now set.

    Example:
        >>> volumes.set_metadata(cinder, volume_id, {"name": "metadata1"}
        ...                      ).extract()  # doctest: +SKIP
        {'name': 'metadata1'}
    """
    url = urls.metadata_url(client, check_id("volume_id", volume_id))
    return _metadata.replace_all(client, url, metadata, MetadataResult)


def update_metadata(
    client: ServiceClient, volume_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Merge items into a volume's metadata: ``POST /volumes/{volume_id}/metadata`` (200).

    Other keys are kept. Answers with the whole metadata.

    Example:
        >>> volumes.update_metadata(cinder, volume_id, {"env": "prod"})  # doctest: +SKIP
    """
    url = urls.metadata_url(client, check_id("volume_id", volume_id))
    return _metadata.merge(client, url, metadata, MetadataResult)


def get_metadatum(client: ServiceClient, volume_id: str, key: str) -> MetadatumResult:
    """One metadata item: ``GET /volumes/{volume_id}/metadata/{key}`` (200).

    Example:
        >>> volumes.get_metadatum(cinder, volume_id, "name").extract()  # doctest: +SKIP
        {'name': 'metadata1'}
    """
    url = urls.metadatum_url(client, check_id("volume_id", volume_id), check_id("key", key))
    return _metadata.get_item(client, url, MetadatumResult)


def set_metadatum(client: ServiceClient, volume_id: str, key: str, value: str) -> MetadatumResult:
    """Create or replace one item: ``PUT /volumes/{volume_id}/metadata/{key}`` (200).

    Example:
        >>> volumes.set_metadatum(cinder, volume_id, "name", "metadata2")  # doctest: +SKIP
    """
    url = urls.metadatum_url(client, check_id("volume_id", volume_id), check_id("key", key))
    return _metadata.set_item(client, url, key, value, MetadatumResult)


def delete_metadatum(client: ServiceClient, volume_id: str, key: str) -> DeleteResult:
    """Delete one metadata item: ``DELETE /volumes/{volume_id}/metadata/{key}`` (200).

    Example:
        >>> volumes.delete_metadatum(cinder, volume_id, "name").extract_err()  # doctest: +SKIP
    """
    url = urls.metadatum_url(client, check_id("volume_id", volume_id), check_id("key", key))
    return _metadata.delete_item(client, url, DeleteResult, ok_code=200)


# -- actions: POST /volumes/{volume_id}/action -----------------------------------------


def _action(
    client: ServiceClient, volume_id: str, body: dict[str, Any], ok_codes: tuple[int, ...]
) -> ActionResult:
    url = urls.action_url(client, check_id("volume_id", volume_id))
    return client.call(ActionResult, "POST", url, json=body, ok_codes=ok_codes)


def _checked_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, not {value!r}")
    return value


def extend(client: ServiceClient, volume_id: str, new_size: int) -> ActionResult:
    """Grow a volume to ``new_size`` GiB: ``os-extend`` (202).

    The volume goes ``extending`` and back to its status (``error_extending`` on
    failure). Before 3.42 the volume must be ``available``; from 3.42 an ``in-use`` one
    may be extended where the cloud allows it.

    Raises:
        ValueError: ``new_size`` is not a whole number >= 1 (before any request).

    Example:
        >>> volumes.extend(cinder, volume_id, 20).extract_err()  # doctest: +SKIP
    """
    if isinstance(new_size, bool) or not isinstance(new_size, int) or new_size < 1:
        raise ValueError(f"new_size is a whole number of GiB >= 1, not {new_size!r}")
    return _action(client, volume_id, {"os-extend": {"new_size": new_size}}, (202,))


def set_bootable(client: ServiceClient, volume_id: str, bootable: bool) -> ActionResult:
    """Mark a volume bootable or not: ``os-set_bootable`` (200).

    Example:
        >>> volumes.set_bootable(cinder, volume_id, True).extract_err()  # doctest: +SKIP
    """
    body = {"os-set_bootable": {"bootable": _checked_bool("bootable", bootable)}}
    return _action(client, volume_id, body, (200,))


def update_readonly_flag(client: ServiceClient, volume_id: str, readonly: bool) -> ActionResult:
    """Set whether a volume attaches read-only: ``os-update_readonly_flag`` (202).

    Example:
        >>> volumes.update_readonly_flag(cinder, volume_id, True).extract_err()  # doctest: +SKIP
    """
    body = {"os-update_readonly_flag": {"readonly": _checked_bool("readonly", readonly)}}
    return _action(client, volume_id, body, (202,))


class MigrationPolicy(str, enum.Enum):
    """Whether a retype may move the volume to another back end.

    Example:
        >>> MigrationPolicy("on-demand") is MigrationPolicy.ON_DEMAND
        True
    """

    NEVER = "never"
    ON_DEMAND = "on-demand"


def _migration_policy(value: MigrationPolicy | str) -> str:
    return MigrationPolicy(value).value


class RetypeOptsBuilder(Protocol):
    """Anything that can build the body of ``os-retype``.

    Example:
        >>> builder: RetypeOptsBuilder = RetypeOpts(new_type="ssd")
        >>> builder.to_volume_retype_map()
        {'os-retype': {'new_type': 'ssd'}}
    """

    def to_volume_retype_map(self) -> dict[str, Any]:
        """The body of the ``os-retype`` action."""
        ...


@attrs.frozen(kw_only=True)
class RetypeOpts:
    """The volume type to change to, and whether the volume may move to do it.

    ``migration_policy`` is ``never`` (the default on the server) or ``on-demand``.

    Example:
        >>> RetypeOpts(new_type="dedup-tier-replicaton",
        ...            migration_policy=MigrationPolicy.NEVER).to_volume_retype_map()
        {'os-retype': {'new_type': 'dedup-tier-replicaton', 'migration_policy': 'never'}}
    """

    new_type: str | None = attrs.field(default=None, metadata=wire.body("new_type", required=True))
    migration_policy: MigrationPolicy | str | None = attrs.field(
        default=None, metadata=wire.body("migration_policy", encode=_migration_policy)
    )

    def to_volume_retype_map(self) -> dict[str, Any]:
        """The body of the ``os-retype`` action.

        Raises:
            MissingInputError: ``new_type`` is missing.
            ValueError: ``migration_policy`` is neither ``never`` nor ``on-demand``.
        """
        return wire.build_body(self, "os-retype")


def retype(client: ServiceClient, volume_id: str, opts: RetypeOptsBuilder) -> ActionResult:
    """Change a volume's type: ``os-retype`` (202).

    Example:
        >>> volumes.retype(cinder, volume_id, RetypeOpts(new_type="ssd",
        ...     migration_policy="on-demand")).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, opts.to_volume_retype_map(), (202,))


class ResetStatusOptsBuilder(Protocol):
    """Anything that can build the body of ``os-reset_status``.

    Example:
        >>> builder: ResetStatusOptsBuilder = ResetStatusOpts(status="available")
        >>> builder.to_volume_reset_status_map()
        {'os-reset_status': {'status': 'available'}}
    """

    def to_volume_reset_status_map(self) -> dict[str, Any]:
        """The body of the ``os-reset_status`` action."""
        ...


@attrs.frozen(kw_only=True)
class ResetStatusOpts:
    """The statuses an administrator writes over a volume's; at least one is needed.

    Example:
        >>> ResetStatusOpts(status="available", attach_status="detached",
        ...     migration_status="migrating").to_volume_reset_status_map()
        {'os-reset_status': {'status': 'available', 'attach_status': 'detached', \
'migration_status': 'migrating'}}
    """

    status: str | None = attrs.field(default=None, metadata=wire.body("status"))
    attach_status: str | None = attrs.field(default=None, metadata=wire.body("attach_status"))
    migration_status: str | None = attrs.field(default=None, metadata=wire.body("migration_status"))

    def to_volume_reset_status_map(self) -> dict[str, Any]:
        """The body of the ``os-reset_status`` action.

        Raises:
            MissingInputError: no status is given.
        """
        body = wire.build_body(self, "os-reset_status")
        if not body["os-reset_status"]:
            raise MissingInputError(
                "ResetStatusOpts needs status, attach_status or migration_status"
            )
        return body


def reset_status(
    client: ServiceClient, volume_id: str, opts: ResetStatusOptsBuilder
) -> ActionResult:
    """Overwrite a volume's statuses (administrators): ``os-reset_status`` (202).

    Example:
        >>> volumes.reset_status(cinder, volume_id, ResetStatusOpts(status="available")
        ...                      ).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, opts.to_volume_reset_status_map(), (202,))


def force_delete(client: ServiceClient, volume_id: str) -> ActionResult:
    """Delete a volume whatever its status (administrators): ``os-force_delete`` (202).

    Example:
        >>> volumes.force_delete(cinder, volume_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, {"os-force_delete": {}}, (202,))


class UploadImageOptsBuilder(Protocol):
    """Anything that can build the body of ``os-volume_upload_image``.

    Example:
        >>> builder: UploadImageOptsBuilder = UploadImageOpts(image_name="test")
        >>> builder.to_volume_upload_image_map()
        {'os-volume_upload_image': {'image_name': 'test'}}
    """

    def to_volume_upload_image_map(self) -> dict[str, Any]:
        """The body of the ``os-volume_upload_image`` action."""
        ...


@attrs.frozen(kw_only=True)
class UploadImageOpts:
    """The image a volume is copied to.

    ``force`` uploads an ``in-use`` volume (where the cloud allows it). ``visibility``
    and ``protected`` come with microversion 3.1; :func:`upload_to_image` refuses them
    with an older client.

    Example:
        >>> UploadImageOpts(image_name="test", force=False, disk_format="raw",
        ...     container_format="bare", visibility="private",
        ...     protected=False).to_volume_upload_image_map()
        {'os-volume_upload_image': {'image_name': 'test', 'force': False, \
'disk_format': 'raw', 'container_format': 'bare', 'visibility': 'private', 'protected': False}}
    """

    image_name: str | None = attrs.field(
        default=None, metadata=wire.body("image_name", required=True)
    )
    force: bool | None = attrs.field(default=None, metadata=wire.body("force"))
    disk_format: str | None = attrs.field(default=None, metadata=wire.body("disk_format"))
    container_format: str | None = attrs.field(default=None, metadata=wire.body("container_format"))
    visibility: str | None = attrs.field(default=None, metadata=wire.body("visibility"))
    protected: bool | None = attrs.field(default=None, metadata=wire.body("protected"))

    def to_volume_upload_image_map(self) -> dict[str, Any]:
        """The body of the ``os-volume_upload_image`` action.

        Raises:
            MissingInputError: ``image_name`` is missing.
        """
        return wire.build_body(self, "os-volume_upload_image")


def upload_to_image(
    client: ServiceClient, volume_id: str, opts: UploadImageOptsBuilder
) -> UploadImageResult:
    """Copy a volume to a new image: ``os-volume_upload_image`` (202).

    Answers with the new image's id and the upload's state; the image becomes
    ``active`` in the image service when the copy ends.

    Raises:
        MicroversionError: ``visibility`` or ``protected`` with a client older than 3.1
            (before any request).

    Example:
        >>> image = volumes.upload_to_image(cinder, volume_id,
        ...     UploadImageOpts(image_name="backup-1", disk_format="qcow2")
        ...     ).extract()  # doctest: +SKIP
        >>> image.image_id  # doctest: +SKIP
        'de75b74e-7f0d-4b59-a263-bd87bfc313bd'
    """
    body = opts.to_volume_upload_image_map()
    members = body.get("os-volume_upload_image") or {}
    require_microversions(
        client, members, {"visibility": "3.1", "protected": "3.1"}, "an image upload"
    )
    url = urls.action_url(client, check_id("volume_id", volume_id))
    return client.call(UploadImageResult, "POST", url, json=body, ok_codes=(202,))


def reserve(client: ServiceClient, volume_id: str) -> ActionResult:
    """Mark an ``available`` volume ``attaching``: ``os-reserve`` (202).

    Example:
        >>> volumes.reserve(cinder, volume_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, {"os-reserve": {}}, (202,))


def unreserve(client: ServiceClient, volume_id: str) -> ActionResult:
    """Undo :func:`reserve`: ``os-unreserve`` (202).

    Example:
        >>> volumes.unreserve(cinder, volume_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, {"os-unreserve": {}}, (202,))


def begin_detaching(client: ServiceClient, volume_id: str) -> ActionResult:
    """Mark an attached volume ``detaching``: ``os-begin_detaching`` (202).

    Example:
        >>> volumes.begin_detaching(cinder, volume_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, {"os-begin_detaching": {}}, (202,))


def roll_detaching(client: ServiceClient, volume_id: str) -> ActionResult:
    """Undo :func:`begin_detaching` (the volume goes back ``in-use``): ``os-roll_detaching`` (202).

    Example:
        >>> volumes.roll_detaching(cinder, volume_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, {"os-roll_detaching": {}}, (202,))


class AttachMode(str, enum.Enum):
    """How a volume is attached: read-write or read-only.

    Example:
        >>> AttachMode("ro") is AttachMode.READ_ONLY
        True
    """

    READ_WRITE = "rw"
    READ_ONLY = "ro"


def _attach_mode(value: AttachMode | str) -> str:
    return AttachMode(value).value


class AttachOptsBuilder(Protocol):
    """Anything that can build the body of ``os-attach``.

    Example:
        >>> builder: AttachOptsBuilder = AttachOpts(instance_uuid="s1", mountpoint="/dev/vdc")
        >>> builder.to_volume_attach_map()
        {'os-attach': {'instance_uuid': 's1', 'mountpoint': '/dev/vdc'}}
    """

    def to_volume_attach_map(self) -> dict[str, Any]:
        """The body of the ``os-attach`` action."""
        ...


@attrs.frozen(kw_only=True)
class AttachOpts:
    """Where a volume is attached: a server (``instance_uuid``) or a host (``host_name``).

    One of the two is needed, and the ``mountpoint``; ``mode`` is ``rw`` or ``ro``.

    Example:
        >>> AttachOpts(instance_uuid="95D9EF50-507D-11E5-B970-0800200C9A66",
        ...            mountpoint="/dev/vdc", mode=AttachMode.READ_ONLY).to_volume_attach_map()
        {'os-attach': {'instance_uuid': '95D9EF50-507D-11E5-B970-0800200C9A66', \
'mountpoint': '/dev/vdc', 'mode': 'ro'}}
    """

    instance_uuid: str | None = attrs.field(default=None, metadata=wire.body("instance_uuid"))
    host_name: str | None = attrs.field(default=None, metadata=wire.body("host_name"))
    mountpoint: str | None = attrs.field(
        default=None, metadata=wire.body("mountpoint", required=True)
    )
    mode: AttachMode | str | None = attrs.field(
        default=None, metadata=wire.body("mode", encode=_attach_mode)
    )

    def to_volume_attach_map(self) -> dict[str, Any]:
        """The body of the ``os-attach`` action.

        Raises:
            MissingInputError: ``mountpoint`` is missing, or neither ``instance_uuid`` nor
                ``host_name`` is given.
            ValueError: ``mode`` is neither ``rw`` nor ``ro``.
        """
        if not self.instance_uuid and not self.host_name:
            raise MissingInputError("AttachOpts needs instance_uuid or host_name")
        return wire.build_body(self, "os-attach")


def attach(client: ServiceClient, volume_id: str, opts: AttachOptsBuilder) -> ActionResult:
    """Record that a volume is attached: ``os-attach`` (202).

    This is the bookkeeping step of the old attach flow (after :func:`reserve` and
    :func:`initialize_connection`); attaching to a server is done through compute.

    Example:
        >>> volumes.attach(cinder, volume_id, AttachOpts(instance_uuid=server_id,
        ...     mountpoint="/dev/vdc")).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, opts.to_volume_attach_map(), (202,))


class DetachOptsBuilder(Protocol):
    """Anything that can build the body of ``os-detach``.

    Example:
        >>> builder: DetachOptsBuilder = DetachOpts(attachment_id="a1")
        >>> builder.to_volume_detach_map()
        {'os-detach': {'attachment_id': 'a1'}}
    """

    def to_volume_detach_map(self) -> dict[str, Any]:
        """The body of the ``os-detach`` action."""
        ...


@attrs.frozen(kw_only=True)
class DetachOpts:
    """Which attachment to end; without one, Cinder ends the volume's only attachment.

    Example:
        >>> DetachOpts().to_volume_detach_map()
        {'os-detach': {}}
    """

    attachment_id: str | None = attrs.field(default=None, metadata=wire.body("attachment_id"))

    def to_volume_detach_map(self) -> dict[str, Any]:
        """The body of the ``os-detach`` action."""
        return wire.build_body(self, "os-detach")


def detach(
    client: ServiceClient, volume_id: str, opts: DetachOptsBuilder | None = None
) -> ActionResult:
    """Record that a volume is detached: ``os-detach`` (202).

    Example:
        >>> volumes.detach(cinder, volume_id, DetachOpts(attachment_id=attachment_id)
        ...                ).extract_err()  # doctest: +SKIP
    """
    body = (opts or DetachOpts()).to_volume_detach_map()
    return _action(client, volume_id, body, (202,))


def _checked_connector(connector: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(connector, Mapping) or not connector:
        raise MissingInputError("a connector (the host's connection properties) is required")
    return dict(connector)


def initialize_connection(
    client: ServiceClient, volume_id: str, connector: Mapping[str, Any]
) -> ConnectionInfoResult:
    """Export a volume to a host: ``os-initialize_connection`` (200; administrators).

    ``connector`` describes the host (``initiator``, ``ip``, ``host``, ``multipath`` …,
    as os-brick reports it). Answers with the connection information; its ``data`` may
    hold credentials and never shows in ``repr``.

    Example:
        >>> info = volumes.initialize_connection(cinder, volume_id, {"host": "node2",
        ...     "initiator": "iqn.1994-05.com.redhat:d16cbb5d31e5"}).extract()  # doctest: +SKIP
        >>> info.driver_volume_type  # doctest: +SKIP
        'iscsi'
    """
    body = {"os-initialize_connection": {"connector": _checked_connector(connector)}}
    url = urls.action_url(client, check_id("volume_id", volume_id))
    return client.call(ConnectionInfoResult, "POST", url, json=body, ok_codes=(200,))


def terminate_connection(
    client: ServiceClient, volume_id: str, connector: Mapping[str, Any]
) -> ActionResult:
    """End a host's export of a volume: ``os-terminate_connection`` (202; administrators).

    Example:
        >>> volumes.terminate_connection(cinder, volume_id, connector).extract_err()  # doctest: +SKIP
    """  # noqa: E501
    body = {"os-terminate_connection": {"connector": _checked_connector(connector)}}
    return _action(client, volume_id, body, (202,))


def revert_to_snapshot(client: ServiceClient, volume_id: str, snapshot_id: str) -> ActionResult:
    """Revert a detached volume to its latest snapshot: ``revert`` (202; microversion 3.40).

    Raises:
        MicroversionError: the client sends a microversion older than 3.40.

    Example:
        >>> volumes.revert_to_snapshot(cinder.with_microversion("3.40"), volume_id,
        ...                            snapshot_id).extract_err()  # doctest: +SKIP
    """
    body = {"revert": {"snapshot_id": check_id("snapshot_id", snapshot_id)}}
    check_id("volume_id", volume_id)
    require_microversion(client, "3.40", "volume reverts")
    return _action(client, volume_id, body, (202,))
