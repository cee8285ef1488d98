"""Operations on compute quota sets: show (with use), defaults, update, revert."""

from __future__ import annotations

import builtins
from typing import Any, Protocol

import attrs

from oscloud import _wire as wire
from oscloud.errors import MicroversionError, MissingInputError
from oscloud.openstack.compute.v2.extensions.quotasets import urls
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
    "GetOptsBuilder",
    "UpdateOpts",
    "UpdateOptsBuilder",
    "delete",
    "get",
    "get_defaults",
    "get_detail",
    "update",
]

#: Quotas Nova dropped, and the microversion that dropped them.
REMOVED_QUOTAS = {
    "fixed_ips": "2.36",
    "floating_ips": "2.36",
    "networks": "2.36",
    "security_groups": "2.36",
    "security_group_rules": "2.36",
    "injected_files": "2.57",
    "injected_file_content_bytes": "2.57",
    "injected_file_path_bytes": "2.57",
}


def _limit(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < -1:
        raise ValueError(f"a quota is an integer of at least -1 (unlimited), not {value!r}")
    return value


class GetOptsBuilder(Protocol):
    """Anything that can build the query of a quota read.

    Example:
        >>> builder: GetOptsBuilder = GetOpts(user_id="fake_user")
        >>> builder.to_quota_set_get_query()
        [('user_id', 'fake_user')]
    """

    def to_quota_set_get_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters."""
        ...


@attrs.frozen(kw_only=True)
class GetOpts:
    """Read the quotas of one user of the project instead of the project's.

    Example:
        >>> GetOpts(user_id="fake_user").to_quota_set_get_query()
        [('user_id', 'fake_user')]
    """

    user_id: str | None = attrs.field(default=None, metadata=wire.query("user_id"))

    def to_quota_set_get_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters."""
        return wire.build_query(self)


def _url_with(url: str, opts: GetOptsBuilder | None) -> str:
    return wire.with_query(url, opts.to_quota_set_get_query()) if opts is not None else url


def get(client: ServiceClient, project_id: str, opts: GetOptsBuilder | None = None) -> GetResult:
    """A project's (or a user's) quotas: ``GET /os-quota-sets/{project_id}`` (200).

    Example:
        >>> quotas = quotasets.get(compute, project_id).extract()  # doctest: +SKIP
        >>> quotas.instances, quotas.cores, quotas.ram  # doctest: +SKIP
        (10, 20, 51200)
    """
    url = urls.quota_set_url(client, check_id("project_id", project_id))
    return client.call(GetResult, "GET", _url_with(url, opts), ok_codes=(200,))


def get_detail(
    client: ServiceClient, project_id: str, opts: GetOptsBuilder | None = None
) -> DetailResult:
    """Quotas with what is in use: ``GET /os-quota-sets/{project_id}/detail`` (200).

    Example:
        >>> usage = quotasets.get_detail(compute, project_id).extract()  # doctest: +SKIP
        >>> usage.cores.in_use, usage.cores.limit  # doctest: +SKIP
        (4, 20)
    """
    url = urls.detail_url(client, check_id("project_id", project_id))
    return client.call(DetailResult, "GET", _url_with(url, opts), ok_codes=(200,))


def get_defaults(client: ServiceClient, project_id: str) -> DefaultsResult:
    """The default quotas: ``GET /os-quota-sets/{project_id}/defaults`` (200).

    Example:
        >>> quotasets.get_defaults(compute, project_id).extract().instances  # doctest: +SKIP
        10
    """
    url = urls.defaults_url(client, check_id("project_id", project_id))
    return client.call(DefaultsResult, "GET", url, ok_codes=(200,))


class UpdateOptsBuilder(Protocol):
    """Anything that can build the body and query of a quota update.

    Example:
        >>> builder: UpdateOptsBuilder = UpdateOpts(instances=20)
        >>> builder.to_quota_set_update_map(), builder.to_quota_set_update_query()
        ({'quota_set': {'instances': 20}}, [])
    """

    def to_quota_set_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /os-quota-sets/{project_id}``."""
        ...

    def to_quota_set_update_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters (``user_id``)."""
        ...


def _field(name: str) -> Any:
    return attrs.field(default=None, metadata=wire.body(name, encode=_limit))


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """New quotas; fields left ``None`` are not changed, ``-1`` is unlimited.

    ``user_id`` sets one user's quotas inside the project. ``force`` sets a limit even
    below what is already in use. Quotas Nova dropped (see ``REMOVED_QUOTAS``: the network
    ones in 2.36, the injected file ones in 2.57) are refused by :func:`update` when the
    client's microversion no longer has them.

    Example:
        >>> opts = UpdateOpts(instances=45, force=True, user_id="fake_user")
        >>> opts.to_quota_set_update_map(), opts.to_quota_set_update_query()
        ({'quota_set': {'instances': 45, 'force': True}}, [('user_id', 'fake_user')])
    """

    instances: int | None = _field("instances")
    cores: int | None = _field("cores")
    ram: int | None = _field("ram")
    key_pairs: int | None = _field("key_pairs")
    metadata_items: int | None = _field("metadata_items")
    server_groups: int | None = _field("server_groups")
    server_group_members: int | None = _field("server_group_members")
    injected_files: int | None = _field("injected_files")
    injected_file_content_bytes: int | None = _field("injected_file_content_bytes")
    injected_file_path_bytes: int | None = _field("injected_file_path_bytes")
    fixed_ips: int | None = _field("fixed_ips")
    floating_ips: int | None = _field("floating_ips")
    networks: int | None = _field("networks")
    security_groups: int | None = _field("security_groups")
    security_group_rules: int | None = _field("security_group_rules")
    force: bool | None = attrs.field(default=None, metadata=wire.body("force"))
    user_id: str | None = attrs.field(default=None, metadata=wire.query("user_id"))

    def to_quota_set_update_map(self) -> dict[str, Any]:
        """The body of ``PUT /os-quota-sets/{project_id}``.

        Raises:
            MissingInputError: no quota given.
            ValueError: a quota below -1.
        """
        body = wire.build_body(self, "quota_set")
        if not set(body["quota_set"]) - {"force"}:
            raise MissingInputError("UpdateOpts needs at least one quota to set")
        return body

    def to_quota_set_update_query(self) -> builtins.list[tuple[str, str]]:
        """The query parameters (``user_id``)."""
        return wire.build_query(self)


def update(client: ServiceClient, project_id: str, opts: UpdateOptsBuilder) -> UpdateResult:
    """Set quotas: ``PUT /os-quota-sets/{project_id}`` (200); answers with the quotas.

    Raises:
        MicroversionError: a quota the client's microversion no longer has (before
            any request).

    Example:
        >>> quotasets.update(compute, project_id, UpdateOpts(instances=20)  # doctest: +SKIP
        ...                  ).extract().instances
        20
    """
    url = urls.quota_set_url(client, check_id("project_id", project_id))
    body = opts.to_quota_set_update_map()
    for name in body.get("quota_set", {}):
        removed_in = REMOVED_QUOTAS.get(name)
        if removed_in is not None and client.microversion_at_least(removed_in):
            raise MicroversionError(
                f"the {name!r} quota was removed in compute microversion {removed_in}; "
                f"the client sends {client.microversion}"
            )
    url = wire.with_query(url, opts.to_quota_set_update_query())
    return client.call(UpdateResult, "PUT", url, json=body, ok_codes=(200,))


def delete(
    client: ServiceClient, project_id: str, opts: GetOptsBuilder | None = None
) -> DeleteResult:
    """Revert a project's (or a user's) quotas to the defaults: ``DELETE`` (202).

    ``DELETE /os-quota-sets/{project_id}``; ``opts`` may name a ``user_id``.

    Example:
        >>> quotasets.delete(compute, project_id).extract_err()  # doctest: +SKIP
    """
    url = urls.quota_set_url(client, check_id("project_id", project_id))
    return client.call(DeleteResult, "DELETE", _url_with(url, opts), ok_codes=(202,))
