"""Models and results of block storage v3 snapshots."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc, to_utc_or_none
from oscloud.openstack.blockstorage.v3._common import to_bool_or_none, to_int
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result

__all__ = [
    "ActionResult",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "MetadataResult",
    "MetadatumResult",
    "Snapshot",
    "SnapshotPage",
    "SnapshotResult",
    "UpdateResult",
    "extract_snapshots",
]


def _str_dict(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in dict(value or {}).items()}


@attrs.frozen(kw_only=True)
class Snapshot:
    """A point-in-time copy of a volume.

    Renamed from the wire: ``os-extended-snapshot-attributes:progress`` is ``progress``
    (``"0%"`` … ``"100%"``), ``os-extended-snapshot-attributes:project_id`` is
    ``project_id`` (both come with the details). Microversions: ``group_snapshot_id``
    3.14, ``user_id`` 3.41, ``consumes_quota`` 3.65.

    Example:
        >>> snap = Snapshot.from_json({"id": "4a584cae", "status": "available",
        ...     "size": 10, "volume_id": "b72c48f1", "created_at": "2019-03-12T04:42:00.809352",
        ...     "os-extended-snapshot-attributes:progress": "100%"})
        >>> snap.size, snap.progress, snap.created_at.tzinfo
        (10, '100%', datetime.timezone.utc)
    """

    id: str
    status: str
    size: int
    volume_id: str
    created_at: _dt.datetime
    name: str | None = None
    description: str | None = None
    updated_at: _dt.datetime | None = None
    metadata: dict[str, str] = attrs.field(factory=dict)
    progress: str | None = None
    project_id: str | None = None
    user_id: str | None = None
    group_snapshot_id: str | None = None
    consumes_quota: bool | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Snapshot:
        """Read a snapshot object (the ``snapshot`` member, or an item of ``snapshots``).

        Example:
            >>> Snapshot.from_json({"id": "s1", "status": "creating", "size": "1",
            ...     "volume_id": "v1", "created_at": "2019-03-11T16:24:36.464445"}).size
            1
        """
        return cls(
            id=data["id"],
            status=data["status"],
            size=to_int(data["size"]),
            volume_id=data["volume_id"],
            created_at=to_utc(data["created_at"]),
            name=data.get("name"),
            description=data.get("description"),
            updated_at=to_utc_or_none(data.get("updated_at")),
            metadata=_str_dict(data.get("metadata")),
            progress=data.get("os-extended-snapshot-attributes:progress"),
            project_id=data.get("os-extended-snapshot-attributes:project_id"),
            user_id=data.get("user_id"),
            group_snapshot_id=data.get("group_snapshot_id"),
            consumes_quota=to_bool_or_none(data.get("consumes_quota")),
        )


class SnapshotResult(Result[Snapshot]):
    """A response holding one snapshot (``{"snapshot": {...}}``).

    Example:
        >>> SnapshotResult(body={"snapshot": {"id": "s1", "status": "available", "size": 1,
        ...     "volume_id": "v1", "created_at": "2019-03-12T04:42:00"}}).extract().status
        'available'
    """

    resource_key = "snapshot"
    model = Snapshot

    __slots__ = ()


class GetResult(SnapshotResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.snapshots.get`.

    Example:
        >>> GetResult(body={"snapshot": {"id": "s1", "status": "available", "size": 1,
        ...     "volume_id": "v1", "created_at": "2019-03-12T04:42:00"}}).extract().id
        's1'
    """

    __slots__ = ()


class CreateResult(SnapshotResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.snapshots.create`.

    Example:
        >>> CreateResult(body={"snapshot": {"id": "s1", "status": "creating", "size": 1,
        ...     "volume_id": "v1", "created_at": "2019-03-12T04:42:00"}}).extract().status
        'creating'
    """

    __slots__ = ()


class UpdateResult(SnapshotResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.snapshots.update`.

    Example:
        >>> UpdateResult(body={"snapshot": {"id": "s1", "status": "available", "size": 1,
        ...     "volume_id": "v1", "name": "snap-002",
        ...     "created_at": "2019-03-12T04:42:00"}}).extract().name
        'snap-002'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of a ``DELETE`` (a snapshot, a metadata item): nothing but errors.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class ActionResult(ErrResult):
    """The result of a snapshot action (``os-reset_status``, ``os-force_delete``).

    Example:
        >>> ActionResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class MetadataResult(Result[dict[str, str]]):
    """A snapshot's whole metadata (get, set and update answer with it).

    Example:
        >>> MetadataResult(body={"metadata": {"key": "v3"}}).extract()
        {'key': 'v3'}
    """

    resource_key = "metadata"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return _str_dict(data)


class MetadatumResult(Result[dict[str, str]]):
    """One metadata item as ``{key: value}``.

    Example:
        >>> MetadatumResult(body={"meta": {"key": "v3"}}).extract()
        {'key': 'v3'}
    """

    resource_key = "meta"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return _str_dict(data)


class SnapshotPage(LinkedPage[Snapshot]):
    """One page of snapshots; the next one is linked from ``snapshots_links``.

    Example:
        >>> page = SnapshotPage(url="u", body={"snapshots": [], "snapshots_links": [
        ...     {"rel": "next", "href": "https://c/v3/p/snapshots/detail?marker=s1"}]})
        >>> page.next_url()
        'https://c/v3/p/snapshots/detail?marker=s1'
    """

    resource_key = "snapshots"
    model = Snapshot

    __slots__ = ()


def extract_snapshots(page: Page[Snapshot]) -> builtins.list[Snapshot]:
    """The snapshots of a page.

    Example:
        >>> extract_snapshots(SnapshotPage(url="u", body={"snapshots": []}))
        []
    """
    return page.extract()
