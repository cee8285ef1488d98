"""Run every scenario and write the table: ``python -m benchmarks [--quick]``.

Prints a Markdown table and writes it to ``benchmarks/results/latest.md``, with every
measurement and the summary in ``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks import report, scenarios, swift_report, swift_scenarios
from benchmarks.clients import Calls
from benchmarks.processes import ROOT, FakeCloud

RESULTS = ROOT / "benchmarks" / "results"


def _progress(started: float) -> scenarios.Progress:
    def say(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    return say


def measure(
    plan: scenarios.Plan,
    swift_plan: swift_scenarios.SwiftPlan,
    calls: Calls,
    parts: tuple[str, ...],
    folder: Path,
    progress: scenarios.Progress,
) -> dict[str, Any]:
    raw: dict[str, Any] = {"plan": asdict(plan), "swift_plan": asdict(swift_plan)}
    if "compute" in parts:
        raw["imports"] = scenarios.measure_imports(plan, progress)
    with FakeCloud() as cloud:
        if "compute" in parts or "volumes" in parts:
            _measure_compute(raw, cloud, plan, calls, parts, progress)
        if "swift" in parts:
            raw["swift"] = swift_scenarios.measure(cloud, swift_plan, folder, progress)
    return raw


def _measure_compute(
    raw: dict[str, Any],
    cloud: FakeCloud,
    plan: scenarios.Plan,
    calls: Calls,
    parts: tuple[str, ...],
    progress: scenarios.Progress,
) -> None:
    if "compute" in parts:
        raw["cold"] = scenarios.measure_cold(cloud, calls, plan, progress)
    workers = scenarios.start_workers(cloud, calls)
    try:
        if "compute" in parts:
            raw["cpu"] = scenarios.measure_cpu(workers, plan, progress)
            raw["threads"] = scenarios.measure_threads(workers, plan, progress)
            raw["listing"] = scenarios.measure_listing(workers, cloud, plan, progress)
        if "volumes" in parts:
            raw["volume_listing"] = scenarios.measure_volume_listing(workers, cloud, plan, progress)
    finally:
        for worker in workers.values():
            worker.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smoke run (under a minute)")
    parser.add_argument(
        "--without-servers",
        action="store_true",
        help="measure tokens.get and a Pager even when oscloud has the compute servers package",
    )
    parser.add_argument(
        "--only",
        choices=("compute", "swift", "volumes"),
        help=(
            "run only scenarios a to e (compute), only f to h (object storage) or only i "
            "(listing block storage volumes)"
        ),
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write results")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    started = time.monotonic()
    plan = scenarios.QUICK if args.quick else scenarios.FULL
    swift_plan = swift_scenarios.QUICK if args.quick else swift_scenarios.FULL
    calls = Calls.detect(without_servers=args.without_servers)
    parts = (args.only,) if args.only else ("compute", "swift", "volumes")
    args.output.mkdir(parents=True, exist_ok=True)
    raw = measure(plan, swift_plan, calls, parts, args.output, _progress(started))
    raw["environment"] = report.environment(calls, args.quick)
    rows, raw["summary"] = report.summarize(raw)
    notes: list[str] = []
    if "swift" in raw:
        swift_rows, raw["summary"]["swift"] = swift_report.summarize(
            raw["swift"], swift_plan.object_bytes
        )
        rows += swift_rows
        notes += swift_report.notes(raw["summary"]["swift"], swift_plan.object_bytes)
    if "volume_listing" in raw:
        volume_rows, raw["summary"]["volumes"], volume_notes = report.volume_rows(
            raw["volume_listing"]
        )
        rows += volume_rows
        notes += volume_notes
    text = report.markdown(rows, raw, notes)
    (args.output / "latest.md").write_text(text, encoding="utf-8")
    (args.output / "latest.json").write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    print(text)
    print(f"took {time.monotonic() - started:.0f} s; written to {args.output}", file=sys.stderr)
    missed = [row.scenario for row in rows if row.result != "PASS"]
    return 1 if args.strict and missed else 0
