"""The guides' code examples (docs/examples/*.py) run as a user runs them, against a fake cloud.

Each example is started in its own interpreter with the ``OS_*`` variables (or a
clouds.yaml) pointing at a loopback server that plays Keystone and the other services.
Its test then checks what the server received and what the example printed. Every
example has a test here, and every example is shown by a page of the guide.
"""

from __future__ import annotations

import builtins
import os
import re
import secrets
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml

from tests.unit.helpers.identity import Keystone, keystone_versions, v3_token_body
from tests.unit.helpers.server import FakeServer, Recorded, Reply

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"

PROJECT_ID = "fa3b3c8f4c5c4a3b9b7f2d1e0c9a8b7c"
USER_ID = "ee4dfb6e5540447cb3741905149d9b6e"
TOKENS_PATH = "/identity/v3/auth/tokens"
V2_TOKENS_PATH = "/identity/v2.0/tokens"
REQUEST_ID = "req-7d5f2c1e-3b1a-4c55-9a0e-0f1d2c3b4a59"


def _keystone_error(status: int, title: str, message: str) -> Reply:
    """An error as Keystone writes it (API reference: "error" with code, message, title)."""
    return Reply(
        status,
        {"error": {"code": status, "message": message, "title": title}},
        headers={"x-openstack-request-id": REQUEST_ID},
    )


def _v2_access_body(base_url: str) -> dict[str, Any]:
    """``POST /v2.0/tokens`` (200), shaped like the identity v2.0 API reference."""
    return {
        "access": {
            "token": {
                "issued_at": "2030-01-01T10:00:00.000000Z",
                "expires": "2030-01-01T11:00:00Z",
                "id": "gAAAAABv2-token",
                "tenant": {"enabled": True, "description": None, "name": "demo", "id": PROJECT_ID},
                "audit_ids": ["ZzZwkUflQfygX7pdYDBCQQ"],
            },
            "serviceCatalog": [
                {
                    "endpoints": [
                        {
                            "adminURL": base_url + "/compute/v2.1",
                            "region": "RegionOne",
                            "internalURL": base_url + "/compute/v2.1",
                            "id": "2dad48f09e2a447a9bf852bcd93548ef",
                            "publicURL": base_url + "/compute/v2.1",
                        }
                    ],
                    "endpoints_links": [],
                    "type": "compute",
                    "name": "nova",
                }
            ],
            "user": {
                "username": "demo",
                "roles_links": [],
                "id": USER_ID,
                "roles": [],
                "name": "demo",
            },
            "metadata": {"is_admin": 0, "roles": []},
        }
    }


def _compute_version_document(base_url: str) -> dict[str, Any]:
    """``GET /v2.1/`` (200), as in Nova's api-samples (versions/v21-version-get-resp)."""
    return {
        "version": {
            "id": "v2.1",
            "links": [
                {"href": base_url + "/compute/v2.1/", "rel": "self"},
                {"href": "http://docs.openstack.org/", "rel": "describedby", "type": "text/html"},
            ],
            "media-types": [
                {
                    "base": "application/json",
                    "type": "application/vnd.openstack.compute+json;version=2.1",
                }
            ],
            "status": "CURRENT",
            "version": "2.90",
            "min_version": "2.1",
            "updated": "2013-07-23T11:33:21Z",
        }
    }


