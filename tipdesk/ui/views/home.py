"""The home screen: what needs doing today. A row of cards counts each kind of work; the
chosen card's cases are listed below it, wide enough to read the names. On a register
that is not set up yet, the first steps come first."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.vocab import CASE_STATUS, REFERRAL_STATUS
from tipdesk.services import first_steps
from tipdesk.services.casework import deadlines, listing
from tipdesk.ui.dates import format_date
from tipdesk.ui.models.case_list import Column, RowsModel, format_count, vocab_label
from tipdesk.ui.settings import app_settings
from tipdesk.ui.widgets.lists import RowActivation
from tipdesk.ui.widgets.look import WARNING_COLOUR, StatusDelegate, case_status_colours

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
REFERRAL = Column(
    _C,
    QT_TRANSLATE_NOOP("HomeView", "Referral"),
    lambda x: vocab_label(REFERRAL_STATUS, x.status),
)
# What each deadline rule (services/casework/deadlines.py) is called on Home.
RULE_TEXTS = {
    "risk_response": QT_TRANSLATE_NOOP("HomeView", "Risk response overdue"),
    "assessment": QT_TRANSLATE_NOOP("HomeView", "Biopsychosocial assessment due"),
    "plan_review": QT_TRANSLATE_NOOP("HomeView", "Plan review due"),
    "restitution_request": QT_TRANSLATE_NOOP("HomeView", "Restitution not yet requested"),
    "restitution_payment": QT_TRANSLATE_NOOP("HomeView", "Restitution awarded, not paid"),
    "checkup": QT_TRANSLATE_NOOP("HomeView", "Reintegration check-up due"),
}
RULE = Column(
    _C,
    QT_TRANSLATE_NOOP("HomeView", "Deadline"),
    lambda x: QCoreApplication.translate(_C, RULE_TEXTS[x.rule]),
)
DUE = Column(_C, QT_TRANSLATE_NOOP("HomeView", "Due"), lambda x: format_date(x.due_on))


@dataclass(frozen=True)
class Section:
    attribute: str  # of listing.Dashboard
    title: str  # the list's title
    card: str  # the card's caption, short enough for two lines at 1024 wide
    columns: tuple[Column, ...]
    warn: bool = False  # a count above zero is shown as needing attention
    in_register: bool = True  # the Register lists what this list leaves out


# The cards in reading order: the worker's own cases, what is late, what is due, then
# what came in.
SECTIONS = (
    Section(
        "my_open",
        QT_TRANSLATE_NOOP("HomeView", "My open cases"),
        QT_TRANSLATE_NOOP("HomeView", "My open cases"),
        (CASE_NO, NAME, STATUS, FOLLOW_UP),
    ),
    Section(
        "overdue",
        QT_TRANSLATE_NOOP("HomeView", "Overdue follow-ups"),
        QT_TRANSLATE_NOOP("HomeView", "Overdue follow-ups"),
        (CASE_NO, NAME, STATUS, FOLLOW_UP),
        warn=True,
    ),
    # What the case's own records say is due (assessment, plan, legal case, restitution,
    # reintegration): due today or late, the late dates in the warning colour.
    Section(
        "deadlines",
        QT_TRANSLATE_NOOP("HomeView", "Deadlines"),
        QT_TRANSLATE_NOOP("HomeView", "Deadlines"),
        (CASE_NO, NAME, RULE, DUE),
        warn=True,
        in_register=False,
    ),
    Section(
        "follow_ups_this_week",
        QT_TRANSLATE_NOOP("HomeView", "Follow-ups due this week"),
        QT_TRANSLATE_NOOP("HomeView", "Follow-ups this week"),
        (CASE_NO, NAME, STATUS, FOLLOW_UP),
    ),
    # Sent or accepted referrals to follow up by the end of the week, overdue ones first
    # (their dates in the warning colour): a reply never chased is work left undone.
    Section(
        "referral_follow_ups",
        QT_TRANSLATE_NOOP("HomeView", "Referral follow-ups due"),
        QT_TRANSLATE_NOOP("HomeView", "Referrals to follow up"),
        (CASE_NO, NAME, PROVIDER, REFERRAL, FOLLOW_UP),
    ),
    Section(
        "awaiting_reply",
        QT_TRANSLATE_NOOP("HomeView", "Referrals awaiting a reply"),
        QT_TRANSLATE_NOOP("HomeView", "Awaiting a reply"),
        (CASE_NO, NAME, PROVIDER, LETTER, FOLLOW_UP),
    ),
    Section(
        "opened_this_month",
        QT_TRANSLATE_NOOP("HomeView", "Cases opened this month"),
        QT_TRANSLATE_NOOP("HomeView", "Opened this month"),
        (CASE_NO, NAME, STATUS, FOLLOW_UP),
    ),
)

# The first steps of a new register: what each is called, what done looks like, and the
# button that takes it.
STEP_TEXTS = {
    "letters": (
        QT_TRANSLATE_NOOP("HomeView", "Letterhead, logo and signatory of the office's letters"),
        QT_TRANSLATE_NOOP("HomeView", "Letter settings…"),
    ),
    "providers": (
        QT_TRANSLATE_NOOP("HomeView", "Service providers the office refers victims to"),
        QT_TRANSLATE_NOOP("HomeView", "Providers"),
    ),
    "users": (
        QT_TRANSLATE_NOOP("HomeView", "An account for every colleague who uses TipDesk"),
        QT_TRANSLATE_NOOP("HomeView", "Users"),
    ),
    "keys": (
        QT_TRANSLATE_NOOP("HomeView", "The provincial office's key, to send it your cases"),
        QT_TRANSLATE_NOOP("HomeView", "Sync"),
    ),
    "first_case": (
        QT_TRANSLATE_NOOP("HomeView", "The first case"),
        QT_TRANSLATE_NOOP("HomeView", "New case…"),
    ),
}


def _count_text(count: int) -> str:
    """A count as Home says it: past the dashboard's cap, "1.000+"."""
    capped = count >= listing.COUNT_CAP
    return format_count(listing.COUNT_CAP) + "+" if capped else format_count(count)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class CountCard(QPushButton):
    """A card: a large count over a short caption. Checkable: the chosen card's list is
    the one shown under the cards."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.number = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(_tr(section.card), self)
        self.caption.setWordWrap(True)
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption, 1)
        lines = 2 * self.caption.fontMetrics().lineSpacing()
        self.setMinimumHeight(self.number.sizeHint().height() + lines + 16)
        self.setMinimumWidth(110)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.number.setText(_count_text(count))
        attention = self.section.warn and count > 0
        self.number.setStyleSheet(f"color: {WARNING_COLOUR};" if attention else "")
        self.setAccessibleName(f"{_count_text(count)} {self.caption.text()}")
        self.setToolTip(_tr(self.section.title))


class DashboardList(QGroupBox):
    """One section: its title with the count, and its rows, names given the room."""

    activated = Signal(str)  # case number

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.today = None
        self.model = RowsModel(section.columns, key=lambda x: x.case_number, parent=self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Names take what the numbers, statuses and dates leave.
        for index, column in enumerate(section.columns):
            if column in (NAME, PROVIDER, RULE):
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
            if column in (STATUS, REFERRAL):
                self.view.setItemDelegateForColumn(
                    index, StatusDelegate(case_status_colours(), self.view)
                )
        self.late_dates = _LateDates(self.view)
        self.late_rows: list[int] = []
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
        return _tr(self.section.title)

    def set_rows(self, rows: list, count: int | None = None, today=None) -> None:
        self.today = today
        self.model.set_rows(rows)
        total = len(rows) if count is None else count
        shown = ""
        if total > len(rows) and self.section.in_register:
            shown = " · " + QCoreApplication.translate(
                "HomeView", "the first {n}; all of them in the Register"
            ).format(n=format_count(len(rows)))
        elif total > len(rows):
            shown = " · " + QCoreApplication.translate(
                "HomeView", "the first {n}, the earliest due"
            ).format(n=format_count(len(rows)))
        self.setTitle(f"{self.title_text()} ({_count_text(total)}){shown}")
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        self._mark_overdue()

    def _mark_overdue(self) -> None:
        """Follow-up and due dates already past, in the warning colour."""
        dated = [c for c in (FOLLOW_UP, DUE) if c in self.section.columns]
        if self.today is None or not dated:
            return
        column = self.section.columns.index(dated[0])
        attribute = "follow_up_on" if dated[0] is FOLLOW_UP else "due_on"
        late = [
            row
            for row in range(self.model.rowCount())
            if (due := getattr(self.model.row_at(row), attribute)) is not None and due < self.today
        ]
        self.late_rows = late
        self.late_dates.rows = set(late)
        self.view.setItemDelegateForColumn(column, self.late_dates)

    def case_numbers(self) -> list[str]:
        return [self.model.key_at(row) for row in range(self.model.rowCount())]

    def _activate(self, row: int) -> None:
        self.activated.emit(self.model.key_at(row))


class _LateDates(QStyledItemDelegate):
    """Dates of the given rows in the warning colour, bold."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: set[int] = set()

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if index.row() in self.rows:
            option.palette.setColor(option.palette.ColorRole.Text, QColor(WARNING_COLOUR))
            option.font.setBold(True)


