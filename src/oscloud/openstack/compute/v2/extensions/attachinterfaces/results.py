"""Models and results of the network interfaces attached to a server."""

from __future__ import annotations

import builtins

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
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


@model
@attrs.frozen(kw_only=True)
class FixedIP(Model):
    """A fixed IP address of an interface, and its subnet.

    Example:
        >>> FixedIP.from_json({"ip_address": "192.168.1.3", "subnet_id": "f8a6e8f8"})
        FixedIP(ip_address='192.168.1.3', subnet_id='f8a6e8f8')
    """

    ip_address: str
    subnet_id: str | None = None


@model
@attrs.frozen(kw_only=True)
class Interface(Model):
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
    fixed_ips: tuple[FixedIP, ...] = field(read=read.tuple_of(FixedIP), default=())
    tag: str | None = field(default=None, min_version="2.70")


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


GetResult = InterfaceResult
CreateResult = InterfaceResult
DeleteResult = ErrResult


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
