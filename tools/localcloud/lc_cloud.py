"""Cloud side of localcloud: ports, credentials, config files, REST calls (Keystone
users/projects/catalog, Glance image, Nova flavors) and the files written for clients.

Standard library only: this runs in the launcher process (system python3).
"""

import json
import shutil
import string
import urllib.error
import urllib.request
from pathlib import Path

from lc_host import HERE, LaunchError

HOST = "127.0.0.1"
REGION = "RegionOne"

# name: (port, protocol). API ports are the usual OpenStack ones; the private
# PostgreSQL / RabbitMQ / epmd / log sink ports avoid the system defaults.
PORTS = {
    "keystone": (5000, "tcp"),
    "swift-proxy": (8080, "tcp"),
    "nova-api": (8774, "tcp"),
    "cinder-api": (8776, "tcp"),
    "placement": (8778, "tcp"),
    "glance": (9292, "tcp"),
    "neutron-stand-in": (9696, "tcp"),
    "swift-object": (6200, "tcp"),
    "swift-container": (6201, "tcp"),
    "swift-account": (6202, "tcp"),
    "postgresql": (16432, "tcp"),
    "rabbitmq": (16672, "tcp"),
    "rabbitmq-dist": (16673, "tcp"),
    "epmd": (16369, "tcp"),
    "swift-logsink": (16514, "udp"),
}
RABBITMQCTL_PORTS = (16680, 16689)  # rabbitmqctl's own distribution ports


def port(name):
    return PORTS[name][0]


def url(name, path=""):
    return "http://%s:%d%s" % (HOST, port(name), path)


IDENTITY_URL = url("keystone", "/v3")
ADMIN = {"username": "admin", "password": "localcloud-admin", "project_name": "admin"}
MEMBER = {"username": "demo", "password": "localcloud-demo", "project_name": "demo"}
SERVICE_PASSWORD = "localcloud-service"
SERVICE_USERS = ["nova", "placement", "glance", "cinder", "swift"]
DATABASES = ["keystone", "placement", "glance", "nova_api", "nova_cell0", "nova_cell1", "cinder"]
DB_URL = "postgresql+psycopg2://postgres@%s:%d" % (HOST, port("postgresql"))
TRANSPORT_URL = "rabbit://guest:guest@%s:%d/" % (HOST, port("rabbitmq"))

# (service name, type, endpoint URL): registered for the public, internal and admin interfaces.
CATALOG = [
    ("nova", "compute", url("nova-api", "/v2.1")),
    ("placement", "placement", url("placement")),
    ("glance", "image", url("glance")),
    ("neutron", "network", url("neutron-stand-in")),
    ("cinderv3", "volumev3", url("cinder-api", "/v3/%(project_id)s")),
    ("cinder", "block-storage", url("cinder-api", "/v3/%(project_id)s")),
    ("swift", "object-store", url("swift-proxy", "/v1/AUTH_%(project_id)s")),
]
FLAVORS = [
    {"id": "1", "name": "m1.tiny", "vcpus": 1, "ram": 512, "disk": 1},
    {"id": "2", "name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20},
]
IMAGE_NAME = "cirros-tiny"
IMAGE_BYTES = b"localcloud tiny raw image\n".ljust(1024 * 1024, b"\0")  # 1 MiB, raw


# ------------------------------------------------------------------ configs


def _password_auth(user):
    return "\n".join(
        [
            "auth_type = password",
            f"auth_url = {IDENTITY_URL}",
            "user_domain_name = Default",
            "project_domain_name = Default",
            "project_name = service",
            f"username = {user}",
            f"password = {SERVICE_PASSWORD}",
        ]
    )


def _authtoken(user):
    return f"www_authenticate_uri = {IDENTITY_URL}\n{_password_auth(user)}"


def render(template, target, **values):
    text = string.Template((HERE / "templates" / template).read_text()).substitute(values)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)
    return target