class FirstSteps(QGroupBox):
    """What a new register still needs, each step with the button that takes it."""

    requested = Signal(str)  # a key of first_steps.STEPS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("HomeView", "First steps"), parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[QLabel, QLabel, QPushButton]] = {}
        for row, (key, (_text, button_text)) in enumerate(STEP_TEXTS.items()):
            mark = QLabel(self)
            label = QLabel(self)
            label.setWordWrap(True)
            button = QPushButton(_tr(button_text), self)
            button.clicked.connect(lambda _=False, k=key: self.requested.emit(k))
            self.grid.addWidget(mark, row, 0)
            self.grid.addWidget(label, row, 1)
            self.grid.addWidget(button, row, 2)
            self.rows[key] = (mark, label, button)
        self.hide_button = QPushButton(
            QCoreApplication.translate("HomeView", "Hide these steps"), self
        )
        self.hide_button.setToolTip(
            QCoreApplication.translate("HomeView", "They come back from the Help menu")
        )
        self.grid.addWidget(
            self.hide_button, len(STEP_TEXTS), 2, alignment=Qt.AlignmentFlag.AlignRight
        )

    def set_steps(self, steps: list[first_steps.Step]) -> None:
        for step in steps:
            mark, label, button = self.rows[step.key]
            text = _tr(STEP_TEXTS[step.key][0])
            if step.count:
                text += f" ({format_count(step.count)})"
            if not step.allowed and not step.done:
                text += " — " + QCoreApplication.translate("HomeView", "an administrator does this")
            label.setText(text)
            mark.setText("✔" if step.done else "○")
            mark.setStyleSheet("color: #1b5e20; font-weight: bold;" if step.done else "")
            mark.setAccessibleName(
                QCoreApplication.translate("HomeView", "done")
                if step.done
                else QCoreApplication.translate("HomeView", "to do")
            )
            button.setEnabled(step.allowed)

    def steps_left(self) -> list[str]:
        return [key for key, (mark, _label, _button) in self.rows.items() if mark.text() != "✔"]


