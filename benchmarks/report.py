"""From raw measurements to the summary: medians, ratios against bare requests, PASS/FAIL."""

from __future__ import annotations

import datetime as _dt
import os
import platform
import statistics
from dataclasses import asdict, dataclass
from importlib import metadata
from typing import Any

from benchmarks.clients import Calls

MIB = 1024 * 1024

#: Targets for oscloud against bare requests.
IMPORT_MAX = 1.3
CPU_MAX = 1.15
THREADS_MIN = 0.9
LISTING_MAX = 1.5
# Peak growth at the largest listing ÷ at the smallest: one page at a time stays near 1,
# where holding everything would grow with the count (4x from 5,000 to 20,000).
MEMORY_FLAT_MAX = 1.5


@dataclass(frozen=True)
class Row:
    """One line of the table: the three clients' values, the ratio, the target, the verdict."""

    scenario: str
    oscloud: str
    requests: str
    openstacksdk: str
    ratio: str
    target: str
    result: str


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _med(values: list[float]) -> float:
    return statistics.median(values)


def _times(ratio: float) -> str:
    return f"{ratio:.2f}x"


def _paired(ours: list[float], theirs: list[float]) -> float:
    """The median of the ratios of measurements taken side by side (same round)."""
    return _med([a / b for a, b in zip(ours, theirs, strict=True)])


# -- a. import --------------------------------------------------------------------------


def import_row(samples: dict[str, list[dict[str, float]]]) -> tuple[Row, dict[str, Any]]:
    cpu = {name: [v["cpu_s"] * 1000 for v in values] for name, values in samples.items()}
    ms = {name: _med(values) for name, values in cpu.items()}
    ratio = _paired(cpu["oscloud"], cpu["requests"])
    row = Row(
        f"a. import, CPU ms (median of {len(cpu['oscloud'])} fresh processes)",
        f"{ms['oscloud']:.0f}",
        f"{ms['requests']:.0f}",
        f"{ms['openstacksdk']:.0f}",
        _times(ratio),
        f"≤ {IMPORT_MAX}x",
        _verdict(ratio <= IMPORT_MAX),
    )
    wall = {name: _med([v["wall_s"] * 1000 for v in values]) for name, values in samples.items()}
    return row, {"cpu_ms": ms, "wall_ms": wall, "ratio": ratio}


# -- b. CPU per call ------------------------------------------------------------------


def cpu_row(answers: dict[str, list[dict[str, Any]]], call: str) -> tuple[Row, dict[str, Any]]:
    per_call = {
        name: [a["cpu_s"] / a["n"] * 1e6 for a in rounds] for name, rounds in answers.items()
    }
    micros = {name: _med(values) for name, values in per_call.items()}
    ratio = _paired(per_call["oscloud"], per_call["requests"])
    row = Row(
        f"b. client CPU per {call}, µs (median of {len(answers['oscloud'])} rounds)",
        f"{micros['oscloud']:.0f}",
        f"{micros['requests']:.0f}",
        f"{micros['openstacksdk']:.0f}",
        _times(ratio),
        f"≤ {CPU_MAX}x",
        _verdict(ratio <= CPU_MAX),
    )
    return row, {"us_per_call": micros, "ratio": ratio}


# -- c. threads -------------------------------------------------------------------------


def threads_row(
    answers: dict[str, list[dict[str, Any]]], threads: int
) -> tuple[Row, dict[str, Any]]:
    rates = {name: [a["n"] / a["wall_s"] for a in rounds] for name, rounds in answers.items()}
    rate = {name: _med(values) for name, values in rates.items()}
    errors = {name: sum(a["errors"] for a in rounds) for name, rounds in answers.items()}
    ratio = _paired(rates["oscloud"], rates["requests"])

    def cell(name: str) -> str:
        return f"{rate[name]:.0f} ({errors[name]} errors)"

    row = Row(
        f"c. {threads} threads, requests/s (median of {len(answers['oscloud'])} rounds)",
        cell("oscloud"),
        cell("requests"),
        cell("openstacksdk"),
        _times(ratio),
        f"≥ {THREADS_MIN}x, 0 errors",
        _verdict(ratio >= THREADS_MIN and errors["oscloud"] == 0),
    )
    return row, {"requests_per_s": rate, "errors": errors, "ratio": ratio}


# -- d. listing -----------------------------------------------------------------------


