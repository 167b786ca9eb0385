"""Long work off the UI thread: one place owns threads, progress and cancellation.

Services take plain ``progress(done, total)`` and ``cancelled()`` callables; a ``Job``
runs such a function in the global ``QThreadPool`` and reports back through signals,
which Qt delivers on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from tipdesk.logs import frames

log = logging.getLogger(__name__)


class JobSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Job(QRunnable):
    """Run ``work(progress, cancelled)`` in the thread pool."""

    def __init__(self, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]):
        super().__init__()
        self.work = work
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from tipdesk.domain.errors import Cancelled

        try:
            result = self.work(self.signals.progress.emit, self._cancel.is_set)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the UI thread, which shows it
            log.error("job failed: %s\n%s", type(exc).__name__, frames(exc))
            self.signals.failed.emit(exc)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


def start(job: Job) -> Job:
    QThreadPool.globalInstance().start(job)
    return job
