"""The Incidents screen: events that brought many victims at once (a raid, a deportation),
each with its victims and how far their cases have come; group intake registers an
incident's victims in one sitting (``GroupIntakeDialog``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.messages import describe_error
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.services.access import permissions
from tipdesk.services.casework import journey
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.journey import GroupIntakeDialog, IncidentDialog
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import Column, RowsModel, format_count
from tipdesk.ui.views.providers import region_text
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, message_label
from tipdesk.ui.widgets.lists import list_table
from tipdesk.ui.widgets.look import StatusDelegate, case_status_colours

_C = "IncidentsView"


def _label(vocab: str, code: str | None) -> str:
    found = VOCABULARIES[vocab]
    return found.label(code, current_language()) if code in found else (code or "")


def _progress(victim: journey.Victim) -> str:
    step = victim.last_legal_step
    if step is None:
        return ""
    return f"{_label('legal_step_kind', step.kind)} {format_date(step.step_on)}".strip()


def _return(victim: journey.Victim) -> str:
    found = victim.last_return
    if found is None:
        return ""
    if found.handover_on:
        return QCoreApplication.translate("IncidentsView", "Handed over {day}").format(
            day=format_date(found.handover_on)
        )
    if found.arrived_on:
        return QCoreApplication.translate("IncidentsView", "Arrived {day}").format(
            day=format_date(found.arrived_on)
        )
    return QCoreApplication.translate("IncidentsView", "Planned")


INCIDENT_COLUMNS = (
    Column(_C, QT_TRANSLATE_NOOP("IncidentsView", "Number"), lambda x: x.incident.incident_number),
    Column(
        _C,
        QT_TRANSLATE_NOOP("IncidentsView", "Date"),
        lambda x: format_date(x.incident.occurred_on) if x.incident.occurred_on else "",
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("IncidentsView", "Place"),
        lambda x: ", ".join(
            p for p in (x.incident.place, region_text(x.incident.region_code)) if p
        ),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("IncidentsView", "Kind"),
        lambda x: _label("incident_kind", x.incident.kind),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("IncidentsView", "Victims"),
        lambda x: format_count(x.cases),
        align_right=True,
    ),
)
VICTIM_COLUMNS = (
    Column(_C, QT_TRANSLATE_NOOP("IncidentsView", "Case no."), lambda v: v.case.case_number),
    Column(_C, QT_TRANSLATE_NOOP("IncidentsView", "Name"), lambda v: v.person.full_name),
    Column(
        _C,
        QT_TRANSLATE_NOOP("IncidentsView", "Status"),
        lambda v: _label("case_status", v.case.status),
    ),
    Column(_C, QT_TRANSLATE_NOOP("IncidentsView", "Last legal step"), _progress),
    Column(_C, QT_TRANSLATE_NOOP("IncidentsView", "Return"), _return),
)


class AskCaseNumber:
    """Asks which case to link to the incident (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("IncidentsView", "Link a case"),
            QCoreApplication.translate("IncidentsView", "Case number:"),
        )
        return text.strip() if ok and text.strip() else None


