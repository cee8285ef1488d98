"""Server actions: ``POST /servers/{server_id}/action``, and remote consoles.

Every action goes through one helper, :func:`_action`: the operation builds the body
(``{"<action>": …}``) from its options with the client, so that a field the client's
microversion lacks is refused before anything is sent; the helper checks the id, sends
it and wraps the answer. Actions with no response body return an
:class:`~oscloud.results.ErrResult`; read its error with ``extract_err()``.
"""

from __future__ import annotations

import builtins
import enum
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar, overload

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2._common import NullType, base64_user_data, checked_metadata
from oscloud.openstack.compute.v2.servers.results import (
    ActionResult,
    ConsoleOutputResult,
    CreateImageResult,
    RebuildResult,
    RemoteConsoleResult,
    RescueResult,
)
from oscloud.results import Result
from oscloud.service import ServiceClient, check_id

__all__ = [
    "ConsoleProtocol",
    "ConsoleType",
    "CreateImageOpts",
    "DiskConfig",
    "LockOpts",
    "RebootType",
    "RebuildOpts",
    "RemoteConsoleOpts",
    "RescueOpts",
    "ResizeOpts",
    "UnshelveOpts",
    "change_admin_password",
    "confirm_resize",
    "create_image",
    "create_remote_console",
    "force_delete",
    "get_console_output",
    "lock",
    "pause",
    "reboot",
    "rebuild",
    "rescue",
    "resize",
    "restore",
    "resume",
    "revert_resize",
    "shelve",
    "shelve_offload",
    "start",
    "stop",
    "suspend",
    "unlock",
    "unpause",
    "unrescue",
    "unshelve",
]

R = TypeVar("R", bound=Result[Any])


class DiskConfig(str, enum.Enum):
    """How a server's root disk is partitioned (``OS-DCF:diskConfig``).

    ``AUTO``: one partition grown to the whole disk, the file system resized to match.
    ``MANUAL``: the partitions of the image as they are; the rest of the disk unused.
    Sent as ``disk_config`` of
    :class:`~oscloud.openstack.compute.v2.servers.CreateOpts`,
    :class:`~oscloud.openstack.compute.v2.servers.RebuildOpts`,
    :class:`~oscloud.openstack.compute.v2.servers.ResizeOpts` and
    :class:`~oscloud.openstack.compute.v2.servers.UpdateOpts`; read from a server with
    :func:`oscloud.openstack.compute.v2.extensions.diskconfig.extract_get`.

    Example:
        >>> DiskConfig("MANUAL") is DiskConfig.MANUAL
        True
    """

    AUTO = "AUTO"
    MANUAL = "MANUAL"


def _disk_config(value: Any) -> str:
    return DiskConfig(value).value  # ValueError for anything but AUTO or MANUAL


@overload
def _action(
    client: ServiceClient, server_id: str, body: dict[str, Any], ok_codes: tuple[int, ...] = ...
) -> ActionResult: ...


@overload
def _action(
    client: ServiceClient,
    server_id: str,
    body: dict[str, Any],
    ok_codes: tuple[int, ...],
    result_class: builtins.type[R],
) -> R: ...


def _action(
    client: ServiceClient,
    server_id: str,
    body: dict[str, Any],
    ok_codes: tuple[int, ...] = (202,),
    result_class: builtins.type[Result[Any]] = ActionResult,
) -> Result[Any]:
    """``POST /servers/{server_id}/action`` with ``body``; the one place actions are sent."""
    url = client.service_url("servers", check_id("server_id", server_id), "action")
    return client.call(result_class, "POST", url, json=body, ok_codes=ok_codes)


# -- actions without options ------------------------------------------------------


def start(client: ServiceClient, server_id: str) -> ActionResult:
    """Start a stopped server: ``os-start`` (202); it becomes ``ACTIVE``.

    Example:
        >>> servers.start(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"os-start": None})


def stop(client: ServiceClient, server_id: str) -> ActionResult:
    """Stop a running server: ``os-stop`` (202); it becomes ``SHUTOFF``.

    Example:
        >>> servers.stop(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"os-stop": None})


def pause(client: ServiceClient, server_id: str) -> ActionResult:
    """Pause a server (state kept in memory): ``pause`` (202); it becomes ``PAUSED``.

    Example:
        >>> servers.pause(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"pause": None})


def unpause(client: ServiceClient, server_id: str) -> ActionResult:
    """Unpause a paused server: ``unpause`` (202).

    Example:
        >>> servers.unpause(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"unpause": None})


