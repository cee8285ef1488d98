"""Reading the object storage cluster's capabilities."""

from __future__ import annotations

from oscloud.openstack.objectstorage.v1.info import urls
from oscloud.openstack.objectstorage.v1.info.results import GetResult
from oscloud.service import ServiceClient

__all__ = ["get"]


def get(client: ServiceClient) -> GetResult:
    """What the cluster offers: ``GET /info`` (200), at the cluster's root.

    The document is public; the token is sent all the same.

    Example:
        >>> cluster = info.get(swift).extract()  # doctest: +SKIP
        >>> cluster.max_file_size, cluster.has("slo")  # doctest: +SKIP
        (5368709122, True)
    """
    return client.call(GetResult, "GET", urls.info_url(client), ok_codes=(200,))
