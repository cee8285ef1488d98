"""Models and results of object storage v1 accounts."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

import attrs

from oscloud.openstack.objectstorage.v1 import _common
from oscloud.results import ErrResult, HeaderResult

__all__ = ["Account", "GetResult", "UpdateResult"]

#: Account metadata that :class:`Account` reads into its own fields.
_OWN_METADATA = ("temp-url-key", "temp-url-key-2", "quota-bytes")


@attrs.frozen(kw_only=True)
class Account:
    """An account's usage and metadata, read from the headers of ``HEAD /v1/{account}``.

    The temporary URL keys are secrets: they never show in ``repr``.

    Attributes:
        bytes_used: bytes stored in the account (``X-Account-Bytes-Used``).
        object_count: objects stored (``X-Account-Object-Count``).
        container_count: containers (``X-Account-Container-Count``).
        metadata: the ``X-Account-Meta-*`` items, names without the prefix
            (case-insensitive), the keys and quota below left out.
        quota_bytes: the account quota in bytes (``X-Account-Meta-Quota-Bytes``), if set.
        temp_url_key: ``X-Account-Meta-Temp-URL-Key`` (only an account owner sees it).
        temp_url_key_2: ``X-Account-Meta-Temp-URL-Key-2``.
        created_at: the account's ``X-Timestamp``.
        date: the response's ``Date``.

    Example:
        >>> account = Account.from_headers({"X-Account-Object-Count": "1",
        ...     "X-Account-Bytes-Used": "14", "X-Account-Container-Count": "2",
        ...     "X-Account-Meta-Subject": "Literature",
        ...     "X-Account-Meta-Temp-URL-Key": "s3cr3t", "X-Timestamp": "1389453423.35964"})
        >>> account.bytes_used, dict(account.metadata), account.temp_url_key
        (14, {'Subject': 'Literature'}, 's3cr3t')
        >>> "s3cr3t" in repr(account)
        False
    """

    bytes_used: int
    object_count: int
    container_count: int
    metadata: Mapping[str, str] = attrs.field(factory=dict)
    quota_bytes: int | None = None
    temp_url_key: str | None = attrs.field(default=None, repr=False)
    temp_url_key_2: str | None = attrs.field(default=None, repr=False)
    created_at: _dt.datetime | None = None
    date: _dt.datetime | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> Account:
        """Read the account headers (of ``HEAD`` or ``GET /v1/{account}``)."""
        return cls(
            bytes_used=_common.header_int(headers, "X-Account-Bytes-Used") or 0,
            object_count=_common.header_int(headers, "X-Account-Object-Count") or 0,
            container_count=_common.header_int(headers, "X-Account-Container-Count") or 0,
            metadata=_common.read_metadata(headers, "Account", _OWN_METADATA),
            quota_bytes=_common.header_int(headers, "X-Account-Meta-Quota-Bytes"),
            temp_url_key=_secret(headers, "X-Account-Meta-Temp-URL-Key"),
            temp_url_key_2=_secret(headers, "X-Account-Meta-Temp-URL-Key-2"),
            created_at=_common.header_time(headers, "X-Timestamp"),
            date=_common.header_time(headers, "Date"),
        )


def _secret(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    return _common.decode_header_value(value) if value else None


class GetResult(HeaderResult[Account]):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.accounts.get`."""

    model = Account

    __slots__ = ()


class UpdateResult(ErrResult):
    """The result of :func:`~oscloud.openstack.objectstorage.v1.accounts.update`."""

    __slots__ = ()