class HomeView(QWidget):
    open_case_requested = Signal(str)
    new_case_requested = Signal()
    # "letters" | "providers" | "users" | "keys": the screen that takes a first step
    step_requested = Signal(str)

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

        self.first_steps = FirstSteps(self)
        self.first_steps.requested.connect(self._take_step)
        self.first_steps.hide_button.clicked.connect(self.hide_first_steps)

        cards = QHBoxLayout()
        cards.setSpacing(8)
        self.cards: dict[str, CountCard] = {}
        self.card_group = QButtonGroup(self)
        self.card_group.setExclusive(True)
        self.lists = QStackedWidget(self)
        self.sections: dict[str, DashboardList] = {}
        for section in SECTIONS:
            card = CountCard(section, self)
            card.clicked.connect(lambda _=False, a=section.attribute: self.choose(a))
            self.card_group.addButton(card)
            cards.addWidget(card)
            self.cards[section.attribute] = card
            box = DashboardList(section, self)
            box.activated.connect(self.open_case_requested)
            self.lists.addWidget(box)
            self.sections[section.attribute] = box

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.first_steps)
        layout.addLayout(cards)
        layout.addWidget(self.lists, 1)
        self.chosen = ""
        self.refresh()

    def _steps_hidden(self) -> bool:
        return bool(app_settings().value(self._hidden_key(), False, type=bool))

    def _hidden_key(self) -> str:
        return f"home/first_steps_hidden/{self.session.office.id}"

    def hide_first_steps(self) -> None:
        app_settings().setValue(self._hidden_key(), True)
        self.first_steps.hide()

    def show_first_steps(self) -> None:
        app_settings().remove(self._hidden_key())
        self.refresh()

    def _take_step(self, key: str) -> None:
        if key == "first_case":
            self.new_case_requested.emit()
        else:
            self.step_requested.emit(key)

    def choose(self, attribute: str) -> None:
        """Show the list of one card."""
        self.chosen = attribute
        self.cards[attribute].setChecked(True)
        self.lists.setCurrentWidget(self.sections[attribute])

    def refresh(self) -> None:
        today = self.session.today()
        board = listing.dashboard(self.session, today=today, limit=LIMIT)
        due = deadlines.deadlines(self.session, today=today, limit=LIMIT)
        for attribute, box in self.sections.items():
            if attribute == "deadlines":
                rows, count = due.items, due.count
            else:
                rows = getattr(board, attribute)
                count = board.counts.get(attribute, len(rows))
            box.set_rows(rows, count, today)
            self.cards[attribute].set_count(count)
        steps = first_steps.first_steps(self.session)
        self.first_steps.set_steps(steps)
        left = [s for s in steps if not s.done]
        self.first_steps.setVisible(bool(left) and not self._steps_hidden())
        if not self.chosen:
            # Late work first, if there is any; otherwise the worker's own cases.
            late = [a for a in ("overdue", "referral_follow_ups") if self.cards[a].count]
            self.chosen = late[0] if late else SECTIONS[0].attribute
        self.choose(self.chosen)
        user = self.session.user
        # Only a name and a date: nothing to translate.
        self.heading.setText(f"{user.display_name or user.username} — {format_date(today)}")