def suspend(client: ServiceClient, server_id: str) -> ActionResult:
    """Suspend a server (state saved to disk): ``suspend`` (202); it becomes ``SUSPENDED``.

    Example:
        >>> servers.suspend(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"suspend": None})


def resume(client: ServiceClient, server_id: str) -> ActionResult:
    """Resume a suspended server: ``resume`` (202).

    Example:
        >>> servers.resume(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"resume": None})


def unlock(client: ServiceClient, server_id: str) -> ActionResult:
    """Unlock a locked server: ``unlock`` (202).

    Example:
        >>> servers.unlock(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"unlock": None})


def unrescue(client: ServiceClient, server_id: str) -> ActionResult:
    """Leave rescue mode: ``unrescue`` (202); the server becomes ``ACTIVE``.

    Example:
        >>> servers.unrescue(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"unrescue": None})


def shelve(client: ServiceClient, server_id: str) -> ActionResult:
    """Shelve a server: ``shelve`` (202); it becomes ``SHELVED`` or ``SHELVED_OFFLOADED``.

    Example:
        >>> servers.shelve(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"shelve": None})


def shelve_offload(client: ServiceClient, server_id: str) -> ActionResult:
    """Remove a shelved server from its host: ``shelveOffload`` (202).

    Example:
        >>> servers.shelve_offload(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"shelveOffload": None})


def confirm_resize(client: ServiceClient, server_id: str) -> ActionResult:
    """Confirm a resize (server in ``VERIFY_RESIZE``): ``confirmResize`` (204).

    Example:
        >>> servers.confirm_resize(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"confirmResize": None}, ok_codes=(204,))


def revert_resize(client: ServiceClient, server_id: str) -> ActionResult:
    """Undo a resize (server in ``VERIFY_RESIZE``): ``revertResize`` (202).

    Example:
        >>> servers.revert_resize(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"revertResize": None})


def force_delete(client: ServiceClient, server_id: str) -> ActionResult:
    """Delete a soft-deleted server now: ``forceDelete`` (202).

    Example:
        >>> servers.force_delete(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"forceDelete": None})


def restore(client: ServiceClient, server_id: str) -> ActionResult:
    """Bring back a soft-deleted server: ``restore`` (202).

    Example:
        >>> servers.restore(compute, server_id).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, {"restore": None})


# -- actions with arguments --------------------------------------------------------


class RebootType(str, enum.Enum):
    """How to reboot: ``SOFT`` asks the guest OS, ``HARD`` cuts the power.

    Example:
        >>> RebootType("HARD") is RebootType.HARD
        True
    """

    SOFT = "SOFT"
    HARD = "HARD"


def reboot(
    client: ServiceClient, server_id: str, reboot_type: RebootType | str = RebootType.SOFT
) -> ActionResult:
    """Reboot a server: ``reboot`` (202).

    Raises:
        ValueError: ``reboot_type`` is neither ``SOFT`` nor ``HARD``.

    Example:
        >>> servers.reboot(compute, server_id, RebootType.HARD).extract_err()  # doctest: +SKIP
    """
    how = RebootType(reboot_type.upper() if isinstance(reboot_type, str) else reboot_type)
    return _action(client, server_id, {"reboot": {"type": how.value}})


@attrs.frozen(kw_only=True)
class LockOpts:
    """Why a server is locked: ``locked_reason`` (microversion 2.73).

    The reason shows as the server's ``locked_reason``.

    Example:
        >>> wire.build_body(LockOpts(locked_reason="maintenance"), "lock", client=None)
        {'lock': {'locked_reason': 'maintenance'}}
    """

    locked_reason: str | None = attrs.field(
        default=None, metadata=wire.body("locked_reason", min_version="2.73")
    )


def lock(
    client: ServiceClient,
    server_id: str,
    opts: LockOpts | None = None,
    *,
    reason: str | None = None,
) -> ActionResult:
    """Lock a server against changes by non-administrators: ``lock`` (202).

    ``reason`` is short for ``LockOpts(locked_reason=reason)``; give one or the other.
    A reason needs microversion 2.73; without one the body is ``{"lock": null}``.

    Raises:
        MicroversionError: a reason with a client older than 2.73.
        TypeError: both ``opts`` and ``reason``, or ``opts`` that is not a
            :class:`LockOpts`.

    Example:
        >>> servers.lock(compute.with_microversion("2.73"), server_id,
        ...              reason="maintenance").extract_err()  # doctest: +SKIP
    """
    if reason is not None:
        if opts is not None:
            raise TypeError("lock takes opts or reason, not both")
        opts = LockOpts(locked_reason=reason)
    if opts is None:
        return _action(client, server_id, {"lock": None})
    body = wire.build_body(opts, "lock", client=client, of=LockOpts)
    return _action(client, server_id, body if body["lock"] else {"lock": None})


