"""Models and results of compute quota sets.

A limit of ``-1`` means unlimited. Fields a microversion no longer has are ``None``:
``fixed_ips``, ``floating_ips``, ``networks``, ``security_groups`` and
``security_group_rules`` go away in 2.36 (the last that has them is 2.35),
``injected_files``, ``injected_file_content_bytes`` and ``injected_file_path_bytes`` in
2.57 (the last is 2.56).
"""

from __future__ import annotations

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.results import ErrResult, Result

__all__ = [
    "DefaultsResult",
    "DeleteResult",
    "DetailResult",
    "GetResult",
    "QuotaDetail",
    "QuotaDetailSet",
    "QuotaDetailSetResult",
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


@model
@attrs.frozen(kw_only=True)
class QuotaSet(Model):
    """The limits of a project (or of one user in it); ``-1`` is unlimited.

    ``ram`` is in MiB. ``id`` is the project id (absent in the answer to an update).
    The network quotas are there up to 2.35, the injected file ones up to 2.56.

    Example:
        >>> quotas = QuotaSet.from_json({"id": "fake_tenant", "cores": 20, "ram": 51200,
        ...                              "instances": 10, "key_pairs": 100})
        >>> quotas.cores, quotas.ram, quotas.fixed_ips
        (20, 51200, None)
    """

    id: str | None = None
    instances: int | None = field(read=read.integer, default=None)
    cores: int | None = field(read=read.integer, default=None)
    ram: int | None = field(read=read.integer, default=None)
    key_pairs: int | None = field(read=read.integer, default=None)
    metadata_items: int | None = field(read=read.integer, default=None)
    server_groups: int | None = field(read=read.integer, default=None)
    server_group_members: int | None = field(read=read.integer, default=None)
    injected_files: int | None = field(read=read.integer, default=None, max_version="2.56")
    injected_file_content_bytes: int | None = field(
        read=read.integer, default=None, max_version="2.56"
    )
    injected_file_path_bytes: int | None = field(
        read=read.integer, default=None, max_version="2.56"
    )
    fixed_ips: int | None = field(read=read.integer, default=None, max_version="2.35")
    floating_ips: int | None = field(read=read.integer, default=None, max_version="2.35")
    networks: int | None = field(read=read.integer, default=None, max_version="2.35")
    security_groups: int | None = field(read=read.integer, default=None, max_version="2.35")
    security_group_rules: int | None = field(read=read.integer, default=None, max_version="2.35")


@model
@attrs.frozen(kw_only=True)
class QuotaDetail(Model):
    """One quota with its use: ``limit`` (``-1`` unlimited), ``in_use`` and ``reserved``.

    Example:
        >>> QuotaDetail.from_json({"in_use": 2, "limit": 20, "reserved": 0})
        QuotaDetail(limit=20, in_use=2, reserved=0)
    """

    limit: int = field(read=read.integer)
    in_use: int = field(read=read.integer)
    reserved: int = field(read=read.integer, default=0)


_detail = read.model(QuotaDetail)


@model
@attrs.frozen(kw_only=True)
class QuotaDetailSet(Model):
    """The limits of a project with what is in use (``GET .../detail``).

    The network quotas are there up to 2.35, the injected file ones up to 2.56.

    Example:
        >>> usage = QuotaDetailSet.from_json({"id": "fake_tenant",
        ...     "cores": {"in_use": 4, "limit": 20, "reserved": 0}})
        >>> usage.cores.in_use, usage.ram
        (4, None)
    """

    id: str | None = None
    instances: QuotaDetail | None = field(read=_detail, default=None)
    cores: QuotaDetail | None = field(read=_detail, default=None)
    ram: QuotaDetail | None = field(read=_detail, default=None)
    key_pairs: QuotaDetail | None = field(read=_detail, default=None)
    metadata_items: QuotaDetail | None = field(read=_detail, default=None)
    server_groups: QuotaDetail | None = field(read=_detail, default=None)
    server_group_members: QuotaDetail | None = field(read=_detail, default=None)
    injected_files: QuotaDetail | None = field(read=_detail, default=None, max_version="2.56")
    injected_file_content_bytes: QuotaDetail | None = field(
        read=_detail, default=None, max_version="2.56"
    )
    injected_file_path_bytes: QuotaDetail | None = field(
        read=_detail, default=None, max_version="2.56"
    )
    fixed_ips: QuotaDetail | None = field(read=_detail, default=None, max_version="2.35")
    floating_ips: QuotaDetail | None = field(read=_detail, default=None, max_version="2.35")
    networks: QuotaDetail | None = field(read=_detail, default=None, max_version="2.35")
    security_groups: QuotaDetail | None = field(read=_detail, default=None, max_version="2.35")
    security_group_rules: QuotaDetail | None = field(read=_detail, default=None, max_version="2.35")


class QuotaSetResult(Result[QuotaSet]):
    """A response whose ``quota_set`` member holds limits (get, defaults, update).

    Example:
        >>> QuotaSetResult(body={"quota_set": {"instances": 10}}).extract().instances
        10
    """

    resource_key = "quota_set"
    model = QuotaSet

    __slots__ = ()


class QuotaDetailSetResult(Result[QuotaDetailSet]):
    """A response whose ``quota_set`` member holds limits with their use (detail).

    Example:
        >>> QuotaDetailSetResult(body={"quota_set": {"ram": {"in_use": 512, "limit": 51200,
        ...     "reserved": 0}}}).extract().ram.in_use
        512
    """

    resource_key = "quota_set"
    model = QuotaDetailSet

    __slots__ = ()


GetResult = QuotaSetResult
DefaultsResult = QuotaSetResult
UpdateResult = QuotaSetResult
DetailResult = QuotaDetailSetResult
DeleteResult = ErrResult
