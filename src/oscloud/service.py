"""The service client: a provider plus one service's endpoint and microversion."""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit, urlunsplit

import attrs
import requests

from oscloud import errors
from oscloud._redact import redact_url
from oscloud.endpoints import normalize_url
from oscloud.provider import ProviderClient, Timeout
from oscloud.results import Result, parse_json

__all__ = [
    "MicroversionRange",
    "ServiceClient",
    "check_id",
    "parse_microversion",
    "version_url",
]

R = TypeVar("R", bound=Result[Any])

#: The service name each service type uses in ``OpenStack-API-Version``.
MICROVERSION_SERVICE: dict[str, str] = {
    "compute": "compute",
    "block-storage": "volume",
    "volume": "volume",
    "volumev2": "volume",
    "volumev3": "volume",
    "shared-file-system": "sharev2",
    "baremetal": "baremetal",
    "placement": "placement",
    "load-balancer": "load-balancer",
    "container-infrastructure-management": "container-infra",
}

#: How messages name a service, by its microversion service name.
_SERVICE_NAMES = {"volume": "block storage"}

# Patterns are compiled on first use, by the re module's cache.
_MICROVERSION = r"^(\d+)\.(\d+)$"
_VERSION_SEGMENT = r"/v\d+(?:\.\d+)?(?=/|$)"


def parse_microversion(value: str) -> tuple[int, int]:
    """Read ``"2.79"`` as ``(2, 79)``.

    Raises:
        ValueError: not ``MAJOR.MINOR``.

    Example:
        >>> parse_microversion("2.79") > parse_microversion("2.8")
        True
    """
    match = re.match(_MICROVERSION, value.strip())
    if not match:
        raise ValueError(f"a microversion is MAJOR.MINOR, like '2.79', not {value!r}")
    return int(match.group(1)), int(match.group(2))


def check_id(name: str, value: object) -> str:
    """Check that an id given by the caller can be one path segment; return it.

    Raises:
        MissingInputError: ``value`` is ``None`` or empty.
        TypeError: ``value`` is not a string (``123`` for ``"123"``).
        ValueError: ``value`` contains a ``/`` or is ``.`` or ``..`` (an id is never a
            path).

    Example:
        >>> check_id("server_id", "9f1c")
        '9f1c'
        >>> check_id("server_id", "a/b")
        Traceback (most recent call last):
        ...
        ValueError: server_id must not contain '/': 'a/b'
        >>> check_id("server_id", 123)
        Traceback (most recent call last):
        ...
        TypeError: server_id must be a str, not int (123)
    """
    if value is None or value == "":
        raise errors.MissingInputError(f"{name} is required (got {value!r})")
    if not isinstance(value, str):
        shown = repr(value) if isinstance(value, (int, float, bytes)) else "…"
        raise TypeError(f"{name} must be a str, not {type(value).__name__} ({shown})")
    if "/" in value:
        raise ValueError(f"{name} must not contain '/': {value!r}")
    if value in (".", ".."):
        raise ValueError(f"{name} must not be {value!r}")
    return value


@attrs.frozen(kw_only=True)
class MicroversionRange:
    """The microversions a service supports, from its version document.

    Example:
        >>> MicroversionRange(min_version="2.1", max_version="2.96").supports("2.79")
        True
    """

    min_version: str
    max_version: str

    def supports(self, version: str) -> bool:
        """Whether ``version`` is within the range.

        Example:
            >>> MicroversionRange(min_version="3.0", max_version="3.60").supports("3.71")
            False
        """
        wanted = parse_microversion(version)
        low, high = parse_microversion(self.min_version), parse_microversion(self.max_version)
        return low <= wanted <= high


def _endpoint(value: str) -> str:
    return normalize_url(value)


