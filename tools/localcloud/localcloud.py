#!/usr/bin/env python3
"""localcloud: a real, pinned OpenStack cloud on 127.0.0.1 for oscloud's acceptance tests.

    python3 tools/localcloud/localcloud.py up|down|status [--state-dir DIR]

Keystone, Swift, Nova (fake virt driver) + Placement + Glance, Cinder (fake volume
driver), from PyPI packages pinned in constraints.txt, installed into one venv in
the state dir; PostgreSQL and RabbitMQ from Debian packages, as private instances;
and a small Neutron STAND-IN (stub_network.py), not Neutron. See README.md.

This script uses the standard library only and does not depend on oscloud.
"""

import argparse
import base64
import json
import os
import pwd
import secrets
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import contextlib

import lc_cloud as cloud
import lc_host as host
from lc_host import HERE, LaunchError

RABBIT_NODE = "localcloud@localhost"
WSGI_APIS = {  # name: (module, environment)
    "keystone": ("keystone.wsgi.api", "OS_KEYSTONE_CONFIG_DIR"),
    "placement": ("placement.wsgi.api", "OS_PLACEMENT_CONFIG_DIR"),
    "glance": ("glance.wsgi.api", "OS_GLANCE_CONFIG_DIR"),
    "nova-api": ("nova.wsgi.osapi_compute", "OS_NOVA_CONFIG_DIR"),
    "cinder-api": ("cinder.wsgi.api", None),
}
# Every process `up` starts, i.e. what `status` and the "already up" check look at.
PROCESSES = [
    "postgresql",
    "epmd",
    "rabbitmq",
    "keystone",
    "neutron-stand-in",
    "swift-logsink",
    "swift-account",
    "swift-container",
    "swift-object",
    "swift-container-updater",
    "swift-proxy",
    "placement",
    "glance",
    "cinder-api",
    "cinder-scheduler",
    "cinder-volume",
    "nova-conductor",
    "nova-scheduler",
    "nova-compute",
    "nova-api",
]
HEALTH_PATHS = {
    "keystone": "/v3",
    "placement": "/",
    "glance": "/versions",
    "nova-api": "/",
    "cinder-api": "/",
    "neutron-stand-in": "/",
    "swift-proxy": "/healthcheck",
    "swift-account": "/healthcheck",
    "swift-container": "/healthcheck",
    "swift-object": "/healthcheck",
}


