"""The home screen: what needs doing today, in six short lists."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.vocab import CASE_STATUS
from tipdesk.services.casework import listing
from tipdesk.ui.dates import format_date
from tipdesk.ui.models.case_list import Column, RowsModel, format_count, vocab_label
from tipdesk.ui.widgets.lists import RowActivation

LIMIT = 50  # rows per list; the full lists are in the register
_C = "HomeView"

CASE_NO = Column(_C, QT_TRANSLATE_NOOP("HomeView", "Case no."), lambda x: x.case_number)
NAME = Column(_C, QT_TRANSLATE_NOOP("HomeView", "Name"), lambda x: x.full_name)
STATUS = Column(
    _C, QT_TRANSLATE_NOOP("HomeView", "Status"), lambda x: vocab_label(CASE_STATUS, x.status)
)
FOLLOW_UP = Column(
    _C, QT_TRANSLATE_NOOP("HomeView", "Follow-up"), lambda x: format_date(x.follow_up_on)
)
PROVIDER = Column(_C, QT_TRANSLATE_NOOP("HomeView", "Provider"), lambda x: x.provider_name)
LETTER = Column(
    _C, QT_TRANSLATE_NOOP("HomeView", "Letter date"), lambda x: format_date(x.letter_date)
)


@dataclass(frozen=True)
class Section:
    attribute: str  # of listing.Dashboard
    title: str
    columns: tuple[Column, ...]
    row: int
    column: int
    span: int


# Three lists on top, three below: fits 1366x768 without scrolling.
SECTIONS = (
    Section(
        "my_open", QT_TRANSLATE_NOOP("HomeView", "My open cases"), (CASE_NO, NAME, STATUS), 0, 0, 2
    ),
    Section(
        "follow_ups_this_week",
        QT_TRANSLATE_NOOP("HomeView", "Follow-ups due this week"),
        (CASE_NO, NAME, FOLLOW_UP),
        0,
        2,
        2,
    ),
    Section(
        "overdue",
        QT_TRANSLATE_NOOP("HomeView", "Overdue follow-ups"),
        (CASE_NO, NAME, FOLLOW_UP),
        0,
        4,
        2,
    ),
    Section(
        "awaiting_reply",
        QT_TRANSLATE_NOOP("HomeView", "Referrals awaiting a reply"),
        (CASE_NO, NAME, PROVIDER, LETTER),
        1,
        0,
        2,
    ),
    # Sent or accepted referrals to follow up by the end of the week, overdue ones first.
    Section(
        "referral_follow_ups",
        QT_TRANSLATE_NOOP("HomeView", "Referral follow-ups this week"),
        (CASE_NO, NAME, PROVIDER, FOLLOW_UP),
        1,
        2,
        2,
    ),
    Section(
        "opened_this_month",
        QT_TRANSLATE_NOOP("HomeView", "Cases opened this month"),
        (CASE_NO, NAME, STATUS),
        1,
        4,
        2,
    ),
)


class DashboardList(QGroupBox):
    """One section: its title with the count, and a compact list of its rows."""

    activated = Signal(str)  # case number

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.model = RowsModel(section.columns, key=lambda x: x.case_number, parent=self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Names share what the numbers and dates leave, so the dates stay in view.
        for index, column in enumerate(section.columns):
            if column in (NAME, PROVIDER):
                self.view.header().setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        self.activation = RowActivation(self.view, self._activate)
        self.empty = QLabel(QCoreApplication.translate("HomeView", "Nothing here."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)  # greyed: a note, not data
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        self.set_rows([])

    def title_text(self) -> str:
        return QCoreApplication.translate("HomeView", self.section.title)

    def set_rows(self, rows: list) -> None:
        self.model.set_rows(rows)
        n = len(rows)
        # The service returns at most LIMIT rows; more exist when the list is full.
        count = format_count(n) + ("+" if n >= LIMIT else "")
        self.setTitle(f"{self.title_text()} ({count})")
        self.stack.setCurrentWidget(self.view if rows else self.empty)

    def case_numbers(self) -> list[str]:
        return [self.model.key_at(row) for row in range(self.model.rowCount())]

    def _activate(self, row: int) -> None:
        self.activated.emit(self.model.key_at(row))


class HomeView(QWidget):
    open_case_requested = Signal(str)

    def __init__(self, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.reload = QPushButton(self.tr("Refresh"), self)
        self.reload.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.reload)

        grid = QGridLayout()
        self.sections: dict[str, DashboardList] = {}
        for section in SECTIONS:
            box = DashboardList(section, self)
            box.activated.connect(self.open_case_requested)
            self.sections[section.attribute] = box
            grid.addWidget(box, section.row, section.column, 1, section.span)
        for column in range(6):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.refresh()

    def refresh(self) -> None:
        today = self.session.today()
        board = listing.dashboard(self.session, today=today, limit=LIMIT)
        for attribute, box in self.sections.items():
            box.set_rows(getattr(board, attribute))
        user = self.session.user
        # Only a name and a date: nothing to translate.
        self.heading.setText(f"{user.display_name or user.username} — {format_date(today)}")
