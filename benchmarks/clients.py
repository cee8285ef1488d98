"""The three clients under test, each doing the same HTTP calls against the fake cloud.

- ``oscloud``: one authenticated provider; ``servers.get(...).extract()`` (or, without the
  compute servers package, ``tokens.get(...).extract()``); listings through ``items()``
  (servers, and block storage volumes through ``volumes.list(...).items()``).
- ``requests``: a bare ``requests.Session``: the same requests, the status checked, the
  JSON parsed and the resource member taken out; nothing more.
- ``openstacksdk``: one ``Connection``; ``conn.compute.get_server`` (or
  ``conn.identity.validate_token``), listings through ``conn.compute.servers`` and
  ``conn.block_storage.volumes``.

Libraries are imported inside the constructors, so that a cold start measures them.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from benchmarks.fake_cloud import SERVER_ID

SERVERS_MODULE = "oscloud.openstack.compute.v2.servers"
CLIENT_NAMES = ("oscloud", "requests", "openstacksdk")
PAGE_SIZE = 1000
USERNAME, PASSWORD, PROJECT, DOMAIN = "demo", "secret", "demo", "Default"


def has_servers_package() -> bool:
    """Whether oscloud's compute servers package is importable here."""
    try:
        return importlib.util.find_spec(SERVERS_MODULE) is not None
    except ModuleNotFoundError:
        return False


@dataclass(frozen=True)
class Calls:
    """What the clients do.

    ``op``: the measured GET, ``server`` (``GET /servers/{id}``) or ``token``
    (``GET /auth/tokens``). ``listing``: how oscloud lists servers, ``servers``
    (``servers.list(...).items()``) or ``pager`` (a ``Pager`` over a ``LinkedPage`` of plain
    dicts, defined here).
    """

    op: str
    listing: str

    @classmethod
    def detect(cls, *, without_servers: bool = False) -> Calls:
        """Servers when oscloud has its compute servers package, else tokens and a Pager."""
        if has_servers_package() and not without_servers:
            return cls(op="server", listing="servers")
        return cls(op="token", listing="pager")

    def args(self) -> list[str]:
        """The worker's command-line arguments for these calls."""
        return ["--op", self.op, "--listing", self.listing]


class Client(Protocol):
    """What a benchmark needs from a client."""

    name: str

    def get_one(self) -> object:
        """One authenticated GET, its body turned into what the library returns."""
        ...

    def list_servers(self, stop_after: int | None = None) -> int:
        """Walk ``servers/detail`` one item at a time; return how many were seen."""
        ...

    def list_volumes(self, stop_after: int | None = None) -> int:
        """Walk Cinder's ``volumes/detail`` one item at a time; return how many were seen."""
        ...

    def for_thread(self) -> Client:
        """The client a worker thread uses (shared, or one of its own)."""
        ...


def make_client(name: str, base_url: str, op: str, listing: str = "servers") -> Client:
    """Import the library, authenticate, and return the client named ``name``.

    ``op`` is the measured call (``server`` or ``token``); ``listing`` how oscloud lists
    (``servers`` or ``pager``; the other clients have one way).
    """
    if name == "oscloud":
        return OscloudClient(base_url, op, listing)
    if name == "requests":
        return BareClient(base_url, op)
    if name == "openstacksdk":
        return SdkClient(base_url, op)
    raise ValueError(f"unknown client {name!r}")


def _count(items: Iterator[Any], stop_after: int | None) -> int:
    seen = 0
    for _ in items:
        seen += 1
        if stop_after is not None and seen >= stop_after:
            break
    return seen


# -- oscloud --------------------------------------------------------------------------


def oscloud_provider(base_url: str) -> Any:
    """An oscloud provider logged in to the fake cloud (imported here: cold starts count it)."""
    import oscloud
    from oscloud import openstack

    opts = oscloud.AuthOptions(
        identity_endpoint=f"{base_url}/identity/v3",
        username=USERNAME,
        password=PASSWORD,
        domain_name=DOMAIN,
        project_name=PROJECT,
    )
    return openstack.authenticated_client(opts)


class OscloudClient:
    """oscloud: one provider client, shared by every thread."""

    name = "oscloud"

    def __init__(self, base_url: str, op: str, listing: str) -> None:
        import oscloud
        from oscloud import openstack

        self.listing = listing
        self.provider = oscloud_provider(base_url)
        region = oscloud.EndpointOpts(region="RegionOne")
        self.compute = openstack.new_compute_v2(self.provider, region)
        self._get = self._server_getter() if op == "server" else self._token_getter(region)
        self._cinder: Any = None  # made by the first volume listing

    def get_one(self) -> object:
        return self._get()

    def _server_getter(self) -> Callable[[], object]:
        import importlib

        servers: Any = importlib.import_module(SERVERS_MODULE)
        compute = self.compute
        return lambda: servers.get(compute, SERVER_ID).extract()

    def _token_getter(self, region: Any) -> Callable[[], object]:
        from oscloud import openstack
        from oscloud.openstack.identity.v3 import tokens

        identity = openstack.new_identity_v3(self.provider, region)
        provider = self.provider
        return lambda: tokens.get(identity, provider.token or "").extract()

    def list_servers(self, stop_after: int | None = None) -> int:
        return _count(self._pager().items(), stop_after)

    def _pager(self) -> Any:
        if self.listing == "servers":
            import importlib

            servers: Any = importlib.import_module(SERVERS_MODULE)
            return servers.list(self.compute, servers.ListOpts(limit=PAGE_SIZE))
        from oscloud.pagination import LinkedPage, Pager

        class ServerDictPage(LinkedPage[dict[str, Any]]):
            resource_key = "servers"

        url = self.compute.service_url("servers", "detail") + f"?limit={PAGE_SIZE}"
        return Pager(self.compute, url, ServerDictPage)

    def list_volumes(self, stop_after: int | None = None) -> int:
        from oscloud.openstack.blockstorage.v3 import volumes

        if self._cinder is None:
            import oscloud
            from oscloud import openstack

            region = oscloud.EndpointOpts(region="RegionOne")
            self._cinder = openstack.new_block_storage_v3(self.provider, region)
        pager = volumes.list(self._cinder, volumes.ListOpts(limit=PAGE_SIZE))
        return _count(pager.items(), stop_after)

    def for_thread(self) -> Client:
        return self


