"""Operations on compute v2 servers and their metadata, addresses, tags and actions log.

List, get, create, update, delete, name look-ups and waits are here; the
``POST /servers/{server_id}/action`` operations are in
:mod:`~oscloud.openstack.compute.v2.servers.actions`.
"""

from __future__ import annotations

import builtins
import datetime as _dt
import enum
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud._lookup import find_one
from oscloud._wait import wait_for_result
from oscloud.errors import MissingInputError
from oscloud.openstack import _metadata
from oscloud.openstack.compute.v2._common import (
    NullType,
    base64_user_data,
    checked_metadata,
    checked_tag,
    checked_tags,
)
from oscloud.openstack.compute.v2.servers.actions import (
    DiskConfig,
)
from oscloud.openstack.compute.v2.servers.results import (
    AddressesResult,
    AddTagResult,
    CheckTagResult,
    CreateResult,
    DeleteResult,
    GetResult,
    InstanceAction,
    InstanceActionPage,
    InstanceActionResult,
    MetadataResult,
    MetadatumResult,
    NetworkAddressesResult,
    Server,
    ServerPage,
    TagsResult,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "BlockDevice",
    "CreateOpts",
    "DestinationType",
    "ListInstanceActionsOpts",
    "ListOpts",
    "Network",
    "SourceType",
    "UpdateOpts",
    "add_tag",
    "check_tag",
    "create",
    "delete",
    "delete_all_tags",
    "delete_metadatum",
    "delete_tag",
    "find",
    "get",
    "get_instance_action",
    "get_metadatum",
    "id_from_name",
    "list",
    "list_addresses",
    "list_addresses_by_network",
    "list_instance_actions",
    "list_metadata",
    "list_simple",
    "list_tags",
    "replace_tags",
    "set_metadata",
    "set_metadatum",
    "update",
    "update_metadata",
    "wait_for_delete",
    "wait_for_status",
]


def _tag_list(tags: Iterable[str]) -> str:
    return wire.comma_list(checked_tags(tags))


def _security_groups(names: Iterable[str]) -> builtins.list[dict[str, str]]:
    if isinstance(names, str):
        raise ValueError("security_groups must be a list of names, not one string")
    return [{"name": name} for name in names]


def _disk_config(value: Any) -> str:
    return DiskConfig(value).value  # ValueError for anything but AUTO or MANUAL


