"""Models and results of compute v2 servers.

The models read every shape Nova returns from microversion 2.1 to
:data:`~oscloud.openstack.compute.v2.MAX_MICROVERSION`: a field the server did not send
(because the microversion is older, or policy hides it) is ``None`` or empty. Each
field is declared once, with its JSON key, its reader and the microversion that brings
it (see :mod:`oscloud._model`).
"""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs

from oscloud import _readers as read
from oscloud._lazy import LazyFields
from oscloud._model import Model, field, model
from oscloud.errors import InvalidResponseError
from oscloud.openstack.compute.v2._common import Link
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result

__all__ = [
    "ActionResult",
    "AddTagResult",
    "Address",
    "AddressesResult",
    "AttachedVolume",
    "CheckTagResult",
    "ConsoleOutputResult",
    "CreateImageResult",
    "CreateResult",
    "CreatedServer",
    "DeleteResult",
    "Fault",
    "GetResult",
    "InstanceAction",
    "InstanceActionEvent",
    "InstanceActionPage",
    "InstanceActionResult",
    "MetadataResult",
    "MetadatumResult",
    "NetworkAddressesResult",
    "RebuildResult",
    "RemoteConsole",
    "RemoteConsoleResult",
    "RescueResult",
    "Server",
    "ServerFlavor",
    "ServerImage",
    "ServerPage",
    "ServerResult",
    "TagsResult",
    "UpdateResult",
    "extract_instance_actions",
    "extract_servers",
]

_links = read.tuple_of(Link)


def _text_or_none(value: Any) -> str | None:
    """A string where Nova sends ``""`` for "none" (``accessIPv4``, ``host_status`` …)."""
    return read.text(value) or None


def _group_names(groups: Any) -> tuple[str, ...]:
    """The names of a ``security_groups`` list (``[{"name": "default"}]``)."""
    if not isinstance(groups, list):
        raise TypeError(f"not a JSON array: {type(groups).__name__}")
    return tuple(read.text(group["name"]) for group in groups)


def _config_drive(value: Any) -> bool:
    """Nova's ``config_drive``: ``"True"`` (or ``True``) when the server has one, else ``""``."""
    return str(value).lower() in ("true", "1")


# -- parts of a server ---------------------------------------------------------------


@model
@attrs.frozen(kw_only=True)
class Address(Model):
    """One IP address of a server on one network.

    ``type`` (``fixed`` or ``floating``) and ``mac_addr`` come with the server's details,
    not with ``GET /servers/{server_id}/ips``.

    Example:
        >>> Address.from_json({"addr": "192.168.1.30", "version": 4,
        ...     "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": "00:0c:29:0d:11:74"})
        Address(addr='192.168.1.30', version=4, type='fixed', mac_addr='00:0c:29:0d:11:74')
    """

    addr: str
    version: int = field(read=read.integer)
    type: str | None = field("OS-EXT-IPS:type", default=None)
    mac_addr: str | None = field("OS-EXT-IPS-MAC:mac_addr", default=None)

    @classmethod
    def map_from_json(cls, data: Mapping[str, Any] | None) -> dict[str, tuple[Address, ...]]:
        """Read an ``addresses`` object: network label to its addresses.

        Example:
            >>> Address.map_from_json({"private": [{"addr": "10.0.0.3", "version": 4}]})
            {'private': (Address(addr='10.0.0.3', version=4, type=None, mac_addr=None),)}
        """
        return _addresses(data) if data is not None else {}


_address_tuple = read.tuple_of(Address)


def _addresses(value: Any) -> dict[str, tuple[Address, ...]]:
    """An ``addresses`` object: a map keyed by network label, so read here, not declared."""
    if not isinstance(value, Mapping):
        raise TypeError(f"not a JSON object: {type(value).__name__}")
    return {label: _address_tuple(items) for label, items in value.items()}


