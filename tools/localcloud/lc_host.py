"""Host side of localcloud: prerequisites, Debian packages, the services venv,
processes (spawn with setsid, pid files, stop), ports and the Swift tmpfs.

Standard library only: this runs in the launcher process (system python3).
"""

import glob
import hashlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONSTRAINTS = HERE / "constraints.txt"

# What goes into the services venv; every version comes from constraints.txt.
VENV_REQUIREMENTS = [
    "keystone",
    "swift",
    "nova",
    "openstack-placement",
    "glance",
    "cinder",
    "keystonemiddleware",
    "gunicorn",
    "psycopg2-binary",
    "fixtures",  # cinder's fake volume driver imports it
]
VENV_EXECUTABLES = [
    "keystone-manage",
    "nova-manage",
    "nova-conductor",
    "nova-scheduler",
    "nova-compute",
    "placement-manage",
    "glance-manage",
    "cinder-manage",
    "cinder-scheduler",
    "cinder-volume",
    "gunicorn",
]


class LaunchError(Exception):
    """A failure with a message meant for the user."""


# ---------------------------------------------------------------- state dir


class State:
    """Paths inside the state dir (default ./.localcloud)."""

    # Everything `up` wipes before a fresh start (the venv is kept).
    WIPED = ["etc", "logs", "run", "data", "clouds.yaml", "admin.env", "member.env", "cloud.json"]

    def __init__(self, root):
        self.root = Path(root).resolve()
        self.venv = self.root / "venv"
        self.etc = self.root / "etc"
        self.logs = self.root / "logs"
        self.run = self.root / "run"
        # The cloud's data (databases, broker, keys, images, Swift device): a tmpfs when
        # it can be mounted; gone after `down` (logs stay).
        self.data = self.root / "data"
        self.swift_devices = self.data / "swift" / "devices"
        self.procs = {}  # name -> Popen, for processes started by this launcher run

    def bin(self, name):
        return str(self.venv / "bin" / name)

    @property
    def pg_dir(self):
        """PostgreSQL runs as user postgres, which must reach its directory.

        In the data dir when every parent is world-searchable, else in a
        per-state-dir directory under the system temp dir.
        """
        if all(os.stat(p).st_mode & 0o001 for p in [self.root, *self.root.parents] if p.exists()):
            return self.data / "pg"
        digest = hashlib.sha1(str(self.root).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / ("localcloud-pg-" + digest)

    def wipe(self):
        unmount_data(self)
        for name in self.WIPED:
            path = self.root / name
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
        if self.pg_dir.exists():
            shutil.rmtree(self.pg_dir)
        for path in (self.etc, self.logs, self.run):
            path.mkdir(parents=True, exist_ok=True)


# ------------------------------------------------------------ prerequisites


class Tools:
    """Host programs localcloud needs, found on PATH or in their Debian places."""

    def __init__(self):
        self.pg_bin = _find_pg_bin()
        self.rabbitmq_server = _first_file(
            "/usr/lib/rabbitmq/bin/rabbitmq-server",
            "/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmq-server",
        )
        self.rabbitmqctl = _first_file(
            "/usr/lib/rabbitmq/bin/rabbitmqctl",
            "/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmqctl",
        )
        self.epmd = shutil.which("epmd") or _first_file("/usr/lib/erlang/erts-*/bin/epmd")

    def pg(self, name):
        return os.path.join(self.pg_bin, name)

    def missing_packages(self):
        missing = []
        if not self.pg_bin:
            missing.append("postgresql")
        if not (self.rabbitmq_server and self.rabbitmqctl and self.epmd):
            missing.append("rabbitmq-server")
        if not _venv_works():
            missing.append("python3-venv" if sys.executable.startswith("/usr/bin/") else None)
        return missing


def _first_file(*patterns):
    for pattern in patterns:
        for path in sorted(glob.glob(pattern), reverse=True):
            if os.access(path, os.X_OK):
                return path
    return None


def _find_pg_bin():
    """initdb, pg_ctl and psql from one installation: PATH, then /usr/lib/postgresql/*/bin."""
    candidates = []
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(os.path.dirname(os.path.realpath(initdb)))
        candidates.append(os.path.dirname(initdb))
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    versions.sort(
        key=lambda p: [int(x) if x.isdigit() else 0 for x in p.split("/")[-2].split(".")],
        reverse=True,
    )
    candidates.extend(versions)
    for directory in candidates:
        if all(
            os.access(os.path.join(directory, n), os.X_OK) for n in ("initdb", "pg_ctl", "psql")
        ):
            return directory
    return None


def _venv_works():
    probe = subprocess.run(
        [sys.executable, "-c", "import venv, ensurepip"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return probe.returncode == 0


def check_python():
    if sys.version_info < (3, 11):
        raise LaunchError(
            "python3 is %d.%d but the services need Python >= 3.11 (keystone 30 does not "
            "install on older versions). Install python3.11 or newer and run this script "
            "with it, e.g. `python3.11 %s up`." % ((*sys.version_info[:2], sys.argv[0]))
        )


def preflight():
    """Check Python, root and the host programs; no side effects. Returns (Tools, missing)."""
    check_python()
    tools = Tools()
    missing = tools.missing_packages()
    if None in missing:
        raise LaunchError(
            f"{sys.executable} cannot create virtualenvs (no venv/ensurepip module): use a "
            "python3 >= 3.11 that has them."
        )
    if os.geteuid() != 0:
        need = (
            " It also needs these Debian packages: apt-get install -y {}.".format(" ".join(missing))
            if missing
            else ""
        )
        raise LaunchError(
            "localcloud must run as root: it runs PostgreSQL as the postgres user, "
            "mounts a tmpfs for Swift and installs missing Debian packages. "
            "Run it with sudo." + need
        )
    if missing and not shutil.which("apt-get"):
        raise LaunchError(
            "missing host software and no apt-get to install it: install the "
            "equivalents of the Debian packages {} (initdb/pg_ctl/psql, "
            "rabbitmq-server/rabbitmqctl/epmd).".format(", ".join(missing))
        )
    for program in ("runuser", "mount", "umount"):
        if not shutil.which(program):
            raise LaunchError(f"`{program}` is missing: apt-get install -y util-linux mount")
    return tools, missing


def ensure_host(state, tools, missing):
    """Install the missing Debian packages (as found by preflight)."""
    if missing:
        apt_install(state, missing)
        tools = Tools()
        still = tools.missing_packages()
        if still:
            raise LaunchError(
                "apt-get installed {} but {} still cannot be found; see {}".format(
                    " ".join(missing), " ".join(map(str, still)), state.logs / "apt.log"
                )
            )
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise LaunchError(
            "there is no `postgres` user (the postgresql Debian package creates "
            "it): apt-get install -y postgresql"
        ) from None
    return tools


def apt_install(state, packages):
    """apt-get update once, then install; policy-rc.d keeps the packages' own daemons down."""
    policy = Path("/usr/sbin/policy-rc.d")
    created = not policy.exists()
    if created:
        policy.write_text("#!/bin/sh\n# localcloud: keep package daemons from starting\nexit 101\n")
        policy.chmod(0o755)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log = state.logs / "apt.log"
    print("  installing Debian packages: {} (log: {})".format(" ".join(packages), log), flush=True)
    try:
        for argv in (
            ["apt-get", "update"],
            ["apt-get", "install", "-y", "--no-install-recommends", *packages],
        ):
            run_logged(argv, log, env=env, timeout=900)
    finally:
        if created:
            policy.unlink()


# --------------------------------------------------------------------- venv


def venv_marker(state):
    return {
        "python": sys.version,
        "constraints_sha256": hashlib.sha256(CONSTRAINTS.read_bytes()).hexdigest(),
        "requirements": VENV_REQUIREMENTS,
        "pip_options": ["--no-compile"],
    }


def venv_is_complete(state):
    marker = state.venv / "localcloud-complete.json"
    try:
        if json.loads(marker.read_text()) != venv_marker(state):
            return False
    except (OSError, ValueError):
        return False
    return all(os.access(state.bin(name), os.X_OK) for name in VENV_EXECUTABLES)


def ensure_venv(state):
    """Create the services venv, or reuse it when it is complete and current."""
    if venv_is_complete(state):
        return False
    if state.venv.exists():
        shutil.rmtree(state.venv)
    log = state.logs / "pip.log"
    print(f"  creating the services venv {state.venv} (takes 1-2 minutes; log: {log})", flush=True)
    run_logged([sys.executable, "-m", "venv", str(state.venv)], log, timeout=300)
    env = clean_env(state)
    env.pop("PIP_REQUIRE_VIRTUALENV", None)
    # --no-compile: byte-compiling all ~600 MB (tests included) costs ~45 CPU-seconds; the
    # services compile (and cache) only the modules they import, on first use.
    run_logged(
        [
            state.bin("python"),
            "-m",
            "pip",
            "install",
            "--no-input",
            "--progress-bar",
            "off",
            "--no-compile",
            "-c",
            str(CONSTRAINTS),
            *VENV_REQUIREMENTS,
        ],
        log,
        env=env,
        timeout=1500,
    )
    run_logged([state.bin("python"), "-m", "pip", "check"], log, env=env, timeout=300)
    (state.venv / "localcloud-complete.json").write_text(json.dumps(venv_marker(state)))
    return True


# ---------------------------------------------------------------- processes


def clean_env(state, **extra):
    """The services' environment: no OS_* or PYTHON* from the caller, no proxy for loopback."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("OS_", "PYTHON", "VIRTUAL_ENV"))
    }
    env["PATH"] = "{}:{}".format(state.venv / "bin", env.get("PATH", "/usr/bin:/bin"))
    for key in ("no_proxy", "NO_PROXY"):
        env[key] = ",".join(filter(None, [env.get(key), "127.0.0.1", "localhost"]))
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def run_logged(argv, log, env=None, timeout=600, cwd=None):
    """Run a command to completion, appending its output to `log`; raise on failure."""
    with open(log, "ab") as out:
        out.write(("\n$ {}\n".format(" ".join(map(str, argv)))).encode())
        out.flush()
        started = time.monotonic()
        try:
            proc = subprocess.run(
                list(map(str, argv)),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                timeout=timeout,
                cwd=cwd,
            )
        except subprocess.TimeoutExpired:
            raise LaunchError(
                "`%s` did not finish within %d s (log: %s)"
                % (" ".join(map(str, argv[:3])), timeout, log)
            ) from None
        out.write(
            ("# exit %d after %.1f s\n" % (proc.returncode, time.monotonic() - started)).encode()
        )
    if proc.returncode != 0:
        raise LaunchError(
            "`%s` failed with exit code %d (log: %s):\n%s"
            % (" ".join(map(str, argv[:4])), proc.returncode, log, tail(log, 15))
        )


def start_time(pid):
    """Process start time (clock ticks since boot) from /proc, or None if gone."""
    try:
        stat = Path("/proc/%d/stat" % pid).read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] == "Z":
        return None
    return int(fields[19])


def spawn(state, name, argv, env=None, log=None):
    """Start a service in its own session, output to logs/NAME.log, pid in run/NAME.pid."""
    log = log or state.logs / (name + ".log")
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            list(map(str, argv)),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env or clean_env(state),
            cwd=str(state.root),
            start_new_session=True,
        )
    record_pid(state, name, proc.pid)
    state.procs[name] = proc
    return proc


def record_pid(state, name, pid):
    (state.run / (name + ".pid")).write_text("%d %s\n" % (pid, start_time(pid)))


def recorded(state):
    """{name: (pid, start_time)} from run/*.pid."""
    result = {}
    for path in sorted(state.run.glob("*.pid")) if state.run.is_dir() else []:
        try:
            pid, start = path.read_text().split()
            result[path.stem] = (int(pid), int(start) if start != "None" else None)
        except (OSError, ValueError):
            continue
    return result


def is_alive(state, name):
    proc = state.procs.get(name)
    if proc is not None:
        return proc.poll() is None
    entry = recorded(state).get(name)
    return bool(entry) and entry[1] is not None and start_time(entry[0]) == entry[1]


def session_members(pid, leader_start):
    """Live processes of the session `pid` started (setsid), no older than its leader."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z":  # exited; init reaps it (slowly, on some machines)
            continue
        if int(fields[3]) == pid and (leader_start is None or int(fields[19]) >= leader_start):
            members.append(int(entry))
    return members


def stop_sessions(state, names, timeout):
    """TERM every process of the given services' sessions, wait, then KILL what is left."""
    targets = {}
    table = recorded(state)
    for name in names:
        if name in table:
            pid, start = table[name]
            targets[name] = (pid, start)

    def signal_all(sig):
        alive = 0
        for pid, start in targets.values():
            for member in session_members(pid, start):
                try:
                    os.kill(member, sig)
                    alive += 1
                except ProcessLookupError:
                    pass
        return alive

    signal_all(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    killed = []
    while time.monotonic() < deadline:
        _reap(state)
        if not any(session_members(pid, start) for pid, start in targets.values()):
            break
        time.sleep(0.2)
    else:
        killed = sorted(n for n, (pid, start) in targets.items() if session_members(pid, start))
        signal_all(signal.SIGKILL)
        time.sleep(0.3)
        _reap(state)
    for name in targets:
        (state.run / (name + ".pid")).unlink(missing_ok=True)
    return killed


def _reap(state):
    for proc in state.procs.values():
        proc.poll()


def tail(path, lines=20):
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 64 * 1024))
            data = f.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return "    (no log)"
    return "\n".join("    " + line for line in data[-lines:])


# -------------------------------------------------------------------- ports


def busy_ports(ports):
    """[(name, port)] of the TCP ports (and the UDP log sink) already in use on 127.0.0.1."""
    busy = []
    for name, (port, kind) in ports.items():
        sock = socket.socket(
            socket.AF_INET, socket.SOCK_DGRAM if kind == "udp" else socket.SOCK_STREAM
        )
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", port))
        except OSError:
            busy.append((name, port))
        finally:
            sock.close()
    return busy


# ---------------------------------------------------------------- data tmpfs


def mount_data(state):
    """Mount a tmpfs on the data dir; returns whether Swift can keep large metadata there.

    tmpfs (kernel >= 6.6) holds Swift's metadata xattrs; on ext4 (~4 KiB of xattrs per
    inode) large metadata turns into 507s and then 503s for a minute, so the caller caps
    metadata when the probe fails. A tmpfs also makes wiping instant.
    """
    state.data.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4g,mode=0755", "localcloud-data", str(state.data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    probe = state.data / ".xattr-probe"
    try:
        probe.write_bytes(b"")
        for i in range(40):  # ~10 KiB in 254-byte chunks, the way Swift stores metadata
            os.setxattr(probe, "user.probe%d" % i, b"x" * 254)
        return True
    except OSError:
        return False
    finally:
        probe.unlink(missing_ok=True)


def our_mounts(state):
    mounts = []
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            target = line.split()[1].replace("\\040", " ")
            if target == str(state.data) or target.startswith(str(state.data) + "/"):
                mounts.append(target)
    except OSError:
        pass
    return mounts


def unmount_data(state):
    for target in sorted(our_mounts(state), reverse=True):
        if subprocess.run(["umount", target], stderr=subprocess.DEVNULL).returncode != 0:
            subprocess.run(["umount", "-l", target], stderr=subprocess.DEVNULL)
