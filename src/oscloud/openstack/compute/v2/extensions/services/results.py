"""Models and results of compute services (``nova-compute``, ``nova-scheduler`` …)."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "DeleteResult",
    "Service",
    "ServicePage",
    "UpdateResult",
    "extract_services",
]


@attrs.frozen(kw_only=True)
class Service:
    """A Nova service on a host.

    ``status`` is ``enabled`` or ``disabled`` (by an administrator, with a
    ``disabled_reason``); ``state`` is ``up`` or ``down`` (whether it reports).
    ``forced_down`` comes from 2.11; ``id`` is a UUID from 2.53 (a number, here as text,
    before).

    Example:
        >>> service = Service.from_json({"id": "e81d66a4", "binary": "nova-compute",
        ...     "host": "host1", "zone": "nova", "status": "disabled", "state": "up",
        ...     "disabled_reason": "maintenance", "forced_down": False,
        ...     "updated_at": "2012-10-29T13:42:05.000000"})
        >>> service.binary, service.status, service.updated_at.year
        ('nova-compute', 'disabled', 2012)
    """

    id: str
    binary: str
    host: str
    zone: str | None = None
    status: str | None = None
    state: str | None = None
    disabled_reason: str | None = None
    forced_down: bool | None = None
    updated_at: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Service:
        """Read one ``service`` object."""
        return cls(
            id=str(data["id"]),
            binary=data["binary"],
            host=data["host"],
            zone=data.get("zone"),
            status=data.get("status"),
            state=data.get("state"),
            disabled_reason=data.get("disabled_reason"),
            forced_down=data.get("forced_down"),
            updated_at=to_utc_or_none(data.get("updated_at")),
        )


class UpdateResult(Result[Service]):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.services.update`.

    Example:
        >>> UpdateResult(body={"service": {"id": "e81d66a4", "binary": "nova-compute",
        ...     "host": "host1", "forced_down": True}}).extract().forced_down
        True
    """

    resource_key = "service"
    model = Service

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.services.delete`.

    Example:
        >>> DeleteResult(status_code=204).extract_err() is None
        True
    """

    __slots__ = ()


class ServicePage(SinglePage[Service]):
    """The compute services (``services``), in one page.

    Example:
        >>> page = ServicePage(url="u", body={"services": [
        ...     {"id": 1, "binary": "nova-scheduler", "host": "host1"}]})
        >>> [s.id for s in extract_services(page)]
        ['1']
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
