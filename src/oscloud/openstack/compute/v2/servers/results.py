"""Models and results of compute v2 servers.

The models read every shape Nova returns from microversion 2.1 to
:data:`~oscloud.openstack.compute.v2.MAX_MICROVERSION`: a field the server did not send
(because the microversion is older, or policy hides it) is ``None`` or empty.
"""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import urlsplit

import attrs

from oscloud._lazy import LazyFields, Reader, lazy_model
from oscloud._time import to_utc_or_none
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


def _int_or_none(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


def _tuple_or_none(value: Any) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


def _names(groups: Any) -> tuple[str, ...]:
    return tuple(group["name"] for group in groups or ())


# -- parts of a server ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Address:
    """One IP address of a server on one network.

    ``type`` (``fixed`` or ``floating``) and ``mac_addr`` come with the server's details,
    not with ``GET /servers/{server_id}/ips``.

    Example:
        >>> Address.from_json({"addr": "192.168.1.30", "version": 4,
        ...     "OS-EXT-IPS:type": "fixed", "OS-EXT-IPS-MAC:mac_addr": "00:0c:29:0d:11:74"})
        Address(addr='192.168.1.30', version=4, type='fixed', mac_addr='00:0c:29:0d:11:74')
    """

    addr: str
    version: int
    type: str | None = None
    mac_addr: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Address:
        """Read one address entry."""
        return cls(
            addr=data["addr"],
            version=int(data["version"]),
            type=data.get("OS-EXT-IPS:type"),
            mac_addr=data.get("OS-EXT-IPS-MAC:mac_addr"),
        )

    @classmethod
    def map_from_json(cls, data: Mapping[str, Any] | None) -> dict[str, tuple[Address, ...]]:
        """Read an ``addresses`` object: network label to its addresses.

        Example:
            >>> Address.map_from_json({"private": [{"addr": "10.0.0.3", "version": 4}]})
            {'private': (Address(addr='10.0.0.3', version=4, type=None, mac_addr=None),)}
        """
        return {
            label: tuple(cls.from_json(item) for item in items)
            for label, items in (data or {}).items()
        }


@attrs.frozen(kw_only=True)
class ServerImage:
    """The image a server was booted from.

    ``properties`` (the image's properties) come from microversion 2.98.

    Example:
        >>> ServerImage.from_json({"id": "70a599e0", "links": []})
        ServerImage(id='70a599e0', links=(), properties=None)
        >>> ServerImage.from_json("") is None  # booted from a volume
        True
    """

    id: str
    links: tuple[Link, ...] = ()
    properties: dict[str, Any] | None = None

    @classmethod
    def from_json(cls, data: Any) -> ServerImage | None:
        """Read a server's ``image``; ``""`` (booted from a volume) gives ``None``."""
        if not data:
            return None
        properties = data.get("properties")
        return cls(
            id=data["id"],
            links=Link.tuple_from_json(data.get("links")),
            properties=dict(properties) if properties is not None else None,
        )


@attrs.frozen(kw_only=True)
class ServerFlavor:
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

    id: str | None = None
    links: tuple[Link, ...] = ()
    original_name: str | None = None
    vcpus: int | None = None
    ram: int | None = None
    disk: int | None = None
    ephemeral: int | None = None
    swap: int | None = None
    extra_specs: dict[str, str] | None = None

    @classmethod
    def from_json(cls, data: Any) -> ServerFlavor | None:
        """Read a server's ``flavor`` (either shape)."""
        if not data:
            return None
        extra_specs = data.get("extra_specs")
        return cls(
            id=data.get("id"),
            links=Link.tuple_from_json(data.get("links")),
            original_name=data.get("original_name"),
            vcpus=_int_or_none(data.get("vcpus")),
            ram=_int_or_none(data.get("ram")),
            disk=_int_or_none(data.get("disk")),
            ephemeral=_int_or_none(data.get("ephemeral")),
            swap=_int_or_none(data.get("swap")),
            extra_specs=dict(extra_specs) if extra_specs is not None else None,
        )


@attrs.frozen(kw_only=True)
class Fault:
    """Why a server is in ``ERROR``: Nova's fault record.

    ``details`` (a traceback) is shown to administrators only, or for faults other
    than 500.

    Example:
        >>> fault = Fault.from_json({"code": 500, "created": "2023-04-05T06:07:08Z",
        ...     "message": "No valid host was found."})
        >>> fault.code, fault.message, fault.created.tzinfo
        (500, 'No valid host was found.', datetime.timezone.utc)
    """

    code: int
    message: str
    created: _dt.datetime | None = None
    details: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> Fault | None:
        """Read a server's ``fault`` (``None`` when there is none)."""
        if not data:
            return None
        return cls(
            code=int(data["code"]),
            message=data.get("message") or "",
            created=to_utc_or_none(data.get("created")),
            details=data.get("details"),
        )


@attrs.frozen(kw_only=True)
class AttachedVolume:
    """A volume attached to a server (``os-extended-volumes:volumes_attached``).

    ``delete_on_termination`` comes from microversion 2.3.

    Example:
        >>> AttachedVolume.from_json({"id": "volume_id1", "delete_on_termination": False})
        AttachedVolume(id='volume_id1', delete_on_termination=False)
    """

    id: str
    delete_on_termination: bool | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AttachedVolume:
        """Read one attached volume."""
        return cls(id=data["id"], delete_on_termination=data.get("delete_on_termination"))


# -- servers -------------------------------------------------------------------------


def _value(key: str) -> Reader:
    return lambda data: data.get(key)


def _value_or_none(key: str) -> Reader:
    return lambda data: data.get(key) or None


def _time(key: str) -> Reader:
    return lambda data: to_utc_or_none(data.get(key))


def _int(key: str) -> Reader:
    return lambda data: _int_or_none(data.get(key))


def _tuple(key: str) -> Reader:
    return lambda data: _tuple_or_none(data.get(key))


def _mapping(key: str) -> Reader:
    def read(data: Mapping[str, Any]) -> dict[str, Any] | None:
        value = data.get(key)
        return dict(value) if value is not None else None

    return read


_ATTR = "OS-EXT-SRV-ATTR:"

_SERVER_READERS: dict[str, Reader] = {
    "name": lambda data: data.get("name") or "",
    "status": lambda data: data.get("status") or "",
    "tenant_id": _value("tenant_id"),
    "user_id": _value("user_id"),
    "created": _time("created"),
    "updated": _time("updated"),
    "host_id": _value("hostId"),
    "addresses": lambda data: Address.map_from_json(data.get("addresses")),
    "links": lambda data: Link.tuple_from_json(data.get("links")),
    "image": lambda data: ServerImage.from_json(data.get("image")),
    "flavor": lambda data: ServerFlavor.from_json(data.get("flavor")),
    "metadata": lambda data: dict(data.get("metadata") or {}),
    "key_name": _value("key_name"),
    "availability_zone": _value("OS-EXT-AZ:availability_zone"),
    "config_drive": lambda data: str(data.get("config_drive")).lower() in ("true", "1"),
    "access_ipv4": _value_or_none("accessIPv4"),
    "access_ipv6": _value_or_none("accessIPv6"),
    "progress": _int("progress"),
    "power_state": _int("OS-EXT-STS:power_state"),
    "task_state": _value("OS-EXT-STS:task_state"),
    "vm_state": _value("OS-EXT-STS:vm_state"),
    "launched_at": _time("OS-SRV-USG:launched_at"),
    "terminated_at": _time("OS-SRV-USG:terminated_at"),
    "security_groups": lambda data: _names(data.get("security_groups")),
    "volumes_attached": lambda data: tuple(
        AttachedVolume.from_json(v) for v in data.get("os-extended-volumes:volumes_attached") or ()
    ),
    "fault": lambda data: Fault.from_json(data.get("fault")),
    "tags": _tuple("tags"),
    "description": _value("description"),
    "locked": _value("locked"),
    "locked_reason": _value("locked_reason"),
    "trusted_image_certificates": _tuple("trusted_image_certificates"),
    "server_groups": _tuple("server_groups"),
    "host_status": _value_or_none("host_status"),
    "hostname": _value(_ATTR + "hostname"),
    "host": _value(_ATTR + "host"),
    "hypervisor_hostname": _value(_ATTR + "hypervisor_hostname"),
    "instance_name": _value(_ATTR + "instance_name"),
    "reservation_id": _value(_ATTR + "reservation_id"),
    "launch_index": _int(_ATTR + "launch_index"),
    "kernel_id": _value(_ATTR + "kernel_id"),
    "ramdisk_id": _value(_ATTR + "ramdisk_id"),
    "root_device_name": _value(_ATTR + "root_device_name"),
    "user_data": _value(_ATTR + "user_data"),
    "pinned_availability_zone": _value("pinned_availability_zone"),
    "scheduler_hints": _mapping("scheduler_hints"),
    "admin_pass": _value("adminPass"),
}


@lazy_model
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
    created: _dt.datetime | None = None
    updated: _dt.datetime | None = None
    host_id: str | None = None
    addresses: dict[str, tuple[Address, ...]] = attrs.field(factory=dict)
    links: tuple[Link, ...] = ()
    image: ServerImage | None = None
    flavor: ServerFlavor | None = None
    metadata: dict[str, str] = attrs.field(factory=dict)
    key_name: str | None = None
    availability_zone: str | None = None
    config_drive: bool = False
    access_ipv4: str | None = None
    access_ipv6: str | None = None
    progress: int | None = None
    power_state: int | None = None
    task_state: str | None = None
    vm_state: str | None = None
    launched_at: _dt.datetime | None = None
    terminated_at: _dt.datetime | None = None
    security_groups: tuple[str, ...] = ()
    volumes_attached: tuple[AttachedVolume, ...] = ()
    fault: Fault | None = None
    tags: tuple[str, ...] | None = None
    description: str | None = None
    locked: bool | None = None
    locked_reason: str | None = None
    trusted_image_certificates: tuple[str, ...] | None = None
    server_groups: tuple[str, ...] | None = None
    host_status: str | None = None
    hostname: str | None = None
    host: str | None = None
    hypervisor_hostname: str | None = None
    instance_name: str | None = None
    reservation_id: str | None = None
    launch_index: int | None = None
    kernel_id: str | None = None
    ramdisk_id: str | None = None
    root_device_name: str | None = None
    user_data: str | None = None
    pinned_availability_zone: str | None = None
    scheduler_hints: dict[str, Any] | None = None
    admin_pass: str | None = attrs.field(default=None, repr=False)

    readers: ClassVar[Mapping[str, Reader]] = _SERVER_READERS
    key: ClassVar[str] = "id"

    @property
    def image_id(self) -> str | None:
        """The id of the boot image, or ``None`` for a server booted from a volume.

        Example:
            >>> Server(id="s1").image_id is None
            True
        """
        return self.image.id if self.image is not None else None


@attrs.frozen(kw_only=True)
class CreatedServer:
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
    links: tuple[Link, ...] = ()
    security_groups: tuple[str, ...] = ()
    admin_pass: str | None = attrs.field(default=None, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CreatedServer:
        """Read the ``server`` of a create response."""
        return cls(
            id=data["id"],
            links=Link.tuple_from_json(data.get("links")),
            security_groups=_names(data.get("security_groups")),
            admin_pass=data.get("adminPass"),
        )


@attrs.frozen(kw_only=True)
class RemoteConsole:
    """A remote console of a server: where to connect (the URL carries a token).

    Example:
        >>> RemoteConsole.from_json({"protocol": "vnc", "type": "novnc",
        ...     "url": "http://example.com:6080/vnc_auto.html?path=%3Ftoken%3Dabc"}).type
        'novnc'
    """

    protocol: str
    type: str
    url: str = attrs.field(repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RemoteConsole:
        """Read a ``remote_console`` object."""
        return cls(protocol=data["protocol"], type=data["type"], url=data["url"])


# -- instance actions -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class InstanceActionEvent:
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
    start_time: _dt.datetime | None = None
    finish_time: _dt.datetime | None = None
    result: str | None = None
    traceback: str | None = None
    host: str | None = None
    host_id: str | None = None
    details: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InstanceActionEvent:
        """Read one of an action's ``events``."""
        return cls(
            event=data["event"],
            start_time=to_utc_or_none(data.get("start_time")),
            finish_time=to_utc_or_none(data.get("finish_time")),
            result=data.get("result"),
            traceback=data.get("traceback") or None,
            host=data.get("host"),
            host_id=data.get("hostId"),
            details=data.get("details"),
        )


@attrs.frozen(kw_only=True)
class InstanceAction:
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
    start_time: _dt.datetime | None = None
    updated_at: _dt.datetime | None = None
    message: str | None = None
    events: tuple[InstanceActionEvent, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InstanceAction:
        """Read an ``instanceAction``."""
        return cls(
            action=data["action"],
            request_id=data["request_id"],
            instance_uuid=data.get("instance_uuid"),
            user_id=data.get("user_id"),
            project_id=data.get("project_id"),
            start_time=to_utc_or_none(data.get("start_time")),
            updated_at=to_utc_or_none(data.get("updated_at")),
            message=data.get("message") or None,
            events=tuple(InstanceActionEvent.from_json(e) for e in data.get("events") or ()),
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


class GetResult(ServerResult):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.get`.

    Example:
        >>> GetResult(body={"server": {"id": "s1", "status": "ACTIVE"}}).extract().status
        'ACTIVE'
    """

    __slots__ = ()


class UpdateResult(ServerResult):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.update`.

    Example:
        >>> UpdateResult(body={"server": {"id": "s1", "status": "ACTIVE"}}).extract().status
        'ACTIVE'
    """

    __slots__ = ()


class RebuildResult(ServerResult):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.rebuild`.

    Example:
        >>> RebuildResult(body={"server": {"id": "s1", "status": "ACTIVE"}}).extract().status
        'ACTIVE'
    """

    __slots__ = ()


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


class DeleteResult(ErrResult):
    """The result of a ``DELETE`` (a server, a metadata item, tags): nothing but errors.

    Example:
        >>> DeleteResult(status_code=204).extract_err() is None
        True
    """

    __slots__ = ()


class ActionResult(ErrResult):
    """The result of a server action that answers with no body (reboot, start, lock …).

    Example:
        >>> ActionResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


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
        return Address.map_from_json(data)


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
        return tuple(Address.from_json(item) for item in items)


class TagsResult(Result[builtins.list[str]]):
    """A server's tags (list and replace answer with them).

    Example:
        >>> TagsResult(body={"tags": ["sometag"]}).extract()
        ['sometag']
    """

    resource_key = "tags"

    __slots__ = ()


class AddTagResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.servers.add_tag`.

    ``status_code`` is 201 when the tag was added, 204 when the server had it already.

    Example:
        >>> AddTagResult(status_code=201).extract_err() is None
        True
    """

    __slots__ = ()


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
