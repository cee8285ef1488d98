"""Operations on block storage v3 availability zones."""

from __future__ import annotations

from oscloud.openstack.blockstorage.v3.availabilityzones.results import (
    AvailabilityZone,
    AvailabilityZonePage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient

__all__ = ["list"]


def list(client: ServiceClient) -> Pager[AvailabilityZone]:
    """List the block storage availability zones: ``GET /os-availability-zone`` (200).

    Example:
        >>> [z.name for z in availabilityzones.list(cinder).items()]  # doctest: +SKIP
        ['nova']
    """
    return Pager(client, client.service_url("os-availability-zone"), AvailabilityZonePage)