def change_admin_password(client: ServiceClient, server_id: str, admin_pass: str) -> ActionResult:
    """Set the server's administrator password: ``changePassword`` (202).

    Raises:
        MissingInputError: ``admin_pass`` is empty.

    Example:
        >>> servers.change_admin_password(compute, server_id, new_password
        ...                               ).extract_err()  # doctest: +SKIP
    """
    if not isinstance(admin_pass, str) or not admin_pass:
        raise MissingInputError("admin_pass is required")
    return _action(client, server_id, {"changePassword": {"adminPass": admin_pass}})


def get_console_output(
    client: ServiceClient, server_id: str, length: int | None = None
) -> ConsoleOutputResult:
    """The server's console log: ``os-getConsoleOutput`` (200); ``length`` last lines only.

    Example:
        >>> print(servers.get_console_output(compute, server_id, 50
        ...                                  ).extract())  # doctest: +SKIP
    """
    options = {"length": length} if length is not None else {}
    return _action(client, server_id, {"os-getConsoleOutput": options}, (200,), ConsoleOutputResult)


@attrs.frozen(kw_only=True)
class RebuildOpts:
    """How to rebuild a server: its new image, and what else changes.

    Microversions: ``description`` 2.19, ``key_name`` 2.54 (:data:`oscloud.NULL`
    removes the key pair), ``user_data`` 2.57 (raw content, base64-encoded here;
    :data:`oscloud.NULL` removes it), ``trusted_image_certificates`` 2.63, ``hostname``
    2.90. ``disk_config`` (``OS-DCF:diskConfig``) is a :class:`DiskConfig`.

    Example:
        >>> opts = RebuildOpts(image_ref="70a599e0", name="foobar", key_name="new-key",
        ...     metadata={"meta_var": "meta_val"}, user_data='echo "hello world"')
        >>> wire.build_body(opts, "rebuild", client=None)
        {'rebuild': {'imageRef': '70a599e0', 'name': 'foobar', \
'metadata': {'meta_var': 'meta_val'}, 'key_name': 'new-key', \
'user_data': 'ZWNobyAiaGVsbG8gd29ybGQi'}}
    """

    image_ref: str | None = attrs.field(default=None, metadata=wire.body("imageRef", required=True))
    name: str | None = attrs.field(default=None, metadata=wire.body("name"))
    admin_pass: str | None = attrs.field(default=None, repr=False, metadata=wire.body("adminPass"))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )
    preserve_ephemeral: bool | None = attrs.field(
        default=None, metadata=wire.body("preserve_ephemeral")
    )
    description: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("description", min_version="2.19")
    )
    key_name: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("key_name", min_version="2.54")
    )
    user_data: bytes | str | NullType | None = attrs.field(
        default=None,
        repr=False,
        metadata=wire.body("user_data", encode=base64_user_data, min_version="2.57"),
    )
    access_ipv4: str | None = attrs.field(default=None, metadata=wire.body("accessIPv4"))
    access_ipv6: str | None = attrs.field(default=None, metadata=wire.body("accessIPv6"))
    trusted_image_certificates: Sequence[str] | NullType | None = attrs.field(
        default=None, metadata=wire.body("trusted_image_certificates", min_version="2.63")
    )
    hostname: str | None = attrs.field(
        default=None, metadata=wire.body("hostname", min_version="2.90")
    )
    disk_config: DiskConfig | str | None = attrs.field(
        default=None,
        metadata=wire.body("OS-DCF:diskConfig", encode=_disk_config),
    )


