"""Operations on block storage v3 quota sets (``os-quota-sets``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.errors import MissingInputError
from oscloud.openstack.blockstorage.v3.quotasets import urls
from oscloud.openstack.blockstorage.v3.quotasets.results import (
    PER_TYPE_NAMES,
    DeleteResult,
    GetResult,
    GetUsageResult,
    UpdateResult,
    VolumeTypeQuota,
)
from oscloud.service import ServiceClient, check_id

__all__ = [
    "UpdateOpts",
    "UpdateOptsBuilder",
    "delete",
    "get",
    "get_defaults",
    "get_usage",
    "update",
]


def get(client: ServiceClient, project_id: str) -> GetResult:
    """A project's quotas: ``GET /os-quota-sets/{project_id}`` (200).

    Example:
        >>> quotasets.get(cinder, project_id).extract().gigabytes  # doctest: +SKIP
        1000
    """
    url = urls.quota_set_url(client, check_id("project_id", project_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def get_usage(client: ServiceClient, project_id: str) -> GetUsageResult:
    """A project's quotas and their usage: ``GET /os-quota-sets/{project_id}?usage=True`` (200).

    Example:
        >>> quotasets.get_usage(cinder, project_id).extract().volumes.in_use  # doctest: +SKIP
        3
    """
    url = urls.quota_set_url(client, check_id("project_id", project_id))
    return client.call(
        GetUsageResult, "GET", wire.with_query(url, [("usage", "True")]), ok_codes=(200,)
    )


def get_defaults(client: ServiceClient, project_id: str) -> GetResult:
    """The default quotas: ``GET /os-quota-sets/{project_id}/defaults`` (200).

    Example:
        >>> quotasets.get_defaults(cinder, project_id).extract().volumes  # doctest: +SKIP
        10
    """
    url = urls.defaults_url(client, check_id("project_id", project_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def _per_type(value: Mapping[str, VolumeTypeQuota[int]]) -> dict[str, int]:
    flat: dict[str, int] = {}
    for type_name, quota in value.items():
        if not isinstance(type_name, str) or not type_name:
            raise ValueError(f"per_volume_type keys are volume type names, not {type_name!r}")
        for name in PER_TYPE_NAMES:
            limit = getattr(quota, name)
            if limit is not None:
                flat[f"{name}_{type_name}"] = _limit(limit)
    return flat


def _limit(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < -1:
        raise ValueError(f"a quota is a whole number >= -1 (-1: unlimited), not {value!r}")
    return value


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body of ``PUT /os-quota-sets/{project_id}``.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(volumes=20)
        >>> builder.to_quota_set_update_map()
        {'quota_set': {'volumes': 20}}
    """

    def to_quota_set_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /os-quota-sets/{project_id}``."""
        ...


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """New quotas for a project (administrators); ``None`` leaves one unchanged.

    -1 means unlimited. ``per_volume_type`` sets the per-type quotas
    (``{"lvmdriver-1": VolumeTypeQuota(volumes=5)}`` sends ``volumes_lvmdriver-1``).
    ``skip_validation=False`` makes Cinder refuse a quota below what is in use.

    Example:
        >>> UpdateOpts(volumes=20, gigabytes=2000,
        ...     per_volume_type={"lvmdriver-1": VolumeTypeQuota(volumes=5)},
        ...     skip_validation=False).to_quota_set_update_map()
        {'quota_set': {'volumes': 20, 'gigabytes': 2000, 'volumes_lvmdriver-1': 5}, \
'skip_validation': False}
    """

    volumes: int | None = attrs.field(default=None, metadata=wire.body("volumes", encode=_limit))
    snapshots: int | None = attrs.field(
        default=None, metadata=wire.body("snapshots", encode=_limit)
    )
    gigabytes: int | None = attrs.field(
        default=None, metadata=wire.body("gigabytes", encode=_limit)
    )
    per_volume_gigabytes: int | None = attrs.field(
        default=None, metadata=wire.body("per_volume_gigabytes", encode=_limit)
    )
    backups: int | None = attrs.field(default=None, metadata=wire.body("backups", encode=_limit))
    backup_gigabytes: int | None = attrs.field(
        default=None, metadata=wire.body("backup_gigabytes", encode=_limit)
    )
    groups: int | None = attrs.field(default=None, metadata=wire.body("groups", encode=_limit))
    per_volume_type: Mapping[str, VolumeTypeQuota[int]] | None = None
    skip_validation: bool | None = None

    def to_quota_set_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /os-quota-sets/{project_id}``.

        Raises:
            MissingInputError: no quota is given.
            ValueError: a quota is not a whole number >= -1.
        """
        body = wire.build_body(self, "quota_set")
        body["quota_set"].update(_per_type(self.per_volume_type or {}))
        if not body["quota_set"]:
            raise MissingInputError("UpdateOpts needs at least one quota")
        if self.skip_validation is not None:
            body["skip_validation"] = self.skip_validation
        return body


def update(client: ServiceClient, project_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Change a project's quotas: ``PUT /os-quota-sets/{project_id}`` (200).

    Answers with the project's quotas (without ``id``).

    Example:
        >>> quotasets.update(cinder, project_id, UpdateOpts(volumes=20)
        ...                  ).extract().volumes  # doctest: +SKIP
        20
    """
    url = urls.quota_set_url(client, check_id("project_id", project_id))
    body = opts.to_quota_set_update_map()
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, project_id: str) -> DeleteResult:
    """Reset a project's quotas to the defaults: ``DELETE /os-quota-sets/{project_id}`` (200).

    Example:
        >>> quotasets.delete(cinder, project_id).extract_err()  # doctest: +SKIP
    """
    url = urls.quota_set_url(client, check_id("project_id", project_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(200,))
