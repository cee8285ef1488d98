"""Operations on object storage v1 objects: list, upload, download, metadata, copy, delete."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from oscloud import _streaming
from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import OSCloudError
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.openstack.objectstorage.v1.objects.results import (
    BulkDeleteResult,
    CopyResult,
    DeleteResult,
    DownloadResult,
    GetResult,
    ObjectEntry,
    ObjectPage,
    UpdateResult,
    UploadResult,
    _ObjectsOnlyPage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient

__all__ = [
    "CopyOpts",
    "DownloadOpts",
    "ListOpts",
    "UpdateOpts",
    "UploadOpts",
    "bulk_delete",
    "copy",
    "delete",
    "download",
    "get",
    "list",
    "update",
    "upload",
    "upload_file",
]


def _delete_at(value: int | _dt.datetime) -> int:
    return _common.unix_seconds(value)


def _one_character(value: Any) -> Any:
    if not isinstance(value, str) or len(value) != 1:
        raise ValueError(f"ListOpts.delimiter must be one character: {value!r}")
    return value


def _only_star(value: Any) -> Any:
    if value != "*":
        raise ValueError(f"UploadOpts.if_none_match can only be '*': {value!r}")
    return value


def _md5(value: Any) -> Any:
    if not isinstance(value, str) or not _common.is_md5(value.lower()):
        raise ValueError(f"UploadOpts.etag must be an MD5 in hex: {value!r}")
    return value


def _byte_range(value: Any) -> Any:
    if not isinstance(value, str) or not value.startswith("bytes="):
        raise ValueError(f"DownloadOpts.range must start with 'bytes=': {value!r}")
    return value


@attrs.frozen(kw_only=True)
class ListOpts:
    """Which objects to list, and how.

    Attributes:
        limit: at most this many per page (at least 1; the cluster caps it, 10,000 by
            default).
        marker: start after this name.
        end_marker: stop before this name.
        prefix: only names starting with this.
        delimiter: roll names up to the first delimiter after the prefix into
            :class:`~oscloud.openstack.objectstorage.v1.objects.Subdir` items
            (pseudo-folders); one character.
        path: only the objects in this pseudo-folder (an older form of prefix plus ``/``).
        reverse: list in reverse order (Swift 2.10+).

    Example:
        >>> opts = ListOpts(prefix="photos/", delimiter="/", limit=100)
        >>> wire.build_query(opts, client=None)
        [('limit', '100'), ('prefix', 'photos/'), ('delimiter', '/')]
    """

    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.int_at_least(1))
    )
    marker: str | None = attrs.field(default=None, metadata=wire.query("marker"))
    end_marker: str | None = attrs.field(default=None, metadata=wire.query("end_marker"))
    prefix: str | None = attrs.field(default=None, metadata=wire.query("prefix"))
    delimiter: str | None = attrs.field(
        default=None, metadata=wire.query("delimiter", encode=_one_character)
    )
    path: str | None = attrs.field(default=None, metadata=wire.query("path"))
    reverse: bool | None = attrs.field(default=None, metadata=wire.query("reverse"))


@attrs.frozen(kw_only=True)
class UploadOpts:
    """How to store an uploaded object.

    ``delete_at`` and ``delete_after`` cannot both be given: :func:`upload` refuses them
    before sending anything.

    Attributes:
        content_type: ``Content-Type`` (Swift guesses from the name when it is missing and
            ``detect_content_type`` is set).
        detect_content_type: ``X-Detect-Content-Type``.
        etag: the MD5 of the content, in hex: the server refuses the upload (422) when the
            bytes it received do not match.
        metadata: ``X-Object-Meta-*`` items.
        delete_at: expire the object at this time (``X-Delete-At``, a datetime or Unix
            seconds).
        delete_after: expire the object after this many seconds (``X-Delete-After``, not
            negative).
        if_none_match: ``"*"`` to fail (412) instead of replacing an existing object.
        content_encoding: ``Content-Encoding``.
        content_disposition: ``Content-Disposition``.
        object_manifest: ``X-Object-Manifest`` (``container/prefix``, URL-quoted): makes a
            dynamic large object's manifest.

    Example:
        >>> opts = UploadOpts(content_type="text/plain", metadata={"Book": "Columbus"},
        ...                   delete_after=3600, if_none_match="*")
        >>> wire.build_headers(opts, client=None)
        {'Content-Type': 'text/plain', 'X-Object-Meta-Book': 'Columbus', 'X-Delete-After': '3600', 'If-None-Match': '*'}
    """  # noqa: E501

    content_type: str | None = attrs.field(default=None, metadata=wire.header("Content-Type"))
    detect_content_type: bool | None = attrs.field(
        default=None, metadata=wire.header("X-Detect-Content-Type")
    )
    etag: str | None = attrs.field(default=None, metadata=wire.header("ETag", encode=_md5))
    metadata: Mapping[str, str] = _common.metadata_field("Object")
    delete_at: int | _dt.datetime | None = attrs.field(
        default=None, metadata=wire.header("X-Delete-At", encode=_delete_at)
    )
    delete_after: int | None = attrs.field(
        default=None,
        metadata=wire.header("X-Delete-After", encode=wire.non_negative_int),
    )
    if_none_match: str | None = attrs.field(
        default=None, metadata=wire.header("If-None-Match", encode=_only_star)
    )
    content_encoding: str | None = attrs.field(
        default=None, metadata=wire.header("Content-Encoding")
    )
    content_disposition: str | None = attrs.field(
        default=None, metadata=wire.header("Content-Disposition")
    )
    object_manifest: str | None = attrs.field(
        default=None, metadata=wire.header("X-Object-Manifest")
    )


@attrs.frozen(kw_only=True)
class DownloadOpts:
    """A range and conditions for a download.

    Attributes:
        range: ``Range``, e.g. ``"bytes=0-99"``, ``"bytes=-100"`` (the last 100) or several
            ranges (the answer is then ``multipart/byteranges``).
        if_match: download only if the ETag matches (412 otherwise).
        if_none_match: download only if the ETag differs (304 otherwise).
        if_modified_since: download only if modified since (304 otherwise).
        if_unmodified_since: download only if not modified since (412 otherwise).
        newest: ``X-Newest: true``: ask every replica and answer with the newest.

    Example:
        >>> import datetime as dt
        >>> opts = DownloadOpts(range="bytes=0-99", if_modified_since=dt.datetime(
        ...     2014, 1, 16, 21, 12, 31, tzinfo=dt.timezone.utc))
        >>> wire.build_headers(opts, client=None)
        {'Range': 'bytes=0-99', 'If-Modified-Since': 'Thu, 16 Jan 2014 21:12:31 GMT'}
    """

    range: str | None = attrs.field(default=None, metadata=wire.header("Range", encode=_byte_range))
    if_match: str | None = attrs.field(default=None, metadata=wire.header("If-Match"))
    if_none_match: str | None = attrs.field(default=None, metadata=wire.header("If-None-Match"))
    if_modified_since: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.header("If-Modified-Since")
    )
    if_unmodified_since: _dt.datetime | None = attrs.field(
        default=None, metadata=wire.header("If-Unmodified-Since")
    )
    newest: bool | None = attrs.field(default=None, metadata=wire.header("X-Newest"))


@attrs.frozen(kw_only=True)
class CopyOpts:
    """Metadata for the copy (it keeps the source's metadata, these override it).

    Attributes:
        metadata: ``X-Object-Meta-*`` items to set on the copy.
        content_type: ``Content-Type`` of the copy.
        content_encoding: ``Content-Encoding`` of the copy.
        content_disposition: ``Content-Disposition`` of the copy.
        fresh_metadata: ``X-Fresh-Metadata: true``: drop the source's metadata.

    Example:
        >>> opts = CopyOpts(metadata={"Movie": "AmericanPie"}, fresh_metadata=True)
        >>> wire.build_headers(opts, client=None)
        {'X-Object-Meta-Movie': 'AmericanPie', 'X-Fresh-Metadata': 'true'}
    """

    metadata: Mapping[str, str] = _common.metadata_field("Object")
    content_type: str | None = attrs.field(default=None, metadata=wire.header("Content-Type"))
    content_encoding: str | None = attrs.field(
        default=None, metadata=wire.header("Content-Encoding")
    )
    content_disposition: str | None = attrs.field(
        default=None, metadata=wire.header("Content-Disposition")
    )
    fresh_metadata: bool | None = attrs.field(
        default=None, metadata=wire.header("X-Fresh-Metadata")
    )


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """An object's new metadata (``POST`` replaces all its ``X-Object-Meta-*`` items).

    One expiry at a time: ``delete_at``, ``delete_after`` or ``remove_delete_at``
    (:func:`update` refuses two before sending anything).

    Attributes:
        metadata: the complete set of ``X-Object-Meta-*`` items it will have.
        content_type: ``Content-Type``.
        content_encoding: ``Content-Encoding``.
        content_disposition: ``Content-Disposition``.
        delete_at: expire at this time (``X-Delete-At``).
        delete_after: expire after this many seconds (``X-Delete-After``).
        remove_delete_at: stop the expiry (``X-Remove-Delete-At``).

    Example:
        >>> opts = UpdateOpts(metadata={"Book": "GoodbyeColumbus"}, remove_delete_at=True)
        >>> wire.build_headers(opts, client=None)
        {'X-Object-Meta-Book': 'GoodbyeColumbus', 'X-Remove-Delete-At': 'x'}
    """

    metadata: Mapping[str, str] = _common.metadata_field("Object")
    content_type: str | None = attrs.field(default=None, metadata=wire.header("Content-Type"))
    content_encoding: str | None = attrs.field(
        default=None, metadata=wire.header("Content-Encoding")
    )
    content_disposition: str | None = attrs.field(
        default=None, metadata=wire.header("Content-Disposition")
    )
    delete_at: int | _dt.datetime | None = attrs.field(
        default=None, metadata=wire.header("X-Delete-At", encode=_delete_at)
    )
    delete_after: int | None = attrs.field(
        default=None,
        metadata=wire.header("X-Delete-After", encode=wire.non_negative_int),
    )
    remove_delete_at: bool = _common.removal_flag("X-Remove-Delete-At")


def list(client: ServiceClient, container: str, opts: ListOpts | None = None) -> Pager[ObjectEntry]:
    """List a container's objects: ``GET /v1/{account}/{container}?format=json`` (200, 204).

    Lazy: pages are fetched as they are iterated. With a ``delimiter`` the items include
    :class:`~oscloud.openstack.objectstorage.v1.objects.Subdir` pseudo-folders.

    Raises:
        TypeError: ``opts`` is not a :class:`ListOpts` (before any request).
        ValueError: a ``limit`` below 1, a ``delimiter`` of more than one character.

    Example:
        >>> for entry in objects.list(swift, "photos", objects.ListOpts(  # doctest: +SKIP
        ...         prefix="2024/", delimiter="/")).items():
        ...     print(type(entry).__name__, entry.name)
    """
    url = _common.container_url(client, container)
    query = wire.build_query(opts if opts is not None else ListOpts(), client=client, of=ListOpts)
    delimited = any(name == "delimiter" for name, _ in query)
    page_class = ObjectPage if delimited else _ObjectsOnlyPage
    return Pager(client, wire.with_query(url, [("format", "json"), *query]), page_class)


def upload(
    client: ServiceClient,
    container: str,
    object_name: str,
    data: Any,
    opts: UploadOpts | None = None,
    *,
    size: int | None = None,
    progress: _streaming.Progress | None = None,
    verify_etag: bool = True,
) -> UploadResult:
    """Store an object: ``PUT /v1/{account}/{container}/{object}`` (201), streamed.

    ``data`` is bytes, a binary file, or an iterable of bytes (a generator, say); it is
    never read whole into memory. A file of known size (``size``, or found by seeking) is
    sent with ``Content-Length`` and can be sent again after a retry; an iterable whose
    ``size`` is not given is sent with ``Transfer-Encoding: chunked``.

    The MD5 of the bytes is computed as they are sent and compared with the ETag the
    server answers; a mismatch makes the result's ``err`` an
    :class:`~oscloud.openstack.objectstorage.v1._common.ETagMismatchError`
    (``verify_etag=False`` skips that). ``progress(bytes_sent, size_or_None)`` is called
    as the body goes out.

    Raises:
        MissingInputError: no container or object name.
        TypeError: ``data`` is text (or a file opened in text mode) or not a byte
            source, ``progress`` is not callable, or ``opts`` is not an
            :class:`UploadOpts`.
        ValueError: bad options (see :class:`UploadOpts`), both ``delete_at`` and
            ``delete_after``, a ``size`` that is not an integer of at least 0.
        BodySizeError: ``size`` is more than the bytes ``data`` has (as far as that can
            be known before sending), or differs from the length of bytes.

    Example:
        >>> with open("cat.jpg", "rb") as f:  # doctest: +SKIP
        ...     stored = objects.upload(swift, "photos", "2024/cat.jpg", f,
        ...         objects.UploadOpts(content_type="image/jpeg")).extract()
        >>> stored.etag  # doctest: +SKIP
        '451e372e48e0f6b1114fa0724aa79fa1'
    """
    url = _common.object_url(client, container, object_name)
    headers = _upload_headers(client, opts) if opts is not None else {}
    body, checksum, _ = _streaming.request_body(data, size=size, progress=progress)
    result = client.call(UploadResult, "PUT", url, data=body, headers=headers, ok_codes=(201,))
    if not verify_etag or result.status_code is None:
        return result
    returned = _common.normalize_etag(result.headers.get("Etag"))
    if not _common.is_md5(returned) or returned == checksum.hexdigest():
        return result
    mismatch = _common.ETagMismatchError(
        f"PUT {container}/{object_name}", returned or "", checksum.hexdigest()
    )
    return UploadResult(headers=result.headers, status_code=result.status_code, err=mismatch)


def upload_file(
    client: ServiceClient,
    container: str,
    object_name: str,
    path: str | os.PathLike[str],
    opts: UploadOpts | None = None,
    *,
    progress: _streaming.Progress | None = None,
    verify_etag: bool = True,
) -> UploadResult:
    """Upload the file at ``path``; see :func:`upload`.

    Example:
        >>> objects.upload_file(swift, "photos", "cat.jpg", "cat.jpg").extract()  # doctest: +SKIP
    """
    _common.object_url(client, container, object_name)  # bad names fail before the file opens
    with open(path, "rb") as source:
        return upload(
            client,
            container,
            object_name,
            source,
            opts,
            size=os.fstat(source.fileno()).st_size,
            progress=progress,
            verify_etag=verify_etag,
        )


def download(
    client: ServiceClient,
    container: str,
    object_name: str,
    opts: DownloadOpts | None = None,
    *,
    progress: _streaming.Progress | None = None,
    verify_etag: bool = True,
) -> DownloadResult:
    """Download an object: ``GET /v1/{account}/{container}/{object}`` (200, 206, 304).

    Only the headers are read here: the body streams from the result
    (:meth:`~DownloadResult.iter_content`, :meth:`~DownloadResult.write_to`), with its MD5
    checked against the ETag (not for ranges and large objects). ``Accept-Encoding:
    identity`` is sent, so that the bytes are the object's as stored. A 304 answers a
    conditional download whose object has not changed.

    Example:
        >>> result = objects.download(swift, "photos", "cat.jpg",  # doctest: +SKIP
        ...     progress=lambda done, total: print(done, total))
        >>> result.extract().content_type  # doctest: +SKIP
        'image/jpeg'
        >>> result.write_to("cat.jpg")  # doctest: +SKIP
        48213
    """
    url = _common.object_url(client, container, object_name)
    headers = {"Accept-Encoding": "identity"}
    if opts is not None:
        headers.update(wire.build_headers(opts, client=client, of=DownloadOpts))
    what = f"GET {container}/{object_name}"
    try:
        response = client.request(
            "GET", url, headers=headers, ok_codes=(200, 206, 304), stream=True
        )
    except OSCloudError as err:
        return DownloadResult(err=err, what=what)
    return DownloadResult(
        headers=response.headers,
        status_code=response.status_code,
        response=response,
        what=what,
        progress=progress,
        verify_etag=verify_etag,
    )


def get(
    client: ServiceClient, container: str, object_name: str, *, newest: bool = False
) -> GetResult:
    """Read an object's metadata: ``HEAD /v1/{account}/{container}/{object}`` (200).

    Example:
        >>> header = objects.get(swift, "marktwain", "goodbye").extract()  # doctest: +SKIP
        >>> header.metadata["Book"]  # doctest: +SKIP
        'GoodbyeColumbus'
    """
    url = _common.object_url(client, container, object_name)
    headers = {"X-Newest": "true"} if newest else None
    return client.call(GetResult, "HEAD", url, headers=headers, ok_codes=(200,))


def copy(
    client: ServiceClient,
    container: str,
    object_name: str,
    destination_container: str,
    destination_name: str | None = None,
    opts: CopyOpts | None = None,
    *,
    method: str = "COPY",
) -> CopyResult:
    """Copy an object, to another container if wanted (201).

    ``method="COPY"`` sends ``COPY /v1/{account}/{container}/{object}`` with
    ``Destination: {destination_container}/{destination_name}``; ``method="PUT"`` sends
    ``PUT`` to the destination with ``X-Copy-From: /{container}/{object}`` (for proxies
    that refuse ``COPY``). The name stays the same when ``destination_name`` is ``None``.

    Raises:
        ValueError: ``method`` is neither ``COPY`` nor ``PUT``; a container name has a
            ``/``.

    Example:
        >>> objects.copy(swift, "marktwain", "goodbye", "janeausten").extract()  # doctest: +SKIP
    """
    target = destination_name if destination_name is not None else object_name
    source_url = _common.object_url(client, container, object_name)
    target_url = _common.object_url(client, destination_container, target)
    headers = wire.build_headers(opts, client=client, of=CopyOpts) if opts is not None else {}
    if method.upper() == "COPY":
        headers["Destination"] = _common.object_path(destination_container, target)
        return client.call(CopyResult, "COPY", source_url, headers=headers, ok_codes=(201,))
    if method.upper() == "PUT":
        headers["X-Copy-From"] = "/" + _common.object_path(container, object_name)
        return client.call(
            CopyResult, "PUT", target_url, data=b"", headers=headers, ok_codes=(201,)
        )
    raise ValueError(f"copy: method must be 'COPY' or 'PUT', not {method!r}")


def update(
    client: ServiceClient, container: str, object_name: str, opts: UpdateOpts
) -> UpdateResult:
    """Replace an object's metadata: ``POST /v1/{account}/{container}/{object}`` (202).

    Every ``X-Object-Meta-*`` item not sent is removed.

    Raises:
        TypeError: ``opts`` is not an :class:`UpdateOpts` (before any request).
        ValueError: two expiries (``delete_at``, ``delete_after``, ``remove_delete_at``),
            a negative ``delete_after``, or metadata that cannot be a header.

    Example:
        >>> objects.update(swift, "marktwain", "goodbye", objects.UpdateOpts(  # doctest: +SKIP
        ...     metadata={"Book": "GoodbyeColumbus"})).extract_err()
    """
    url = _common.object_url(client, container, object_name)
    headers = wire.build_headers(opts, client=client, of=UpdateOpts)
    _common.check_expiry(opts)
    if opts.remove_delete_at and (opts.delete_at or opts.delete_after):
        raise ValueError("UpdateOpts: remove_delete_at cannot go with delete_at/after")
    return client.call(UpdateResult, "POST", url, headers=headers, ok_codes=(202,))


def delete(client: ServiceClient, container: str, object_name: str) -> DeleteResult:
    """Delete an object: ``DELETE /v1/{account}/{container}/{object}`` (204).

    For a static large object this deletes the manifest only; see
    :func:`oscloud.openstack.objectstorage.v1.largeobjects.delete_slo`.

    Example:
        >>> objects.delete(swift, "marktwain", "helloworld").extract_err()  # doctest: +SKIP
    """
    url = _common.object_url(client, container, object_name)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(204,))


def bulk_delete(
    client: ServiceClient, container: str, object_names: Iterable[str]
) -> BulkDeleteResult:
    """Delete several objects of a container in one request (the bulk middleware).

    ``POST /v1/{account}?bulk-delete`` (200), ``Content-Type: text/plain``, one URL-quoted
    ``/container/object`` a line; the JSON report is read. Objects already gone count as
    ``not_found``; others that fail make the result's ``err`` a
    :class:`~oscloud.openstack.objectstorage.v1._common.BulkDeleteError` holding the
    report.

    Raises:
        MissingInputError: no names, or an empty one.

    Example:
        >>> objects.bulk_delete(swift, "photos", ["a.jpg", "b.jpg"]).extract().deleted  # doctest: +SKIP
        2
    """  # noqa: E501
    prefix = "/" + _common.check_container(container) + "/"
    paths = [prefix + _common.check_object_name(name) for name in object_names]
    return _common.bulk_delete(client, paths)


def _upload_headers(client: ServiceClient, opts: UploadOpts) -> dict[str, str]:
    headers = wire.build_headers(opts, client=client, of=UploadOpts)
    _common.check_expiry(opts)
    return headers


__getattr__ = aliases(
    __name__,
    {
        "CopyOptsBuilder": (CopyOpts, "CopyOpts"),
        "DownloadOptsBuilder": (DownloadOpts, "DownloadOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
        "UpdateOptsBuilder": (UpdateOpts, "UpdateOpts"),
        "UploadOptsBuilder": (UploadOpts, "UploadOpts"),
    },
)
