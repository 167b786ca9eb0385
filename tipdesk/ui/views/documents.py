"""The case file's Documents tab (issue 24): the scans and photos of the case and of its
person, with Attach…, View, Edit…, Save a copy… and Remove.

Files dropped on the tab or its list are attached one at a time, each with its own dialog
(each file has its own kind and date; Cancel leaves the files not yet attached). A copy
held read-only, or a case this office may not change, can be viewed and saved, never
changed. The documents come from the documents service; the tab reports what it changed
(``changed``) and what it has to say (``said``) to the case file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.messages import describe_error
from tipdesk.domain.vocab import DOCUMENT_FORMAT, DOCUMENT_KIND
from tipdesk.services.access import permissions
from tipdesk.services.casework import documents
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.document import (
    ConfirmDocumentRemoval,
    DocumentDialog,
    DocumentViewer,
    document_title,
    save_copy,
    size_text,
    subject_label,
)
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import vocab_label
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, WARNING_STYLE
from tipdesk.ui.widgets.lists import ColumnFitter, list_table

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

COLUMNS = (
    QT_TRANSLATE_NOOP("DocumentsModel", "Kind"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Date"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Attached to"),
    QT_TRANSLATE_NOOP("DocumentsModel", "File type"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Size"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Note"),
)


class DocumentsModel(QAbstractTableModel):
    """The documents of a case and its person, newest date first (a short list, loaded
    whole)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[r.Document] = []
        self.rows: list[tuple[str, ...]] = []

    def set_documents(self, items: Sequence[r.Document], file: r.CaseFile | None) -> None:
        self.beginResetModel()
        self.items = sorted(
            items, key=lambda d: (d.document_on is not None, d.document_on, d.id), reverse=True
        )
        self.rows = [
            (
                vocab_label(DOCUMENT_KIND, d.kind),
                format_date(d.document_on),
                subject_label(d, file),
                vocab_label(DOCUMENT_FORMAT, d.media_type),
                size_text(d.size),
                " ".join(d.note.split()),  # one line in the list; the dialog shows it all
            )
            for d in self.items
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
                return self.items[index.row()].note or None
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("DocumentsModel", COLUMNS[section])
        return None


def dropped_files(event: QDropEvent | Any) -> list[Path]:
    """The local files of a drag (folders and web links left out)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


def fit_columns(view: QTableView, widest: int = 380) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(max(header.sectionSize(column), 70), widest))


class DocumentsTab(QWidget):
    """The Documents tab of a case file."""

    changed = Signal()  # a document attached, edited or removed
    said = Signal(str, str)  # a message for the case file, and its style

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.file: r.CaseFile | None = None
        self.writable = False
        self.model = DocumentsModel(self)
        self.view = list_table(self.model, self)
        self.view.setObjectName("documents")
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(lambda _i: self.view_document())
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.view.viewport().setAcceptDrops(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.fitter = ColumnFitter(self.view, fit_columns)
        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.setObjectName("attach_document")
        self.attach_button.setToolTip(
            self.tr(
                "Attach a scan or a photo (PDF, JPEG, PNG, WebP), or drop files here. "
                "It is kept encrypted in the register."
            )
        )
        self.attach_button.clicked.connect(lambda: self.attach())
        self.view_button = QPushButton(self.tr("View"), self)
        self.view_button.setObjectName("view_document")
        self.view_button.setToolTip(self.tr("Show the document (Enter or double click)"))
        self.view_button.clicked.connect(self.view_document)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("edit_document")
        self.edit_button.clicked.connect(self.edit_document)
        self.save_button = QPushButton(self.tr("Save a copy…"), self)
        self.save_button.setObjectName("save_document")
        self.save_button.setToolTip(
            self.tr("Save the document as a plain file, not encrypted, where you choose")
        )
        self.save_button.clicked.connect(self.save_document)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName("remove_document")
        self.remove_button.setToolTip(
            self.tr("Destroy the document here and, once synced, in every other office")
        )
        self.remove_button.clicked.connect(self.remove_document)
        self.note = QLabel(self)
        self.note.setObjectName("documents_note")
        self.note.setWordWrap(True)
        self.note.hide()
        row = QHBoxLayout()
        for button in (
            self.attach_button,
            self.view_button,
            self.edit_button,
            self.save_button,
            self.remove_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.setAcceptDrops(True)
        self._update_buttons()

    @property
    def reading_controls(self) -> list[QWidget]:
        """What stays usable on a read-only copy: the list, View and Save a copy."""
        return [self.view, self.view_button, self.save_button]

    def title(self) -> str:
        count = len(self.model.items)
        return self.tr("Documents ({count})").format(count=count) if count else self.tr("Documents")

    # --- showing --------------------------------------------------------------------------

    def show_file(self, file: r.CaseFile, *, read_only: bool = False) -> None:
        """The documents of ``file``'s case and person; ``read_only``: a copy held here."""
        self.file = file
        self.writable = not read_only and permissions.may_change_case(self.session, file.case)
        try:
            items = documents.list_documents(self.session, file.case.case_number)
        except TipdeskError as exc:
            items = []
            self.note.setText(describe_error(exc, current_language()))
            self.note.setStyleSheet(ERROR_STYLE)
            self.note.show()
        else:
            self.note.setText(
                self.tr("No documents yet. Attach a scan or a photo, or drop files here.")
                if self.writable
                else self.tr("No documents.")
            )
            self.note.setStyleSheet("")
            self.note.setVisible(not items)
        self.model.set_documents(items, file)
        self.fitter.request()

    def selected(self) -> r.Document | None:
        rows = self.view.selectionModel().selectedRows()
        index = rows[0] if rows else self.view.currentIndex()
        items = self.model.items
        return items[index.row()] if index.isValid() and index.row() < len(items) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.attach_button.setEnabled(self.writable)
        self.view_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen and self.writable)
        self.remove_button.setEnabled(chosen and self.writable)

    def _select(self, document_id: str) -> None:
        ids = [d.id for d in self.model.items]
        if document_id in ids:
            self.view.selectRow(ids.index(document_id))

    def _after_change(self, text: str, select: str = "") -> None:
        self.changed.emit()  # the case file refreshes its items, this tab with them
        if select:
            self._select(select)
        self.said.emit(text, OK_STYLE)

    # --- what the buttons do --------------------------------------------------------------

    def attach(self, paths: Sequence[Path] = ()) -> None:
        """Attach a file chosen in the dialog, or each of ``paths`` (dropped) in turn."""
        if self.file is None or not self.writable:
            return
        attached: list[r.Document] = []
        for number, path in enumerate(paths or [None], start=1):
            title = (
                self.tr("Attach a document ({number} of {count})").format(
                    number=number, count=len(paths)
                )
                if len(paths) > 1
                else ""
            )
            document = DocumentDialog.attach(self.session, self.file, path, self, title)
            if document is None:
                break  # Cancel: the files after it are not attached either
            attached.append(document)
        if not attached:
            return
        text = (
            self.tr("Document attached.")
            if len(attached) == 1
            else self.tr("{count} documents attached.").format(count=len(attached))
        )
        self._after_change(text, attached[-1].id)

    def view_document(self) -> None:
        document = self.selected()
        if document is not None:
            DocumentViewer.show_document(self.session, document.id, self)

    def edit_document(self) -> None:
        document = self.selected()
        if document is None or self.file is None or not self.writable:
            return
        if DocumentDialog.edit(self.session, self.file, document, self):
            self._after_change(self.tr("Saved."), document.id)

    def save_document(self) -> None:
        document = self.selected()
        if document is None:
            return
        path = save_copy(self.session, document, self)
        if path is not None:
            self.said.emit(
                self.tr("A copy is saved as {path}. The file is not encrypted.").format(path=path),
                WARNING_STYLE,
            )

    def remove_document(self) -> None:
        document = self.selected()
        if document is None or not self.writable:
            return
        if not ConfirmDocumentRemoval.ask(self, document_title(document)):
            return
        try:
            documents.remove_document(self.session, document.id)
        except TipdeskError as exc:
            self.said.emit(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self._after_change(self.tr("Document removed."))

    # --- keys and drops -------------------------------------------------------------------

    def _accepts(self, event: Any) -> bool:
        return self.writable and self.file is not None and bool(dropped_files(event))

    def dragEnterEvent(self, event: Any) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: Any) -> None:
        paths = dropped_files(event) if self._accepts(event) else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.view.viewport():
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                self.dragEnterEvent(event)
                return True
            if kind == QEvent.Type.Drop:
                self.dropEvent(event)
                return True
        elif watched is self.view and kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.view_document()
                return True
        return False
