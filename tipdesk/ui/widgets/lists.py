"""Pieces every list screen shares: a debounced search box, a read-only table of whole
rows, and "Enter or double-click opens the row"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QWidget

DEBOUNCE_MS = 250


class SearchBox(QLineEdit):
    """A search field that reports its text once typing pauses (``DEBOUNCE_MS``), so a
    search does not run for every key."""

    search_changed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(lambda: self.search_changed.emit(self.search_text()))
        self.textChanged.connect(lambda _text: self.timer.start())
        # Enter searches at once rather than waiting for the pause.
        self.returnPressed.connect(self.flush)

    def search_text(self) -> str:
        return self.text().strip()

    def flush(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.search_changed.emit(self.search_text())


class RowActivation(QObject):
    """Enter/Return or a double-click on a row of ``view`` calls ``callback(row)``."""

    def __init__(self, view: QAbstractItemView, callback: Callable[[int], None]) -> None:
        super().__init__(view)
        self.view = view
        self.callback = callback
        view.installEventFilter(self)
        view.doubleClicked.connect(self._activate)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            index = self.view.currentIndex()
            if index.isValid():
                self._activate(index)
                return True
        return False

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.callback(index.row())


def list_table(model: object, parent: QWidget | None = None) -> QTableView:
    """A read-only table of whole rows, the way every list screen shows one."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table
