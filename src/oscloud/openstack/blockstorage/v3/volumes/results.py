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

from oscloud._time import to_utc, to_utc_or_none
from oscloud.openstack.blockstorage.v3._common import (
    Link,
    to_bool,
    to_bool_or_none,
    to_int,
    to_int_or_none,
)
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


def _str_dict_or_none(value: Any) -> dict[str, str] | None:
    return None if value is None else {str(k): str(v) for k, v in dict(value).items()}


@attrs.frozen(kw_only=True)
class VolumeAttachment:
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
    attached_at: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VolumeAttachment:
        """Read one entry of a volume's ``attachments``.

        Example:
            >>> VolumeAttachment.from_json({"attachment_id": "a1"}).attachment_id
            'a1'
        """
        return cls(
            id=data.get("id"),
            attachment_id=data.get("attachment_id"),
            volume_id=data.get("volume_id"),
            server_id=data.get("server_id"),
            host_name=data.get("host_name"),
            device=data.get("device"),
            attached_at=to_utc_or_none(data.get("attached_at")),
        )


@attrs.frozen(kw_only=True)
class Volume:
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

    Example:
        >>> volume = Volume.from_json({"id": "f7223234", "status": "available",
        ...     "size": 10, "bootable": "true", "created_at": "2018-11-29T06:50:07.770785",
        ...     "os-vol-tenant-attr:tenant_id": "89afd400", "attachments": []})
        >>> volume.bootable, volume.project_id, volume.created_at.tzinfo
        (True, '89afd400', datetime.timezone.utc)
    """

    id: str
    status: str
    size: int
    created_at: _dt.datetime
    name: str | None = None
    description: str | None = None
    availability_zone: str | None = None
    updated_at: _dt.datetime | None = None
    attachments: tuple[VolumeAttachment, ...] = ()
    bootable: bool = False
    encrypted: bool = False
    multiattach: bool = False
    volume_type: str | None = None
    volume_type_id: str | None = None
    snapshot_id: str | None = None
    source_volid: str | None = None
    metadata: dict[str, str] = attrs.field(factory=dict)
    user_id: str | None = None
    project_id: str | None = None
    host: str | None = None
    migration_status: str | None = None
    name_id: str | None = None
    replication_status: str | None = None
    consistencygroup_id: str | None = None
    group_id: str | None = None
    provider_id: str | None = None
    service_uuid: str | None = None
    shared_targets: bool | None = None
    cluster_name: str | None = None
    encryption_key_id: str | None = None
    consumes_quota: bool | None = None
    volume_image_metadata: dict[str, str] | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Volume:
        """Read a volume object (the ``volume`` member, or an item of ``volumes``).

        Example:
            >>> Volume.from_json({"id": "v1", "status": "creating", "size": "1",
            ...     "created_at": "2018-11-28T06:21:12.715987"}).size
            1
        """
        migration = data.get("migration_status", data.get("os-vol-mig-status-attr:migstat"))
        return cls(
            id=data["id"],
            status=data["status"],
            size=to_int(data["size"]),
            created_at=to_utc(data["created_at"]),
            name=data.get("name"),
            description=data.get("description"),
            availability_zone=data.get("availability_zone"),
            updated_at=to_utc_or_none(data.get("updated_at")),
            attachments=tuple(
                VolumeAttachment.from_json(item) for item in data.get("attachments") or ()
            ),
            bootable=to_bool(data.get("bootable", False)),
            encrypted=to_bool(data.get("encrypted", False)),
            multiattach=to_bool(data.get("multiattach") or False),
            volume_type=data.get("volume_type"),
            volume_type_id=data.get("volume_type_id"),
            snapshot_id=data.get("snapshot_id"),
            source_volid=data.get("source_volid"),
            metadata=_str_dict_or_none(data.get("metadata")) or {},
            user_id=data.get("user_id"),
            project_id=data.get("os-vol-tenant-attr:tenant_id"),
            host=data.get("os-vol-host-attr:host"),
            migration_status=migration,
            name_id=data.get("os-vol-mig-status-attr:name_id"),
            replication_status=data.get("replication_status"),
            consistencygroup_id=data.get("consistencygroup_id"),
            group_id=data.get("group_id"),
            provider_id=data.get("provider_id"),
            service_uuid=data.get("service_uuid"),
            shared_targets=to_bool_or_none(data.get("shared_targets")),
            cluster_name=data.get("cluster_name"),
            encryption_key_id=data.get("encryption_key_id"),
            consumes_quota=to_bool_or_none(data.get("consumes_quota")),
            volume_image_metadata=_str_dict_or_none(data.get("volume_image_metadata")),
            links=Link.tuple_from_json(data.get("links")),
        )


@attrs.frozen(kw_only=True)
class VolumeRef:
    """A volume as ``GET /volumes`` lists it: id, name and links only.

    Example:
        >>> VolumeRef.from_json({"id": "efa54464", "name": None, "links": []})
        VolumeRef(id='efa54464', name=None, links=())
    """

    id: str
    name: str | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VolumeRef:
        """Read one item of a summary listing.

        Example:
            >>> VolumeRef.from_json({"id": "v1", "name": "data"}).name
            'data'
        """
        return cls(
            id=data["id"], name=data.get("name"), links=Link.tuple_from_json(data.get("links"))
        )


@attrs.frozen(kw_only=True)
class VolumesSummary:
    """The totals of ``GET /volumes/summary`` (microversion 3.12).

    ``metadata`` (3.36) maps each metadata key to the distinct values the volumes have.

    Example:
        >>> VolumesSummary.from_json({"total_size": 4, "total_count": 4,
        ...     "metadata": {"key1": ["value1", "value2"]}})
        VolumesSummary(total_count=4, total_size=4, metadata={'key1': ('value1', 'value2')})
    """

    total_count: int
    total_size: int
    metadata: dict[str, tuple[str, ...]] | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VolumesSummary:
        """Read the ``volume-summary`` member.

        Example:
            >>> VolumesSummary.from_json({"total_size": 1, "total_count": 1}).metadata
        """
        metadata = data.get("metadata")
        return cls(
            total_count=to_int(data["total_count"]),
            total_size=to_int(data["total_size"]),
            metadata=(
                None
                if metadata is None
                else {str(k): tuple(str(v) for v in values) for k, values in metadata.items()}
            ),
        )


@attrs.frozen(kw_only=True)
class VolumeImage:
    """The image a volume is being uploaded to (``os-volume_upload_image``'s answer).

    ``id`` is the volume's id; ``image_id`` the new image's. ``visibility`` and
    ``protected`` are answered from microversion 3.1. ``volume_type`` is the volume type's
    name (Cinder sends the whole type object, or ``null``).

    Example:
        >>> image = VolumeImage.from_json({"id": "3a81fdac", "image_id": "de75b74e",
        ...     "image_name": "test", "status": "uploading", "size": 1,
        ...     "updated_at": "2017-06-05T08:44:28.000000", "volume_type": None})
        >>> image.image_id, image.size, image.updated_at.year
        ('de75b74e', 1, 2017)
    """

    id: str
    image_id: str
    image_name: str | None = None
    status: str | None = None
    disk_format: str | None = None
    container_format: str | None = None
    visibility: str | None = None
    protected: bool | None = None
    size: int | None = None
    volume_type: str | None = None
    description: str | None = None
    updated_at: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VolumeImage:
        """Read the ``os-volume_upload_image`` member.

        Example:
            >>> VolumeImage.from_json({"id": "v", "image_id": "i",
            ...     "volume_type": {"name": "lvm", "id": "t1"}}).volume_type
            'lvm'
        """
        volume_type = data.get("volume_type")
        if isinstance(volume_type, Mapping):
            volume_type = volume_type.get("name")
        return cls(
            id=data["id"],
            image_id=data["image_id"],
            image_name=data.get("image_name"),
            status=data.get("status"),
            disk_format=data.get("disk_format"),
            container_format=data.get("container_format"),
            visibility=data.get("visibility"),
            protected=to_bool_or_none(data.get("protected")),
            size=to_int_or_none(data.get("size")),
            volume_type=volume_type,
            description=data.get("display_description"),
            updated_at=to_utc_or_none(data.get("updated_at")),
        )


@attrs.frozen(kw_only=True)
class ConnectionInfo:
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
    data: dict[str, Any] = attrs.field(factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConnectionInfo:
        """Read the ``connection_info`` member.

        Example:
            >>> ConnectionInfo.from_json({"driver_volume_type": "rbd"}).data
            {}
        """
        return cls(driver_volume_type=data["driver_volume_type"], data=dict(data.get("data") or {}))


# -- results ---------------------------------------------------------------------------


class VolumeResult(Result[Volume]):
    """A response holding one volume (``{"volume": {...}}``).

    Example:
        >>> VolumeResult(body={"volume": {"id": "v1", "status": "available", "size": 1,
        ...     "created_at": "2018-11-29T06:50:07"}}).extract().status
        'available'
    """

    resource_key = "volume"
    model = Volume

    __slots__ = ()


class GetResult(VolumeResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumes.get`.

    Example:
        >>> GetResult(body={"volume": {"id": "v1", "status": "in-use", "size": 1,
        ...     "created_at": "2018-11-29T06:50:07"}}).extract().status
        'in-use'
    """

    __slots__ = ()


class CreateResult(VolumeResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumes.create`.

    Example:
        >>> CreateResult(body={"volume": {"id": "v1", "status": "creating", "size": 10,
        ...     "created_at": "2018-11-28T06:21:12.715987"}}).extract().size
        10
    """

    __slots__ = ()


class UpdateResult(VolumeResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumes.update`.

    Example:
        >>> UpdateResult(body={"volume": {"id": "v1", "status": "available", "size": 1,
        ...     "name": "vol-003", "created_at": "2018-11-29T06:59:23"}}).extract().name
        'vol-003'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of a ``DELETE`` (a volume, a metadata item): nothing but errors.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class ActionResult(ErrResult):
    """The result of a volume action that answers with no body (extend, reserve …).

    Example:
        >>> ActionResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class MetadataResult(Result[dict[str, str]]):
    """A volume's whole metadata (get, set and update answer with it).

    Example:
        >>> MetadataResult(body={"metadata": {"name": "metadata1"}}).extract()
        {'name': 'metadata1'}
    """

    resource_key = "metadata"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return _str_dict_or_none(data) or {}


class MetadatumResult(Result[dict[str, str]]):
    """One metadata item as ``{key: value}`` (get and set of one key answer with it).

    Example:
        >>> MetadatumResult(body={"meta": {"name": "metadata1"}}).extract()
        {'name': 'metadata1'}
    """

    resource_key = "meta"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return _str_dict_or_none(data) or {}


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
    return build_checked(to_int, body["count"], f"extract_count: {type(page).__name__}")
