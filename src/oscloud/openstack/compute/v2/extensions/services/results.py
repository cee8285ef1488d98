"""Models and results of compute services (``nova-compute``, ``nova-scheduler`` …)."""

from __future__ import annotations

import builtins
import datetime as _dt
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "DeleteResult",
    "Service",
    "ServicePage",
    "ServiceResult",
    "UpdateResult",
    "extract_services",
]


def _service_id(value: Any) -> str:
    """A UUID from 2.53; an integer before, kept here as text."""
    if isinstance(value, str):
        return value
    return str(read.integer(value))


@model
@attrs.frozen(kw_only=True)
class Service(Model):
    """A Nova service on a host.

    ``status`` is ``enabled`` or ``disabled`` (by an administrator, with a
    ``disabled_reason``); ``state`` is ``up`` or ``down`` (whether it reports).
    ``forced_down`` comes from 2.11; ``id`` is a UUID from 2.53 (a number, here as text,
    up to 2.52).

    Example:
        >>> service = Service.from_json({"id": "e81d66a4", "binary": "nova-compute",
        ...     "host": "host1", "zone": "nova", "status": "disabled", "state": "up",
        ...     "disabled_reason": "maintenance", "forced_down": False,
        ...     "updated_at": "2012-10-29T13:42:05.000000"})
        >>> service.binary, service.status, service.updated_at.year
        ('nova-compute', 'disabled', 2012)
    """

    id: str = field(read=_service_id)
    binary: str
    host: str
    zone: str | None = None
    status: str | None = None
    state: str | None = None
    disabled_reason: str | None = None
    forced_down: bool | None = field(read=read.boolean, default=None, min_version="2.11")
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)


class ServiceResult(Result[Service]):
    """A response whose ``service`` member is a :class:`Service` (the answer to an update).

    Example:
        >>> ServiceResult(body={"service": {"id": "e81d66a4", "binary": "nova-compute",
        ...     "host": "host1", "forced_down": True}}).extract().forced_down
        True
    """

    resource_key = "service"
    model = Service

    __slots__ = ()


UpdateResult = ServiceResult
DeleteResult = ErrResult


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
