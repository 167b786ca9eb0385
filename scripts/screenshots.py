"""Screenshots of the real app on a demo register, for the README and docs (run under a
display with a window manager, e.g. ``xvfb-run -s '-screen 0 1366x768x24'
.venv/bin/python scripts/screenshots.py id``).

    scripts/screenshots.py [LANG] [--out FOLDER] [--size WxH] [--cases N]

Synthetic demo data only (the demo register is made in a temporary folder and removed).
Writes home, register, case file, reports and users at the given size (default
docs/screenshots/, 1366x740: a 1366x768 screen less the task bar).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tipdesk.services.devtools.demo import (
    DEMO_PASSWORD,
    DEMO_USER,
    add_demo_cases,
    create_demo_register,
)
from tipdesk.services.register import open_register
from tipdesk.ui import i18n
from tipdesk.ui.app import application
from tipdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(app: QApplication, rounds: int = 40) -> None:
    from tipdesk.ui.operations import wait_for_all

    for _ in range(rounds):
        app.processEvents()
    wait_for_all()
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("lang", nargs="?", default="id", choices=("id", "en"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--size", default="1366x740")
    parser.add_argument("--cases", type=int, default=3000)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    lang = args.lang
    app = application()
    i18n.install(lang, app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "register"
        create_demo_register(folder)
        session = open_register(folder, DEMO_USER, DEMO_PASSWORD)
        add_demo_cases(session, args.cases, seed=1)
        window = MainWindow(session)
        window.resize(width, height)
        window.show()
        settle(app)

        def shot(page: str, name: str) -> None:
            window.show_page(page)
            settle(app)
            window.grab().save(str(args.out / f"{name}-{lang}.png"))

        shot("home", "home")
        shot("register", "register")
        shot("reports", "reports")
        shot("users", "users")
        window.show_page("register")
        settle(app)
        number = window.register_list.model.case_number_at(3)
        case_window = window.open_case(number)
        case_window.resize(width, height)
        settle(app)
        case_window.grab().save(str(args.out / f"case-file-{lang}.png"))
        for w in list(window.case_windows.values()):
            w.close()
        settle(app)
        window.close()
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
