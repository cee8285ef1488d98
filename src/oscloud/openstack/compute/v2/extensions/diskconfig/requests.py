"""Options of the disk config extension: wrap server options to add ``OS-DCF:diskConfig``."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from oscloud.openstack.compute.v2.servers import (
    CreateOptsBuilder,
    RebuildOptsBuilder,
    ResizeOptsBuilder,
    UpdateOptsBuilder,
)

__all__ = ["CreateOptsExt", "DiskConfig", "RebuildOptsExt", "ResizeOptsExt", "UpdateOptsExt"]

WIRE_NAME = "OS-DCF:diskConfig"


class DiskConfig(str, enum.Enum):
    """How a server's root disk is partitioned.

    ``AUTO``: one partition grown to the whole disk, the file system resized to match.
    ``MANUAL``: the partitions of the image as they are; the rest of the disk unused.

    Example:
        >>> DiskConfig("MANUAL") is DiskConfig.MANUAL
        True
    """

    AUTO = "AUTO"
    MANUAL = "MANUAL"


def _add(body: dict[str, Any], root: str, disk_config: DiskConfig | str) -> dict[str, Any]:
    value = DiskConfig(disk_config).value  # ValueError for anything but AUTO or MANUAL
    body[root][WIRE_NAME] = value
    return body


@attrs.frozen(kw_only=True)
class CreateOptsExt:
    """Server create options plus a disk config.

    Example:
        >>> from oscloud.openstack.compute.v2 import servers
        >>> base = servers.CreateOpts(name="web", image_ref="70a599e0", flavor_ref="1")
        >>> CreateOptsExt(create_opts_builder=base, disk_config=DiskConfig.MANUAL
        ...               ).to_server_create_map()
        {'server': {'name': 'web', 'imageRef': '70a599e0', 'flavorRef': '1', \
'OS-DCF:diskConfig': 'MANUAL'}}
    """

    create_opts_builder: CreateOptsBuilder
    disk_config: DiskConfig | str

    def to_server_create_map(self) -> dict[str, Any]:
        """The base body with ``server["OS-DCF:diskConfig"]`` added."""
        return _add(self.create_opts_builder.to_server_create_map(), "server", self.disk_config)


@attrs.frozen(kw_only=True)
class RebuildOptsExt:
    """Server rebuild options plus a disk config.

    Example:
        >>> from oscloud.openstack.compute.v2 import servers
        >>> RebuildOptsExt(rebuild_opts_builder=servers.RebuildOpts(image_ref="70a599e0"),
        ...                disk_config="AUTO").to_server_rebuild_map()
        {'rebuild': {'imageRef': '70a599e0', 'OS-DCF:diskConfig': 'AUTO'}}
    """

    rebuild_opts_builder: RebuildOptsBuilder
    disk_config: DiskConfig | str

    def to_server_rebuild_map(self) -> dict[str, Any]:
        """The base body with ``rebuild["OS-DCF:diskConfig"]`` added."""
        return _add(self.rebuild_opts_builder.to_server_rebuild_map(), "rebuild", self.disk_config)


@attrs.frozen(kw_only=True)
class ResizeOptsExt:
    """Server resize options plus a disk config.

    Example:
        >>> from oscloud.openstack.compute.v2 import servers
        >>> ResizeOptsExt(resize_opts_builder=servers.ResizeOpts(flavor_ref="2"),
        ...               disk_config=DiskConfig.AUTO).to_server_resize_map()
        {'resize': {'flavorRef': '2', 'OS-DCF:diskConfig': 'AUTO'}}
    """

    resize_opts_builder: ResizeOptsBuilder
    disk_config: DiskConfig | str

    def to_server_resize_map(self) -> dict[str, Any]:
        """The base body with ``resize["OS-DCF:diskConfig"]`` added."""
        return _add(self.resize_opts_builder.to_server_resize_map(), "resize", self.disk_config)


@attrs.frozen(kw_only=True)
class UpdateOptsExt:
    """Server update options plus a disk config.

    Example:
        >>> from oscloud.openstack.compute.v2 import servers
        >>> UpdateOptsExt(update_opts_builder=servers.UpdateOpts(name="web-2"),
        ...               disk_config="MANUAL").to_server_update_map()
        {'server': {'name': 'web-2', 'OS-DCF:diskConfig': 'MANUAL'}}
    """

    update_opts_builder: UpdateOptsBuilder
    disk_config: DiskConfig | str

    def to_server_update_map(self) -> dict[str, Any]:
        """The base body with ``server["OS-DCF:diskConfig"]`` added."""
        return _add(self.update_opts_builder.to_server_update_map(), "server", self.disk_config)
