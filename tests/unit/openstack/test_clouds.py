"""clouds.yaml and secure.yaml: search order, merging, auth types, TLS and errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from oscloud import Availability, EndpointOpts, InvalidAuthOptionsError, Scope, openstack
from oscloud.openstack.clouds import CloudConfig, load_cloud
from tests.unit.helpers.identity import Keystone
from tests.unit.helpers.server import FakeServer

PASSWORD = "clouds-Sekr1t-password"
APP_SECRET = "clouds-Sekr1t-app-secret"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """An isolated search path: a working directory and a config home inside tmp_path."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    config = tmp_path / "config"
    return {
        "cwd": cwd,
        "user": config / "openstack",
        "environ": {"XDG_CONFIG_HOME": str(config)},
    }


# What Horizon offers for download ("OpenStack clouds.yaml File"), with the password kept
# in secure.yaml.
HORIZON = """\
    # This is a clouds.yaml file, which can be used by OpenStack tools as a source
    # of configuration on how to connect to a cloud.
    clouds:
      openstack:
        auth:
          auth_url: https://keystone.example:5000/v3
          username: "demo"
          project_id: 8d1f0b5a3e3c4ea7a4f6e1c2b3a4d5e6
          project_name: "demo"
          user_domain_name: "Default"
        region_name: "RegionOne"
        interface: "public"
        identity_api_version: 3
    """

HORIZON_APP_CRED = """\
    clouds:
      openstack:
        auth:
          auth_url: https://keystone.example:5000/v3
          application_credential_id: "21dced0fd20347869b93710d2b98aae0"
          application_credential_secret: "clouds-Sekr1t-app-secret"
        region_name: "RegionOne"
        interface: "public"
        identity_api_version: 3
        auth_type: "v3applicationcredential"
    """

# What devstack writes to /etc/openstack/clouds.yaml.
DEVSTACK = """\
    clouds:
      devstack:
        auth:
          auth_url: http://10.0.0.5/identity
          password: clouds-Sekr1t-password
          project_domain_id: default
          project_name: demo
          user_domain_id: default
          username: demo
        identity_api_version: '3'
        region_name: RegionOne
        volume_api_version: '3'
      devstack-system-admin:
        auth:
          auth_url: http://10.0.0.5/identity
          password: clouds-Sekr1t-password
          system_scope: all
          user_domain_id: default
          username: admin
        identity_api_version: '3'
        region_name: RegionOne
    """


def test_horizon_file_with_secure_yaml(home: dict[str, Any]) -> None:
    write(home["user"] / "clouds.yaml", HORIZON)
    write(
        home["user"] / "secure.yaml",
        f"clouds:\n  openstack:\n    auth:\n      password: {PASSWORD}\n",
    )

    cloud = load_cloud("openstack", environ=home["environ"])

    assert isinstance(cloud, CloudConfig)
    assert cloud.name == "openstack"
    assert cloud.source == str(home["user"] / "clouds.yaml")
    assert (cloud.region, cloud.interface, cloud.verify, cloud.cert) == (
        "RegionOne",
        "public",
        True,
        None,
    )
    opts = cloud.auth_options
    assert opts.identity_endpoint == "https://keystone.example:5000/v3"
    assert (opts.username, opts.domain_name, opts.password) == ("demo", "Default", PASSWORD)
    assert opts.scope == Scope(project_id="8d1f0b5a3e3c4ea7a4f6e1c2b3a4d5e6")
    assert PASSWORD not in repr(cloud)


def test_horizon_application_credential(home: dict[str, Any]) -> None:
    write(home["cwd"] / "clouds.yaml", HORIZON_APP_CRED)

    opts = load_cloud("openstack", environ=home["environ"]).auth_options

    assert opts.to_token_v3_create_map() == {
        "auth": {
            "identity": {
                "methods": ["application_credential"],
                "application_credential": {
                    "id": "21dced0fd20347869b93710d2b98aae0",
                    "secret": APP_SECRET,
                },
            }
        }
    }


