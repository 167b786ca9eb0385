"""Long work runs off the UI thread, reports progress, and can be cancelled."""

from PySide6.QtCore import QTimer

from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.ui.dialogs.progress import run_with_progress


def test_demo_cases_are_made_in_the_background_while_the_ui_keeps_running(qapp, session):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    reports = []

    def work(progress, cancelled):
        def report(done, total):
            reports.append((done, total))
            progress(done, total)

        return add_demo_cases(session, 1200, seed=2, progress=report, cancelled=cancelled)

    outcome = run_with_progress(None, "Demo", "Making demo cases…", work)
    timer.stop()
    assert outcome.error is None and not outcome.cancelled
    assert outcome.result == 1200
    assert reports[-1] == (1200, 1200) and len(reports) > 1
    assert len(ticks) >= 5  # the UI thread's event loop ran while the work did
    assert session.db["cases"].count == 1200


def test_cancel_stops_the_work_and_leaves_the_register_as_it_was(qapp, session):
    def work(progress, cancelled):
        return add_demo_cases(session, 1500, seed=2, progress=progress, cancelled=cancelled)

    def cancel_when_it_starts():
        from PySide6.QtWidgets import QApplication, QProgressDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.canceled.emit()  # what its Cancel button does
                return
        QTimer.singleShot(5, cancel_when_it_starts)

    QTimer.singleShot(0, cancel_when_it_starts)
    outcome = run_with_progress(None, "Demo", "Making demo cases…", work)
    assert outcome.cancelled and outcome.result is None and outcome.error is None
    assert session.db["cases"].count == 0
    assert session.db["persons"].count == 0
