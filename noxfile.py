"""Development tasks: `nox` runs lint, typecheck, tests and docs; see README.md."""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.sessions = ["lint", "typecheck", "tests", "docs"]
nox.options.error_on_missing_interpreters = False
nox.options.reuse_existing_virtualenvs = True

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
ROOT = Path(__file__).parent
LOCALCLOUD = ROOT / "tools" / "localcloud" / "localcloud.py"
STATE_DIR = Path(os.environ.get("OSCLOUD_LOCALCLOUD_DIR", ROOT / ".localcloud"))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Unit tests (with coverage) and the docstring examples."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "--cov=oscloud",
        "--cov-report=term",
        "--doctest-modules",
        "src/oscloud",
        "tests/unit",
        *session.posargs,
    )


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python="3.11")
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install(
        "-e", ".", "mypy==2.4.1", "types-requests", "types-python-dateutil", "types-PyYAML"
    )
    session.run("mypy", "--strict", "src/oscloud")


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """Build the documentation; warnings are errors."""
    session.install("-e", ".", "-r", "docs/requirements.txt")
    session.run(
        "sphinx-build", "-W", "--keep-going", "-n", "-b", "html", "docs", "docs/_build/html"
    )


@nox.session(python="3.11")
def acceptance(session: nox.Session) -> None:
    """Bring the local cloud up, run tests/acceptance against it, bring it down.

    `nox -s acceptance -- --keep-cloud` leaves the cloud running afterwards; other
    arguments go to pytest.
    """
    keep = "--keep-cloud" in session.posargs
    pytest_args = [arg for arg in session.posargs if arg != "--keep-cloud"]
    session.install("-e", ".[test]")
    cloud = ["python", str(LOCALCLOUD)]
    state = ["--state-dir", str(STATE_DIR)]
    session.run(*cloud, "up", *state)
    try:
        session.run(
            "pytest",
            "-p",
            "no:cacheprovider",
            "--durations=15",
            "tests/acceptance",
            *pytest_args,
            env={"OSCLOUD_ACCEPTANCE_DIR": str(STATE_DIR)},
        )
    finally:
        if not keep:
            session.run(*cloud, "down", *state)


@nox.session(python="3.11")
def demo(session: nox.Session) -> None:
    """Bring the local cloud up and run examples/tour.py against it as the member user.

    The cloud stays up afterwards (`python3 tools/localcloud/localcloud.py down` ends it).
    """
    session.install("-e", ".")
    session.run("python", str(LOCALCLOUD), "up", "--state-dir", str(STATE_DIR))
    session.run(
        "python",
        "examples/tour.py",
        env={"OS_CLIENT_CONFIG_FILE": str(STATE_DIR / "clouds.yaml"), "OS_CLOUD": "oscloud-member"},
    )


@nox.session(python="3.11")
def benchmarks(session: nox.Session) -> None:
    """Speed and memory against bare requests and openstacksdk; see docs/benchmarks.md."""
    session.install(".", "openstacksdk==4.22.0", "psutil")
    session.run("python", "-m", "benchmarks", *session.posargs)