def test_devstack_file(home: dict[str, Any]) -> None:
    path = write(home["cwd"] / "clouds.yml", DEVSTACK)

    demo = load_cloud("devstack", files=[path])
    admin = load_cloud("devstack-system-admin", files=[path])

    assert demo.auth_options.to_token_v3_create_map()["auth"] == {
        "identity": {
            "methods": ["password"],
            "password": {
                "user": {"name": "demo", "domain": {"id": "default"}, "password": PASSWORD}
            },
        },
        "scope": {"project": {"name": "demo", "domain": {"id": "default"}}},
    }
    assert admin.auth_options.scope == Scope.system_all()
    assert admin.auth_options.identity_endpoint == "http://10.0.0.5/identity"


@pytest.mark.parametrize(
    ("auth_type", "auth", "methods"),
    [
        ("password", {"user_id": "u1", "password": PASSWORD}, ("password",)),
        ("v3password", {"user_id": "u1", "password": PASSWORD}, ("password",)),
        ("token", {"token": "gAAAA-tok", "project_id": "p1"}, ("token",)),
        ("v3token", {"token": "gAAAA-tok"}, ("token",)),
        ("v3totp", {"user_id": "u1", "passcode": "123456"}, ("totp",)),
        (
            "v3multifactor",
            {"user_id": "u1", "password": PASSWORD, "passcode": "1"},
            ("password", "totp"),
        ),
        (
            "v3applicationcredential",
            {"application_credential_id": "ac", "application_credential_secret": APP_SECRET},
            ("application_credential",),
        ),
        (
            "v3applicationcredential",
            {
                "application_credential_name": "monitoring",
                "application_credential_secret": APP_SECRET,
                "user_id": "u1",
            },
            ("application_credential",),
        ),
        (None, {"user_id": "u1", "password": PASSWORD}, ("password",)),
    ],
)
def test_auth_types(
    home: dict[str, Any], auth_type: str | None, auth: dict[str, str], methods: tuple[str, ...]
) -> None:
    lines = ["clouds:", "  c:"]
    if auth_type:
        lines.append(f"    auth_type: {auth_type}")
    lines += ["    auth:", "      auth_url: https://k.example/v3"]
    lines += [f"      {key}: '{value}'" for key, value in auth.items()]
    path = write(home["cwd"] / "clouds.yaml", "\n".join(lines) + "\n")

    opts = load_cloud("c", files=[path]).auth_options

    assert opts.methods == methods
    assert opts.to_token_v3_create_map()["auth"]["identity"]["methods"] == list(methods)


def test_token_auth_type_ignores_user_fields(home: dict[str, Any]) -> None:
    path = write(
        home["cwd"] / "clouds.yaml",
        """\
        clouds:
          c:
            auth_type: token
            auth:
              auth_url: https://k.example/v3
              token: gAAAA-tok
              username: demo
              password: clouds-Sekr1t-password
              project_name: demo
              project_domain_name: Default
        """,
    )

    opts = load_cloud("c", files=[path]).auth_options

    assert (opts.token_id, opts.username, opts.password) == ("gAAAA-tok", None, None)
    assert opts.to_token_v3_create_map()["auth"]["scope"] == {
        "project": {"name": "demo", "domain": {"name": "Default"}}
    }


def test_v2_cloud_without_domains(home: dict[str, Any]) -> None:
    path = write(
        home["cwd"] / "clouds.yaml",
        """\
        clouds:
          legacy:
            auth_type: v2password
            identity_api_version: 2
            auth:
              auth_url: https://k.example:5000/v2.0
              username: demo
              password: clouds-Sekr1t-password
              tenant_name: demo
        """,
    )

    opts = load_cloud("legacy", files=[path]).auth_options

    assert opts.to_token_v2_create_map() == {
        "auth": {
            "passwordCredentials": {"username": "demo", "password": PASSWORD},
            "tenantName": "demo",
        }
    }