@model
@attrs.frozen(kw_only=True)
class ServerImage(Model):
    """The image a server was booted from.

    ``properties`` (the image's properties) come from microversion 2.98. A server booted
    from a volume has no image: Nova sends ``""``, which :class:`Server` reads as ``None``.

    Example:
        >>> ServerImage.from_json({"id": "70a599e0", "links": []})
        ServerImage(id='70a599e0', links=(), properties=None)
    """

    id: str
    links: tuple[Link, ...] = field(read=_links, default=())
    properties: dict[str, Any] | None = field(read=read.mapping, default=None, min_version="2.98")


_server_image = read.model(ServerImage)


def _image(value: Any) -> ServerImage | None:
    """A server's ``image``: ``""`` (booted from a volume) is ``None``."""
    return _server_image(value) if value != "" else None


@model
@attrs.frozen(kw_only=True)
class ServerFlavor(Model):
    """The flavor of a server.

    Before microversion 2.47 Nova sends a reference (``id`` and ``links``); from 2.47 it
    embeds the flavor as it was at boot: ``original_name``, ``vcpus``, ``ram`` (MiB),
    ``disk``, ``ephemeral``, ``swap`` (GiB, GiB, MiB) and ``extra_specs`` (left out when
    policy hides them); ``id`` is then ``None``.

    Example:
        >>> flavor = ServerFlavor.from_json({"original_name": "m1.tiny", "vcpus": 1,
        ...     "ram": 512, "disk": 1, "ephemeral": 0, "swap": 0, "extra_specs": {}})
        >>> flavor.original_name, flavor.ram, flavor.id
        ('m1.tiny', 512, None)
    """

    id: str | None = field(default=None, max_version="2.46")
    links: tuple[Link, ...] = field(read=_links, default=(), max_version="2.46")
    original_name: str | None = field(default=None, min_version="2.47")
    vcpus: int | None = field(read=read.optional_integer, default=None, min_version="2.47")
    ram: int | None = field(read=read.optional_integer, default=None, min_version="2.47")
    disk: int | None = field(read=read.optional_integer, default=None, min_version="2.47")
    ephemeral: int | None = field(read=read.optional_integer, default=None, min_version="2.47")
    swap: int | None = field(read=read.optional_integer, default=None, min_version="2.47")
    extra_specs: dict[str, str] | None = field(read=read.mapping, default=None, min_version="2.47")


@model
@attrs.frozen(kw_only=True)
class Fault(Model):
    """Why a server is in ``ERROR``: Nova's fault record.

    ``details`` (a traceback) is shown to administrators only, or for faults other
    than 500.

    Example:
        >>> fault = Fault.from_json({"code": 500, "created": "2023-04-05T06:07:08Z",
        ...     "message": "No valid host was found."})
        >>> fault.code, fault.message, fault.created.tzinfo
        (500, 'No valid host was found.', datetime.timezone.utc)
    """

    code: int = field(read=read.integer)
    message: str = ""
    created: _dt.datetime | None = field(read=read.timestamp, default=None)
    details: str | None = None


@model
@attrs.frozen(kw_only=True)
class AttachedVolume(Model):
    """A volume attached to a server (``os-extended-volumes:volumes_attached``).

    ``delete_on_termination`` comes from microversion 2.3.

    Example:
        >>> AttachedVolume.from_json({"id": "volume_id1", "delete_on_termination": False})
        AttachedVolume(id='volume_id1', delete_on_termination=False)
    """

    id: str
    delete_on_termination: bool | None = field(read=read.boolean, default=None, min_version="2.3")


# -- servers -------------------------------------------------------------------------

_ATTR = "OS-EXT-SRV-ATTR:"