class Launcher:
    def __init__(self, state):
        self.state = state
        self.t0 = time.monotonic()
        self.aborting = threading.Event()

    def log(self, message):
        print(f"[{time.monotonic() - self.t0:5.1f}s] {message}", flush=True)

    # ------------------------------------------------------------ helpers

    def spawn(self, name, argv, env=None):
        if self.aborting.is_set():
            raise LaunchError("aborted")
        return host.spawn(self.state, name, argv, env=env)

    def run(self, logname, argv, **kw):
        if self.aborting.is_set():
            raise LaunchError("aborted")
        kw.setdefault("env", host.clean_env(self.state))
        host.run_logged(argv, self.state.logs / (logname + ".log"), **kw)

    def wait(self, what, check, timeout, watch=(), interval=0.5):
        """Poll check() until it returns something true; fail fast if a watched process dies."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            for name in watch:
                if not host.is_alive(self.state, name):
                    raise LaunchError(
                        "{} exited while waiting for {} (log: {})".format(
                            name, what, self.state.logs / (name + ".log")
                        )
                    )
            try:
                result = check()
                if result:
                    return result
            except (OSError, ValueError, LaunchError) as error:
                last = error
            if time.monotonic() > deadline:
                raise LaunchError(
                    "timed out after %d s waiting for %s%s"
                    % (timeout, what, f" (last error: {last})" if last else "")
                )
            time.sleep(interval)

    def wait_http(self, name, timeout=90, ok=(200, 300)):
        path = HEALTH_PATHS[name]
        self.wait(
            f"{name} ({cloud.url(name, path)})",
            lambda: cloud.http("GET", cloud.url(name, path), timeout=5)[0] in ok,
            timeout,
            watch=[name],
        )

    def wait_tcp(self, name, timeout=60):
        def check():
            with socket.create_connection((cloud.HOST, cloud.port(name)), timeout=2):
                return True

        self.wait(
            "%s port %d" % (name, cloud.port(name)), check, timeout, watch=[name], interval=0.2
        )

    def conf(self, service, filename=None):
        return self.state.etc / service / (filename or service + ".conf")

    # ------------------------------------------------------ infrastructure

    def start_postgres(self, tools):
        st, pg = self.state, self.state.pg_dir
        user = pwd.getpwnam("postgres")
        pg.mkdir(parents=True, exist_ok=True)
        os.chown(pg, user.pw_uid, user.pw_gid)
        pg.chmod(0o755)
        pglog = st.logs / "postgresql.log"
        pglog.touch()
        os.chown(pglog, user.pw_uid, user.pw_gid)
        as_postgres = ["runuser", "-u", "postgres", "--"]
        self.run(
            "postgresql-setup",
            [
                *as_postgres,
                tools.pg("initdb"),
                "-D",
                pg / "data",
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            cwd=str(pg),
        )
        options = (
            "-c listen_addresses=%s -p %d -k %s -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200"
            % (cloud.HOST, cloud.port("postgresql"), pg)
        )
        self.run(
            "postgresql-setup",
            [
                *as_postgres,
                tools.pg("pg_ctl"),
                "-D",
                pg / "data",
                "-w",
                "-t",
                "60",
                "-l",
                pglog,
                "-o",
                options,
                "start",
            ],
            cwd=str(pg),
            timeout=90,
        )
        pid = int((pg / "data" / "postmaster.pid").read_text().split()[0])
        host.record_pid(st, "postgresql", pid)
        psql = [
            tools.pg("psql"),
            "-h",
            cloud.HOST,
            "-p",
            cloud.port("postgresql"),
            "-U",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-q",
        ]
        for db in cloud.DATABASES:
            psql += ["-c", f"CREATE DATABASE {db}"]
        self.run("postgresql-setup", psql)

    def rabbit_env(self):
        st = self.state
        base = st.data / "rabbitmq"
        erl_args = "-kernel inet_dist_use_interface {127,0,0,1}"
        return host.clean_env(
            st,
            HOME=str(base / "home"),
            RABBITMQ_NODENAME=RABBIT_NODE,
            RABBITMQ_NODE_IP_ADDRESS=cloud.HOST,
            RABBITMQ_NODE_PORT=str(cloud.port("rabbitmq")),
            RABBITMQ_DIST_PORT=str(cloud.port("rabbitmq-dist")),
            RABBITMQ_MNESIA_BASE=str(base / "mnesia"),
            RABBITMQ_LOG_BASE=str(st.logs),
            RABBITMQ_LOGS=str(st.logs / "rabbitmq-node.log"),
            RABBITMQ_PID_FILE=str(base / "rabbitmq.pid"),
            RABBITMQ_CONFIG_FILE=str(st.etc / "rabbitmq" / "rabbitmq.conf"),
            RABBITMQ_ADVANCED_CONFIG_FILE=str(st.etc / "rabbitmq" / "advanced.config"),
            RABBITMQ_CONF_ENV_FILE=str(st.etc / "rabbitmq" / "rabbitmq-env.conf"),
            RABBITMQ_ENABLED_PLUGINS_FILE=str(st.etc / "rabbitmq" / "enabled_plugins"),
            ERL_EPMD_PORT=str(cloud.port("epmd")),
            ERL_EPMD_ADDRESS=cloud.HOST,
            RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=erl_args,
            RABBITMQ_CTL_DIST_PORT_MIN=str(cloud.RABBITMQCTL_PORTS[0]),
            RABBITMQ_CTL_DIST_PORT_MAX=str(cloud.RABBITMQCTL_PORTS[1]),
            RABBITMQ_CTL_ERL_ARGS=erl_args,
        )

    def start_rabbitmq(self, tools):
        """Private node; epmd started here so that its pid is ours to stop."""
        home = self.state.data / "rabbitmq" / "home"
        home.mkdir(parents=True, exist_ok=True)
        cookie = home / ".erlang.cookie"
        cookie.write_text(secrets.token_hex(10).upper())
        cookie.chmod(0o400)
        env = self.rabbit_env()
        self.spawn(
            "epmd", [tools.epmd, "-port", cloud.port("epmd"), "-address", cloud.HOST], env=env
        )
        self.wait_tcp("epmd", timeout=20)
        self.spawn("rabbitmq", [tools.rabbitmq_server], env=env)
        self.wait_tcp("rabbitmq", timeout=90)

    # ---------------------------------------------------------- OpenStack

    def keystone_setup(self):
        manage = [self.state.bin("keystone-manage"), "--config-file", self.conf("keystone")]
        # What `keystone-manage fernet_setup` / `credential_setup` write (a staged key 0
        # and a primary key 1), without two more keystone-manage start-ups.
        for repository in ("fernet-keys", "credential-keys"):
            directory = self.state.data / "keystone" / repository
            directory.mkdir(parents=True, mode=0o700)
            for index in ("0", "1"):
                key = directory / index
                key.write_bytes(base64.urlsafe_b64encode(os.urandom(32)))
                key.chmod(0o600)
        self.run("keystone-manage", [*manage, "db_sync"], timeout=300)
        self.run(
            "keystone-manage",
            [
                *manage,
                "bootstrap",
                "--bootstrap-password",
                cloud.ADMIN["password"],
                "--bootstrap-username",
                "admin",
                "--bootstrap-project-name",
                "admin",
                "--bootstrap-role-name",
                "admin",
                "--bootstrap-service-name",
                "keystone",
                "--bootstrap-region-id",
                cloud.REGION,
                "--bootstrap-admin-url",
                cloud.IDENTITY_URL,
                "--bootstrap-internal-url",
                cloud.IDENTITY_URL,
                "--bootstrap-public-url",
                cloud.IDENTITY_URL,
            ],
        )

    def nova_db_sync(self):
        """api_db sync, map_cell0, create_cell cell1, db sync: one process (nova_setup.py)."""
        self.run(
            "nova-manage",
            [
                self.state.bin("python"),
                HERE / "nova_setup.py",
                self.conf("nova"),
                cloud.DB_URL + "/nova_cell0",
            ],
            timeout=600,
        )

    def other_db_sync(self):
        st = self.state
        self.run(
            "placement-manage",
            [st.bin("placement-manage"), "--config-file", self.conf("placement"), "db", "sync"],
            timeout=300,
        )
        self.run(
            "cinder-manage",
            [st.bin("cinder-manage"), "--config-file", self.conf("cinder"), "db", "sync"],
            timeout=300,
        )
        self.run(
            "glance-manage",
            [
                st.bin("glance-manage"),
                "--config-file",
                self.conf("glance", "glance-api.conf"),
                "db_sync",
            ],
            timeout=300,
        )

    def spawn_wsgi(self, name):
        """gunicorn, one worker, through localcloud_wsgi (which hides gunicorn's argv)."""
        module, config_env = WSGI_APIS[name]
        env = host.clean_env(self.state, LOCALCLOUD_WSGI_MODULE=module)
        if config_env:
            env[config_env] = str(self.state.etc / name.split("-")[0])
        if name == "keystone":
            env["OS_KEYSTONE_CONFIG_FILES"] = "keystone.conf"
        if name == "nova-api":
            env["OS_NOVA_CONFIG_FILES"] = "api-paste.ini;nova.conf"  # the first is the paste file
        if name == "cinder-api":
            env["LOCALCLOUD_WSGI_ARGV"] = json.dumps(
                [
                    "--config-file",
                    str(self.conf("cinder")),
                    "--log-file",
                    str(self.state.logs / "cinder-api.log"),
                ]
            )
        self.spawn(
            name,
            [
                self.state.bin("gunicorn"),
                "--bind",
                "%s:%d" % (cloud.HOST, cloud.port(name)),
                "--workers",
                "1",
                "--threads",
                "4",
                "--timeout",
                "120",
                "--graceful-timeout",
                "3",
                "--keep-alive",
                "120",
                "--no-control-socket",
                "--name",
                "localcloud-" + name,
                "--access-logfile",
                "-",
                "--pythonpath",
                str(HERE),
                "localcloud_wsgi:application",
            ],
            env=env,
        )

    def spawn_console(self, name, service):
        self.spawn(name, [self.state.bin(name), "--config-file", self.conf(service)])

    def start_swift(self):
        st = self.state
        self.spawn(
            "swift-logsink",
            [
                sys.executable,
                HERE / "swift_logsink.py",
                cloud.port("swift-logsink"),
                st.logs / "swift.log",
            ],
        )
        run = [st.bin("python"), HERE / "swift_run.py", st.etc / "swift", "run"]
        for kind, module in (
            ("account", "swift.account.server"),
            ("container", "swift.container.server"),
            ("object", "swift.obj.server"),
        ):
            self.spawn("swift-" + kind, [*run, module, st.etc / "swift" / (kind + "-server.conf")])
        self.spawn(
            "swift-container-updater",
            [*run, "swift.container.updater", st.etc / "swift" / "container-server.conf"],
        )
        self.spawn(
            "swift-proxy", [*run, "swift.proxy.server", st.etc / "swift" / "proxy-server.conf"]
        )

    # ---------------------------------------------------------- readiness

    def wait_compute(self, admin_token):
        """`nova-manage cell_v2 discover_hosts` (every 5 s once nova-compute has registered)
        until /os-hypervisors lists the compute. (nova-scheduler's own periodic discovery
        was not seen to map it within 10 s.)"""
        last_discover = [0.0]

        def nova(path):
            return cloud.api("GET", cloud.url("nova-api", "/v2.1" + path), token=admin_token)

        def check():
            if nova("/os-hypervisors")["hypervisors"]:
                return True
            registered = nova("/os-services?binary=nova-compute")["services"]
            if registered and time.monotonic() - last_discover[0] >= 5:
                self.run(
                    "nova-manage",
                    [
                        self.state.bin("nova-manage"),
                        "--config-file",
                        self.conf("nova"),
                        "cell_v2",
                        "discover_hosts",
                    ],
                )
                last_discover[0] = time.monotonic()
            return False

        self.wait(
            "the compute host to be mapped (/os-hypervisors)",
            check,
            150,
            interval=1,
            watch=["nova-compute", "nova-conductor", "nova-scheduler", "nova-api"],
        )

    def wait_cinder(self, admin_token, admin_project):
        base = cloud.url("cinder-api", f"/v3/{admin_project}")

        def check():
            services = cloud.api("GET", base + "/os-services", token=admin_token)["services"]
            up = {s["binary"] for s in services if s["state"] == "up"}
            if not {"cinder-scheduler", "cinder-volume"} <= up:
                return False
            return cloud.api("GET", base + "/scheduler-stats/get_pools", token=admin_token)["pools"]

        self.wait(
            "Cinder scheduler + volume up and a pool reported (get_pools)",
            check,
            150,
            interval=1,
            watch=["cinder-api", "cinder-scheduler", "cinder-volume"],
        )

    def wait_swift(self, project_tokens):
        for name in ("swift-account", "swift-container", "swift-object", "swift-proxy"):
            self.wait_http(name, timeout=60)
        for project_id, tok in project_tokens:
            account = cloud.url("swift-proxy", f"/v1/AUTH_{project_id}")
            self.wait(
                "an authenticated HEAD of " + account,
                lambda account=account, tok=tok: (
                    cloud.http("HEAD", account, token=tok)[0] in (200, 204)
                ),
                60,
                watch=["swift-proxy"],
            )

    # --------------------------------------------------------------- up

    def bring_up(self, tools):
        pool = ThreadPoolExecutor(max_workers=4)
        try:
            return self._bring_up(tools, pool)
        except BaseException:
            self.aborting.set()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _bring_up(self, tools, pool):
        st = self.state
        xattrs_ok = host.mount_data(st)
        self.log(
            "data on %s" % ("tmpfs" if host.our_mounts(st) else "disk")
            + ("" if xattrs_ok else "; Swift metadata capped at 2048 bytes (no xattr room)")
        )
        cloud.write_configs(st, xattrs_ok)
        rabbit = pool.submit(self.start_rabbitmq, tools)
        rings = pool.submit(
            self.run,
            "swift-rings",
            [
                st.bin("python"),
                HERE / "swift_run.py",
                st.etc / "swift",
                "rings",
                "d1",
                cloud.port("swift-account"),
                cloud.port("swift-container"),
                cloud.port("swift-object"),
            ],
        )
        self.start_postgres(tools)
        self.log("PostgreSQL up, databases created")

        nova_db = pool.submit(self.nova_db_sync)
        self.keystone_setup()
        self.spawn_wsgi("keystone")
        other_db = pool.submit(self.other_db_sync)
        self.wait_http("keystone")
        admin_token = cloud.token(cloud.ADMIN)[0]
        projects = cloud.register(admin_token)
        self.log("Keystone up; projects, users and catalog registered")

        self.spawn(
            "neutron-stand-in",
            [sys.executable, HERE / "stub_network.py", cloud.port("neutron-stand-in")],
        )
        rings.result()
        self.start_swift()
        other_db.result()
        for name in ("placement", "glance", "cinder-api"):
            self.spawn_wsgi(name)
        rabbit.result()
        self.log("RabbitMQ up; placement, glance, cinder-api, swift starting")
        self.spawn_console("cinder-scheduler", "cinder")
        self.spawn_console("cinder-volume", "cinder")
        nova_db.result()
        self.spawn_console("nova-conductor", "nova")
        self.spawn_console("nova-scheduler", "nova")
        self.wait_http("placement")
        self.spawn_console("nova-compute", "nova")
        self.spawn_wsgi("nova-api")
        self.log("Nova starting")

        def image():
            self.wait_http("glance")
            return cloud.upload_image(admin_token)

        image_job = pool.submit(image)
        self.wait_http("nova-api", timeout=120)
        flavors = cloud.create_flavors(admin_token)
        self.wait_compute(admin_token)
        self.log("Nova ready: compute mapped, flavors created")
        self.wait_http("cinder-api")
        self.wait_cinder(admin_token, projects["admin"])
        self.log("Cinder ready: volume backend pool reported")
        member_token = cloud.token(cloud.MEMBER)[0]
        self.wait_http("neutron-stand-in")
        self.wait_swift([(projects["admin"], admin_token), (projects["demo"], member_token)])
        self.log("Swift ready")
        info = cloud.write_client_files(st, projects, image_job.result(), flavors)
        info["microversions"] = {
            "compute": next(
                v
                for v in json.loads(cloud.http("GET", cloud.url("nova-api", "/"))[2])["versions"]
                if v["id"] == "v2.1"
            )["version"],
            "volume": max(
                (
                    v
                    for v in json.loads(cloud.http("GET", cloud.url("cinder-api", "/"))[2])[
                        "versions"
                    ]
                    if v["id"].startswith("v3")
                ),
                key=lambda v: v["id"],
            )["version"],
        }
        info["data_on_tmpfs"] = bool(host.our_mounts(st))
        info["swift_max_meta_overall_size"] = 4096 if xattrs_ok else 2048
        cloud.save_cloud_json(st, info)
        return info


# ------------------------------------------------------------------- commands


def health(state, name):
    """True/False for a service with a health check, None for process-only ones."""
    if name in HEALTH_PATHS:
        try:
            return cloud.http("GET", cloud.url(name, HEALTH_PATHS[name]), timeout=3)[0] < 500
        except OSError:
            return False
    if name in ("postgresql", "rabbitmq", "epmd"):
        try:
            with socket.create_connection((cloud.HOST, cloud.port(name)), timeout=2):
                return True
        except OSError:
            return False
    return None


def is_up(state):
    ready = state.run / "ready.json"
    if not ready.exists():
        return False
    return all(host.is_alive(state, n) and health(state, n) is not False for n in PROCESSES)


def print_summary(state):
    print(
        "  clouds.yaml: %s  (clouds oscloud-admin, oscloud-member)" % (state.root / "clouds.yaml")
    )
    print("  env files:   {}, {}".format(state.root / "admin.env", state.root / "member.env"))
    print("  cloud.json:  %s" % (state.root / "cloud.json"))
    print(f"  logs:        {state.logs}")
    print(f"  identity:    {cloud.IDENTITY_URL}")


def print_logs(state):
    for path in sorted(state.logs.glob("*.log")) if state.logs.is_dir() else []:
        if path.stat().st_size:
            print(f"==> {path} (last 20 lines) <==", file=sys.stderr)
            print(host.tail(path, 20), file=sys.stderr)


def cmd_up(state, args):
    launcher = Launcher(state)
    if is_up(state):
        print(f"localcloud is already up (state dir {state.root})")
        print_summary(state)
        return 0
    if host.recorded(state) or host.our_mounts(state):
        print("found a partly running localcloud: stopping it first", flush=True)
        cmd_down(state, args)
    tools, missing = host.preflight()
    state.root.mkdir(parents=True, exist_ok=True)
    state.wipe()
    try:
        tools = host.ensure_host(state, tools, missing)
        busy = host.busy_ports(cloud.PORTS)
        if busy:
            raise LaunchError(
                "ports already in use on 127.0.0.1: {}. Stop whatever holds them "
                "(or a localcloud with another --state-dir) and retry.".format(
                    ", ".join("%d (%s)" % (p, n) for n, p in busy)
                )
            )
        launcher.log("host ready")
        if host.ensure_venv(state):
            launcher.log("services venv installed")
        else:
            launcher.log(f"reusing the services venv {state.venv}")
        launcher.bring_up(tools)
    except (LaunchError, KeyboardInterrupt) as error:
        print("\nlocalcloud up FAILED: %s\n" % (error or "interrupted"), file=sys.stderr)
        print_logs(state)
        if args.keep_on_failure:
            print(
                "\n(--keep-on-failure: processes left running; `down` stops them)", file=sys.stderr
            )
        else:
            print("\nstopping what was started...", file=sys.stderr)
            cmd_down(state, args, quiet=True)
        return 1
    (state.run / "ready.json").write_text(json.dumps({"ready_at": time.time()}))
    launcher.log("localcloud is up")
    print_summary(state)
    return 0


def cmd_down(state, args, quiet=False):
    t0 = time.monotonic()
    table = host.recorded(state)
    if not table and not host.our_mounts(state):
        if not quiet:
            print(f"localcloud is not running (state dir {state.root})")
        return 0
    if os.geteuid() != 0:
        raise LaunchError("localcloud's processes belong to root: run `down` with sudo")
    (state.run / "ready.json").unlink(missing_ok=True)
    tools = host.Tools()
    launcher = Launcher(state)
    infra = {"postgresql", "rabbitmq", "epmd"}

    def stop_rabbitmq():
        if tools.rabbitmqctl and host.is_alive(state, "rabbitmq"):
            with contextlib.suppress(LaunchError):
                host.run_logged(
                    [
                        tools.rabbitmqctl,
                        "-n",
                        RABBIT_NODE,
                        "stop",
                        state.data / "rabbitmq" / "rabbitmq.pid",
                    ],
                    state.logs / "rabbitmqctl.log",
                    env=launcher.rabbit_env(),
                    timeout=30,
                )
        host.stop_sessions(state, ["rabbitmq"], 10)
        host.stop_sessions(state, ["epmd"], 5)  # epmd outlives the node

    def stop_postgres():
        data = state.pg_dir / "data"
        if tools.pg_bin and host.is_alive(state, "postgresql"):
            with contextlib.suppress(LaunchError):
                host.run_logged(
                    [
                        "runuser",
                        "-u",
                        "postgres",
                        "--",
                        tools.pg("pg_ctl"),
                        "-D",
                        data,
                        "-m",
                        "fast",
                        "-w",
                        "-t",
                        "20",
                        "stop",
                    ],
                    state.logs / "postgresql-setup.log",
                    cwd=str(state.pg_dir),
                    timeout=30,
                )
        host.stop_sessions(state, ["postgresql"], 5)

    # The services first, so that their last log lines are not about a vanished database;
    # rabbitmqctl needs a few seconds to start its own Erlang VM, so it starts meanwhile.
    # Whatever ignores SIGTERM for 6 s gets SIGKILL: the next `up` starts from scratch.
    rabbit = threading.Thread(target=stop_rabbitmq)
    rabbit.start()
    killed = host.stop_sessions(state, [n for n in table if n not in infra], 6)
    if killed and not quiet:
        print("  (SIGKILL after 6 s: {})".format(", ".join(killed)))
    stop_postgres()
    rabbit.join()
    host.unmount_data(state)
    if not quiet:
        print("localcloud stopped in %.1f s" % (time.monotonic() - t0))
    return 0


def cmd_status(state, args):
    table = host.recorded(state)
    if not table:
        print(f"localcloud is not running (state dir {state.root})")
        return 3
    ready = (state.run / "ready.json").exists()
    healthy = True
    for name in PROCESSES:
        pid = table.get(name, (None,))[0]
        alive = host.is_alive(state, name)
        ok = health(state, name) if alive else False
        port = cloud.PORTS.get(name, (None,))[0]
        healthy &= alive and ok is not False
        print(
            "  %-24s %-8s %-8s %-7s %s"
            % (
                name,
                pid or "-",
                "running" if alive else "STOPPED",
                {True: "ok", False: "FAILING", None: ""}[ok],
                port or "",
            )
        )
    if ready and healthy:
        print(f"localcloud is up (state dir {state.root})")
        print_summary(state)
        return 0
    print(
        "localcloud is {} (state dir {})".format(
            "starting" if not ready and healthy else "DEGRADED", state.root
        )
    )
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["up", "down", "status"])
    parser.add_argument(
        "--state-dir",
        default=".localcloud",
        help="where the venv, configs, data, logs and client files go (default: ./.localcloud)",
    )
    parser.add_argument(
        "--keep-on-failure",
        action="store_true",
        help="up: leave the processes running when bring-up fails",
    )
    args = parser.parse_args(argv)
    state = host.State(args.state_dir)
    try:
        return {"up": cmd_up, "down": cmd_down, "status": cmd_status}[args.command](state, args)
    except LaunchError as error:
        print(f"localcloud {args.command}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
