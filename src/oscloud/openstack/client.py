"""Building clients: provider clients that authenticate, and one service client per API."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import attrs

from oscloud import errors
from oscloud._redact import remember_secrets
from oscloud.auth import AuthOptions, is_http_url
from oscloud.endpoints import EndpointOpts, normalize_url, service_type_candidates
from oscloud.provider import ProviderClient, TokenState
from oscloud.results import parse_json
from oscloud.service import ServiceClient

__all__ = [
    "authenticate",
    "authenticated_client",
    "new_block_storage_v3",
    "new_client",
    "new_compute_v2",
    "new_identity_v2",
    "new_identity_v3",
    "new_object_storage_v1",
]

log = logging.getLogger("oscloud")

#: Identity versions oscloud speaks, preferred first, with the path suffix of each.
_IDENTITY_VERSIONS = ("v3", "v2.0")
_API_MAJOR = r"/v(\d+)(?:\.\d+)?(?=/|$)"  # compiled on first use, by the re module's cache


def new_client(endpoint: str, **provider_options: Any) -> ProviderClient:
    """A provider client for the identity service at ``endpoint``, not yet authenticated.

    ``provider_options`` are those of :class:`~oscloud.ProviderClient` (``timeout``,
    ``verify``, ``cert``, ``retry``, ``session``). Nothing is sent yet.

    Raises:
        InvalidAuthOptionsError: ``endpoint`` is empty or not an http(s) URL.

    Example:
        >>> provider = new_client("https://keystone.example:5000/v3")
        >>> provider.identity_endpoint, provider.identity_base
        ('https://keystone.example:5000/v3/', 'https://keystone.example:5000/')
    """
    if not endpoint:
        raise errors.InvalidAuthOptionsError("the identity endpoint is required")
    if not is_http_url(endpoint):
        raise errors.InvalidAuthOptionsError(
            "the identity endpoint must be an absolute http:// or https:// URL with a host, "
            "like https://keystone.example:5000/v3"
        )
    normalized = normalize_url(endpoint)
    return ProviderClient(
        identity_endpoint=normalized, identity_base=_identity_base(normalized), **provider_options
    )


def authenticated_client(
    opts: AuthOptions, *, token_state: TokenState | None = None, **provider_options: Any
) -> ProviderClient:
    """A provider client, authenticated with ``opts``.

    ``token_state`` (from :meth:`~oscloud.ProviderClient.token_state` of an earlier
    process) is reused, without any request, while it is valid and was issued by the same
    identity endpoint. ``provider_options`` are those of :func:`new_client`.

    Raises:
        InvalidAuthOptionsError: the options do not suit the identity version (before any
            request).
        UnauthorizedError: Keystone refused the credentials.

    Example:
        >>> opts = oscloud.AuthOptions(identity_endpoint="https://keystone.example/v3",
        ...     username="demo", password="secret", domain_name="Default",
        ...     project_name="demo")  # doctest: +SKIP
        >>> provider = authenticated_client(opts)  # doctest: +SKIP
    """
    provider = new_client(opts.identity_endpoint, **provider_options)
    authenticate(provider, opts, token_state=token_state)
    return provider


def authenticate(
    provider: ProviderClient, opts: AuthOptions, *, token_state: TokenState | None = None
) -> None:
    """Get a token for ``provider`` with ``opts``, and arrange its renewal.

    An endpoint ending in ``/v3`` or ``/v2.0`` is used as given; any other is asked which
    versions it offers (one ``GET``; v3 preferred). A still-valid ``token_state`` saved
    from the same endpoint is reused instead of authenticating again. The provider
    re-authenticates by itself on expiry or 401 only when ``opts.can_reauth``.

    Raises:
        InvalidAuthOptionsError: the options do not suit the identity version; raised
            before the token request (and before discovery when no version could work).
        UnauthorizedError: Keystone refused the credentials.
        InvalidResponseError: the endpoint offers neither v3 nor v2.0.

    Example:
        >>> provider = new_client("https://keystone.example/v3")  # doctest: +SKIP
        >>> authenticate(provider, opts)  # doctest: +SKIP
        >>> provider.token is not None  # doctest: +SKIP
        True
    """
    if not provider.identity_endpoint:
        provider.identity_endpoint = normalize_url(opts.identity_endpoint)
        provider.identity_base = _identity_base(provider.identity_endpoint)
    endpoint = normalize_url(provider.identity_endpoint)
    given = _identity_version_of(endpoint)
    if given is None:
        _check_some_version_fits(opts)
    reused = _reusable(token_state, endpoint)
    if reused is not None:
        version, url = reused
    elif given is not None:
        version, url = given, endpoint
    else:
        version, url = _discover_identity(provider, endpoint)
    login = _login(provider, version, url, opts)  # raises on bad options, before any request
    if token_state is not None and reused is not None:
        log.debug("reusing the saved token from %s", url)
        provider.restore_token_state(token_state)
    else:
        login()
    provider.identity_endpoint = url
    provider.reauth_func = login if opts.can_reauth else None


def _login(
    provider: ProviderClient, version: str, url: str, opts: AuthOptions
) -> Callable[[], None]:
    """Validate ``opts`` for ``version`` and return the function that logs in.

    The provider remembers the secrets of ``opts`` (masked in all it writes). Whatever
    the token response holds, logging in raises oscloud's errors only: a body that cannot
    be read (a catalog entry without its type, a timestamp out of range, a token id that
    cannot be sent in a header) is an :class:`~oscloud.errors.InvalidResponseError`
    naming the request and what could not be read.
    """
    remember_secrets(
        provider, opts.password, opts.passcode, opts.token_id, opts.application_credential_secret
    )
    identity = ServiceClient(provider=provider, endpoint=url, type="identity")
    create: Callable[[ServiceClient, AuthOptions], Any]
    if version == "v3":
        from oscloud.openstack.identity.v3 import tokens as v3_tokens

        opts.to_token_v3_create_map()
        create, token_url = v3_tokens.create, identity.service_url("auth", "tokens")
    else:
        from oscloud.openstack.identity.v2 import tokens as v2_tokens

        opts.to_token_v2_create_map()
        create, token_url = v2_tokens.create, identity.service_url("tokens")

    def login() -> None:
        result = create(identity, opts)
        try:
            token = result.extract()
            catalog = result.extract_catalog()
        except errors.InvalidResponseError as err:
            if str(err).startswith("POST "):
                raise  # it names the request already
            raise errors.InvalidResponseError(f"POST {token_url}: {err}") from err
        provider.set_token(token.id, expires_at=token.expires_at, catalog=catalog)

    return login


def _check_some_version_fits(opts: AuthOptions) -> None:
    """Raise the v3 complaint when neither identity version could use ``opts``."""
    try:
        opts.to_token_v3_create_map()
    except errors.InvalidAuthOptionsError as v3_error:
        try:
            opts.to_token_v2_create_map()
        except errors.InvalidAuthOptionsError:
            raise v3_error from None


def _reusable(state: TokenState | None, endpoint: str) -> tuple[str, str] | None:
    """The version and URL of ``state`` when it is valid and from ``endpoint``."""
    if state is None or not state.is_valid():
        return None
    saved = normalize_url(state.identity_endpoint)
    version = _identity_version_of(saved)
    if version is None:
        return None
    if saved == endpoint or saved == endpoint + version + "/":
        return version, saved
    return None


def _identity_version_of(url: str) -> str | None:
    path = urlsplit(url).path.rstrip("/")
    for version in _IDENTITY_VERSIONS:
        if path.endswith("/" + version):
            return version
    return None


def _discover_identity(provider: ProviderClient, endpoint: str) -> tuple[str, str]:
    response = provider.request("GET", endpoint, ok_codes=(200, 300), authenticated=False)
    try:
        document = parse_json(response)
    except ValueError as err:
        raise errors.InvalidResponseError(
            f"GET {endpoint}: the identity version document is not JSON"
        ) from err
    return _pick_version(document, endpoint)


def _pick_version(document: Any, endpoint: str) -> tuple[str, str]:
    """Choose v3, else v2.0, from a version document; return the version and its URL.

    Reads Keystone's ``{"versions": {"values": [...]}}``, a plain ``{"versions": [...]}``
    and a single ``{"version": {...}}``. The URL is the version's ``self`` link (relative
    links are resolved against ``endpoint``), else ``endpoint`` + the version.
    """
    found: dict[str, str] = {}
    for version in _version_entries(document):
        version_id = str(version.get("id", ""))
        for prefix in _IDENTITY_VERSIONS:
            if prefix in found:
                continue
            if version_id == prefix or version_id.startswith(prefix + "."):
                found[prefix] = _self_link(version, endpoint) or endpoint + prefix + "/"
    for prefix in _IDENTITY_VERSIONS:
        if prefix in found:
            log.debug("identity at %s: using %s at %s", endpoint, prefix, found[prefix])
            return prefix, found[prefix]
    offered = ", ".join(str(v.get("id")) for v in _version_entries(document)) or "nothing"
    raise errors.InvalidResponseError(
        f"GET {endpoint}: the identity service offers neither v3 nor v2.0 (it offers {offered})"
    )


def _version_entries(document: Any) -> list[dict[str, Any]]:
    if not isinstance(document, dict):
        return []
    if isinstance(document.get("version"), dict):
        return [document["version"]]
    versions = document.get("versions")
    if isinstance(versions, dict):
        versions = versions.get("values")
    if not isinstance(versions, list):
        return []
    return [v for v in versions if isinstance(v, dict)]


def _self_link(version: dict[str, Any], endpoint: str) -> str | None:
    links = version.get("links")
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and link.get("rel") == "self" and link.get("href"):
            return normalize_url(urljoin(endpoint, str(link["href"])))
    return None


def _identity_base(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    for version in _IDENTITY_VERSIONS:
        if path.endswith("/" + version):
            path = path[: -len(version) - 1]
    return urlunsplit(parts._replace(path=path + "/", query="", fragment=""))


def _with_identity_version(url: str, version: str) -> str:
    """``url`` ending in ``/<version>/``, whatever identity version it ended in."""
    return _identity_base(url) + version + "/"


def _typed(eo: EndpointOpts | None, service_type: str) -> EndpointOpts:
    opts = eo if eo is not None else EndpointOpts()
    return opts if opts.type is not None else attrs.evolve(opts, type=service_type)


def _service_client(
    provider: ProviderClient,
    eo: EndpointOpts | None,
    service_type: str,
    *,
    max_microversion: str | None = None,
) -> ServiceClient:
    url = provider.locate(_typed(eo, service_type))
    return ServiceClient(
        provider=provider, endpoint=url, type=service_type, max_microversion=max_microversion
    )


def _identity_client(
    provider: ProviderClient, eo: EndpointOpts | None, version: str
) -> ServiceClient:
    try:
        url = provider.locate(_typed(eo, "identity"))
    except errors.EndpointNotFoundError:
        # Some clouds leave identity out of the catalog: use the endpoint authenticated
        # against, when it is the version asked for.
        known = normalize_url(provider.identity_endpoint) if provider.identity_endpoint else ""
        catalog = provider.catalog
        if (
            catalog is None
            or any(entry.type == "identity" for entry in catalog.entries)
            or _identity_version_of(known) != version
        ):
            raise
        url = known
    return ServiceClient(
        provider=provider, endpoint=_with_identity_version(url, version), type="identity"
    )


def new_identity_v3(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for identity v3 (Keystone), from the catalog's ``identity`` entry.

    The catalog URL is used with ``/v3`` whatever it ends in (``…/identity``,
    ``…:5000/v2.0`` and ``…/v3`` all give ``…/v3/``). When the catalog has no identity
    entry at all, the endpoint the provider authenticated against is used if it is v3.

    Raises:
        EndpointNotFoundError: no identity endpoint matches ``eo``.

    Example:
        >>> identity = new_identity_v3(provider, oscloud.EndpointOpts())  # doctest: +SKIP
    """
    return _identity_client(provider, eo, "v3")


