"""Screenshots of the real app on a demo register, for the README (run under a display,
e.g. ``xvfb-run -s '-screen 0 1366x768x24' .venv/bin/python scripts/screenshots.py``).

Synthetic demo data only. Writes docs/screenshots/*.png at 1366x768.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tipdesk.ui import i18n
from tipdesk.ui.app import application, open_demo
from tipdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    app = application()
    i18n.install(lang, app)
    with tempfile.TemporaryDirectory() as tmp:
        session = open_demo(Path(tmp) / "register", 3000)
        window = MainWindow(session)
        window.resize(1366, 740)
        window.show()
        settle(app)
        window.show_page("home")
        settle(app)
        window.grab().save(str(OUT / f"home-{lang}.png"))
        window.show_page("register")
        settle(app)
        window.grab().save(str(OUT / f"register-{lang}.png"))
        number = window.register_list.model.case_number_at(3)
        case_window = window.open_case(number)
        case_window.resize(1366, 740)
        settle(app)
        case_window.grab().save(str(OUT / f"case-file-{lang}.png"))
        case_window.widget.has_unsaved_changes()
        for w in list(window.case_windows.values()):
            w.close()
        window.close()
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
