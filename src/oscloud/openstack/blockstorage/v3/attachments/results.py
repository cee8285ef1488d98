"""Models and results of block storage v3 attachments (microversion 3.27)."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Callable
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
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


@model
@attrs.frozen(kw_only=True)
class Attachment(Model):
    """The attachment of a volume to a server (or another consumer).

    ``instance`` is the server's id. ``status`` goes ``reserved`` → ``attaching`` →
    ``attached`` (:func:`~oscloud.openstack.blockstorage.v3.attachments.complete`).
    ``connection_info`` (details only) is what the host needs to connect; it may hold
    credentials and never shows in ``repr``. A summary listing gives ``id``,
    ``volume_id``, ``instance`` and ``status`` only. The whole API comes with
    microversion 3.27.

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
    attached_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    detached_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    connection_info: dict[str, Any] | None = field(read=read.mapping, default=None, repr=False)


#: Reads a JSON array of attachments.
_attachments: Callable[[Any], tuple[Attachment, ...]] = read.tuple_of(Attachment)


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


GetResult = AttachmentResult
CreateResult = AttachmentResult
UpdateResult = AttachmentResult
ActionResult = ErrResult


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
        return self.extract_into(lambda items: builtins.list(_attachments(items)), "attachments")


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
