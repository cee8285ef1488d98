"""Models and results of hypervisors (compute nodes).

Microversions change the shape: 2.28 sends ``cpu_info`` as an object (a JSON string
before), 2.53 uses UUIDs for hypervisor and service ids (integers before), and 2.88 drops
the resource fields (``vcpus``, ``memory_mb``, ``local_gb``, their ``*_used``, ``free_*``,
``current_workload``, ``running_vms``, ``disk_available_least``, ``cpu_info``) and the
statistics, and adds ``uptime``. Missing fields are ``None``.
"""

from __future__ import annotations

import builtins
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.pagination import LinkedPage, Page
from oscloud.results import Result, parse_json

__all__ = [
    "GetResult",
    "Hypervisor",
    "HypervisorPage",
    "HypervisorResult",
    "HypervisorServer",
    "HypervisorService",
    "Statistics",
    "StatisticsResult",
    "extract_hypervisors",
]

#: The last microversion whose hypervisors carry their resources (2.88 removed them).
RESOURCES_MAX_MICROVERSION = "2.87"


def _id(value: Any) -> str:
    """A UUID from 2.53; an integer before, kept here as text."""
    if isinstance(value, str):
        return value
    return str(read.integer(value))


def _cpu_info(value: Any) -> dict[str, Any] | str:
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        try:
            parsed = parse_json(value)
        except ValueError:  # not JSON (or nested too deeply): the text as sent
            return value
        return parsed if isinstance(parsed, dict) else value
    raise ValueError(f"cpu_info is an object or a string, not {type(value).__name__}")


def _resource() -> Any:
    """A resource count of a hypervisor: an integer, sent up to 2.87."""
    return field(read=read.integer, default=None, max_version=RESOURCES_MAX_MICROVERSION)


def _total() -> Any:
    """A resource total of the statistics: an integer."""
    return field(read=read.integer, default=None)


@model
@attrs.frozen(kw_only=True)
class HypervisorService(Model):
    """The ``nova-compute`` service of a hypervisor (``id`` a UUID from 2.53).

    Example:
        >>> HypervisorService.from_json({"host": "host1", "id": 2})
        HypervisorService(host='host1', id='2', disabled_reason=None)
    """

    host: str
    id: str = field(read=_id)
    disabled_reason: str | None = None


@model
@attrs.frozen(kw_only=True)
class HypervisorServer(Model):
    """A server running on a hypervisor.

    Example:
        >>> HypervisorServer.from_json({"name": "test_server1", "uuid": "aaaaaaaa"})
        HypervisorServer(name='test_server1', uuid='aaaaaaaa')
    """

    name: str
    uuid: str


@model
@attrs.frozen(kw_only=True)
class Hypervisor(Model):
    """A hypervisor (compute node) and, up to 2.87, its resources.

    ``id`` is a UUID from 2.53 (a number, given here as text, before). ``servers`` is
    ``None`` unless the servers were asked for. ``memory_mb``, ``free_ram_mb`` are in
    MiB, ``local_gb``, ``free_disk_gb`` in GiB. ``cpu_info`` is an object from 2.28 (a
    JSON string before, read into a ``dict`` here when it holds one). The resource
    fields (``cpu_info`` to ``disk_available_least``) are gone from 2.88, which brings
    ``uptime``.

    Example:
        >>> node = Hypervisor.from_json({"id": "1bb62a04", "hypervisor_hostname": "fake-mini",
        ...     "state": "up", "status": "enabled", "vcpus": 2, "memory_mb": 8192})
        >>> node.hypervisor_hostname, node.vcpus, node.memory_mb, node.uptime
        ('fake-mini', 2, 8192, None)
    """

    id: str = field(read=_id)
    hypervisor_hostname: str | None = None
    state: str | None = None
    status: str | None = None
    hypervisor_type: str | None = None
    hypervisor_version: int | None = field(read=read.integer, default=None)
    host_ip: str | None = field(read=read.text, default=None)
    service: HypervisorService | None = field(read=read.model(HypervisorService), default=None)
    servers: tuple[HypervisorServer, ...] | None = field(
        read=read.tuple_of(HypervisorServer), default=None
    )
    uptime: str | None = field(default=None, min_version="2.88")
    cpu_info: dict[str, Any] | str | None = field(
        read=_cpu_info, default=None, max_version=RESOURCES_MAX_MICROVERSION
    )
    vcpus: int | None = _resource()
    vcpus_used: int | None = _resource()
    memory_mb: int | None = _resource()
    memory_mb_used: int | None = _resource()
    local_gb: int | None = _resource()
    local_gb_used: int | None = _resource()
    free_ram_mb: int | None = _resource()
    free_disk_gb: int | None = _resource()
    current_workload: int | None = _resource()
    running_vms: int | None = _resource()
    disk_available_least: int | None = _resource()


@model
@attrs.frozen(kw_only=True)
class Statistics(Model):
    """The resources of all hypervisors together (until microversion 2.87).

    Example:
        >>> Statistics.from_json({"count": 1, "vcpus": 2, "vcpus_used": 0}).vcpus
        2
    """

    count: int = field(read=read.integer)
    vcpus: int | None = _total()
    vcpus_used: int | None = _total()
    memory_mb: int | None = _total()
    memory_mb_used: int | None = _total()
    local_gb: int | None = _total()
    local_gb_used: int | None = _total()
    free_ram_mb: int | None = _total()
    free_disk_gb: int | None = _total()
    current_workload: int | None = _total()
    running_vms: int | None = _total()
    disk_available_least: int | None = _total()


class HypervisorResult(Result[Hypervisor]):
    """A response whose ``hypervisor`` member is a :class:`Hypervisor` (the answer to ``get``).

    Example:
        >>> HypervisorResult(body={"hypervisor": {"id": 1, "hypervisor_hostname": "fake-mini"}}
        ...                  ).extract().id
        '1'
    """

    resource_key = "hypervisor"
    model = Hypervisor

    __slots__ = ()


GetResult = HypervisorResult


class StatisticsResult(Result[Statistics]):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.hypervisors.get_statistics`.

    Example:
        >>> StatisticsResult(body={"hypervisor_statistics": {"count": 1, "running_vms": 3}}
        ...                  ).extract().running_vms
        3
    """

    resource_key = "hypervisor_statistics"
    model = Statistics

    __slots__ = ()


class HypervisorPage(LinkedPage[Hypervisor]):
    """One page of hypervisors; from 2.33 the next is linked from ``hypervisors_links``.

    Example:
        >>> page = HypervisorPage(url="u", body={"hypervisors": [{"id": "1bb62a04"}],
        ...     "hypervisors_links": [{"rel": "next", "href": "https://n/os-hypervisors?marker=1"}]})
        >>> [h.id for h in extract_hypervisors(page)], page.next_url()
        (['1bb62a04'], 'https://n/os-hypervisors?marker=1')
    """

    resource_key = "hypervisors"
    model = Hypervisor

    __slots__ = ()


def extract_hypervisors(page: Page[Hypervisor]) -> builtins.list[Hypervisor]:
    """The hypervisors of a page.

    Example:
        >>> extract_hypervisors(HypervisorPage(url="u", body={"hypervisors": []}))
        []
    """
    return page.extract()
