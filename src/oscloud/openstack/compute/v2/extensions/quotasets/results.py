"""Models and results of compute quota sets.

A limit of ``-1`` means unlimited. Fields a microversion no longer has are ``None``:
``fixed_ips``, ``floating_ips``, ``networks``, ``security_groups`` and
``security_group_rules`` go away in 2.36, ``injected_files``,
``injected_file_content_bytes`` and ``injected_file_path_bytes`` in 2.57.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from oscloud.results import ErrResult, Result

__all__ = [
    "DefaultsResult",
    "DeleteResult",
    "DetailResult",
    "GetResult",
    "QuotaDetail",
    "QuotaDetailSet",
    "QuotaSet",
    "QuotaSetResult",
    "UpdateResult",
]

#: The quota names Nova has had, in the order the models list them.
QUOTA_NAMES = (
    "instances",
    "cores",
    "ram",
    "key_pairs",
    "metadata_items",
    "server_groups",
    "server_group_members",
    "injected_files",
    "injected_file_content_bytes",
    "injected_file_path_bytes",
    "fixed_ips",
    "floating_ips",
    "networks",
    "security_groups",
    "security_group_rules",
)


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"a quota is an integer, not {value!r}")
    return int(value)


@attrs.frozen(kw_only=True)
class QuotaSet:
    """The limits of a project (or of one user in it); ``-1`` is unlimited.

    ``ram`` is in MiB. ``id`` is the project id (absent in the answer to an update).

    Example:
        >>> quotas = QuotaSet.from_json({"id": "fake_tenant", "cores": 20, "ram": 51200,
        ...                              "instances": 10, "key_pairs": 100})
        >>> quotas.cores, quotas.ram, quotas.fixed_ips
        (20, 51200, None)
    """

    id: str | None = None
    instances: int | None = None
    cores: int | None = None
    ram: int | None = None
    key_pairs: int | None = None
    metadata_items: int | None = None
    server_groups: int | None = None
    server_group_members: int | None = None
    injected_files: int | None = None
    injected_file_content_bytes: int | None = None
    injected_file_path_bytes: int | None = None
    fixed_ips: int | None = None
    floating_ips: int | None = None
    networks: int | None = None
    security_groups: int | None = None
    security_group_rules: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuotaSet:
        """Read a ``quota_set`` object of limits."""
        values = {name: _int_or_none(data.get(name)) for name in QUOTA_NAMES}
        return cls(id=data.get("id"), **values)


@attrs.frozen(kw_only=True)
class QuotaDetail:
    """One quota with its use: ``limit`` (``-1`` unlimited), ``in_use`` and ``reserved``.

    Example:
        >>> QuotaDetail.from_json({"in_use": 2, "limit": 20, "reserved": 0})
        QuotaDetail(limit=20, in_use=2, reserved=0)
    """

    limit: int
    in_use: int
    reserved: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuotaDetail:
        """Read one ``{"in_use", "limit", "reserved"}`` object."""
        return cls(
            limit=int(data["limit"]),
            in_use=int(data["in_use"]),
            reserved=int(data.get("reserved") or 0),
        )


def _detail_or_none(value: Any) -> QuotaDetail | None:
    return None if value is None else QuotaDetail.from_json(value)


@attrs.frozen(kw_only=True)
class QuotaDetailSet:
    """The limits of a project with what is in use (``GET .../detail``).

    Example:
        >>> usage = QuotaDetailSet.from_json({"id": "fake_tenant",
        ...     "cores": {"in_use": 4, "limit": 20, "reserved": 0}})
        >>> usage.cores.in_use, usage.ram
        (4, None)
    """

    id: str | None = None
    instances: QuotaDetail | None = None
    cores: QuotaDetail | None = None
    ram: QuotaDetail | None = None
    key_pairs: QuotaDetail | None = None
    metadata_items: QuotaDetail | None = None
    server_groups: QuotaDetail | None = None
    server_group_members: QuotaDetail | None = None
    injected_files: QuotaDetail | None = None
    injected_file_content_bytes: QuotaDetail | None = None
    injected_file_path_bytes: QuotaDetail | None = None
    fixed_ips: QuotaDetail | None = None
    floating_ips: QuotaDetail | None = None
    networks: QuotaDetail | None = None
    security_groups: QuotaDetail | None = None
    security_group_rules: QuotaDetail | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuotaDetailSet:
        """Read a ``quota_set`` object of details."""
        values = {name: _detail_or_none(data.get(name)) for name in QUOTA_NAMES}
        return cls(id=data.get("id"), **values)


class QuotaSetResult(Result[QuotaSet]):
    """A response whose ``quota_set`` member holds limits.

    Example:
        >>> QuotaSetResult(body={"quota_set": {"instances": 10}}).extract().instances
        10
    """

    resource_key = "quota_set"
    model = QuotaSet

    __slots__ = ()


class GetResult(QuotaSetResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.quotasets.get`.

    Example:
        >>> GetResult(body={"quota_set": {"id": "p1", "cores": 20}}).extract().cores
        20
    """

    __slots__ = ()


class DefaultsResult(QuotaSetResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.quotasets.get_defaults`.

    Example:
        >>> DefaultsResult(body={"quota_set": {"id": "p1", "ram": 51200}}).extract().ram
        51200
    """

    __slots__ = ()


class UpdateResult(QuotaSetResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.quotasets.update`.

    Example:
        >>> UpdateResult(body={"quota_set": {"instances": 20}}).extract().instances
        20
    """

    __slots__ = ()


class DetailResult(Result[QuotaDetailSet]):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.quotasets.get_detail`.

    Example:
        >>> DetailResult(body={"quota_set": {"ram": {"in_use": 512, "limit": 51200,
        ...     "reserved": 0}}}).extract().ram.in_use
        512
    """

    resource_key = "quota_set"
    model = QuotaDetailSet

    __slots__ = ()


class DeleteResult(ErrResult):
    """The result of :func:`~oscloud.openstack.compute.v2.extensions.quotasets.delete`.

    Example:
        >>> DeleteResult(status_code=202).extract_err() is None
        True
    """

    __slots__ = ()
