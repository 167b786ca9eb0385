"""The case file's tabs for the case journey (issue 22): "Assessment & plan", "Legal &
restitution" and "Return".

Each tab holds sections of one kind of record (a table with Add, Edit and Remove);
records are saved one at a time through their dialogs (``ui/dialogs/journey.py``) and the
journey service. The case file places the tabs, feeds them its ``CaseFile`` and shows
what they report (``saved``: warnings of a saved record; ``said``: a message).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, TipdeskError
from tipdesk.domain.messages import describe_error
from tipdesk.services.access import permissions, users
from tipdesk.services.casework import journey
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.journey import (
    AssessmentDialog,
    CheckupDialog,
    JourneyDialog,
    LegalStepDialog,
    LpskRequestDialog,
    PlanGoalDialog,
    RestitutionDialog,
    ReturnDialog,
)
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.records import RecordTableModel
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, WARNING_STYLE
from tipdesk.ui.widgets.lists import ColumnFitter, list_table


def _t(text: str) -> str:
    return QCoreApplication.translate("JourneyTabs", text)


class ConfirmRecordRemoval:
    """Asks before a record leaves the case file (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, what: str) -> bool:
        answer = QMessageBox.question(
            parent,
            _t(QT_TRANSLATE_NOOP("JourneyTabs", "Remove record")),
            _t(QT_TRANSLATE_NOOP("JourneyTabs", "Remove this record from the case?"))
            + f"\n\n{what}",
        )
        return answer == QMessageBox.StandardButton.Yes


