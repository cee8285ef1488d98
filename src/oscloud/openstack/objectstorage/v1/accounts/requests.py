"""Operations on object storage v1 accounts: read and update."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.openstack.objectstorage.v1 import _common
from oscloud.openstack.objectstorage.v1.accounts.results import GetResult, UpdateResult
from oscloud.service import ServiceClient

__all__ = ["UpdateOpts", "get", "update"]


@attrs.frozen(kw_only=True)
class UpdateOpts:
    """What to change on the account.

    ``metadata`` sets ``X-Account-Meta-*`` items (the others stay); ``remove_metadata``
    removes items by name. The temporary URL keys are secrets: never in ``repr``.

    Attributes:
        metadata: items to set.
        remove_metadata: names of items to remove (``X-Remove-Account-Meta-*``).
        temp_url_key: the key signing temporary URLs and form POSTs.
        temp_url_key_2: a second key, so that keys can be rotated.
        quota_bytes: the account quota (only a reseller admin may set it).

    Example:
        >>> opts = UpdateOpts(metadata={"Subject": "Literature"}, remove_metadata=["Old"],
        ...                   temp_url_key="s3cr3t")
        >>> opts
        UpdateOpts(metadata={'Subject': 'Literature'}, remove_metadata=('Old',), quota_bytes=None)
        >>> wire.build_headers(opts, client=None)
        {'X-Account-Meta-Subject': 'Literature', 'X-Remove-Account-Meta-Old': 'x', 'X-Account-Meta-Temp-URL-Key': 's3cr3t'}
    """  # noqa: E501

    metadata: Mapping[str, str] = _common.metadata_field("Account")
    remove_metadata: Sequence[str] = _common.remove_metadata_field("Account")
    temp_url_key: str | None = attrs.field(
        default=None, repr=False, metadata=wire.header("X-Account-Meta-Temp-URL-Key")
    )
    temp_url_key_2: str | None = attrs.field(
        default=None, repr=False, metadata=wire.header("X-Account-Meta-Temp-URL-Key-2")
    )
    quota_bytes: int | None = attrs.field(
        default=None,
        metadata=wire.header("X-Account-Meta-Quota-Bytes", encode=wire.non_negative_int),
    )


def get(client: ServiceClient, *, newest: bool = False) -> GetResult:
    """Read the account's usage and metadata: ``HEAD /v1/{account}`` (204, or 200).

    ``newest=True`` sends ``X-Newest: true`` (ask every replica, answer with the newest).

    Example:
        >>> account = accounts.get(swift).extract()  # doctest: +SKIP
        >>> account.bytes_used, account.container_count  # doctest: +SKIP
        (14, 2)
    """
    headers = {"X-Newest": "true"} if newest else None
    url = _common.account_url(client)
    return client.call(GetResult, "HEAD", url, headers=headers, ok_codes=(200, 204))


def update(client: ServiceClient, opts: UpdateOpts) -> UpdateResult:
    """Set or remove account metadata and temporary URL keys: ``POST /v1/{account}`` (204).

    Raises:
        TypeError: ``opts`` is not an :class:`UpdateOpts` (before any request).
        ValueError: a metadata name or value that cannot be a header.

    Example:
        >>> accounts.update(swift, accounts.UpdateOpts(  # doctest: +SKIP
        ...     metadata={"Subject": "Literature"}, temp_url_key="s3cr3t")).extract_err()
    """
    headers = wire.build_headers(opts, client=client, of=UpdateOpts)
    url = _common.account_url(client)
    return client.call(UpdateResult, "POST", url, headers=headers, ok_codes=(204,))


__getattr__ = aliases(__name__, {"UpdateOptsBuilder": (UpdateOpts, "UpdateOpts")})