@pytest.mark.parametrize(
    ("auth", "user_domain", "project_domain"),
    [
        ({"user_domain_name": "Users", "domain_id": "d"}, {"name": "Users"}, {"id": "d"}),
        ({"project_domain_name": "P", "user_domain_id": "u"}, {"id": "u"}, {"name": "P"}),
        ({"domain_name": "Both"}, {"name": "Both"}, {"name": "Both"}),
        ({"default_domain_id": "default"}, {"id": "default"}, {"id": "default"}),
    ],
)
def test_domain_precedence(
    home: dict[str, Any],
    auth: dict[str, str],
    user_domain: dict[str, str],
    project_domain: dict[str, str],
) -> None:
    lines = ["clouds:", "  c:", "    auth:", "      auth_url: https://k.example/v3"]
    lines += ["      username: demo", f"      password: {PASSWORD}", "      project_name: demo"]
    lines += [f"      {key}: {value}" for key, value in auth.items()]
    path = write(home["cwd"] / "clouds.yaml", "\n".join(lines) + "\n")

    wire = load_cloud("c", files=[path]).auth_options.to_token_v3_create_map()["auth"]

    assert wire["identity"]["password"]["user"]["domain"] == user_domain
    assert wire["scope"] == {"project": {"name": "demo", "domain": project_domain}}


# -- where the files are ------------------------------------------------------------------


def cloud_file(path: Path, cloud: str, region: str) -> Path:
    return write(
        path,
        f"""\
        clouds:
          {cloud}:
            region_name: {region}
            auth:
              auth_url: https://k.example/v3
              token: gAAAA-tok
        """,
    )


def test_search_order(home: dict[str, Any], tmp_path: Path) -> None:
    environ = dict(home["environ"])
    cloud_file(home["user"] / "clouds.yaml", "c", "FromUserConfig")
    assert load_cloud("c", environ=environ).region == "FromUserConfig"

    cloud_file(home["cwd"] / "clouds.yaml", "c", "FromWorkingDirectory")
    assert load_cloud("c", environ=environ).region == "FromWorkingDirectory"

    explicit = cloud_file(tmp_path / "elsewhere" / "mine.yaml", "c", "FromEnvironment")
    environ["OS_CLIENT_CONFIG_FILE"] = str(explicit)
    assert load_cloud("c", environ=environ).region == "FromEnvironment"
    assert load_cloud("c", environ=environ).source == str(explicit)


def test_a_later_file_defines_a_cloud_the_first_does_not(home: dict[str, Any]) -> None:
    cloud_file(home["cwd"] / "clouds.yaml", "first", "One")
    cloud_file(home["user"] / "clouds.yaml", "second", "Two")

    assert load_cloud("second", environ=home["environ"]).region == "Two"


def test_os_cloud_names_the_cloud(home: dict[str, Any]) -> None:
    path = write(
        home["cwd"] / "clouds.yaml",
        """\
        clouds:
          a: {region_name: A, auth: {auth_url: "https://k/v3", token: t}}
          b: {region_name: B, auth: {auth_url: "https://k/v3", token: t}}
        """,
    )
    environ = {**home["environ"], "OS_CLOUD": "b"}

    assert load_cloud(environ=environ).region == "B"
    assert load_cloud("a", environ=environ).region == "A"
    assert load_cloud(files=[path], environ={"OS_CLOUD": "a"}).region == "A"


def test_secure_file_from_the_environment(home: dict[str, Any], tmp_path: Path) -> None:
    write(home["cwd"] / "clouds.yaml", HORIZON)
    secure = write(
        tmp_path / "vault" / "secrets.yaml",
        f"""\
        clouds:
          openstack:
            region_name: RegionTwo
            auth:
              password: {PASSWORD}
        """,
    )

    cloud = load_cloud(
        "openstack", environ={**home["environ"], "OS_CLIENT_SECURE_FILE": str(secure)}
    )

    assert cloud.auth_options.password == PASSWORD
    assert cloud.auth_options.username == "demo"  # merged, not replaced
    assert cloud.region == "RegionTwo"


def test_secure_file_beside_explicit_files(home: dict[str, Any], tmp_path: Path) -> None:
    path = write(tmp_path / "conf" / "clouds.yaml", HORIZON)
    write(
        tmp_path / "conf" / "secure.yml",
        f"clouds:\n  openstack:\n    auth:\n      password: {PASSWORD}\n",
    )

    assert load_cloud("openstack", files=[path]).auth_options.password == PASSWORD


# -- region, interface, TLS ---------------------------------------------------------------


def one_cloud(home: dict[str, Any], settings: str) -> CloudConfig:
    text = "clouds:\n  c:\n    auth: {auth_url: 'https://k/v3', token: t}\n"
    text += textwrap.indent(textwrap.dedent(settings), "    ")
    path = write(home["cwd"] / "clouds.yaml", text)
    return load_cloud("c", files=[path])