@model(lazy=True)
@attrs.frozen(kw_only=True, slots=False)
class Server(LazyFields):
    """A server, as ``GET /servers/{server_id}`` and ``GET /servers/detail`` show it.

    ``GET /servers`` (the summary listing) gives only ``id``, ``name`` and ``links``; a
    server in a cell that is down (2.69) only some fields. Fields by microversion:

    - 2.3: ``hostname``, ``reservation_id``, ``launch_index``, ``kernel_id``,
      ``ramdisk_id``, ``root_device_name``, ``user_data`` (administrators; ``hostname``
      for everyone from 2.90), ``delete_on_termination`` of ``volumes_attached``.
    - 2.9: ``locked``. 2.16: ``host_status``. 2.19: ``description``. 2.26: ``tags``.
    - 2.47: ``flavor`` embedded instead of referenced (see :class:`ServerFlavor`).
    - 2.63: ``trusted_image_certificates``. 2.71: ``server_groups``.
    - 2.73: ``locked_reason``. 2.96: ``pinned_availability_zone``.
    - 2.98: ``image.properties``. 2.100: ``scheduler_hints``.

    ``from_json`` reads ``id`` at once and every other field from the JSON object the
    first time it is used, then keeps it: a listing costs little more than its JSON. A
    field in a shape the API reference does not document raises
    :class:`~oscloud.errors.InvalidResponseError` when it is read.

    ``host``, ``hypervisor_hostname`` and ``instance_name`` (``OS-EXT-SRV-ATTR:*``) are
    shown to administrators. ``admin_pass`` is only in the response of a rebuild; it
    never shows in ``repr``. ``OS-DCF:diskConfig`` is read by the
    :mod:`~oscloud.openstack.compute.v2.extensions.diskconfig` extension.

    Example:
        >>> server = Server.from_json({"id": "9168b536", "name": "web", "status": "ACTIVE",
        ...     "created": "2017-02-14T19:23:58Z", "image": "", "progress": 0})
        >>> server.created.isoformat(), server.image, server.progress
        ('2017-02-14T19:23:58+00:00', None, 0)
    """

    id: str
    name: str = ""
    status: str = ""
    tenant_id: str | None = None
    user_id: str | None = None
    created: _dt.datetime | None = field(read=read.timestamp, default=None)
    updated: _dt.datetime | None = field(read=read.timestamp, default=None)
    host_id: str | None = field("hostId", default=None)
    addresses: dict[str, tuple[Address, ...]] = field(read=_addresses, factory=dict)
    links: tuple[Link, ...] = field(read=_links, default=())
    image: ServerImage | None = field(read=_image, default=None)
    flavor: ServerFlavor | None = field(read=read.model(ServerFlavor), default=None)
    metadata: dict[str, str] = field(read=read.mapping, factory=dict)
    key_name: str | None = None
    availability_zone: str | None = field("OS-EXT-AZ:availability_zone", default=None)
    config_drive: bool = field(read=_config_drive, default=False)
    access_ipv4: str | None = field("accessIPv4", read=_text_or_none, default=None)
    access_ipv6: str | None = field("accessIPv6", read=_text_or_none, default=None)
    progress: int | None = field(read=read.optional_integer, default=None)
    power_state: int | None = field(
        "OS-EXT-STS:power_state", read=read.optional_integer, default=None
    )
    task_state: str | None = field("OS-EXT-STS:task_state", default=None)
    vm_state: str | None = field("OS-EXT-STS:vm_state", default=None)
    launched_at: _dt.datetime | None = field(
        "OS-SRV-USG:launched_at", read=read.timestamp, default=None
    )
    terminated_at: _dt.datetime | None = field(
        "OS-SRV-USG:terminated_at", read=read.timestamp, default=None
    )
    security_groups: tuple[str, ...] = field(read=_group_names, default=())
    volumes_attached: tuple[AttachedVolume, ...] = field(
        "os-extended-volumes:volumes_attached", read=read.tuple_of(AttachedVolume), default=()
    )
    fault: Fault | None = field(read=read.model(Fault), default=None)
    tags: tuple[str, ...] | None = field(read=read.strings, default=None, min_version="2.26")
    description: str | None = field(default=None, min_version="2.19")
    locked: bool | None = field(read=read.boolean, default=None, min_version="2.9")
    locked_reason: str | None = field(default=None, min_version="2.73")
    trusted_image_certificates: tuple[str, ...] | None = field(
        read=read.strings, default=None, min_version="2.63"
    )
    server_groups: tuple[str, ...] | None = field(
        read=read.strings, default=None, min_version="2.71"
    )
    host_status: str | None = field(read=_text_or_none, default=None, min_version="2.16")
    hostname: str | None = field(_ATTR + "hostname", default=None, min_version="2.3")
    host: str | None = field(_ATTR + "host", default=None)
    hypervisor_hostname: str | None = field(_ATTR + "hypervisor_hostname", default=None)
    instance_name: str | None = field(_ATTR + "instance_name", default=None)
    reservation_id: str | None = field(_ATTR + "reservation_id", default=None, min_version="2.3")
    launch_index: int | None = field(
        _ATTR + "launch_index", read=read.optional_integer, default=None, min_version="2.3"
    )
    kernel_id: str | None = field(_ATTR + "kernel_id", default=None, min_version="2.3")
    ramdisk_id: str | None = field(_ATTR + "ramdisk_id", default=None, min_version="2.3")
    root_device_name: str | None = field(
        _ATTR + "root_device_name", default=None, min_version="2.3"
    )
    user_data: str | None = field(_ATTR + "user_data", default=None, min_version="2.3")
    pinned_availability_zone: str | None = field(default=None, min_version="2.96")
    scheduler_hints: dict[str, Any] | None = field(
        read=read.mapping, default=None, min_version="2.100"
    )
    admin_pass: str | None = field("adminPass", default=None, repr=False)

    @property
    def image_id(self) -> str | None:
        """The id of the boot image, or ``None`` for a server booted from a volume.

        Example:
            >>> Server(id="s1").image_id is None
            True
        """
        return self.image.id if self.image is not None else None


