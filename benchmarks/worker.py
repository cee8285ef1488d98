"""One client in a process of its own, measured from the inside.

``python -m benchmarks.worker --client NAME --url URL --op server|token`` (and
``--listing servers|pager``) authenticates, then reads one JSON command per line on
standard input and answers each with one JSON line:

- ``{"cmd": "cpu", "n": N, "warmup": W}``: ``get_one()`` N times after W unmeasured;
  answers the process CPU time (``time.process_time``) and the wall time.
- ``{"cmd": "threads", "threads": T, "n": N}``: T threads share N calls; answers the
  wall time and the number of calls that raised.
- ``{"cmd": "list", "stop_after": K}``: walk the listing (at most K items).
- ``{"cmd": "list_volumes", "stop_after": K}``: the same with block storage volumes.
- ``{"cmd": "quit"}``.

One-shot modes print one JSON line and exit:

- ``--cold``: import, authenticate, make one call; how long that took, in wall time and
  in CPU time of the process (the parent counts the requests the fake cloud saw).
- ``--memory [--stop-after K] [--resource volumes]``: in a fresh process, after one call,
  walk the listing (of servers, or of volumes) and answer how far the resident set grew
  above where it stood before the listing (its peak, not its end).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TextIO

from benchmarks.clients import CLIENT_NAMES, Client, make_client
from benchmarks.memory import PeakRss


def measure_cpu(client: Client, n: int, warmup: int) -> dict[str, Any]:
    for _ in range(warmup):
        client.get_one()
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(n):
        client.get_one()
    return {"n": n, "cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall}


def _hammer(
    client: Client, calls: int, errors: list[BaseException], start: threading.Barrier
) -> None:
    start.wait()
    for _ in range(calls):
        try:
            client.get_one()
        except Exception as exc:  # counted and reported: the target needs zero
            errors.append(exc)


def _run_threads(clients: list[Client], calls: int) -> tuple[float, list[BaseException]]:
    errors: list[BaseException] = []
    start = threading.Barrier(len(clients) + 1)
    threads = [
        threading.Thread(target=_hammer, args=(client, calls, errors, start)) for client in clients
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, errors


def measure_threads(client: Client, threads: int, n: int) -> dict[str, Any]:
    clients = [client.for_thread() for _ in range(threads)]
    _run_threads(clients, 3)  # opens every thread's connection
    gc.collect()
    calls = n // threads
    wall, errors = _run_threads(clients, calls)
    sample = [repr(exc)[:200] for exc in errors[:3]]
    return {"n": calls * threads, "wall_s": wall, "errors": len(errors), "sample": sample}


def _lister(client: Client, resource: str) -> Callable[[int | None], int]:
    return client.list_volumes if resource == "volumes" else client.list_servers


def measure_listing(
    client: Client, stop_after: int | None, resource: str = "servers"
) -> dict[str, Any]:
    walk = _lister(client, resource)
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    items = walk(stop_after)
    return {
        "items": items,
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
    }


def handle(client: Client, command: dict[str, Any]) -> dict[str, Any]:
    kind = command["cmd"]
    if kind == "cpu":
        return measure_cpu(client, command["n"], command["warmup"])
    if kind == "threads":
        return measure_threads(client, command["threads"], command["n"])
    if kind == "list":
        return measure_listing(client, command.get("stop_after"))
    if kind == "list_volumes":
        return measure_listing(client, command.get("stop_after"), "volumes")
    raise ValueError(f"unknown command {kind!r}")


def serve(
    client: Any,
    commands: TextIO,
    answers: TextIO,
    handler: Callable[[Any, dict[str, Any]], dict[str, Any]] = handle,
) -> None:
    for line in commands:
        command = json.loads(line)
        if command["cmd"] == "quit":
            return
        try:
            answer = handler(client, command)
        except Exception as exc:
            answer = {"error": repr(exc)[:500]}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


def cold_start(name: str, url: str, op: str, listing: str) -> dict[str, Any]:
    began, began_cpu = time.perf_counter(), time.process_time()
    client = make_client(name, url, op, listing)
    client.get_one()
    return {
        "seconds": time.perf_counter() - began,
        "cpu_seconds": time.process_time() - began_cpu,
    }


def memory_growth(
    name: str, url: str, op: str, listing: str, stop_after: int | None, resource: str = "servers"
) -> dict[str, Any]:
    client = make_client(name, url, op, listing)
    client.get_one()
    walk = _lister(client, resource)
    if resource == "volumes":
        walk(1)  # the block storage client and its imports, before the measure
    gc.collect()
    with PeakRss() as rss:
        items = walk(stop_after)
    return {"items": items, "peak_growth_bytes": rss.peak - rss.start}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="one benchmarked client")
    parser.add_argument("--client", choices=CLIENT_NAMES, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--op", choices=("server", "token"), required=True)
    parser.add_argument("--listing", choices=("servers", "pager"), default="servers")
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--stop-after", type=int, default=None)
    parser.add_argument("--resource", choices=("servers", "volumes"), default="servers")
    args = parser.parse_args(argv)
    answers = sys.stdout
    sys.stdout = sys.stderr  # whatever a library prints must not mix with the answers
    if args.cold:
        answers.write(json.dumps(cold_start(args.client, args.url, args.op, args.listing)) + "\n")
        return
    if args.memory:
        growth = memory_growth(
            args.client, args.url, args.op, args.listing, args.stop_after, args.resource
        )
        answers.write(json.dumps(growth) + "\n")
        return
    client = make_client(args.client, args.url, args.op, args.listing)
    client.get_one()
    answers.write(json.dumps({"ready": args.client}) + "\n")
    answers.flush()
    serve(client, sys.stdin, answers)


if __name__ == "__main__":
    main()
