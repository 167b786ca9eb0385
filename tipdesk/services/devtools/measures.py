"""How ``tipdesk bench`` measures: time, memory and the shape of one figure. Kept apart
from the bench itself so that the app process the bench starts imports only what the
app imports (the bench's own imports would add to the start-up it measures)."""

from __future__ import annotations

import logging
import os
import statistics
import sys
import time
from collections.abc import Callable

# The bench's steps as it takes them ("searching ...", "desktop app: starting ..."):
# `tipdesk bench` shows them on stderr; they say nothing of any case.
STEPS = logging.getLogger("tipdesk.bench")


def peak_memory_mb() -> float | None:
    """Peak resident memory of this process so far, in MB."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
            ] + [(f"f{i}", ctypes.c_size_t) for i in range(5)]

        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        handle = ctypes.windll.kernel32.GetCurrentProcess()
        ctypes.windll.psapi.GetProcessMemoryInfo(handle, ctypes.byref(counters), counters.cb)
        return counters.PeakWorkingSetSize / 2**20
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def resident_memory_mb() -> float | None:
    """Resident memory of this process now, in MB (not the peak, which a process started
    by fork + exec inherits from its parent on Linux)."""
    if sys.platform.startswith("linux"):
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    return peak_memory_mb()


def median_ms(action: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(value: float, unit: str, baseline: float | None, budget: float | None) -> dict:
    return {
        "value": round(value, 3),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, 3),
        "budget": budget,
    }
