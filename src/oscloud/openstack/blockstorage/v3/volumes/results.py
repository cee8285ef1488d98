"""Models and results of block storage v3 volumes.

The models read every shape Cinder returns from microversion 3.0 to
:data:`~oscloud.openstack.blockstorage.v3.MAX_MICROVERSION`: a field the server did not
send (because the microversion is older, or policy hides it) is ``None``.
"""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._lazy import LazyFields
from oscloud._model import Model, field, model
from oscloud.openstack._common import Link
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result, build_checked

__all__ = [
    "ActionResult",
    "ConnectionInfo",
    "ConnectionInfoResult",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "MetadataResult",
    "MetadatumResult",
    "SummaryResult",
    "UpdateResult",
    "UploadImageResult",
    "Volume",
    "VolumeAttachment",
    "VolumeImage",
    "VolumePage",
    "VolumeRef",
    "VolumeRefPage",
    "VolumeResult",
    "VolumesSummary",
    "extract_count",
    "extract_volume_refs",
    "extract_volumes",
]

_MIGSTAT = "os-vol-mig-status-attr:migstat"


def _migration_status(data: Mapping[str, Any]) -> str | None:
    """``migration_status``, or the administrators' ``os-vol-mig-status-attr:migstat``."""
    value = data.get("migration_status")
    return data.get(_MIGSTAT) if value is None else value


def _type_name(value: Any) -> str | None:
    """A volume type as its name: Cinder sends the whole type object, or its name."""
    if isinstance(value, Mapping):
        return value.get("name")
    return None if value is None else read.text(value)


def _values_by_key(value: Any) -> dict[str, tuple[str, ...]]:
    """The summary's metadata: each key with the distinct values the volumes have."""
    return {str(key): read.strings(values) for key, values in read.mapping(value).items()}


@model
@attrs.frozen(kw_only=True)
class VolumeAttachment(Model):
    """One attachment of a volume, as the volume's ``attachments`` list shows it.

    ``host_name`` is shown to administrators and services only. ``id`` is the volume's
    id (Cinder repeats it there); ``attachment_id`` identifies the attachment.

    Example:
        >>> a = VolumeAttachment.from_json({"id": "v1", "attachment_id": "a1",
        ...     "volume_id": "v1", "server_id": "s1", "host_name": None,
        ...     "device": "/dev/vdb", "attached_at": "2018-11-29T07:01:24.000000"})
        >>> a.server_id, a.device, a.attached_at.isoformat()
        ('s1', '/dev/vdb', '2018-11-29T07:01:24+00:00')
    """

    id: str | None = None
    attachment_id: str | None = None
    volume_id: str | None = None
    server_id: str | None = None
    host_name: str | None = None
    device: str | None = None
    attached_at: _dt.datetime | None = field(read=read.timestamp, default=None)


@model(lazy=True)
@attrs.frozen(kw_only=True, slots=False)
class Volume(LazyFields):
    """A block storage volume, as ``GET /volumes/{volume_id}`` shows it.

    Renamed from the wire: ``os-vol-tenant-attr:tenant_id`` is ``project_id``,
    ``os-vol-host-attr:host`` is ``host``, ``os-vol-mig-status-attr:name_id`` is
    ``name_id``; ``migration_status`` falls back on ``os-vol-mig-status-attr:migstat``.
    ``bootable`` arrives as the string ``"true"`` or ``"false"`` and is a ``bool`` here.
    Timestamps are aware UTC ``datetime`` values (Cinder sends naive UTC).

    Microversions: ``group_id`` 3.13, ``provider_id`` 3.21 (administrators),
    ``service_uuid`` and ``shared_targets`` 3.48 (``shared_targets`` may be ``None``
    from 3.69), ``cluster_name`` 3.61 (administrators), ``volume_type_id`` 3.63
    (``volume_type`` is then the type's name, or ``None``), ``encryption_key_id`` 3.64,
    ``consumes_quota`` 3.65. ``host``, ``name_id`` and ``migration_status`` are shown to
    administrators; ``volume_image_metadata`` to volumes made from an image.

    Volumes are listed by the thousand: ``from_json`` reads ``id`` at once and every
    other field on first access, then keeps it. A field in a shape the API reference
    does not document (or a missing ``status``, ``size`` or ``created_at``) raises
    :class:`~oscloud.errors.InvalidResponseError` when it is read.

    Example:
        >>> volume = Volume.from_json({"id": "f7223234", "status": "available",
        ...     "size": 10, "bootable": "true", "created_at": "2018-11-29T06:50:07.770785",
        ...     "os-vol-tenant-attr:tenant_id": "89afd400", "attachments": []})
        >>> volume.bootable, volume.project_id, volume.created_at.tzinfo
        (True, '89afd400', datetime.timezone.utc)
    """

    id: str
    status: str
    size: int = field(read=read.integer)
    created_at: _dt.datetime = field(read=read.timestamp)
    name: str | None = None
    description: str | None = None
    availability_zone: str | None = None
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    attachments: tuple[VolumeAttachment, ...] = field(
        read=read.tuple_of(VolumeAttachment), default=()
    )
    bootable: bool = field(read=read.boolean, default=False)
    encrypted: bool = field(read=read.boolean, default=False)
    multiattach: bool = field(read=read.boolean, default=False)
    volume_type: str | None = None
    volume_type_id: str | None = field(default=None, min_version="3.63")
    snapshot_id: str | None = None
    source_volid: str | None = None
    metadata: dict[str, str] = field(read=read.mapping, factory=dict)
    user_id: str | None = None
    project_id: str | None = field("os-vol-tenant-attr:tenant_id", default=None)
    host: str | None = field("os-vol-host-attr:host", default=None)
    migration_status: str | None = field(read=_migration_status, whole=True, default=None)
    name_id: str | None = field("os-vol-mig-status-attr:name_id", default=None)
    replication_status: str | None = None
    consistencygroup_id: str | None = None
    group_id: str | None = field(default=None, min_version="3.13")
    provider_id: str | None = field(default=None, min_version="3.21")
    service_uuid: str | None = field(default=None, min_version="3.48")
    shared_targets: bool | None = field(read=read.boolean, default=None, min_version="3.48")
    cluster_name: str | None = field(default=None, min_version="3.61")
    encryption_key_id: str | None = field(default=None, min_version="3.64")
    consumes_quota: bool | None = field(read=read.boolean, default=None, min_version="3.65")
    volume_image_metadata: dict[str, str] | None = field(read=read.mapping, default=None)
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


