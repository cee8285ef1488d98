"""Models and results of compute v2 key pairs."""

from __future__ import annotations

import builtins
import datetime as _dt
from typing import Any

import attrs

from oscloud import _readers as read
from oscloud._model import Model, field, model
from oscloud.errors import InvalidResponseError
from oscloud.pagination import LinkedPage, Page
from oscloud.results import ErrResult, Result

__all__ = [
    "CreateResult",
    "DeleteResult",
    "GetResult",
    "KeyPair",
    "KeyPairPage",
    "KeyPairResult",
    "extract_keypairs",
]


@model
@attrs.frozen(kw_only=True)
class KeyPair(Model):
    """An SSH key pair (or x509 certificate) that servers can be booted with.

    ``private_key`` is only in the answer to a create that generated the pair (up to
    microversion 2.91): Nova keeps no copy, so save it then. It never shows in ``repr``.
    ``type`` (``ssh`` or ``x509``) comes from 2.2, ``user_id`` with the listing from 2.10.
    ``id``, ``created_at``, ``updated_at``, ``deleted`` and ``deleted_at`` come only with
    :func:`~oscloud.openstack.compute.v2.keypairs.get`.

    Example:
        >>> pair = KeyPair.from_json({"name": "key-1", "type": "ssh",
        ...     "fingerprint": "7e:eb:ab:24", "public_key": "ssh-rsa AAAA Generated-by-Nova",
        ...     "private_key": "-----BEGIN RSA PRIVATE KEY-----...", "user_id": "fake"})
        >>> pair
        KeyPair(name='key-1', fingerprint='7e:eb:ab:24', public_key='ssh-rsa AAAA \
Generated-by-Nova', type='ssh', user_id='fake', id=None, created_at=None, updated_at=None, \
deleted=None, deleted_at=None)
        >>> pair.private_key[:10]
        '-----BEGIN'
    """

    name: str
    fingerprint: str | None = None
    public_key: str | None = None
    type: str | None = field(default=None, min_version="2.2")
    user_id: str | None = field(default=None, min_version="2.10")
    id: int | None = field(read=read.integer, default=None)
    created_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    updated_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    deleted: bool | None = field(read=read.boolean, default=None)
    deleted_at: _dt.datetime | None = field(read=read.timestamp, default=None)
    private_key: str | None = field(default=None, repr=False, max_version="2.91")


class KeyPairResult(Result[KeyPair]):
    """A response whose ``keypair`` member is a :class:`KeyPair`.

    Example:
        >>> KeyPairResult(body={"keypair": {"name": "key-1"}}).extract().name
        'key-1'
    """

    resource_key = "keypair"
    model = KeyPair

    __slots__ = ()


GetResult = KeyPairResult
CreateResult = KeyPairResult
DeleteResult = ErrResult


class KeyPairPage(LinkedPage[KeyPair]):
    """One page of key pairs; from 2.35 the next one is linked from ``keypairs_links``.

    Nova wraps each item of the listing as ``{"keypair": {...}}``; :meth:`raw_items`
    gives the inner objects.

    Example:
        >>> page = KeyPairPage(url="u", body={"keypairs": [{"keypair": {"name": "key-1"}}],
        ...     "keypairs_links": [{"rel": "next", "href": "https://n/os-keypairs?marker=key-1"}]})
        >>> [k.name for k in extract_keypairs(page)], page.next_url()
        (['key-1'], 'https://n/os-keypairs?marker=key-1')
    """

    resource_key = "keypairs"
    model = KeyPair

    __slots__ = ()

    def raw_items(self) -> builtins.list[Any]:
        """The key pairs of the page as parsed JSON, without the ``keypair`` wrapper.

        Example:
            >>> KeyPairPage(url="u", body={"keypairs": [{"keypair": {"name": "k"}}]}
            ...             ).raw_items()
            [{'name': 'k'}]
        """
        items = []
        for item in super().raw_items():
            if isinstance(item, dict) and isinstance(item.get("keypair"), dict):
                item = item["keypair"]
            elif not isinstance(item, dict) or "name" not in item:
                raise InvalidResponseError(
                    f"{type(self).__name__}: expected {{'keypair': {{...}}}} items, "
                    f"got a {type(item).__name__}"
                )
            items.append(item)
        return items


def extract_keypairs(page: Page[KeyPair]) -> builtins.list[KeyPair]:
    """The key pairs of a page.

    Example:
        >>> extract_keypairs(KeyPairPage(url="u", body={"keypairs": []}))
        []
    """
    return page.extract()
