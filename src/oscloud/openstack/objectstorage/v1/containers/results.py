"""Models, results and pages of object storage v1 containers."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping

import attrs

from oscloud import _readers as read
from oscloud._lazy import LazyFields
from oscloud._model import Model, field, model
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.openstack.objectstorage.v1._common import (
    BulkDeleteError,
    BulkDeleteFailure,
    BulkDeleteReport,
    BulkDeleteResult,
)
from oscloud.pagination import MarkerPage, Page
from oscloud.results import ErrResult, HeaderResult, case_insensitive

__all__ = [
    "BulkDeleteError",
    "BulkDeleteFailure",
    "BulkDeleteReport",
    "BulkDeleteResult",
    "Container",
    "ContainerHeader",
    "ContainerHeaderResult",
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


@model
@attrs.frozen(kw_only=True)
class Container(Model):
    """A container as the account listing shows it.

    Example:
        >>> Container.from_json({"count": 1, "bytes": 14, "name": "marktwain",
        ...     "last_modified": "2014-01-15T16:41:49.390270"})
        Container(name='marktwain', object_count=1, bytes_used=14, last_modified=datetime.datetime(2014, 1, 15, 16, 41, 49, 390270, tzinfo=datetime.timezone.utc))
    """  # noqa: E501

    name: str
    object_count: int = field("count", read=read.integer, default=0)
    bytes_used: int = field("bytes", read=read.integer, default=0)
    last_modified: _dt.datetime | None = field(read=read.timestamp, default=None)


@model(lazy=True, key=None)
@attrs.frozen(kw_only=True, slots=False)
class ContainerHeader(LazyFields):
    """A container's usage, settings and metadata, from ``HEAD /v1/{account}/{container}``.

    Each field is declared with the header it comes from. The temporary URL keys and the
    sync key are secrets: never in ``repr``.
    Each field is read from its header when it is first used (see ``_common``): a header
    that is not what Swift documents raises
    :class:`~oscloud.errors.InvalidResponseError` when its field is read, and only then.

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

    object_count: int = field("X-Container-Object-Count", read=read.integer, default=0)
    bytes_used: int = field("X-Container-Bytes-Used", read=read.integer, default=0)
    metadata: Mapping[str, str] = field(
        whole=True, read=_common.metadata_reader("Container", _OWN_METADATA), factory=dict
    )
    read_acl: str | None = field("X-Container-Read", read=_common.header_text, default=None)
    write_acl: str | None = field("X-Container-Write", read=_common.header_text, default=None)
    versions_location: str | None = field(
        "X-Versions-Location", read=_common.header_text, default=None
    )
    history_location: str | None = field(
        "X-History-Location", read=_common.header_text, default=None
    )
    versions_enabled: bool = field("X-Versions-Enabled", read=_common.flag, default=False)
    storage_policy: str | None = field("X-Storage-Policy", read=_common.header_text, default=None)
    quota_bytes: int | None = field(
        "X-Container-Meta-Quota-Bytes", read=read.optional_integer, default=None
    )
    quota_count: int | None = field(
        "X-Container-Meta-Quota-Count", read=read.optional_integer, default=None
    )
    sync_to: str | None = field("X-Container-Sync-To", read=_common.header_text, default=None)
    sync_key: str | None = field(
        "X-Container-Sync-Key", read=_common.header_text, default=None, repr=False
    )
    temp_url_key: str | None = field(
        "X-Container-Meta-Temp-URL-Key", read=_common.header_text, default=None, repr=False
    )
    temp_url_key_2: str | None = field(
        "X-Container-Meta-Temp-URL-Key-2", read=_common.header_text, default=None, repr=False
    )
    created_at: _dt.datetime | None = field("X-Timestamp", read=read.timestamp, default=None)
    last_modified: _dt.datetime | None = field("Last-Modified", read=read.timestamp, default=None)

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> ContainerHeader:
        """Read the container headers, in any case.

        Example:
            >>> ContainerHeader.from_headers({"x-container-object-count": "4"}).object_count
            4
        """
        return cls.from_json(case_insensitive(headers))


class ContainerHeaderResult(HeaderResult[ContainerHeader]):
    """A response whose headers are a :class:`ContainerHeader`.

    Example:
        >>> ContainerHeaderResult(headers={"X-Container-Object-Count": "2"}
        ...                       ).extract().object_count
        2
    """

    model = ContainerHeader

    __slots__ = ()


GetResult = ContainerHeaderResult
CreateResult = ErrResult
UpdateResult = ErrResult
DeleteResult = ErrResult


class ContainerPage(MarkerPage[Container]):
    """One page of the account's container listing (``format=json``).

    Example:
        >>> page = ContainerPage(url="https://s/v1/AUTH_a?format=json&limit=1",
        ...     body=[{"count": 0, "bytes": 0, "name": "janeausten"}])
        >>> page.next_url()
        'https://s/v1/AUTH_a?format=json&limit=1&marker=janeausten'
    """

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
