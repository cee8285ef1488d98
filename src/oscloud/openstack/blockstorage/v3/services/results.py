"""Models and results of block storage v3 services (``os-services``)."""

from __future__ import annotations

import builtins
import datetime as _dt
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.pagination import Page, SinglePage
from oscloud.results import Result

__all__ = [
    "Service",
    "ServicePage",
    "ServiceStatus",
    "ServiceStatusResult",
    "UpdateResult",
    "extract_services",
]


@model
@attrs.frozen(kw_only=True)
class Service(Model):
    """A Cinder service (``cinder-volume``, ``cinder-scheduler``, ``cinder-backup``).

    ``status`` is ``enabled``/``disabled`` (set by an administrator), ``state``
    ``up``/``down`` (heartbeats). Volume services also carry ``frozen``,
    ``replication_status`` and ``active_backend_id``; ``cluster`` comes with 3.7,
    ``backend_state`` with 3.49. A field the server did not send is ``None``.

    Example:
        >>> s = Service.from_json({"binary": "cinder-volume", "host": "devstack@lvm",
        ...     "zone": "nova", "status": "enabled", "state": "up", "frozen": False,
        ...     "updated_at": "2017-06-29T05:50:39.000000"})
        >>> s.binary, s.state, s.updated_at.tzinfo
        ('cinder-volume', 'up', datetime.timezone.utc)
    """

    binary: str
    host: str
    status: str
    state: str
    zone: str | None = None
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    disabled_reason: str | None = None
    frozen: bool | None = field(read=read.boolean, default=None)
    cluster: str | None = field(default=None, min_version="3.7")
    replication_status: str | None = None
    active_backend_id: str | None = None
    backend_state: str | None = field(default=None, min_version="3.49")


def _binary(data: Any) -> str:
    """``binary``, or ``service`` (the older name Cinder still sends beside it)."""
    return read.text(data.get("binary") or data.get("service") or "")


@model
@attrs.frozen(kw_only=True)
class ServiceStatus(Model):
    """What enabling or disabling a service answers.

    ``binary`` is read from ``binary``, or ``service`` when there is none.

    Example:
        >>> ServiceStatus.from_json({"binary": "cinder-volume", "disabled": True,
        ...     "host": "host1", "service": "", "status": "disabled"})
        ServiceStatus(host='host1', binary='cinder-volume', status='disabled', \
disabled=True, disabled_reason=None)
        >>> ServiceStatus.from_json({"service": "cinder-volume", "disabled": False,
        ...     "host": "host1", "status": "enabled"}).binary
        'cinder-volume'
    """

    host: str
    binary: str = field(whole=True, read=_binary)
    status: str
    disabled: bool = field(read=read.boolean)
    disabled_reason: str | None = None


class ServiceStatusResult(Result[ServiceStatus]):
    """A response that is a :class:`ServiceStatus` (no root key): enable and disable.

    Example:
        >>> ServiceStatusResult(body={"binary": "cinder-volume", "disabled": False,
        ...     "host": "h", "status": "enabled"}).extract().status
        'enabled'
    """

    model = ServiceStatus

    __slots__ = ()


UpdateResult = ServiceStatusResult


class ServicePage(SinglePage[Service]):
    """The services of ``GET /os-services`` (one response).

    Example:
        >>> extract_services(ServicePage(url="u", body={"services": [{"binary": "b",
        ...     "host": "h", "status": "enabled", "state": "up"}]}))[0].state
        'up'
    """

    resource_key = "services"
    model = Service

    __slots__ = ()


def extract_services(page: Page[Service]) -> builtins.list[Service]:
    """The services of a page.

    Example:
        >>> extract_services(ServicePage(url="u", body={"services": []}))
        []
    """
    return page.extract()
