"""Building clients: provider clients that authenticate, and one service client per API."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from oscloud import errors
from oscloud.auth import AuthOptions
from oscloud.endpoints import EndpointOpts, normalize_url
from oscloud.provider import ProviderClient, TokenState
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


def new_client(endpoint: str, **provider_options: Any) -> ProviderClient:
    """A provider client for the identity service at ``endpoint``, not yet authenticated.

    ``provider_options`` are those of :class:`~oscloud.ProviderClient` (``timeout``,
    ``verify``, ``cert``, ``retry``, ``session``).

    Example:
        >>> provider = new_client("https://keystone.example:5000/v3")
        >>> provider.identity_endpoint, provider.identity_base
        ('https://keystone.example:5000/v3/', 'https://keystone.example:5000/')
    """
    if not endpoint:
        raise errors.InvalidAuthOptionsError("the identity endpoint is required")
    normalized = normalize_url(endpoint)
    return ProviderClient(
        identity_endpoint=normalized, identity_base=_identity_base(normalized), **provider_options
    )


def authenticated_client(
    opts: AuthOptions, *, token_state: TokenState | None = None, **provider_options: Any
) -> ProviderClient:
    """A provider client, authenticated with ``opts``.

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
    versions it offers (v3 preferred). A still-valid ``token_state`` saved from the same
    endpoint is reused instead of authenticating again.

    Raises:
        InvalidAuthOptionsError: the options do not suit the identity version.
        UnauthorizedError: Keystone refused the credentials.

    Example:
        >>> provider = new_client("https://keystone.example/v3")  # doctest: +SKIP
        >>> authenticate(provider, opts)  # doctest: +SKIP
        >>> provider.token is not None  # doctest: +SKIP
        True
    """
    if not provider.identity_endpoint:
        provider.identity_endpoint = normalize_url(opts.identity_endpoint)
        provider.identity_base = _identity_base(provider.identity_endpoint)
    version, url = _identity_version(provider)
    login = _v3_login(provider, url, opts) if version == "v3" else _v2_login(provider, url, opts)
    reusable = token_state is not None and token_state.is_valid()
    if token_state is not None and reusable and token_state.identity_endpoint == url:
        provider.restore_token_state(token_state)
    else:
        login()
    provider.identity_endpoint = url
    provider.reauth_func = login if opts.can_reauth else None


def _v3_login(provider: ProviderClient, url: str, opts: AuthOptions) -> Any:
    from oscloud.openstack.identity.v3 import tokens

    opts.to_token_v3_create_map()  # raises on bad options before any request
    identity = ServiceClient(provider=provider, endpoint=url, type="identity")

    def login() -> None:
        result = tokens.create(identity, opts)
        token = result.extract()
        provider.set_token(token.id, expires_at=token.expires_at, catalog=result.extract_catalog())

    return login


def _v2_login(provider: ProviderClient, url: str, opts: AuthOptions) -> Any:
    from oscloud.openstack.identity.v2 import tokens

    opts.to_token_v2_create_map()
    identity = ServiceClient(provider=provider, endpoint=url, type="identity")

    def login() -> None:
        result = tokens.create(identity, opts)
        token = result.extract()
        provider.set_token(token.id, expires_at=token.expires_at, catalog=result.extract_catalog())

    return login


def _identity_version(provider: ProviderClient) -> tuple[str, str]:
    endpoint = provider.identity_endpoint
    path = urlsplit(endpoint).path.rstrip("/")
    if path.endswith("/v3"):
        return "v3", endpoint
    if path.endswith("/v2.0"):
        return "v2.0", endpoint
    response = provider.request("GET", endpoint, ok_codes=(200, 300), authenticated=False)
    return _pick_version(response.json(), endpoint)


def _pick_version(document: Any, endpoint: str) -> tuple[str, str]:
    versions = document.get("versions", {}) if isinstance(document, dict) else {}
    values = versions.get("values", []) if isinstance(versions, dict) else versions
    if isinstance(document, dict) and isinstance(document.get("version"), dict):
        values = [document["version"]]
    found: dict[str, str] = {}
    for version in values if isinstance(values, list) else []:
        version_id = str(version.get("id", ""))
        status = str(version.get("status", "")).lower()
        if status in ("deprecated", "experimental") and not version_id.startswith("v2.0"):
            continue
        href = next(
            (link.get("href") for link in version.get("links", []) if link.get("rel") == "self"),
            None,
        )
        for prefix in ("v3", "v2.0"):
            if version_id.startswith(prefix) and prefix not in found:
                found[prefix] = normalize_url(href) if href else urljoin(endpoint, prefix + "/")
    for prefix in ("v3", "v2.0"):
        if prefix in found:
            log.debug("identity at %s: using %s at %s", endpoint, prefix, found[prefix])
            return prefix, found[prefix]
    raise errors.InvalidResponseError(
        f"GET {endpoint}: the identity service offers neither v3 nor v2.0"
    )


def _identity_base(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    for suffix in ("/v3", "/v2.0"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return urlunsplit(parts._replace(path=path + "/", query="", fragment=""))


def _service_client(
    provider: ProviderClient, eo: EndpointOpts | None, service_type: str, **fields: Any
) -> ServiceClient:
    opts = eo if eo is not None else EndpointOpts()
    if opts.type is None:
        from attrs import evolve

        opts = evolve(opts, type=service_type)
    return ServiceClient(
        provider=provider, endpoint=provider.locate(opts), type=service_type, **fields
    )


def new_identity_v3(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for identity v3 (Keystone), from the catalog's ``identity`` entry.

    Example:
        >>> identity = new_identity_v3(provider, oscloud.EndpointOpts())  # doctest: +SKIP
    """
    try:
        client = _service_client(provider, eo, "identity")
    except errors.EndpointNotFoundError:
        if not provider.identity_endpoint.rstrip("/").endswith("/v3"):
            raise
        return ServiceClient(
            provider=provider, endpoint=provider.identity_endpoint, type="identity"
        )
    if not client.endpoint.rstrip("/").endswith("/v3"):
        client = ServiceClient(provider=provider, endpoint=client.endpoint + "v3/", type="identity")
    return client