class RecordSection(QWidget):
    """A titled table of one kind of record with Add…, Edit… and Remove…; Enter or a
    double click edits, Delete removes."""

    saved = Signal(object)  # the warnings (list[Problem]) of a saved record
    said = Signal(str, str)  # text, style

    def __init__(
        self,
        session: Session,
        title: str,
        record_type: type,
        columns: Sequence[str],
        dialog: type[JourneyDialog],
        add_text: str,
        names: Callable[[], dict[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog = dialog
        self.record_type = record_type
        self.case: r.Case | None = None
        self.heading = QLabel(_t(title), self)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.model = RecordTableModel(record_type, columns, names=names, parent=self)
        self.view = list_table(self.model, self)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.view.installEventFilter(self)  # Enter edits, Delete removes
        self.fitter = ColumnFitter(self.view, self.fit_columns)
        self.heading.setBuddy(self.view)
        self.add_button = QPushButton(_t(add_text), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(_t(QT_TRANSLATE_NOOP("JourneyTabs", "Edit…")), self)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(_t(QT_TRANSLATE_NOOP("JourneyTabs", "Remove…")), self)
        self.remove_button.setToolTip(
            _t(QT_TRANSLATE_NOOP("JourneyTabs", "Remove a record entered by mistake"))
        )
        self.remove_button.clicked.connect(self.remove)
        self.row = QHBoxLayout()
        self.row.addWidget(self.heading)
        self.row.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            self.row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.view, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove()
                return True
        return super().eventFilter(watched, event)

    def set_records(self, case: r.Case, items: Sequence[Any]) -> None:
        self.case = case
        self.model.set_items(items)
        self.fitter.request()  # now if seen, else when first shown

    @staticmethod
    def fit_columns(view: QTableView) -> None:
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        for column in range(header.count()):
            header.resizeSection(column, min(max(header.sectionSize(column), 80), 260))

    def selected(self) -> Any:
        index = self.view.currentIndex()
        rows = self.view.selectionModel().selectedRows()
        index = rows[0] if rows else index
        if index.isValid() and index.row() < len(self.model.items):
            return self.model.items[index.row()]
        return None

    def add(self) -> None:
        if self.case is not None:
            self._done(self.dialog.edit(self.session, self.case, None, self))

    def edit(self) -> None:
        item = self.selected()
        if item is None:
            self.said.emit(
                _t(QT_TRANSLATE_NOOP("JourneyTabs", "Choose a record first.")), WARNING_STYLE
            )
            return
        if self.case is not None:
            self._done(self.dialog.edit(self.session, self.case, item, self))

    def _done(self, warnings: list[Problem] | None) -> None:
        if warnings is not None:
            self.saved.emit(warnings)

    def remove(self) -> None:
        item = self.selected()
        if item is None:
            self.said.emit(
                _t(QT_TRANSLATE_NOOP("JourneyTabs", "Choose a record first.")), WARNING_STYLE
            )
            return
        row = self.model.items.index(item)
        shown = [self.model.index(row, c).data() for c in range(min(3, self.model.columnCount()))]
        if not ConfirmRecordRemoval.ask(self, " · ".join(str(x) for x in shown if x)):
            return
        try:
            journey.remove_record(self.session, self.record_type, item.id)
        except TipdeskError as exc:
            self.said.emit(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self.saved.emit([])
        self.said.emit(_t(QT_TRANSLATE_NOOP("JourneyTabs", "Record removed.")), OK_STYLE)


def _splitter(*widgets: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    for widget in widgets:
        splitter.addWidget(widget)
    return splitter


class JourneyTab(QWidget):
    """A tab of sections; its title carries how many records it holds.

    Its sections are made the first time the tab is shown (or one of them is asked for):
    a case file opens with these tabs hidden, and making their tables was a third of the
    time it took to open. ``show_file`` keeps the case file until then."""

    saved = Signal(object)
    said = Signal(str, str)
    base_title = ""
    file_lists: tuple[str, ...] = ()  # the CaseFile lists the tab shows, in order

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._sections: dict[str, RecordSection] = {}
        self._names: dict[str, str] = {}
        self._file: r.CaseFile | None = None
        self._built = False
        self.body = QVBoxLayout(self)

    def __getattr__(self, name: str) -> Any:
        # A widget the sections hold (a button, a label), asked for before the tab was
        # first shown: made now. Called only when the attribute is not there.
        if name.startswith("__") or self.__dict__.get("_built", True):
            raise AttributeError(name)
        self.ensure_built()
        return getattr(self, name)

    @property
    def sections(self) -> dict[str, RecordSection]:
        self.ensure_built()
        return self._sections

    def ensure_built(self) -> None:
        if self._built:
            return
        self._built = True
        self.build()
        if self._file is not None:
            self.fill(self._file)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)

    def build(self) -> None:
        """Make the sections (subclasses)."""

    def place(self, splitter: QSplitter) -> None:
        """Put the tab's content, a splitter of its sections in the order of
        ``file_lists``, in it, shown at once if the tab already is. Until the user moves
        the splitter, each section gets room after its rows: a plan of 20 goals is not
        squeezed beside a single assessment."""
        self.splitter = splitter
        self._sized_by_hand = False
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_sized_by_hand", True))
        self.body.addWidget(splitter, 1)
        splitter.show()

    def _share_room(self, file: r.CaseFile) -> None:
        if self._sized_by_hand:
            return
        rows = [len(self.records(file, name)) for name in self.file_lists]
        self.splitter.setSizes([100 * (2 + min(max(n, 1), 10)) for n in rows])

    def names(self) -> dict[str, str]:
        return self._names

    def section(
        self,
        file_list: str,
        title: str,
        record_type: type,
        columns: Sequence[str],
        dialog: type[JourneyDialog],
        add_text: str,
    ) -> RecordSection:
        found = RecordSection(
            self.session, title, record_type, columns, dialog, add_text, self.names, self
        )
        found.view.setObjectName(file_list)
        found.saved.connect(self.saved)
        found.said.connect(self.said)
        self._sections[file_list] = found
        return found

    def show_file(self, file: r.CaseFile, names: dict[str, str] | None = None) -> None:
        self._names = users.display_names(self.session) if names is None else names
        self._file = file
        if self._built:
            self.fill(file)

    def fill(self, file: r.CaseFile) -> None:
        for file_list, section in self._sections.items():
            section.set_records(file.case, self.records(file, file_list))
        self._share_room(file)

    def records(self, file: r.CaseFile, file_list: str) -> list[Any]:
        return list(getattr(file, file_list))

    def count(self) -> int:
        if self._file is None:
            return 0
        return sum(len(self.records(self._file, name)) for name in self.file_lists)

    def title(self) -> str:
        text = _t(self.base_title)
        return f"{text} ({self.count()})" if self.count() else text


class AssessmentPlanTab(JourneyTab):
    """Risk triage and assessments, and the intervention plan with its approval."""

    base_title = QT_TRANSLATE_NOOP("JourneyTabs", "Assessment && plan")
    file_lists = ("assessments", "plan_goals")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.case_number = ""

    def build(self) -> None:
        session = self.session
        assessments = self.section(
            "assessments",
            QT_TRANSLATE_NOOP("JourneyTabs", "Assessments"),
            r.Assessment,
            ("kind", "assessed_on", "risk_level", "respond_by", "needs", "assessed_by"),
            AssessmentDialog,
            QT_TRANSLATE_NOOP("JourneyTabs", "Add assessment…"),
        )
        plan = self.section(
            "plan_goals",
            QT_TRANSLATE_NOOP("JourneyTabs", "Intervention plan"),
            r.PlanGoal,
            (
                "domain",
                "goal",
                "linked_ids",
                "target_on",
                "review_on",
                "status",
                "approved_by",
                "approved_on",
            ),
            PlanGoalDialog,
            QT_TRANSLATE_NOOP("JourneyTabs", "Add goal…"),
        )
        self.approval = QLabel(self)
        self.approval.setObjectName("plan_approval")
        self.approval.setWordWrap(True)
        self.approve_button = QPushButton(_t(QT_TRANSLATE_NOOP("JourneyTabs", "Approve plan")))
        self.approve_button.setObjectName("approve_plan")
        self.may_approve = permissions.allowed(session, "approve_plan")
        self.approve_button.setToolTip(
            _t(QT_TRANSLATE_NOOP("JourneyTabs", "A supervisor approves the plan as it now reads"))
            if self.may_approve
            else _t(QT_TRANSLATE_NOOP("JourneyTabs", "Only a supervisor approves the plan"))
        )
        self.approve_button.clicked.connect(self.approve)
        self.print_button = QPushButton(_t(QT_TRANSLATE_NOOP("JourneyTabs", "Print plan…")))
        self.print_button.setObjectName("print_plan")
        self.print_button.setToolTip(
            _t(QT_TRANSLATE_NOOP("JourneyTabs", "The plan on paper, for the case conference"))
        )
        self.print_button.clicked.connect(self.print_plan)
        below = QHBoxLayout()
        below.addWidget(self.approval, 1)
        below.addWidget(self.print_button)
        below.addWidget(self.approve_button)
        plan_box = QWidget()
        box = QVBoxLayout(plan_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(plan, 1)
        box.addLayout(below)
        self.place(_splitter(assessments, plan_box))

    def show_file(self, file: r.CaseFile, names: dict[str, str] | None = None) -> None:
        self.case_number = file.case.case_number
        super().show_file(file, names)

    def fill(self, file: r.CaseFile) -> None:
        super().fill(file)
        goals = [g for g in file.plan_goals if not g.deleted]
        waiting = [g for g in goals if not g.approved_by]
        if not goals:
            text, style = _t(QT_TRANSLATE_NOOP("JourneyTabs", "The plan has no goals yet.")), ""
        elif waiting:
            text = _t(
                QT_TRANSLATE_NOOP("JourneyTabs", "Not approved: {count} of {total} goals wait.")
            ).format(count=len(waiting), total=len(goals))
            style = WARNING_STYLE
        else:
            last = max(goals, key=lambda g: (g.approved_on or dt.date.min, g.approved_by))
            text = _t(QT_TRANSLATE_NOOP("JourneyTabs", "Approved by {who} on {day}.")).format(
                who=self._names.get(last.approved_by, last.approved_by),
                day=format_date(last.approved_on) if last.approved_on else "",
            )
            style = OK_STYLE
        self.approval.setText(text)
        self.approval.setStyleSheet(style)
        self.approve_button.setEnabled(self.may_approve and bool(waiting))
        self.print_button.setEnabled(bool(goals))

    def print_plan(self) -> None:
        from tipdesk.ui.dialogs.plan_sheet import PlanSheetDialog  # ReportLab: when needed

        PlanSheetDialog.run(self.session, self.case_number, self)

    def approve(self) -> None:
        try:
            covered = journey.approve_plan(self.session, self.case_number)
        except TipdeskError as exc:
            self.said.emit(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self.saved.emit([])
        self.said.emit(
            _t(QT_TRANSLATE_NOOP("JourneyTabs", "Plan approved ({count} goals).")).format(
                count=covered
            ),
            OK_STYLE,
        )


class LegalTab(JourneyTab):
    """The criminal case as dated steps, restitution in rupiah, LPSK requests."""

    base_title = QT_TRANSLATE_NOOP("JourneyTabs", "Legal && restitution")
    file_lists = ("legal_steps", "restitution", "lpsk_requests")

    def build(self) -> None:
        steps = self.section(
            "legal_steps",
            QT_TRANSLATE_NOOP("JourneyTabs", "Legal steps"),
            r.LegalStep,
            (
                "step_on",
                "kind",
                "reference_number",
                "authority",
                "outcome",
                "sentence_months",
                "perpetrators",
            ),
            LegalStepDialog,
            QT_TRANSLATE_NOOP("JourneyTabs", "Add step…"),
        )
        restitution = self.section(
            "restitution",
            QT_TRANSLATE_NOOP("JourneyTabs", "Restitution"),
            r.Restitution,
            (
                "requested_on",
                "requested_amount",
                "lpsk_assessed_amount",
                "awarded_amount",
                "paid_amount",
                "paid_on",
            ),
            RestitutionDialog,
            QT_TRANSLATE_NOOP("JourneyTabs", "Add restitution…"),
        )
        lpsk = self.section(
            "lpsk_requests",
            QT_TRANSLATE_NOOP("JourneyTabs", "LPSK requests"),
            r.LpskRequest,
            ("requested_on", "protection_types", "decision", "decided_on", "letter_number"),
            LpskRequestDialog,
            QT_TRANSLATE_NOOP("JourneyTabs", "Add LPSK request…"),
        )
        self.letter_button = self.letter_button_of(
            lpsk,
            "lpsk_request",
            QT_TRANSLATE_NOOP("JourneyTabs", "Letter to LPSK…"),
            QT_TRANSLATE_NOOP(
                "JourneyTabs",
                "Preview the request to LPSK, issue it with a number, print it or save it",
            ),
        )
        self.place(_splitter(steps, restitution, lpsk))

    @staticmethod
    def letter_button_of(section: RecordSection, kind: str, text: str, tip: str) -> QPushButton:
        """A button in ``section``'s row that opens the letter (``kind``) of its selected
        record, enabled while one is selected; a letter issued shows in the case file at
        once. (The Return tab's handover record uses it too.)"""
        button = QPushButton(_t(text), section)
        button.setObjectName(f"{kind}_letter")
        button.setToolTip(_t(tip))
        button.setEnabled(False)
        section.row.insertWidget(section.row.indexOf(section.add_button), button)

        def follow() -> None:
            chosen = section.view.selectionModel().selectedRows()
            button.setEnabled(bool(chosen) and section.selected() is not None)

        def open_letter() -> None:
            item, case = section.selected(), section.case
            if item is None or case is None:
                return
            from tipdesk.ui.dialogs.letter import LetterDialog  # ReportLab, QtPdf: when needed

            if LetterDialog.show_for(
                section.session, case.case_number, item.id, kind=kind, parent=section
            ):
                section.saved.emit([])

        section.view.selectionModel().selectionChanged.connect(lambda *_: follow())
        section.model.modelReset.connect(follow)
        button.clicked.connect(open_letter)
        return button

    def records(self, file: r.CaseFile, file_list: str) -> list[Any]:
        if file_list == "legal_steps":  # a timeline: by date, oldest first
            return sorted(file.legal_steps, key=lambda s: (s.step_on or dt.date.min, s.id))
        return super().records(file, file_list)


class ReturnTab(JourneyTab):
    """The return home and the reintegration check-ups after it."""

    base_title = QT_TRANSLATE_NOOP("JourneyTabs", "Return")
    file_lists = ("returns", "checkups")

    def build(self) -> None:
        returns = self.section(
            "returns",
            QT_TRANSLATE_NOOP("JourneyTabs", "Repatriation and return"),
            r.Return,
            (
                "departed_on",
                "arrived_on",
                "escort",
                "origin_region",
                "handover_on",
                "handover_number",
            ),
            ReturnDialog,
            QT_TRANSLATE_NOOP("JourneyTabs", "Add return…"),
        )
        self.handover_button = LegalTab.letter_button_of(
            returns,
            "handover",
            QT_TRANSLATE_NOOP("JourneyTabs", "Handover record…"),
            QT_TRANSLATE_NOOP(
                "JourneyTabs",
                "Preview the handover record (berita acara serah terima), issue it with a "
                "number, print it or save it",
            ),
        )
        checkups = self.section(
            "checkups",
            QT_TRANSLATE_NOOP("JourneyTabs", "Reintegration check-ups"),
            r.ReintegrationCheckup,
            ("checked_on", "status", "next_on", "note"),
            CheckupDialog,
            QT_TRANSLATE_NOOP("JourneyTabs", "Add check-up…"),
        )
        self.place(_splitter(returns, checkups))


class JourneyTabs:
    """The three tabs, built together; the case file adds ``tabs`` to its tab widget."""

    KEYS = ("assessment", "legal", "return")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.assessment = AssessmentPlanTab(session, parent)
        self.legal = LegalTab(session, parent)
        self.returns = ReturnTab(session, parent)
        self.tabs: tuple[JourneyTab, ...] = (self.assessment, self.legal, self.returns)

    def show_file(self, file: r.CaseFile) -> None:
        names = users.display_names(self.tabs[0].session)
        for tab in self.tabs:
            tab.show_file(file, names)

    def connect(self, saved: Callable[[Any], None], said: Callable[[str, str], None]) -> None:
        for tab in self.tabs:
            tab.saved.connect(saved)
            tab.said.connect(said)
