"""The scenarios: each runs the three clients interleaved (A B C, A B C, ...) and keeps
every measurement; medians are taken in ``benchmarks.report``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.clients import CLIENT_NAMES, Calls, has_servers_package
from benchmarks.processes import FakeCloud, Worker, run_child, run_python


@dataclass(frozen=True)
class Plan:
    """How much of each scenario to run."""

    import_reps: int
    cold_reps: int
    cpu_rounds: int
    cpu_calls: dict[str, int]
    thread_rounds: int
    threads: int
    thread_calls: dict[str, int]
    list_rounds: int
    list_sizes: tuple[int, ...]
    list_caps: dict[str, int] = field(default_factory=dict)
    memory: bool = True
    volume_sizes: tuple[int, ...] = (5000, 20000)


def _per_client(oscloud: int, sdk: int) -> dict[str, int]:
    return {"oscloud": oscloud, "requests": oscloud, "openstacksdk": sdk}


# openstacksdk spends 10-20 ms of CPU on each server it builds (docs/benchmarks.md): it
# makes fewer calls and lists only the first items; its rates are per call or per item.
FULL = Plan(
    import_reps=10,
    cold_reps=3,
    cpu_rounds=6,
    cpu_calls=_per_client(500, 20),
    thread_rounds=4,
    threads=8,
    thread_calls=_per_client(800, 48),
    list_rounds=3,
    list_sizes=(5000, 20000),
    list_caps={"openstacksdk": 50},
)
QUICK = Plan(
    import_reps=1,
    cold_reps=1,
    cpu_rounds=2,
    cpu_calls=_per_client(100, 5),
    thread_rounds=1,
    threads=8,
    thread_calls=_per_client(240, 24),
    list_rounds=1,
    list_sizes=(2000, 5000),
    list_caps={"openstacksdk": 10},
    volume_sizes=(2000, 5000),
)

Progress = Callable[[str], None]


# -- a. import time -------------------------------------------------------------------

_IMPORT_PROBE = (
    "import time; cpu, wall = time.process_time(), time.perf_counter(); import {modules}; "
    "print(time.process_time() - cpu, time.perf_counter() - wall)"
)


def import_subjects() -> dict[str, str]:
    subjects = {
        "oscloud": "oscloud, oscloud.openstack",
        "requests": "requests",
        "openstacksdk": "openstack",
    }
    if has_servers_package():
        subjects["oscloud+servers"] = "oscloud, oscloud.openstack.compute.v2.servers"
    return subjects


def _import_seconds(modules: str) -> dict[str, float]:
    cpu, wall = run_python("-c", _IMPORT_PROBE.format(modules=modules)).split()
    return {"cpu_s": float(cpu), "wall_s": float(wall)}


def measure_imports(plan: Plan, progress: Progress) -> dict[str, list[dict[str, float]]]:
    subjects = import_subjects()
    for modules in subjects.values():  # fills the bytecode cache first
        _import_seconds(modules)
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in subjects}
    for rep in range(plan.import_reps):
        progress(f"import time: repetition {rep + 1}/{plan.import_reps}")
        for name, modules in subjects.items():
            samples[name].append(_import_seconds(modules))
    return samples


# -- e. cold start --------------------------------------------------------------------


def measure_cold(cloud: FakeCloud, calls: Calls, plan: Plan, progress: Progress) -> dict[str, Any]:
    results: dict[str, Any] = {
        name: {"seconds": [], "cpu_seconds": [], "requests": []} for name in CLIENT_NAMES
    }
    for rep in range(plan.cold_reps):
        progress(f"cold start: repetition {rep + 1}/{plan.cold_reps}")
        for name in CLIENT_NAMES:
            cloud.control("reset")
            args = ("--client", name, "--url", cloud.url, *calls.args(), "--cold")
            answer = run_child("-m", "benchmarks.worker", *args)
            stats = cloud.control("stats")
            results[name]["seconds"].append(answer["seconds"])
            results[name]["cpu_seconds"].append(answer["cpu_seconds"])
            results[name]["requests"].append(stats["total"])
            results[name]["paths"] = stats["requests"]
    return results


# -- b, c, d: warm clients ------------------------------------------------------------


def start_workers(cloud: FakeCloud, calls: Calls) -> dict[str, Worker]:
    return {name: Worker(name, cloud.url, calls) for name in CLIENT_NAMES}


def _interleave(
    workers: dict[str, Worker],
    rounds: int,
    command: Callable[[str], dict[str, Any]],
    progress: Progress,
    label: str,
) -> dict[str, list[dict[str, Any]]]:
    answers: dict[str, list[dict[str, Any]]] = {name: [] for name in workers}
    for round_ in range(rounds):
        progress(f"{label}: round {round_ + 1}/{rounds}")
        for name, worker in workers.items():
            answers[name].append(worker.ask(command(name)))
    return answers


def measure_cpu(workers: dict[str, Worker], plan: Plan, progress: Progress) -> dict[str, Any]:
    def command(name: str) -> dict[str, Any]:
        calls = plan.cpu_calls[name]
        return {"cmd": "cpu", "n": calls, "warmup": max(calls // 10, 5)}

    return _interleave(workers, plan.cpu_rounds, command, progress, "CPU per call")


def measure_threads(workers: dict[str, Worker], plan: Plan, progress: Progress) -> dict[str, Any]:
    def command(name: str) -> dict[str, Any]:
        return {"cmd": "threads", "threads": plan.threads, "n": plan.thread_calls[name]}

    return _interleave(workers, plan.thread_rounds, command, progress, "threads")


def measure_listing(
    workers: dict[str, Worker], cloud: FakeCloud, plan: Plan, progress: Progress
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, worker in workers.items():  # warm-up: lazy imports, the first page
        worker.ask({"cmd": "list", "stop_after": min(plan.list_caps.get(name, 1000), 1000)})
    for size in plan.list_sizes:
        cloud.control("config", servers=size)
        workers["requests"].ask({"cmd": "list"})  # has the fake cloud render every page

        def command(name: str) -> dict[str, Any]:
            return {"cmd": "list", "stop_after": plan.list_caps.get(name)}

        timed = _interleave(workers, plan.list_rounds, command, progress, f"list {size}")
        memory = _measure_memory(cloud, workers, plan, progress, size) if plan.memory else {}
        results[str(size)] = {"timed": timed, "memory": memory}
    return results


# -- i. block storage volumes ---------------------------------------------------------


def measure_volume_listing(
    workers: dict[str, Worker], cloud: FakeCloud, plan: Plan, progress: Progress
) -> dict[str, Any]:
    """Scenario d for Cinder's ``volumes/detail``: CPU per volume and peak memory, by size."""
    results: dict[str, Any] = {}
    for name, worker in workers.items():  # warm-up: the block storage client, the first page
        cap = min(plan.list_caps.get(name, 1000), 1000)
        worker.ask({"cmd": "list_volumes", "stop_after": cap})
    for size in plan.volume_sizes:
        cloud.control("config", volumes=size)
        workers["requests"].ask({"cmd": "list_volumes"})  # has the fake render every page

        def command(name: str) -> dict[str, Any]:
            return {"cmd": "list_volumes", "stop_after": plan.list_caps.get(name)}

        label = f"list {size} volumes"
        timed = _interleave(workers, plan.list_rounds, command, progress, label)
        memory = (
            _measure_memory(cloud, workers, plan, progress, size, "volumes") if plan.memory else {}
        )
        results[str(size)] = {"timed": timed, "memory": memory}
    return results


def _measure_memory(
    cloud: FakeCloud,
    workers: dict[str, Worker],
    plan: Plan,
    progress: Progress,
    size: int,
    resource: str = "servers",
) -> dict[str, Any]:
    progress(f"list {size} {resource}: peak memory, one fresh process per client")
    memory = {}
    for name in workers:
        args = ["--client", name, "--url", cloud.url, *workers[name].calls.args(), "--memory"]
        args += ["--resource", resource]
        cap = plan.list_caps.get(name)
        if cap is not None:
            args += ["--stop-after", str(cap)]
        memory[name] = run_child("-m", "benchmarks.worker", *args)
    return memory