def new_identity_v2(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for identity v2.0 (legacy clouds).

    Example:
        >>> identity = new_identity_v2(provider)  # doctest: +SKIP
    """
    client = _service_client(provider, eo, "identity")
    if not client.endpoint.rstrip("/").endswith("/v2.0"):
        client = ServiceClient(
            provider=provider, endpoint=client.endpoint + "v2.0/", type="identity"
        )
    return client


def new_compute_v2(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for compute v2 (Nova), from the catalog's ``compute`` entry.

    Example:
        >>> compute = new_compute_v2(provider, oscloud.EndpointOpts(region="RegionOne"))  # doctest: +SKIP
        >>> compute = compute.with_microversion("2.79")  # doctest: +SKIP
    """  # noqa: E501
    return _service_client(provider, eo, "compute")


def new_object_storage_v1(
    provider: ProviderClient, eo: EndpointOpts | None = None
) -> ServiceClient:
    """A client for object storage v1 (Swift), from the catalog's ``object-store`` entry.

    Example:
        >>> swift = new_object_storage_v1(provider, oscloud.EndpointOpts())  # doctest: +SKIP
    """
    return _service_client(provider, eo, "object-store")


def new_block_storage_v3(provider: ProviderClient, eo: EndpointOpts | None = None) -> ServiceClient:
    """A client for block storage v3 (Cinder).

    The catalog type is ``block-storage``, or ``volumev3`` and the other aliases clouds
    register it under.

    Example:
        >>> cinder = new_block_storage_v3(provider, oscloud.EndpointOpts())  # doctest: +SKIP
    """
    return _service_client(provider, eo, "block-storage")