def test_regions_list(home: dict[str, Any]) -> None:
    assert one_cloud(home, "regions: [RegionA, RegionB]\n").region == "RegionA"
    assert one_cloud(home, "regions:\n  - name: RegionC\n").region == "RegionC"
    assert one_cloud(home, "").region is None


@pytest.mark.parametrize(
    ("settings", "interface"),
    [("interface: internal\n", "internal"), ("interface: adminURL\n", "admin"), ("", "public")],
)
def test_interface(home: dict[str, Any], settings: str, interface: str) -> None:
    cloud = one_cloud(home, settings)
    assert cloud.interface == interface
    assert cloud.endpoint_opts().availability == Availability(interface)


def test_bad_interface(home: dict[str, Any]) -> None:
    with pytest.raises(InvalidAuthOptionsError, match=r"cloud 'c' \(.*clouds.yaml\): .*'private'"):
        one_cloud(home, "interface: private\n")


def test_endpoint_opts(home: dict[str, Any]) -> None:
    cloud = one_cloud(home, "region_name: RegionOne\ninterface: internal\n")

    assert cloud.endpoint_opts() == EndpointOpts(region="RegionOne", availability="internal")
    assert cloud.endpoint_opts(region="RegionTwo", type="compute") == EndpointOpts(
        type="compute", region="RegionTwo", availability="internal"
    )


@pytest.mark.parametrize(
    ("settings", "options"),
    [
        ("", {"verify": True}),
        ("verify: false\n", {"verify": False}),
        ("verify: true\n", {"verify": True}),
        ("insecure: true\n", {"verify": False}),
        ("cacert: /ca/bundle.pem\n", {"verify": "/ca/bundle.pem"}),
        ("cacert: /ca/bundle.pem\nverify: false\n", {"verify": False}),
        ("cacert: /ca/bundle.pem\ninsecure: true\n", {"verify": False}),
        ("cert: /tls/client.pem\n", {"verify": True, "cert": "/tls/client.pem"}),
        (
            "cert: /tls/client.crt\nkey: /tls/client.key\n",
            {"verify": True, "cert": ("/tls/client.crt", "/tls/client.key")},
        ),
    ],
)
def test_tls_settings(home: dict[str, Any], settings: str, options: dict[str, Any]) -> None:
    assert one_cloud(home, settings).provider_options() == options


# -- errors ----------------------------------------------------------------------------------


def test_no_cloud_named(home: dict[str, Any]) -> None:
    with pytest.raises(InvalidAuthOptionsError, match="pass cloud= or set OS_CLOUD"):
        load_cloud(environ=home["environ"])


def test_no_file_names_the_places_searched(home: dict[str, Any]) -> None:
    with pytest.raises(InvalidAuthOptionsError) as caught:
        load_cloud("c", environ={**home["environ"], "OS_CLIENT_CONFIG_FILE": "/nowhere/c.yaml"})

    message = str(caught.value)
    assert "no clouds.yaml found" in message
    assert "/nowhere/c.yaml" in message
    assert str(home["cwd"] / "clouds.yaml") in message
    assert str(home["user"] / "clouds.yaml") in message
    assert "/etc/openstack/clouds.yaml" in message


