"""Models and results of object storage v1 accounts."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

import attrs

from oscloud import _readers as read
from oscloud._lazy import LazyFields
from oscloud._model import field, model
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.results import ErrResult, HeaderResult, case_insensitive

__all__ = ["Account", "AccountResult", "GetResult", "UpdateResult"]

#: Account metadata that :class:`Account` reads into its own fields.
_OWN_METADATA = ("temp-url-key", "temp-url-key-2", "quota-bytes")


@model(lazy=True, key=None)
@attrs.frozen(kw_only=True, slots=False)
class Account(LazyFields):
    """An account's usage and metadata, read from the headers of ``HEAD /v1/{account}``.

    Each field is declared with the header it comes from. The temporary URL keys are
    secrets: they never show in ``repr``.
    Each field is read from its header when it is first used (see ``_common``): a header
    that is not what Swift documents raises
    :class:`~oscloud.errors.InvalidResponseError` when its field is read, and only then.

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

    bytes_used: int = field("X-Account-Bytes-Used", read=read.integer, default=0)
    object_count: int = field("X-Account-Object-Count", read=read.integer, default=0)
    container_count: int = field("X-Account-Container-Count", read=read.integer, default=0)
    metadata: Mapping[str, str] = field(
        whole=True, read=_common.metadata_reader("Account", _OWN_METADATA), factory=dict
    )
    quota_bytes: int | None = field(
        "X-Account-Meta-Quota-Bytes", read=read.optional_integer, default=None
    )
    temp_url_key: str | None = field(
        "X-Account-Meta-Temp-URL-Key", read=_common.header_text, default=None, repr=False
    )
    temp_url_key_2: str | None = field(
        "X-Account-Meta-Temp-URL-Key-2", read=_common.header_text, default=None, repr=False
    )
    created_at: _dt.datetime | None = field("X-Timestamp", read=read.timestamp, default=None)
    date: _dt.datetime | None = field("Date", read=read.timestamp, default=None)

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> Account:
        """Read the account headers (of ``HEAD`` or ``GET /v1/{account}``), in any case.

        Example:
            >>> Account.from_headers({"x-account-bytes-used": "3"}).bytes_used
            3
        """
        return cls.from_json(case_insensitive(headers))


class AccountResult(HeaderResult[Account]):
    """A response whose headers are an :class:`Account`.

    Example:
        >>> AccountResult(headers={"X-Account-Container-Count": "2"}).extract().container_count
        2
    """

    model = Account

    __slots__ = ()


GetResult = AccountResult
UpdateResult = ErrResult
