"""Reading the object storage cluster's capabilities."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from oscloud.openstack.objectstorage.v1.info.results import GetResult
from oscloud.service import ServiceClient

__all__ = ["get"]

_VERSION = re.compile(r"/v1(?:/|$)")


def get(client: ServiceClient) -> GetResult:
    """What the cluster offers: ``GET /info`` (200), at the cluster's root.

    ``/info`` sits beside ``/v1``, so its URL is the endpoint cut before its
    ``/v1/{account}``. The document is public; the token is sent all the same.

    Example:
        >>> cluster = info.get(swift).extract()  # doctest: +SKIP
        >>> cluster.max_file_size, cluster.has("slo")  # doctest: +SKIP
        (5368709122, True)
    """
    parts = urlsplit(client.endpoint)
    found = _VERSION.search(parts.path)
    root = parts.path[: found.start()] if found else parts.path.rstrip("/")
    url = urlunsplit(parts._replace(path=root + "/info", query="", fragment=""))
    return client.call(GetResult, "GET", url, ok_codes=(200,))
