"""Add or edit a record of the case journey (assessment, plan goal, legal step,
restitution, LPSK request, return, check-up) and an incident.

Built like the service, referral and note dialogs (``item_dialogs``): a ``RecordForm``
from the record's field declarations, saved through the journey service, problems under
their fields. Rupiah amounts are typed and shown with thousands separators.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, TipdeskError, ValidationFailed
from tipdesk.domain.fields import parse_value
from tipdesk.domain.messages import describe_error, describe_problem
from tipdesk.domain.validation import validate
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.services.casework import cases, journey
from tipdesk.services.casework.duplicates import find_duplicates
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.item_dialogs import ItemDialog, lay_out_form
from tipdesk.ui.i18n import current_language
from tipdesk.ui.widgets.forms import (
    ERROR_STYLE,
    WARNING_STYLE,
    ChoiceEditor,
    FieldEditor,
    RecordForm,
    TextEditor,
    message_label,
    refusal,
    save_cancel_buttons,
)

AMOUNTS = ("requested_amount", "lpsk_assessed_amount", "awarded_amount", "paid_amount")
_NOT_DIGITS = re.compile(r"[\s.]")


def format_rupiah(amount: int | None) -> str:
    """``12500000`` -> ``Rp 12.500.000`` (as rupiah are written in Indonesia); "" for none."""
    if amount is None:
        return ""
    return "Rp " + f"{amount:,}".replace(",", ".")


def parse_rupiah(text: str) -> int | None:
    """``Rp 12.500.000``, ``12.500.000`` or ``12500000`` -> 12500000; ValueError if it
    is not a whole number of rupiah."""
    raw = text.strip()
    if raw[:2].lower() == "rp":
        raw = raw[2:]
    raw = _NOT_DIGITS.sub("", raw)
    if not raw:
        return None
    if not raw.isdigit():
        raise ValueError(text)
    return int(raw)


class RupiahEditor(TextEditor):
    """A whole rupiah amount, typed with or without "Rp" and dots, shown with them."""

    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit.setMaximumWidth(200)
        self.edit.setPlaceholderText("Rp 0")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.editingFinished.connect(self._tidy)
        self.layout_.addStretch(1)

    def write(self, value: Any) -> None:
        self.edit.setText(format_rupiah(value))

    def read(self) -> tuple[Any, Problem | None]:
        try:
            return parse_rupiah(self.edit.text()), None
        except ValueError:
            return None, Problem(
                self.field.name, "invalid_number", params={"value": self.edit.text()[:40]}
            )

    def _tidy(self) -> None:
        value, problem = self.read()
        if problem is None:
            self.edit.setText(format_rupiah(value))


class LinkedEditor(FieldEditor):
    """The case's services and referrals that serve a plan goal, each with a tick box."""

    def __init__(
        self,
        field: dataclasses.Field,
        choices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(field, parent)
        self.list = QListWidget(self)
        self.list.setObjectName(f"edit_{field.name}")
        for label, value in choices:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = max(2, min(len(choices), 5))
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * rows + 16)
        if not choices:
            self.list.addItem(
                QCoreApplication.translate(
                    "JourneyDialog", "This case has no services or referrals yet"
                )
            )
            self.list.setEnabled(False)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        self.layout_.addWidget(self.list)

    def _items(self) -> list[QListWidgetItem]:
        return [
            self.list.item(i)
            for i in range(self.list.count())
            if self.list.item(i).data(Qt.ItemDataRole.UserRole)
        ]

    def write(self, value: Any) -> None:
        chosen = set(value or [])
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def read(self) -> tuple[Any, Problem | None]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ], None

    def text(self) -> str:
        return ",".join(self.read()[0])

    def set_checked(self, value: str, checked: bool = True) -> None:
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) == value:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def focus_widget(self) -> QWidget:
        return self.list


def _label(vocab: str, code: str | None) -> str:
    found = VOCABULARIES[vocab]
    return found.label(code, current_language()) if code in found else (code or "")


