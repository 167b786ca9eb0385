"""Register a new person with their first case, checking first whether they are known.

Before anything is written the register is searched for the same person (same NIK, or
a similar name); the worker may open an existing case instead, open a new case for the
person found (a victim who returns), or create anyway. From a case file, the dialog opens
a new case for that case's person directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, TipdeskError, ValidationFailed
from tipdesk.domain.messages import describe_error
from tipdesk.domain.validation import validate
from tipdesk.services.casework import cases, listing
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date
from tipdesk.ui.i18n import current_language
from tipdesk.ui.views.case_file import UnsavedChanges
from tipdesk.ui.widgets.forms import (
    CaseForm,
    PersonForm,
    message_label,
    refusal,
    save_cancel_buttons,
    scrolled,
)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root of a table model

CANDIDATE_COLUMNS = (
    QT_TRANSLATE_NOOP("CandidatesModel", "Name"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Register number"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Birth date / age"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Cases"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Why it may be the same person"),
)
REASONS = {
    "same_nik": QT_TRANSLATE_NOOP("CandidatesModel", "Same NIK"),
    "similar_name": QT_TRANSLATE_NOOP("CandidatesModel", "Similar name"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("CandidatesModel", text)


class CandidatesModel(QAbstractTableModel):
    """People already in the register who may be the person being entered."""

    def __init__(
        self, candidates: Sequence[Any], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.candidates = list(candidates)
        self.today = today

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(CANDIDATE_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        candidate = self.candidates[index.row()]
        person: r.Person = candidate.person
        column = index.column()
        if column == 0:
            return person.full_name
        if column == 1:
            return person.register_number
        if column == 2:
            return self._birth(person)
        if column == 3:
            return ", ".join(candidate.case_numbers)
        return ", ".join(
            _t(REASONS[reason]) if reason in REASONS else str(reason)
            for reason in candidate.reasons
        )

    def _birth(self, person: r.Person) -> str:
        age = r.age_of(person, self.today)
        if person.birth_date:
            return f"{format_date(person.birth_date)} ({age})"
        if age is not None:
            return QCoreApplication.translate("CandidatesModel", "about {age} years").format(
                age=age
            )
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(CANDIDATE_COLUMNS)
        ):
            return _t(CANDIDATE_COLUMNS[section])
        return None


class DuplicatesDialog(QDialog):
    """Shows possible matches; the worker opens one of their cases, opens a new case for
    the chosen person, or creates a new person anyway."""

    OPEN, CREATE, FOR_PERSON = "open", "create", "for_person"

    def __init__(
        self, candidates: Sequence[Any], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choice: tuple[str, str | None] | None = None
        self.setWindowTitle(self.tr("Already in the register?"))
        intro = QLabel(
            self.tr(
                "These people in the register may be the person you are "
                "entering. If she is one of them, open one of her cases or "
                "give her a new case; otherwise register a new person."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = CandidatesModel(candidates, today, self)
        self.table = QTableView(self)
        self.table.setObjectName("candidates")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.case_choice = QComboBox(self)
        self.case_choice.setObjectName("case_choice")
        self.open_button = QPushButton(self.tr("Open this case"), self)
        self.open_button.setObjectName("open_case")
        self.for_person_button = QPushButton(self.tr("New case for this person"), self)
        self.for_person_button.setObjectName("new_case_for_person")
        self.for_person_button.setToolTip(
            self.tr(
                "The case you typed, for the chosen person: details she lacks are filled "
                "in, her registered details are kept"
            )
        )
        self.for_person_button.setDefault(True)
        self.create_button = QPushButton(self.tr("New person anyway"), self)
        self.create_button.setObjectName("create_anyway")
        cancel = QPushButton(self.tr("Back to the form"), self)
        self.open_button.clicked.connect(self.open_chosen)
        self.create_button.clicked.connect(self.create_anyway)
        self.for_person_button.clicked.connect(self.new_case_for_person)
        cancel.clicked.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_chosen())
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Case to open:"), self))
        choose.addWidget(self.case_choice, 1)
        choose.addWidget(self.open_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.for_person_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(choose)
        layout.addLayout(buttons)
        self.resize(900, 360)
        if candidates:
            self.table.selectRow(0)
        self._row_chosen()

    def _row_chosen(self) -> None:
        row = self.table.currentIndex().row()
        numbers = list(self.model.candidates[row].case_numbers) if row >= 0 else []
        self.case_choice.clear()
        # The most recent case first: case numbers carry the year and a running number.
        self.case_choice.addItems(sorted(numbers, reverse=True))
        self.open_button.setEnabled(bool(numbers))
        self.for_person_button.setEnabled(row >= 0)

    def open_chosen(self) -> None:
        number = self.case_choice.currentText()
        if number:
            self.choice = (self.OPEN, number)
            self.accept()

    def new_case_for_person(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.choice = (self.FOR_PERSON, self.model.candidates[row].person.id)
            self.accept()

    def create_anyway(self) -> None:
        self.choice = (self.CREATE, None)
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, candidates: Sequence[Any], today: dt.date
    ) -> tuple[str, str | None] | None:
        """``("open", case number)``, ``("for_person", person id)``, ``("create", None)``,
        or None to go back."""
        dialog = cls(candidates, today, parent)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()


class NewCaseDialog(QDialog):
    """The person's form and the first case's form; Save checks for duplicates first.
    With ``person`` (from a case file), only the case's form: a new case for her."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, person: r.Person | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number: str | None = None  # the case created
        self.chosen_case_number: str | None = None  # an existing case to open instead
        self.warnings: list[Problem] = []
        self.known_person = person
        self.setWindowTitle(
            self.tr("New case for {name} ({number})").format(
                name=person.full_name, number=person.register_number
            )
            if person
            else self.tr("New case")
        )
        self.person = r.Person()
        self.case = r.Case(opened_on=session.today(), assigned_to=session.user.username)
        self.person_form = PersonForm(session.today)
        self.case_form = CaseForm(
            workers=[
                (u.display_name or u.username, u.username) for u in listing.list_workers(session)
            ]
        )
        self.person_form.load(self.person)
        self.case_form.load(self.case)
        self.tabs = QTabWidget(self)
        self.person_scroll = scrolled(self.person_form)
        self.case_scroll = scrolled(self.case_form)
        if person is None:
            self.tabs.addTab(self.person_scroll, self.tr("Person"))
            self.tabs.addTab(self.case_scroll, self.tr("First case"))
        else:
            self.person_scroll.hide()
            self.tabs.addTab(self.case_scroll, self.tr("New case"))
        self.message = message_label(self)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen else None
        self.resize(
            min(1200, room.width() - 40) if room else 1200,
            min(720, room.height() - 60) if room else 720,
        )

    def has_unsaved_changes(self) -> bool:
        return self.person_form.is_dirty() or self.case_form.is_dirty()

    def save(self) -> bool:
        """Check, look for the same person, then create; False if nothing happened."""
        self.message.hide()
        self.person_form.clear_problems()
        self.case_form.clear_problems()
        person, person_input = self.person_form.edited_copy(self.person)
        case, case_input = self.case_form.edited_copy(self.case)
        if self.known_person is not None:  # her details are registered: only the case
            person, person_input = self.known_person, []
        problems = person_input + case_input
        if not problems:
            today = self.session.today()
            # The case gets its person when both are written; do not ask for it here.
            checked = validate(person, today=today) if self.known_person is None else []
            problems = checked + [p for p in validate(case, today=today) if p.field != "person_id"]
        if any(p.is_error for p in problems):
            self._refused(ValidationFailed(problems))
            return False
        if self.known_person is not None:
            known = self.known_person.id
            return self._written(lambda: cases.add_case(self.session, known, case))
        candidates = self._duplicates(person)
        if candidates:
            choice = DuplicatesDialog.ask(self, candidates, self.session.today())
            if choice is None:
                return False
            if choice[0] == DuplicatesDialog.OPEN:
                self.chosen_case_number = choice[1]
                self.accept()
                return True
            if choice[0] == DuplicatesDialog.FOR_PERSON:
                # Another case for the registered person, with what was typed about her.
                found = str(choice[1])
                return self._written(
                    lambda: cases.add_case(self.session, found, case, typed=person)
                )
        return self._written(lambda: cases.create_case(self.session, person, case))

    def _written(self, write: Callable[[], tuple[r.CaseFile, list[Problem]]]) -> bool:
        """Write the case; False (and why, on the form) if the service refused it."""
        try:
            file, self.warnings = write()
        except ValidationFailed as exc:
            self._refused(exc)
            return False
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()))
            return False
        self.case_number = file.case.case_number
        self.accept()
        return True

    def _duplicates(self, person: r.Person) -> list[Any]:
        # Imported here: the duplicate search is a separate service module.
        from tipdesk.services.casework.duplicates import find_duplicates

        return list(find_duplicates(self.session, person))

    def _refused(self, exc: ValidationFailed) -> None:
        text, first = refusal(exc, self.person_form, self.case_form)
        self._say(text)
        for form, scroll in (
            (self.person_form, self.person_scroll),
            (self.case_form, self.case_scroll),
        ):
            if first in form.editors:
                self.tabs.setCurrentWidget(scroll)
                scroll.ensureWidgetVisible(form.editors[first])
                form.focus_field(first)
                break

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def reject(self) -> None:
        """Cancel; typed-in details are not dropped without asking."""
        if self.has_unsaved_changes():
            answer = UnsavedChanges.ask(self)
            if answer == UnsavedChanges.CANCEL:
                return
            if answer == UnsavedChanges.SAVE:
                self.save()
                return
        super().reject()

    @classmethod
    def create(cls, session: Session, parent: QWidget | None = None) -> str | None:
        """The new case's number, or an existing case chosen instead; None if cancelled."""
        return cls.run(session, parent)[0]

    @classmethod
    def run(
        cls, session: Session, parent: QWidget | None = None, *, person: r.Person | None = None
    ) -> tuple[str | None, list[Problem]]:
        """(the case to open: new, or an existing one chosen instead; None if cancelled,
        and the warnings of what was written, to show on the case)."""
        dialog = cls(session, parent, person=person)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None, []
            return dialog.chosen_case_number or dialog.case_number, dialog.warnings
        finally:
            dialog.deleteLater()