class FakeCloud:
    """Keystone on a FakeServer: issues tokens, reads, validates and revokes them."""

    def __init__(self, server: FakeServer, home: Path) -> None:
        self.server = server
        self.keystone = Keystone(server)
        self.revoked: set[str] = set()
        self.user_tokens: set[str] = set()
        self.first_token_revoked = False
        self.password = "pw-" + secrets.token_hex(8)
        self.home = home
        for method in ("GET", "HEAD"):
            server.route(method, TOKENS_PATH, self.read_token)
        server.route("DELETE", TOKENS_PATH, self.revoke_token)
        self.env: dict[str, str] = {
            "OS_AUTH_URL": server.url + "/identity/v3",
            "OS_USERNAME": "demo",
            "OS_PASSWORD": self.password,
            "OS_USER_DOMAIN_NAME": "Default",
            "OS_PROJECT_NAME": "demo",
            "OS_PROJECT_DOMAIN_NAME": "Default",
            "OS_REGION_NAME": "RegionOne",
        }
        self.secrets: set[str] = {self.password}

    @property
    def issued(self) -> list[str]:
        return self.keystone.issued

    def token_requests(self) -> list[Recorded]:
        return self.server.received("POST", TOKENS_PATH)

    def _live(self, token_id: str | None) -> bool:
        if self.first_token_revoked and self.issued and token_id == self.issued[0]:
            return False
        return token_id in self.issued and token_id not in self.revoked

    def read_token(self, request: Recorded) -> Reply:
        """``GET``/``HEAD /v3/auth/tokens``: 401 for a bad X-Auth-Token, 404 for an unknown
        X-Subject-Token, else 200 with the token."""
        if not self._live(request.headers.get("X-Auth-Token")):
            return _keystone_error(
                401, "Unauthorized", "The request you have made requires authentication."
            )
        subject = request.headers.get("X-Subject-Token", "")
        if not (self._live(subject) or subject in self.user_tokens):
            return _keystone_error(404, "Not Found", f"Could not find token: {subject}.")
        return Reply(
            200,
            v3_token_body(self.server.url),
            headers={"X-Subject-Token": subject, "x-openstack-request-id": REQUEST_ID},
        )

    def revoke_token(self, request: Recorded) -> Reply:
        """``DELETE /v3/auth/tokens`` (204)."""
        if not self._live(request.headers.get("X-Auth-Token")):
            return _keystone_error(
                401, "Unauthorized", "The request you have made requires authentication."
            )
        self.revoked.add(request.headers.get("X-Subject-Token", ""))
        return Reply(204)

    def run(
        self,
        name: str,
        *args: str,
        env: dict[str, str] | None = None,
        logs: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``docs/examples/<name>.py``; fail on a non-zero exit, a warning or a leak."""
        self.home.mkdir(exist_ok=True)
        run_env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("OS_")
            and key.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
            and key not in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
        }
        run_env.update(self.env if env is None else env)
        run_env.update(HOME=str(self.home), NO_PROXY="127.0.0.1,localhost")
        done = subprocess.run(
            [sys.executable, str(EXAMPLES / f"{name}.py"), *args],
            cwd=self.home,
            env=run_env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        shown = f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
        assert done.returncode == 0, f"{name}.py failed\n{shown}"
        if not logs:
            assert done.stderr == "", f"{name}.py wrote to stderr\n{shown}"
        output = done.stdout + done.stderr
        for secret in self.secrets | set(self.issued):
            assert secret not in output, f"{name}.py printed a secret\n{shown}"
        return done


@pytest.fixture
def cloud(server: FakeServer, tmp_path: Path) -> FakeCloud:
    return FakeCloud(server, tmp_path / "home")


COMPUTE = "/compute/v2.1"
IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b"


def _server_body(base_url: str, server_id: str, name: str, status: str) -> dict[str, Any]:
    """One server as ``GET /servers/{server_id}`` shows it at microversion 2.1 (API
    reference: server-get-resp)."""
    vm_state = {"ACTIVE": "active", "SHUTOFF": "stopped", "ERROR": "error"}[status]
    return {
        "OS-DCF:diskConfig": "AUTO",
        "OS-EXT-AZ:availability_zone": "nova",
        "OS-EXT-STS:power_state": 1 if status == "ACTIVE" else 4,
        "OS-EXT-STS:task_state": None,
        "OS-EXT-STS:vm_state": vm_state,
        "OS-SRV-USG:launched_at": "2024-05-06T07:08:30.000000",
        "OS-SRV-USG:terminated_at": None,
        "accessIPv4": "",
        "accessIPv6": "",
        "addresses": {
            "private": [
                {
                    "OS-EXT-IPS-MAC:mac_addr": "fa:16:3e:4c:2c:30",
                    "OS-EXT-IPS:type": "fixed",
                    "addr": "192.168.1.30",
                    "version": 4,
                }
            ]
        },
        "config_drive": "",
        "created": "2024-05-06T07:08:09Z",
        "flavor": {
            "id": "1",
            "links": [{"href": f"{base_url}/compute/flavors/1", "rel": "bookmark"}],
        },
        "hostId": "2091634baaccdc4c5a1d57069c833e402921df696b7f970791b12ec6",
        "id": server_id,
        "image": {
            "id": IMAGE_ID,
            "links": [{"href": f"{base_url}/compute/images/{IMAGE_ID}", "rel": "bookmark"}],
        },
        "key_name": None,
        "links": [
            {"href": f"{base_url}{COMPUTE}/servers/{server_id}", "rel": "self"},
            {"href": f"{base_url}/compute/servers/{server_id}", "rel": "bookmark"},
        ],
        "metadata": {"My Server Name": "Apache1"},
        "name": name,
        "os-extended-volumes:volumes_attached": [],
        "progress": 0,
        "security_groups": [{"name": "default"}],
        "status": status,
        "tenant_id": PROJECT_ID,
        "updated": "2024-05-06T07:08:31Z",
        "user_id": USER_ID,
    }


class FakeNova:
    """The servers of Nova on the same FakeServer: listing with Nova's paging, get,
    update, delete, actions. Every request needs a live token (else 401)."""

    def __init__(self, cloud: FakeCloud) -> None:
        self.cloud = cloud
        self.servers: dict[str, dict[str, Any]] = {}
        self.gone: set[str] = set()
        cloud.server.route("GET", COMPUTE + "/servers/detail", self._list)

    def add(self, server_id: str, name: str, status: str = "ACTIVE") -> None:
        self.servers[server_id] = _server_body(self.cloud.server.url, server_id, name, status)
        path = f"{COMPUTE}/servers/{server_id}"
        for method in ("GET", "PUT", "DELETE"):
            self.cloud.server.route(method, path, self._one)
        self.cloud.server.route("POST", path + "/action", self._action)

    def remove(self, server_id: str) -> None:
        """Forget a server: it answers 404 from now on."""
        self.servers.pop(server_id, None)
        self.gone.add(server_id)
        for method in ("GET", "PUT", "DELETE"):
            self.cloud.server.route(method, f"{COMPUTE}/servers/{server_id}", self._one)

    def _refused(self, request: Recorded) -> Reply | None:
        if self.cloud._live(request.headers.get("X-Auth-Token")):
            return None
        return _keystone_error(
            401, "Unauthorized", "The request you have made requires authentication."
        )

    def _list(self, request: Recorded) -> Reply:
        refused = self._refused(request)
        if refused is not None:
            return refused
        query = {key: values[-1] for key, values in request.query.items()}
        found = [
            body
            for body in self.servers.values()
            if ("status" not in query or body["status"] == query["status"])
            and ("name" not in query or re.search(query["name"], body["name"]))
        ]
        if "marker" in query:
            ids = [body["id"] for body in found]
            found = found[ids.index(query["marker"]) + 1 :]
        limit = int(query.get("limit", 1000))
        page = found[:limit]
        reply: dict[str, Any] = {"servers": page}
        if page and len(page) == limit:  # Nova links a next page whenever a page is full
            after = {key: value for key, value in query.items() if key != "marker"}
            after["marker"] = page[-1]["id"]
            href = f"{self.cloud.server.url}{COMPUTE}/servers/detail?{urlencode(after)}"
            reply["servers_links"] = [{"href": href, "rel": "next"}]
        return Reply(200, reply, headers={"X-Compute-Request-Id": REQUEST_ID})

    def _one(self, request: Recorded) -> Reply:
        refused = self._refused(request)
        if refused is not None:
            return refused
        server_id = request.path.rsplit("/", 1)[1]
        body = self.servers.get(server_id)
        if body is None:
            message = f"Instance {server_id} could not be found."
            return Reply(
                404,
                {"itemNotFound": {"code": 404, "message": message}},
                headers={"X-Compute-Request-Id": REQUEST_ID},
            )
        headers = {"X-Compute-Request-Id": REQUEST_ID, "X-Openstack-Request-Id": REQUEST_ID}
        if request.method == "DELETE":
            self.remove(server_id)
            return Reply(204, headers=headers)
        if request.method == "PUT":
            changes = request.json()["server"]
            body.update(changes)
        return Reply(200, {"server": body}, headers=headers)

    def _action(self, request: Recorded) -> Reply:
        refused = self._refused(request)
        return refused if refused is not None else Reply(202)


@pytest.fixture
def nova(cloud: FakeCloud) -> FakeNova:
    return FakeNova(cloud)


def _auth(request: Recorded) -> dict[str, Any]:
    auth: dict[str, Any] = request.json()["auth"]
    return auth


# -- the catalogue of examples ----------------------------------------------------------


def _example_names() -> list[str]:
    return sorted(path.stem for path in EXAMPLES.glob("*.py"))


def _pages() -> Iterator[tuple[Path, str]]:
    for page in DOCS.rglob("*.md"):
        if "_build" not in page.parts:
            yield page, page.read_text(encoding="utf-8")


def test_every_example_has_a_test() -> None:
    missing = [name for name in _example_names() if f"test_{name}" not in globals()]
    assert _example_names(), "no examples found"
    assert missing == [], f"examples without a test in {__name__}: {missing}"


@pytest.mark.parametrize("name", _example_names())
def test_every_example_is_shown_in_a_page(name: str) -> None:
    include = re.compile(r"```\{literalinclude\}\s+\S*examples/" + re.escape(name) + r"\.py\b")
    pages = [page.name for page, text in _pages() if include.search(text)]
    assert pages, f"docs/examples/{name}.py is not included by any page"


def test_config_examples_are_shown_in_a_page() -> None:
    for name in ("clouds.yaml", "secure.yaml"):
        include = re.compile(r"```\{literalinclude\}\s+\S*examples/" + re.escape(name))
        assert any(include.search(text) for _, text in _pages()), name


def test_errors_page_draws_the_real_hierarchy() -> None:
    from oscloud import errors

    page = (DOCS / "errors.md").read_text(encoding="utf-8")
    tree = page.split("```text\n", 1)[1].split("```", 1)[0]
    parents: list[type[BaseException]] = []
    drawn: set[type[BaseException]] = set()
    for line in tree.splitlines():
        found = re.match(r"^([│├└─ ]*)(\w+)(?: \((\w+)\))?\s*(.*)$", line)
        assert found is not None, line
        prefix, name, builtin, note = found.groups()
        depth = len(prefix) // 4
        cls = getattr(errors, name)
        if depth == 0:
            assert cls is errors.OSCloudError
        else:
            ours = [base for base in cls.__bases__ if issubclass(base, errors.OSCloudError)]
            assert ours == [parents[depth - 1]], line
        if builtin is not None:
            assert getattr(builtins, builtin) in cls.__bases__, line
        if re.fullmatch(r"\d{3}", note):
            assert cls.status == int(note), line
        del parents[depth:]
        parents.append(cls)
        drawn.add(cls)
    public = {
        obj
        for obj in (getattr(errors, name) for name in errors.__all__)
        if isinstance(obj, type) and issubclass(obj, BaseException)
    }
    assert drawn == public


def test_architecture_page_lists_every_top_level_module() -> None:
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "oscloud"
    modules = [*package.glob("*.py"), *(package / "openstack").glob("*.py")]
    names = [
        "oscloud/__init__.py"
        if path == package / "__init__.py"
        else path.relative_to(package).as_posix()
        for path in modules
    ]
    missing = [name for name in names if f"| `{name}` |" not in page]
    assert len(names) > 10
    assert missing == [], f"docs/architecture.md does not describe {missing}"


def test_api_reference_lists_every_top_level_name() -> None:
    import oscloud

    page = (DOCS / "api" / "oscloud.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^   (\w+)$", page, flags=re.MULTILINE))
    assert listed == set(oscloud.__all__) - {"__version__"}


def test_api_reference_has_a_page_for_every_resource_package() -> None:
    package = ROOT / "src" / "oscloud"
    resources = sorted(
        ".".join(("oscloud", *path.parent.relative_to(package).parts))
        for path in (package / "openstack").rglob("requests.py")
    )
    documented = set()
    for page in (DOCS / "api").glob("*.md"):
        documented.update(
            re.findall(r"^\.\. automodule:: (\S+)$", page.read_text(), flags=re.MULTILINE)
        )
    assert "oscloud.openstack.identity.v3.tokens" in resources
    missing = [name for name in resources if name not in documented]
    assert missing == [], f"no page in docs/api documents {missing}"


# -- one test per example ---------------------------------------------------------------


def test_quickstart(cloud: FakeCloud, nova: FakeNova) -> None:
    nova.add("9168b536-cd40-4630-b43f-b259807c6e87", "web-1")
    nova.add("4fd44bc0-2ff6-4d4c-a4b1-9bd8a0c0a3a7", "db-1", "SHUTOFF")
    nova.remove("0ef6b30c-7b5f-4bb3-8b1c-8f6e1f0b3c11")

    done = cloud.run(
        "quickstart",
        "4fd44bc0-2ff6-4d4c-a4b1-9bd8a0c0a3a7",
        "0ef6b30c-7b5f-4bb3-8b1c-8f6e1f0b3c11",
    )

    (login,) = cloud.token_requests()
    assert _auth(login) == {
        "identity": {
            "methods": ["password"],
            "password": {
                "user": {"name": "demo", "domain": {"name": "Default"}, "password": cloud.password}
            },
        },
        "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}},
    }
    (listing,) = cloud.server.received("GET", COMPUTE + "/servers/detail")
    assert listing.raw_query == ""
    reads = cloud.server.received("GET")[1:]
    assert [r.path for r in reads] == [
        COMPUTE + "/servers/4fd44bc0-2ff6-4d4c-a4b1-9bd8a0c0a3a7",
        COMPUTE + "/servers/0ef6b30c-7b5f-4bb3-8b1c-8f6e1f0b3c11",
    ]
    for request in cloud.server.received("GET"):
        assert request.headers["X-Auth-Token"] == cloud.issued[0]
        assert request.headers["User-Agent"].startswith("oscloud/")
    assert done.stdout.splitlines() == [
        "9168b536-cd40-4630-b43f-b259807c6e87  ACTIVE  web-1",
        "4fd44bc0-2ff6-4d4c-a4b1-9bd8a0c0a3a7  SHUTOFF db-1",
        "db-1: SHUTOFF since 2024-05-06 07:08 UTC, ['192.168.1.30']",
        "0ef6b30c-7b5f-4bb3-8b1c-8f6e1f0b3c11: no such server",
    ]


def test_quickstart_finds_the_identity_version(cloud: FakeCloud, nova: FakeNova) -> None:
    """An unversioned OS_AUTH_URL: the example asks Keystone which versions it has."""
    cloud.server.route("GET", "/identity/", Reply(300, keystone_versions(cloud.server.url)))
    nova.add("9168b536-cd40-4630-b43f-b259807c6e87", "web-1")

    done = cloud.run("quickstart", env={**cloud.env, "OS_AUTH_URL": cloud.server.url + "/identity"})

    discovery, login, listing = cloud.server.requests
    assert (discovery.method, discovery.path) == ("GET", "/identity/")
    assert "X-Auth-Token" not in discovery.headers
    assert (login.method, login.path) == ("POST", TOKENS_PATH)
    assert (listing.method, listing.path) == ("GET", COMPUTE + "/servers/detail")
    assert done.stdout == "9168b536-cd40-4630-b43f-b259807c6e87  ACTIVE  web-1\n"


def test_auth_methods(cloud: FakeCloud) -> None:
    extra = {
        "OS_USER_ID": USER_ID,
        "OS_PROJECT_ID": PROJECT_ID,
        "OS_TOKEN": "gAAAAABexisting-" + secrets.token_hex(6),
        "OS_APPLICATION_CREDENTIAL_ID": "423f19a4ac1e4f48bbb4180756e6eb6c",
        "OS_APPLICATION_CREDENTIAL_NAME": "monitoring",
        "OS_APPLICATION_CREDENTIAL_SECRET": "appcred-" + secrets.token_hex(8),
        "OS_PASSCODE": "123456",
    }
    cloud.secrets |= {extra["OS_TOKEN"], extra["OS_APPLICATION_CREDENTIAL_SECRET"]}

    done = cloud.run("auth_methods", env={**cloud.env, **extra})

    identities = [_auth(r)["identity"] for r in cloud.token_requests()]
    scopes = [_auth(r).get("scope") for r in cloud.token_requests()]
    by_id = {"id": USER_ID}
    secret = extra["OS_APPLICATION_CREDENTIAL_SECRET"]
    assert identities == [
        {"methods": ["password"], "password": {"user": {**by_id, "password": cloud.password}}},
        {
            "methods": ["password"],
            "password": {
                "user": {"name": "demo", "domain": {"name": "Default"}, "password": cloud.password}
            },
        },
        {"methods": ["token"], "token": {"id": extra["OS_TOKEN"]}},
        {
            "methods": ["application_credential"],
            "application_credential": {
                "id": extra["OS_APPLICATION_CREDENTIAL_ID"],
                "secret": secret,
            },
        },
        {
            "methods": ["application_credential"],
            "application_credential": {"name": "monitoring", "user": by_id, "secret": secret},
        },
        {
            "methods": ["password", "totp"],
            "password": {"user": {**by_id, "password": cloud.password}},
            "totp": {"user": {**by_id, "passcode": "123456"}},
        },
    ]
    project = {"project": {"id": PROJECT_ID}}
    by_name = {"project": {"name": "demo", "domain": {"name": "Default"}}}
    assert scopes == [project, by_name, project, None, None, project]
    assert done.stdout.splitlines() == [
        "password_by_user_id: password, renews itself",
        "password_by_name: password, renews itself",
        "existing_token: token, cannot renew itself",
        "application_credential_by_id: application_credential, renews itself",
        "application_credential_by_name: application_credential, renews itself",
        "password_and_totp: password+totp, cannot renew itself",
    ]


def test_auth_scopes(cloud: FakeCloud) -> None:
    done = cloud.run("auth_scopes", env={**cloud.env, "OS_PROJECT_ID": PROJECT_ID})

    assert [_auth(r)["scope"] for r in cloud.token_requests()] == [
        {"project": {"id": PROJECT_ID}},
        {"project": {"name": "analytics", "domain": {"name": "Research"}}},
        {"domain": {"name": "Research"}},
        {"system": {"all": True}},
        "unscoped",
    ]
    kinds = [line.split()[0] for line in done.stdout.splitlines()]
    assert kinds == ["project", "project", "domain", "system", "unscoped"]


def test_auth_v2(cloud: FakeCloud) -> None:
    cloud.server.route("POST", V2_TOKENS_PATH, Reply(200, _v2_access_body(cloud.server.url)))
    env = {
        "OS_AUTH_URL": cloud.server.url + "/identity/v2.0",
        "OS_USERNAME": "demo",
        "OS_PASSWORD": cloud.password,
        "OS_TENANT_NAME": "demo",
    }

    done = cloud.run("auth_v2", env=env)

    (login,) = cloud.server.received("POST", V2_TOKENS_PATH)
    assert login.json() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": cloud.password},
            "tenantName": "demo",
        }
    }
    assert "X-Auth-Token" not in login.headers
    assert cloud.token_requests() == []
    assert done.stdout == f"compute is at {cloud.server.url}/compute/v2.1/\n"


def test_auth_clouds(cloud: FakeCloud, tmp_path: Path) -> None:
    config_dir = tmp_path / "openstack"
    config_dir.mkdir()
    clouds = yaml.safe_load((EXAMPLES / "clouds.yaml").read_text())
    clouds["clouds"]["mycloud"]["auth"]["auth_url"] = cloud.env["OS_AUTH_URL"]
    (config_dir / "clouds.yaml").write_text(yaml.safe_dump(clouds))
    secure = yaml.safe_load((EXAMPLES / "secure.yaml").read_text())
    assert secure["clouds"]["mycloud"]["auth"]["password"] == "replace-with-your-password"
    secure["clouds"]["mycloud"]["auth"]["password"] = cloud.password
    (config_dir / "secure.yaml").write_text(yaml.safe_dump(secure))
    env = {"OS_CLOUD": "mycloud", "OS_CLIENT_CONFIG_FILE": str(config_dir / "clouds.yaml")}

    done = cloud.run("auth_clouds", env=env)

    (login,) = cloud.token_requests()
    assert _auth(login)["identity"]["password"]["user"] == {
        "name": "demo",
        "domain": {"name": "Default"},
        "password": cloud.password,
    }
    assert _auth(login)["scope"] == {"project": {"name": "demo", "domain": {"name": "Default"}}}
    assert done.stdout == (
        f"mycloud (from {config_dir / 'clouds.yaml'}): "
        f"compute at {cloud.server.url}/compute/v2.1/\n"
    )


def test_auth_token_state(cloud: FakeCloud) -> None:
    first = cloud.run("auth_token_state")
    state_file = cloud.home / ".cache" / "inventory-report" / "token.json"
    assert len(cloud.token_requests()) == 1
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600

    second = cloud.run("auth_token_state")

    assert len(cloud.token_requests()) == 1  # the saved token was reused: no new login
    assert second.stdout == first.stdout
    assert first.stdout.startswith("token valid until 20")


def test_auth_provider_options(cloud: FakeCloud) -> None:
    busy = Reply(503, "Service Unavailable", headers={"Retry-After": "0"})
    cloud.server.route("GET", TOKENS_PATH, busy, cloud.read_token)

    done = cloud.run("auth_provider_options")

    reads = cloud.server.received("GET", TOKENS_PATH)
    assert len(reads) == 2  # the 503 was retried
    for read in reads:
        assert read.headers["User-Agent"].startswith("oscloud/")
        assert read.headers["User-Agent"].endswith(" inventory-report/1.4")
    assert done.stdout.startswith("token for demo until 20")


def test_auth_logging(cloud: FakeCloud) -> None:
    done = cloud.run("auth_logging", logs=True)

    assert f"POST {cloud.env['OS_AUTH_URL']}/auth/tokens -> 201" in done.stderr
    assert "DEBUG oscloud:" in done.stderr
    assert "***" in done.stderr  # the password in the request body, masked
    assert done.stdout == ""


def test_auth_threads(cloud: FakeCloud, nova: FakeNova) -> None:
    ids = [f"5e9a0d{n:02d}-1c2b-4d3e-8f90-a1b2c3d4e5f6" for n in range(12)]
    for n, server_id in enumerate(ids):
        nova.add(server_id, f"worker-{n}", "ACTIVE" if n % 3 else "SHUTOFF")
    # The first token is revoked as soon as it is issued: every thread's first request
    # gets a 401, and the threads must share one re-authentication.
    cloud.first_token_revoked = True

    done = cloud.run("auth_threads", *ids)

    assert len(cloud.token_requests()) == 2
    reads = [
        r for r in cloud.server.received("GET") if r.headers["X-Auth-Token"] == cloud.issued[1]
    ]
    assert sorted(r.path.rsplit("/", 1)[1] for r in reads) == sorted(ids)
    expected = [f"{sid} {'ACTIVE' if n % 3 else 'SHUTOFF'}" for n, sid in enumerate(ids)]
    assert done.stdout.splitlines() == expected


def test_errors_catching(cloud: FakeCloud) -> None:
    done = cloud.run("errors_catching")

    reads = cloud.server.received("GET", TOKENS_PATH)
    assert [r.headers["X-Subject-Token"] for r in reads] == [
        cloud.issued[0],
        "gAAAAABrevoked-token",
    ]  # the empty id was refused before anything was sent
    lines = done.stdout.splitlines()
    assert re.fullmatch(r"valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC, for demo", lines[0])
    assert lines[1] == "nothing to look up: token_id is required"
    assert lines[2] == (f"unknown token (request {REQUEST_ID}): Could not find token: ***.")
    assert lines[3].startswith("bad options: AuthOptions: ")
    assert len(lines) == 4


def test_concepts_results(cloud: FakeCloud, nova: FakeNova) -> None:
    nova.add("9168b536-cd40-4630-b43f-b259807c6e87", "web-1")
    nova.remove("0ef6b30c-7b5f-4bb3-8b1c-8f6e1f0b3c11")

    done = cloud.run(
        "concepts_results",
        "9168b536-cd40-4630-b43f-b259807c6e87",
        "0ef6b30c-7b5f-4bb3-8b1c-8f6e1f0b3c11",
    )

    (read,) = cloud.server.received(
        "GET", COMPUTE + "/servers/9168b536-cd40-4630-b43f-b259807c6e87"
    )
    assert read.headers["X-Auth-Token"] == cloud.issued[0]
    (delete,) = cloud.server.received("DELETE")
    assert delete.path == COMPUTE + "/servers/0ef6b30c-7b5f-4bb3-8b1c-8f6e1f0b3c11"
    assert done.stdout.splitlines() == [
        f"200 {REQUEST_ID}",
        "active",
        "web-1 active UTC",
        "DiskConfig.AUTO",
        "nova",
        "already deleted",
    ]


def test_concepts_microversions(cloud: FakeCloud) -> None:
    document = _compute_version_document(cloud.server.url)
    cloud.server.route("GET", "/compute/v2.1/", Reply(200, document))

    done = cloud.run("concepts_microversions")

    assert len(cloud.server.received("GET", "/compute/v2.1/")) == 1  # read once, then cached
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "{'X-OpenStack-Nova-API-Version': '2.79', 'OpenStack-API-Version': 'compute 2.79'}"
    )
    assert lines[1] == "the cloud supports 2.1 to 2.90"
    chosen = re.fullmatch(r"using (2\.\d+) - at least 2\.72: (True|False)", lines[2])
    assert chosen is not None
    minor = int(chosen.group(1).split(".")[1])
    assert 60 <= minor <= 90
    assert chosen.group(2) == str(minor >= 72)


def test_taste(cloud: FakeCloud, nova: FakeNova) -> None:
    nova.add("9168b536-cd40-4630-b43f-b259807c6e87", "web-1")
    nova.add("4fd44bc0-2ff6-4d4c-a4b1-9bd8a0c0a3a7", "db-1", "SHUTOFF")
    nova.add("c0ffee00-2ff6-4d4c-a4b1-9bd8a0c0a3a7", "web-10")

    done = cloud.run("taste")

    listings = cloud.server.received("GET", COMPUTE + "/servers/detail")
    assert [r.query for r in listings] == [{"status": ["ACTIVE"]}, {"name": ["^web-1$"]}]
    (reboot,) = cloud.server.received("POST")[1:]
    assert reboot.path == COMPUTE + "/servers/9168b536-cd40-4630-b43f-b259807c6e87/action"
    assert reboot.json() == {"reboot": {"type": "SOFT"}}
    assert done.stdout.splitlines() == [
        "9168b536-cd40-4630-b43f-b259807c6e87 web-1 2024-05-06 07:08:09+00:00",
        "c0ffee00-2ff6-4d4c-a4b1-9bd8a0c0a3a7 web-10 2024-05-06 07:08:09+00:00",
    ]


def test_concepts_options(cloud: FakeCloud, nova: FakeNova) -> None:
    nova.add("9168b536-cd40-4630-b43f-b259807c6e87", "web-1")
    nova.servers["9168b536-cd40-4630-b43f-b259807c6e87"]["description"] = "front end"

    done = cloud.run("concepts_options")

    updates = cloud.server.received("PUT")
    assert [u.json() for u in updates] == [
        {"server": {"name": "web-01"}},
        {"server": {"description": None}},
    ]
    for request in [*updates, *cloud.server.received("GET")]:
        assert request.headers["X-OpenStack-Nova-API-Version"] == "2.19"
        assert request.headers["OpenStack-API-Version"] == "compute 2.19"
    assert cloud.server.received("POST", COMPUTE + "/servers") == []
    assert done.stdout.splitlines() == [
        "web-01 - front end",
        "None",
        "CreateOpts.flavor_ref is required",
    ]


def test_pagination_basics(cloud: FakeCloud, nova: FakeNova) -> None:
    names = ["app-1", "app-2", "app-3", "app-4", "app-5"]
    ids = [f"a0000000-0000-4000-8000-00000000000{n}" for n in range(1, 6)]
    for server_id, name in zip(ids, names, strict=True):
        nova.add(server_id, name)

    done = cloud.run("pagination_basics")

    markers = [r.query.get("marker", [None])[0] for r in cloud.server.received("GET")[0:]]
    pages = [None, ids[1], ids[3]]
    # items(): 3 pages; iteration: 3 pages; each_page stopped after 1; all_pages(): 3
    assert markers == [*pages, *pages, None, *pages]
    assert all(r.query["limit"] == ["2"] for r in cloud.server.received("GET"))
    assert done.stdout.splitlines() == [
        *(f"server: {name}" for name in names),
        "page: ['app-1', 'app-2']",
        "page: ['app-3', 'app-4']",
        "page: ['app-5']",
        "handled: 2 servers",
        "all: 5 servers",
    ]


def test_pagination_custom(cloud: FakeCloud) -> None:
    projects = {
        "projects": [
            {
                "domain_id": "default",
                "enabled": True,
                "id": "263fd9",
                "links": {},
                "name": "Dev Project",
                "is_domain": False,
                "parent_id": "default",
            },
            {
                "domain_id": "default",
                "enabled": True,
                "id": "50ef01",
                "links": {},
                "name": "Test Group",
                "is_domain": False,
                "parent_id": "default",
            },
        ],
        "links": {
            "self": cloud.server.url + "/identity/v3/auth/projects",
            "previous": None,
            "next": None,
        },
    }
    cloud.server.route("GET", "/identity/v3/auth/projects", Reply(200, projects))

    done = cloud.run("pagination_custom")

    (listing,) = cloud.server.received("GET", "/identity/v3/auth/projects")
    assert listing.headers["X-Auth-Token"] == cloud.issued[0]
    assert done.stdout.splitlines() == ["263fd9 Dev Project", "50ef01 Test Group"]