def rebuild(client: ServiceClient, server_id: str, opts: RebuildOpts) -> RebuildResult:
    """Rebuild a server from an image: ``rebuild`` (202); answers with the server.

    The answer's ``admin_pass`` holds the new password (unless the cloud disables it).

    Raises:
        MissingInputError: no ``image_ref``.
        MicroversionError: a field the client's microversion does not have.

    Example:
        >>> server = servers.rebuild(compute, server_id,
        ...     RebuildOpts(image_ref=image_id)).extract()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "rebuild", client=client, of=RebuildOpts)
    return _action(client, server_id, body, (202,), RebuildResult)


@attrs.frozen(kw_only=True)
class ResizeOpts:
    """The flavor to resize to, and how to partition the disk (``disk_config``).

    Example:
        >>> wire.build_body(ResizeOpts(flavor_ref="2", disk_config=DiskConfig.AUTO), "resize",
        ...                 client=None)
        {'resize': {'flavorRef': '2', 'OS-DCF:diskConfig': 'AUTO'}}
    """

    flavor_ref: str | None = attrs.field(
        default=None, metadata=wire.body("flavorRef", required=True)
    )
    disk_config: DiskConfig | str | None = attrs.field(
        default=None,
        metadata=wire.body("OS-DCF:diskConfig", encode=_disk_config),
    )


def resize(client: ServiceClient, server_id: str, opts: ResizeOpts) -> ActionResult:
    """Resize a server to another flavor: ``resize`` (202).

    The server ends in ``VERIFY_RESIZE``: then :func:`confirm_resize` or
    :func:`revert_resize`.

    Raises:
        MissingInputError: no ``flavor_ref``.
        ValueError: a ``disk_config`` other than ``AUTO`` and ``MANUAL``.

    Example:
        >>> servers.resize(compute, server_id, ResizeOpts(flavor_ref="2")
        ...                ).extract_err()  # doctest: +SKIP
    """
    return _action(client, server_id, wire.build_body(opts, "resize", client=client, of=ResizeOpts))


@attrs.frozen(kw_only=True)
class CreateImageOpts:
    """The name and metadata of a snapshot image.

    Example:
        >>> CreateImageOpts(name="foo-image", metadata={"meta_var": "meta_val"})
        CreateImageOpts(name='foo-image', metadata={'meta_var': 'meta_val'})
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name", required=True))
    metadata: Mapping[str, str] | None = attrs.field(
        default=None, metadata=wire.body("metadata", encode=checked_metadata)
    )