def listing_cell(rounds: list[dict[str, Any]], size: int, noun: str = "server") -> str:
    """CPU per listed item and wall time (only the CPU when the client listed fewer)."""
    items = rounds[0]["items"]
    cpu = _med([a["cpu_s"] / a["items"] for a in rounds]) * 1e6
    cpu_text = f"{cpu:.1f}" if cpu < 10 else f"{cpu:.0f}"
    if items < size:
        return f"{cpu_text} µs/{noun} (first {items:,} only)"
    wall = _med([a["wall_s"] for a in rounds])
    return f"{cpu_text} µs/{noun} ({wall:.2f} s wall)"


def listing_rows(
    listing: dict[str, Any], label: str = "d", noun: str = "server"
) -> tuple[list[Row], dict[str, Any]]:
    rows, summary = [], {}
    for size_text, measured in listing.items():
        size = int(size_text)
        timed = measured["timed"]
        per_item = {
            name: [a["cpu_s"] / a["items"] for a in rounds] for name, rounds in timed.items()
        }
        ratio = _paired(per_item["oscloud"], per_item["requests"])
        complete = all(a["items"] == size for a in timed["oscloud"] + timed["requests"])
        rows.append(
            Row(
                f"{label}. list {size:,} {noun}s in pages of 1,000, client CPU "
                f"(median of {len(timed['oscloud'])})",
                listing_cell(timed["oscloud"], size, noun),
                listing_cell(timed["requests"], size, noun),
                listing_cell(timed["openstacksdk"], size, noun),
                _times(ratio),
                f"≤ {LISTING_MAX}x",
                _verdict(ratio <= LISTING_MAX and complete),
            )
        )
        summary[size_text] = {
            f"cpu_us_per_{noun}": {name: _med(v) * 1e6 for name, v in per_item.items()},
            "wall_s": {name: _med([a["wall_s"] for a in r]) for name, r in timed.items()},
            "ratio": ratio,
        }
    return rows, summary


def memory_row(
    listing: dict[str, Any], label: str = "d", noun: str = "servers"
) -> tuple[Row | None, dict[str, Any]]:
    """Peak RSS growth while listing ``noun``, at the smallest and the largest size."""
    sizes = [size for size, measured in listing.items() if measured["memory"]]
    if len(sizes) < 2:
        return None, {}
    low, high = sizes[0], sizes[-1]
    peak = {
        size: {name: a["peak_growth_bytes"] / MIB for name, a in listing[size]["memory"].items()}
        for size in (low, high)
    }
    items = {name: a["items"] for name, a in listing[high]["memory"].items()}

    def cell(name: str) -> str:
        text = f"{peak[low][name]:.1f} → {peak[high][name]:.1f}"
        return text if items[name] >= int(high) else f"{text} (first {items[name]:,} only)"

    growth = peak[high]["oscloud"] / max(peak[low]["oscloud"], 1.0)
    row = Row(
        f"{label}. peak RSS growth while listing, MiB, {int(low):,} → {int(high):,} {noun}",
        cell("oscloud"),
        cell("requests"),
        cell("openstacksdk"),
        f"{growth:.2f}x as the count grows x{int(high) // int(low)}",
        f"flat: ≤ {MEMORY_FLAT_MAX}x",
        _verdict(growth <= MEMORY_FLAT_MAX),
    )
    return row, {"peak_mib": peak, "oscloud_growth": growth}


# -- e. cold start --------------------------------------------------------------------


def cold_row(cold: dict[str, Any]) -> tuple[Row, dict[str, Any]]:
    seen = {name: max(result["requests"]) for name, result in cold.items()}
    ms = {name: _med(result["seconds"]) * 1000 for name, result in cold.items()}
    cpu_ms = {name: _med(result["cpu_seconds"]) * 1000 for name, result in cold.items()}
    ratio = cpu_ms["oscloud"] / cpu_ms["requests"]

    def cell(name: str) -> str:
        return f"{seen[name]} requests, {cpu_ms[name]:.0f} ms CPU, {ms[name]:.0f} ms"

    row = Row(
        "e. cold start: import + authenticate + 1 GET (requests the cloud saw, CPU, wall time)",
        cell("oscloud"),
        cell("requests"),
        cell("openstacksdk"),
        f"{_times(ratio)} CPU, {seen['oscloud'] - seen['requests']:+d} requests",
        "≤ 1.3x CPU, no extra round trip",
        _verdict(ratio <= 1.3 and seen["oscloud"] <= seen["requests"]),
    )
    return row, {"requests": seen, "ms": ms, "cpu_ms": cpu_ms, "cpu_ratio": ratio}


