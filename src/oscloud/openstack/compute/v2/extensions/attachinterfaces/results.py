"""Models and results of the network interfaces attached to a server."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "CreateResult",
    "DeleteResult",
    "FixedIP",
    "GetResult",
    "Interface",
    "InterfacePage",
    "InterfaceResult",
    "extract_interfaces",
]


@attrs.frozen(kw_only=True)
class FixedIP:
    """A fixed IP address of an interface, and its subnet.

    Example:
        >>> FixedIP.from_json({"ip_address": "192.168.1.3", "subnet_id": "f8a6e8f8"})
        FixedIP(ip_address='192.168.1.3', subnet_id='f8a6e8f8')
    """

    ip_address: str
    subnet_id: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FixedIP:
        """Read one entry of ``fixed_ips``."""
        return cls(ip_address=data["ip_address"], subnet_id=data.get("subnet_id"))


@attrs.frozen(kw_only=True)
class Interface:
    """A network interface (Neutron port) attached to a server.

    ``tag`` (the device tag) comes from microversion 2.70.

    Example:
        >>> nic = Interface.from_json({"port_id": "ce531f90", "net_id": "3cb9bc59",
        ...     "mac_addr": "fa:16:3e:4c:2c:30", "port_state": "ACTIVE", "tag": "public",
        ...     "fixed_ips": [{"ip_address": "192.168.1.3", "subnet_id": "f8a6e8f8"}]})
        >>> nic.port_id, nic.fixed_ips[0].ip_address, nic.tag
        ('ce531f90', '192.168.1.3', 'public')
    """

    port_id: str
    net_id: str | None = None
    mac_addr: str | None = None
    port_state: str | None = None
    fixed_ips: tuple[FixedIP, ...] = ()
    tag: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Interface:
        """Read one ``interfaceAttachment`` object."""
        return cls(
            port_id=data["port_id"],
            net_id=data.get("net_id"),
            mac_addr=data.get("mac_addr"),
            port_state=data.get("port_state"),
            fixed_ips=tuple(FixedIP.from_json(ip) for ip in data.get("fixed_ips") or ()),
            tag=data.get("tag"),
        )


class InterfaceResult(Result[Interface]):
    """A response whose ``interfaceAttachment`` member is an :class:`Interface`.

    Example:
        >>> InterfaceResult(body={"interfaceAttachment": {"port_id": "ce531f90"}}
        ...                 ).extract().port_id
        'ce531f90'
    """

    resource_key = "interfaceAttachment"
    model = Interface

    __slots__ = ()


class GetResult(InterfaceResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.attachinterfaces.get`.

    Example:
        >>> GetResult(body={"interfaceAttachment": {"port_id": "p1", "port_state": "ACTIVE"}}
        ...           ).extract().port_state
        'ACTIVE'
    """

    __slots__ = ()


class CreateResult(InterfaceResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.attachinterfaces.create`.

    Example:
        >>> CreateResult(body={"interfaceAttachment": {"port_id": "p1", "net_id": "n1"}}
        ...              ).extract().net_id
        'n1'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.attachinterfaces.delete`.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class InterfacePage(SinglePage[Interface]):
    """The interfaces of a server (``interfaceAttachments``), in one page.

    Example:
        >>> page = InterfacePage(url="u", body={"interfaceAttachments": [{"port_id": "p1"}]})
        >>> [i.port_id for i in extract_interfaces(page)]
        ['p1']
    """

    resource_key = "interfaceAttachments"
    model = Interface

    __slots__ = ()


def extract_interfaces(page: Page[Interface]) -> builtins.list[Interface]:
    """The interfaces of a page.

    Example:
        >>> extract_interfaces(InterfacePage(url="u", body={"interfaceAttachments": []}))
        []
    """
    return page.extract()
