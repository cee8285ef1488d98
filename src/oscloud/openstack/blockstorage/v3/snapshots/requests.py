"""Operations on block storage v3 snapshots: CRUD, metadata, actions, look-ups and waits."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import cast

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
from oscloud.openstack.blockstorage.v3.snapshots.results import (
    ActionResult,
    CreateResult,
    DeleteResult,
    GetResult,
    MetadataResult,
    MetadatumResult,
    Snapshot,
    SnapshotPage,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "ERROR_STATES",
    "CreateOpts",
    "ListOpts",
    "UpdateOpts",
    "create",
    "delete",
    "delete_metadatum",
    "find",
    "force_delete",
    "get",
    "get_metadatum",
    "list",
    "list_metadata",
    "reset_status",
    "set_metadata",
    "set_metadatum",
    "update",
    "update_metadata",
    "wait_for_delete",
    "wait_for_status",
]

#: The statuses in which a snapshot has failed.
ERROR_STATES: tuple[str, ...] = ("error", "error_deleting")


# -- listing ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a snapshot listing.

    ``all_tenants`` (administrators) lists every project's snapshots, ``project_id`` one
    project's. ``name``, ``volume_id`` and ``status`` match exactly; ``name_like``
    (microversion 3.34) matches names containing it. ``metadata`` (3.22) matches
    snapshots having all the given items (sent as Cinder's ``{'k': 'v'}`` literal);
    ``consumes_quota`` (3.65) keeps the snapshots that count against the quota, or the
    ones that do not. ``sort`` is ``"key[:asc|desc]"`` or a list of them. ``with_count``
    (3.45) puts the number of snapshots of the whole listing in each page. A filter the
    client's microversion lacks raises :class:`~oscloud.errors.MicroversionError`
    before any request.

    Example:
        >>> ListOpts(all_tenants=True, volume_id="v1", status="available",
        ...          sort="created_at:desc", limit=5)
        ListOpts(all_tenants=True, project_id=None, name=None, name_like=None, \
volume_id='v1', status='available', metadata=None, consumes_quota=None, \
sort='created_at:desc', limit=5, offset=None, marker=None, with_count=None)
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    project_id: str | None = attrs.field(default=None, metadata=wire.query("project_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    name_like: str | None = attrs.field(
        default=None, metadata=wire.query("name~", min_version="3.34")
    )
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.query("metadata", encode=metadata_filter, min_version="3.22")
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


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Snapshot]:
    """List snapshots with their details: ``GET /snapshots/detail`` (200), page by page.

    Nothing is fetched until the pager is iterated; each page follows the previous
    one's ``snapshots_links``.

    Raises:
        MicroversionError: ``opts`` use a filter the client's microversion lacks (raised
            here, before any request).
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> for snap in snapshots.list(cinder, ListOpts(volume_id=volume_id)).items():  # doctest: +SKIP
        ...     print(snap.id, snap.status, snap.progress)
    """  # noqa: E501
    url = wire.url(client, "snapshots", "detail", query=opts, of=ListOpts)
    return Pager(client, url, SnapshotPage)


# -- create, get, update, delete -------------------------------------------------------


@attrs.frozen(kw_only=True)
class CreateOpts:
    """What a new snapshot is taken of, and its name.

    ``force`` snapshots an ``in-use`` volume. From microversion 3.66 an ``in-use``
    volume is snapshotted without it: Cinder ignores ``force=True`` and refuses
    ``force=False``, which :func:`create` then refuses before sending. ``metadata``
    keys and values are checked (non-empty keys, both at most 255 characters).

    Example:
        >>> opts = CreateOpts(volume_id="5aa119a8", name="snap-001",
        ...     description="Daily backup", force=True, metadata={"key": "v3"})
        >>> wire.build_body(opts, "snapshot", client=None)
        {'snapshot': {'volume_id': '5aa119a8', 'name': 'snap-001', \
'description': 'Daily backup', 'force': True, 'metadata': {'key': 'v3'}}}
    """

    volume_id: str | None = attrs.field(
        default=None, metadata=wire.body("volume_id", required=True)
    )
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | None = attrs.field(default=None, metadata=wire.body("description"))
    force: bool | None = attrs.field(default=None, metadata=wire.body("force"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Take a snapshot of a volume: ``POST /snapshots`` (202).

    The answer shows the snapshot ``creating``; see :func:`wait_for_status`.

    Raises:
        MissingInputError: ``volume_id`` is missing.
        ValueError: ``force=False`` with a client at 3.66 or later, or malformed
            ``metadata``.
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> snap = snapshots.create(cinder, CreateOpts(volume_id=volume_id,
        ...                         name="snap-001")).extract()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "snapshot", client=client, of=CreateOpts)
    if opts.force is False and client.microversion_at_least("3.66"):
        raise ValueError(
            "CreateOpts.force=False is refused from microversion 3.66, which snapshots "
            f"in-use volumes without it (the client sends {client.microversion}): leave it None"
        )
    url = client.service_url("snapshots")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


def get(client: ServiceClient, snapshot_id: str) -> GetResult:
    """Show a snapshot: ``GET /snapshots/{snapshot_id}`` (200).

    Example:
        >>> snapshots.get(cinder, snapshot_id).extract().status  # doctest: +SKIP
        'available'
    """
    url = client.service_url("snapshots", check_id("snapshot_id", snapshot_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A snapshot's new name or description (:data:`oscloud.NULL` clears it).

    Example:
        >>> opts = UpdateOpts(name="snap-002", description="This is yet, another snapshot.")
        >>> wire.build_body(opts, "snapshot", client=None)
        {'snapshot': {'name': 'snap-002', 'description': 'This is yet, another snapshot.'}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description")
    )


def update(client: ServiceClient, snapshot_id: str, opts: UpdateOpts) -> UpdateResult:
    """Rename or describe a snapshot: ``PUT /snapshots/{snapshot_id}`` (200).

    Raises:
        MissingInputError: neither field is set (Cinder refuses an empty update).
        TypeError: ``opts`` is not an :class:`UpdateOpts`.

    Example:
        >>> snapshots.update(cinder, snapshot_id, UpdateOpts(name="snap-002")
        ...                  ).extract()  # doctest: +SKIP
    """
    url = client.service_url("snapshots", check_id("snapshot_id", snapshot_id))
    body = wire.build_body(opts, "snapshot", client=client, of=UpdateOpts)
    if not body["snapshot"]:
        raise MissingInputError("UpdateOpts needs name or description")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, snapshot_id: str) -> DeleteResult:
    """Delete a snapshot: ``DELETE /snapshots/{snapshot_id}`` (202).

    The snapshot must be ``available`` or ``error``; see :func:`wait_for_delete`.

    Example:
        >>> snapshots.delete(cinder, snapshot_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("snapshots", check_id("snapshot_id", snapshot_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


# -- look-ups and waits ----------------------------------------------------------------


def find(client: ServiceClient, name: str) -> Snapshot:
    """The one snapshot named exactly ``name``.

    Raises:
        ResourceNotFoundError: no snapshot has that name.
        MultipleResourcesFoundError: several snapshots have it.

    Example:
        >>> snap = snapshots.find(cinder, "snap-001")  # doctest: +SKIP
    """
    if not isinstance(name, str) or not name:
        raise MissingInputError(f"a snapshot name is required (got {name!r})")
    items = list(client, ListOpts(name=name)).items()
    return find_one(items, name, kind="snapshot", name_of=lambda s: s.name)


def wait_for_status(
    client: ServiceClient,
    snapshot_id: str,
    status: str,
    *,
    timeout: float = 600.0,
    interval: float = 2.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Snapshot:
    """Read the snapshot every ``interval`` seconds until its status is ``status``.

    Raises:
        ResourceErrorStateError: the snapshot went to ``error`` or ``error_deleting``.
        WaitTimeoutError: ``timeout`` seconds passed.
        NotFoundError: the snapshot does not exist.

    Example:
        >>> snap = snapshots.wait_for_status(cinder, snap.id, "available")  # doctest: +SKIP
    """
    check_id("snapshot_id", snapshot_id)
    wanted = status.lower()
    snapshot = wait_for_result(
        lambda: get(client, snapshot_id),
        lambda resource: resource.status,
        resource_id=f"snapshot {snapshot_id}",
        wanted=(wanted,),
        error_states=tuple(s for s in ERROR_STATES if s != wanted),
        gone_ok=False,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )
    return cast(Snapshot, snapshot)


def wait_for_delete(
    client: ServiceClient,
    snapshot_id: str,
    *,
    timeout: float = 600.0,
    interval: float = 2.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Read the snapshot every ``interval`` seconds until it answers 404.

    Raises:
        ResourceErrorStateError: the snapshot went to ``error_deleting``.
        WaitTimeoutError: ``timeout`` seconds passed.

    Example:
        >>> snapshots.wait_for_delete(cinder, snapshot_id)  # doctest: +SKIP
    """
    check_id("snapshot_id", snapshot_id)
    wait_for_result(
        lambda: get(client, snapshot_id),
        lambda resource: resource.status,
        resource_id=f"snapshot {snapshot_id}",
        wanted=(),
        error_states=("error_deleting",),
        gone_ok=True,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )


# -- metadata --------------------------------------------------------------------------


def list_metadata(client: ServiceClient, snapshot_id: str) -> MetadataResult:
    """A snapshot's metadata: ``GET /snapshots/{snapshot_id}/metadata`` (200).

    (``get_metadata``, its old name, still works and warns.)

    Example:
        >>> snapshots.list_metadata(cinder, snapshot_id).extract()  # doctest: +SKIP
        {'key': 'v3'}
    """
    return _metadata.get_all(
        client,
        _metadata.metadata_url(client, "snapshots", "snapshot_id", snapshot_id),
        MetadataResult,
    )


def set_metadata(
    client: ServiceClient, snapshot_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Replace all of a snapshot's metadata: ``PUT /snapshots/{snapshot_id}/metadata`` (200).

    Keys not in ``metadata`` are removed. Answers with the metadata now set.

    Example:
        >>> snapshots.set_metadata(cinder, snapshot_id, {"key": "v3"})  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "snapshots", "snapshot_id", snapshot_id)
    return _metadata.replace_all(client, url, metadata, MetadataResult)


def update_metadata(
    client: ServiceClient, snapshot_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Merge items into a snapshot's metadata: ``POST /snapshots/{snapshot_id}/metadata`` (200).

    Other keys are kept. Answers with the whole metadata.

    Example:
        >>> snapshots.update_metadata(cinder, snapshot_id, {"env": "prod"})  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "snapshots", "snapshot_id", snapshot_id)
    return _metadata.merge(client, url, metadata, MetadataResult)


def get_metadatum(client: ServiceClient, snapshot_id: str, key: str) -> MetadatumResult:
    """One metadata item: ``GET /snapshots/{snapshot_id}/metadata/{key}`` (200).

    Example:
        >>> snapshots.get_metadatum(cinder, snapshot_id, "key").extract()  # doctest: +SKIP
        {'key': 'v3'}
    """
    return _metadata.get_item(
        client,
        _metadata.metadata_url(client, "snapshots", "snapshot_id", snapshot_id, key),
        MetadatumResult,
    )


def set_metadatum(client: ServiceClient, snapshot_id: str, key: str, value: str) -> MetadatumResult:
    """Create or replace one item: ``PUT /snapshots/{snapshot_id}/metadata/{key}`` (200).

    Example:
        >>> snapshots.set_metadatum(cinder, snapshot_id, "key", "v3")  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "snapshots", "snapshot_id", snapshot_id, key)
    return _metadata.set_item(client, url, key, value, MetadatumResult)


def delete_metadatum(client: ServiceClient, snapshot_id: str, key: str) -> DeleteResult:
    """Delete one metadata item: ``DELETE /snapshots/{snapshot_id}/metadata/{key}`` (200).

    Example:
        >>> snapshots.delete_metadatum(cinder, snapshot_id, "key").extract_err()  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "snapshots", "snapshot_id", snapshot_id, key)
    return _metadata.delete_item(client, url, DeleteResult, ok_code=200)


# -- actions: POST /snapshots/{snapshot_id}/action -------------------------------------


def reset_status(client: ServiceClient, snapshot_id: str, status: str) -> ActionResult:
    """Overwrite a snapshot's status (administrators): ``os-reset_status`` (202).

    Raises:
        MissingInputError: ``status`` is empty.

    Example:
        >>> snapshots.reset_status(cinder, snapshot_id, "available").extract_err()  # doctest: +SKIP
    """
    if not isinstance(status, str) or not status:
        raise MissingInputError(f"a status is required (got {status!r})")
    url = client.service_url("snapshots", check_id("snapshot_id", snapshot_id), "action")
    body = {"os-reset_status": {"status": status}}
    return client.call(ActionResult, "POST", url, json=body, ok_codes=(202,))


def force_delete(client: ServiceClient, snapshot_id: str) -> ActionResult:
    """Delete a snapshot whatever its status (administrators): ``os-force_delete`` (202).

    Example:
        >>> snapshots.force_delete(cinder, snapshot_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("snapshots", check_id("snapshot_id", snapshot_id), "action")
    return client.call(ActionResult, "POST", url, json={"os-force_delete": {}}, ok_codes=(202,))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
        "get_metadata": (list_metadata, "list_metadata"),
    },
)