def service_choices(file: r.CaseFile) -> list[tuple[str, str]]:
    """The case's services and referrals as a person names them."""
    choices = []
    for service in file.services:
        when = format_date(service.planned_on) if service.planned_on else ""
        text = QCoreApplication.translate("JourneyDialog", "Service: {what}").format(
            what=_label("service_type", service.service_type)
        )
        choices.append((f"{text} {when}".strip(), service.id))
    for referral in file.referrals:
        provider = file.providers.get(referral.provider_id)
        text = QCoreApplication.translate("JourneyDialog", "Referral: {to}").format(
            to=provider.name if provider else referral.provider_id
        )
        choices.append((text, referral.id))
    return choices


def return_choices(file: r.CaseFile) -> list[tuple[str, str]]:
    return [
        (
            " · ".join(
                x
                for x in (
                    format_date(item.departed_on) if item.departed_on else "",
                    _label("return_escort", item.escort),
                )
                if x
            ),
            item.id,
        )
        for item in file.returns
    ]


class JourneyDialog(ItemDialog):
    """A record of the case journey, saved through ``journey.add_record`` or
    ``journey.update_record``."""

    add_title = ""
    edit_title = ""
    save_new = staticmethod(journey.add_record)
    save_existing = staticmethod(journey.update_record)

    def title(self) -> str:
        return _tr(self.add_title if self.is_new else self.edit_title)

    def case_file(self) -> r.CaseFile:
        if not hasattr(self, "_file"):
            self._file = cases.open_case(self.session, self.case.case_number, audit=False)
        return self._file


def _tr(text: str) -> str:
    return QCoreApplication.translate("JourneyDialog", text)


class AssessmentDialog(JourneyDialog):
    record_type = r.Assessment
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Assessment"),
            ("kind", "assessed_on", "assessed_by", "risk_level", "respond_by"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Needs and findings"), ("needs", "findings")),
    )
    add_title = QT_TRANSLATE_NOOP("JourneyDialog", "Add an assessment")
    edit_title = QT_TRANSLATE_NOOP("JourneyDialog", "Edit assessment")

    def blank(self) -> Any:
        return r.Assessment(case_id=self.case.id, assessed_on=self.session.today())


class PlanGoalDialog(JourneyDialog):
    record_type = r.PlanGoal
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Goal"),
            ("goal", "domain", "status", "target_on", "review_on"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Services and referrals for this goal"), ("linked_ids",)),
    )
    add_title = QT_TRANSLATE_NOOP("JourneyDialog", "Add a plan goal")
    edit_title = QT_TRANSLATE_NOOP("JourneyDialog", "Edit plan goal")

    def custom_editors(self) -> dict[str, FieldEditor]:
        field = r.fields_of(r.PlanGoal)["linked_ids"]
        return {"linked_ids": LinkedEditor(field, service_choices(self.case_file()))}


class LegalStepDialog(JourneyDialog):
    record_type = r.LegalStep
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Legal step"),
            ("kind", "step_on", "reference_number", "authority", "restitution_requested"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Verdict"), ("outcome", "sentence_months")),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Perpetrators (counted, never named)"),
            ("perpetrators", "perpetrator_relationship"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Remarks"), ("note",)),
    )
    add_title = QT_TRANSLATE_NOOP("JourneyDialog", "Add a legal step")
    edit_title = QT_TRANSLATE_NOOP("JourneyDialog", "Edit legal step")

    def blank(self) -> Any:
        return r.LegalStep(case_id=self.case.id, step_on=self.session.today())


class RestitutionDialog(JourneyDialog):
    record_type = r.Restitution
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Request"),
            ("requested_on", "requested_amount", "requested_by"),
        ),
        (
            QT_TRANSLATE_NOOP("RecordForm", "LPSK assessment"),
            ("lpsk_assessed_on", "lpsk_assessed_amount"),
        ),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Award and payment"),
            ("awarded_on", "awarded_amount", "paid_on", "paid_amount"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Remarks"), ("note",)),
    )
    add_title = QT_TRANSLATE_NOOP("JourneyDialog", "Add a restitution claim")
    edit_title = QT_TRANSLATE_NOOP("JourneyDialog", "Edit restitution")

    def custom_editors(self) -> dict[str, FieldEditor]:
        fields = r.fields_of(r.Restitution)
        return {name: RupiahEditor(fields[name]) for name in AMOUNTS}


