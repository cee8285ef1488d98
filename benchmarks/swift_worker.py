"""One client's object storage calls in a process of its own, measured from the inside.

``python -m benchmarks.swift_worker --client NAME --url URL`` authenticates, then reads
one JSON command per line on standard input and answers each with one JSON line (wall
time and process CPU time of the call):

- ``{"cmd": "upload", "file": PATH, "name": NAME}``: upload the file as ``NAME``.
- ``{"cmd": "download", "name": NAME, "file": PATH}``: download ``NAME`` into the file,
  opened for writing in place (``r+b``): the file already has the object's size, so
  writing needs no new pages (see ``benchmarks.swift_scenarios``).
- ``{"cmd": "list", "stop_after": K}``: walk the listed container (at most K objects).
- ``{"cmd": "md5", "file": PATH}``: only read the file and compute its MD5, in 1 MiB
  blocks: what the checksum alone costs.
- ``{"cmd": "quit"}``.

``--memory upload|download|list`` is a one-shot mode: in a fresh process, after one
small call of the same kind (``--warmup-file`` and ``--warmup-name``: a small file, and
the name it was uploaded under; a first listing page), run the command given by
``--file``, ``--name`` and ``--stop-after``, and print how far the resident set grew above
where it stood before (its peak, not its end).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import sys
import time
from typing import Any

from benchmarks.clients import CLIENT_NAMES
from benchmarks.memory import PeakRss
from benchmarks.swift_clients import SwiftClient, make_swift_client
from benchmarks.worker import serve

MD5_BLOCK = 1024 * 1024


def _md5_file(path: str) -> str:
    md5 = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as source:
        while block := source.read(MD5_BLOCK):
            md5.update(block)
    return md5.hexdigest()


def run(client: SwiftClient, command: dict[str, Any]) -> dict[str, Any]:
    """Carry out one command; what it gave back (an ETag, a count of bytes or objects)."""
    kind = command["cmd"]
    if kind == "upload":
        return {"etag": client.upload(command["file"], command["name"])}
    if kind == "download":
        with open(command["file"], "r+b") as sink:
            return {"bytes": client.download(command["name"], sink)}
    if kind == "list":
        return {"items": client.list_objects(command.get("stop_after"))}
    if kind == "md5":
        return {"md5": _md5_file(command["file"])}
    raise ValueError(f"unknown command {kind!r}")


def handle(client: SwiftClient, command: dict[str, Any]) -> dict[str, Any]:
    """Run one command and time it: wall time and this process's CPU time."""
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    answer = run(client, command)
    answer["wall_s"] = time.perf_counter() - wall
    answer["cpu_s"] = time.process_time() - cpu
    return answer


def memory_growth(client: SwiftClient, command: dict[str, Any], warmup: dict[str, Any]) -> Any:
    """The peak growth of the resident set during ``command``, after ``warmup``."""
    run(client, warmup)
    gc.collect()
    with PeakRss() as rss:
        answer = run(client, command)
    answer["start_bytes"] = rss.start
    answer["peak_growth_bytes"] = rss.peak - rss.start
    return answer


def _one_shot(args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    if args.memory == "upload":
        warmup = {"cmd": "upload", "file": args.warmup_file, "name": args.warmup_name}
        return {"cmd": "upload", "file": args.file, "name": args.name}, warmup
    if args.memory == "download":
        warmup = {"cmd": "download", "name": args.warmup_name, "file": args.file}
        return {"cmd": "download", "name": args.name, "file": args.file}, warmup
    return {"cmd": "list", "stop_after": args.stop_after}, {"cmd": "list", "stop_after": 1}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="one benchmarked client's object storage")
    parser.add_argument("--client", choices=CLIENT_NAMES, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--memory", choices=("upload", "download", "list"))
    parser.add_argument("--file")
    parser.add_argument("--name")
    parser.add_argument("--warmup-file")
    parser.add_argument("--warmup-name")
    parser.add_argument("--stop-after", type=int, default=None)
    args = parser.parse_args(argv)
    answers = sys.stdout
    sys.stdout = sys.stderr  # whatever a library prints must not mix with the answers
    client = make_swift_client(args.client, args.url)
    if args.memory:
        command, warmup = _one_shot(args)
        answers.write(json.dumps(memory_growth(client, command, warmup)) + "\n")
        return
    answers.write(json.dumps({"ready": args.client}) + "\n")
    answers.flush()
    serve(client, sys.stdin, answers, handle)


if __name__ == "__main__":
    main()