def create_image(client: ServiceClient, server_id: str, opts: CreateImageOpts) -> CreateImageResult:
    """Snapshot a server into an image: ``createImage`` (202); ``extract()`` gives its id.

    The id is read from the body's ``image_id`` (2.45 and later) or from the
    ``Location`` header (before 2.45).

    Raises:
        MissingInputError: no ``name``.
        ValueError: malformed metadata.

    Example:
        >>> image_id = servers.create_image(compute, server_id,
        ...     CreateImageOpts(name="snap")).extract()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "createImage", client=client, of=CreateImageOpts)
    return _action(client, server_id, body, (202,), CreateImageResult)


@attrs.frozen(kw_only=True)
class RescueOpts:
    """The password and image of rescue mode (both optional).

    Example:
        >>> RescueOpts(admin_pass="MySecretPass")
        RescueOpts(rescue_image_ref=None)
    """

    admin_pass: str | None = attrs.field(default=None, repr=False, metadata=wire.body("adminPass"))
    rescue_image_ref: str | None = attrs.field(default=None, metadata=wire.body("rescue_image_ref"))


def rescue(client: ServiceClient, server_id: str, opts: RescueOpts | None = None) -> RescueResult:
    """Boot a server into rescue mode: ``rescue`` (200); ``extract()`` gives the password.

    Example:
        >>> password = servers.rescue(compute, server_id).extract()  # doctest: +SKIP
    """
    body = wire.build_body(
        opts if opts is not None else RescueOpts(), "rescue", client=client, of=RescueOpts
    )
    return _action(client, server_id, body, (200,), RescueResult)


@attrs.frozen(kw_only=True)
class UnshelveOpts:
    """Where to unshelve a server.

    ``availability_zone`` from 2.77 (:data:`oscloud.NULL`, from 2.91, unpins the server
    from its zone); ``host`` from 2.91 (administrators).

    Example:
        >>> wire.build_body(UnshelveOpts(availability_zone="us-west"), "unshelve", client=None)
        {'unshelve': {'availability_zone': 'us-west'}}
    """

    availability_zone: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("availability_zone", min_version="2.77")
    )
    host: str | None = attrs.field(default=None, metadata=wire.body("host", min_version="2.91"))


def unshelve(
    client: ServiceClient, server_id: str, opts: UnshelveOpts | None = None
) -> ActionResult:
    """Bring a shelved server back: ``unshelve`` (202).

    Without ``opts`` the body is ``{"unshelve": null}``, valid at every microversion.

    Raises:
        MicroversionError: ``availability_zone`` with a client older than 2.77,
            :data:`oscloud.NULL` as ``availability_zone`` or a ``host`` with one older
            than 2.91.

    Example:
        >>> servers.unshelve(compute.with_microversion("2.77"), server_id,
        ...     UnshelveOpts(availability_zone="us-west")).extract_err()  # doctest: +SKIP
    """
    if opts is None:
        return _action(client, server_id, {"unshelve": None})
    body = wire.build_body(opts, "unshelve", client=client, of=UnshelveOpts)
    if opts.availability_zone is wire.NULL:  # unpinning came after the zone itself
        client.require_microversion("2.91", "UnshelveOpts.availability_zone=NULL")
    return _action(client, server_id, body)


# -- remote consoles (2.6) -------------------------------------------------------------


class ConsoleProtocol(str, enum.Enum):
    """The protocol of a remote console (``mks`` from microversion 2.8).

    Example:
        >>> ConsoleProtocol.SPICE.value
        'spice'
    """

    VNC = "vnc"
    SPICE = "spice"
    RDP = "rdp"
    SERIAL = "serial"
    MKS = "mks"


class ConsoleType(str, enum.Enum):
    """The type of a remote console (``webmks`` from 2.8, ``spice-direct`` from 2.99).

    Example:
        >>> ConsoleType("spice-html5") is ConsoleType.SPICE_HTML5
        True
    """

    NOVNC = "novnc"
    XVPVNC = "xvpvnc"
    SPICE_HTML5 = "spice-html5"
    SPICE_DIRECT = "spice-direct"
    RDP_HTML5 = "rdp-html5"
    SERIAL = "serial"
    WEBMKS = "webmks"


@attrs.frozen(kw_only=True)
class RemoteConsoleOpts:
    """The protocol and type of a remote console.

    ``mks``/``webmks`` from 2.8, ``spice-direct`` from 2.99: values, checked by
    :func:`create_remote_console` against the client's microversion.

    Example:
        >>> opts = RemoteConsoleOpts(protocol=ConsoleProtocol.VNC, type=ConsoleType.NOVNC)
        >>> wire.build_body(opts, "remote_console", client=None)
        {'remote_console': {'protocol': 'vnc', 'type': 'novnc'}}
    """

    protocol: ConsoleProtocol | str | None = attrs.field(
        default=None, metadata=wire.body("protocol", required=True)
    )
    type: ConsoleType | str | None = attrs.field(
        default=None, metadata=wire.body("type", required=True)
    )


#: Console protocols and types that a microversion after 2.6 brought.
_CONSOLE_VALUES = {
    ("protocol", "mks"): "2.8",
    ("type", "webmks"): "2.8",
    ("type", "spice-direct"): "2.99",
}


def create_remote_console(
    client: ServiceClient, server_id: str, opts: RemoteConsoleOpts
) -> RemoteConsoleResult:
    """Get a console URL: ``POST /servers/{server_id}/remote-consoles`` (200; 2.6).

    Raises:
        MissingInputError: no ``protocol`` or no ``type``.
        MicroversionError: the client's microversion is older than 2.6, or than the
            one that brought the protocol or type (``mks``/``webmks`` 2.8,
            ``spice-direct`` 2.99).

    Example:
        >>> console = servers.create_remote_console(compute.with_microversion("2.6"),
        ...     server_id, RemoteConsoleOpts(protocol="vnc", type="novnc")
        ...     ).extract()  # doctest: +SKIP
        >>> console.url  # doctest: +SKIP
        'http://example.com:6080/vnc_auto.html?path=%3Ftoken%3Db60bcfc3'
    """
    body = wire.build_body(opts, "remote_console", client=client, of=RemoteConsoleOpts)
    url = client.service_url("servers", check_id("server_id", server_id), "remote-consoles")
    client.require_microversion("2.6", "remote consoles")
    for name, value in body["remote_console"].items():
        version = _CONSOLE_VALUES.get((name, value))
        if version is not None:
            client.require_microversion(version, f"RemoteConsoleOpts.{name}={value!r}")
    return client.call(RemoteConsoleResult, "POST", url, json=body, ok_codes=(200,))


__getattr__ = aliases(
    __name__,
    {
        "CreateImageOptsBuilder": (CreateImageOpts, "CreateImageOpts"),
        "RebuildOptsBuilder": (RebuildOpts, "RebuildOpts"),
        "RemoteConsoleOptsBuilder": (RemoteConsoleOpts, "RemoteConsoleOpts"),
        "RescueOptsBuilder": (RescueOpts, "RescueOpts"),
        "ResizeOptsBuilder": (ResizeOpts, "ResizeOpts"),
        "UnshelveOptsBuilder": (UnshelveOpts, "UnshelveOpts"),
    },
)
