"""URLs of the object storage cluster's capabilities."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from oscloud.service import ServiceClient

_VERSION = re.compile(r"/v1(?:/|$)")


def info_url(client: ServiceClient) -> str:
    """``/info`` at the cluster's root: the endpoint cut before its ``/v1/{account}``."""
    parts = urlsplit(client.endpoint)
    found = _VERSION.search(parts.path)
    root = parts.path[: found.start()] if found else parts.path.rstrip("/")
    return urlunsplit(parts._replace(path=root + "/info", query="", fragment=""))
