"""Models and results of volume attachments (``os-volume_attachments``)."""

from __future__ import annotations

import builtins
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "UpdateResult",
    "VolumeAttachment",
    "VolumeAttachmentPage",
    "VolumeAttachmentResult",
    "extract_volume_attachments",
]


@model
@attrs.frozen(kw_only=True)
class VolumeAttachment(Model):
    """A volume attached to a server.

    ``id`` is the volume id again (Nova leaves it out from microversion 2.89).
    ``tag`` comes from 2.70, ``delete_on_termination`` from 2.79, ``attachment_id`` (the
    Cinder attachment) and ``bdm_uuid`` (the block device mapping) from 2.89.

    Example:
        >>> VolumeAttachment.from_json({"device": "/dev/sdb", "serverId": "7ebed2ce",
        ...     "volumeId": "a07f71dc", "tag": "foo", "delete_on_termination": True,
        ...     "attachment_id": "721a5c82", "bdm_uuid": "c088db45"})
        VolumeAttachment(volume_id='a07f71dc', server_id='7ebed2ce', device='/dev/sdb', \
id=None, tag='foo', delete_on_termination=True, attachment_id='721a5c82', \
bdm_uuid='c088db45')
    """

    volume_id: str = field("volumeId")
    server_id: str | None = field("serverId", default=None)
    device: str | None = None
    id: str | None = field(default=None, max_version="2.88")
    tag: str | None = field(default=None, min_version="2.70")
    delete_on_termination: bool | None = field(read=read.boolean, default=None, min_version="2.79")
    attachment_id: str | None = field(default=None, min_version="2.89")
    bdm_uuid: str | None = field(default=None, min_version="2.89")


class VolumeAttachmentResult(Result[VolumeAttachment]):
    """A response whose ``volumeAttachment`` member is a :class:`VolumeAttachment`.

    Example:
        >>> VolumeAttachmentResult(body={"volumeAttachment": {"volumeId": "a07f71dc"}}
        ...                        ).extract().volume_id
        'a07f71dc'
    """

    resource_key = "volumeAttachment"
    model = VolumeAttachment

    __slots__ = ()


class CreateResult(Result[VolumeAttachment | None]):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.volumeattach.create`.

    Up to microversion 2.100 Nova answers 200 with the attachment; from 2.101 it
    answers 202 with no body, and ``extract()`` is ``None`` (read the attachment with
    :func:`~oscloud.openstack.compute.v2.extensions.volumeattach.get` once the volume is
    ``in-use``).

    Example:
        >>> CreateResult(status_code=200, body={"volumeAttachment": {"volumeId": "a07f"}}
        ...              ).extract().volume_id
        'a07f'
        >>> CreateResult(status_code=202, body=None).extract() is None
        True
    """

    resource_key = "volumeAttachment"
    model = VolumeAttachment

    __slots__ = ()

    def _resource_json(self) -> Any:
        if self.status_code == 202 and self.body is None:
            return None
        return super()._resource_json()

    def _build(self, data: Any) -> Any:
        return None if data is None else super()._build(data)


GetResult = VolumeAttachmentResult
UpdateResult = ErrResult
DeleteResult = ErrResult


class VolumeAttachmentPage(SinglePage[VolumeAttachment]):
    """The volume attachments of a server (``volumeAttachments``).

    Example:
        >>> page = VolumeAttachmentPage(url="u", body={"volumeAttachments": [
        ...     {"volumeId": "227cc671", "device": "/dev/sdc"}]})
        >>> [a.device for a in extract_volume_attachments(page)]
        ['/dev/sdc']
    """

    resource_key = "volumeAttachments"
    model = VolumeAttachment

    __slots__ = ()


def extract_volume_attachments(page: Page[VolumeAttachment]) -> builtins.list[VolumeAttachment]:
    """The volume attachments of a page.

    Example:
        >>> extract_volume_attachments(VolumeAttachmentPage(url="u",
        ...                                                 body={"volumeAttachments": []}))
        []
    """
    return page.extract()
