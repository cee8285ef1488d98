"""Operations on block storage v3 QoS specs (``qos-specs``, administrators)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3._common import checked_metadata, sort_param
from oscloud.openstack.blockstorage.v3.qos.results import (
    ActionResult,
    Association,
    AssociationPage,
    CreateResult,
    DeleteResult,
    GetResult,
    QoSSpec,
    QoSSpecPage,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CreateOpts",
    "ListOpts",
    "associate",
    "create",
    "delete",
    "delete_keys",
    "disassociate",
    "disassociate_all",
    "get",
    "list",
    "list_associations",
    "update",
]

#: The members of a create body that are not specs.
_RESERVED = ("name", "consumer")


@attrs.frozen(kw_only=True)
class ListOpts:
    """Sorting and paging of the QoS spec listing.

    Example:
        >>> ListOpts(sort="name:asc", limit=2, marker="q1")
        ListOpts(sort='name:asc', limit=2, offset=None, marker='q1')
    """

    sort: str | Sequence[str] | None = attrs.field(
        default=None, metadata=wire.query("sort", encode=sort_param)
    )
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int)
    )
    offset: int | None = attrs.field(
        default=None, metadata=wire.query("offset", encode=wire.non_negative_int)
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[QoSSpec]:
    """List QoS specs: ``GET /qos-specs`` (200).

    Raises:
        TypeError: ``opts`` is not a :class:`ListOpts`.

    Example:
        >>> [q.name for q in qos.list(cinder).items()]  # doctest: +SKIP
        ['reliability-spec']
    """
    url = wire.url(client, "qos-specs", query=opts, of=ListOpts)
    return Pager(client, url, QoSSpecPage)


def get(client: ServiceClient, qos_id: str) -> GetResult:
    """Show a QoS spec: ``GET /qos-specs/{qos_id}`` (200).

    Example:
        >>> qos.get(cinder, qos_id).extract().specs  # doctest: +SKIP
        {'read_iops_sec': '20000'}
    """
    url = client.service_url("qos-specs", check_id("qos_id", qos_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A new QoS spec: a name, who enforces it, and the limits.

    Cinder takes the limits as members beside ``name`` and ``consumer`` (:func:`create`
    puts them there), so a spec cannot be called ``name`` or ``consumer``.

    Example:
        >>> CreateOpts(name="reliability-spec", consumer="back-end",
        ...     specs={"availability": "100", "numberOfFailures": "0"})
        CreateOpts(name='reliability-spec', consumer='back-end', \
specs={'availability': '100', 'numberOfFailures': '0'})
    """

    name: str | None = attrs.field(default=None, metadata=wire.body("name", required=True))
    consumer: str | None = attrs.field(default=None, metadata=wire.body("consumer"))
    specs: Mapping[str, str] | None = None


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Create a QoS spec: ``POST /qos-specs``.

    The API reference documents 202; Cinder answers 200. Both are taken. The body is
    ``{"qos_specs": {"name": ..., "consumer": ..., <each spec>: <its value>}}``.

    Raises:
        MissingInputError: ``name`` is missing.
        ValueError: a spec is named ``name`` or ``consumer``, or is not a string.
        TypeError: ``opts`` is not a :class:`CreateOpts`.

    Example:
        >>> spec = qos.create(cinder, CreateOpts(name="gold", consumer="front-end",
        ...     specs={"total_iops_sec": "1000"})).extract()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "qos_specs", client=client, of=CreateOpts)
    specs = checked_metadata(opts.specs or {})
    clash = sorted(set(specs) & set(_RESERVED))
    if clash:
        raise ValueError(f"CreateOpts.specs cannot hold {', '.join(clash)}")
    body["qos_specs"].update(specs)
    url = client.service_url("qos-specs")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200, 202))


def update(client: ServiceClient, qos_id: str, specs: Mapping[str, str]) -> UpdateResult:
    """Set keys of a QoS spec: ``PUT /qos-specs/{qos_id}`` (200); answers with them.

    Example:
        >>> qos.update(cinder, qos_id, {"delay": "1"}).extract()  # doctest: +SKIP
        {'delay': '1'}
    """
    body = {"qos_specs": checked_metadata(specs)}
    if not body["qos_specs"]:
        raise MissingInputError("update needs at least one key")
    url = client.service_url("qos-specs", check_id("qos_id", qos_id))
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete_keys(client: ServiceClient, qos_id: str, keys: Iterable[str]) -> DeleteResult:
    """Unset keys of a QoS spec: ``PUT /qos-specs/{qos_id}/delete_keys`` (202).

    Example:
        >>> qos.delete_keys(cinder, qos_id, ["delay"]).extract_err()  # doctest: +SKIP
    """
    if isinstance(keys, str):
        raise ValueError("keys must be a list of names, not one string")
    names = builtins.list(keys)
    if not names or not all(isinstance(k, str) and k for k in names):
        raise MissingInputError(f"keys must be a non-empty list of names (got {names!r})")
    url = client.service_url("qos-specs", check_id("qos_id", qos_id), "delete_keys")
    return client.call(DeleteResult, "PUT", url, json={"keys": names}, ok_codes=(202,))


def delete(client: ServiceClient, qos_id: str, *, force: bool = False) -> DeleteResult:
    """Delete a QoS spec: ``DELETE /qos-specs/{qos_id}`` (202).

    A spec still associated with a volume type is refused unless ``force``.

    Example:
        >>> qos.delete(cinder, qos_id, force=True).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("qos-specs", check_id("qos_id", qos_id))
    if force:
        url = wire.with_query(url, [("force", "True")])
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


def list_associations(client: ServiceClient, qos_id: str) -> Pager[Association]:
    """The volume types a QoS spec is associated with: ``GET .../associations`` (200).

    Example:
        >>> [a.name for a in qos.list_associations(cinder, qos_id).items()]  # doctest: +SKIP
        ['reliability-type']
    """
    url = client.service_url("qos-specs", check_id("qos_id", qos_id), "associations")
    return Pager(client, url, AssociationPage)


def associate(client: ServiceClient, qos_id: str, volume_type_id: str) -> ActionResult:
    """Associate a QoS spec with a volume type: ``GET .../associate?vol_type_id=`` (202).

    Example:
        >>> qos.associate(cinder, qos_id, volume_type_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("qos-specs", check_id("qos_id", qos_id), "associate")
    query = [("vol_type_id", check_id("volume_type_id", volume_type_id))]
    return client.call(ActionResult, "GET", wire.with_query(url, query), ok_codes=(202,))


def disassociate(client: ServiceClient, qos_id: str, volume_type_id: str) -> ActionResult:
    """Undo :func:`associate`: ``GET .../disassociate?vol_type_id=`` (202).

    Example:
        >>> qos.disassociate(cinder, qos_id, volume_type_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("qos-specs", check_id("qos_id", qos_id), "disassociate")
    query = [("vol_type_id", check_id("volume_type_id", volume_type_id))]
    return client.call(ActionResult, "GET", wire.with_query(url, query), ok_codes=(202,))


def disassociate_all(client: ServiceClient, qos_id: str) -> ActionResult:
    """Dissociate a QoS spec from every volume type: ``GET .../disassociate_all`` (202).

    Example:
        >>> qos.disassociate_all(cinder, qos_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("qos-specs", check_id("qos_id", qos_id), "disassociate_all")
    return client.call(ActionResult, "GET", url, ok_codes=(202,))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
    },
)
