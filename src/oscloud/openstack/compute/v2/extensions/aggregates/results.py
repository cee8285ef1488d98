"""Models and results of host aggregates."""

from __future__ import annotations

import builtins
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud._time import to_utc_or_none
from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "ActionResult",
    "Aggregate",
    "AggregatePage",
    "AggregateResult",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "UpdateResult",
    "extract_aggregates",
]


@attrs.frozen(kw_only=True)
class Aggregate:
    """A host aggregate: a named group of compute hosts with metadata.

    ``id`` is a number (address the aggregate with it); ``uuid`` comes from 2.41.
    ``availability_zone`` is set when the aggregate defines one (it is also in
    ``metadata``). The answer to a create has no ``hosts`` or ``metadata``: they are
    empty here.

    Example:
        >>> aggregate = Aggregate.from_json({"id": 1, "name": "name",
        ...     "availability_zone": "london", "hosts": ["compute"],
        ...     "metadata": {"availability_zone": "london"},
        ...     "created_at": "2016-12-27T23:47:30.563527", "deleted": False,
        ...     "uuid": "fd0a5b12-7e8d-469d-bfd5-64a6823e7407"})
        >>> aggregate.id, aggregate.hosts, aggregate.created_at.year
        (1, ('compute',), 2016)
    """

    id: int
    name: str
    uuid: str | None = None
    availability_zone: str | None = None
    hosts: tuple[str, ...] = ()
    metadata: dict[str, str] = attrs.field(factory=dict)
    created_at: _dt.datetime | None = None
    updated_at: _dt.datetime | None = None
    deleted: bool | None = None
    deleted_at: _dt.datetime | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Aggregate:
        """Read one ``aggregate`` object."""
        aggregate_id = data["id"]
        if isinstance(aggregate_id, bool):
            raise ValueError(f"an aggregate id is an integer, not {aggregate_id!r}")
        return cls(
            id=int(aggregate_id),
            name=data["name"],
            uuid=data.get("uuid"),
            availability_zone=data.get("availability_zone"),
            hosts=tuple(data.get("hosts") or ()),
            metadata=dict(data.get("metadata") or {}),
            created_at=to_utc_or_none(data.get("created_at")),
            updated_at=to_utc_or_none(data.get("updated_at")),
            deleted=data.get("deleted"),
            deleted_at=to_utc_or_none(data.get("deleted_at")),
        )


class AggregateResult(Result[Aggregate]):
    """A response whose ``aggregate`` member is an :class:`Aggregate`.

    Example:
        >>> AggregateResult(body={"aggregate": {"id": 1, "name": "a"}}).extract().name
        'a'
    """

    resource_key = "aggregate"
    model = Aggregate

    __slots__ = ()


class GetResult(AggregateResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.aggregates.get`.

    Example:
        >>> GetResult(body={"aggregate": {"id": 1, "name": "a", "hosts": []}}).extract().id
        1
    """

    __slots__ = ()


class CreateResult(AggregateResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.aggregates.create`.

    Example:
        >>> CreateResult(body={"aggregate": {"id": 1, "name": "a"}}).extract().hosts
        ()
    """

    __slots__ = ()


class UpdateResult(AggregateResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.aggregates.update`.

    Example:
        >>> UpdateResult(body={"aggregate": {"id": 1, "name": "b"}}).extract().name
        'b'
    """

    __slots__ = ()


class ActionResult(AggregateResult):
    """The result of ``add_host``, ``remove_host`` and ``set_metadata``: the aggregate.

    Example:
        >>> ActionResult(body={"aggregate": {"id": 1, "name": "a", "hosts": ["compute"]}}
        ...              ).extract().hosts
        ('compute',)
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.aggregates.delete`.

    Example:
        >>> DeleteResult(status_code=200).extract_err() is None
        True
    """

    __slots__ = ()


class AggregatePage(SinglePage[Aggregate]):
    """The host aggregates (``aggregates``), in one page.

    Example:
        >>> page = AggregatePage(url="u", body={"aggregates": [{"id": 1, "name": "a"}]})
        >>> [a.id for a in extract_aggregates(page)]
        [1]
    """

    resource_key = "aggregates"
    model = Aggregate

    __slots__ = ()


def extract_aggregates(page: Page[Aggregate]) -> builtins.list[Aggregate]:
    """The aggregates of a page.

    Example:
        >>> extract_aggregates(AggregatePage(url="u", body={"aggregates": []}))
        []
    """
    return page.extract()
