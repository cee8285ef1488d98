"""Operations on block storage v3 snapshots: CRUD, metadata, actions, look-ups and waits."""

from __future__ import annotations

import builtins
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
    require_microversions,
    sort_param,
    wait_for,
)
from oscloud.openstack.blockstorage.v3.snapshots import urls
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
    "CreateOptsBuilder",
    "ListOpts",
    "ListOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "create",
    "delete",
    "delete_metadatum",
    "find",
    "force_delete",
    "get",
    "get_metadata",
    "get_metadatum",
    "list",
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

_LIST_VERSIONS = {"metadata": "3.22", "with_count": "3.45"}


class ListOptsBuilder(Protocol):
    """Anything that can build the query of ``GET /snapshots/detail``.

    Example:
        >>> builder: ListOptsBuilder = ListOpts(volume_id="v1")
        >>> builder.to_snapshot_list_query()
        [('volume_id', 'v1')]
    """

    def to_snapshot_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters of ``GET /snapshots/detail``."""
        ...


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a snapshot listing.

    ``sort`` is ``"key[:asc|desc]"`` or a list of them. Microversions: ``metadata``
    3.22 (sent as Cinder's ``{'k': 'v'}`` literal), ``with_count`` 3.45.

    Example:
        >>> ListOpts(all_tenants=True, volume_id="v1", status="available",
        ...          sort="created_at:desc", limit=5).to_snapshot_list_query()
        [('all_tenants', 'true'), ('volume_id', 'v1'), ('status', 'available'), \
('sort', 'created_at:desc'), ('limit', '5')]
    """

    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    project_id: str | None = attrs.field(default=None, metadata=wire.query("project_id"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    volume_id: str | None = attrs.field(default=None, metadata=wire.query("volume_id"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.query("metadata", encode=metadata_filter)
    )
    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(default=None, metadata=wire.query("limit"))
    offset: int | None = attrs.field(default=None, metadata=wire.query("offset"))
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    with_count: bool | None = attrs.field(default=None, metadata=wire.query("with_count"))

    def to_snapshot_list_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters, in field order."""
        return wire.build_query(self)


def list(client: ServiceClient, opts: ListOptsBuilder | None = None) -> Pager[Snapshot]:
    """List snapshots with their details: ``GET /snapshots/detail`` (200), page by page.

    Raises:
        MicroversionError: ``opts`` use a filter the client's microversion lacks.

    Example:
        >>> for snap in snapshots.list(cinder, ListOpts(volume_id=volume_id)).items():  # doctest: +SKIP
        ...     print(snap.id, snap.status, snap.progress)
    """  # noqa: E501
    url = urls.detail_url(client)
    if opts is not None:
        query = opts.to_snapshot_list_query()
        require_microversions(client, (k for k, _ in query), _LIST_VERSIONS, "a snapshot listing")
        url = wire.with_query(url, query)
    return Pager(client, url, SnapshotPage)


class CreateOptsBuilder(Protocol):
    """Anything that can build the body of ``POST /snapshots``.

    Example:
        >>> builder: CreateOptsBuilder = CreateOpts(volume_id="v1")
        >>> builder.to_snapshot_create_map()
        {'snapshot': {'volume_id': 'v1'}}
    """

    def to_snapshot_create_map(self) -> dict[str, Any]:
        """The body of ``POST /snapshots``."""
        ...


@attrs.frozen(kw_only=True)
class CreateOpts:
    """What a new snapshot is taken of, and its name.

    ``force`` snapshots an ``in-use`` volume; from microversion 3.66 that needs no
    ``force`` (Cinder ignores ``True`` and refuses ``False``).

    Example:
        >>> CreateOpts(volume_id="5aa119a8", name="snap-001", description="Daily backup",
        ...     force=True, metadata={"key": "v3"}).to_snapshot_create_map()
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

    def to_snapshot_create_map(self) -> dict[str, Any]:
        """The body of ``POST /snapshots``.

        Raises:
            MissingInputError: ``volume_id`` is missing.
        """
        return wire.build_body(self, "snapshot")


def create(client: ServiceClient, opts: CreateOptsBuilder) -> CreateResult:
    """Take a snapshot of a volume: ``POST /snapshots`` (202).

    The answer shows the snapshot ``creating``; see :func:`wait_for_status`.

    Example:
        >>> snap = snapshots.create(cinder, CreateOpts(volume_id=volume_id,
        ...                         name="snap-001")).extract()  # doctest: +SKIP
    """
    body = opts.to_snapshot_create_map()
    url = urls.snapshots_url(client)
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


def get(client: ServiceClient, snapshot_id: str) -> GetResult:
    """Show a snapshot: ``GET /snapshots/{snapshot_id}`` (200).

    Example:
        >>> snapshots.get(cinder, snapshot_id).extract().status  # doctest: +SKIP
        'available'
    """
    url = urls.snapshot_url(client, check_id("snapshot_id", snapshot_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of ``PUT /snapshots/{snapshot_id}``.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(name="snap-002")
        >>> builder.to_snapshot_update_map()
        {'snapshot': {'name': 'snap-002'}}
    """

    def to_snapshot_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /snapshots/{snapshot_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A snapshot's new name or description (:data:`oscloud.NULL` clears it).

    Example:
        >>> UpdateOpts(name="snap-002", description="This is yet, another snapshot."
        ...            ).to_snapshot_update_map()
        {'snapshot': {'name': 'snap-002', 'description': 'This is yet, another snapshot.'}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description")
    )

    def to_snapshot_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /snapshots/{snapshot_id}``.

        Raises:
            MissingInputError: neither field is set.
        """
        body = wire.build_body(self, "snapshot")
        if not body["snapshot"]:
            raise MissingInputError("UpdateOpts needs name or description")
        return body


def update(client: ServiceClient, snapshot_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Rename or describe a snapshot: ``PUT /snapshots/{snapshot_id}`` (200).

    Example:
        >>> snapshots.update(cinder, snapshot_id, UpdateOpts(name="snap-002")
        ...                  ).extract()  # doctest: +SKIP
    """
    url = urls.snapshot_url(client, check_id("snapshot_id", snapshot_id))
    body = opts.to_snapshot_update_map()
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, snapshot_id: str) -> DeleteResult:
    """Delete a snapshot: ``DELETE /snapshots/{snapshot_id}`` (202).

    The snapshot must be ``available`` or ``error``; see :func:`wait_for_delete`.

    Example:
        >>> snapshots.delete(cinder, snapshot_id).extract_err()  # doctest: +SKIP
    """
    url = urls.snapshot_url(client, check_id("snapshot_id", snapshot_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


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
    snapshot = wait_for(
        lambda: get(client, snapshot_id),
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
    wait_for(
        lambda: get(client, snapshot_id),
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


def get_metadata(client: ServiceClient, snapshot_id: str) -> MetadataResult:
    """A snapshot's metadata: ``GET /snapshots/{snapshot_id}/metadata`` (200).

    Example:
        >>> snapshots.get_metadata(cinder, snapshot_id).extract()  # doctest: +SKIP
        {'key': 'v3'}
    """
    url = urls.metadata_url(client, check_id("snapshot_id", snapshot_id))
    return _metadata.get_all(client, url, MetadataResult)


def set_metadata(
    client: ServiceClient, snapshot_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Replace all of a snapshot's metadata: ``PUT /snapshots/{snapshot_id}/metadata`` (200).

    Example:
        >>> snapshots.set_metadata(cinder, snapshot_id, {"key": "v3"})  # doctest: +SKIP
    """
    url = urls.metadata_url(client, check_id("snapshot_id", snapshot_id))
    return _metadata.replace_all(client, url, metadata, MetadataResult)


def update_metadata(
    client: ServiceClient, snapshot_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Merge items into a snapshot's metadata: ``POST /snapshots/{snapshot_id}/metadata`` (200).

    Example:
        >>> snapshots.update_metadata(cinder, snapshot_id, {"env": "prod"})  # doctest: +SKIP
    """
    url = urls.metadata_url(client, check_id("snapshot_id", snapshot_id))
    return _metadata.merge(client, url, metadata, MetadataResult)


def get_metadatum(client: ServiceClient, snapshot_id: str, key: str) -> MetadatumResult:
    """One metadata item: ``GET /snapshots/{snapshot_id}/metadata/{key}`` (200).

    Example:
        >>> snapshots.get_metadatum(cinder, snapshot_id, "key").extract()  # doctest: +SKIP
        {'key': 'v3'}
    """
    url = urls.metadatum_url(client, check_id("snapshot_id", snapshot_id), check_id("key", key))
    return _metadata.get_item(client, url, MetadatumResult)


def set_metadatum(client: ServiceClient, snapshot_id: str, key: str, value: str) -> MetadatumResult:
    """Create or replace one item: ``PUT /snapshots/{snapshot_id}/metadata/{key}`` (200).

    Example:
        >>> snapshots.set_metadatum(cinder, snapshot_id, "key", "v3")  # doctest: +SKIP
    """
    url = urls.metadatum_url(client, check_id("snapshot_id", snapshot_id), check_id("key", key))
    return _metadata.set_item(client, url, key, value, MetadatumResult)


def delete_metadatum(client: ServiceClient, snapshot_id: str, key: str) -> DeleteResult:
    """Delete one metadata item: ``DELETE /snapshots/{snapshot_id}/metadata/{key}`` (200).

    Example:
        >>> snapshots.delete_metadatum(cinder, snapshot_id, "key").extract_err()  # doctest: +SKIP
    """
    url = urls.metadatum_url(client, check_id("snapshot_id", snapshot_id), check_id("key", key))
    return _metadata.delete_item(client, url, DeleteResult, ok_code=200)


# -- actions ---------------------------------------------------------------------------


def reset_status(client: ServiceClient, snapshot_id: str, status: str) -> ActionResult:
    """Overwrite a snapshot's status (administrators): ``os-reset_status`` (202).

    Example:
        >>> snapshots.reset_status(cinder, snapshot_id, "available").extract_err()  # doctest: +SKIP
    """
    if not isinstance(status, str) or not status:
        raise MissingInputError(f"a status is required (got {status!r})")
    url = urls.action_url(client, check_id("snapshot_id", snapshot_id))
    body = {"os-reset_status": {"status": status}}
    return client.call(ActionResult, "POST", url, json=body, ok_codes=(202,))


def force_delete(client: ServiceClient, snapshot_id: str) -> ActionResult:
    """Delete a snapshot whatever its status (administrators): ``os-force_delete`` (202).

    Example:
        >>> snapshots.force_delete(cinder, snapshot_id).extract_err()  # doctest: +SKIP
    """
    url = urls.action_url(client, check_id("snapshot_id", snapshot_id))
    return client.call(ActionResult, "POST", url, json={"os-force_delete": {}}, ok_codes=(202,))
