"""Operations on block storage v3 limits."""

from __future__ import annotations

import attrs

from oscloud import _wire as wire
from oscloud.openstack.blockstorage.v3.limits.results import GetResult
from oscloud.service import ServiceClient, check_id

__all__ = ["GetOpts", "get"]


@attrs.frozen(kw_only=True)
class GetOpts:
    """Whose limits to show: ``project_id`` (administrators, microversion 3.39).

    :func:`get` builds it from its ``project_id`` argument. Before 3.39 Cinder ignores
    the filter and answers with the caller's own project, so an older client is refused
    before sending (the API reference's tables omit the parameter; Cinder's
    ``LIMITS_ADMIN_FILTER`` microversion brings it).

    Example:
        >>> wire.build_query(GetOpts(project_id="p2"), client=None)
        [('project_id', 'p2')]
    """

    project_id: str | None = attrs.field(
        default=None, metadata=wire.query("project_id", min_version="3.39")
    )


def get(client: ServiceClient, project_id: str | None = None) -> GetResult:
    """The project's limits and usage: ``GET /limits`` (200).

    ``project_id`` (administrators, microversion 3.39) asks for another project's.

    Raises:
        MicroversionError: ``project_id`` with a client older than 3.39.

    Example:
        >>> limits.get(cinder).extract().absolute.max_total_volumes  # doctest: +SKIP
        10
    """
    if project_id is not None:
        check_id("project_id", project_id)
    url = wire.url(client, "limits", query=GetOpts(project_id=project_id), of=GetOpts)
    return client.call(GetResult, "GET", url, ok_codes=(200,))
