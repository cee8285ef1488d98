"""The object storage rows of the table: transfers, their memory, the long listing."""

from __future__ import annotations

from typing import Any

from benchmarks.report import MIB, Row, _med, _paired, _times, _verdict, listing_cell, memory_row

#: Targets for oscloud against bare requests.
TRANSFER_MAX = 1.1
TRANSFER_MEMORY_MAX_MIB = 64
OBJECT_LISTING_MAX = 1.5
# Peak growth at the largest listing ÷ at the smallest (4x more objects in the full run).


def _size_text(size: int) -> str:
    return f"{size // (1024 * MIB)} GiB" if size % (1024 * MIB) == 0 else f"{size // MIB} MiB"


def transfer_rows(
    raw: dict[str, Any], size: int, link: str = ""
) -> tuple[list[Row], dict[str, Any]]:
    """Upload and download: wall time, throughput, ratio to bare requests.

    ``link`` describes a limited link (``" over a 1 Gbit/s link"``), if there was one.
    """
    rows: list[Row] = []
    summary: dict[str, Any] = {}
    for letter, kind, where in (("f", "upload", "from"), ("g", "download", "to")):
        answers = raw[kind]
        wall = {name: [a["wall_s"] for a in rounds] for name, rounds in answers.items()}
        seconds = {name: _med(values) for name, values in wall.items()}
        ratio = _paired(wall["oscloud"], wall["requests"])

        def cell(name: str, seconds: dict[str, float] = seconds) -> str:
            return f"{seconds[name]:.2f} s ({size / seconds[name] / MIB:.0f} MiB/s)"

        rows.append(
            Row(
                f"{letter}. {kind} {_size_text(size)} {where} a file{link}, wall time "
                f"(median of {len(wall['oscloud'])} rounds)",
                cell("oscloud"),
                cell("requests"),
                cell("openstacksdk"),
                _times(ratio),
                f"≤ {TRANSFER_MAX}x",
                _verdict(ratio <= TRANSFER_MAX),
            )
        )
        cpu = {name: _med([a["cpu_s"] for a in rounds]) for name, rounds in answers.items()}
        summary[kind] = {"wall_s": seconds, "cpu_s": cpu, "ratio": ratio}
    md5 = [a["wall_s"] for a in raw["md5"]]
    if md5:
        summary["md5_s"] = _med(md5)
        for kind in ("upload", "download"):
            floor = [r + m for r, m in zip(_walls(raw, kind, "requests"), md5, strict=True)]
            ratio = _paired(_walls(raw, kind, "oscloud"), floor)
            summary[kind]["ratio_to_requests_plus_md5"] = ratio
    return rows, summary


def _walls(raw: dict[str, Any], kind: str, name: str) -> list[float]:
    return [a["wall_s"] for a in raw[kind][name]]


def transfer_memory_row(memory: dict[str, Any], size: int) -> tuple[Row, dict[str, Any]]:
    """Peak RSS growth while uploading and while downloading, fresh processes."""
    growth = {
        kind: {name: a["peak_growth_bytes"] / MIB for name, a in answers.items()}
        for kind, answers in memory.items()
    }

    def cell(name: str) -> str:
        return f"{growth['upload'][name]:.1f} / {growth['download'][name]:.1f}"

    worst = max(growth["upload"]["oscloud"], growth["download"]["oscloud"])
    row = Row(
        f"f, g. peak RSS growth over the process's baseline, MiB, upload / download "
        f"{_size_text(size)}",
        cell("oscloud"),
        cell("requests"),
        cell("openstacksdk"),
        f"oscloud at most {worst:.1f} MiB",
        f"< {TRANSFER_MEMORY_MAX_MIB} MiB",
        _verdict(worst < TRANSFER_MEMORY_MAX_MIB),
    )
    return row, {"peak_growth_mib": growth}


def listing_rows(listing: dict[str, Any]) -> tuple[list[Row], dict[str, Any]]:
    """Listing wall time at each size, ratio to bare requests."""
    rows, summary = [], {}
    for size_text, measured in listing.items():
        size = int(size_text)
        timed = measured["timed"]
        wall = {name: [a["wall_s"] for a in rounds] for name, rounds in timed.items()}
        ratio = _paired(wall["oscloud"], wall["requests"])
        complete = all(a["items"] == size for a in timed["oscloud"] + timed["requests"])
        rows.append(
            Row(
                f"h. list {size:,} objects in pages of 10,000, wall time "
                f"(median of {len(wall['oscloud'])})",
                listing_cell(timed["oscloud"], size, "object"),
                listing_cell(timed["requests"], size, "object"),
                listing_cell(timed["openstacksdk"], size, "object"),
                _times(ratio),
                f"≤ {OBJECT_LISTING_MAX}x",
                _verdict(ratio <= OBJECT_LISTING_MAX and complete),
            )
        )
        summary[size_text] = {
            "wall_s": {name: _med(values) for name, values in wall.items()},
            "cpu_us_per_object": {
                name: _med([a["cpu_s"] / a["items"] for a in rounds]) * 1e6
                for name, rounds in timed.items()
            },
            "ratio": ratio,
        }
    return rows, summary


def summarize(swift: dict[str, Any], size: int) -> tuple[list[Row], dict[str, Any]]:
    """Every object storage row, and the summary that goes to ``latest.json``."""
    rows, transfers = transfer_rows(swift["transfers"], size)
    summary: dict[str, Any] = {"transfers": transfers}
    if "transfer_memory" in swift:
        row, summary["transfer_memory"] = transfer_memory_row(swift["transfer_memory"], size)
        rows.append(row)
    if "link_transfers" in swift:
        link = swift["link_transfers"]
        text = f" over a {link['rate'] * 8 / 1e9:g} Gbit/s link"
        link_rows, summary["link_transfers"] = transfer_rows(link, link["bytes"], text)
        rows += link_rows
    listing, summary["listing"] = listing_rows(swift["listing"])
    rows.extend(listing)
    memory, summary["listing_memory"] = memory_row(swift["listing"], "h", "objects")
    if memory is not None:
        rows.append(memory)
    return rows, summary


def notes(summary: dict[str, Any], size: int) -> list[str]:
    """What the table does not say: the MD5's own cost, against which oscloud's is read."""
    transfers = summary["transfers"]
    md5 = transfers["md5_s"]
    return [
        (
            f"Reading the {_size_text(size)} file and computing its MD5 alone, in 1 MiB "
            f"blocks, takes {md5:.2f} s ({size / md5 / MIB:.0f} MiB/s). oscloud computes the "
            f"ETag while it sends or receives; bare requests does not hash. oscloud ÷ "
            f"(requests + MD5 alone): upload "
            f"{_times(transfers['upload']['ratio_to_requests_plus_md5'])}, download "
            f"{_times(transfers['download']['ratio_to_requests_plus_md5'])}."
        ),
        "",
    ]
