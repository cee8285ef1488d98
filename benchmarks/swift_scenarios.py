"""The object storage scenarios: upload and download of one large object, a long listing.

Each client works in a process of its own and the harness asks them in turn, round after
round, each round starting with the next client (A B C, B C A, C A B, ...). The objects
to upload are files of the fake's known pattern, written once to the results folder; so
is the file every download is written into, in place. All are deleted at the end. Peak
memory is measured in a fresh process per client and operation.

Writing a download in place, into a file that already has its size, costs the same
copy into the page cache for every client. A new file would need new pages, and in a
virtual machine that hands free memory back to its host (free page reporting) their cost
depends on how long the memory was left free: writing 1 GiB took from 0.3 s to 2.8 s here,
more for a client that writes slowly, for reasons that have nothing to do with it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.clients import CLIENT_NAMES
from benchmarks.fake_swift import write_pattern
from benchmarks.processes import FakeCloud, SwiftWorker, run_child
from benchmarks.scenarios import Progress

MIB = 1024 * 1024
WARMUP_BYTES = MIB
WARMUP_NAME = "warmup.bin"
DOWNLOADED_NAME = "large.bin"


@dataclass(frozen=True)
class SwiftPlan:
    """How much of the object storage scenarios to run.

    ``link_*``: the same transfers again, of a smaller object, with the fake cloud's end
    of the link limited to ``link_rate`` bytes a second (``0``: not run).
    """

    object_bytes: int
    transfer_rounds: int
    list_rounds: int
    list_sizes: tuple[int, ...]
    list_caps: dict[str, int] = field(default_factory=dict)
    memory: bool = True
    link_bytes: int = 0
    link_rate: int = 0
    link_rounds: int = 0


GIGABIT = 125_000_000  # bytes a second

# openstacksdk builds a Resource per listed object, about 1 ms of CPU each: it lists
# only the first objects; its numbers are per object like the others'.
FULL = SwiftPlan(
    object_bytes=1024 * MIB,
    transfer_rounds=5,
    list_rounds=5,
    list_sizes=(50_000, 200_000),
    list_caps={"openstacksdk": 10_000},
    link_bytes=256 * MIB,
    link_rate=GIGABIT,
    link_rounds=3,
)
QUICK = SwiftPlan(
    object_bytes=64 * MIB,
    transfer_rounds=2,
    list_rounds=1,
    list_sizes=(10_000, 20_000),
    list_caps={"openstacksdk": 2_000},
    link_bytes=16 * MIB,
    link_rate=GIGABIT,
    link_rounds=1,
)


@dataclass(frozen=True)
class Files:
    """The files the transfers read (``source``, ``link_source``, ``warmup``) and write."""

    source: Path
    link_source: Path
    warmup: Path
    target: Path


@contextlib.contextmanager
def data_files(folder: Path, plan: SwiftPlan) -> Iterator[Files]:
    """Write the objects to upload, a small one, and the file downloads are written into.

    They are deleted when the block ends, however it ends.
    """
    folder.mkdir(parents=True, exist_ok=True)
    names = ("swift-object.bin", "swift-link-object.bin", "swift-warmup.bin", "swift-download.bin")
    files = Files(*(folder / name for name in names))
    try:
        write_pattern(files.source, plan.object_bytes)
        write_pattern(files.link_source, plan.link_bytes)
        write_pattern(files.warmup, WARMUP_BYTES)
        write_pattern(files.target, plan.object_bytes)
        yield files
    finally:
        for path in (files.source, files.link_source, files.warmup, files.target):
            path.unlink(missing_ok=True)


def measure(cloud: FakeCloud, plan: SwiftPlan, folder: Path, progress: Progress) -> dict[str, Any]:
    """Every object storage measurement, raw."""
    cloud.control("config", object_bytes=plan.object_bytes)
    raw: dict[str, Any] = {}
    with data_files(folder, plan) as files:
        workers = {name: SwiftWorker(name, cloud.url) for name in CLIENT_NAMES}
        try:
            raw["transfers"] = _transfers(workers, plan, files, progress)
            if plan.link_rounds:
                raw["link_transfers"] = _link_transfers(workers, cloud, plan, files, progress)
            raw["listing"] = _listing(workers, cloud, plan, progress)
        finally:
            for worker in workers.values():
                worker.close()
        if plan.memory:
            raw["transfer_memory"] = _transfer_memory(cloud, files, progress)
    return raw


def _transfers(
    workers: dict[str, SwiftWorker], plan: SwiftPlan, files: Files, progress: Progress
) -> dict[str, Any]:
    for worker in workers.values():  # warm-up: lazy imports, the connection
        worker.ask({"cmd": "upload", "file": str(files.warmup), "name": WARMUP_NAME})
        worker.ask({"cmd": "download", "name": WARMUP_NAME, "file": str(files.target)})
    md5 = {"cmd": "md5", "file": str(files.source)}
    workers["requests"].ask(md5)  # reads the file into the page cache
    return _rounds(workers, plan.transfer_rounds, files.source, files, progress, md5=md5)


def _link_transfers(
    workers: dict[str, SwiftWorker],
    cloud: FakeCloud,
    plan: SwiftPlan,
    files: Files,
    progress: Progress,
) -> dict[str, Any]:
    cloud.control("config", object_bytes=plan.link_bytes, link_rate=plan.link_rate)
    try:
        label = f" over a {plan.link_rate * 8 / 1e9:g} Gbit/s link"
        source = files.link_source
        results = _rounds(workers, plan.link_rounds, source, files, progress, label=label)
    finally:
        cloud.control("config", object_bytes=plan.object_bytes, link_rate=0)
    return {**results, "bytes": plan.link_bytes, "rate": plan.link_rate}


def _rounds(
    workers: dict[str, SwiftWorker],
    rounds: int,
    source: Path,
    files: Files,
    progress: Progress,
    *,
    label: str = "",
    md5: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Each round: every client uploads ``source``, then downloads the large object.

    With ``md5``, the requests worker then reads the file and computes its MD5 alone.
    """
    results: dict[str, Any] = {"upload": {}, "download": {}, "md5": []}
    for name in workers:
        results["upload"][name] = []
        results["download"][name] = []
    for round_ in range(rounds):
        progress(f"upload and download{label}: round {round_ + 1}/{rounds}")
        order = _rotated(list(workers), round_)
        for name in order:
            upload = {"cmd": "upload", "file": str(source), "name": f"{name}-{round_}.bin"}
            results["upload"][name].append(workers[name].ask(upload))
        for name in order:
            download = {"cmd": "download", "name": DOWNLOADED_NAME, "file": str(files.target)}
            results["download"][name].append(workers[name].ask(download))
        if md5 is not None:
            results["md5"].append(workers["requests"].ask(md5))
    return results