# -- bare requests --------------------------------------------------------------------


def _find_endpoint(catalog: list[dict[str, Any]], kind: str) -> str:
    for service in catalog:
        if service["type"] != kind:
            continue
        for endpoint in service["endpoints"]:
            if endpoint["interface"] == "public" and endpoint["region_id"] == "RegionOne":
                return str(endpoint["url"]).rstrip("/")
    raise LookupError(f"no public {kind} endpoint in the catalog")


def _password_body() -> dict[str, Any]:
    domain = {"name": DOMAIN}
    user = {"name": USERNAME, "password": PASSWORD, "domain": domain}
    return {
        "auth": {
            "identity": {"methods": ["password"], "password": {"user": user}},
            "scope": {"project": {"name": PROJECT, "domain": domain}},
        }
    }


class BareClient:
    """A bare ``requests.Session``; each thread gets a session of its own."""

    name = "requests"

    def __init__(self, base_url: str, op: str, login: tuple[str, str, str] | None = None) -> None:
        import requests

        self.base_url = base_url
        self.op = op
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"
        self.volume = ""  # the block storage endpoint, found by a login of this client's
        self.token, self.identity, self.compute = login or self._login()
        self.session.headers["X-Auth-Token"] = self.token

    def _login(self) -> tuple[str, str, str]:
        url = f"{self.base_url}/identity/v3/auth/tokens"
        response = self.session.post(url, json=_password_body())
        response.raise_for_status()
        catalog = response.json()["token"]["catalog"]
        identity = _find_endpoint(catalog, "identity") + "/v3"
        self.volume = _find_endpoint(catalog, "block-storage")
        return response.headers["X-Subject-Token"], identity, _find_endpoint(catalog, "compute")

    def get_one(self) -> object:
        if self.op == "server":
            response = self.session.get(f"{self.compute}/servers/{SERVER_ID}")
            response.raise_for_status()
            return response.json()["server"]
        headers = {"X-Subject-Token": self.token}
        response = self.session.get(f"{self.identity}/auth/tokens", headers=headers)
        response.raise_for_status()
        return response.headers["X-Subject-Token"], response.json()["token"]

    def list_servers(self, stop_after: int | None = None) -> int:
        return _count(self._servers(), stop_after)

    def _servers(self) -> Iterator[dict[str, Any]]:
        url: str | None = f"{self.compute}/servers/detail?limit={PAGE_SIZE}"
        while url:
            response = self.session.get(url)
            response.raise_for_status()
            body = response.json()
            yield from body["servers"]
            links = body.get("servers_links", ())
            url = next((link["href"] for link in links if link["rel"] == "next"), None)

    def list_volumes(self, stop_after: int | None = None) -> int:
        return _count(self._volumes(), stop_after)

    def _volumes(self) -> Iterator[dict[str, Any]]:
        url: str | None = f"{self.volume}/volumes/detail?limit={PAGE_SIZE}"
        while url:
            response = self.session.get(url)
            response.raise_for_status()
            body = response.json()
            yield from body["volumes"]
            links = body.get("volumes_links", ())
            url = next((link["href"] for link in links if link["rel"] == "next"), None)

    def for_thread(self) -> Client:
        return BareClient(self.base_url, self.op, (self.token, self.identity, self.compute))


# -- openstacksdk ---------------------------------------------------------------------


def sdk_connection(base_url: str) -> Any:
    """An openstacksdk ``Connection`` to the fake cloud (imported here: cold starts count it)."""
    import openstack.connection

    return openstack.connection.Connection(
        auth_url=f"{base_url}/identity/v3",
        username=USERNAME,
        password=PASSWORD,
        project_name=PROJECT,
        user_domain_name=DOMAIN,
        project_domain_name=DOMAIN,
        region_name="RegionOne",
        interface="public",
        identity_api_version="3",
    )


class SdkClient:
    """openstacksdk: one ``Connection``, shared by every thread."""

    name = "openstacksdk"

    def __init__(self, base_url: str, op: str) -> None:
        self.conn = sdk_connection(base_url)
        self.op = op
        self._token: str | None = None

    def get_one(self) -> object:
        if self.op == "server":
            return self.conn.compute.get_server(SERVER_ID)
        if self._token is None:
            self._token = self.conn.session.get_token() or ""
        identity: Any = self.conn.identity  # the v3 proxy, as identity_api_version says
        return identity.validate_token(self._token)

    def list_servers(self, stop_after: int | None = None) -> int:
        return _count(iter(self.conn.compute.servers(details=True, limit=PAGE_SIZE)), stop_after)

    def list_volumes(self, stop_after: int | None = None) -> int:
        volumes = self.conn.block_storage.volumes(details=True, limit=PAGE_SIZE)
        return _count(iter(volumes), stop_after)

    def for_thread(self) -> Client:
        return self
