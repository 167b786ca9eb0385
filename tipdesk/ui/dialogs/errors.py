"""Errors shown to people: refusals as one translated sentence, the unexpected with
copyable details and the log path.

Details hold the exception type and the code locations only — never its message, which
may quote a value a user typed (a name, a NIK). The log gets the same.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tipdesk import __version__
from tipdesk.domain.errors import TipdeskError, ValidationFailed
from tipdesk.domain.messages import describe_error, describe_problem
from tipdesk.logs import frames
from tipdesk.paths import log_file
from tipdesk.services.register import as_refusal
from tipdesk.ui.i18n import current_language

log = logging.getLogger("tipdesk")


def refusal_text(exc: TipdeskError) -> str:
    """The translated sentence for a refusal, with its problems if it has them."""
    lang = current_language()
    text = describe_error(exc, lang)
    if isinstance(exc, ValidationFailed):
        text += "\n" + "\n".join("• " + describe_problem(p, lang) for p in exc.problems)
    return text


def safe_details(exc: BaseException) -> str:
    return (
        f"TipDesk {__version__}, Python {sys.version.split()[0]}\n"
        f"{type(exc).__name__}\n{frames(exc)}"
    )


def show_refusal(parent: QWidget | None, exc: TipdeskError) -> None:
    QMessageBox.warning(parent, QApplication.translate("Errors", "TipDesk"), refusal_text(exc))


class ExceptionDialog(QDialog):
    """An unexpected error: what to do, the log path, and details to copy for IT."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "TipDesk met an unexpected error. Your saved work is safe; the last action may "
                "not have been completed. Please send the details below to your office IT."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        self.log_label = QLabel(self.tr("Log file: {path}").format(path=log_file()))
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_label)
        self.details = QPlainTextEdit(safe_details(exc))
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


def _register_folder(parent: QWidget | None):
    """The folder of the register open in ``parent``'s window, if it shows one."""
    for widget in (
        parent,
        parent.window() if parent is not None else None,
        QApplication.activeWindow(),
    ):
        session = getattr(widget, "session", None)
        folder = getattr(session, "folder", None)
        if folder is not None:
            return folder
    return None


def warn_writing_failed(
    parent: QWidget | None, title: str, file_problem: str
) -> Callable[[BaseException], None]:
    """A failure callback for work that writes a file the user chose: a refusal in its
    words, a file system error as ``file_problem``, anything else reported."""

    def failed(error: BaseException) -> None:
        if isinstance(error, TipdeskError):
            QMessageBox.warning(parent, title, refusal_text(error))
        elif isinstance(error, OSError):
            QMessageBox.warning(parent, title, file_problem)
        else:
            report(parent, error)

    return failed


def report(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception the right way: refusals plainly, the rest with details."""
    if isinstance(exc, TipdeskError):
        show_refusal(parent, exc)
        return
    # A full, read-only or busy drive or folder is said as such, in the same words as the
    # command line (issue 19), not as an unexpected error.
    refused = as_refusal(exc, _register_folder(parent))
    if refused is not None:
        log.warning("refused: %s (%s)", refused.code, type(exc).__name__)
        show_refusal(parent, refused)
        return
    log.error("unexpected %s\n%s", type(exc).__name__, frames(exc))
    ExceptionDialog(exc, parent).exec()


def install_excepthook() -> None:
    """Uncaught exceptions in Qt slots open the dialog instead of vanishing."""

    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        report(QApplication.activeWindow(), exc)

    sys.excepthook = hook
