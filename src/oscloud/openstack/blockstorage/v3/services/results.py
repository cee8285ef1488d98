"""Models and results of block storage v3 services (``os-services``)."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.openstack.blockstorage.v3._common import to_bool, to_bool_or_none
from oscloud.pagination import Page, SinglePage
from oscloud.results import Result

__all__ = [
    "Service",
    "ServicePage",
    "ServiceStatus",
    "UpdateResult",
    "extract_services",
]


@attrs.frozen(kw_only=True)
class Service:
    """A Cinder service (``cinder-volume``, ``cinder-scheduler``, ``cinder-backup``).

    ``status`` is ``enabled``/``disabled`` (set by an administrator), ``state``
    ``up``/``down`` (heartbeats). Volume services also carry ``frozen``,
    ``replication_status`` and ``active_backend_id``; ``cluster`` comes with 3.7,
    ``backend_state`` with 3.49.

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
    updated_at: _dt.datetime | None = None
    disabled_reason: str | None = None
    frozen: bool | None = None
    cluster: str | None = None
    replication_status: str | None = None
    active_backend_id: str | None = None
    backend_state: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Service:
        """Read one item of ``services``.

        Example:
            >>> Service.from_json({"binary": "cinder-backup", "host": "h", "status": "disabled",
            ...     "state": "down", "disabled_reason": "maintenance"}).disabled_reason
            'maintenance'
        """
        return cls(
            binary=data["binary"],
            host=data["host"],
            status=data["status"],
            state=data["state"],
            zone=data.get("zone"),
            updated_at=to_utc_or_none(data.get("updated_at")),
            disabled_reason=data.get("disabled_reason"),
            frozen=to_bool_or_none(data.get("frozen")),
            cluster=data.get("cluster"),
            replication_status=data.get("replication_status"),
            active_backend_id=data.get("active_backend_id"),
            backend_state=data.get("backend_state"),
        )


@attrs.frozen(kw_only=True)
class ServiceStatus:
    """What enabling or disabling a service answers.

    Example:
        >>> ServiceStatus.from_json({"binary": "cinder-volume", "disabled": True,
        ...     "host": "host1", "service": "", "status": "disabled"})
        ServiceStatus(host='host1', binary='cinder-volume', status='disabled', \
disabled=True, disabled_reason=None)
    """

    host: str
    binary: str
    status: str
    disabled: bool
    disabled_reason: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceStatus:
        """Read the body of ``PUT /os-services/{action}``.

        Example:
            >>> ServiceStatus.from_json({"binary": "b", "host": "h", "disabled": False,
            ...     "status": "enabled"}).disabled
            False
        """
        return cls(
            host=data["host"],
            binary=data.get("binary") or data.get("service") or "",
            status=data["status"],
            disabled=to_bool(data["disabled"]),
            disabled_reason=data.get("disabled_reason"),
        )


class UpdateResult(Result[ServiceStatus]):
    """The result of ``enable``, ``disable``.

    Example:
        >>> UpdateResult(body={"binary": "cinder-volume", "disabled": False, "host": "h",
        ...     "status": "enabled"}).extract().status
        'enabled'
    """

    model = ServiceStatus

    __slots__ = ()


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