# -- listing ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Filters, sorting and paging of a server listing.

    Nova ignores filters a non-administrator may not use (``host``, ``node``,
    ``deleted``, ``description`` …); some open to everyone at a later microversion, and
    before it Nova ignores them for non-administrators (administrators may use them at
    every microversion, so they are sent at any): ``ip6`` 2.5; ``availability_zone``,
    ``config_drive``, ``key_name``, ``created_at``, ``launched_at``, ``terminated_at``,
    ``power_state``, ``task_state``, ``vm_state``, ``progress`` and ``user_id`` 2.83;
    ``hostname`` 2.90. ``name``, ``ip`` and ``ip6`` are regular expressions.

    Filters a microversion brings, refused before sending with an older client:
    ``tags``/``tags_any``/``not_tags``/``not_tags_any`` 2.26 (sent as comma lists),
    ``changes_before`` 2.66, ``locked`` 2.73. ``sort_key``/``sort_dir`` may be repeated.

    Example:
        >>> import datetime as dt
        >>> opts = ListOpts(name="^web", status="ACTIVE", tags=["a", "b"], limit=10,
        ...     changes_since=dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc),
        ...     all_tenants=True)
        >>> wire.build_query(opts, client=None)
        [('all_tenants', 'true'), ('changes-since', '2024-01-02T00:00:00Z'), \
('limit', '10'), ('name', '^web'), ('status', 'ACTIVE'), ('tags', 'a,b')]
    """

    access_ip_v4: str | None = attrs.field(default=None, metadata=wire.query("access_ip_v4"))
    access_ip_v6: str | None = attrs.field(default=None, metadata=wire.query("access_ip_v6"))
    all_tenants: bool | None = attrs.field(default=None, metadata=wire.query("all_tenants"))
    auto_disk_config: bool | None = attrs.field(
        default=None, metadata=wire.query("auto_disk_config")
    )
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.query("availability_zone")
    )
    changes_before: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("changes-before", min_version="2.66")
    )
    changes_since: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("changes-since")
    )
    config_drive: str | None = attrs.field(default=None, metadata=wire.query("config_drive"))
    created_at: _dt.datetime | None = attrs.field(default=None, metadata=wire.query("created_at"))
    deleted: bool | None = attrs.field(default=None, metadata=wire.query("deleted"))
    description: str | None = attrs.field(default=None, metadata=wire.query("description"))
    flavor: str | None = attrs.field(default=None, metadata=wire.query("flavor"))
    host: str | None = attrs.field(default=None, metadata=wire.query("host"))
    hostname: str | None = attrs.field(default=None, metadata=wire.query("hostname"))
    image: str | None = attrs.field(default=None, metadata=wire.query("image"))
    ip: str | None = attrs.field(default=None, metadata=wire.query("ip"))
    ip6: str | None = attrs.field(default=None, metadata=wire.query("ip6"))
    kernel_id: str | None = attrs.field(default=None, metadata=wire.query("kernel_id"))
    key_name: str | None = attrs.field(default=None, metadata=wire.query("key_name"))
    launch_index: int | None = attrs.field(
        default=None, metadata=wire.query("launch_index", encode=wire.non_negative_int)
    )
    launched_at: _dt.datetime | None = attrs.field(default=None, metadata=wire.query("launched_at"))
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    locked: bool | None = attrs.field(
        default=None, metadata=wire.query("locked", min_version="2.73")
    )
    locked_by: str | None = attrs.field(default=None, metadata=wire.query("locked_by"))
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    name: str | None = attrs.field(default=None, metadata=wire.query("name"))
    node: str | None = attrs.field(default=None, metadata=wire.query("node"))
    not_tags: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("not-tags", encode=_tag_list, min_version="2.26")
    )
    not_tags_any: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("not-tags-any", encode=_tag_list, min_version="2.26")
    )
    power_state: int | None = attrs.field(
        default=None, metadata=wire.query("power_state", encode=wire.non_negative_int)
    )
    progress: int | None = attrs.field(
        default=None, metadata=wire.query("progress", encode=wire.non_negative_int)
    )
    project_id: str | None = attrs.field(default=None, metadata=wire.query("project_id"))
    ramdisk_id: str | None = attrs.field(default=None, metadata=wire.query("ramdisk_id"))
    reservation_id: str | None = attrs.field(default=None, metadata=wire.query("reservation_id"))
    root_device_name: str | None = attrs.field(
        default=None, metadata=wire.query("root_device_name")
    )
    soft_deleted: bool | None = attrs.field(default=None, metadata=wire.query("soft_deleted"))
    sort_dir: Sequence[str] | None = attrs.field(default=None, metadata=wire.query("sort_dir"))
    sort_key: Sequence[str] | None = attrs.field(default=None, metadata=wire.query("sort_key"))
    status: str | None = attrs.field(default=None, metadata=wire.query("status"))
    tags: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("tags", encode=_tag_list, min_version="2.26")
    )
    tags_any: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("tags-any", encode=_tag_list, min_version="2.26")
    )
    task_state: str | None = attrs.field(default=None, metadata=wire.query("task_state"))
    tenant_id: str | None = attrs.field(default=None, metadata=wire.query("tenant_id"))
    terminated_at: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("terminated_at")
    )
    user_id: str | None = attrs.field(default=None, metadata=wire.query("user_id"))
    uuid: str | None = attrs.field(default=None, metadata=wire.query("uuid"))
    vm_state: str | None = attrs.field(default=None, metadata=wire.query("vm_state"))


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Server]:
    """List servers with their details: ``GET /servers/detail`` (200), page by page.

    Nothing is fetched until the pager is iterated; each page follows the previous
    one's ``servers_links``.

    Raises:
        MicroversionError: a filter the client's microversion does not have.
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> for server in servers.list(compute, ListOpts(status="ACTIVE")).items():  # doctest: +SKIP
        ...     print(server.id, server.name, server.flavor)
    """  # noqa: E501
    return Pager(client, wire.url(client, "servers", "detail", query=opts, of=ListOpts), ServerPage)


def list_simple(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Server]:
    """List servers, ids names and links only: ``GET /servers`` (200), page by page.

    The servers have only ``id``, ``name`` and ``links`` set.

    Example:
        >>> names = [s.name for s in servers.list_simple(compute).items()]  # doctest: +SKIP
    """
    return Pager(client, wire.url(client, "servers", query=opts, of=ListOpts), ServerPage)


# -- create, get, update, delete -----------------------------------------------------


class SourceType(str, enum.Enum):
    """Where a block device's content comes from.

    Example:
        >>> SourceType("volume") is SourceType.VOLUME
        True
    """

    BLANK = "blank"
    IMAGE = "image"
    SNAPSHOT = "snapshot"
    VOLUME = "volume"


class DestinationType(str, enum.Enum):
    """Where a block device lives: a Cinder volume, or local to the hypervisor.

    Example:
        >>> DestinationType.LOCAL.value
        'local'
    """

    VOLUME = "volume"
    LOCAL = "local"


# Device role tags (``tag`` of BlockDevice and Network): Nova accepted them at 2.32 (block
# devices: 2.32 only; networks: 2.32 to 2.36), then, after a bug, again from 2.42 on. A
# range cannot have a gap, so they are declared from 2.42.
_DEVICE_TAG_VERSION = "2.42"


@attrs.frozen(kw_only=True)
class BlockDevice:
    """One entry of ``block_device_mapping_v2``.

    Booting from a volume is ``boot_index=0`` with ``destination_type="volume"``.
    ``tag`` from 2.42 (Nova also took it at 2.32 only); ``volume_type`` from 2.67.

    Example:
        >>> wire.build_body(BlockDevice(source_type=SourceType.IMAGE, uuid="70a599e0",
        ...     destination_type=DestinationType.VOLUME, boot_index=0, volume_size=1),
        ...     client=None)
        {'boot_index': 0, 'destination_type': 'volume', 'source_type': 'image', \
'uuid': '70a599e0', 'volume_size': 1}
    """

    boot_index: int | None = attrs.field(default=None, metadata=wire.body("boot_index"))
    delete_on_termination: bool | None = attrs.field(
        default=None, metadata=wire.body("delete_on_termination")
    )
    destination_type: DestinationType | str | None = attrs.field(
        default=None, metadata=wire.body("destination_type")
    )
    device_name: str | None = attrs.field(default=None, metadata=wire.body("device_name"))
    device_type: str | None = attrs.field(default=None, metadata=wire.body("device_type"))
    disk_bus: str | None = attrs.field(default=None, metadata=wire.body("disk_bus"))
    guest_format: str | None = attrs.field(default=None, metadata=wire.body("guest_format"))
    no_device: bool | None = attrs.field(default=None, metadata=wire.body("no_device"))
    source_type: SourceType | str | None = attrs.field(
        default=None, metadata=wire.body("source_type", required=True)
    )
    uuid: str | None = attrs.field(default=None, metadata=wire.body("uuid"))
    volume_size: int | None = attrs.field(
        default=None, metadata=wire.body("volume_size", encode=wire.int_at_least(1))
    )
    tag: str | None = attrs.field(
        default=None, metadata=wire.body("tag", min_version=_DEVICE_TAG_VERSION)
    )
    volume_type: str | None = attrs.field(
        default=None, metadata=wire.body("volume_type", min_version="2.67")
    )

    @property
    def is_boot_volume(self) -> bool:
        """Whether this device is the boot disk and a volume (no image needed then).

        Example:
            >>> BlockDevice(source_type="volume", uuid="v1", boot_index=0,
            ...             destination_type="volume").is_boot_volume
            True
        """
        destination = getattr(self.destination_type, "value", self.destination_type)
        return self.boot_index == 0 and destination == "volume"


@attrs.frozen(kw_only=True)
class Network:
    """One network of a new server: a network ``uuid`` or a ``port``.

    Optionally a ``fixed_ip``, and a device ``tag`` (from 2.42; Nova also took it from
    2.32 to 2.36).

    Example:
        >>> wire.build_body(Network(uuid="ff608d40-75e9-48cb-b745-77bb55b5eaf2", tag="nic1"),
        ...                 client=None)
        {'uuid': 'ff608d40-75e9-48cb-b745-77bb55b5eaf2', 'tag': 'nic1'}
    """

    uuid: str | None = attrs.field(default=None, metadata=wire.body("uuid"))
    port: str | None = attrs.field(default=None, metadata=wire.body("port"))
    fixed_ip: str | None = attrs.field(default=None, metadata=wire.body("fixed_ip"))
    tag: str | None = attrs.field(
        default=None, metadata=wire.body("tag", min_version=_DEVICE_TAG_VERSION)
    )


def _networks(value: str | Sequence[Network]) -> str | builtins.list[Network]:
    if isinstance(value, str):
        if value not in ("auto", "none"):
            raise ValueError(f'networks is "auto", "none" or a list of Network, not {value!r}')
        return value
    networks = builtins.list(value)
    for network in networks:
        if not isinstance(network, Network):
            raise ValueError(f"networks holds Network items, not {type(network).__name__}")
        if network.uuid is None and network.port is None:
            raise MissingInputError("each Network needs a uuid or a port")
    return networks


@attrs.frozen(kw_only=True)
class CreateOpts:
    """What a new server is made of.

    ``flavor_ref`` is always required; ``image_ref`` too, unless
    ``block_device_mapping_v2`` boots from a volume (``boot_index=0``, destination
    ``volume``). ``networks`` is ``"auto"``, ``"none"`` (both from 2.37) or a list of
    :class:`Network` (required by Nova from 2.37). ``user_data`` is the raw script or
    cloud-config (bytes or text): it is base64-encoded here. ``metadata`` keys and
    values are checked (non-empty keys, both at most 255 characters) before anything is
    sent. ``scheduler_hints`` go to the top-level ``os:scheduler_hints``. ``disk_config``
    (``OS-DCF:diskConfig``) is a :class:`DiskConfig`.

    Microversions: ``description`` 2.19, ``tags`` 2.52, ``trusted_image_certificates``
    2.63, ``host`` and ``hypervisor_hostname`` 2.74, ``hostname`` 2.90.
    ``min_count``/``max_count`` create several servers; ``return_reservation_id`` then
    answers with a reservation id only (read it with
    :meth:`CreateResult.extract_reservation_id`).

    Example:
        >>> opts = CreateOpts(name="web", image_ref="70a599e0", flavor_ref="1",
        ...     networks=[Network(uuid="ff608d40")], metadata={"role": "web"},
        ...     user_data='echo "hello world"', scheduler_hints={"group": "f3d86fe6"})
        >>> wire.build_body(opts, "server", client=None)
        {'server': {'name': 'web', 'imageRef': '70a599e0', 'flavorRef': '1', \
'networks': [{'uuid': 'ff608d40'}], 'metadata': {'role': 'web'}, \
'user_data': 'ZWNobyAiaGVsbG8gd29ybGQi'}, 'os:scheduler_hints': {'group': 'f3d86fe6'}}
    """

    name: str = attrs.field(metadata=wire.body("name", required=True))
    image_ref: str | None = attrs.field(default=None, metadata=wire.body("imageRef"))
    flavor_ref: str | None = attrs.field(
        default=None, metadata=wire.body("flavorRef", required=True)
    )
    networks: str | Sequence[Network] | None = attrs.field(
        default=None, metadata=wire.body("networks", encode=_networks)
    )
    security_groups: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.body("security_groups", encode=_security_groups)
    )
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )
    user_data: bytes | str | None = attrs.field(
        default=None, repr=False, metadata=wire.body("user_data", encode=base64_user_data)
    )
    key_name: str | None = attrs.field(default=None, metadata=wire.body("key_name"))
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.body("availability_zone")
    )
    block_device_mapping_v2: Sequence[BlockDevice] | None = attrs.field(
        default=None, metadata=wire.body("block_device_mapping_v2")
    )
    config_drive: bool | None = attrs.field(default=None, metadata=wire.body("config_drive"))
    tags: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.body("tags", encode=checked_tags, min_version="2.52")
    )
    description: str | None = attrs.field(
        default=None, metadata=wire.body("description", min_version="2.19")
    )
    min_count: int | None = attrs.field(
        default=None, metadata=wire.body("min_count", encode=wire.int_at_least(1))
    )
    max_count: int | None = attrs.field(
        default=None, metadata=wire.body("max_count", encode=wire.int_at_least(1))
    )
    return_reservation_id: bool | None = attrs.field(
        default=None, metadata=wire.body("return_reservation_id")
    )
    admin_pass: str | None = attrs.field(default=None, repr=False, metadata=wire.body("adminPass"))
    access_ipv4: str | None = attrs.field(default=None, metadata=wire.body("accessIPv4"))
    access_ipv6: str | None = attrs.field(default=None, metadata=wire.body("accessIPv6"))
    hostname: str | None = attrs.field(
        default=None, metadata=wire.body("hostname", min_version="2.90")
    )
    trusted_image_certificates: Sequence[str] | None = attrs.field(
        default=None, metadata=wire.body("trusted_image_certificates", min_version="2.63")
    )
    host: str | None = attrs.field(default=None, metadata=wire.body("host", min_version="2.74"))
    hypervisor_hostname: str | None = attrs.field(
        default=None, metadata=wire.body("hypervisor_hostname", min_version="2.74")
    )
    scheduler_hints: Mapping[str, Any] | None = attrs.field(
        default=None, metadata=wire.body("os:scheduler_hints", top_level=True)
    )
    disk_config: DiskConfig | str | None = attrs.field(
        default=None, metadata=wire.body("OS-DCF:diskConfig", encode=_disk_config)
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Create a server: ``POST /servers`` (202).

    The answer holds the id, links and the admin password; the server builds in the
    background (see :func:`wait_for_status`).

    Raises:
        MissingInputError: ``name`` or ``flavor_ref`` is missing, or ``image_ref`` is
            missing and no volume is the boot device.
        MicroversionError: a field the client's microversion does not have, or
            ``networks`` ``"auto"``/``"none"`` with a client older than 2.37.
        ValueError: malformed metadata, tags, networks, user data or disk config.
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> opts = CreateOpts(name="web", image_ref=image_id, flavor_ref="1",
        ...                   networks="auto")  # doctest: +SKIP
        >>> created = servers.create(compute, opts).extract()  # doctest: +SKIP
        >>> server = servers.wait_for_status(compute, created.id, "ACTIVE")  # doctest: +SKIP
    """
    if wire.checked(opts, CreateOpts).scheduler_hints == {}:
        opts = attrs.evolve(opts, scheduler_hints=None)  # no hints: no os:scheduler_hints
    body = wire.build_body(opts, "server", client=client, of=CreateOpts)
    devices = opts.block_device_mapping_v2 or ()
    if opts.image_ref is None and not any(d.is_boot_volume for d in devices):
        raise MissingInputError(
            "CreateOpts.image_ref is required unless block_device_mapping_v2 boots "
            "from a volume (boot_index=0, destination_type='volume')"
        )
    if isinstance(opts.networks, str):  # a value rule: the field is older than these values
        client.require_microversion("2.37", f"CreateOpts.networks={opts.networks!r}")
    url = client.service_url("servers")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(202,))


