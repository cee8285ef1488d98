"""Models, results and pages of object storage v1 containers."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.pagination import MarkerPage, Page
from oscloud.results import ErrResult, HeaderResult

__all__ = [
    "BulkDeleteResult",
    "Container",
    "ContainerHeader",
    "ContainerPage",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "UpdateResult",
    "extract_container_names",
    "extract_containers",
]

#: Container metadata that :class:`ContainerHeader` reads into its own fields.
_OWN_METADATA = ("temp-url-key", "temp-url-key-2", "quota-bytes", "quota-count")


@attrs.frozen(kw_only=True)
class Container:
    """A container as the account listing shows it.

    Example:
        >>> Container.from_json({"count": 1, "bytes": 14, "name": "marktwain",
        ...     "last_modified": "2014-01-15T16:41:49.390270"})
        Container(name='marktwain', object_count=1, bytes_used=14, last_modified=datetime.datetime(2014, 1, 15, 16, 41, 49, 390270, tzinfo=datetime.timezone.utc))
    """  # noqa: E501

    name: str
    object_count: int = 0
    bytes_used: int = 0
    last_modified: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Container:
        """Read one item of ``GET /v1/{account}?format=json``."""
        return cls(
            name=data["name"],
            object_count=int(data.get("count", 0)),
            bytes_used=int(data.get("bytes", 0)),
            last_modified=to_utc_or_none(data.get("last_modified")),
        )


@attrs.frozen(kw_only=True)
class ContainerHeader:
    """A container's usage, settings and metadata, from ``HEAD /v1/{account}/{container}``.

    The temporary URL keys and the sync key are secrets: never in ``repr``.

    Attributes:
        object_count: ``X-Container-Object-Count``.
        bytes_used: ``X-Container-Bytes-Used``.
        metadata: the ``X-Container-Meta-*`` items (case-insensitive names), the keys and
            quotas below left out.
        read_acl: ``X-Container-Read``.
        write_acl: ``X-Container-Write``.
        versions_location: ``X-Versions-Location`` (versions kept in that container,
            ``stack`` mode).
        history_location: ``X-History-Location`` (``history`` mode).
        versions_enabled: ``X-Versions-Enabled`` (object versioning, Swift 2.24+).
        storage_policy: ``X-Storage-Policy``.
        quota_bytes: ``X-Container-Meta-Quota-Bytes``.
        quota_count: ``X-Container-Meta-Quota-Count``.
        sync_to: ``X-Container-Sync-To``.
        sync_key: ``X-Container-Sync-Key``.
        temp_url_key: ``X-Container-Meta-Temp-URL-Key``.
        temp_url_key_2: ``X-Container-Meta-Temp-URL-Key-2``.
        created_at: ``X-Timestamp``.
        last_modified: ``Last-Modified``.

    Example:
        >>> header = ContainerHeader.from_headers({"X-Container-Object-Count": "2",
        ...     "X-Container-Bytes-Used": "26", "X-Container-Meta-Book": "TomSawyer",
        ...     "X-Container-Read": ".r:*,.rlistings", "X-Storage-Policy": "gold"})
        >>> header.object_count, header.read_acl, header.metadata["book"]
        (2, '.r:*,.rlistings', 'TomSawyer')
    """

    object_count: int
    bytes_used: int
    metadata: Mapping[str, str] = attrs.field(factory=dict)
    read_acl: str | None = None
    write_acl: str | None = None
    versions_location: str | None = None
    history_location: str | None = None
    versions_enabled: bool = False
    storage_policy: str | None = None
    quota_bytes: int | None = None
    quota_count: int | None = None
    sync_to: str | None = None
    sync_key: str | None = attrs.field(default=None, repr=False)
    temp_url_key: str | None = attrs.field(default=None, repr=False)
    temp_url_key_2: str | None = attrs.field(default=None, repr=False)
    created_at: _dt.datetime | None = None
    last_modified: _dt.datetime | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> ContainerHeader:
        """Read the container headers."""

        def text(name: str) -> str | None:
            value = headers.get(name)
            return _common.decode_header_value(value) if value else None

        return cls(
            object_count=_common.header_int(headers, "X-Container-Object-Count") or 0,
            bytes_used=_common.header_int(headers, "X-Container-Bytes-Used") or 0,
            metadata=_common.read_metadata(headers, "Container", _OWN_METADATA),
            read_acl=text("X-Container-Read"),
            write_acl=text("X-Container-Write"),
            versions_location=text("X-Versions-Location"),
            history_location=text("X-History-Location"),
            versions_enabled=_common.header_bool(headers, "X-Versions-Enabled"),
            storage_policy=text("X-Storage-Policy"),
            quota_bytes=_common.header_int(headers, "X-Container-Meta-Quota-Bytes"),
            quota_count=_common.header_int(headers, "X-Container-Meta-Quota-Count"),
            sync_to=text("X-Container-Sync-To"),
            sync_key=text("X-Container-Sync-Key"),
            temp_url_key=text("X-Container-Meta-Temp-URL-Key"),
            temp_url_key_2=text("X-Container-Meta-Temp-URL-Key-2"),
            created_at=_common.header_time(headers, "X-Timestamp"),
            last_modified=_common.header_time(headers, "Last-Modified"),
        )


class ContainerPage(MarkerPage[Container]):
    """One page of the account's container listing (``format=json``)."""

    model = Container

    __slots__ = ()


def extract_containers(page: Page[Container]) -> builtins.list[Container]:
    """The containers of a listing page.

    Example:
        >>> page = ContainerPage(url="https://s/v1/AUTH_a?format=json",
        ...     body=[{"count": 0, "bytes": 0, "name": "janeausten"}])
        >>> [c.name for c in extract_containers(page)]
        ['janeausten']
    """
    return page.extract()


def extract_container_names(page: Page[Container]) -> builtins.list[str]:
    """Only the names of the containers of a listing page.

    Example:
        >>> page = ContainerPage(url="https://s/v1/AUTH_a?format=json",
        ...     body=[{"count": 0, "bytes": 0, "name": "janeausten"},
        ...           {"count": 1, "bytes": 14, "name": "marktwain"}])
        >>> extract_container_names(page)
        ['janeausten', 'marktwain']
    """
    return [container.name for container in page.extract()]


class CreateResult(ErrResult):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.containers.create`.

    ``status_code`` is 201 when the container was created, 202 when it already existed
    (its metadata then updated).
    """

    __slots__ = ()


class GetResult(HeaderResult[ContainerHeader]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.containers.get`."""

    model = ContainerHeader

    __slots__ = ()


class UpdateResult(ErrResult):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.containers.update`."""

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.containers.delete`."""

    __slots__ = ()


class BulkDeleteResult(_common.BulkDeleteResultBase):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.containers.bulk_delete`.

    ``extract()`` gives the :class:`~oscloud.openstack.objectstorage.v1._common.BulkDeleteReport`,
    or raises :class:`~oscloud.openstack.objectstorage.v1._common.BulkDeleteError` (which
    holds the report) when some containers could not be deleted.
    """

    __slots__ = ()