def new_identity_v2(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for identity v2.0 (legacy clouds), from the catalog's ``identity`` entry.

    The catalog URL is used with ``/v2.0`` whatever identity version it ends in.

    Raises:
        EndpointNotFoundError: no identity endpoint matches ``eo``.

    Example:
        >>> identity = new_identity_v2(provider)  # doctest: +SKIP
    """
    return _identity_client(provider, eo, "v2.0")


def new_compute_v2(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for compute v2 (Nova), from the catalog's ``compute`` entry.

    Raises:
        EndpointNotFoundError: no compute endpoint matches ``eo``.

    Example:
        >>> compute = new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))  # doctest: +SKIP
        >>> compute = compute.with_microversion("2.79")  # doctest: +SKIP
    """  # noqa: E501
    from oscloud.openstack.compute.v2 import MAX_MICROVERSION

    return _service_client(provider, eo, "compute", max_microversion=MAX_MICROVERSION)


def new_object_storage_v1(
    provider: ProviderClient, eo: EndpointOpts | None = None
) -> ServiceClient:
    """A client for object storage v1 (Swift), from the catalog's ``object-store`` entry.

    Raises:
        EndpointNotFoundError: no object-store endpoint matches ``eo``.

    Example:
        >>> swift = new_object_storage_v1(provider, oscloud.EndpointOpts())  # doctest: +SKIP
    """
    return _service_client(provider, eo, "object-store")


def new_block_storage_v3(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for block storage v3 (Cinder).

    The catalog type is ``block-storage``, or ``volumev3`` and the other aliases clouds
    register it under; an entry whose URL is for an older API (``…/v2/…``, ``…/v1/…``) is
    passed over for the next alias.

    Raises:
        EndpointNotFoundError: no block storage v3 endpoint matches ``eo``.

    Example:
        >>> cinder = new_block_storage_v3(provider, oscloud.EndpointOpts())  # doctest: +SKIP
    """
    from oscloud.openstack.blockstorage.v3 import MAX_MICROVERSION

    opts = _typed(eo, "block-storage")
    first = provider.locate(opts)
    if _api_major(first) in (None, 3):
        return ServiceClient(
            provider=provider,
            endpoint=first,
            type="block-storage",
            max_microversion=MAX_MICROVERSION,
        )
    for candidate in service_type_candidates(opts.type or "block-storage"):
        try:
            url = provider.locate(attrs.evolve(opts, type=candidate))
        except errors.EndpointNotFoundError:
            continue
        if _api_major(url) in (None, 3):
            return ServiceClient(
                provider=provider,
                endpoint=url,
                type="block-storage",
                max_microversion=MAX_MICROVERSION,
            )
    raise errors.EndpointNotFoundError(
        f"no block storage v3 endpoint in the catalog: the {opts.availability.value} "
        f"endpoint found, {first}, is for an older API version"
    )


def _api_major(url: str) -> int | None:
    match = re.search(_API_MAJOR, urlsplit(url).path)
    return int(match.group(1)) if match else None
