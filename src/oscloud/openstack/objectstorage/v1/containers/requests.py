"""Operations on object storage v1 containers: list, create, read, update, delete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.openstack.objectstorage.v1.containers.results import (
    BulkDeleteResult,
    Container,
    ContainerPage,
    CreateResult,
    DeleteResult,
    GetResult,
    UpdateResult,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient

__all__ = [
    "CreateOpts",
    "ListOpts",
    "UpdateOpts",
    "bulk_delete",
    "create",
    "delete",
    "get",
    "list",
    "update",
]


@attrs.frozen(kw_only=True)
class ListOpts:
    """Which containers to list, and how.

    Attributes:
        limit: at most this many per page (at least 1; the cluster caps it, 10,000 by
            default).
        marker: start after this name.
        end_marker: stop before this name.
        prefix: only names starting with this.
        delimiter: roll names up to the first delimiter after the prefix.
        reverse: list in reverse order (Swift 2.10+).

    Example:
        >>> opts = ListOpts(limit=2, prefix="m", reverse=True)
        >>> wire.build_query(opts, client=None)
        [('limit', '2'), ('prefix', 'm'), ('reverse', 'true')]
    """

    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.int_at_least(1))
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    end_marker: str | None = attrs.field(default=None, metadata=wire.query("end_marker"))
    prefix: str | None = attrs.field(default=None, metadata=wire.query("prefix"))
    delimiter: str | None = attrs.field(default=None, metadata=wire.query("delimiter"))
    reverse: bool | None = attrs.field(default=None, metadata=wire.query("reverse"))


@attrs.frozen(kw_only=True)
class _Settings:
    """What both a creation and an update can set."""

    metadata: Mapping[str, str] = _common.metadata_field("Container")
    read_acl: str | None = attrs.field(default=None, metadata=wire.header("X-Container-Read"))
    write_acl: str | None = attrs.field(default=None, metadata=wire.header("X-Container-Write"))
    versions_location: str | None = attrs.field(
        default=None, metadata=wire.header("X-Versions-Location")
    )
    history_location: str | None = attrs.field(
        default=None, metadata=wire.header("X-History-Location")
    )
    versions_enabled: bool | None = attrs.field(
        default=None, metadata=wire.header("X-Versions-Enabled")
    )
    quota_bytes: int | None = attrs.field(
        default=None,
        metadata=wire.header("X-Container-Meta-Quota-Bytes", encode=wire.non_negative_int),
    )
    quota_count: int | None = attrs.field(
        default=None,
        metadata=wire.header("X-Container-Meta-Quota-Count", encode=wire.non_negative_int),
    )
    sync_to: str | None = attrs.field(default=None, metadata=wire.header("X-Container-Sync-To"))
    sync_key: str | None = attrs.field(
        default=None, repr=False, metadata=wire.header("X-Container-Sync-Key")
    )
    temp_url_key: str | None = attrs.field(
        default=None, repr=False, metadata=wire.header("X-Container-Meta-Temp-URL-Key")
    )
    temp_url_key_2: str | None = attrs.field(
        default=None, repr=False, metadata=wire.header("X-Container-Meta-Temp-URL-Key-2")
    )


@attrs.frozen(kw_only=True)
class CreateOpts(_Settings):
    """How to create a container: metadata, ACLs, versioning, storage policy, quotas.

    ``versions_location`` and ``history_location`` cannot both be set (a container keeps
    versions in one mode): :func:`create` refuses them before sending anything.

    Attributes:
        metadata: ``X-Container-Meta-*`` items.
        read_acl: ``X-Container-Read`` (e.g. ``.r:*,.rlistings`` for a public container).
        write_acl: ``X-Container-Write``.
        versions_location: keep old versions in that container (``X-Versions-Location``).
        history_location: keep history in that container (``X-History-Location``).
        versions_enabled: object versioning (``X-Versions-Enabled``, Swift 2.24+).
        storage_policy: ``X-Storage-Policy`` (only when the container is created).
        quota_bytes: ``X-Container-Meta-Quota-Bytes``.
        quota_count: ``X-Container-Meta-Quota-Count``.
        sync_to: ``X-Container-Sync-To``.
        sync_key: ``X-Container-Sync-Key`` (a secret).
        temp_url_key: ``X-Container-Meta-Temp-URL-Key`` (a secret).
        temp_url_key_2: ``X-Container-Meta-Temp-URL-Key-2`` (a secret).

    Example:
        >>> opts = CreateOpts(metadata={"Book": "TomSawyer"}, read_acl=".r:*",
        ...                   storage_policy="gold", quota_count=10)
        >>> wire.build_headers(opts, client=None)
        {'X-Container-Meta-Book': 'TomSawyer', 'X-Container-Read': '.r:*', 'X-Container-Meta-Quota-Count': '10', 'X-Storage-Policy': 'gold'}
    """  # noqa: E501

    storage_policy: str | None = attrs.field(default=None, metadata=wire.header("X-Storage-Policy"))


@attrs.frozen(kw_only=True)
class UpdateOpts(_Settings):
    """What to change on a container; the ``remove_*`` fields send ``X-Remove-*`` headers.

    Attributes:
        remove_metadata: names of ``X-Container-Meta-*`` items to remove.
        remove_read_acl: remove ``X-Container-Read``.
        remove_write_acl: remove ``X-Container-Write``.
        remove_versions_location: stop keeping versions (``X-Remove-Versions-Location``).
        remove_history_location: stop keeping history (``X-Remove-History-Location``).

    The other fields are those of :class:`CreateOpts`, without ``storage_policy``.

    Example:
        >>> opts = UpdateOpts(write_acl="AUTH_other", remove_metadata=["Century"],
        ...                   remove_read_acl=True)
        >>> wire.build_headers(opts, client=None)
        {'X-Container-Write': 'AUTH_other', 'X-Remove-Container-Meta-Century': 'x', 'X-Remove-Container-Read': 'x'}
    """  # noqa: E501

    remove_metadata: Sequence[str] = _common.remove_metadata_field("Container")
    remove_read_acl: bool = _common.removal_flag("X-Remove-Container-Read")
    remove_write_acl: bool = _common.removal_flag("X-Remove-Container-Write")
    remove_versions_location: bool = _common.removal_flag("X-Remove-Versions-Location")
    remove_history_location: bool = _common.removal_flag("X-Remove-History-Location")


def _settings_headers(client: ServiceClient, opts: Any, of: type[_Settings]) -> dict[str, str]:
    """The headers of ``opts`` (an ``of``), refusing two versioning modes at once."""
    headers = wire.build_headers(opts, client=client, of=of)
    if opts.versions_location is not None and opts.history_location is not None:
        raise ValueError(
            f"{of.__name__}: versions_location and history_location cannot both be set "
            "(a container keeps versions in one mode)"
        )
    return headers


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[Container]:
    """List the account's containers: ``GET /v1/{account}?format=json`` (200, 204 empty).

    Lazy: pages are fetched as they are iterated, each starting after the last name of
    the one before (``marker``).

    Raises:
        TypeError: ``opts`` is not a :class:`ListOpts` (before any request).
        ValueError: a ``limit`` below 1.

    Example:
        >>> for container in containers.list(swift).items():  # doctest: +SKIP
        ...     print(container.name, container.object_count)
        >>> names = containers.extract_container_names(  # doctest: +SKIP
        ...     containers.list(swift, containers.ListOpts(prefix="2024-")).all_pages())
    """
    query = wire.build_query(opts if opts is not None else ListOpts(), client=client, of=ListOpts)
    url = wire.with_query(_common.account_url(client), [("format", "json"), *query])
    return Pager(client, url, ContainerPage)


def create(client: ServiceClient, container: str, opts: CreateOpts | None = None) -> CreateResult:
    """Create a container: ``PUT /v1/{account}/{container}`` (201; 202 if it existed).

    The result's ``status_code`` is 201 when the container was created, 202 when it
    already existed (its metadata then updated).

    Raises:
        TypeError: ``opts`` is not a :class:`CreateOpts` (before any request).
        ValueError: both ``versions_location`` and ``history_location``, or metadata that
            cannot be a header.

    Example:
        >>> containers.create(swift, "photos", containers.CreateOpts(  # doctest: +SKIP
        ...     read_acl=".r:*,.rlistings")).extract_err()
    """
    url = _common.container_url(client, container)
    headers = _settings_headers(client, opts, CreateOpts) if opts is not None else {}
    return client.call(CreateResult, "PUT", url, headers=headers, ok_codes=(201, 202))


def get(client: ServiceClient, container: str, *, newest: bool = False) -> GetResult:
    """Read a container's usage and metadata: ``HEAD /v1/{account}/{container}`` (204, 200).

    ``newest=True`` sends ``X-Newest: true``.

    Example:
        >>> header = containers.get(swift, "photos").extract()  # doctest: +SKIP
        >>> header.object_count, header.metadata.get("Book")  # doctest: +SKIP
        (2, 'TomSawyer')
    """
    url = _common.container_url(client, container)
    headers = {"X-Newest": "true"} if newest else None
    return client.call(GetResult, "HEAD", url, headers=headers, ok_codes=(200, 204))


def update(client: ServiceClient, container: str, opts: UpdateOpts) -> UpdateResult:
    """Change a container's metadata and settings: ``POST /v1/{account}/{container}`` (204).

    Raises:
        TypeError: ``opts`` is not an :class:`UpdateOpts` (before any request).
        ValueError: both ``versions_location`` and ``history_location``, or metadata that
            cannot be a header.

    Example:
        >>> containers.update(swift, "photos", containers.UpdateOpts(  # doctest: +SKIP
        ...     metadata={"Book": "TomSawyer"}, remove_metadata=["Century"])).extract_err()
    """
    url = _common.container_url(client, container)
    headers = _settings_headers(client, opts, UpdateOpts)
    return client.call(UpdateResult, "POST", url, headers=headers, ok_codes=(204,))


def delete(client: ServiceClient, container: str) -> DeleteResult:
    """Delete an empty container: ``DELETE /v1/{account}/{container}`` (204; 409 if not empty).

    Example:
        >>> containers.delete(swift, "photos").extract_err()  # doctest: +SKIP
    """
    url = _common.container_url(client, container)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))


def bulk_delete(client: ServiceClient, containers: Iterable[str]) -> BulkDeleteResult:
    """Delete several empty containers in one request (the bulk middleware).

    ``POST /v1/{account}?bulk-delete`` (200) with ``Content-Type: text/plain`` and one
    URL-quoted ``/container`` a line; the JSON report is read (``Accept:
    application/json``). The cluster caps the paths per request (``bulk_delete`` in
    :mod:`~oscloud.openstack.objectstorage.v1.info`, 10,000 by default). ``extract()``
    gives the report, or raises a
    :class:`~oscloud.openstack.objectstorage.v1._common.BulkDeleteError` (which holds
    it) when some containers could not be deleted.

    Raises:
        MissingInputError: no names, or an empty one.
        ValueError: a name contains ``/``.

    Example:
        >>> report = containers.bulk_delete(swift, ["old-1", "old-2"]).extract()  # doctest: +SKIP
        >>> report.deleted, report.not_found  # doctest: +SKIP
        (2, 0)
    """
    paths = ["/" + _common.check_container(name) for name in containers]
    return _common.bulk_delete(client, paths)


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
    },
)
