"""Run a service function in the background behind a progress dialog with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from tipdesk.ui import workers


class Outcome:
    def __init__(self) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled = False


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
    *,
    cancellable: bool = True,
    whole_app: bool = False,
) -> Outcome:
    """Run ``work(progress, cancelled)`` off the UI thread; the UI keeps painting.

    Returns when the work ended; ``Outcome`` says how. The dialog shows a busy bar until
    the first progress report, and while the reports have no total (``total`` <= 0).
    ``whole_app`` blocks every window, not only ``parent``'s: for work that writes the
    register, so that no case window saves in the middle of it.
    """
    dialog = QProgressDialog(label, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(
        Qt.WindowModality.ApplicationModal if whole_app else Qt.WindowModality.WindowModal
    )
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    outcome = Outcome()
    loop = QEventLoop()
    job = workers.Job(work)

    def on_progress(done: int, total: int) -> None:
        if total <= 0:
            dialog.setRange(0, 0)  # how much is left is not known: a busy bar
            return
        dialog.setMaximum(total)
        dialog.setValue(done)

    def on_finished(result: Any) -> None:
        outcome.result = result
        loop.quit()

    def on_failed(exc: BaseException) -> None:
        outcome.error = exc
        loop.quit()

    def on_cancelled() -> None:
        outcome.cancelled = True
        loop.quit()

    job.signals.progress.connect(on_progress)
    job.signals.finished.connect(on_finished)
    job.signals.failed.connect(on_failed)
    job.signals.cancelled.connect(on_cancelled)
    dialog.canceled.connect(job.cancel)
    workers.start(job)
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    return outcome