# -- the whole report -----------------------------------------------------------------


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


LISTINGS = {
    "servers": "servers.list(compute, ListOpts(limit=1000)).items()",
    "pager": "a Pager over a LinkedPage of plain dicts (no compute servers package)",
}


def environment(calls: Calls, quick: bool) -> dict[str, Any]:
    return {
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cores": os.cpu_count(),
        "oscloud": _version("oscloud"),
        "requests": _version("requests"),
        "openstacksdk": _version("openstacksdk"),
        "call": calls.op,
        "listing": calls.listing,
        "quick": quick,
    }


CALLS = {
    "server": "GET server + extract",
    "token": "GET token + extract",
}


def summarize(raw: dict[str, Any]) -> tuple[list[Row], dict[str, Any]]:
    """The rows and summary of scenarios a to e (none when they were not run)."""
    env = raw["environment"]
    rows: list[Row] = []
    summary: dict[str, Any] = {}
    if "imports" not in raw:
        return rows, summary
    row, summary["import_ms"] = import_row(raw["imports"])
    rows.append(row)
    row, summary["cpu_us"] = cpu_row(raw["cpu"], CALLS[env["call"]])
    rows.append(row)
    row, summary["threads"] = threads_row(raw["threads"], raw["plan"]["threads"])
    rows.append(row)
    listing, summary["listing"] = listing_rows(raw["listing"])
    rows.extend(listing)
    memory, summary["memory"] = memory_row(raw["listing"])
    if memory is not None:
        rows.append(memory)
    row, summary["cold"] = cold_row(raw["cold"])
    rows.append(row)
    summary["rows"] = [asdict(r) for r in rows]
    return rows, summary


VOLUME_LISTING = "volumes.list(cinder, ListOpts(limit=1000)).items()"


def volume_rows(listing: dict[str, Any]) -> tuple[list[Row], dict[str, Any], list[str]]:
    """Scenario i, Cinder's ``volumes/detail``: the CPU rows, the memory row and a note."""
    rows, summary = listing_rows(listing, "i", "volume")
    memory, summary["memory"] = memory_row(listing, "i", "volumes")
    if memory is not None:
        rows.append(memory)
    note = f"i. oscloud lists block storage volumes through {VOLUME_LISTING}."
    return rows, summary, [note, ""]


def _table(rows: list[Row]) -> list[str]:
    header = ["Scenario", "oscloud", "requests", "openstacksdk", "oscloud ÷ requests"]
    lines = ["| " + " | ".join([*header, "Target", "Result"]) + " |"]
    lines.append("|" + "---|" * (len(header) + 2))
    for r in rows:
        cells = [r.scenario, r.oscloud, r.requests, r.openstacksdk, r.ratio, r.target, r.result]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _import_note(imports: dict[str, Any]) -> list[str]:
    cpu = imports["cpu_ms"]
    if "oscloud+servers" not in cpu:
        return []
    return [
        (
            f"Importing oscloud with the compute servers package as well: "
            f"{cpu['oscloud+servers']:.0f} ms of CPU "
            f"({cpu['oscloud+servers'] / cpu['requests']:.2f}x requests)."
        ),
        "",
    ]


def markdown(rows: list[Row], raw: dict[str, Any], notes: list[str] | None = None) -> str:
    """The page written to ``latest.md``: the table, then ``notes`` and the cold starts."""
    env = raw["environment"]
    compute = "imports" in raw
    lines = [
        "# oscloud benchmarks" + (" (quick smoke run)" if env["quick"] else ""),
        "",
        (
            f"{env['date']} · Python {env['python']} · {env['platform']} · "
            f"{env['cores']} cores · oscloud {env['oscloud']}, requests {env['requests']}, "
            f"openstacksdk {env['openstacksdk']}"
        ),
        "",
    ]
    if compute:
        listing = LISTINGS[env["listing"]]
        lines += [f"Measured call: {CALLS[env['call']]}. oscloud lists through {listing}.", ""]
    lines += [*_table(rows), "", *(notes or [])]
    if not compute:
        return "\n".join(lines) + "\n"
    lines += [
        *_import_note(raw["summary"]["import_ms"]),
        "Requests the fake cloud saw during each cold start:",
        "",
    ]
    for name, result in raw["cold"].items():
        paths = ", ".join(f"`{path}` x{n}" for path, n in result["paths"].items())
        lines.append(f"- {name}: {paths}")
    return "\n".join(lines) + "\n"