@model
@attrs.frozen(kw_only=True)
class CreatedServer(Model):
    """What ``POST /servers`` answers: the new server's id, links and password.

    The rest of the server is read with :func:`~oscloud.openstack.compute.v2.servers.get`
    once it is built. ``admin_pass`` is absent when the cloud disables it and never shows
    in ``repr``; ``security_groups`` lists the group names (Neutron clouds).

    Example:
        >>> created = CreatedServer.from_json({"id": "f5dc173b", "adminPass": "6NpUwoz2QDRN",
        ...     "links": [], "security_groups": [{"name": "default"}]})
        >>> created
        CreatedServer(id='f5dc173b', links=(), security_groups=('default',))
        >>> created.admin_pass
        '6NpUwoz2QDRN'
    """

    id: str
    links: tuple[Link, ...] = field(read=_links, default=())
    security_groups: tuple[str, ...] = field(read=_group_names, default=())
    admin_pass: str | None = field("adminPass", default=None, repr=False)


@model
@attrs.frozen(kw_only=True)
class RemoteConsole(Model):
    """A remote console of a server: where to connect (the URL carries a token).

    Example:
        >>> RemoteConsole.from_json({"protocol": "vnc", "type": "novnc",
        ...     "url": "http://example.com:6080/vnc_auto.html?path=%3Ftoken%3Dabc"}).type
        'novnc'
    """

    protocol: str
    type: str
    url: str = field(repr=False)


# -- instance actions -----------------------------------------------------------------


@model
@attrs.frozen(kw_only=True)
class InstanceActionEvent(Model):
    """One step of an instance action.

    ``traceback`` is shown to administrators; ``host`` and ``host_id`` come from 2.62
    (``host`` for administrators), ``details`` from 2.84.

    Example:
        >>> event = InstanceActionEvent.from_json({"event": "compute_stop_instance",
        ...     "start_time": "2018-04-25T01:26:36.539271", "result": "Success"})
        >>> event.start_time.isoformat()
        '2018-04-25T01:26:36.539271+00:00'
    """

    event: str
    start_time: _dt.datetime | None = field(read=read.timestamp, default=None)
    finish_time: _dt.datetime | None = field(read=read.timestamp, default=None)
    result: str | None = None
    traceback: str | None = field(read=_text_or_none, default=None)
    host: str | None = field(default=None, min_version="2.62")
    host_id: str | None = field("hostId", default=None, min_version="2.62")
    details: str | None = field(default=None, min_version="2.84")


