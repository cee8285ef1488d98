"""The peak resident set size of this process over a block of code.

On Linux the kernel keeps the peak (``VmHWM``) and lets a process reset it, so the
measure is exact. Elsewhere a thread samples the resident set with psutil every
millisecond.
"""

from __future__ import annotations

import importlib
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_bytes(field: str) -> int:
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


def _kernel_tracks_peak() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        _CLEAR_REFS.write_text("5")  # 5: reset the peak resident set size
    except OSError:
        return False
    return True


class PeakRss:
    """``with PeakRss() as rss: ...``, then ``rss.peak - rss.start`` is the growth."""

    def __init__(self) -> None:
        self.start = 0
        self.peak = 0
        self._stop = threading.Event()
        self._sampler: threading.Thread | None = None

    def __enter__(self) -> PeakRss:
        if _kernel_tracks_peak():
            self.start = _status_bytes("VmRSS")
            return self
        psutil: Any = importlib.import_module("psutil")  # a benchmark dependency
        process = psutil.Process()
        self.start = self.peak = int(process.memory_info().rss)

        def sample() -> None:
            while not self._stop.wait(0.001):
                self.peak = max(self.peak, int(process.memory_info().rss))

        self._sampler = threading.Thread(target=sample, daemon=True)
        self._sampler.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._sampler is None:
            self.peak = _status_bytes("VmHWM")
            return
        self._stop.set()
        self._sampler.join()
