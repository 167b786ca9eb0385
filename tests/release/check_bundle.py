"""Release check for the desktop bundle (issue 8): build it and try it as an office would.

    .venv/bin/python tests/release/check_bundle.py [--keep DIR]

1. builds the bundle with ``pyinstaller build.spec`` (which compiles the translations);
2. runs ``tipdesk-cli --version`` and ``tipdesk-cli selftest`` from the bundle;
3. makes a register with the bundle's command line and starts the desktop program
   offscreen on it, timing how long it takes to show its sign-in window (budget 3 s),
   then leaves; a first start without any register shows the first-run wizard;
4. prints the bundle's size (goal: under 250 MB unpacked).
Each step prints one line; the script exits 1 at the first failure. It writes only to a
temporary folder (kept with --keep), never next to the bundle's programs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
START_BUDGET_S = 3.0
SIZE_GOAL_MB = 250
PASSWORD = "release-check-1"


def fail(text: str) -> None:
    print(f"FAIL {text}", flush=True)
    raise SystemExit(1)


def ok(text: str) -> None:
    print(f"ok   {text}", flush=True)


def run(
    cmd: list[str], *, env: dict | None = None, timeout: float = 900, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, cwd=cwd, timeout=timeout, capture_output=True, text=True)


def size_mb(folder: Path) -> float:
    """Megabytes (10^6 bytes) the folder takes, each file once (links not followed)."""
    return (
        sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 1e6
    )


def isolated_env(home: Path) -> dict:
    """An environment whose user folders (settings, logs, data) are all under ``home``."""
    env = dict(os.environ)
    for key, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
        ("APPDATA", "appdata"),
        ("LOCALAPPDATA", "localappdata"),
    ):
        path = home / sub if sub else home
        path.mkdir(parents=True, exist_ok=True)
        env[key] = str(path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("TIPDESK_LANG", None)
    return env


def start_gui(program: Path, env: dict) -> tuple[float, str]:
    """Start the desktop program with TIPDESK_EXIT_WHEN_READY; seconds to its ready line."""
    started = time.perf_counter()
    proc = subprocess.run(
        [str(program)],
        env={**env, "TIPDESK_EXIT_WHEN_READY": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.perf_counter() - started
    ready = [line for line in proc.stdout.splitlines() if line.startswith("TipDesk ready:")]
    if proc.returncode != 0 or not ready:
        fail(
            f"the desktop program did not start (exit {proc.returncode}): "
            f"{(proc.stderr or proc.stdout).strip()[-400:]}"
        )
    return elapsed, ready[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="tipdesk-release-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        # (build.spec compiles the translations itself: nothing is run before it, as on a
        # clean checkout)
        started = time.perf_counter()
        built = run(
            [
                PYTHON,
                "-m",
                "PyInstaller",
                "build.spec",
                "--noconfirm",
                "--distpath",
                str(work / "dist"),
                "--workpath",
                str(work / "build"),
            ],
            cwd=ROOT,
            timeout=3000,
        )
        if built.returncode != 0:
            fail(f"pyinstaller build.spec: {built.stderr.strip()[-1500:]}")
        bundle = work / "dist" / "TipDesk"
        exe = ".exe" if os.name == "nt" else ""
        cli, gui = bundle / f"tipdesk-cli{exe}", bundle / f"TipDesk{exe}"
        ok(f"bundle built in {time.perf_counter() - started:.0f} s: {bundle}")

        from tipdesk import __version__

        env = isolated_env(work / "home")
        version = run([str(cli), "--version"], env=env, timeout=60)
        if version.returncode != 0 or version.stdout.strip() != f"tipdesk {__version__}":
            fail(
                f"tipdesk-cli --version said {version.stdout.strip()!r} "
                f"(exit {version.returncode}) {version.stderr.strip()[-300:]}"
            )
        ok(f"tipdesk-cli --version: {version.stdout.strip()}")

        selftest = run([str(cli), "selftest"], env=env, timeout=300)
        print(selftest.stdout.rstrip().replace("\n", "\n     "), flush=True)
        if selftest.returncode != 0:
            fail(
                f"tipdesk-cli selftest exited {selftest.returncode} "
                f"{selftest.stderr.strip()[-300:]}"
            )
        ok("tipdesk-cli selftest")

        seconds, line = start_gui(gui, env)
        ok(f"first start (no register yet) shows the first-run wizard in {seconds:.2f} s: {line}")

        register = work / "home" / "register"
        made = run(
            [
                str(cli),
                "init",
                str(register),
                "--office-code",
                "REL",
                "--office-name",
                "UPTD PPA Uji Rilis",
                "--level",
                "district",
                "--admin",
                "admin",
            ],
            env={**env, "TIPDESK_PASSWORD": PASSWORD},
            timeout=120,
        )
        if made.returncode != 0:
            fail(f"tipdesk-cli init exited {made.returncode}: {made.stderr.strip()[-300:]}")
        ini = Path(env["XDG_CONFIG_HOME"]) / "TipDesk" / "TipDesk.ini"
        if os.name == "nt":
            ini = Path(env["APPDATA"]) / "TipDesk" / "TipDesk.ini"
        ini.parent.mkdir(parents=True, exist_ok=True)
        ini.write_text(f"[General]\nlast_register={register.as_posix()}\n", encoding="utf-8")
        times = []
        for _ in range(3):
            seconds, line = start_gui(gui, env)
            times.append(seconds)
        best = sorted(times)[1]
        if "sign-in" not in line:
            fail(f"the desktop program did not open its sign-in window: {line}")
        if "(Masuk ke TipDesk)" not in line:  # Indonesian by default: the .qm is bundled
            fail(f"the sign-in window is not in Indonesian: {line}")
        verdict = "within" if best < START_BUDGET_S else "OVER"
        ok(
            f"start to the sign-in window: median {best:.2f} s of {len(times)} "
            f"({verdict} the {START_BUDGET_S:.0f} s budget): {line}"
        )
        leftovers = sorted(
            p.name
            for p in bundle.iterdir()
            if p.name not in {f"tipdesk-cli{exe}", f"TipDesk{exe}", "_internal"}
        )
        if leftovers:
            fail(f"files written next to the programs: {leftovers}")
        ok("nothing written next to the programs")

        mb = size_mb(bundle)
        ok(
            f"bundle size {mb:.0f} MB unpacked (goal under {SIZE_GOAL_MB} MB"
            f"{'' if mb < SIZE_GOAL_MB else ', NOT met'})"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("release check passed", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