@model
@attrs.frozen(kw_only=True)
class InstanceAction(Model):
    """An action run on a server (``os-instance-actions``), identified by its request id.

    ``updated_at`` comes from 2.58; ``events`` only with
    :func:`~oscloud.openstack.compute.v2.servers.get_instance_action` (for everyone
    from 2.51).

    Example:
        >>> action = InstanceAction.from_json({"action": "stop", "request_id": "req-1",
        ...     "instance_uuid": "e357e6d8", "start_time": "2017-12-07T11:07:06.088644",
        ...     "message": None})
        >>> action.action, action.start_time.year, action.events
        ('stop', 2017, ())
    """

    action: str
    request_id: str
    instance_uuid: str | None = None
    user_id: str | None = None
    project_id: str | None = None
    start_time: _dt.datetime | None = field(read=read.timestamp, default=None)
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None, min_version="2.58")
    message: str | None = field(read=_text_or_none, default=None)
    events: tuple[InstanceActionEvent, ...] = field(
        read=read.tuple_of(InstanceActionEvent), default=()
    )


# -- results --------------------------------------------------------------------------


class ServerResult(Result[Server]):
    """A response whose ``server`` member is a full :class:`Server`.

    Example:
        >>> ServerResult(body={"server": {"id": "s1", "name": "web"}}).extract().name
        'web'
    """

    resource_key = "server"
    model = Server

    __slots__ = ()


GetResult = ServerResult
UpdateResult = ServerResult
RebuildResult = ServerResult