def get(client: ServiceClient, server_id: str) -> GetResult:
    """Show a server: ``GET /servers/{server_id}`` (200).

    Example:
        >>> server = servers.get(compute, "9168b536-cd40-4630-b43f-b259807c6e87"
        ...                      ).extract()  # doctest: +SKIP
        >>> server.status, server.addresses["private"][0].addr  # doctest: +SKIP
        ('ACTIVE', '192.168.1.30')
    """
    url = client.service_url("servers", check_id("server_id", server_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """The editable attributes of a server; fields left ``None`` are not changed.

    ``description`` (2.19) takes :data:`oscloud.NULL` to clear it; ``hostname`` from
    2.90; ``disk_config`` (``OS-DCF:diskConfig``) is a :class:`DiskConfig`.

    Example:
        >>> import oscloud
        >>> wire.build_body(UpdateOpts(name="web-2", description=oscloud.NULL), "server",
        ...                 client=None)
        {'server': {'name': 'web-2', 'description': None}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description", min_version="2.19")
    )
    access_ipv4: str | None = attrs.field(default=None, metadata=wire.body("accessIPv4"))
    access_ipv6: str | None = attrs.field(default=None, metadata=wire.body("accessIPv6"))
    hostname: str | None = attrs.field(
        default=None, metadata=wire.body("hostname", min_version="2.90")
    )
    disk_config: DiskConfig | str | None = attrs.field(
        default=None, metadata=wire.body("OS-DCF:diskConfig", encode=_disk_config)
    )


def update(client: ServiceClient, server_id: str, opts: UpdateOpts) -> UpdateResult:
    """Update a server: ``PUT /servers/{server_id}`` (200); answers with the server.

    Raises:
        MicroversionError: a field the client's microversion does not have.
        TypeError: ``opts`` is not an :class:`UpdateOpts`.

    Example:
        >>> servers.update(compute, server_id, UpdateOpts(name="web-2")
        ...                ).extract().name  # doctest: +SKIP
        'web-2'
    """
    url = client.service_url("servers", check_id("server_id", server_id))
    body = wire.build_body(opts, "server", client=client, of=UpdateOpts)
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, server_id: str) -> DeleteResult:
    """Delete a server: ``DELETE /servers/{server_id}`` (204).

    The server goes away in the background (see :func:`wait_for_delete`); a locked
    server answers 409.

    Example:
        >>> servers.delete(compute, server_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("servers", check_id("server_id", server_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))


# -- look-ups and waits ------------------------------------------------------------

_REGEX_SPECIAL = re.compile(r"([.^$*+?()\[\]{}|\\])")


def _named(client: ServiceClient, name: str, listing: Callable[..., Pager[Server]]) -> Server:
    if not isinstance(name, str) or not name:
        raise MissingInputError(f"a server name is required (got {name!r})")
    pattern = "^" + _REGEX_SPECIAL.sub(r"\\\1", name) + "$"
    found = listing(client, ListOpts(name=pattern)).items()
    return find_one(found, name, kind="server", name_of=lambda server: server.name)


def find(client: ServiceClient, name: str) -> Server:
    """The one server named exactly ``name``, with its details.

    Nova's ``name`` filter is a regular expression: the name is escaped and anchored,
    and the answer is checked for an exact match.

    Raises:
        ResourceNotFoundError: no server has that name.
        MultipleResourcesFoundError: several servers have it.

    Example:
        >>> server = servers.find(compute, "web-1")  # doctest: +SKIP
    """
    return _named(client, name, list)


def id_from_name(client: ServiceClient, name: str) -> str:
    """The id of the one server named exactly ``name`` (from ``GET /servers``).

    Raises:
        ResourceNotFoundError: no server has that name.
        MultipleResourcesFoundError: several servers have it.

    Example:
        >>> server_id = servers.id_from_name(compute, "web-1")  # doctest: +SKIP
    """
    return _named(client, name, list_simple).id


def _poll(
    client: ServiceClient,
    server_id: str,
    wanted: tuple[str, ...],
    *,
    gone_ok: bool,
    timeout: float,
    interval: float,
    sleep: Callable[[float], object],
    clock: Callable[[], float],
) -> Server | None:
    """Read the server until its status is one of ``wanted`` (or it is gone, if ``gone_ok``)."""
    check_id("server_id", server_id)
    return wait_for_result(
        lambda: get(client, server_id),
        lambda server: server.status,
        resource_id=f"server {server_id}",
        wanted=wanted,
        error_states=("ERROR",),
        fault_of=lambda server: server.fault.message if server.fault is not None else None,
        gone_ok=gone_ok,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )


def wait_for_status(
    client: ServiceClient,
    server_id: str,
    status: str,
    *,
    timeout: float = 600.0,
    interval: float = 5.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Server:
    """Read ``GET /servers/{server_id}`` every ``interval`` seconds until its status is ``status``.

    Returns the server as last read.

    Raises:
        ResourceErrorStateError: the server went to ``ERROR`` (the message carries the
            server's fault).
        WaitTimeoutError: ``timeout`` seconds passed; ``last_status`` says where it was.
        NotFoundError: the server does not exist (and any other error of :func:`get`).

    Example:
        >>> server = servers.wait_for_status(compute, created.id, "ACTIVE",
        ...                                  timeout=300)  # doctest: +SKIP
    """
    server = _poll(
        client,
        server_id,
        (status.upper(),),
        gone_ok=False,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )
    return cast(Server, server)


def wait_for_delete(
    client: ServiceClient,
    server_id: str,
    *,
    timeout: float = 600.0,
    interval: float = 5.0,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Read ``GET /servers/{server_id}`` every ``interval`` seconds until the server is gone.

    Gone is a 404, or status ``DELETED`` or ``SOFT_DELETED`` (clouds that reclaim deleted
    servers later).

    Raises:
        ResourceErrorStateError: the server went to ``ERROR`` instead.
        WaitTimeoutError: ``timeout`` seconds passed.

    Example:
        >>> servers.delete(compute, server_id).extract_err()  # doctest: +SKIP
        >>> servers.wait_for_delete(compute, server_id)  # doctest: +SKIP
    """
    _poll(
        client,
        server_id,
        ("DELETED", "SOFT_DELETED"),
        gone_ok=True,
        timeout=timeout,
        interval=interval,
        sleep=sleep,
        clock=clock,
    )


# -- metadata ---------------------------------------------------------------------------


def list_metadata(client: ServiceClient, server_id: str) -> MetadataResult:
    """A server's metadata: ``GET /servers/{server_id}/metadata`` (200).

    Example:
        >>> servers.list_metadata(compute, server_id).extract()  # doctest: +SKIP
        {'foo': 'Foo Value'}
    """
    url = _metadata.metadata_url(client, "servers", "server_id", server_id)
    return _metadata.get_all(client, url, MetadataResult)


def set_metadata(
    client: ServiceClient, server_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Replace all of a server's metadata: ``PUT /servers/{server_id}/metadata`` (200).

    Keys not in ``metadata`` are removed. Answers with the metadata now set.

    Example:
        >>> servers.set_metadata(compute, server_id, {"foo": "Foo Value"}
        ...                      ).extract()  # doctest: +SKIP
        {'foo': 'Foo Value'}
    """
    url = _metadata.metadata_url(client, "servers", "server_id", server_id)
    return _metadata.replace_all(client, url, metadata, MetadataResult)


def update_metadata(
    client: ServiceClient, server_id: str, metadata: Mapping[str, str]
) -> MetadataResult:
    """Merge items into a server's metadata: ``POST /servers/{server_id}/metadata`` (200).

    Other keys are kept. Answers with the whole metadata.

    Example:
        >>> servers.update_metadata(compute, server_id, {"env": "prod"})  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "servers", "server_id", server_id)
    return _metadata.merge(client, url, metadata, MetadataResult)


def get_metadatum(client: ServiceClient, server_id: str, key: str) -> MetadatumResult:
    """One metadata item: ``GET /servers/{server_id}/metadata/{key}`` (200).

    Example:
        >>> servers.get_metadatum(compute, server_id, "foo").extract()  # doctest: +SKIP
        {'foo': 'Foo Value'}
    """
    url = _metadata.metadata_url(client, "servers", "server_id", server_id, key)
    return _metadata.get_item(client, url, MetadatumResult)


def set_metadatum(client: ServiceClient, server_id: str, key: str, value: str) -> MetadatumResult:
    """Create or replace one metadata item: ``PUT /servers/{server_id}/metadata/{key}`` (200).

    Example:
        >>> servers.set_metadatum(compute, server_id, "foo", "Bar")  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "servers", "server_id", server_id, key)
    return _metadata.set_item(client, url, key, value, MetadatumResult)


def delete_metadatum(client: ServiceClient, server_id: str, key: str) -> DeleteResult:
    """Delete one metadata item: ``DELETE /servers/{server_id}/metadata/{key}`` (204).

    Example:
        >>> servers.delete_metadatum(compute, server_id, "foo").extract_err()  # doctest: +SKIP
    """
    url = _metadata.metadata_url(client, "servers", "server_id", server_id, key)
    return _metadata.delete_item(client, url, DeleteResult, ok_code=204)


# -- addresses -------------------------------------------------------------------------


def list_addresses(client: ServiceClient, server_id: str) -> AddressesResult:
    """A server's IP addresses by network: ``GET /servers/{server_id}/ips`` (200).

    Example:
        >>> servers.list_addresses(compute, server_id).extract()["private"][0].addr  # doctest: +SKIP
        '192.168.1.30'
    """  # noqa: E501
    url = client.service_url("servers", check_id("server_id", server_id), "ips")
    return client.call(AddressesResult, "GET", url, ok_codes=(200,))


def list_addresses_by_network(
    client: ServiceClient, server_id: str, network_label: str
) -> NetworkAddressesResult:
    """A server's addresses on one network: ``GET /servers/{server_id}/ips/{label}`` (200).

    Example:
        >>> servers.list_addresses_by_network(compute, server_id, "private"
        ...                                   ).extract()  # doctest: +SKIP
        (Address(addr='192.168.1.30', version=4, type=None, mac_addr=None),)
    """
    server_id = check_id("server_id", server_id)
    url = client.service_url("servers", server_id, "ips", check_id("network_label", network_label))
    return client.call(NetworkAddressesResult, "GET", url, ok_codes=(200,))


# -- instance actions --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListInstanceActionsOpts:
    """Paging and filters of a server's instance actions (2.58; ``changes_before`` 2.66).

    Example:
        >>> wire.build_query(ListInstanceActionsOpts(limit=1, marker="req-1"), client=None)
        [('limit', '1'), ('marker', 'req-1')]
    """

    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int, min_version="2.58")
    )
    marker: str | None = attrs.field(
        default=None, metadata=wire.query("marker", min_version="2.58")
    )
    changes_since: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("changes-since", min_version="2.58")
    )
    changes_before: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.query("changes-before", min_version="2.66")
    )