@model
@attrs.frozen(kw_only=True)
class VolumeRef(Model):
    """A volume as ``GET /volumes`` lists it: id, name and links only.

    Example:
        >>> VolumeRef.from_json({"id": "efa54464", "name": None, "links": []})
        VolumeRef(id='efa54464', name=None, links=())
    """

    id: str
    name: str | None = None
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


@model
@attrs.frozen(kw_only=True)
class VolumesSummary(Model):
    """The totals of ``GET /volumes/summary`` (microversion 3.12).

    ``metadata`` (3.36) maps each metadata key to the distinct values the volumes have.

    Example:
        >>> VolumesSummary.from_json({"total_size": 4, "total_count": 4,
        ...     "metadata": {"key1": ["value1", "value2"]}})
        VolumesSummary(total_count=4, total_size=4, metadata={'key1': ('value1', 'value2')})
    """

    total_count: int = field(read=read.integer)
    total_size: int = field(read=read.integer)
    metadata: dict[str, tuple[str, ...]] | None = field(
        read=_values_by_key, default=None, min_version="3.36"
    )


@model
@attrs.frozen(kw_only=True)
class VolumeImage(Model):
    """The image a volume is being uploaded to (``os-volume_upload_image``'s answer).

    ``id`` is the volume's id; ``image_id`` the new image's. ``visibility`` and
    ``protected`` are answered from microversion 3.1. ``volume_type`` is the volume type's
    name (Cinder sends the whole type object, or ``null``); ``description`` is the
    ``display_description`` member.

    Example:
        >>> image = VolumeImage.from_json({"id": "3a81fdac", "image_id": "de75b74e",
        ...     "image_name": "test", "status": "uploading", "size": 1,
        ...     "updated_at": "2017-06-05T08:44:28.000000", "volume_type": None})
        >>> image.image_id, image.size, image.updated_at.year
        ('de75b74e', 1, 2017)
        >>> VolumeImage.from_json({"id": "v", "image_id": "i",
        ...     "volume_type": {"name": "lvm", "id": "t1"}}).volume_type
        'lvm'
    """

    id: str
    image_id: str
    image_name: str | None = None
    status: str | None = None
    disk_format: str | None = None
    container_format: str | None = None
    visibility: str | None = field(default=None, min_version="3.1")
    protected: bool | None = field(read=read.boolean, default=None, min_version="3.1")
    size: int | None = field(read=read.optional_integer, default=None)
    volume_type: str | None = field(read=_type_name, default=None)
    description: str | None = field("display_description", default=None)
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)


@model
@attrs.frozen(kw_only=True)
class ConnectionInfo(Model):
    """How a host connects to a volume (``os-initialize_connection``'s answer).

    ``data`` holds the driver's connection properties; for iSCSI with CHAP it carries
    ``auth_password``, so it never shows in ``repr``.

    Example:
        >>> info = ConnectionInfo.from_json({"driver_volume_type": "iscsi",
        ...     "data": {"target_iqn": "iqn.2010-10.org.openstack:volume-1",
        ...              "auth_password": "s3cret"}})
        >>> info.driver_volume_type, "s3cret" in repr(info)
        ('iscsi', False)
    """

    driver_volume_type: str
    data: dict[str, Any] = field(read=read.mapping, factory=dict, repr=False)