@attrs.frozen(kw_only=True)
class ServiceClient:
    """One service of a cloud: the provider, the endpoint, and the microversion to send.

    Immutable, so one client can be shared between threads; :meth:`with_microversion`
    returns a changed copy.

    Attributes:
        provider: the :class:`~oscloud.ProviderClient` that sends the requests.
        endpoint: the service's catalog URL, with one trailing slash.
        resource_base: where resource URLs start, when not at ``endpoint``.
        type: the service type (``compute``, ``block-storage`` …).
        microversion: the microversion sent with every request, or ``None``.
        max_microversion: the newest microversion oscloud's models for this service know.

    Example:
        >>> client = ServiceClient(provider=ProviderClient(), type="compute",
        ...                        endpoint="https://nova.example/v2.1")
        >>> client.service_url("servers", "a b")
        'https://nova.example/v2.1/servers/a%20b'
        >>> client.with_microversion("2.79").microversion_headers()
        {'X-OpenStack-Nova-API-Version': '2.79', 'OpenStack-API-Version': 'compute 2.79'}
    """

    provider: ProviderClient = attrs.field(repr=False)
    endpoint: str = attrs.field(converter=_endpoint)
    resource_base: str | None = None
    type: str = ""
    microversion: str | None = None
    max_microversion: str | None = None

    @property
    def base_url(self) -> str:
        """Where resource URLs start (``resource_base`` or ``endpoint``).

        Example:
            >>> ServiceClient(provider=ProviderClient(), endpoint="https://n/").base_url
            'https://n/'
        """
        return normalize_url(self.resource_base) if self.resource_base else self.endpoint

    def service_url(self, *parts: str) -> str:
        """Join ``parts`` to :attr:`base_url`, percent-quoting each one (``/`` included).

        Each part is one path segment whatever it contains: ``"a/b"`` becomes ``a%2Fb``.

        Raises:
            MissingInputError: a part is empty.
            TypeError: a part is not a string.
            ValueError: a part is ``.`` or ``..``, which no quoting keeps from being read
                as a move in the path, or holds what UTF-8 cannot encode (a lone
                surrogate).

        Example:
            >>> ServiceClient(provider=ProviderClient(),
            ...               endpoint="https://n/").service_url("os-keypairs", "k/1")
            'https://n/os-keypairs/k%2F1'
        """
        quoted: list[str] = []
        for part in parts:
            if not isinstance(part, str):
                raise TypeError(f"a path segment must be a str, not {type(part).__name__}")
            if not part:
                raise errors.MissingInputError(f"an empty path segment in {parts!r}")
            if part in (".", ".."):
                raise ValueError(f"a path segment cannot be {part!r} (it would move up the path)")
            try:
                quoted.append(quote(part, safe=""))
            except UnicodeEncodeError:
                raise ValueError(
                    f"a path segment must be text that UTF-8 can encode, not {part!r}"
                ) from None
        return self.base_url + "/".join(quoted)

    def with_microversion(self, version: str | None) -> ServiceClient:
        """A copy that sends ``version`` (``"2.79"``, ``"latest"``, or ``None`` for none).

        The client itself is not changed.

        Raises:
            TypeError: ``version`` is not a string (``2.79`` instead of ``"2.79"``).
            ValueError: ``version`` is neither ``MAJOR.MINOR`` nor ``latest``.

        Example:
            >>> c = ServiceClient(provider=ProviderClient(), endpoint="https://c/",
            ...                   type="block-storage").with_microversion("3.27")
            >>> c.microversion_headers()
            {'OpenStack-API-Version': 'volume 3.27'}
        """
        if version is not None:
            if not isinstance(version, str):
                raise TypeError(
                    f"a microversion is a string like '2.79', not {type(version).__name__} "
                    f"{version!r} (a float cannot tell 2.8 from 2.80)"
                )
            version = version.strip()
            if version != "latest":
                parse_microversion(version)
        return attrs.evolve(self, microversion=version)

    def microversion_headers(self) -> dict[str, str]:
        """The headers that carry :attr:`microversion` for this service type.

        Example:
            >>> ServiceClient(provider=ProviderClient(), endpoint="https://c/",
            ...               type="compute").microversion_headers()
            {}
        """
        if self.microversion is None:
            return {}
        service = MICROVERSION_SERVICE.get(self.type, self.type)
        headers = {}
        if service == "compute":
            headers["X-OpenStack-Nova-API-Version"] = self.microversion
        headers["OpenStack-API-Version"] = f"{service} {self.microversion}"
        return headers

    def microversion_at_least(self, version: str) -> bool:
        """Whether the client's microversion is ``version`` or newer (``latest`` is).

        Example:
            >>> c = ServiceClient(provider=ProviderClient(), endpoint="https://c/")
            >>> c.with_microversion("2.47").microversion_at_least("2.26")
            True
            >>> c.microversion_at_least("2.26")
            False
        """
        if self.microversion is None:
            return False
        if self.microversion == "latest":
            return True
        return parse_microversion(self.microversion) >= parse_microversion(version)

    def require_microversion(self, version: str, feature: str) -> None:
        """Raise, before any request, unless this client sends ``version`` or newer.

        ``feature`` names what needs it, for the message (``"server tags"``).

        Raises:
            MicroversionError: the client's microversion is older, or not set.

        Example:
            >>> c = ServiceClient(provider=ProviderClient(), endpoint="https://n/",
            ...                   type="compute")
            >>> c.with_microversion("2.26").require_microversion("2.26", "server tags")
            >>> c.require_microversion("2.26", "server tags")
            Traceback (most recent call last):
            ...
            oscloud.errors.MicroversionError: server tags: compute microversion 2.26 or later is required; the client sends none (use client.with_microversion("2.26"))
        """  # noqa: E501
        if self.microversion_at_least(version):
            return
        raise errors.MicroversionError(
            f"{feature}: {self._service_name()} microversion {version} or later is required; "
            f"the client sends {self.microversion or 'none'} "
            f'(use client.with_microversion("{version}"))'
        )

    def microversion_at_most(self, version: str) -> bool:
        """Whether the client's microversion is ``version`` or older (no microversion is).

        Sending none means the service's base version, which every field removed later
        still has; ``latest`` is newer than any ``version``.

        Example:
            >>> c = ServiceClient(provider=ProviderClient(), endpoint="https://c/")
            >>> c.with_microversion("2.56").microversion_at_most("2.56")
            True
            >>> c.with_microversion("latest").microversion_at_most("2.56")
            False
        """
        if self.microversion is None:
            return True
        if self.microversion == "latest":
            return False
        return parse_microversion(self.microversion) <= parse_microversion(version)

    def require_microversion_range(
        self, min_version: str | None, max_version: str | None, feature: str
    ) -> None:
        """Raise, before any request, unless the client's microversion is in the range.

        ``min_version`` brings the feature and ``max_version`` is the last version that
        has it (both inclusive; ``None`` leaves that side open). The option builders call
        this for every field given.

        Raises:
            MicroversionError: the client's microversion is outside the range.

        Example:
            >>> c = ServiceClient(provider=ProviderClient(), endpoint="https://n/",
            ...                   type="compute").with_microversion("2.79")
            >>> c.require_microversion_range(None, "2.56", "CreateOpts.personality")
            Traceback (most recent call last):
            ...
            oscloud.errors.MicroversionError: CreateOpts.personality: compute microversion 2.56 or earlier is required (2.57 removed it); the client sends 2.79 (use client.with_microversion("2.56"))
        """  # noqa: E501
        if min_version is not None:
            self.require_microversion(min_version, feature)
        if max_version is None or self.microversion_at_most(max_version):
            return
        major, minor = parse_microversion(max_version)
        raise errors.MicroversionError(
            f"{feature}: {self._service_name()} microversion {max_version} or earlier is "
            f"required ({major}.{minor + 1} removed it); the client sends {self.microversion} "
            f'(use client.with_microversion("{max_version}"))'
        )

    def _service_name(self) -> str:
        return _SERVICE_NAMES.get(MICROVERSION_SERVICE.get(self.type, self.type), self.type)

    # -- microversion discovery -----------------------------------------------------

    def discover_microversions(self) -> MicroversionRange | None:
        """Read the service's version document: the microversions it supports.

        The document is at the endpoint cut after its version segment (see
        :func:`version_url`): Nova answers ``GET /v2.1/`` with ``{"version": {...}}``,
        Cinder ``GET /v3/`` with ``{"versions": [...]}``. ``None`` when the service has no
        microversions (``"version": ""``). One request per version URL and provider;
        later calls use the answer the provider keeps.

        Raises:
            InvalidResponseError: the answer holds no version document for the endpoint.

        Example:
            >>> client.discover_microversions()  # doctest: +SKIP
            MicroversionRange(min_version='2.1', max_version='2.96')
        """
        url = version_url(self.endpoint)
        cache = self.provider.discovery_cache
        if url not in cache:
            response = self.provider.request("GET", url, ok_codes=(200, 300))
            try:
                document = parse_json(response)
            except ValueError as err:
                raise errors.InvalidResponseError(
                    f"GET {url}: the version document is not JSON"
                ) from err
            cache[url] = _range_from_document(document, url)
        found: MicroversionRange | None = cache[url]
        return found

    def with_highest_microversion(
        self, up_to: str | None = None, *, minimum: str | None = None
    ) -> ServiceClient:
        """A copy using the highest microversion that the server, oscloud and ``up_to`` allow.

        That is the lowest of the server's maximum, :attr:`max_microversion` and ``up_to``.
        The server's version document is read once per provider (see
        :meth:`discover_microversions`).

        Raises:
            ValueError: ``up_to`` or ``minimum`` is not ``MAJOR.MINOR`` (before any request).
            MicroversionError: the result would be older than ``minimum`` or than the
                server's own minimum, or the service has no microversions and ``minimum``
                was asked for.

        Example:
            >>> client = client.with_highest_microversion("2.79", minimum="2.60")  # doctest: +SKIP
        """
        for given in (up_to, minimum):
            if given is not None:
                parse_microversion(given)
        supported = self.discover_microversions()
        name = self.type or "the service"
        if supported is None:
            if minimum is not None:
                raise errors.MicroversionError(
                    f"{name} at {self.endpoint} has no microversions; {minimum} is required"
                )
            return attrs.evolve(self, microversion=None)
        ceilings = [supported.max_version, up_to, self.max_microversion]
        chosen = min((v for v in ceilings if v), key=parse_microversion)
        floor = supported.min_version
        if minimum is not None and parse_microversion(minimum) > parse_microversion(floor):
            floor = minimum
        if parse_microversion(chosen) < parse_microversion(floor):
            limits = f"{name} at {self.endpoint} supports {supported.min_version} to "
            limits += supported.max_version
            if self.max_microversion:
                limits += f", oscloud up to {self.max_microversion}"
            if up_to:
                limits += f", the caller up to {up_to}"
            wanted = f"{minimum} is required" if minimum else "no usable microversion"
            raise errors.MicroversionError(f"{limits}; {wanted}")
        return self.with_microversion(chosen)

    # -- requests -----------------------------------------------------------------------

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """Send a request through the provider, with this client's microversion headers.

        Takes the keyword arguments of :meth:`ProviderClient.request`.

        Example:
            >>> client.request("GET", client.service_url("flavors"))  # doctest: +SKIP
        """
        sent = self.microversion_headers()
        if headers:
            sent.update(headers)
        return self.provider.request(method, url, headers=sent, **kwargs)

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        """``GET url``; see :meth:`request`.

        Example:
            >>> client.get(client.service_url("servers"), ok_codes=(200,))  # doctest: +SKIP
        """
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        """``POST url``; see :meth:`request`.

        Example:
            >>> client.post(client.service_url("servers"), json=body)  # doctest: +SKIP
        """
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> requests.Response:
        """``PUT url``; see :meth:`request`.

        Example:
            >>> client.put(client.service_url("c", "o"), data=b"hi")  # doctest: +SKIP
        """
        return self.request("PUT", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> requests.Response:
        """``PATCH url``; see :meth:`request`.

        Example:
            >>> client.patch(client.service_url("x"), json={})  # doctest: +SKIP
        """
        return self.request("PATCH", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> requests.Response:
        """``DELETE url``; see :meth:`request`.

        Example:
            >>> client.delete(client.service_url("servers", "id"))  # doctest: +SKIP
        """
        return self.request("DELETE", url, **kwargs)

    def head(self, url: str, **kwargs: Any) -> requests.Response:
        """``HEAD url``; see :meth:`request`.

        Example:
            >>> client.head(client.service_url("c"))  # doctest: +SKIP
        """
        return self.request("HEAD", url, **kwargs)

    def call(
        self,
        result_class: builtins.type[R],
        method: str,
        url: str,
        *,
        ok_codes: Iterable[int] | None = None,
        timeout: Timeout | None = None,
        **kwargs: Any,
    ) -> R:
        """Send a request and wrap the outcome in ``result_class``.

        This is the one place where a response becomes a result.

        Errors from the server or the transport become the result's ``err``; a 2xx body
        that is not JSON does too.

        Example:
            >>> result = client.call(GetResult, "GET",  # doctest: +SKIP
            ...                      client.service_url("servers", server_id), ok_codes=(200,))
        """
        try:
            response = self.request(method, url, ok_codes=ok_codes, timeout=timeout, **kwargs)
            body = _json_body(response)
        except errors.OSCloudError as err:
            return result_class(err=err)
        return result_class(
            body=body,
            headers=response.headers,
            status_code=response.status_code,
            request=(method, url),
        )


def _json_body(response: requests.Response) -> Any:
    content = response.content
    if not content:
        return None
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type and content[:1] not in (b"{", b"["):
        return None
    try:
        return parse_json(response)
    except ValueError as err:
        raise errors.InvalidResponseError(
            f"{response.request.method} {redact_url(response.url)}: "
            f"the response is not valid JSON ({err})"
        ) from err


def version_url(endpoint: str) -> str:
    """The URL of the version document for a service endpoint.

    That is the endpoint cut after its version segment (``…/v3/<project_id>/`` → ``…/v3/``).

    Example:
        >>> version_url("https://cinder.example/v3/8d1f/")
        'https://cinder.example/v3/'
        >>> version_url("https://nova.example/compute/v2.1/")
        'https://nova.example/compute/v2.1/'
    """
    parts = urlsplit(endpoint)
    match = re.search(_VERSION_SEGMENT, parts.path)
    path = parts.path[: match.end()] + "/" if match else parts.path
    return urlunsplit(parts._replace(path=path, query="", fragment=""))


def _range_from_document(document: Any, url: str) -> MicroversionRange | None:
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, dict):
        versions = document.get("versions") if isinstance(document, dict) else None
        if isinstance(versions, dict):  # keystone's {"versions": {"values": [...]}}
            versions = versions.get("values")
        version = _matching_version(versions, url)
    if not isinstance(version, dict):
        raise errors.InvalidResponseError(f"GET {url}: no version document in the response")
    high = version.get("version") or version.get("max_version")
    low = version.get("min_version")
    if not high or not low:
        return None
    return MicroversionRange(min_version=str(low), max_version=str(high))


def _matching_version(versions: Any, url: str) -> dict[str, Any] | None:
    if not isinstance(versions, list) or not versions:
        return None
    match = re.search(_VERSION_SEGMENT, urlsplit(url).path)
    wanted = match.group(0).strip("/") if match else None
    for candidate in versions:
        if not isinstance(candidate, dict):
            continue
        version_id = str(candidate.get("id", ""))
        if wanted and (version_id == wanted or version_id.startswith(wanted + ".")):
            return candidate
    return versions[0] if len(versions) == 1 and isinstance(versions[0], dict) else None
