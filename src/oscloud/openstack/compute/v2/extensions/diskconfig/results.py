"""Reading ``OS-DCF:diskConfig`` from server results and pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oscloud import _readers as read
from oscloud.errors import InvalidResponseError
from oscloud.openstack.compute.v2.extensions.diskconfig.requests import WIRE_NAME, DiskConfig
from oscloud.pagination import Page
from oscloud.results import Result, build_checked

__all__ = ["disk_config_from_json", "extract_disk_configs", "extract_get"]


def disk_config_from_json(server: Mapping[str, Any]) -> DiskConfig | None:
    """The disk config of one ``server`` object (``None`` when it has none).

    Raises:
        InvalidResponseError: the value is neither ``AUTO`` nor ``MANUAL``.

    Example:
        >>> disk_config_from_json({"id": "s1", "OS-DCF:diskConfig": "AUTO"})
        <DiskConfig.AUTO: 'AUTO'>
        >>> disk_config_from_json({"id": "s1"}) is None
        True
    """
    value = server.get(WIRE_NAME)
    if value is None:
        return None
    try:
        return DiskConfig(value)
    except ValueError as err:
        raise InvalidResponseError(f"unknown {WIRE_NAME} value {value!r}") from err


def extract_get(result: Result[Any]) -> DiskConfig | None:
    """The disk config of the server in a result: get, update, rebuild or create.

    Raises the result's error, like ``result.extract()``.

    Example:
        >>> from oscloud.openstack.compute.v2 import servers
        >>> result = servers.GetResult(body={"server": {"id": "s1",
        ...                                              "OS-DCF:diskConfig": "MANUAL"}})
        >>> extract_get(result)
        <DiskConfig.MANUAL: 'MANUAL'>
    """
    return result.extract_into(disk_config_from_json, "server")


def extract_disk_configs(page: Page[Any]) -> dict[str, DiskConfig | None]:
    """The disk config of each server of a page, by server id.

    Raises:
        InvalidResponseError: a server without a string ``id``, or an unknown value.

    Example:
        >>> from oscloud.openstack.compute.v2 import servers
        >>> page = servers.ServerPage(url="u", body={"servers": [
        ...     {"id": "s1", "OS-DCF:diskConfig": "AUTO"}, {"id": "s2"}]})
        >>> extract_disk_configs(page)
        {'s1': <DiskConfig.AUTO: 'AUTO'>, 's2': None}
    """
    return build_checked(_by_server_id, page.raw_items(), f"{type(page).__name__}: diskConfig")


def _by_server_id(servers: list[Any]) -> dict[str, DiskConfig | None]:
    return {read.text(server["id"]): disk_config_from_json(server) for server in servers}