def list_instance_actions(
    client: ServiceClient, server_id: str, opts: ListInstanceActionsOpts | None = None
) -> Pager[InstanceAction]:
    """The actions run on a server: ``GET /servers/{server_id}/os-instance-actions`` (200).

    From 2.58 the listing is paged (``links``) and takes ``opts``; before, it comes
    whole and ``opts`` raise :class:`~oscloud.errors.MicroversionError`.

    Example:
        >>> for action in servers.list_instance_actions(compute, server_id).items():  # doctest: +SKIP
        ...     print(action.action, action.start_time)
    """  # noqa: E501
    server_id = check_id("server_id", server_id)
    url = wire.url(
        client, "servers", server_id, "os-instance-actions", query=opts, of=ListInstanceActionsOpts
    )
    return Pager(client, url, InstanceActionPage)


def get_instance_action(
    client: ServiceClient, server_id: str, request_id: str
) -> InstanceActionResult:
    """One action and its events: ``GET /servers/{server_id}/os-instance-actions/{id}`` (200).

    ``request_id`` is the id of the request that started the action.

    Example:
        >>> action = servers.get_instance_action(compute, server_id, "req-0d81"
        ...                                      ).extract()  # doctest: +SKIP
        >>> [e.event for e in action.events]  # doctest: +SKIP
        ['compute_stop_instance']
    """
    server_id = check_id("server_id", server_id)
    request_id = check_id("request_id", request_id)
    url = client.service_url("servers", server_id, "os-instance-actions", request_id)
    return client.call(InstanceActionResult, "GET", url, ok_codes=(200,))


