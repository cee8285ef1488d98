"""Operations on compute quota sets: show (with use), defaults, update, revert."""

from __future__ import annotations

from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2.extensions.quotasets.results import (
    DefaultsResult,
    DeleteResult,
    DetailResult,
    GetResult,
    UpdateResult,
)
from oscloud.service import ServiceClient, check_id

__all__ = [
    "GetOpts",
    "UpdateOpts",
    "delete",
    "get",
    "get_defaults",
    "get_detail",
    "update",
]


#: A quota of -1 is unlimited: the smallest a quota can be.
_UNLIMITED = -1


@attrs.frozen(kw_only=True)
class GetOpts:
    """Read (or revert) the quotas of one user of the project instead of the project's.

    Example:
        >>> GetOpts(user_id="fake_user")
        GetOpts(user_id='fake_user')
    """

    user_id: str | None = attrs.field(default=None, metadata=wire.query("user_id"))


def get(client: ServiceClient, project_id: str, opts: GetOpts | None = None) -> GetResult:
    """A project's (or a user's) quotas: ``GET /os-quota-sets/{project_id}`` (200).

    Example:
        >>> quotas = quotasets.get(compute, project_id).extract()  # doctest: +SKIP
        >>> quotas.instances, quotas.cores, quotas.ram  # doctest: +SKIP
        (10, 20, 51200)
    """
    project = check_id("project_id", project_id)
    url = wire.url(client, "os-quota-sets", project, query=opts, of=GetOpts)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


def get_detail(client: ServiceClient, project_id: str, opts: GetOpts | None = None) -> DetailResult:
    """Quotas with what is in use: ``GET /os-quota-sets/{project_id}/detail`` (200).

    Example:
        >>> usage = quotasets.get_detail(compute, project_id).extract()  # doctest: +SKIP
        >>> usage.cores.in_use, usage.cores.limit  # doctest: +SKIP
        (4, 20)
    """
    project = check_id("project_id", project_id)
    url = wire.url(client, "os-quota-sets", project, "detail", query=opts, of=GetOpts)
    return client.call(DetailResult, "GET", url, ok_codes=(200,))


def get_defaults(client: ServiceClient, project_id: str) -> DefaultsResult:
    """The default quotas: ``GET /os-quota-sets/{project_id}/defaults`` (200).

    Example:
        >>> quotasets.get_defaults(compute, project_id).extract().instances  # doctest: +SKIP
        10
    """
    url = client.service_url("os-quota-sets", check_id("project_id", project_id), "defaults")
    return client.call(DefaultsResult, "GET", url, ok_codes=(200,))


def _quota(name: str, *, max_version: str | None = None) -> Any:
    return attrs.field(
        default=None,
        metadata=wire.body(name, encode=wire.int_at_least(_UNLIMITED), max_version=max_version),
    )


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """New quotas; fields left ``None`` are not changed, ``-1`` is unlimited.

    ``user_id`` sets one user's quotas inside the project. ``force`` sets a limit even
    below what is already in use. The network quotas (``fixed_ips``, ``floating_ips``,
    ``networks``, ``security_groups``, ``security_group_rules``) exist up to 2.35 and the
    injected file ones (``injected_files``, ``injected_file_content_bytes``,
    ``injected_file_path_bytes``) up to 2.56: :func:`update` refuses them, before any
    request, when the client's microversion no longer has them.

    Example:
        >>> opts = UpdateOpts(instances=45, force=True, user_id="fake_user")
        >>> wire.build_body(opts, "quota_set", client=None)
        {'quota_set': {'instances': 45, 'force': True}}
        >>> wire.build_query(opts, client=None)
        [('user_id', 'fake_user')]
    """

    instances: int | None = _quota("instances")
    cores: int | None = _quota("cores")
    ram: int | None = _quota("ram")
    key_pairs: int | None = _quota("key_pairs")
    metadata_items: int | None = _quota("metadata_items")
    server_groups: int | None = _quota("server_groups")
    server_group_members: int | None = _quota("server_group_members")
    injected_files: int | None = _quota("injected_files", max_version="2.56")
    injected_file_content_bytes: int | None = _quota(
        "injected_file_content_bytes", max_version="2.56"
    )
    injected_file_path_bytes: int | None = _quota("injected_file_path_bytes", max_version="2.56")
    fixed_ips: int | None = _quota("fixed_ips", max_version="2.35")
    floating_ips: int | None = _quota("floating_ips", max_version="2.35")
    networks: int | None = _quota("networks", max_version="2.35")
    security_groups: int | None = _quota("security_groups", max_version="2.35")
    security_group_rules: int | None = _quota("security_group_rules", max_version="2.35")
    force: bool | None = attrs.field(default=None, metadata=wire.body("force"))
    user_id: str | None = attrs.field(default=None, metadata=wire.query("user_id"))


def _removed_in(max_version: str) -> str:
    major, minor = max_version.split(".")
    return f"{major}.{int(minor) + 1}"


#: Quotas Nova dropped, and the microversion that dropped them (from the fields above).
REMOVED_QUOTAS = {
    f.name: _removed_in(w.max_version)
    for f in attrs.fields(UpdateOpts)
    if (w := f.metadata.get(wire.WIRE_KEY)) is not None and w.max_version is not None
}


def update(client: ServiceClient, project_id: str, opts: UpdateOpts) -> UpdateResult:
    """Set quotas: ``PUT /os-quota-sets/{project_id}`` (200); answers with the quotas.

    Raises:
        MissingInputError: no quota given (``force`` alone changes nothing).
        MicroversionError: a quota the client's microversion no longer has.
        ValueError: a quota that is not an integer of at least -1.

    Example:
        >>> quotasets.update(compute, project_id, UpdateOpts(instances=20)  # doctest: +SKIP
        ...                  ).extract().instances
        20
    """
    project = check_id("project_id", project_id)
    body = wire.build_body(opts, "quota_set", client=client, of=UpdateOpts)
    if not set(body["quota_set"]) - {"force"}:
        raise MissingInputError("UpdateOpts needs at least one quota to set")
    url = wire.url(client, "os-quota-sets", project, query=opts, of=UpdateOpts)
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(client: ServiceClient, project_id: str, opts: GetOpts | None = None) -> DeleteResult:
    """Revert a project's (or a user's) quotas to the defaults: ``DELETE`` (202).

    ``DELETE /os-quota-sets/{project_id}``; ``opts`` may name a ``user_id``.

    Example:
        >>> quotasets.delete(compute, project_id).extract_err()  # doctest: +SKIP
    """
    project = check_id("project_id", project_id)
    url = wire.url(client, "os-quota-sets", project, query=opts, of=GetOpts)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202,))


__getattr__ = aliases(
    __name__,
    {
        "GetOptsBuilder": (GetOpts, "GetOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
