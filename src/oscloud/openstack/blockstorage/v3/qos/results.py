"""Models and results of block storage v3 QoS specs."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.openstack.blockstorage.v3._common import Link
from oscloud.pagination import LinkedPage, Page, SinglePage
from oscloud.results import ErrResult, Result, build_checked

__all__ = [
    "ActionResult",
    "Association",
    "AssociationPage",
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "QoSSpec",
    "QoSSpecPage",
    "QoSSpecResult",
    "UpdateResult",
    "extract_associations",
    "extract_qos_specs",
]


@model
@attrs.frozen(kw_only=True)
class QoSSpec(Model):
    """A quality-of-service specification: limits a back end or hypervisor enforces.

    ``consumer`` is ``back-end``, ``front-end`` (the hypervisor) or ``both``; ``specs``
    holds the limits (``read_iops_sec`` …). ``links`` come with a single spec: Cinder
    puts them beside the ``qos_specs`` object, and :class:`QoSSpecResult` reads them
    from there.

    Example:
        >>> q = QoSSpec.from_json({"specs": {"availability": "100"}, "consumer": "back-end",
        ...     "name": "reliability-spec", "id": "599ef437"})
        >>> q.name, q.specs
        ('reliability-spec', {'availability': '100'})
    """

    id: str
    name: str
    consumer: str | None = None
    specs: dict[str, str] = field(read=read.mapping, factory=dict)
    links: tuple[Link, ...] = field(read=read.tuple_of(Link), default=())


@model
@attrs.frozen(kw_only=True)
class Association(Model):
    """A volume type a QoS spec is associated with.

    Example:
        >>> Association.from_json({"association_type": "volume_type",
        ...     "name": "reliability-type", "id": "a12983c2"})
        Association(id='a12983c2', name='reliability-type', association_type='volume_type')
    """

    id: str
    name: str | None = None
    association_type: str | None = None


# from_json comes from @model, which mypy does not see.
_qos_spec: Callable[[Any], QoSSpec]
_qos_spec = QoSSpec.from_json
_links = read.tuple_of(Link)


class QoSSpecResult(Result[QoSSpec]):
    """A response holding one QoS spec (``{"qos_specs": {...}, "links": [...]}``).

    The ``links`` beside ``qos_specs`` become the spec's ``links``.

    Example:
        >>> QoSSpecResult(body={"qos_specs": {"id": "q1", "name": "n"},
        ...     "links": [{"href": "https://c/v3/p/qos-specs/q1", "rel": "self"}]}
        ...     ).extract().links[0].rel
        'self'
    """

    resource_key = "qos_specs"
    model = QoSSpec

    __slots__ = ()

    def _build(self, data: Any) -> QoSSpec:
        links = self.body.get("links") if isinstance(self.body, dict) else None

        def build(item: Any) -> QoSSpec:
            spec = _qos_spec(item)
            return spec if links is None else attrs.evolve(spec, links=_links(links))

        return build_checked(build, data, f"{type(self).__name__}: QoSSpec")


GetResult = QoSSpecResult
CreateResult = QoSSpecResult
DeleteResult = ErrResult
ActionResult = ErrResult


class UpdateResult(Result[dict[str, str]]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.qos.update`: the keys set.

    Example:
        >>> UpdateResult(body={"qos_specs": {"delay": "1"}}).extract()
        {'delay': '1'}
    """

    resource_key = "qos_specs"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return read.mapping(data)


class QoSSpecPage(LinkedPage[QoSSpec]):
    """One page of QoS specs (``qos_specs_links`` when Cinder pages them).

    Example:
        >>> extract_qos_specs(QoSSpecPage(url="u", body={"qos_specs": [
        ...     {"id": "q1", "name": "n", "specs": {}}]}))[0].name
        'n'
    """

    resource_key = "qos_specs"
    model = QoSSpec

    __slots__ = ()


class AssociationPage(SinglePage[Association]):
    """The associations of one QoS spec.

    Example:
        >>> extract_associations(AssociationPage(url="u", body={"qos_associations": [
        ...     {"id": "t1", "name": "n", "association_type": "volume_type"}]}))[0].id
        't1'
    """

    resource_key = "qos_associations"
    model = Association

    __slots__ = ()


def extract_qos_specs(page: Page[QoSSpec]) -> builtins.list[QoSSpec]:
    """The QoS specs of a page.

    Example:
        >>> extract_qos_specs(QoSSpecPage(url="u", body={"qos_specs": []}))
        []
    """
    return page.extract()


def extract_associations(page: Page[Association]) -> builtins.list[Association]:
    """The associations of a page.

    Example:
        >>> extract_associations(AssociationPage(url="u", body={"qos_associations": []}))
        []
    """
    return page.extract()