class LpskRequestDialog(JourneyDialog):
    record_type = r.LpskRequest
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "LPSK request"),
            ("requested_on", "decision", "decided_on", "protection_types"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Remarks"), ("note",)),
    )
    add_title = QT_TRANSLATE_NOOP("JourneyDialog", "Add an LPSK request")
    edit_title = QT_TRANSLATE_NOOP("JourneyDialog", "Edit LPSK request")

    def blank(self) -> Any:
        return r.LpskRequest(case_id=self.case.id, requested_on=self.session.today())


class ReturnDialog(JourneyDialog):
    record_type = r.Return
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Return"),
            ("escort", "origin_region", "departed_on", "arrived_on"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Handover"), ("handover_on", "handover_number")),
        (QT_TRANSLATE_NOOP("RecordForm", "Remarks"), ("note",)),
    )
    add_title = QT_TRANSLATE_NOOP("JourneyDialog", "Add a return")
    edit_title = QT_TRANSLATE_NOOP("JourneyDialog", "Edit return")


class CheckupDialog(JourneyDialog):
    record_type = r.ReintegrationCheckup
    sections = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Check-up"),
            ("checked_on", "status", "next_on", "return_id"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Remarks"), ("note",)),
    )
    add_title = QT_TRANSLATE_NOOP("JourneyDialog", "Add a reintegration check-up")
    edit_title = QT_TRANSLATE_NOOP("JourneyDialog", "Edit check-up")

    def blank(self) -> Any:
        returns = self.case_file().returns
        return r.ReintegrationCheckup(
            case_id=self.case.id,
            checked_on=self.session.today(),
            return_id=returns[-1].id if returns else "",
        )

    def custom_editors(self) -> dict[str, FieldEditor]:
        field = r.fields_of(r.ReintegrationCheckup)["return_id"]
        return {"return_id": ChoiceEditor(field, return_choices(self.case_file()))}


# --- incidents ------------------------------------------------------------------------------