# -- tags (2.26) ----------------------------------------------------------------------

_TAGS = "server tags"


def list_tags(client: ServiceClient, server_id: str) -> TagsResult:
    """A server's tags: ``GET /servers/{server_id}/tags`` (200; microversion 2.26).

    Example:
        >>> servers.list_tags(compute.with_microversion("2.26"), server_id
        ...                   ).extract()  # doctest: +SKIP
        ['sometag']
    """
    url = client.service_url("servers", check_id("server_id", server_id), "tags")
    client.require_microversion("2.26", _TAGS)
    return client.call(TagsResult, "GET", url, ok_codes=(200,))


def replace_tags(client: ServiceClient, server_id: str, tags: Iterable[str]) -> TagsResult:
    """Replace all of a server's tags: ``PUT /servers/{server_id}/tags`` (200; 2.26).

    Tags are checked first: non-empty, at most 60 characters, no ``/`` or ``,``.

    Example:
        >>> servers.replace_tags(compute, server_id, ["web", "prod"])  # doctest: +SKIP
    """
    body = {"tags": checked_tags(tags)}
    url = client.service_url("servers", check_id("server_id", server_id), "tags")
    client.require_microversion("2.26", _TAGS)
    return client.call(TagsResult, "PUT", url, json=body, ok_codes=(200,))