def test_unknown_cloud_names_the_files_read_and_the_clouds(home: dict[str, Any]) -> None:
    path = write(home["cwd"] / "clouds.yaml", DEVSTACK)

    with pytest.raises(InvalidAuthOptionsError) as caught:
        load_cloud("prod", environ=home["environ"])

    message = str(caught.value)
    assert f"cloud 'prod' is not defined in {path}" in message
    assert "devstack, devstack-system-admin" in message
    assert PASSWORD not in message


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("clouds: [unclosed\n", "cannot be read as YAML"),
        ("- a list\n", "expected a mapping at the top"),
        ("clouds: [a, b]\n", "'clouds' must be a mapping"),
        ("clouds:\n  c: just a string\n", "cloud 'c' must be a mapping"),
    ],
)
def test_malformed_files(home: dict[str, Any], text: str, complaint: str) -> None:
    path = write(home["cwd"] / "clouds.yaml", text)

    with pytest.raises(InvalidAuthOptionsError, match=complaint) as caught:
        load_cloud("c", files=[path])
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("settings", "complaint"),
    [
        ("auth: {username: demo}\n", r"auth\.auth_url is missing"),
        (
            "auth_type: v3oidcpassword\nauth: {auth_url: 'https://k/v3'}\n",
            "'v3oidcpassword' is not supported",
        ),
        (
            (
                "auth_type: v3totp\n"
                f"auth: {{auth_url: 'https://k/v3', user_id: u, password: {PASSWORD}}}\n"
            ),
            "no credentials",
        ),
        (f"auth: {{auth_url: 'https://k/v3', username: demo, password: {PASSWORD}}}\n", None),
    ],
)
def test_unusable_settings_name_the_cloud(
    home: dict[str, Any], settings: str, complaint: str | None
) -> None:
    path = write(home["cwd"] / "clouds.yaml", "clouds:\n  c:\n" + textwrap.indent(settings, "    "))
    if complaint is None:  # username without domain: fine for v2.0, refused by v3 later
        assert load_cloud("c", files=[path]).auth_options.username == "demo"
        return

    with pytest.raises(InvalidAuthOptionsError, match=complaint) as caught:
        load_cloud("c", files=[path])
    assert f"cloud 'c' ({path})" in str(caught.value)
    assert PASSWORD not in str(caught.value)


def test_settings_the_auth_type_does_not_use_are_ignored(home: dict[str, Any]) -> None:
    path = write(
        home["cwd"] / "clouds.yaml",
        f"""\
        clouds:
          by-type:
            auth_type: v3password
            auth: {{auth_url: 'https://k/v3', user_id: u, password: {PASSWORD}, token: t}}
          inferred:
            auth:
              auth_url: https://k/v3
              user_id: u
              password: {PASSWORD}
              application_credential_id: a
              application_credential_secret: {APP_SECRET}
              project_name: ignored
        """,
    )

    by_type = load_cloud("by-type", files=[path]).auth_options
    inferred = load_cloud("inferred", files=[path]).auth_options

    assert (by_type.methods, by_type.token_id) == (("password",), None)
    assert (inferred.methods, inferred.password, inferred.project_name) == (
        ("application_credential",),
        None,
        None,
    )


# -- use -------------------------------------------------------------------------------------


def test_authenticate_with_a_loaded_cloud(home: dict[str, Any], server: FakeServer) -> None:
    keystone = Keystone(server)
    path = write(
        home["cwd"] / "clouds.yaml",
        f"""\
        clouds:
          local:
            auth:
              auth_url: {server.url}/identity/v3
              username: demo
              password: {PASSWORD}
              project_name: demo
              user_domain_name: Default
              project_domain_id: default
            region_name: RegionOne
            interface: internal
            verify: false
        """,
    )
    cloud = openstack.load_cloud("local", files=[path])

    provider = openstack.authenticated_client(cloud.auth_options, **cloud.provider_options())
    compute = openstack.new_compute_v2(provider, cloud.endpoint_opts())

    assert provider.token == keystone.issued[0]
    assert provider.session.verify is False
    (sent,) = server.requests
    assert sent.json()["auth"]["scope"] == {
        "project": {"name": "demo", "domain": {"id": "default"}}
    }
    assert compute.endpoint == server.url + "/compute/v2.1/"


def test_importing_the_provider_does_not_import_yaml() -> None:
    code = "import sys, oscloud.openstack; assert 'yaml' not in sys.modules; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_multifactor_in_openstacksdk_shape(home: dict[str, Any]) -> None:
    path = write(
        home["cwd"] / "clouds.yaml",
        f"""\
        clouds:
          mfa:
            auth_type: v3multifactor
            auth_methods:
              - v3password
              - v3totp
            auth:
              auth_url: https://k.example/v3
              auth_methods: [v3password, v3totp]
              username: demo
              user_domain_name: Default
              password: {PASSWORD}
              passcode: "012345"
              project_id: p1
        """,
    )

    opts = load_cloud("mfa", files=[path]).auth_options

    assert opts.to_token_v3_create_map()["auth"]["identity"] == {
        "methods": ["password", "totp"],
        "password": {"user": {"name": "demo", "domain": {"name": "Default"}, "password": PASSWORD}},
        "totp": {"user": {"name": "demo", "domain": {"name": "Default"}, "passcode": "012345"}},
    }
    assert not opts.can_reauth
