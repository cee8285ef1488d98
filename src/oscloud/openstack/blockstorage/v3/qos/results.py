"""Models and results of block storage v3 QoS specs."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

import attrs

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


def _str_dict(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in dict(value or {}).items()}


@attrs.frozen(kw_only=True)
class QoSSpec:
    """A quality-of-service specification: limits a back end or hypervisor enforces.

    ``consumer`` is ``back-end``, ``front-end`` (the hypervisor) or ``both``; ``specs``
    holds the limits (``read_iops_sec`` …). ``links`` come with a single spec.

    Example:
        >>> q = QoSSpec.from_json({"specs": {"availability": "100"}, "consumer": "back-end",
        ...     "name": "reliability-spec", "id": "599ef437"})
        >>> q.name, q.specs
        ('reliability-spec', {'availability': '100'})
    """

    id: str
    name: str
    consumer: str | None = None
    specs: dict[str, str] = attrs.field(factory=dict)
    links: tuple[Link, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any], links: Any = None) -> QoSSpec:
        """Read a ``qos_specs`` object (``links`` are its sibling in the body).

        Example:
            >>> QoSSpec.from_json({"id": "q1", "name": "n"}).consumer is None
            True
        """
        return cls(
            id=data["id"],
            name=data["name"],
            consumer=data.get("consumer"),
            specs=_str_dict(data.get("specs")),
            links=Link.tuple_from_json(links),
        )


@attrs.frozen(kw_only=True)
class Association:
    """A volume type a QoS spec is associated with.

    Example:
        >>> Association.from_json({"association_type": "volume_type",
        ...     "name": "reliability-type", "id": "a12983c2"})
        Association(id='a12983c2', name='reliability-type', association_type='volume_type')
    """

    id: str
    name: str | None = None
    association_type: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Association:
        """Read one item of ``qos_associations``.

        Example:
            >>> Association.from_json({"id": "t1"}).name is None
            True
        """
        return cls(
            id=data["id"], name=data.get("name"), association_type=data.get("association_type")
        )


class QoSSpecResult(Result[QoSSpec]):
    """A response holding one QoS spec (``{"qos_specs": {...}, "links": [...]}``).

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
        what = f"{type(self).__name__}: QoSSpec"
        return build_checked(lambda item: QoSSpec.from_json(item, links), data, what)


class GetResult(QoSSpecResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.qos.get`.

    Example:
        >>> GetResult(body={"qos_specs": {"id": "q1", "name": "n"}}).extract().id
        'q1'
    """

    __slots__ = ()


class CreateResult(QoSSpecResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.qos.create`.

    Example:
        >>> CreateResult(body={"qos_specs": {"id": "q1", "name": "n",
        ...     "consumer": "back-end"}}).extract().consumer
        'back-end'
    """

    __slots__ = ()


class UpdateResult(Result[dict[str, str]]):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.qos.update`: the keys set.

    Example:
        >>> UpdateResult(body={"qos_specs": {"delay": "1"}}).extract()
        {'delay': '1'}
    """

    resource_key = "qos_specs"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return _str_dict(data)


class DeleteResult(ErrResult):
    """The result of ``delete`` and ``delete_keys``.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class ActionResult(ErrResult):
    """The result of ``associate``, ``disassociate`` and ``disassociate_all``.

    Example:
        >>> ActionResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


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
