"""The benchmark's process tree: the fake cloud, one worker per client, one-shot children."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from benchmarks.clients import Calls

ROOT = Path(__file__).resolve().parent.parent

# Every child reads and writes its bytecode in one cache of the benchmark's own (kept
# between runs, git-ignored), whatever the caller's PYTHONDONTWRITEBYTECODE says: imports
# are measured with warm bytecode for every library alike, and nothing is written into
# the source tree.
PYCACHE = ROOT / "benchmarks" / "results" / "pycache"
CHILD_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(PYCACHE),
}


def _spawn(module: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=CHILD_ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _read_line(stream: IO[str] | None, what: str) -> str:
    line = stream.readline() if stream is not None else ""
    if not line:
        raise RuntimeError(f"{what} exited before answering")
    return line


def _stop(process: subprocess.Popen[str], timeout: float = 10.0) -> None:
    if process.stdin is not None:
        process.stdin.close()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.terminate()
        process.wait(timeout=timeout)
    if process.stdout is not None:
        process.stdout.close()


class FakeCloud:
    """The fake cloud in a child process; ``with FakeCloud() as cloud: cloud.url``."""

    def __init__(self) -> None:
        self._process = _spawn("benchmarks.fake_cloud")
        self.url = _read_line(self._process.stdout, "the fake cloud").split()[1]

    def control(self, action: str, **query: int) -> Any:
        """POST (or GET for ``stats``) to ``/_bench/<action>``; returns the JSON answer."""
        suffix = "&".join(f"{key}={value}" for key, value in query.items())
        url = f"{self.url}/_bench/{action}" + (f"?{suffix}" if suffix else "")
        data = None if action == "stats" else b""
        with urllib.request.urlopen(url, data=data, timeout=30) as response:
            return json.load(response)

    def __enter__(self) -> FakeCloud:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        _stop(self._process)


class Worker:
    """One client in its own process, answering commands (see ``benchmarks.worker``)."""

    module = "benchmarks.worker"

    def __init__(self, client: str, url: str, calls: Calls) -> None:
        self.calls = calls
        self._start(client, url, calls.args())

    def _start(self, client: str, url: str, args: list[str]) -> None:
        self.client = client
        self._process = _spawn(self.module, "--client", client, "--url", url, *args)
        ready = json.loads(_read_line(self._process.stdout, f"the {client} worker"))
        if ready.get("ready") != client:
            raise RuntimeError(f"the {client} worker did not start: {ready}")

    def ask(self, command: dict[str, Any]) -> dict[str, Any]:
        """Send one command and wait for its answer."""
        stdin = self._process.stdin
        assert stdin is not None
        stdin.write(json.dumps(command) + "\n")
        stdin.flush()
        answer: dict[str, Any] = json.loads(_read_line(self._process.stdout, self.client))
        if "error" in answer:
            raise RuntimeError(f"{self.client} failed {command}: {answer['error']}")
        return answer

    def close(self) -> None:
        """Ask the worker to quit and wait for it."""
        stdin = self._process.stdin
        if stdin is not None and not stdin.closed:
            try:
                stdin.write('{"cmd": "quit"}\n')
                stdin.flush()
            except BrokenPipeError:
                pass
        _stop(self._process)


class SwiftWorker(Worker):
    """One client's object storage calls in its own process (``benchmarks.swift_worker``)."""

    module = "benchmarks.swift_worker"

    def __init__(self, client: str, url: str) -> None:  # takes no Calls
        self._start(client, url, [])


def run_python(*args: str, timeout: float = 120.0) -> str:
    """Run ``python <args>`` to completion and return what it printed."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=CHILD_ENV,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def run_child(*args: str, timeout: float = 120.0) -> dict[str, Any]:
    """Run ``python <args>`` to completion and read the JSON line it printed last."""
    answer: dict[str, Any] = json.loads(run_python(*args, timeout=timeout).splitlines()[-1])
    return answer
