"""Operations on the network interfaces of a server: list, show, attach, detach."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2.extensions.attachinterfaces.results import (
    CreateResult,
    DeleteResult,
    GetResult,
    Interface,
    InterfacePage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = ["CreateOpts", "create", "delete", "get", "list"]


def list(client: ServiceClient, server_id: str) -> Pager[Interface]:
    """A server's network interfaces: ``GET /servers/{server_id}/os-interface`` (200).

    One page; nothing is fetched until the pager is iterated.

    Example:
        >>> for nic in attachinterfaces.list(compute, server_id).items():  # doctest: +SKIP
        ...     print(nic.port_id, nic.mac_addr, [ip.ip_address for ip in nic.fixed_ips])
    """
    url = client.service_url("servers", check_id("server_id", server_id), "os-interface")
    return Pager(client, url, InterfacePage)


def get(client: ServiceClient, server_id: str, port_id: str) -> GetResult:
    """Show one interface: ``GET /servers/{server_id}/os-interface/{port_id}`` (200).

    Example:
        >>> attachinterfaces.get(compute, server_id, port_id).extract()  # doctest: +SKIP
    """
    url = client.service_url(
        "servers", check_id("server_id", server_id), "os-interface", check_id("port_id", port_id)
    )
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def _fixed_ips(value: Any) -> builtins.list[dict[str, str]]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ValueError(f"fixed_ips is a non-empty list of IP addresses, not {value!r}")
    for ip in value:
        if not isinstance(ip, str) or not ip:
            raise ValueError(f"each fixed IP is an address string, not {ip!r}")
    return [{"ip_address": ip} for ip in value]


@attrs.frozen(kw_only=True)
class CreateOpts:
    """What to attach: an existing ``port_id``, or a ``net_id`` to create a port on.

    ``fixed_ips`` (addresses) go with ``net_id`` only. ``tag`` needs microversion 2.49.
    With neither id Nova picks a network (it answers 400 when there are several).

    Example:
        >>> opts = CreateOpts(net_id="3cb9bc59-5699-4588-a4b1-b87f96708bc6",
        ...                   fixed_ips=["192.168.1.3"])
        >>> wire.build_body(opts, "interfaceAttachment", client=None)
        {'interfaceAttachment': {'net_id': '3cb9bc59-5699-4588-a4b1-b87f96708bc6', \
'fixed_ips': [{'ip_address': '192.168.1.3'}]}}
    """

    port_id: str | None = attrs.field(default=None, metadata=wire.body("port_id"))
    net_id: str | None = attrs.field(default=None, metadata=wire.body("net_id"))
    fixed_ips: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.body("fixed_ips", encode=_fixed_ips)
    )
    tag: str | None = attrs.field(default=None, metadata=wire.body("tag", min_version="2.49"))


def create(client: ServiceClient, server_id: str, opts: CreateOpts) -> CreateResult:
    """Attach a network interface: ``POST /servers/{server_id}/os-interface`` (200).

    Answers with the interface.

    Raises:
        ValueError: both ``port_id`` and ``net_id``, or malformed ``fixed_ips``.
        MissingInputError: ``fixed_ips`` without ``net_id``.
        MicroversionError: ``tag`` with a client older than 2.49 (before any request).

    Example:
        >>> nic = attachinterfaces.create(compute, server_id,  # doctest: +SKIP
        ...                               CreateOpts(net_id=network_id)).extract()
    """
    url = client.service_url("servers", check_id("server_id", server_id), "os-interface")
    body = wire.build_body(opts, "interfaceAttachment", client=client, of=CreateOpts)
    if opts.port_id is not None and opts.net_id is not None:
        raise ValueError("give CreateOpts.port_id or .net_id, not both")
    if opts.fixed_ips is not None and opts.net_id is None:
        raise MissingInputError("CreateOpts.fixed_ips needs a net_id")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, server_id: str, port_id: str) -> DeleteResult:
    """Detach an interface: ``DELETE /servers/{server_id}/os-interface/{port_id}`` (202).

    A port Nova created for the attachment is deleted too.

    Example:
        >>> attachinterfaces.delete(compute, server_id, port_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url(
        "servers", check_id("server_id", server_id), "os-interface", check_id("port_id", port_id)
    )
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


__getattr__ = aliases(__name__, {"CreateOptsBuilder": (CreateOpts, "CreateOpts")})
