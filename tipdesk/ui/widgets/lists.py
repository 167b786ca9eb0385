"""Pieces every list screen shares: a debounced search box, a read-only table of whole
rows, "Enter or double-click opens the row", and a row of filters that wraps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QTableView,
    QWidget,
)

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


class ColumnFitter(QObject):
    """Sizes a table's columns to their contents when asked, or, while the table is
    hidden (a tab not chosen), when it is next shown: measuring every cell of a table
    nobody looks at is most of the time a case file takes to open."""

    def __init__(self, view: QTableView, fit: Callable[[QTableView], None]) -> None:
        super().__init__(view)
        self.view = view
        self.fit = fit
        self.pending = False
        view.installEventFilter(self)

    def request(self) -> None:
        self.pending = not self.view.isVisible()
        if not self.pending:
            self.fit(self.view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.pending and watched is self.view and event.type() == QEvent.Type.Show:
            self.pending = False
            self.fit(self.view)
        return False


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


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto the next line when the screen is narrow (a filter
    row at 1024 px), after Qt's flow layout example."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() + self._spacing for i in self._visible())
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(
                    QRect(QPoint(x, y), QSize(min(hint.width(), area.width()), hint.height()))
                )
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