def add_tag(client: ServiceClient, server_id: str, tag: str) -> AddTagResult:
    """Add one tag: ``PUT /servers/{server_id}/tags/{tag}`` (201, 204; microversion 2.26).

    201 means added, 204 that the server had it already.

    Example:
        >>> servers.add_tag(compute, server_id, "web").extract_err()  # doctest: +SKIP
    """
    url = client.service_url("servers", check_id("server_id", server_id), "tags", checked_tag(tag))
    client.require_microversion("2.26", _TAGS)
    return client.call(AddTagResult, "PUT", url, ok_codes=(201, 204))


def check_tag(client: ServiceClient, server_id: str, tag: str) -> CheckTagResult:
    """Whether a server has a tag: ``GET /servers/{server_id}/tags/{tag}`` (204, 404; 2.26).

    204 means yes, 404 no. Nova answers 404 for a missing server as well: ``extract()``
    is then ``False`` too.

    Example:
        >>> servers.check_tag(compute, server_id, "web").extract()  # doctest: +SKIP
        True
    """
    url = client.service_url("servers", check_id("server_id", server_id), "tags", checked_tag(tag))
    client.require_microversion("2.26", _TAGS)
    return client.call(CheckTagResult, "GET", url, ok_codes=(204, 404))


def delete_tag(client: ServiceClient, server_id: str, tag: str) -> DeleteResult:
    """Remove one tag: ``DELETE /servers/{server_id}/tags/{tag}`` (204; 2.26).

    Example:
        >>> servers.delete_tag(compute, server_id, "web").extract_err()  # doctest: +SKIP
    """
    url = client.service_url("servers", check_id("server_id", server_id), "tags", checked_tag(tag))
    client.require_microversion("2.26", _TAGS)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))


def delete_all_tags(client: ServiceClient, server_id: str) -> DeleteResult:
    """Remove every tag: ``DELETE /servers/{server_id}/tags`` (204; 2.26).

    Example:
        >>> servers.delete_all_tags(compute, server_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("servers", check_id("server_id", server_id), "tags")
    client.require_microversion("2.26", _TAGS)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListInstanceActionsOptsBuilder": (ListInstanceActionsOpts, "ListInstanceActionsOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