def _rotated(names: list[str], round_: int) -> list[str]:
    start = round_ % len(names)
    return names[start:] + names[:start]


def _transfer_memory(cloud: FakeCloud, files: Files, progress: Progress) -> dict[str, Any]:
    progress("upload and download: peak memory, one fresh process per client")
    memory: dict[str, Any] = {"upload": {}, "download": {}}
    for name in CLIENT_NAMES:
        common = ["--client", name, "--url", cloud.url, "--warmup-name", WARMUP_NAME]
        memory["upload"][name] = run_child(
            "-m",
            "benchmarks.swift_worker",
            *common,
            *("--memory", "upload", "--file", str(files.source), "--name", f"{name}-memory"),
            *("--warmup-file", str(files.warmup)),
        )
        memory["download"][name] = run_child(
            "-m",
            "benchmarks.swift_worker",
            *common,
            *("--memory", "download", "--file", str(files.target), "--name", DOWNLOADED_NAME),
        )
    return memory


def _listing(
    workers: dict[str, SwiftWorker], cloud: FakeCloud, plan: SwiftPlan, progress: Progress
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for worker in workers.values():  # warm-up: lazy imports, the first page
        worker.ask({"cmd": "list", "stop_after": 1})
    for size in plan.list_sizes:
        cloud.control("config", objects=size)
        workers["requests"].ask({"cmd": "list"})  # has the fake cloud render every page
        timed: dict[str, list[dict[str, Any]]] = {name: [] for name in workers}
        for round_ in range(plan.list_rounds):
            progress(f"list {size:,} objects: round {round_ + 1}/{plan.list_rounds}")
            for name in _rotated(list(workers), round_):
                command = {"cmd": "list", "stop_after": plan.list_caps.get(name)}
                timed[name].append(workers[name].ask(command))
        memory = _listing_memory(cloud, plan, progress, size) if plan.memory else {}
        results[str(size)] = {"timed": timed, "memory": memory}
    return results


def _listing_memory(
    cloud: FakeCloud, plan: SwiftPlan, progress: Progress, size: int
) -> dict[str, Any]:
    progress(f"list {size:,} objects: peak memory, one fresh process per client")
    memory = {}
    for name in CLIENT_NAMES:
        args = ["--client", name, "--url", cloud.url, "--memory", "list"]
        cap = plan.list_caps.get(name)
        if cap is not None:
            args += ["--stop-after", str(cap)]
        memory[name] = run_child("-m", "benchmarks.swift_worker", *args)
    return memory
