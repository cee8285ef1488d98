#!/usr/bin/env python3
"""Set up a development virtualenv and run a nox session, with nothing but python3.

    python3 tools/bootstrap.py            # lint, typecheck, unit tests, docs
    python3 tools/bootstrap.py tests      # the same
    python3 tools/bootstrap.py demo       # a local OpenStack cloud, and the tour against it
    python3 tools/bootstrap.py acceptance # the acceptance tests against that cloud
    python3 tools/bootstrap.py -- -s lint # any nox arguments after --

It creates ``.venv/`` (using ``ensurepip`` when the interpreter has it, or else a pip wheel
fetched from PyPI, so Debian's python3 without python3-venv works), installs nox there,
and runs nox. Every Python 3.10-3.13 that nox can find is tested; with pyenv, all the
installed 3.10-3.13 versions are made visible.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
SUPPORTED = (["3", "10"], ["3", "11"], ["3", "12"], ["3", "13"])
SESSIONS = {
    "tests": [],
    "unit": ["-s", "tests"],
    "acceptance": ["-s", "acceptance"],
    "demo": ["-s", "demo"],
    "benchmarks": ["-s", "benchmarks"],
}


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 10):  # noqa: UP036 - this script may meet an older python3
        print(f"oscloud needs Python 3.10 or newer; this is {sys.version.split()[0]}")
        return 2
    if argv and argv[0] == "--":
        nox_args = argv[1:]
    else:
        command = argv[0] if argv else "tests"
        if command not in SESSIONS:
            print(f"unknown command {command!r}; use one of {', '.join(SESSIONS)} or -- ARGS")
            return 2
        nox_args = SESSIONS[command] + argv[1:]
    ensure_venv()
    run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "nox"])
    return subprocess.call([str(BIN / "python"), "-m", "nox", *nox_args], cwd=ROOT, env=nox_env())


def ensure_venv() -> None:
    if (BIN / "python").exists() and _has_pip():
        return
    try:
        import ensurepip  # noqa: F401

        venv.create(VENV, with_pip=True, clear=True)
    except (ImportError, subprocess.CalledProcessError):
        venv.create(VENV, with_pip=False, clear=True)
        _install_pip_from_pypi()


def _has_pip() -> bool:
    return (
        subprocess.call(
            [str(BIN / "python"), "-m", "pip", "--version"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        == 0
    )


def _install_pip_from_pypi() -> None:
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(u for u in release["urls"] if u["filename"].endswith(".whl"))
    target = VENV / wheel["filename"]
    with urllib.request.urlopen(wheel["url"], timeout=120) as response, target.open("wb") as out:
        shutil.copyfileobj(response, out)
    run([str(BIN / "python"), f"{target}/pip", "install", "--quiet", str(target)])
    target.unlink()


def nox_env() -> dict[str, str]:
    env = dict(os.environ)
    if not shutil.which("pyenv"):
        return env
    found = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True)
    wanted = [v for v in found.stdout.split() if v.split(".")[:2] in SUPPORTED]
    if wanted:
        current = (
            env.get("PYENV_VERSION")
            or subprocess.run(
                ["pyenv", "version-name"], capture_output=True, text=True
            ).stdout.strip()
        )
        first = [v for v in current.split(":") if v]
        env["PYENV_VERSION"] = ":".join(first + [v for v in wanted if v not in first])
    return env


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
