"""Operations on block storage v3 quota sets (``os-quota-sets``)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
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
    url = client.service_url("os-quota-sets", check_id("project_id", project_id))
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def get_usage(client: ServiceClient, project_id: str) -> GetUsageResult:
    """A project's quotas and their usage: ``GET /os-quota-sets/{project_id}?usage=True`` (200).

    Example:
        >>> quotasets.get_usage(cinder, project_id).extract().volumes.in_use  # doctest: +SKIP
        3
    """
    url = client.service_url("os-quota-sets", check_id("project_id", project_id))
    return client.call(
        GetUsageResult, "GET", wire.with_query(url, [("usage", "True")]), ok_codes=(200,)
    )


def get_defaults(client: ServiceClient, project_id: str) -> GetResult:
    """The default quotas: ``GET /os-quota-sets/{project_id}/defaults`` (200).

    Example:
        >>> quotasets.get_defaults(cinder, project_id).extract().volumes  # doctest: +SKIP
        10
    """
    url = client.service_url("os-quota-sets", check_id("project_id", project_id), "defaults")
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def _per_type(value: Mapping[str, VolumeTypeQuota[int]]) -> dict[str, int]:
    flat: dict[str, int] = {}
    for type_name, quota in value.items():
        if not isinstance(type_name, str) or not type_name:
            raise ValueError(f"per_volume_type keys are volume type names, not {type_name!r}")
        for name in PER_TYPE_NAMES:
            limit = getattr(quota, name)
            if limit is not None:
                where = f"UpdateOpts.per_volume_type[{type_name!r}].{name}"
                flat[f"{name}_{type_name}"] = wire.check_int(where, limit, _UNLIMITED)
    return flat


#: A quota of -1 is unlimited: the smallest a quota can be.
_UNLIMITED = -1


def _quota(name: str) -> dict[str, wire.Wire]:
    return wire.body(name, encode=wire.int_at_least(_UNLIMITED))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """New quotas for a project (administrators); ``None`` leaves one unchanged.

    -1 means unlimited. ``per_volume_type`` sets the per-type quotas
    (``{"lvmdriver-1": VolumeTypeQuota(volumes=5)}`` sends ``volumes_lvmdriver-1``;
    :func:`update` puts them in the body). ``skip_validation=False`` makes Cinder refuse
    a quota below what is in use; it goes beside ``quota_set``.

    Example:
        >>> opts = UpdateOpts(volumes=20, gigabytes=2000, skip_validation=False)
        >>> wire.build_body(opts, "quota_set", client=None)
        {'quota_set': {'volumes': 20, 'gigabytes': 2000}, 'skip_validation': False}
    """

    volumes: int | None = attrs.field(default=None, metadata=_quota("volumes"))
    snapshots: int | None = attrs.field(default=None, metadata=_quota("snapshots"))
    gigabytes: int | None = attrs.field(default=None, metadata=_quota("gigabytes"))
    per_volume_gigabytes: int | None = attrs.field(
        default=None, metadata=_quota("per_volume_gigabytes")
    )
    backups: int | None = attrs.field(default=None, metadata=_quota("backups"))
    backup_gigabytes: int | None = attrs.field(default=None, metadata=_quota("backup_gigabytes"))
    groups: int | None = attrs.field(default=None, metadata=_quota("groups"))
    per_volume_type: Mapping[str, VolumeTypeQuota[int]] | None = None
    skip_validation: bool | None = attrs.field(
        default=None, metadata=wire.body("skip_validation", top_level=True)
    )


def update(client: ServiceClient, project_id: str, opts: UpdateOpts) -> UpdateResult:
    """Change a project's quotas: ``PUT /os-quota-sets/{project_id}`` (200).

    Answers with the project's quotas (without ``id``).

    Raises:
        MissingInputError: no quota is given.
        ValueError: a quota is not a whole number >= -1, or a ``per_volume_type`` key is
            not a type name.
        TypeError: ``opts`` is not an :class:`UpdateOpts`.

    Example:
        >>> quotasets.update(cinder, project_id, UpdateOpts(volumes=20)
        ...                  ).extract().volumes  # doctest: +SKIP
        20
    """
    url = client.service_url("os-quota-sets", check_id("project_id", project_id))
    body = wire.build_body(opts, "quota_set", client=client, of=UpdateOpts)
    body["quota_set"].update(_per_type(opts.per_volume_type or {}))
    if not body["quota_set"]:
        raise MissingInputError("UpdateOpts needs at least one quota")
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, project_id: str) -> DeleteResult:
    """Reset a project's quotas to the defaults: ``DELETE /os-quota-sets/{project_id}`` (200).

    Example:
        >>> quotasets.delete(cinder, project_id).extract_err()  # doctest: +SKIP
    """
    url = client.service_url("os-quota-sets", check_id("project_id", project_id))
    return client.call(DeleteResult, "DELETE", url, ok_codes=(200,))


__getattr__ = aliases(__name__, {"UpdateOptsBuilder": (UpdateOpts, "UpdateOpts")})