class IncidentDialog(QDialog):
    """A new incident (it gets the next incident number) or an incident edited."""

    SECTIONS = (
        (
            QT_TRANSLATE_NOOP("RecordForm", "Incident"),
            ("occurred_on", "kind", "region_code", "place"),
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Remarks"), ("note",)),
    )

    def __init__(
        self, session: Session, incident: r.Incident | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.is_new = incident is None
        self.item = (
            copy.deepcopy(incident)
            if incident is not None
            else r.Incident(occurred_on=session.today())
        )
        self.warnings: list[Problem] = []
        self.setWindowTitle(
            self.tr("New incident")
            if self.is_new
            else self.tr("Incident {number}").format(number=self.item.incident_number)
        )
        self.form = RecordForm(r.Incident, self.SECTIONS, parent=self)
        self.form.load(self.item)
        self.message, self.buttons = lay_out_form(self, self.form, width=900, tallest=560)

    def save(self) -> bool:
        self.message.hide()
        self.form.clear_problems()
        item, problems = self.form.edited_copy(self.item)
        if not problems:
            problems = validate(item, today=self.session.today())
        try:
            if any(p.is_error for p in problems):
                raise ValidationFailed(problems)
            if self.is_new:
                item, self.warnings = journey.create_incident(self.session, item)
            else:
                self.warnings = journey.update_incident(self.session, item)
        except ValidationFailed as exc:
            text, first = refusal(exc, self.form)
            self.message.setText(text)
            self.message.show()
            if first:
                self.form.focus_field(first)
            return False
        except TipdeskError as exc:
            self.message.setText(describe_error(exc, current_language()))
            self.message.show()
            return False
        self.item = item
        self.accept()
        return True

    @classmethod
    def edit(
        cls, session: Session, incident: r.Incident | None = None, parent: QWidget | None = None
    ) -> r.Incident | None:
        """Show the dialog; the saved incident, or None if cancelled."""
        dialog = cls(session, incident, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.item
            return None
        finally:
            dialog.deleteLater()


# --- group intake ---------------------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
NEW_PERSON, SKIP = "new", "skip"


class ChoiceDelegate(QStyledItemDelegate):
    """A cell chosen from ``(label, value)`` pairs with a combo box (the value is kept
    under ``Qt.UserRole``); the choices may differ per row (``choices(row)``)."""

    def __init__(
        self, choices: Callable[[int], Sequence[tuple[str, Any]]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self.choices(index.row()):
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.UserRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class GroupIntakeDialog(QDialog):
    """Many victims of one incident registered in one sitting: a row each (name, sex,
    birth date or age, NIK, phone, exploitation), each checked against the register for
    duplicates, then all saved in one transaction, linked to the incident."""

    # What to do with a row comes before who was found, so both fit a 1024 screen.
    NAME, SEX, BORN, NIK, PHONE, EXPLOITATION, SAVE_AS, FOUND = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "Name *"),
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "Sex *"),
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "Born or age"),
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "NIK"),
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "Phone"),
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "Exploitation"),
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "Save as"),
        QT_TRANSLATE_NOOP("GroupIntakeDialog", "Already in the register?"),
    )
    START_ROWS = 5

    def __init__(
        self, session: Session, incident: r.Incident, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.incident = incident
        self.result_numbers: list[str] = []
        self.candidates: dict[int, list[Any]] = {}  # row -> DuplicateCandidate
        self.checked: set[int] = set()  # rows checked since last edited
        lang = current_language()
        self.sexes = [(VOCABULARIES["sex"].label(c, lang), c) for c in VOCABULARIES["sex"].codes()]
        self.exploitations = [("", "")] + [
            (VOCABULARIES["exploitation"].label(c, lang), c)
            for c in VOCABULARIES["exploitation"].codes()
        ]
        self.setWindowTitle(
            self.tr("Group intake — {number}").format(number=incident.incident_number)
        )
        intro = QLabel(
            self.tr(
                "One row per victim. Tab moves to the next cell, Ctrl+Tab out of the table; "
                "type or press F2 to edit. Check for duplicates, choose for each row found, "
                "then save all at once (Ctrl+S)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("intake_rows")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setTabKeyNavigation(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setItemDelegateForColumn(self.SEX, ChoiceDelegate(lambda _r: self.sexes, self))
        self.table.setItemDelegateForColumn(
            self.EXPLOITATION, ChoiceDelegate(lambda _r: self.exploitations, self)
        )
        self.table.setItemDelegateForColumn(self.SAVE_AS, ChoiceDelegate(self.save_choices, self))
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 105, 100, 125, 95, 120, 150, 200)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton(self.tr("Add 5 rows"), self)
        self.add_button.clicked.connect(lambda: self.add_rows(5))
        self.remove_button = QPushButton(self.tr("Remove row"), self)
        self.remove_button.clicked.connect(self.remove_row)
        self.check_button = QPushButton(self.tr("Check for duplicates"), self)
        self.check_button.setObjectName("check_duplicates")
        self.check_button.clicked.connect(self.check_duplicates)
        self.count_label = QLabel(self)
        self.message = message_label(self)
        self.buttons = save_cancel_buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save all"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(False)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.check_button):
            row.addWidget(button)
        row.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.table.installEventFilter(self)  # Ctrl+Tab leaves the table
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.activated.connect(self.save)
        self.add_rows(self.START_ROWS)
        self.resize(1000, 640)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    # --- rows ---------------------------------------------------------------------------

    def add_rows(self, count: int) -> None:
        self.table.blockSignals(True)
        try:
            for _ in range(count):
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column in range(len(self.HEADERS)):
                    item = QTableWidgetItem("")
                    if column == self.FOUND:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, column, item)
                self._set_choice(row, self.SAVE_AS, NEW_PERSON)
        finally:
            self.table.blockSignals(False)
        self._count()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self.candidates = {}
        self.checked = set()
        for index in range(self.table.rowCount()):
            self._show_found(index)
        self._count()

    def _set_choice(self, row: int, column: int, value: Any) -> None:
        choices = (
            self.sexes
            if column == self.SEX
            else self.exploitations
            if column == self.EXPLOITATION
            else self.save_choices(row)
        )
        label = next((text for text, code in choices if code == value), "")
        if column == self.SAVE_AS and not value:
            label = self.tr("Choose…")  # someone was found: the user decides
        item = self.table.item(row, column)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setText(label)

    def set_row(
        self,
        row: int,
        *,
        name: str = "",
        sex: str | None = None,
        born: str = "",
        nik: str = "",
        phone: str = "",
        exploitation: str = "",
    ) -> None:
        """Fill one row as a user would (rows are added as needed)."""
        while self.table.rowCount() <= row:
            self.add_rows(1)
        for column, text in (
            (self.NAME, name),
            (self.BORN, born),
            (self.NIK, nik),
            (self.PHONE, phone),
        ):
            self.table.item(row, column).setText(text)
        self._set_choice(row, self.SEX, sex)
        self._set_choice(row, self.EXPLOITATION, exploitation)

    def choose(self, row: int, value: str) -> None:
        """What to do with row ``row``: NEW_PERSON, SKIP or a found person's id."""
        self._set_choice(row, self.SAVE_AS, value)

    def save_choices(self, row: int) -> list[tuple[str, str]]:
        choices = [(self.tr("New person"), NEW_PERSON)]
        for found in self.candidates.get(row, []):
            choices.append(
                (
                    self.tr("New case for {number} {name}").format(
                        number=found.person.register_number, name=found.person.full_name
                    ),
                    found.person.id,
                )
            )
        choices.append((self.tr("Skip this row"), SKIP))
        return choices

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() in (self.NAME, self.BORN, self.NIK, self.SEX):
            self.checked.discard(item.row())
        item.setBackground(QBrush())
        item.setToolTip("")
        self._count()

    def _filled(self, row: int) -> bool:
        return any(
            self.table.item(row, c).text().strip() for c in (self.NAME, self.NIK, self.PHONE)
        )

    def _count(self) -> None:
        filled = sum(1 for row in range(self.table.rowCount()) if self._filled(row))
        self.count_label.setText(self.tr("{count} victims").format(count=filled))

    # --- reading and checking -----------------------------------------------------------

    def _person(self, row: int) -> tuple[r.Person, list[Problem]]:
        text = self.table.item
        person = r.Person(
            full_name=text(row, self.NAME).text().strip(),
            sex=text(row, self.SEX).data(Qt.ItemDataRole.UserRole) or None,
            nik=text(row, self.NIK).text().strip(),
            phone=text(row, self.PHONE).text().strip(),
        )
        problems = []
        born = text(row, self.BORN).text().strip()
        if born.isdigit() and len(born) <= 3:
            person.estimated_age = int(born)
        elif born:
            found = _DMY.match(born)
            iso = f"{found[3]}-{int(found[2]):02d}-{int(found[1]):02d}" if found else born
            value, problem = parse_value(r.fields_of(r.Person)["birth_date"], iso)
            if problem is not None:
                problems.append(problem)
            else:
                person.birth_date = value
        return person, problems

    def check_duplicates(self) -> int:
        """Look each filled row up in the register; returns how many rows found someone."""
        rows_found = 0
        for row in range(self.table.rowCount()):
            if not self._filled(row):
                continue
            person, _ = self._person(row)
            found = find_duplicates(self.session, person, limit=5) if person.full_name else []
            before = self.table.item(row, self.SAVE_AS).data(Qt.ItemDataRole.UserRole)
            decided = row in self.checked  # checked before, and not edited since
            self.candidates[row] = found
            self.checked.add(row)
            self._show_found(row)
            ids = {c.person.id for c in found}
            if found and not decided and before not in ids and before != SKIP:
                self._set_choice(row, self.SAVE_AS, "")  # the user decides
            elif not found and before not in (NEW_PERSON, SKIP):
                self._set_choice(row, self.SAVE_AS, NEW_PERSON)
            rows_found += bool(found)
        self.message.setStyleSheet(WARNING_STYLE if rows_found else "")
        self.message.setText(
            self.tr("{count} rows may be people already registered: choose under Save as.").format(
                count=rows_found
            )
            if rows_found
            else self.tr("Nobody in these rows is in the register yet.")
        )
        self.message.show()
        return rows_found

    def _show_found(self, row: int) -> None:
        found = self.candidates.get(row, [])
        item = self.table.item(row, self.FOUND)
        self.table.blockSignals(True)
        item.setText(
            "; ".join(
                f"{c.person.register_number} {c.person.full_name}"
                + (f" ({', '.join(c.case_numbers)})" if c.case_numbers else "")
                for c in found
            )
            if found
            else (self.tr("No") if row in self.checked else "")
        )
        item.setToolTip(item.text())
        self.table.blockSignals(False)

    # --- saving -------------------------------------------------------------------------

    def save(self) -> bool:
        """Check every row, then save every victim in one transaction; False if refused
        (every problem of every row shown, nothing saved)."""
        self.message.setStyleSheet(ERROR_STYLE)
        if any(
            row not in self.checked for row in range(self.table.rowCount()) if self._filled(row)
        ):
            self.check_duplicates()
        undecided = [
            row + 1
            for row in range(self.table.rowCount())
            if self._filled(row)
            and not self.table.item(row, self.SAVE_AS).data(Qt.ItemDataRole.UserRole)
        ]
        if undecided:
            self._say(
                self.tr(
                    "Rows {rows} may be people already registered: choose under Save as."
                ).format(rows=", ".join(str(n) for n in undecided))
            )
            return False
        rows_in: list[journey.IntakeRow] = []
        numbers: list[int] = []  # the table row of each IntakeRow
        problems: list[Problem] = []
        today = self.session.today()
        for row in range(self.table.rowCount()):
            choice = self.table.item(row, self.SAVE_AS).data(Qt.ItemDataRole.UserRole)
            if not self._filled(row) or choice == SKIP:
                continue
            person, read = self._person(row)
            problems += [dataclasses.replace(p, params={**p.params, "row": row + 1}) for p in read]
            exploitation = self.table.item(row, self.EXPLOITATION).data(Qt.ItemDataRole.UserRole)
            case = r.Case(
                opened_on=today, exploitation_types=[exploitation] if exploitation else []
            )
            rows_in.append(
                journey.IntakeRow(person, case, person_id="" if choice == NEW_PERSON else choice)
            )
            numbers.append(row + 1)
        if not rows_in:
            self._say(self.tr("Fill in at least one victim."))
            return False
        if problems:  # what could not be read, and every other error of every row
            for number, row_in in zip(numbers, rows_in, strict=True):
                found = validate(row_in.case, today=today)
                if not row_in.person_id:
                    found += validate(row_in.person, today=today)
                problems += [
                    dataclasses.replace(p, params={**p.params, "row": number})
                    for p in found
                    if p.is_error and p.field not in ("person_id", "birth_date")
                ]
        try:
            if problems:
                raise ValidationFailed(problems)
            result = journey.group_intake(self.session, self.incident.incident_number, rows_in)
        except ValidationFailed as exc:
            self._show_problems(exc.problems, numbers if not problems else None)
            return False
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()))
            return False
        self.result_numbers = result.case_numbers
        self.accept()
        return True

    COLUMN_OF: ClassVar[dict[str, int]] = {
        "full_name": NAME,
        "sex": SEX,
        "birth_date": BORN,
        "estimated_age": BORN,
        "nik": NIK,
        "phone": PHONE,
        "exploitation_types": EXPLOITATION,
    }

    def _show_problems(self, problems: list[Problem], numbers: list[int] | None) -> None:
        """Mark each problem's cell; ``numbers`` maps the service's row to the table's."""
        lang = current_language()
        lines = []
        for problem in problems:
            if not problem.is_error:
                continue
            row = problem.params.get("row", 0)
            table_row = numbers[row - 1] if numbers and 0 < row <= len(numbers) else row
            text = describe_problem(problem, lang)
            lines.append(self.tr("Row {row}: {problem}").format(row=table_row, problem=text))
            column = self.COLUMN_OF.get(problem.field, self.NAME)
            if 0 < table_row <= self.table.rowCount():
                item = self.table.item(table_row - 1, column)
                self.table.blockSignals(True)
                item.setBackground(QBrush(QColor("#fbe7e5")))
                item.setToolTip(text)
                self.table.blockSignals(False)
        head = self.tr("Nothing was saved. Correct these rows and save again:")
        self._say("\n".join([head, *lines[:12]] + (["…"] if len(lines) > 12 else [])))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.message.show()

    @classmethod
    def run(
        cls, session: Session, incident: r.Incident, parent: QWidget | None = None
    ) -> list[str] | None:
        """Show the dialog; the new case numbers, or None if cancelled."""
        dialog = cls(session, incident, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_numbers
            return None
        finally:
            dialog.deleteLater()
