"""Release check: a wheel built from the checkout is whole.

    .venv/bin/python tests/release/check_wheel.py

1. builds the wheel with ``pip wheel . --no-deps``;
2. checks that it carries ``tipdesk/resources`` (fonts, icons, translations);
3. installs it in a fresh virtual environment, away from the source tree;
4. starts ``tipdesk --demo`` there (offscreen, Indonesian, leaving once the main window is
   up) and runs ``tipdesk selftest`` (which renders and issues a letter with the fonts).

Exits 1 with the reason at the first failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WANTED = (
    "tipdesk/resources/fonts/DejaVuSans.ttf",
    "tipdesk/resources/fonts/DroidSansFallbackFull.ttf",
    "tipdesk/resources/icons/tipdesk.png",
    "tipdesk/resources/i18n/tipdesk_id.ts",
)


def fail(reason: str) -> None:
    print(f"FAIL {reason}")
    sys.exit(1)


def run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, timeout=900, **kwargs)


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="tipdesk-wheel-"))
    built = run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", str(work)], cwd=ROOT
    )
    wheels = list(work.glob("tipdesk-*.whl"))
    if built.returncode != 0 or not wheels:
        fail(f"pip wheel: {built.stderr.strip()[-800:]}")
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    missing = [name for name in WANTED if name not in names]
    if missing:
        fail(f"the wheel lacks {', '.join(missing)}")
    print(f"ok   the wheel carries resources/ ({wheels[0].name})")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    installed = run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheels[0])])
    if installed.returncode != 0:
        fail(f"pip install: {installed.stderr.strip()[-800:]}")
    print("ok   installed in a fresh environment")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TIPDESK_LANG="id",
        TIPDESK_EXIT_WHEN_READY="1",
        XDG_STATE_HOME=str(work / "state"),
        XDG_DATA_HOME=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
    )
    env.pop("PYTHONPATH", None)
    tipdesk = str(bin_dir / "tipdesk")
    started = run([tipdesk, "--demo"], cwd=work, env=env)
    ready = [line for line in started.stdout.splitlines() if line.startswith("TipDesk ready:")]
    if not ready or "dihapus saat keluar" not in ready[0]:
        fail(f"tipdesk --demo: {started.stdout.strip()[-400:]} {started.stderr.strip()[-400:]}")
    print(f"ok   {ready[0]}")
    where = run(
        [
            str(bin_dir / "python"),
            "-c",
            "from tipdesk import paths; print(paths.resource_path('fonts', 'DejaVuSans.ttf'))",
        ],
        cwd=work,
        env=env,
    )
    font = Path(where.stdout.strip())
    if not font.is_file() or env_dir not in font.parents:
        fail(f"the fonts are not read from the installed package: {where.stdout.strip()}")
    tested = run([tipdesk, "selftest"], cwd=work, env=env)
    if tested.returncode != 0:
        fail(f"tipdesk selftest: {tested.stdout.strip()[-800:]}")
    print("ok   selftest (a letter rendered and issued with the bundled fonts)")
    print("wheel check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
