"""Models and results of block storage v3 attachments (microversion 3.27)."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result

__all__ = [
    "ActionResult",
    "Attachment",
    "AttachmentPage",
    "AttachmentResult",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "UpdateResult",
    "extract_attachments",
]


@attrs.frozen(kw_only=True)
class Attachment:
    """The attachment of a volume to a server (or another consumer).

    ``instance`` is the server's id. ``status`` goes ``reserved`` → ``attaching`` →
    ``attached`` (:func:`~oscloud.openstack.blockstorage.v3.attachments.complete`).
    ``connection_info`` (details only) is what the host needs to connect; it may hold
    credentials and never shows in ``repr``. A summary listing gives ``id``,
    ``volume_id``, ``instance`` and ``status`` only.

    Example:
        >>> a = Attachment.from_json({"id": "3b8b6631", "volume_id": "462dcc2d",
        ...     "instance": "31c79baf", "status": "attaching", "attach_mode": "ro",
        ...     "attached_at": "2015-09-16T09:28:52.000000", "connection_info": {"auth_password": "x"}})
        >>> a.attach_mode, a.attached_at.tzinfo, "auth_password" in repr(a)
        ('ro', datetime.timezone.utc, False)
    """  # noqa: E501

    id: str
    volume_id: str
    status: str
    instance: str | None = None
    attach_mode: str | None = None
    attached_at: _dt.datetime | None = None
    detached_at: _dt.datetime | None = None
    connection_info: dict[str, Any] | None = attrs.field(default=None, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Attachment:
        """Read an attachment object (``attachment``, or an item of ``attachments``).

        Example:
            >>> Attachment.from_json({"id": "a1", "volume_id": "v1", "status": "reserved"}
            ...                      ).connection_info is None
            True
        """
        info = data.get("connection_info")
        return cls(
            id=data["id"],
            volume_id=data["volume_id"],
            status=data["status"],
            instance=data.get("instance"),
            attach_mode=data.get("attach_mode"),
            attached_at=to_utc_or_none(data.get("attached_at")),
            detached_at=to_utc_or_none(data.get("detached_at")),
            connection_info=dict(info) if info is not None else None,
        )


class AttachmentResult(Result[Attachment]):
    """A response holding one attachment (``{"attachment": {...}}``).

    Example:
        >>> AttachmentResult(body={"attachment": {"id": "a1", "volume_id": "v1",
        ...     "status": "reserved"}}).extract().status
        'reserved'
    """

    resource_key = "attachment"
    model = Attachment

    __slots__ = ()


class GetResult(AttachmentResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.attachments.get`.

    Example:
        >>> GetResult(body={"attachment": {"id": "a1", "volume_id": "v1",
        ...     "status": "attached"}}).extract().id
        'a1'
    """

    __slots__ = ()


class CreateResult(AttachmentResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.attachments.create`.

    Example:
        >>> CreateResult(body={"attachment": {"id": "a1", "volume_id": "v1",
        ...     "status": "reserved"}}).extract().status
        'reserved'
    """

    __slots__ = ()


class UpdateResult(AttachmentResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.attachments.update`.

    Example:
        >>> UpdateResult(body={"attachment": {"id": "a1", "volume_id": "v1",
        ...     "status": "attaching", "connection_info": {}}}).extract().connection_info
        {}
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.attachments.delete`.

    Cinder answers with the attachments still sharing the connection of the one
    deleted; :meth:`extract_attachments` reads them.

    Example:
        >>> DeleteResult(status_code=200, body={"attachments": []}).extract_attachments()
        []
    """

    __slots__ = ()

    def extract_attachments(self) -> builtins.list[Attachment]:
        """The attachments still sharing the deleted one's connection.

        Example:
            >>> DeleteResult(body={"attachments": [{"id": "a2", "volume_id": "v1",
            ...     "status": "attached"}]}).extract_attachments()[0].id
            'a2'
        """
        if self.body is None:
            self._raise_err()
            return []
        return self.extract_into(
            lambda items: [Attachment.from_json(item) for item in items], "attachments"
        )


class ActionResult(ErrResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.attachments.complete`.

    Example:
        >>> ActionResult(status_code=204).extract_err() is None
        True
    """

    __slots__ = ()


class AttachmentPage(LinkedPage[Attachment]):
    """One page of attachments (linked from ``attachments_links`` when Cinder pages them).

    Example:
        >>> extract_attachments(AttachmentPage(url="u", body={"attachments": [
        ...     {"id": "a1", "volume_id": "v1", "status": "attached"}]}))[0].status
        'attached'
    """

    resource_key = "attachments"
    model = Attachment

    __slots__ = ()


def extract_attachments(page: Page[Attachment]) -> builtins.list[Attachment]:
    """The attachments of a page.

    Example:
        >>> extract_attachments(AttachmentPage(url="u", body={"attachments": []}))
        []
    """
    return page.extract()