def write_configs(state, swift_xattrs_ok):
    """All service configs under state/etc/<service>/."""
    etc, venv_etc = state.etc, state.venv / "etc"
    common = {
        "data": str(state.data),
        "etc": str(etc),
        "db_url": DB_URL,
        "transport_url": TRANSPORT_URL,
        "image_url": url("glance"),
        "logsink_port": port("swift-logsink"),
    }
    for user in SERVICE_USERS:
        common["authtoken_" + user] = _authtoken(user)
        common["password_auth_" + user] = _password_auth(user)
    render("keystone.conf", etc / "keystone" / "keystone.conf", **common)
    render("placement.conf", etc / "placement" / "placement.conf", **common)
    render("glance-api.conf", etc / "glance" / "glance-api.conf", **common)
    shutil.copy(venv_etc / "glance" / "glance-api-paste.ini", etc / "glance")
    render("nova.conf", etc / "nova" / "nova.conf", **common)
    shutil.copy(venv_etc / "nova" / "api-paste.ini", etc / "nova")
    render("cinder.conf", etc / "cinder" / "cinder.conf", **common)
    for name in ("api-paste.ini", "resource_filters.json"):
        shutil.copy(venv_etc / "cinder" / name, etc / "cinder")
    # On a plain directory, cap metadata so that it fits the filesystem's xattr room.
    constraints = "" if swift_xattrs_ok else "\n[swift-constraints]\nmax_meta_overall_size = 2048\n"
    (state.data / "swift" / "recon").mkdir(parents=True, exist_ok=True)
    (state.swift_devices / "d1").mkdir(parents=True, exist_ok=True)
    render("swift.conf", etc / "swift" / "swift.conf", swift_constraints=constraints)
    for kind in ("account", "container", "object"):
        render(
            "swift-backend.conf",
            etc / "swift" / (f"{kind}-server.conf"),
            kind=kind,
            port=port("swift-" + kind),
            **common,
        )
    render(
        "proxy-server.conf", etc / "swift" / "proxy-server.conf", port=port("swift-proxy"), **common
    )
    render("rabbitmq.conf", etc / "rabbitmq" / "rabbitmq.conf", rabbit_port=port("rabbitmq"))
    (etc / "rabbitmq" / "enabled_plugins").write_text("[].\n")
    (etc / "rabbitmq" / "rabbitmq-env.conf").write_text("")


# --------------------------------------------------------------------- HTTP

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http(method, target, body=None, token=None, headers=None, timeout=15):
    """One request; returns (status, headers, bytes). HTTP errors are returned, not raised."""
    data = body
    hdrs = {"Accept": "application/json"}
    if body is not None and not isinstance(body, bytes):
        data = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    if token:
        hdrs["X-Auth-Token"] = token
    hdrs.update(headers or {})
    request = urllib.request.Request(target, data=data, method=method, headers=hdrs)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def api(method, target, body=None, token=None, expect=(200, 201, 202, 204), **kw):
    status, _headers, data = http(method, target, body, token, **kw)
    if status not in expect:
        raise LaunchError(
            "%s %s -> %d: %s" % (method, target, status, data[:400].decode("utf-8", "replace"))
        )
    return json.loads(data) if data and data.lstrip()[:1] in (b"{", b"[") else {}


def token(creds, timeout=15):
    """(token, token body) for a user scoped to its project (domain Default)."""
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {
                        "name": creds["username"],
                        "domain": {"name": "Default"},
                        "password": creds["password"],
                    }
                },
            },
            "scope": {"project": {"name": creds["project_name"], "domain": {"name": "Default"}}},
        }
    }
    status, headers, data = http("POST", IDENTITY_URL + "/auth/tokens", body, timeout=timeout)
    if status != 201:
        raise LaunchError("token for %s: HTTP %d %s" % (creds["username"], status, data[:300]))
    return headers["X-Subject-Token"], json.loads(data)["token"]


# ---------------------------------------------------------- cloud contents


def register(admin_token):
    """Projects, users, role assignments and the catalog (Keystone was just bootstrapped)."""
    k = IDENTITY_URL
    roles = {r["name"]: r["id"] for r in api("GET", k + "/roles", token=admin_token)["roles"]}
    for name in ("member", "reader", "service"):
        if name not in roles:
            roles[name] = api("POST", k + "/roles", {"role": {"name": name}}, admin_token)["role"][
                "id"
            ]

    def project(name, description):
        existing = api("GET", k + "/projects?domain_id=default&name=" + name, token=admin_token)
        if existing["projects"]:
            return existing["projects"][0]["id"]
        return api(
            "POST",
            k + "/projects",
            {"project": {"name": name, "domain_id": "default", "description": description}},
            admin_token,
        )["project"]["id"]

    def user(name, password, project_id, role_names):
        user_id = api(
            "POST",
            k + "/users",
            {
                "user": {
                    "name": name,
                    "password": password,
                    "domain_id": "default",
                    "default_project_id": project_id,
                    "enabled": True,
                }
            },
            admin_token,
        )["user"]["id"]
        for role in role_names:
            api(
                "PUT",
                f"{k}/projects/{project_id}/users/{user_id}/roles/{roles[role]}",
                token=admin_token,
            )
        return user_id

    ids = {"admin": project("admin", "")}
    ids["service"] = project("service", "localcloud service users")
    ids["demo"] = project(MEMBER["project_name"], "localcloud member project")
    user(MEMBER["username"], MEMBER["password"], ids["demo"], ["member"])
    for name in SERVICE_USERS:
        user(name, SERVICE_PASSWORD, ids["service"], ["admin", "service"])
    for name, kind, endpoint in CATALOG:
        service_id = api(
            "POST",
            k + "/services",
            {"service": {"name": name, "type": kind, "enabled": True}},
            admin_token,
        )["service"]["id"]
        for interface in ("public", "internal", "admin"):
            api(
                "POST",
                k + "/endpoints",
                {
                    "endpoint": {
                        "service_id": service_id,
                        "interface": interface,
                        "url": endpoint,
                        "region_id": REGION,
                        "enabled": True,
                    }
                },
                admin_token,
            )
    return ids


