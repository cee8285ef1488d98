"""Models and results of host aggregates."""

from __future__ import annotations

import builtins
import datetime as _dt

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
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


@model
@attrs.frozen(kw_only=True)
class Aggregate(Model):
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

    id: int = field(read=read.integer)
    name: str
    uuid: str | None = field(default=None, min_version="2.41")
    availability_zone: str | None = None
    hosts: tuple[str, ...] = field(read=read.strings, default=())
    metadata: dict[str, str] = field(read=read.mapping, factory=dict)
    created_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    deleted: bool | None = field(read=read.boolean, default=None)
    deleted_at: _dt.datetime | None = field(read=read.timestamp, default=None)


class AggregateResult(Result[Aggregate]):
    """A response whose ``aggregate`` member is an :class:`Aggregate`.

    The answer to get, create, update and the actions (``add_host``, ``remove_host``,
    ``set_metadata``).

    Example:
        >>> AggregateResult(body={"aggregate": {"id": 1, "name": "a"}}).extract().name
        'a'
    """

    resource_key = "aggregate"
    model = Aggregate

    __slots__ = ()


GetResult = AggregateResult
CreateResult = AggregateResult
UpdateResult = AggregateResult
ActionResult = AggregateResult
DeleteResult = ErrResult


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
