"""Operations on compute v2 key pairs: list, show, generate or import, delete."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from oscloud import _wire as wire
from oscloud._deprecated import aliases
from oscloud.errors import MissingInputError
from oscloud.openstack.compute.v2.keypairs.results import (
    CreateResult,
    DeleteResult,
    GetResult,
    KeyPair,
    KeyPairPage,
)
from oscloud.pagination import Pager
from oscloud.service import ServiceClient, check_id

__all__ = [
    "CreateOpts",
    "DeleteOpts",
    "GetOpts",
    "KeyType",
    "ListOpts",
    "create",
    "delete",
    "get",
    "list",
]

#: The longest key pair name Nova accepts (characters).
NAME_LIMIT = 255


def _keypair_name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"a key pair name must be a non-empty string, not {value!r}")
    if len(value) > NAME_LIMIT:
        raise ValueError(f"a key pair name is at most {NAME_LIMIT} characters long")
    if "/" in value:
        raise ValueError(f"a key pair name must not contain '/': {value!r}")
    return value


def _public_key(value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("public_key must be a non-empty string (or None to generate)")
    return value


# -- listing ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ListOpts:
    """Whose key pairs to list, and paging.

    ``user_id`` (microversion 2.10) lists another user's key pairs (administrators);
    ``limit`` and ``marker`` (a key pair name) page the listing from 2.35.

    Example:
        >>> ListOpts(user_id="user2", limit=1, marker="key-1")
        ListOpts(user_id='user2', limit=1, marker='key-1')
    """

    user_id: str | None = attrs.field(
        default=None, metadata=wire.query("user_id", min_version="2.10")
    )
    limit: int | None = attrs.field(
        default=None, metadata=wire.query("limit", encode=wire.non_negative_int, min_version="2.35")
    )
    marker: str | None = attrs.field(
        default=None, metadata=wire.query("marker", min_version="2.35")
    )


def list(client: ServiceClient, opts: ListOpts | None = None) -> Pager[KeyPair]:
    """List key pairs: ``GET /os-keypairs`` (200), page by page.

    Before 2.35 the listing comes in one page; from 2.35 each page links the next from
    ``keypairs_links``. Nothing is fetched until the pager is iterated.

    Raises:
        MicroversionError: ``user_id`` with a client older than 2.10, or ``limit`` or
            ``marker`` with one older than 2.35 (before any request).

    Example:
        >>> for pair in keypairs.list(compute).items():  # doctest: +SKIP
        ...     print(pair.name, pair.fingerprint)
    """
    url = wire.url(client, "os-keypairs", query=opts, of=ListOpts)
    return Pager(client, url, KeyPairPage)


# -- get ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class GetOpts:
    """Whose key pair to show: ``user_id`` (2.10; administrators).

    Example:
        >>> GetOpts(user_id="user2")
        GetOpts(user_id='user2')
    """

    user_id: str | None = attrs.field(
        default=None, metadata=wire.query("user_id", min_version="2.10")
    )


def get(client: ServiceClient, keypair_name: str, opts: GetOpts | None = None) -> GetResult:
    """Show a key pair: ``GET /os-keypairs/{keypair_name}`` (200).

    Raises:
        MicroversionError: ``user_id`` with a client older than 2.10 (before any request).

    Example:
        >>> pair = keypairs.get(compute, "key-1").extract()  # doctest: +SKIP
        >>> pair.fingerprint, pair.created_at  # doctest: +SKIP
    """
    name = check_id("keypair_name", keypair_name)
    url = wire.url(client, "os-keypairs", name, query=opts, of=GetOpts)
    return client.call(GetResult, "GET", url, ok_codes=(200,))


# -- create ---------------------------------------------------------------------------


class KeyType(str, enum.Enum):
    """The kind of a key pair (microversion 2.2).

    Example:
        >>> KeyType("x509") is KeyType.X509
        True
    """

    SSH = "ssh"
    X509 = "x509"


@attrs.frozen(kw_only=True)
class CreateOpts:
    """A key pair to import (``public_key`` given) or, up to 2.91, to generate.

    Without ``public_key`` Nova generates the pair and answers with its private key,
    once. From microversion 2.92 Nova no longer generates keys: ``public_key`` is then
    required (:func:`create` checks it before sending). ``type`` (``ssh``, the default,
    or ``x509``) needs 2.2; ``user_id`` (creating for another user; administrators) 2.10.
    The name is 1 to 255 characters; Nova allows letters, digits, spaces, ``_`` and
    ``-`` (and from 2.92 also ``@`` and ``.``).

    Example:
        >>> CreateOpts(name="key-1", public_key="ssh-rsa AAAA... me@host", type=KeyType.SSH)
        CreateOpts(name='key-1', public_key='ssh-rsa AAAA... me@host', \
type=<KeyType.SSH: 'ssh'>, user_id=None)
    """

    name: str = attrs.field(metadata=wire.body("name", required=True, encode=_keypair_name))
    public_key: str | None = attrs.field(
        default=None, metadata=wire.body("public_key", encode=_public_key)
    )
    type: KeyType | str | None = attrs.field(
        default=None,
        metadata=wire.body("type", encode=lambda t: KeyType(t).value, min_version="2.2"),
    )
    user_id: str | None = attrs.field(
        default=None, metadata=wire.body("user_id", min_version="2.10")
    )


def create(client: ServiceClient, opts: CreateOpts) -> CreateResult:
    """Generate or import a key pair: ``POST /os-keypairs`` (200 before 2.2, then 201).

    Answers with the key pair; a generated one carries its ``private_key``, which Nova
    does not keep.

    Raises:
        MissingInputError: no ``name``, or no ``public_key`` while the client sends 2.92
            or later.
        MicroversionError: ``type`` with a client older than 2.2, or ``user_id`` with one
            older than 2.10.
        ValueError: a malformed name, an empty public key, or a type other than ``ssh``
            and ``x509``.

    Example:
        >>> with open("id_ed25519.pub") as f:  # doctest: +SKIP
        ...     opts = CreateOpts(name="laptop", public_key=f.read())
        >>> pair = keypairs.create(compute, opts).extract()  # doctest: +SKIP
    """
    body = wire.build_body(opts, "keypair", client=client, of=CreateOpts)
    if client.microversion_at_least("2.92") and opts.public_key is None:
        raise MissingInputError(
            "a public_key is required from compute microversion 2.92, which no longer "
            f"generates key pairs (the client sends {client.microversion})"
        )
    url = client.service_url("os-keypairs")
    return client.call(CreateResult, "POST", url, json=body, ok_codes=(200, 201))


# -- delete ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DeleteOpts:
    """Whose key pair to delete: ``user_id`` (2.10; administrators).

    Example:
        >>> DeleteOpts(user_id="user2")
        DeleteOpts(user_id='user2')
    """

    user_id: str | None = attrs.field(
        default=None, metadata=wire.query("user_id", min_version="2.10")
    )


def delete(
    client: ServiceClient, keypair_name: str, opts: DeleteOpts | None = None
) -> DeleteResult:
    """Delete a key pair: ``DELETE /os-keypairs/{keypair_name}`` (202 before 2.2, then 204).

    Servers booted with it keep their keys.

    Raises:
        MicroversionError: ``user_id`` with a client older than 2.10 (before any request).

    Example:
        >>> keypairs.delete(compute, "key-1").extract_err()  # doctest: +SKIP
    """
    name = check_id("keypair_name", keypair_name)
    url = wire.url(client, "os-keypairs", name, query=opts, of=DeleteOpts)
    return client.call(DeleteResult, "DELETE", url, ok_codes=(202, 204))


__getattr__ = aliases(
    __name__,
    {
        "CreateOptsBuilder": (CreateOpts, "CreateOpts"),
        "DeleteOptsBuilder": (DeleteOpts, "DeleteOpts"),
        "GetOptsBuilder": (GetOpts, "GetOpts"),
        "ListOptsBuilder": (ListOpts, "ListOpts"),
    },
)