class IncidentsView(QWidget):
    """Incidents, newest first; the selected one's victims below."""

    open_case_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.may_create = permissions.allowed(session, "create_cases")
        title = QLabel(self.tr("Incidents"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.new_button = QPushButton(self.tr("New incident…"), self)
        self.new_button.setObjectName("new_incident")
        self.new_button.clicked.connect(self.new_incident)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_incident)
        self.intake_button = QPushButton(self.tr("Group intake…"), self)
        self.intake_button.setObjectName("group_intake")
        self.intake_button.setToolTip(
            self.tr("Register this incident's victims in one sitting, each checked for duplicates")
        )
        self.intake_button.clicked.connect(self.group_intake)
        for button in (self.new_button, self.edit_button, self.intake_button):
            button.setVisible(self.may_create)
        self.message = message_label(self, screen=True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.message, 1)
        top.addStretch(1)  # buttons keep their size while no message shows
        for button in (self.new_button, self.edit_button, self.intake_button):
            top.addWidget(button)

        self.model = RowsModel(
            INCIDENT_COLUMNS, key=lambda x: x.incident.incident_number, parent=self
        )
        self.view = list_table(self.model, self)
        self.view.setObjectName("incidents")
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_victims())
        self.view.doubleClicked.connect(lambda _i: self.edit_incident())

        self.victims_heading = QLabel(self)
        bold = QFont(self.victims_heading.font())
        bold.setBold(True)
        self.victims_heading.setFont(bold)
        self.hidden_note = QLabel(self)
        self.hidden_note.setWordWrap(True)
        self.hidden_note.hide()
        self.victims_model = RowsModel(
            VICTIM_COLUMNS, key=lambda v: v.case.case_number, parent=self
        )
        self.victims = list_table(self.victims_model, self)
        self.victims.setObjectName("victims")
        self.victims.horizontalHeader().setStretchLastSection(True)
        self.victims.setItemDelegateForColumn(
            2, StatusDelegate(case_status_colours(), self.victims)
        )
        self.victims.doubleClicked.connect(lambda _i: self.open_case())
        for view in (self.view, self.victims):  # Enter: edit the incident, open the case
            view.installEventFilter(self)
        self.open_button = QPushButton(self.tr("Open case"), self)
        self.open_button.clicked.connect(self.open_case)
        self.link_button = QPushButton(self.tr("Link a case…"), self)
        self.link_button.clicked.connect(self.link_case)
        self.unlink_button = QPushButton(self.tr("Unlink"), self)
        self.unlink_button.setToolTip(self.tr("This case was not brought by this incident"))
        self.unlink_button.clicked.connect(self.unlink_case)
        below = QHBoxLayout()
        below.addWidget(self.victims_heading, 1)
        for button in (self.open_button, self.link_button, self.unlink_button):
            below.addWidget(button)
        lower = QWidget(self)
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(below)
        box.addWidget(self.hidden_note)
        box.addWidget(self.victims, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in (self.view, self.victims):
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.view:
                    self.edit_incident()
                else:
                    self.open_case()
                return True
        return super().eventFilter(watched, event)

    # --- loading ------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        current = select or self.selected_number()
        try:
            found = journey.list_incidents(self.session)
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self.model.set_rows(found)
        self.view.resizeColumnsToContents()
        numbers = [x.incident.incident_number for x in found]
        row = numbers.index(current) if current in numbers else 0
        if numbers:
            self.view.selectRow(row)
        self.show_victims()

    def selected_number(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.key_at(index.row())

    def selected_incident(self) -> r.Incident | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row()).incident

    def show_victims(self) -> None:
        number = self.selected_number()
        for button in (self.edit_button, self.intake_button):
            button.setEnabled(number is not None)
        for button in (self.open_button, self.link_button, self.unlink_button):
            button.setEnabled(number is not None)
        if number is None:
            self.victims_heading.setText(self.tr("No incident recorded yet."))
            self.victims_model.set_rows([])
            self.hidden_note.hide()
            return
        try:
            _, victims, hidden = journey.incident_victims(self.session, number)
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self.victims_heading.setText(
            self.tr("Victims of {number} ({count})").format(number=number, count=len(victims))
        )
        self.victims_model.set_rows(victims)
        self.victims.resizeColumnsToContents()
        self.hidden_note.setText(
            self.tr("{count} more cases of this incident are assigned to other workers.").format(
                count=hidden
            )
        )
        self.hidden_note.setVisible(bool(hidden))

    def selected_case(self) -> str | None:
        index = self.victims.currentIndex()
        if not index.isValid() or index.row() >= self.victims_model.rowCount():
            return None
        return self.victims_model.key_at(index.row())

    # --- actions ------------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    def new_incident(self) -> None:
        saved = IncidentDialog.edit(self.session, None, self)
        if saved is not None:
            self.refresh(select=saved.incident_number)
            self._say(
                self.tr("Incident {number} recorded.").format(number=saved.incident_number),
                OK_STYLE,
            )

    def edit_incident(self) -> None:
        incident = self.selected_incident()
        if incident is None or not self.may_create:
            return
        saved = IncidentDialog.edit(self.session, incident, self)
        if saved is not None:
            self.refresh(select=saved.incident_number)
            self._say(self.tr("Saved."), OK_STYLE)

    def group_intake(self) -> None:
        incident = self.selected_incident()
        if incident is None:
            return
        numbers = GroupIntakeDialog.run(self.session, incident, self)
        if numbers is not None:
            self.refresh(select=incident.incident_number)
            self._say(
                self.tr("{count} victims registered and linked to {number}.").format(
                    count=len(numbers), number=incident.incident_number
                ),
                OK_STYLE,
            )

    def open_case(self) -> None:
        number = self.selected_case()
        if number:
            self.open_case_requested.emit(number)

    def link_case(self) -> None:
        incident = self.selected_number()
        if incident is None:
            return
        number = AskCaseNumber.ask(self)
        if not number:
            return
        try:
            journey.link_case(self.session, number, incident)
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self.refresh(select=incident)
        self._say(
            self.tr("Case {case} linked to {number}.").format(case=number, number=incident),
            OK_STYLE,
        )

    def unlink_case(self) -> None:
        number = self.selected_case()
        if not number:
            self._say(self.tr("Choose the case to unlink first."), ERROR_STYLE)
            return
        try:
            journey.unlink_case(self.session, number)
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self.refresh()
        self._say(self.tr("Case {case} unlinked.").format(case=number), OK_STYLE)
