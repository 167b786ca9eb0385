"""Long work runs off the UI thread as an operation: it returns at once, reports
progress, can be cancelled, holds input back meanwhile, and ends in one callback."""

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from tipdesk.domain.errors import Cancelled, NotFound
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.ui import operations
from tipdesk.ui.operations import Operation, run_in_background


def ended(qtbot) -> None:
    qtbot.waitUntil(lambda: not operations.running(), timeout=60_000)


def test_demo_cases_are_made_in_the_background_while_the_ui_keeps_running(qtbot, session):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    reports, results = [], []

    def work(progress, cancelled):
        def report(done, total):
            reports.append((done, total))
            progress(done, total)

        return add_demo_cases(session, 1200, seed=2, progress=report, cancelled=cancelled)

    op = run_in_background(None, "Demo", "Making demo cases…", work, success=results.append)
    assert op.outcome == "" and operations.running()  # returned before the work ended
    ended(qtbot)
    timer.stop()
    assert op.outcome == "success" and results == [1200]
    assert reports[-1] == (1200, 1200) and len(reports) > 1
    assert len(ticks) >= 5  # the UI thread's event loop ran while the work did
    assert session.db["cases"].count == 1200


def test_cancel_stops_the_work_and_leaves_the_register_as_it_was(qtbot, session):
    said = []

    def work(progress, cancelled):
        return add_demo_cases(session, 1500, seed=2, progress=progress, cancelled=cancelled)

    op = run_in_background(
        None,
        "Demo",
        "Making demo cases…",
        work,
        success=lambda _: said.append("done"),
        cancelled=lambda: said.append("cancelled"),
    )
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    dialog.canceled.emit()  # what its Cancel button does
    ended(qtbot)
    assert said == ["cancelled"] and op.outcome == "cancelled"
    assert session.db["cases"].count == 0
    assert session.db["persons"].count == 0
    # The dialog is deleted by the event loop, soon after the end (later on a busy machine).
    qtbot.waitUntil(
        lambda: not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)],
        timeout=5_000,
    )


def test_clicks_and_keys_wait_until_the_work_has_ended(qtbot):
    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.show()
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    release = threading.Event()
    op = run_in_background(
        button,
        "Work",
        "Working…",
        lambda _p, _c: release.wait(30),
        success=lambda _: None,
        whole_app=True,
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert clicks == [] and not button.isHidden()
    release.set()
    ended(qtbot)
    assert op.outcome == "success"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [1]


def test_work_that_finished_as_cancel_was_pressed_is_reported_done(qtbot):
    """Cancel came too late to stop it: what the work wrote is there, so it says done."""
    started, release = threading.Event(), threading.Event()
    said = []

    def work(_progress, _cancelled):
        started.set()
        release.wait(30)
        return "written"

    op = Operation(
        None,
        "Work",
        "Working…",
        work,
        success=said.append,
        cancelled=lambda: said.append("cancelled"),
    ).run()
    assert started.wait(30)
    op.cancel()
    release.set()
    ended(qtbot)
    assert said == ["written"]


def test_a_refusal_reaches_the_failure_callback_and_a_cancel_raised_inside_cancels(qtbot):
    failures, cancels = [], []

    def refuse(_p, _c):
        raise NotFound(what="case", key="X")

    def stop(_p, _c):
        raise Cancelled()

    run_in_background(None, "W", "…", refuse, success=lambda _: None, failure=failures.append)
    run_in_background(
        None, "W", "…", stop, success=lambda _: None, cancelled=lambda: cancels.append(1)
    )
    ended(qtbot)
    assert [type(e) for e in failures] == [NotFound] and cancels == [1]
