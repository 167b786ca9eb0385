"""A PDF shown from memory (never through a temporary file): letters and the printed
plan are previewed with it before they are issued, printed or saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QStandardPaths
from PySide6.QtGui import QFont
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.services import letters
from tipdesk.ui.settings import app_settings
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, WARNING_STYLE


class PdfPreview(QWidget):
    """A PDF shown from memory, its pages one under another, fit to the width or a whole
    page at a time: the preview of letters and of the printed plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = QByteArray()
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumWidth(420)
        self.title = QLabel(self)
        self.title.setObjectName("preview_title")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.whole_page_button = QPushButton(self.tr("Whole page"), self)
        self.whole_page_button.setCheckable(True)
        self.whole_page_button.toggled.connect(self._zoom)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.whole_page_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def _zoom(self, whole: bool) -> None:
        self.view.setZoomMode(
            QPdfView.ZoomMode.FitInView if whole else QPdfView.ZoomMode.FitToWidth
        )

    def show_pdf(self, pdf: bytes | None, title: str = "") -> None:
        """Show ``pdf`` (nothing for None): the buffer and its bytes live as long as the
        document reads them, until the next PDF replaces them."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._pdf = QByteArray(pdf or b"")
        self.title.setText(title if pdf else "")
        if not pdf:
            return
        self._buffer = QBuffer(self)
        self._buffer.setData(self._pdf)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready


class OutputBox(QGroupBox):
    """ "Print or save": the warning that paper and a saved file are not encrypted, with
    Print… and a save button, as every previewed document has them."""

    def __init__(
        self,
        note: str,
        save_text: str,
        on_print: Callable[[], object],
        on_save: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Print or save"), parent)
        out = QVBoxLayout(self)
        self.unencrypted_note = QLabel(note, self)
        self.unencrypted_note.setObjectName("unencrypted_note")
        self.unencrypted_note.setWordWrap(True)
        self.unencrypted_note.setStyleSheet(WARNING_STYLE)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(on_print)
        self.save_button = QPushButton(save_text, self)
        self.save_button.setObjectName("save_pdf")
        self.save_button.clicked.connect(on_save)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        out.addWidget(self.unencrypted_note)
        out.addLayout(row)


FOLDER_KEY = "letters/folder"  # where letters and plans were last saved


def suggested_path(file_name: str) -> Path:
    """Where a Save… starts: the folder last saved to (else Documents), and ``file_name``."""
    folder = str(app_settings().value(FOLDER_KEY, "") or "") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return Path(folder) / file_name


def save_where_chosen(
    parent: QWidget,
    pdf: bytes,
    *,
    title: str,
    file_name: str,
    not_saved: str,
    say: Callable[[str, str], None],
) -> bool:
    """Once the user has accepted the warning: the file dialog, then ``pdf`` written
    where chosen (".pdf" added); says what happened. ``not_saved`` has a ``{reason}``."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggested_path(file_name)),
        QCoreApplication.translate("OutputBox", "PDF documents (*.pdf)"),
    )
    if not path:
        return False
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        letters.save_pdf(pdf, target)
    except OSError as exc:
        say(not_saved.format(reason=exc.strerror or type(exc).__name__), ERROR_STYLE)
        return False
    app_settings().setValue(FOLDER_KEY, str(target.parent))
    say(QCoreApplication.translate("OutputBox", "Saved as {path}.").format(path=target), OK_STYLE)
    return True
