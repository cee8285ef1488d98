"""Models and results of block storage v3 volume types."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.errors import InvalidResponseError
from oscloud.openstack.blockstorage.v3._common import to_bool_or_none
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


def _str_dict_or_none(value: Any) -> dict[str, str] | None:
    return None if value is None else {str(k): str(v) for k, v in dict(value).items()}


@attrs.frozen(kw_only=True)
class VolumeType:
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
    is_public: bool | None = None
    extra_specs: dict[str, str] | None = None
    qos_specs_id: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VolumeType:
        """Read a volume type object (``volume_type``, or an item of ``volume_types``).

        Example:
            >>> VolumeType.from_json({"id": "t1", "name": "SSD", "is_public": False}).is_public
            False
        """
        public = data.get("is_public", data.get("os-volume-type-access:is_public"))
        return cls(
            id=data["id"],
            name=data["name"],
            description=data.get("description"),
            is_public=to_bool_or_none(public),
            extra_specs=_str_dict_or_none(data.get("extra_specs")),
            qos_specs_id=data.get("qos_specs_id"),
        )


@attrs.frozen(kw_only=True)
class VolumeTypeAccess:
    """A project allowed to use a private volume type.

    Example:
        >>> VolumeTypeAccess.from_json({"volume_type_id": "t1", "project_id": "p1"})
        VolumeTypeAccess(volume_type_id='t1', project_id='p1')
    """

    volume_type_id: str
    project_id: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VolumeTypeAccess:
        """Read one item of ``volume_type_access``.

        Example:
            >>> VolumeTypeAccess.from_json({"volume_type_id": "t", "project_id": "p"}).project_id
            'p'
        """
        return cls(volume_type_id=data["volume_type_id"], project_id=data["project_id"])


class VolumeTypeResult(Result[VolumeType]):
    """A response holding one volume type (``{"volume_type": {...}}``).

    Example:
        >>> VolumeTypeResult(body={"volume_type": {"id": "t1", "name": "SSD"}}).extract().name
        'SSD'
    """

    resource_key = "volume_type"
    model = VolumeType

    __slots__ = ()


class GetResult(VolumeTypeResult):
    """The result of ``get`` and ``get_default``.

    Example:
        >>> GetResult(body={"volume_type": {"id": "t1", "name": "__DEFAULT__"}}).extract().id
        't1'
    """

    __slots__ = ()


class CreateResult(VolumeTypeResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumetypes.create`.

    Example:
        >>> CreateResult(body={"volume_type": {"id": "t1", "name": "SSD"}}).extract().name
        'SSD'
    """

    __slots__ = ()


class UpdateResult(VolumeTypeResult):
    """The result of :func:`~oscloud.openstack.blockstorage.v3.volumetypes.update`.

    Example:
        >>> UpdateResult(body={"volume_type": {"id": "t1", "name": "fast"}}).extract().name
        'fast'
    """

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of a ``DELETE`` (a type, an extra spec): nothing but errors.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class ActionResult(ErrResult):
    """The result of ``addProjectAccess`` / ``removeProjectAccess``.

    Example:
        >>> ActionResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()


class ExtraSpecsResult(Result[dict[str, str]]):
    """A type's extra specs (list and create answer with them).

    Example:
        >>> ExtraSpecsResult(body={"extra_specs": {"capabilities": "gpu"}}).extract()
        {'capabilities': 'gpu'}
    """

    resource_key = "extra_specs"

    __slots__ = ()

    def _build(self, data: Any) -> dict[str, str]:
        return _str_dict_or_none(data) or {}


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
        return _str_dict_or_none(data) or {}


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
