"""Long work off the UI thread: the one way the desktop app runs it.

An :class:`Operation` runs ``work(progress, cancelled)`` (the shape of
``tipdesk/runtime/progress.py``) in Qt's thread pool and returns at once; when the work
ends, exactly one of its callbacks runs on the UI thread: ``success(result)``,
``failure(exception)`` or ``cancelled()``. There is no nested event loop: the caller's
method returns, the window keeps painting, and the callback carries on from the result.
A result that says what changed lets a view update without reading the register again.
The work runs on a thread of its own; only its progress and its end cross to the UI thread
as signals, and the outcome is read from the job there.

While it runs, input to the parent's window (or to every window, ``whole_app``: work that
writes the register, so that no case window saves in the middle of it) is held back; a
progress dialog with Cancel appears if the work takes longer than a moment.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from tipdesk.domain.errors import Cancelled
from tipdesk.logs import frames
from tipdesk.runtime.progress import CancelCheck, Progress

log = logging.getLogger(__name__)

Work = Callable[[Progress, CancelCheck], Any]
# How long the work may take before its progress dialog appears (ms).
SHOW_AFTER_MS = 300

# Operations still running: held here so that nothing is collected before it ends.
_running: set[Operation] = set()
_retiring: set[Operation] = set()  # ended, their threads leaving


def running() -> bool:
    """Whether any operation has not ended yet (tests wait on this)."""
    return bool(_running)


class _Signals(QObject):
    progress = Signal(int, int)
    ended = Signal()  # the outcome is on the job: no Python object crosses threads


class _Job:
    """``work(progress, cancelled)`` on a thread of its own, reported through signals
    (which Qt delivers on the UI thread, where the signals object lives)."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.signals = _Signals()
        self.stop = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled = False
        self.thread = threading.Thread(target=self.run, name="tipdesk-operation", daemon=True)

    def run(self) -> None:
        try:
            self.result = self.work(self.signals.progress.emit, self.stop.is_set)
        except Cancelled:
            self.cancelled = True
        except Exception as exc:  # reported to the UI thread, which shows it
            log.error("operation failed: %s\n%s", type(exc).__name__, frames(exc))
            self.error = exc
        # Work that returned is done, even if Cancel came as it ended: saying "cancelled"
        # then would hide what it wrote.
        self.signals.ended.emit()


class _InputGuard(QObject):
    """Holds back clicks, keys and closes to the guarded windows until the operation ends
    (the progress dialog, once shown, is modal and does this itself)."""

    BLOCKED = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.Shortcut,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Wheel,
            QEvent.Type.Close,
        }
    )

    def __init__(self, window: QWidget | None, dialog: QWidget) -> None:
        super().__init__()
        self.window, self.dialog = window, dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self.BLOCKED or not isinstance(watched, QWidget):
            return False
        top = watched.window()
        if top is self.dialog:
            return False
        if event.type() == QEvent.Type.Close and watched is not top:
            return False
        if self.window is None or top is self.window:
            event.ignore()
            return True
        return False


class Operation(QObject):
    """Run ``work`` in the background behind a progress dialog; see the module's text."""

    ended = Signal()  # after its callback ran, whichever it was

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        work: Work,
        *,
        success: Callable[[Any], None],
        failure: Callable[[BaseException], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        cancellable: bool = True,
        whole_app: bool = False,
        dialog: bool = True,
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.title, self.label, self.work = title, label, work
        self.on_success, self.on_failure, self.on_cancelled = success, failure, cancelled
        self.cancellable, self.whole_app, self.with_dialog = cancellable, whole_app, dialog
        self.job: _Job | None = None
        self.dialog: QProgressDialog | None = None
        self._guard: _InputGuard | None = None
        self.outcome = ""  # "success", "failure" or "cancelled" once ended

    def run(self) -> Operation:
        """Start the work and return at once."""
        self.job = _Job(self.work)
        if self.with_dialog:
            self._open_dialog()
        self.job.signals.progress.connect(self._progress)
        self.job.signals.ended.connect(self._job_ended)
        _running.add(self)
        self.job.thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        if self.job is not None:
            self.job.stop.set()

    def _open_dialog(self) -> None:
        dialog = QProgressDialog(
            self.label,
            QCoreApplication.translate("Progress", "Cancel"),
            0,
            0,
            self.parent_widget,
        )
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(
            Qt.WindowModality.ApplicationModal
            if self.whole_app or self.parent_widget is None
            else Qt.WindowModality.WindowModal
        )
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        window = (
            None if self.whole_app or self.parent_widget is None else self.parent_widget.window()
        )
        self._guard = _InputGuard(window, dialog)
        QApplication.instance().installEventFilter(self._guard)

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is None:
            return
        if total <= 0:
            self.dialog.setRange(0, 0)  # how much is left is not known: a busy bar
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def _end(self, outcome: str) -> None:
        self.outcome = outcome
        if self._guard is not None:
            QApplication.instance().removeEventFilter(self._guard)
            self._guard = None
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _job_ended(self) -> None:
        assert self.job is not None
        if self.job.cancelled:
            self._cancelled()
        elif self.job.error is not None:
            self._failed(self.job.error)
        else:
            self._finished(self.job.result)

    def _finished(self, result: Any) -> None:
        self._end("success")
        try:
            self.on_success(result)
        finally:
            self._ended()

    def _failed(self, exc: BaseException) -> None:
        self._end("failure")
        try:
            if self.on_failure is not None:
                self.on_failure(exc)
            else:
                from tipdesk.ui.dialogs.errors import report

                report(self.parent_widget, exc)
        finally:
            self._ended()

    def _cancelled(self) -> None:
        self._end("cancelled")
        try:
            if self.on_cancelled is not None:
                self.on_cancelled()
        finally:
            self._ended()

    def _ended(self) -> None:
        _running.discard(self)
        # Kept until its thread has left, so that the last reference to its Qt objects
        # is dropped here, on the UI thread.
        _retiring.add(self)
        _retire(self)
        self.ended.emit()


def _retire(operation: Operation) -> None:
    job = operation.job
    if job is not None and job.thread.is_alive():
        QTimer.singleShot(10, lambda: _retire(operation))
        return
    _retiring.discard(operation)


def wait_for_all(timeout_s: float = 600) -> None:
    """Wait for every operation's thread to leave (before the register closes)."""
    for operation in [*_running, *_retiring]:
        if operation.job is not None:
            operation.job.thread.join(timeout_s)


def run_in_background(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Work,
    *,
    success: Callable[[Any], None],
    failure: Callable[[BaseException], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    cancellable: bool = True,
    whole_app: bool = False,
) -> Operation:
    """Start an :class:`Operation` behind a progress dialog and return it."""
    return Operation(
        parent,
        title,
        label,
        work,
        success=success,
        failure=failure,
        cancelled=cancelled,
        cancellable=cancellable,
        whole_app=whole_app,
    ).run()


def quietly(
    work: Callable[[], Any],
    *,
    success: Callable[[Any], None],
    failure: Callable[[BaseException], None],
) -> Operation:
    """Work that holds nothing up and shows no dialog (the day's backup)."""
    return Operation(
        None,
        "",
        "",
        lambda _progress, _cancelled: work(),
        success=success,
        failure=failure,
        dialog=False,
    ).run()
