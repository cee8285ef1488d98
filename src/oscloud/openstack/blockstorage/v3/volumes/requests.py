"""Operations on block storage v3 volumes: CRUD, metadata, actions, look-ups and waits."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud._lookup import find_one
from oscloud._wait import wait_for_result
from oscloud.errors import MissingInputError
from oscloud.openstack import _metadata
from oscloud.openstack.blockstorage.v3._common import (
    NullType,
    checked_metadata,
    metadata_filter,
    sort_param,
)
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
    "CreateOpts",
    "DeleteOpts",
    "DetachOpts",
    "ListOpts",
    "MigrationPolicy",
    "ResetStatusOpts",
    "RetypeOpts",
    "UpdateOpts",
    "UploadImageOpts",
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
    "get_metadatum",
    "get_summary",
    "id_from_name",
    "initialize_connection",
    "list",
    "list_metadata",
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


# -- listing ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a volume listing (details or references).

    ``all_tenants`` (administrators) lists every project's volumes, ``project_id`` one
    project's. ``name`` and ``status`` match exactly; ``name_like`` (microversion 3.34)
    matches names containing it. ``metadata`` matches volumes having all the given items
    and ``glance_metadata`` (3.4) volumes made from an image having them (both sent as
    Cinder's ``{'k': 'v'}`` literal). ``bootable`` is read strictly from 3.2.
    ``group_id`` (3.10) keeps a group's volumes. ``created_at`` and ``updated_at``
    (3.60) compare times, as Cinder writes them: ``"gt:2024-01-01T00:00:00"``, several
    joined by commas (operators ``gt``, ``gte``, ``eq``, ``neq``, ``lt``, ``lte``).
    ``consumes_quota`` (3.65) keeps the volumes that count against the quota, or the
    ones that do not. ``sort`` is ``"key[:asc|desc]"`` or a list of them
    (``["size:desc", "name"]``). ``with_count`` (3.45) puts the number of volumes of the
    whole listing in each page (read it with
    :func:`~oscloud.openstack.blockstorage.v3.volumes.extract_count`). A filter the
    client's microversion lacks raises :class:`~oscloud.errors.MicroversionError`
    before any request: Cinder would ignore it and list everything.

    Example:
        >>> opts = ListOpts(all_tenants=True, name="vol-1", metadata={"env": "prod"},
        ...     bootable=True, sort=["size:desc", "name"], limit=10)
        >>> wire.build_query(opts, client=None)
        [('all_tenants', 'true'), ('name', 'vol-1'), ('metadata', "{'env': 'prod'}"), \
('bootable', 'true'), ('sort', 'size:desc,name'), ('limit', '10')]
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    project_id: str | None = attrs.field(default=None, metadata=wire.query("project_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    name_like: str | None = attrs.field(
        default=None, metadata=wire.query("name~", min_version="3.34")
    )
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.query("metadata", encode=metadata_filter)
    )
    glance_metadata: Mapping[str, str] | None = attrs.field(
        default=None,
        metadata=wire.query("glance_metadata", encode=metadata_filter, min_version="3.4"),
    )
    bootable: bool | None = attrs.field(default=None, metadata=wire.query("bootable"))
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.query("availability_zone")
    )
    group_id: str | None = attrs.field(
        default=None, metadata=wire.query("group_id", min_version="3.10")
    )
    created_at: str | None = attrs.field(
        default=None, metadata=wire.query("created_at", min_version="3.60")
    )
    updated_at: str | None = attrs.field(
        default=None, metadata=wire.query("updated_at", min_version="3.60")
    )
    consumes_quota: bool | None = attrs.field(
        default=None, metadata=wire.query("consumes_quota", min_version="3.65")
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
    with_count: bool | None = attrs.field(
        default=None, metadata=wire.query("with_count", min_version="3.45")
    )


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Volume]:
    """List volumes with their details: ``GET /volumes/detail`` (200), page by page.

    Nothing is fetched until the pager is iterated; each page follows the previous
    one's ``volumes_links``.

    Raises:
        MicroversionError: ``opts`` use a filter the client's microversion lacks (raised
            here, before any request).
        ValueError: a malformed ``metadata`` filter or ``sort``.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> for volume in volumes.list(cinder, ListOpts(status="available")).items():  # doctest: +SKIP
        ...     print(volume.id, volume.size, volume.bootable)
    """  # noqa: E501
    url = wire.url(client, "volumes", "detail", query=opts, of=ListOpts)
    return Pager(client, url, VolumePage)


def list_simple(client: ServiceClient, opts: ListOpts | None = None) -> Pager[VolumeRef]:
    """List volumes, ids names and links only: ``GET /volumes`` (200), page by page.

    Takes the same filters as :func:`list`.

    Example:
        >>> names = [v.name for v in volumes.list_simple(cinder).items()]  # doctest: +SKIP
    """
    url = wire.url(client, "volumes", query=opts, of=ListOpts)
    return Pager(client, url, VolumeRefPage)


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
    client.require_microversion("3.12", "volume summaries")
    url = client.service_url("volumes", "summary")
    if all_tenants:
        url = wire.with_query(url, [("all_tenants", "true")])
    return client.call(SummaryResult, "GET", url, ok_codes=(200,))


# -- create, get, update, delete -------------------------------------------------------


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
        >>> opts = CreateOpts(size=10, name="data", volume_type="lvmdriver-1",
        ...     metadata={"env": "prod"}, scheduler_hints={"same_host": ["a0cf03a5"]})
        >>> wire.build_body(opts, "volume", client=None)
        {'volume': {'size': 10, 'name': 'data', 'volume_type': 'lvmdriver-1', \
'metadata': {'env': 'prod'}}, 'OS-SCH-HNT:scheduler_hints': {'same_host': ['a0cf03a5']}}
    """

    size: int | None = attrs.field(
        default=None, metadata=wire.body("size", encode=wire.int_at_least(1))
    )
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | None = attrs.field(default=None, metadata=wire.body("description"))
    volume_type: str | None = attrs.field(default=None, metadata=wire.body("volume_type"))
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.body("availability_zone")
    )
    snapshot_id: str | None = attrs.field(default=None, metadata=wire.body("snapshot_id"))
    source_volid: str | None = attrs.field(default=None, metadata=wire.body("source_volid"))
    image_ref: str | None = attrs.field(default=None, metadata=wire.body("imageRef"))
    backup_id: str | None = attrs.field(
        default=None, metadata=wire.body("backup_id", min_version="3.47")
    )
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )
    multiattach: bool | None = attrs.field(default=None, metadata=wire.body("multiattach"))
    consistencygroup_id: str | None = attrs.field(
        default=None, metadata=wire.body("consistencygroup_id")
    )
    group_id: str | None = attrs.field(
        default=None, metadata=wire.body("group_id", min_version="3.13")
    )
    scheduler_hints: Mapping[str, Any] | None = attrs.field(
        default=None, metadata=wire.body("OS-SCH-HNT:scheduler_hints", top_level=True)
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Create a volume: ``POST /volumes`` (202).

    The answer shows the volume ``creating``; see :func:`wait_for_status`.

    Raises:
        MissingInputError: ``size`` is missing and no source gives one.
        MicroversionError: ``group_id`` with a client older than 3.13, ``backup_id``
            with one older than 3.47 (before any request).
        ValueError: a malformed ``size`` or ``metadata``.
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> created = volumes.create(cinder, CreateOpts(size=10, name="data")
        ...                          ).extract()  # doctest: +SKIP
        >>> volume = volumes.wait_for_status(cinder, created.id, "available")  # doctest: +SKIP
    """
    body = wire.build_body(opts, "volume", client=client, of=CreateOpts)
    if opts.size is None and not (opts.snapshot_id or opts.source_volid or opts.backup_id):
        raise MissingInputError(
            "CreateOpts.size is required unless snapshot_id, source_volid or backup_id "
            "gives the size"
        )
    url = client.service_url("volumes")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


def get(client: ServiceClient, volume_id: str) -> GetResult:
    """Show a volume: ``GET /volumes/{volume_id}`` (200).

    Example:
        >>> volume = volumes.get(cinder, "f7223234-1afc-4d19-bfa3-d19deb6235ef"
        ...                      ).extract()  # doctest: +SKIP
        >>> volume.status, volume.size  # doctest: +SKIP
        ('available', 10)
    """
    url = client.service_url("volumes", check_id("volume_id", volume_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """The editable attributes of a volume; fields left ``None`` are not changed.

    ``description`` takes :data:`oscloud.NULL` to clear it. ``metadata`` replaces the
    volume's metadata.

    Example:
        >>> opts = UpdateOpts(name="vol-003", description="This is yet, another volume.",
        ...     metadata={"name": "metadata0"})
        >>> wire.build_body(opts, "volume", client=None)
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


def update(client: ServiceClient, volume_id: str, opts: UpdateOpts) -> UpdateResult:
    """Update a volume: ``PUT /volumes/{volume_id}`` (200); answers with the volume.

    Raises:
        MissingInputError: no field is set (Cinder refuses an empty update).
        TypeError: ``opts`` is not an :class:`UpdateOpts`.

    Example:
        >>> volumes.update(cinder, volume_id, UpdateOpts(name="vol-003")
        ...                ).extract().name  # doctest: +SKIP
        'vol-003'
    """
    url = client.service_url("volumes", check_id("volume_id", volume_id))
    body = wire.build_body(opts, "volume", client=client, of=UpdateOpts)
    if not body["volume"]:
        raise MissingInputError("UpdateOpts needs at least one of name, description, metadata")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class DeleteOpts:
    """How to delete a volume.

    ``cascade`` deletes the volume's snapshots too; ``force`` (microversion 3.23,
    administrators) deletes it whatever its status.

    Example:
        >>> wire.build_query(DeleteOpts(cascade=True, force=True), client=None)
        [('cascade', 'true'), ('force', 'true')]
    """

    cascade: bool | None = attrs.field(default=None, metadata=wire.query("cascade"))
    force: bool | None = attrs.field(default=None, metadata=wire.query("force", min_version="3.23"))


def delete(client: ServiceClient, volume_id: str, opts: DeleteOpts | None = None) -> DeleteResult:
    """Delete a volume: ``DELETE /volumes/{volume_id}`` (202).

    The volume goes ``deleting``, then away (see :func:`wait_for_delete`).

    Raises:
        MicroversionError: ``force`` with a client older than 3.23 (before any request).
        TypeError: ``opts`` is not a :class:`DeleteOpts`.

    Example:
        >>> volumes.delete(cinder, volume_id, DeleteOpts(cascade=True)
        ...                ).extract_err()  # doctest: +SKIP
    """
    url = wire.url(client, "volumes", check_id("volume_id", volume_id), query=opts, of=DeleteOpts)
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
    volume = wait_for_result(
        lambda: get(client, volume_id),
        lambda resource: resource.status,
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
    wait_for_result(
        lambda: get(client, volume_id),
        lambda resource: resource.status,
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


def list_metadata(client: ServiceClient, volume_id: str) -> MetadataResult:
    """A volume's metadata: ``GET /volumes/{volume_id}/metadata`` (200).

    (``get_metadata``, its old name, still works and warns.)

    Example:
        >>> volumes.list_metadata(cinder, volume_id).extract()  # doctest: +SKIP
        {'name': 'metadata1'}
    """
    return _metadata.get_all(
        client, _metadata.metadata_url(client, "volumes", "volume_id", volume_id), MetadataResult
    )


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
    url = _metadata.metadata_url(client, "volumes", "volume_id", volume_id)
    return _metadata.replace_all(client, url, metadata, MetadataResult)


def update_metadata(
    client: ServiceClient, volume_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Merge items into a volume's metadata: ``POST /volumes/{volume_id}/metadata`` (200).

    Other keys are kept. Answers with the whole metadata.

    Example:
        >>> volumes.update_metadata(cinder, volume_id, {"env": "prod"})  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "volumes", "volume_id", volume_id)
    return _metadata.merge(client, url, metadata, MetadataResult)


def get_metadatum(client: ServiceClient, volume_id: str, key: str) -> MetadatumResult:
    """One metadata item: ``GET /volumes/{volume_id}/metadata/{key}`` (200).

    Example:
        >>> volumes.get_metadatum(cinder, volume_id, "name").extract()  # doctest: +SKIP
        {'name': 'metadata1'}
    """
    return _metadata.get_item(
        client,
        _metadata.metadata_url(client, "volumes", "volume_id", volume_id, key),
        MetadatumResult,
    )


def set_metadatum(client: ServiceClient, volume_id: str, key: str, value: str) -> MetadatumResult:
    """Create or replace one item: ``PUT /volumes/{volume_id}/metadata/{key}`` (200).

    Example:
        >>> volumes.set_metadatum(cinder, volume_id, "name", "metadata2")  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "volumes", "volume_id", volume_id, key)
    return _metadata.set_item(client, url, key, value, MetadatumResult)


def delete_metadatum(client: ServiceClient, volume_id: str, key: str) -> DeleteResult:
    """Delete one metadata item: ``DELETE /volumes/{volume_id}/metadata/{key}`` (200).

    Example:
        >>> volumes.delete_metadatum(cinder, volume_id, "name").extract_err()  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "volumes", "volume_id", volume_id, key)
    return _metadata.delete_item(client, url, DeleteResult, ok_code=200)


# -- actions: POST /volumes/{volume_id}/action -----------------------------------------


def _action_url(client: ServiceClient, volume_id: str) -> str:
    return client.service_url("volumes", check_id("volume_id", volume_id), "action")


def _action(
    client: ServiceClient, volume_id: str, body: dict[str, Any], ok_codes: tuple[int, ...]
) -> ActionResult:
    url = _action_url(client, volume_id)
    return client.call(ActionResult, "POST", url, json=body, ok_codes=ok_codes)


def _checked_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, not {value!r}")
    return value


def extend(client: ServiceClient, volume_id: str, new_size: int) -> ActionResult:
    """Grow a volume to ``new_size`` GiB: ``os-extend`` (202).

    The volume goes ``extending`` and back to its status (``error_extending`` on
    failure). Before microversion 3.42 the volume must be ``available``; from 3.42 an
    ``in-use`` one may be extended where the cloud allows it (Cinder answers 400
    otherwise).

    Raises:
        ValueError: ``new_size`` is not an integer of at least 1 (before any request).

    Example:
        >>> volumes.extend(cinder, volume_id, 20).extract_err()  # doctest: +SKIP
    """
    new_size = wire.check_int("new_size", new_size, 1)
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


@attrs.frozen(kw_only=True)
class RetypeOpts:
    """The volume type to change to, and whether the volume may move to do it.

    ``migration_policy`` is ``never`` (the default on the server) or ``on-demand``.
    No microversion governs them.

    Example:
        >>> opts = RetypeOpts(new_type="dedup-tier-replicaton",
        ...                   migration_policy=MigrationPolicy.NEVER)
        >>> wire.build_body(opts, "os-retype", client=None)
        {'os-retype': {'new_type': 'dedup-tier-replicaton', 'migration_policy': 'never'}}
    """

    new_type: str | None = attrs.field(default=None, metadata=wire.body("new_type", required=True))
    migration_policy: MigrationPolicy | str | None = attrs.field(
        default=None, metadata=wire.body("migration_policy", encode=_migration_policy)
    )


def retype(client: ServiceClient, volume_id: str, opts: RetypeOpts) -> ActionResult:
    """Change a volume's type: ``os-retype`` (202).

    Raises:
        MissingInputError: ``new_type`` is missing.
        ValueError: ``migration_policy`` is neither ``never`` nor ``on-demand``.
        TypeError: ``opts`` is not a :class:`RetypeOpts`.

    Example:
        >>> volumes.retype(cinder, volume_id, RetypeOpts(new_type="ssd",
        ...     migration_policy="on-demand")).extract_err()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "os-retype", client=client, of=RetypeOpts)
    return _action(client, volume_id, body, (202,))


@attrs.frozen(kw_only=True)
class ResetStatusOpts:
    """The statuses an administrator writes over a volume's; at least one is needed.

    Example:
        >>> opts = ResetStatusOpts(status="available", attach_status="detached",
        ...     migration_status="migrating")
        >>> wire.build_body(opts, "os-reset_status", client=None)
        {'os-reset_status': {'status': 'available', 'attach_status': 'detached', \
'migration_status': 'migrating'}}
    """

    status: str | None = attrs.field(default=None, metadata=wire.body("status"))
    attach_status: str | None = attrs.field(default=None, metadata=wire.body("attach_status"))
    migration_status: str | None = attrs.field(default=None, metadata=wire.body("migration_status"))


def reset_status(client: ServiceClient, volume_id: str, opts: ResetStatusOpts) -> ActionResult:
    """Overwrite a volume's statuses (administrators): ``os-reset_status`` (202).

    Raises:
        MissingInputError: no status is given.
        TypeError: ``opts`` is not a :class:`ResetStatusOpts`.

    Example:
        >>> volumes.reset_status(cinder, volume_id, ResetStatusOpts(status="available")
        ...                      ).extract_err()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "os-reset_status", client=client, of=ResetStatusOpts)
    if not body["os-reset_status"]:
        raise MissingInputError("ResetStatusOpts needs status, attach_status or migration_status")
    return _action(client, volume_id, body, (202,))


def force_delete(client: ServiceClient, volume_id: str) -> ActionResult:
    """Delete a volume whatever its status (administrators): ``os-force_delete`` (202).

    Example:
        >>> volumes.force_delete(cinder, volume_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, volume_id, {"os-force_delete": {}}, (202,))


@attrs.frozen(kw_only=True)
class UploadImageOpts:
    """The image a volume is copied to.

    ``force`` uploads an ``in-use`` volume (where the cloud allows it). ``visibility``
    and ``protected`` come with microversion 3.1; :func:`upload_to_image` refuses them
    with an older client.

    Example:
        >>> opts = UploadImageOpts(image_name="test", force=False, disk_format="raw",
        ...     container_format="bare", visibility="private", protected=False)
        >>> wire.build_body(opts, "os-volume_upload_image", client=None)
        {'os-volume_upload_image': {'image_name': 'test', 'force': False, \
'disk_format': 'raw', 'container_format': 'bare', 'visibility': 'private', 'protected': False}}
    """

    image_name: str | None = attrs.field(
        default=None, metadata=wire.body("image_name", required=True)
    )
    force: bool | None = attrs.field(default=None, metadata=wire.body("force"))
    disk_format: str | None = attrs.field(default=None, metadata=wire.body("disk_format"))
    container_format: str | None = attrs.field(default=None, metadata=wire.body("container_format"))
    visibility: str | None = attrs.field(
        default=None, metadata=wire.body("visibility", min_version="3.1")
    )
    protected: bool | None = attrs.field(
        default=None, metadata=wire.body("protected", min_version="3.1")
    )


def upload_to_image(
    client: ServiceClient, volume_id: str, opts: UploadImageOpts
) -> UploadImageResult:
    """Copy a volume to a new image: ``os-volume_upload_image`` (202).

    Answers with the new image's id and the upload's state; the image becomes
    ``active`` in the image service when the copy ends.

    Raises:
        MissingInputError: ``image_name`` is missing.
        MicroversionError: ``visibility`` or ``protected`` with a client older than 3.1
            (before any request).
        TypeError: ``opts`` is not an :class:`UploadImageOpts`.

    Example:
        >>> image = volumes.upload_to_image(cinder, volume_id,
        ...     UploadImageOpts(image_name="backup-1", disk_format="qcow2")
        ...     ).extract()  # doctest: +SKIP
        >>> image.image_id  # doctest: +SKIP
        'de75b74e-7f0d-4b59-a263-bd87bfc313bd'
    """
    body = wire.build_body(opts, "os-volume_upload_image", client=client, of=UploadImageOpts)
    url = _action_url(client, volume_id)
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


@attrs.frozen(kw_only=True)
class AttachOpts:
    """Where a volume is attached: a server (``instance_uuid``) or a host (``host_name``).

    One of the two is needed, and the ``mountpoint``; ``mode`` is ``rw`` or ``ro``.

    Example:
        >>> opts = AttachOpts(instance_uuid="95D9EF50-507D-11E5-B970-0800200C9A66",
        ...                   mountpoint="/dev/vdc", mode=AttachMode.READ_ONLY)
        >>> wire.build_body(opts, "os-attach", client=None)
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


def attach(client: ServiceClient, volume_id: str, opts: AttachOpts) -> ActionResult:
    """Record that a volume is attached: ``os-attach`` (202).

    This is the bookkeeping step of the old attach flow (after :func:`reserve` and
    :func:`initialize_connection`); attaching to a server is done through compute.

    Raises:
        MissingInputError: ``mountpoint`` is missing, or neither ``instance_uuid`` nor
            ``host_name`` is given.
        ValueError: ``mode`` is neither ``rw`` nor ``ro``.
        TypeError: ``opts`` is not an :class:`AttachOpts`.

    Example:
        >>> volumes.attach(cinder, volume_id, AttachOpts(instance_uuid=server_id,
        ...     mountpoint="/dev/vdc")).extract_err()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "os-attach", client=client, of=AttachOpts)
    if not opts.instance_uuid and not opts.host_name:
        raise MissingInputError("AttachOpts needs instance_uuid or host_name")
    return _action(client, volume_id, body, (202,))


@attrs.frozen(kw_only=True)
class DetachOpts:
    """Which attachment to end; without one, Cinder ends the volume's only attachment.

    Example:
        >>> wire.build_body(DetachOpts(), "os-detach", client=None)
        {'os-detach': {}}
    """

    attachment_id: str | None = attrs.field(default=None, metadata=wire.body("attachment_id"))


def detach(client: ServiceClient, volume_id: str, opts: DetachOpts | None = None) -> ActionResult:
    """Record that a volume is detached: ``os-detach`` (202).

    Raises:
        TypeError: ``opts`` is not a :class:`DetachOpts`.

    Example:
        >>> volumes.detach(cinder, volume_id, DetachOpts(attachment_id=attachment_id)
        ...                ).extract_err()  # doctest: +SKIP
    """
    given = DetachOpts() if opts is None else opts
    body = wire.build_body(given, "os-detach", client=client, of=DetachOpts)
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
    url = _action_url(client, volume_id)
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

    The whole action comes with 3.40 (the API reference gives its members no
    microversion of their own).

    Raises:
        MicroversionError: the client sends a microversion older than 3.40.

    Example:
        >>> volumes.revert_to_snapshot(cinder.with_microversion("3.40"), volume_id,
        ...                            snapshot_id).extract_err()  # doctest: +SKIP
    """
    body = {"revert": {"snapshot_id": check_id("snapshot_id", snapshot_id)}}
    check_id("volume_id", volume_id)
    client.require_microversion("3.40", "volume reverts")
    return _action(client, volume_id, body, (202,))


__getattr__ = aliases(
    __name__,
    {
        "AttachOptsBuilder": (AttachOpts, "AttachOpts"),
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "DeleteOptsBuilder": (DeleteOpts, "DeleteOpts"),
        "DetachOptsBuilder": (DetachOpts, "DetachOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "ResetStatusOptsBuilder": (ResetStatusOpts, "ResetStatusOpts"),
        "RetypeOptsBuilder": (RetypeOpts, "RetypeOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
        "UploadImageOptsBuilder": (UploadImageOpts, "UploadImageOpts"),
        "get_metadata": (list_metadata, "list_metadata"),
    },
)