def upload_image(admin_token):
    image = api(
        "POST",
        url("glance", "/v2/images"),
        {
            "name": IMAGE_NAME,
            "disk_format": "raw",
            "container_format": "bare",
            "visibility": "public",
            "min_disk": 0,
            "min_ram": 0,
        },
        admin_token,
    )
    api(
        "PUT",
        url("glance", "/v2/images/{}/file".format(image["id"])),
        IMAGE_BYTES,
        admin_token,
        headers={"Content-Type": "application/octet-stream"},
        timeout=60,
    )
    return {"id": image["id"], "name": IMAGE_NAME, "size": len(IMAGE_BYTES)}


def create_flavors(admin_token):
    for flavor in FLAVORS:
        api("POST", url("nova-api", "/v2.1/flavors"), {"flavor": dict(flavor)}, admin_token)
    return FLAVORS


# ------------------------------------------------------------ client files


def _cloud(creds):
    return {
        "auth_url": IDENTITY_URL,
        "username": creds["username"],
        "password": creds["password"],
        "project_name": creds["project_name"],
        "user_domain_name": "Default",
        "project_domain_name": "Default",
    }


CLOUDS = {"oscloud-admin": ADMIN, "oscloud-member": MEMBER}


def write_client_files(state, project_ids, image, flavors):
    lines = [
        "# Written by tools/localcloud/localcloud.py up: a local test cloud, not for real use.",
        "clouds:",
    ]
    for cloud, creds in CLOUDS.items():
        lines += [f"  {cloud}:", "    auth:"]
        lines += [f"      {k}: {json.dumps(v)}" for k, v in _cloud(creds).items()]
        lines += [
            f"    region_name: {REGION}",
            "    interface: public",
            "    identity_api_version: 3",
        ]
    (state.root / "clouds.yaml").write_text("\n".join(lines) + "\n")

    for filename, creds in (("admin.env", ADMIN), ("member.env", MEMBER)):
        c = _cloud(creds)
        env = [
            ("OS_AUTH_URL", c["auth_url"]),
            ("OS_USERNAME", c["username"]),
            ("OS_PASSWORD", c["password"]),
            ("OS_PROJECT_NAME", c["project_name"]),
            ("OS_USER_DOMAIN_NAME", "Default"),
            ("OS_PROJECT_DOMAIN_NAME", "Default"),
            ("OS_REGION_NAME", REGION),
            ("OS_IDENTITY_API_VERSION", "3"),
            ("OS_INTERFACE", "public"),
        ]
        (state.root / filename).write_text("".join("export {}={}\n".format(*kv) for kv in env))

    endpoints = {"identity": IDENTITY_URL}
    endpoints.update({kind: endpoint for _, kind, endpoint in CATALOG})
    return {
        "region": REGION,
        "auth_url": IDENTITY_URL,
        "clouds": {
            name: dict(
                _cloud(creds),
                region_name=REGION,
                interface="public",
                identity_api_version="3",
                project_id=project_ids[creds["project_name"]],
            )
            for name, creds in CLOUDS.items()
        },
        "projects": project_ids,
        "endpoints": endpoints,
        "ports": {name: p for name, (p, _) in PORTS.items()},
        "image": image,
        "flavors": flavors,
        "files": {
            "clouds_yaml": str(state.root / "clouds.yaml"),
            "admin_env": str(state.root / "admin.env"),
            "member_env": str(state.root / "member.env"),
            "logs": str(state.logs),
        },
    }


def save_cloud_json(state, info):
    (state.root / "cloud.json").write_text(json.dumps(info, indent=2, sort_keys=True) + "\n")
