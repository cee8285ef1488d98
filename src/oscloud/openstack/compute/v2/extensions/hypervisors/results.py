"""Models and results of hypervisors (compute nodes).

Microversions change the shape: 2.28 sends ``cpu_info`` as an object (a JSON string
before), 2.53 uses UUIDs for hypervisor and service ids (integers before), and 2.88 drops
the resource fields (``vcpus``, ``memory_mb``, ``local_gb``, their ``*_used``, ``free_*``,
``current_workload``, ``running_vms``, ``disk_available_least``, ``cpu_info``) and the
statistics, and adds ``uptime``. Missing fields are ``None``.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.pagination import LinkedPage, Page
from oscloud.results import Result

__all__ = [
    "GetResult",
    "Hypervisor",
    "HypervisorPage",
    "HypervisorServer",
    "HypervisorService",
    "Statistics",
    "StatisticsResult",
    "extract_hypervisors",
]

_RESOURCES = (
    "vcpus",
    "vcpus_used",
    "memory_mb",
    "memory_mb_used",
    "local_gb",
    "local_gb_used",
    "free_ram_mb",
    "free_disk_gb",
    "current_workload",
    "running_vms",
    "disk_available_least",
)


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"expected an integer, not {value!r}")
    return int(value)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _cpu_info(value: Any) -> dict[str, Any] | str | None:
    if value is None or isinstance(value, dict):
        return value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        return parsed if isinstance(parsed, dict) else value
    raise ValueError(f"cpu_info is an object or a string, not {type(value).__name__}")


@attrs.frozen(kw_only=True)
class HypervisorService:
    """The ``nova-compute`` service of a hypervisor (``id`` a UUID from 2.53).

    Example:
        >>> HypervisorService.from_json({"host": "host1", "id": 2})
        HypervisorService(host='host1', id='2', disabled_reason=None)
    """

    host: str
    id: str
    disabled_reason: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HypervisorService:
        """Read a hypervisor's ``service``."""
        return cls(
            host=data["host"], id=str(data["id"]), disabled_reason=data.get("disabled_reason")
        )


@attrs.frozen(kw_only=True)
class HypervisorServer:
    """A server running on a hypervisor.

    Example:
        >>> HypervisorServer.from_json({"name": "test_server1", "uuid": "aaaaaaaa"})
        HypervisorServer(name='test_server1', uuid='aaaaaaaa')
    """

    name: str
    uuid: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HypervisorServer:
        """Read one entry of ``servers``."""
        return cls(name=data["name"], uuid=data["uuid"])


@attrs.frozen(kw_only=True)
class Hypervisor:
    """A hypervisor (compute node) and, up to 2.87, its resources.

    ``id`` is a UUID from 2.53 (a number, given here as text, before). ``servers`` is
    ``None`` unless the servers were asked for. ``memory_mb``, ``free_ram_mb`` are in
    MiB, ``local_gb``, ``free_disk_gb`` in GiB.

    Example:
        >>> node = Hypervisor.from_json({"id": "1bb62a04", "hypervisor_hostname": "fake-mini",
        ...     "state": "up", "status": "enabled", "vcpus": 2, "memory_mb": 8192})
        >>> node.hypervisor_hostname, node.vcpus, node.memory_mb, node.uptime
        ('fake-mini', 2, 8192, None)
    """

    id: str
    hypervisor_hostname: str | None = None
    state: str | None = None
    status: str | None = None
    hypervisor_type: str | None = None
    hypervisor_version: int | None = None
    host_ip: str | None = None
    service: HypervisorService | None = None
    servers: tuple[HypervisorServer, ...] | None = None
    uptime: str | None = None
    cpu_info: dict[str, Any] | str | None = None
    vcpus: int | None = None
    vcpus_used: int | None = None
    memory_mb: int | None = None
    memory_mb_used: int | None = None
    local_gb: int | None = None
    local_gb_used: int | None = None
    free_ram_mb: int | None = None
    free_disk_gb: int | None = None
    current_workload: int | None = None
    running_vms: int | None = None
    disk_available_least: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Hypervisor:
        """Read one ``hypervisor`` object (any microversion's shape)."""
        service = data.get("service")
        servers = data.get("servers")
        return cls(
            id=str(data["id"]),
            hypervisor_hostname=data.get("hypervisor_hostname"),
            state=data.get("state"),
            status=data.get("status"),
            hypervisor_type=data.get("hypervisor_type"),
            hypervisor_version=_int_or_none(data.get("hypervisor_version")),
            host_ip=_str_or_none(data.get("host_ip")),
            service=HypervisorService.from_json(service) if service else None,
            servers=(
                tuple(HypervisorServer.from_json(s) for s in servers)
                if servers is not None
                else None
            ),
            uptime=data.get("uptime"),
            cpu_info=_cpu_info(data.get("cpu_info")),
            **{name: _int_or_none(data.get(name)) for name in _RESOURCES},
        )


@attrs.frozen(kw_only=True)
class Statistics:
    """The resources of all hypervisors together (until microversion 2.87).

    Example:
        >>> Statistics.from_json({"count": 1, "vcpus": 2, "vcpus_used": 0}).vcpus
        2
    """

    count: int
    vcpus: int | None = None
    vcpus_used: int | None = None
    memory_mb: int | None = None
    memory_mb_used: int | None = None
    local_gb: int | None = None
    local_gb_used: int | None = None
    free_ram_mb: int | None = None
    free_disk_gb: int | None = None
    current_workload: int | None = None
    running_vms: int | None = None
    disk_available_least: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Statistics:
        """Read the ``hypervisor_statistics`` object."""
        return cls(
            count=int(data["count"]),
            **{name: _int_or_none(data.get(name)) for name in _RESOURCES},
        )


class GetResult(Result[Hypervisor]):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.hypervisors.get`.

    Example:
        >>> GetResult(body={"hypervisor": {"id": 1, "hypervisor_hostname": "fake-mini"}}
        ...           ).extract().id
        '1'
    """

    resource_key = "hypervisor"
    model = Hypervisor

    __slots__ = ()


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
