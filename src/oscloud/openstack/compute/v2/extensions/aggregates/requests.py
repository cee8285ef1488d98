"""Operations on host aggregates (administrators): CRUD, hosts and metadata."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2._common import METADATA_LIMIT, NullType
from oscloud.openstack.compute.v2.extensions.aggregates.results import (
    ActionResult,
    Aggregate,
    AggregatePage,
    CreateResult,
    DeleteResult,
    GetResult,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CreateOpts",
    "UpdateOpts",
    "add_host",
    "create",
    "delete",
    "get",
    "list",
    "remove_host",
    "set_metadata",
    "update",
]


def _aggregate_id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return check_id("aggregate_id", value)


def _name(value: Any) -> Any:
    if isinstance(value, NullType):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > METADATA_LIMIT:
        raise ValueError(
            f"an aggregate name or zone is a non-empty string of at most {METADATA_LIMIT} "
            f"characters, not {value!r}"
        )
    return value


def list(client: ServiceClient) -> Pager[Aggregate]:
    """List host aggregates: ``GET /os-aggregates`` (200), in one page.

    Example:
        >>> for aggregate in aggregates.list(compute).items():  # doctest: +SKIP
        ...     print(aggregate.id, aggregate.name, aggregate.hosts)
    """
    return Pager(client, client.service_url("os-aggregates"), AggregatePage)


def get(client: ServiceClient, aggregate_id: int | str) -> GetResult:
    """Show a host aggregate: ``GET /os-aggregates/{aggregate_id}`` (200).

    Example:
        >>> aggregates.get(compute, 1).extract().metadata  # doctest: +SKIP
        {'availability_zone': 'london'}
    """
    url = client.service_url("os-aggregates", _aggregate_id(aggregate_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new host aggregate: a name and, optionally, the availability zone it defines.

    Example:
        >>> wire.build_body(CreateOpts(name="name", availability_zone="nova"), "aggregate",
        ...                 client=None)
        {'aggregate': {'name': 'name', 'availability_zone': 'nova'}}
    """

    name: str = attrs.field(metadata=wire.body("name", required=True, encode=_name))
    availability_zone: str | None = attrs.field(
        default=None, metadata=wire.body("availability_zone", encode=_name)
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Create a host aggregate: ``POST /os-aggregates`` (200); answers with it.

    Raises:
        MissingInputError: no name.
        ValueError: a name or zone that is empty or longer than 255 characters.

    Example:
        >>> aggregate = aggregates.create(compute, CreateOpts(name="rack-1")  # doctest: +SKIP
        ...                               ).extract()
    """
    body = wire.build_body(opts, "aggregate", client=client, of=CreateOpts)
    url = client.service_url("os-aggregates")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """A new name or availability zone (:data:`oscloud.NULL` removes the zone).

    Example:
        >>> wire.build_body(UpdateOpts(name="newname", availability_zone="nova2"), "aggregate",
        ...                 client=None)
        {'aggregate': {'name': 'newname', 'availability_zone': 'nova2'}}
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name", encode=_name))
    availability_zone: str | NullType | None = attrs.field(
        default=None, metadata=wire.body("availability_zone", encode=_name)
    )


def update(client: ServiceClient, aggregate_id: int | str, opts: UpdateOpts) -> UpdateResult:
    """Rename an aggregate or change its zone: ``PUT /os-aggregates/{aggregate_id}`` (200).

    Raises:
        MissingInputError: neither a name nor a zone.
        ValueError: a name or zone that is empty or longer than 255 characters.

    Example:
        >>> aggregates.update(compute, 1, UpdateOpts(name="rack-2")).extract()  # doctest: +SKIP
    """
    url = client.service_url("os-aggregates", _aggregate_id(aggregate_id))
    body = wire.build_body(opts, "aggregate", client=client, of=UpdateOpts)
    if not body["aggregate"]:
        raise MissingInputError("UpdateOpts needs a name or an availability_zone")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, aggregate_id: int | str) -> DeleteResult:
    """Delete an empty aggregate: ``DELETE /os-aggregates/{aggregate_id}`` (200).

    An aggregate that still has hosts answers 400.

    Example:
        >>> aggregates.delete(compute, 1).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("os-aggregates", _aggregate_id(aggregate_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(200,))


def _action(client: ServiceClient, aggregate_id: int | str, body: dict[str, Any]) -> ActionResult:
    url = client.service_url("os-aggregates", _aggregate_id(aggregate_id), "action")
    return client.call(ActionResult, "POST", url, json=body, ok_codes=(200,))


def _host(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > METADATA_LIMIT:
        raise ValueError(f"a host name is a non-empty string of at most 255 characters: {value!r}")
    return value


def add_host(client: ServiceClient, aggregate_id: int | str, host: str) -> ActionResult:
    """Add a compute host: ``add_host`` on ``POST /os-aggregates/{aggregate_id}/action`` (200).

    Answers with the aggregate. A host already in it answers 409.

    Example:
        >>> aggregates.add_host(compute, 1, "compute").extract().hosts  # doctest: +SKIP
        ('compute',)
    """
    return _action(client, aggregate_id, {"add_host": {"host": _host(host)}})


def remove_host(client: ServiceClient, aggregate_id: int | str, host: str) -> ActionResult:
    """Remove a host: ``remove_host`` on ``POST /os-aggregates/{aggregate_id}/action`` (200).

    Example:
        >>> aggregates.remove_host(compute, 1, "compute").extract().hosts  # doctest: +SKIP
        ()
    """
    return _action(client, aggregate_id, {"remove_host": {"host": _host(host)}})


def _metadata(metadata: Mapping[str, str | None]) -> dict[str, str | None]:
    if not isinstance(metadata, Mapping) or not metadata:
        raise ValueError("metadata must be a non-empty mapping of strings (None deletes a key)")
    for key, value in metadata.items():
        if not isinstance(key, str) or not key or len(key) > METADATA_LIMIT:
            raise ValueError(f"metadata keys are 1 to {METADATA_LIMIT} characters, not {key!r}")
        if value is not None and (not isinstance(value, str) or len(value) > METADATA_LIMIT):
            raise ValueError(
                f"the metadata value of {key!r} must be a string of at most {METADATA_LIMIT} "
                "characters, or None to delete it"
            )
    return dict(metadata)


def set_metadata(
    client: ServiceClient, aggregate_id: int | str, metadata: Mapping[str, str | None]
) -> ActionResult:
    """Set or delete metadata: ``set_metadata`` on ``POST .../action`` (200).

    ``POST /os-aggregates/{aggregate_id}/action``. Keys not given are kept; a value of
    ``None`` deletes its key. Answers with the aggregate. The ``availability_zone`` key
    sets the zone.

    Example:
        >>> aggregates.set_metadata(compute, 1, {"ssd": "true", "old": None}  # doctest: +SKIP
        ...                         ).extract().metadata
    """
    body = {"set_metadata": {"metadata": _metadata(metadata)}}
    return _action(client, aggregate_id, body)


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
