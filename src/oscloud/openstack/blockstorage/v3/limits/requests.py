"""Operations on block storage v3 limits."""

from __future__ import annotations

from oscloud import _wire as wire
from oscloud.openstack.blockstorage.v3._common import require_microversion
from oscloud.openstack.blockstorage.v3.limits import urls
from oscloud.openstack.blockstorage.v3.limits.results import GetResult
from oscloud.service import ServiceClient, check_id

__all__ = ["get"]


def get(client: ServiceClient, project_id: str | None = None) -> GetResult:
    """The project's limits and usage: ``GET /limits`` (200).

    ``project_id`` (administrators, microversion 3.39) asks for another project's.

    Raises:
        MicroversionError: ``project_id`` with a client older than 3.39.

    Example:
        >>> limits.get(cinder).extract().absolute.max_total_volumes  # doctest: +SKIP
        10
    """
    url = urls.limits_url(client)
    if project_id is not None:
        check_id("project_id", project_id)
        require_microversion(client, "3.39", "limits of another project")
        url = wire.with_query(url, [("project_id", project_id)])
    return client.call(GetResult, "GET", url, ok_codes=(200,))
