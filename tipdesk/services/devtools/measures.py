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


def report_child(argv: list[str]) -> None:
    """In a process of its own (``report_in_child``): sign in to the register ``argv[0]``
    as ``argv[1]`` (password in TIPDESK_PASSWORD), build the report of ``argv[2]`` to
    ``argv[3]`` (ISO dates; "-" to sign in alone) and write it as CSV to the new file
    ``argv[4]``; print as JSON the seconds
    signing in took, the seconds of the report and its file, and the process's peak
    memory (its own: a child made by fork + exec starts from its parent's)."""
    import datetime as dt
    import json
    from pathlib import Path

    from tipdesk.services.register import open_register
    from tipdesk.services.reports import build_report
    from tipdesk.services.reports.files import write_report

    folder, user, start, end, out = argv
    started = time.perf_counter()
    session = open_register(Path(folder), user, os.environ["TIPDESK_PASSWORD"], write=True)
    opened = time.perf_counter()
    try:
        if start != "-":  # ("-": signing in alone, the baseline)
            session.today = lambda: dt.date.fromisoformat(end)
            first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
            write_report(session, build_report(session, first, last), Path(out), "csv")
    finally:
        session.close()
    done = time.perf_counter()
    print(
        json.dumps(
            {"open_s": opened - started, "report_s": done - opened, "peak_mb": own_peak_mb()}
        )
    )


def own_peak_mb() -> float | None:
    """This process's own peak resident memory in MB: on Linux its memory's high-water
    mark (VmHWM, which exec starts anew; getrusage's peak keeps the parent's at fork)."""
    if sys.platform.startswith("linux"):
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    return peak_memory_mb()


def report_in_child(folder, user: str, password: str, start, end, out) -> dict:
    """:func:`report_child` run by a new Python process; its JSON."""
    import json
    import subprocess

    code = (
        "import sys; from tipdesk.services.devtools.measures import report_child; "
        "report_child(sys.argv[1:])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), user, str(start), str(end), str(out)],
        env={**os.environ, "TIPDESK_PASSWORD": password},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
