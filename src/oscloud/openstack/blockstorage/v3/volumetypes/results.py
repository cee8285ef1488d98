"""Models and results of block storage v3 volume types."""

from __future__ import annotations

import builtins
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.errors import InvalidResponseError
from oscloud.pagination import Page, SinglePage
from oscloud.results import ErrResult, Result

__all__ = [
    "AccessPage",
    "ActionResult",
    "CreateResult",
    "DeleteResult",
    "ExtraSpecResult",
    "ExtraSpecsResult",
    "GetResult",
    "UpdateResult",
    "VolumeType",
    "VolumeTypeAccess",
    "VolumeTypePage",
    "VolumeTypeResult",
    "extract_access",
    "extract_volume_types",
]


def _is_public(data: Any) -> bool | None:
    """``is_public``, or ``os-volume-type-access:is_public`` (the name create answers)."""
    value = data.get("is_public", data.get("os-volume-type-access:is_public"))
    return read.optional_boolean(value)


@model
@attrs.frozen(kw_only=True)
class VolumeType(Model):
    """A volume type: a name for a set of back-end capabilities (extra specs).

    ``is_public`` reads ``is_public``, or ``os-volume-type-access:is_public``.
    ``extra_specs`` and ``qos_specs_id`` are shown to administrators (``None`` when
    policy hides them).

    Example:
        >>> vt = VolumeType.from_json({"id": "6685584b", "name": "vol-type-001",
        ...     "os-volume-type-access:is_public": True, "extra_specs": {"capabilities": "gpu"}})
        >>> vt.name, vt.is_public, vt.extra_specs
        ('vol-type-001', True, {'capabilities': 'gpu'})
    """

    id: str
    name: str
    description: str | None = None
    is_public: bool | None = field(whole=True, read=_is_public, default=None)
    extra_specs: dict[str, str] | None = field(read=read.mapping, default=None)
    qos_specs_id: str | None = None


@model
@attrs.frozen(kw_only=True)
class VolumeTypeAccess(Model):
    """A project allowed to use a private volume type.

    Example:
        >>> VolumeTypeAccess.from_json({"volume_type_id": "t1", "project_id": "p1"})
        VolumeTypeAccess(volume_type_id='t1', project_id='p1')
    """

    volume_type_id: str
    project_id: str


class VolumeTypeResult(Result[VolumeType]):
    """A response holding one volume type (``{"volume_type": {...}}``).

    Example:
        >>> VolumeTypeResult(body={"volume_type": {"id": "t1", "name": "SSD"}}).extract().name
        'SSD'
    """

    resource_key = "volume_type"
    model = VolumeType

    __slots__ = ()


GetResult = VolumeTypeResult
CreateResult = VolumeTypeResult
UpdateResult = VolumeTypeResult
DeleteResult = ErrResult
ActionResult = ErrResult


class ExtraSpecsResult(Result[dict[str, str]]):
    """A type's extra specs (list and create answer with them).

    Example:
        >>> ExtraSpecsResult(body={"extra_specs": {"capabilities": "gpu"}}).extract()
        {'capabilities': 'gpu'}
    """

    resource_key = "extra_specs"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return read.mapping(data)


class ExtraSpecResult(Result[dict[str, str]]):
    """One extra spec as ``{key: value}`` (the body is that object).

    Example:
        >>> ExtraSpecResult(body={"capabilities": "gpu"}).extract()
        {'capabilities': 'gpu'}
    """

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        if not isinstance(data, dict) or len(data) != 1:
            raise InvalidResponseError("ExtraSpecResult: expected one key and its value")
        return read.mapping(data)


class VolumeTypePage(SinglePage[VolumeType]):
    """The volume types of ``GET /types`` (Cinder answers in one response).

    Example:
        >>> [t.name for t in extract_volume_types(VolumeTypePage(url="u", body={
        ...     "volume_types": [{"id": "t1", "name": "SSD"}]}))]
        ['SSD']
    """

    resource_key = "volume_types"
    model = VolumeType

    __slots__ = ()


class AccessPage(SinglePage[VolumeTypeAccess]):
    """The projects of ``GET /types/{volume_type_id}/os-volume-type-access``.

    Example:
        >>> extract_access(AccessPage(url="u", body={"volume_type_access": [
        ...     {"volume_type_id": "t1", "project_id": "p1"}]}))[0].project_id
        'p1'
    """

    resource_key = "volume_type_access"
    model = VolumeTypeAccess

    __slots__ = ()


def extract_volume_types(page: Page[VolumeType]) -> builtins.list[VolumeType]:
    """The volume types of a page.

    Example:
        >>> extract_volume_types(VolumeTypePage(url="u", body={"volume_types": []}))
        []
    """
    return page.extract()


def extract_access(page: Page[VolumeTypeAccess]) -> builtins.list[VolumeTypeAccess]:
    """The access entries of a page.

    Example:
        >>> extract_access(AccessPage(url="u", body={"volume_type_access": []}))
        []
    """
    return page.extract()