class CreateResult(Result[CreatedServer]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.create`.

    Example:
        >>> CreateResult(body={"server": {"id": "f5dc173b", "adminPass": "pw"}}).extract().id
        'f5dc173b'
    """

    resource_key = "server"
    model = CreatedServer

    __slots__ = ()

    def extract_reservation_id(self) -> str:
        """The reservation id, when the request set ``return_reservation_id``.

        Example:
            >>> CreateResult(body={"reservation_id": "r-3fhpjulh"}).extract_reservation_id()
            'r-3fhpjulh'
        """
        return self.extract_into(str, "reservation_id")


DeleteResult = ErrResult
ActionResult = ErrResult


class CreateImageResult(Result[str]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.create_image`: the image id.

    From microversion 2.45 the id is the body's ``image_id``; before, it is the last
    segment of the ``Location`` header.

    Example:
        >>> CreateImageResult(body={"image_id": "0e7761dd"}).extract()
        '0e7761dd'
        >>> CreateImageResult(headers={"Location": "http://glance.example/v2/images/a1b2"}
        ...                   ).extract()
        'a1b2'
    """

    __slots__ = ()

    def _resource_json(self) -> Any:
        if isinstance(self.body, dict) and self.body.get("image_id"):
            return self.body["image_id"]
        image_id = urlsplit(self.headers.get("Location", "")).path.rstrip("/").rpartition("/")[2]
        if not image_id:
            raise InvalidResponseError(
                "CreateImageResult: neither an image_id member nor a Location header"
            )
        return image_id


class RescueResult(Result[str]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.rescue`: the password.

    Example:
        >>> RescueResult(body={"adminPass": "MySecretPass"}).extract()
        'MySecretPass'
    """

    resource_key = "adminPass"

    __slots__ = ()


class ConsoleOutputResult(Result[str]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.get_console_output`.

    Example:
        >>> ConsoleOutputResult(body={"output": "LAST LINE"}).extract()
        'LAST LINE'
    """

    resource_key = "output"

    __slots__ = ()


class RemoteConsoleResult(Result[RemoteConsole]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.create_remote_console`.

    Example:
        >>> RemoteConsoleResult(body={"remote_console": {"protocol": "serial",
        ...     "type": "serial", "url": "ws://example.com:6083/?token=f9906a48"}}).extract()
        RemoteConsole(protocol='serial', type='serial')
    """

    resource_key = "remote_console"
    model = RemoteConsole

    __slots__ = ()


class MetadataResult(Result[dict[str, str]]):
    """A server's whole metadata (list, set and update answer with it).

    Example:
        >>> MetadataResult(body={"metadata": {"foo": "Foo Value"}}).extract()
        {'foo': 'Foo Value'}
    """

    resource_key = "metadata"

    __slots__ = ()


class MetadatumResult(Result[dict[str, str]]):
    """One metadata item, as ``{key: value}`` (get and set of one key answer with it).

    Example:
        >>> MetadatumResult(body={"meta": {"foo": "Foo Value"}}).extract()
        {'foo': 'Foo Value'}
    """

    resource_key = "meta"

    __slots__ = ()


class AddressesResult(Result[dict[str, tuple[Address, ...]]]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.list_addresses`.

    Example:
        >>> AddressesResult(body={"addresses": {"private": [{"addr": "10.0.0.3",
        ...     "version": 4}]}}).extract()["private"][0].version
        4
    """

    resource_key = "addresses"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, tuple[Address, ...]]:
        return _addresses(data)


class NetworkAddressesResult(Result[tuple[Address, ...]]):
    """The addresses of a server on one network (the body is ``{label: [...]}``).

    Example:
        >>> NetworkAddressesResult(body={"private": [{"addr": "10.0.0.3", "version": 4}]}
        ...                        ).extract()[0].addr
        '10.0.0.3'
    """

    __slots__ = ()

    def _build(self, data: Any) -> tuple[Address, ...]:
        if not isinstance(data, dict) or len(data) != 1:
            raise InvalidResponseError("NetworkAddressesResult: expected one network label")
        (items,) = data.values()
        return _address_tuple(items)


class TagsResult(Result[builtins.list[str]]):
    """A server's tags (list and replace answer with them).

    Example:
        >>> TagsResult(body={"tags": ["sometag"]}).extract()
        ['sometag']
    """

    resource_key = "tags"

    __slots__ = ()


#: :func:`~oscloud.openstack.compute.v2.servers.add_tag`: ``status_code`` is 201 when the tag
#: was added, 204 when the server had it already.
AddTagResult = ErrResult


class CheckTagResult(Result[bool]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.check_tag`.

    ``extract()`` is ``True`` when the server has the tag (204), ``False`` on 404.

    Example:
        >>> CheckTagResult(status_code=204).extract(), CheckTagResult(status_code=404).extract()
        (True, False)
    """

    __slots__ = ()

    def _resource_json(self) -> Any:
        return None

    def _build(self, data: Any) -> bool:
        return self.status_code == 204


class InstanceActionResult(Result[InstanceAction]):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.get_instance_action`.

    Example:
        >>> InstanceActionResult(body={"instanceAction": {"action": "stop",
        ...     "request_id": "req-1", "events": [{"event": "compute_stop_instance"}]}}
        ...     ).extract().events[0].event
        'compute_stop_instance'
    """

    resource_key = "instanceAction"
    model = InstanceAction

    __slots__ = ()


# -- pages ----------------------------------------------------------------------------


class ServerPage(LinkedPage[Server]):
    """One page of servers; the next one is linked from ``servers_links``.

    Example:
        >>> page = ServerPage(url="u", body={"servers": [{"id": "1", "name": "web"}],
        ...     "servers_links": [{"rel": "next", "href": "https://n/servers?marker=1"}]})
        >>> [s.name for s in extract_servers(page)], page.next_url()
        (['web'], 'https://n/servers?marker=1')
    """

    resource_key = "servers"
    model = Server

    __slots__ = ()


class InstanceActionPage(LinkedPage[InstanceAction]):
    """One page of a server's instance actions (linked from ``links`` from 2.58).

    Example:
        >>> InstanceActionPage(url="u", body={"instanceActions": [], "links": [
        ...     {"rel": "next", "href": "https://n/os-instance-actions?marker=req-1"}]}
        ...     ).next_url()
        'https://n/os-instance-actions?marker=req-1'
    """

    resource_key = "instanceActions"
    model = InstanceAction

    __slots__ = ()


def extract_servers(page: Page[Server]) -> builtins.list[Server]:
    """The servers of a page.

    Example:
        >>> extract_servers(ServerPage(url="u", body={"servers": []}))
        []
    """
    return page.extract()


def extract_instance_actions(page: Page[InstanceAction]) -> builtins.list[InstanceAction]:
    """The instance actions of a page.

    Example:
        >>> extract_instance_actions(InstanceActionPage(url="u", body={"instanceActions": []}))
        []
    """
    return page.extract()
