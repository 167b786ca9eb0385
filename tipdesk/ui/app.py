"""Start the desktop app: language, error handling, sign-in (or the demo), main window."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tipdesk import __version__
from tipdesk.domain import regions
from tipdesk.logs import setup_logging
from tipdesk.services.register import open_register
from tipdesk.services.session import Session
from tipdesk.ui import i18n
from tipdesk.ui.dialogs.errors import install_excepthook, report
from tipdesk.ui.dialogs.sign_in import LAST_REGISTER, SignInDialog
from tipdesk.ui.operations import Operation, run_in_background, wait_for_all
from tipdesk.ui.settings import ORGANIZATION, app_settings
from tipdesk.ui.widgets import wheel

if TYPE_CHECKING:
    from tipdesk.ui.main_window import MainWindow

READY_EXIT = "TIPDESK_EXIT_WHEN_READY"


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName("TipDesk")
    app.setApplicationVersion(__version__)
    i18n.install(i18n.choose_language(app_settings()), app)
    wheel.install(app)  # scrolling a form never changes the value under the pointer
    return app


def _first_run(parent=None) -> Path | None:
    # Imported when needed: the wizard brings the letter engine (ReportLab), which a
    # start with a known register does not need before the first letter.
    from tipdesk.ui.dialogs.first_run import FirstRunWizard

    return FirstRunWizard.run(parent)


def sign_in(parent=None) -> Session | None:
    """First run wizard when no register is known; then the sign-in dialog."""
    folder = None
    saved = app_settings().value(LAST_REGISTER, "")
    if not saved or not Path(str(saved)).exists():
        folder = _first_run(parent)
        if folder is None:
            return None
    while True:
        dialog = SignInDialog.ask(parent, folder)
        if dialog.session is not None:
            return dialog.session
        if not dialog.wants_new_register:
            return None
        folder = _first_run(parent)
        if folder is None:
            return None


def open_demo(
    folder: Path,
    cases: int,
    opened: Callable[[Session], None],
    ended: Callable[[], None],
    parent=None,
) -> Operation:
    """A throwaway demo register in ``folder``, made in the background: ``opened`` gets
    its session; ``ended`` runs instead if it failed (after saying why) or was cancelled."""
    from tipdesk.services.devtools.demo import (
        DEMO_PASSWORD,
        DEMO_USER,
        add_demo_cases,
        create_demo_register,
    )

    def work(progress, cancelled):
        create_demo_register(folder)
        session = open_register(folder, DEMO_USER, DEMO_PASSWORD)
        try:
            add_demo_cases(session, cases, seed=1, progress=progress, cancelled=cancelled)
        except BaseException:
            session.close()
            raise
        return session

    def failed(exc: BaseException) -> None:
        report(parent, exc)
        ended()

    return run_in_background(
        parent,
        QApplication.translate("App", "TipDesk demo"),
        QApplication.translate("App", "Making synthetic demo cases…"),
        work,
        success=opened,
        failure=failed,
        cancelled=ended,
    )


def start_main_window(session: Session, *, demo: bool = False) -> MainWindow:
    """The main window after sign-in, with the day's backup started in the background
    (not for the throwaway demo register)."""
    from tipdesk.ui.main_window import MainWindow

    window = MainWindow(session, demo=demo)
    window.show()
    if not demo:
        window.start_daily_backup()
    return window


def run(*, demo: bool = False, demo_cases: int = 5000) -> int:
    setup_logging()
    app = application()
    install_excepthook()
    demo_folder = None
    opened: dict[str, Session] = {}

    def begin(session: Session) -> None:
        opened["session"] = session
        window = start_main_window(session, demo=demo)
        app.setQuitOnLastWindowClosed(True)
        regions.preload()
        if os.environ.get(READY_EXIT):
            # Start-up check for CI and packagers: report readiness and leave.
            QTimer.singleShot(
                0,
                lambda: (
                    print(
                        f"TipDesk ready: {window.windowTitle()}; "
                        f"{window.register_list.model.total():,} cases",
                        flush=True,
                    ),
                    window.close(),
                ),
            )

    if demo:
        # Synthetic data only, and encrypted like any register; removed on exit.
        from tipdesk.services.devtools.demo import throwaway_folder

        demo_folder = throwaway_folder()
        # (the progress dialog closing before the main window shows is not the end)
        app.setQuitOnLastWindowClosed(False)
        open_demo(demo_folder, demo_cases, begin, app.quit)
    else:
        if os.environ.get(READY_EXIT):
            # Start-up check for the bundle: the first window a user would see (the
            # first-run wizard, or the sign-in window), reported and closed.
            QTimer.singleShot(0, _report_first_window)
        session = sign_in()
        if session is None:
            return 0
        begin(session)
    try:
        return app.exec()
    finally:
        # The day's backup may still be writing: it finishes before the register closes.
        wait_for_all()
        if "session" in opened:
            opened["session"].close()
        _discard(demo_folder)


def _report_first_window() -> None:
    window = QApplication.activeModalWidget()
    if window is None:  # not shown yet: look again once it is
        QTimer.singleShot(20, _report_first_window)
        return
    kind = "sign-in window" if isinstance(window, SignInDialog) else "first-run wizard"
    print(f"TipDesk ready: {kind} ({window.windowTitle()})", flush=True)
    window.reject()


def _discard(demo_folder: Path | None) -> None:
    if demo_folder is not None:
        with contextlib.suppress(OSError):
            shutil.rmtree(demo_folder.parent)
