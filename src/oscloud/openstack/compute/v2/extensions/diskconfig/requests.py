"""Options of the disk config extension: the servers options' ``disk_config``, and old shims.

The disk config is a field of the server options now (``disk_config``, sent as
``OS-DCF:diskConfig``). The ``*OptsExt`` functions are kept for code written against
the wrappers this extension used to have: each takes the server options and the disk
config, warns :class:`DeprecationWarning`, and returns the options with ``disk_config``
set (:func:`attrs.evolve`).
"""

from __future__ import annotations

from typing import TypeVar

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import warn
from oscloud.openstack.compute.v2.servers import (
    CreateOpts,
    DiskConfig,
    RebuildOpts,
    ResizeOpts,
    UpdateOpts,
)

__all__ = ["CreateOptsExt", "DiskConfig", "RebuildOptsExt", "ResizeOptsExt", "UpdateOptsExt"]

#: The JSON member of a server (request or response) that holds its disk config.
WIRE_NAME = "OS-DCF:diskConfig"

OptsT = TypeVar("OptsT", CreateOpts, RebuildOpts, ResizeOpts, UpdateOpts)


def _with_disk_config(
    name: str, opts: OptsT, of: type[OptsT], disk_config: DiskConfig | str
) -> OptsT:
    warn(f"diskconfig.{name}", f"servers.{of.__name__}(disk_config=...)", stacklevel=4)
    return attrs.evolve(wire.checked(opts, of), disk_config=disk_config)


def CreateOptsExt(  # noqa: N802 - the name of the class it replaces
    *, create_opts_builder: CreateOpts, disk_config: DiskConfig | str
) -> CreateOpts:
    """Deprecated: server create options with a disk config; use ``CreateOpts(disk_config=)``.

    Returns ``create_opts_builder`` with ``disk_config`` set; warns
    :class:`DeprecationWarning`.

    Raises:
        TypeError: ``create_opts_builder`` is not a :class:`servers.CreateOpts
            <oscloud.openstack.compute.v2.servers.CreateOpts>`.

    Example:
        >>> import warnings
        >>> from oscloud.openstack.compute.v2 import servers
        >>> base = servers.CreateOpts(name="web", image_ref="70a599e0", flavor_ref="1")
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     opts = CreateOptsExt(create_opts_builder=base, disk_config=DiskConfig.MANUAL)
        >>> opts == servers.CreateOpts(name="web", image_ref="70a599e0", flavor_ref="1",
        ...                            disk_config=DiskConfig.MANUAL)
        True
    """
    return _with_disk_config("CreateOptsExt", create_opts_builder, CreateOpts, disk_config)


def RebuildOptsExt(  # noqa: N802 - the name of the class it replaces
    *, rebuild_opts_builder: RebuildOpts, disk_config: DiskConfig | str
) -> RebuildOpts:
    """Deprecated: server rebuild options with a disk config; use ``RebuildOpts(disk_config=)``.

    Returns ``rebuild_opts_builder`` with ``disk_config`` set; warns
    :class:`DeprecationWarning`.

    Example:
        >>> import warnings
        >>> from oscloud.openstack.compute.v2 import servers
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     RebuildOptsExt(rebuild_opts_builder=servers.RebuildOpts(image_ref="70a599e0"),
        ...                    disk_config="AUTO").disk_config
        'AUTO'
    """
    return _with_disk_config("RebuildOptsExt", rebuild_opts_builder, RebuildOpts, disk_config)


def ResizeOptsExt(  # noqa: N802 - the name of the class it replaces
    *, resize_opts_builder: ResizeOpts, disk_config: DiskConfig | str
) -> ResizeOpts:
    """Deprecated: server resize options with a disk config; use ``ResizeOpts(disk_config=)``.

    Returns ``resize_opts_builder`` with ``disk_config`` set; warns
    :class:`DeprecationWarning`.

    Example:
        >>> import warnings
        >>> from oscloud.openstack.compute.v2 import servers
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     ResizeOptsExt(resize_opts_builder=servers.ResizeOpts(flavor_ref="2"),
        ...                   disk_config=DiskConfig.AUTO)
        ResizeOpts(flavor_ref='2', disk_config=<DiskConfig.AUTO: 'AUTO'>)
    """
    return _with_disk_config("ResizeOptsExt", resize_opts_builder, ResizeOpts, disk_config)


def UpdateOptsExt(  # noqa: N802 - the name of the class it replaces
    *, update_opts_builder: UpdateOpts, disk_config: DiskConfig | str
) -> UpdateOpts:
    """Deprecated: server update options with a disk config; use ``UpdateOpts(disk_config=)``.

    Returns ``update_opts_builder`` with ``disk_config`` set; warns
    :class:`DeprecationWarning`.

    Example:
        >>> import warnings
        >>> from oscloud.openstack.compute.v2 import servers
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     UpdateOptsExt(update_opts_builder=servers.UpdateOpts(name="web-2"),
        ...                   disk_config="MANUAL").disk_config
        'MANUAL'
    """
    return _with_disk_config("UpdateOptsExt", update_opts_builder, UpdateOpts, disk_config)