# -- results ---------------------------------------------------------------------------


class VolumeResult(Result[Volume]):
    """A response holding one volume (``{"volume": {...}}``): get, create and update.

    Example:
        >>> VolumeResult(body={"volume": {"id": "v1", "status": "available", "size": 1,
        ...     "created_at": "2018-11-29T06:50:07"}}).extract().status
        'available'
    """

    resource_key = "volume"
    model = Volume

    __slots__ = ()


GetResult = VolumeResult
CreateResult = VolumeResult
UpdateResult = VolumeResult
DeleteResult = ErrResult
ActionResult = ErrResult


class MetadataResult(Result[dict[str, str]]):
    """A volume's whole metadata (list, set and update answer with it).

    Example:
        >>> MetadataResult(body={"metadata": {"name": "metadata1"}}).extract()
        {'name': 'metadata1'}
    """

    resource_key = "metadata"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return read.mapping(data)


class MetadatumResult(Result[dict[str, str]]):
    """One metadata item as ``{key: value}`` (get and set of one key answer with it).

    Example:
        >>> MetadatumResult(body={"meta": {"name": "metadata1"}}).extract()
        {'name': 'metadata1'}
    """

    resource_key = "meta"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return read.mapping(data)


class SummaryResult(Result[VolumesSummary]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumes.get_summary`.

    Example:
        >>> SummaryResult(body={"volume-summary": {"total_size": 4,
        ...     "total_count": 2}}).extract().total_count
        2
    """

    resource_key = "volume-summary"
    model = VolumesSummary

    __slots__ = ()


class UploadImageResult(Result[VolumeImage]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumes.upload_to_image`.

    Example:
        >>> UploadImageResult(body={"os-volume_upload_image": {"id": "v1",
        ...     "image_id": "de75b74e"}}).extract().image_id
        'de75b74e'
    """

    resource_key = "os-volume_upload_image"
    model = VolumeImage

    __slots__ = ()


class ConnectionInfoResult(Result[ConnectionInfo]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumes.initialize_connection`.

    Example:
        >>> ConnectionInfoResult(body={"connection_info": {"driver_volume_type": "iscsi",
        ...     "data": {}}}).extract().driver_volume_type
        'iscsi'
    """

    resource_key = "connection_info"
    model = ConnectionInfo

    __slots__ = ()


# -- pages -----------------------------------------------------------------------------


class VolumePage(LinkedPage[Volume]):
    """One page of volumes with details; the next one is linked from ``volumes_links``.

    Example:
        >>> page = VolumePage(url="u", body={"volumes": [{"id": "v1", "status": "available",
        ...     "size": 1, "created_at": "2018-11-28T06:25:15.288987"}], "volumes_links": [
        ...     {"rel": "next", "href": "https://c/v3/p/volumes/detail?marker=v1"}]})
        >>> [v.id for v in extract_volumes(page)], page.next_url()
        (['v1'], 'https://c/v3/p/volumes/detail?marker=v1')
    """

    resource_key = "volumes"
    model = Volume

    __slots__ = ()


class VolumeRefPage(LinkedPage[VolumeRef]):
    """One page of ``GET /volumes``: ids, names and links.

    Example:
        >>> extract_volume_refs(VolumeRefPage(url="u", body={"volumes": [
        ...     {"id": "v1", "name": "data", "links": []}]}))[0].name
        'data'
    """

    resource_key = "volumes"
    model = VolumeRef

    __slots__ = ()


def extract_volumes(page: Page[Volume]) -> builtins.list[Volume]:
    """The volumes of a page.

    Example:
        >>> extract_volumes(VolumePage(url="u", body={"volumes": []}))
        []
    """
    return page.extract()


def extract_volume_refs(page: Page[VolumeRef]) -> builtins.list[VolumeRef]:
    """The volume references of a summary page.

    Example:
        >>> extract_volume_refs(VolumeRefPage(url="u", body={"volumes": []}))
        []
    """
    return page.extract()


def extract_count(page: Page[Any]) -> int | None:
    """The total the listing counted (``with_count``, microversion 3.45), if the page has it.

    Cinder puts ``count`` (the number of resources matching the filters, all pages
    together) in each page's body when the listing asked for it.

    Example:
        >>> extract_count(VolumePage(url="u", body={"volumes": [], "count": 12}))
        12
        >>> extract_count(VolumePage(url="u", body={"volumes": []})) is None
        True
    """
    body = page.body
    if not isinstance(body, dict) or body.get("count") is None:
        return None
    return build_checked(read.integer, body["count"], f"extract_count: {type(page).__name__}")
