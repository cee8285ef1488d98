"""Models and results of block storage v3 snapshots."""

from __future__ import annotations

import builtins
import datetime as _dt
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._lazy import LazyFields
from oscloud._model import field, model
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

_ATTR = "os-extended-snapshot-attributes:"


@model(lazy=True)
@attrs.frozen(kw_only=True, slots=False)
class Snapshot(LazyFields):
    """A point-in-time copy of a volume.

    Renamed from the wire: ``os-extended-snapshot-attributes:progress`` is ``progress``
    (``"0%"`` … ``"100%"``), ``os-extended-snapshot-attributes:project_id`` is
    ``project_id`` (both come with the details). Microversions: ``group_snapshot_id``
    3.14, ``user_id`` 3.41, ``consumes_quota`` 3.65; a field the server did not send is
    ``None``.

    Snapshots are listed by the thousand: ``from_json`` reads ``id`` at once and every
    other field on first access. A field in a shape the API reference does not document
    raises :class:`~oscloud.errors.InvalidResponseError` when it is read.

    Example:
        >>> snap = Snapshot.from_json({"id": "4a584cae", "status": "available",
        ...     "size": 10, "volume_id": "b72c48f1", "created_at": "2019-03-12T04:42:00.809352",
        ...     "os-extended-snapshot-attributes:progress": "100%"})
        >>> snap.size, snap.progress, snap.created_at.tzinfo
        (10, '100%', datetime.timezone.utc)
    """

    id: str
    status: str
    size: int = field(read=read.integer)
    volume_id: str
    created_at: _dt.datetime = field(read=read.timestamp)
    name: str | None = None
    description: str | None = None
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    metadata: dict[str, str] = field(read=read.mapping, factory=dict)
    progress: str | None = field(_ATTR + "progress", default=None)
    project_id: str | None = field(_ATTR + "project_id", default=None)
    user_id: str | None = field(default=None, min_version="3.41")
    group_snapshot_id: str | None = field(default=None, min_version="3.14")
    consumes_quota: bool | None = field(read=read.boolean, default=None, min_version="3.65")


class SnapshotResult(Result[Snapshot]):
    """A response holding one snapshot (``{"snapshot": {...}}``): get, create and update.

    Example:
        >>> SnapshotResult(body={"snapshot": {"id": "s1", "status": "available", "size": 1,
        ...     "volume_id": "v1", "created_at": "2019-03-12T04:42:00"}}).extract().status
        'available'
    """

    resource_key = "snapshot"
    model = Snapshot

    __slots__ = ()


GetResult = SnapshotResult
CreateResult = SnapshotResult
UpdateResult = SnapshotResult
DeleteResult = ErrResult
ActionResult = ErrResult


class MetadataResult(Result[dict[str, str]]):
    """A snapshot's whole metadata (list, set and update answer with it).

    Example:
        >>> MetadataResult(body={"metadata": {"key": "v3"}}).extract()
        {'key': 'v3'}
    """

    resource_key = "metadata"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return read.mapping(data)


class MetadatumResult(Result[dict[str, str]]):
    """One metadata item as ``{key: value}``.

    Example:
        >>> MetadatumResult(body={"meta": {"key": "v3"}}).extract()
        {'key': 'v3'}
    """

    resource_key = "meta"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return read.mapping(data)


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
