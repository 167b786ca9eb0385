"""The case file: one case with its person, services, referrals, notes, documents and
history.

The person and case forms are saved together in one transaction
(``save_case_file``); services, referrals and notes are saved one at a time through
their dialogs. Problems show under their fields in the user's language; unsaved edits
are guarded by ``maybe_close()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, TipdeskError, ValidationFailed
from tipdesk.domain.messages import describe_error, describe_problem, field_label
from tipdesk.domain.validation import validate
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.services.access import audit, permissions, users
from tipdesk.services.casework import cases, listing, transfers
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date, format_datetime
from tipdesk.ui.dialogs.item_dialogs import NoteDialog, ReferralDialog, ServiceDialog
from tipdesk.ui.dialogs.reply import can_record_reply
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import RowsModel, unreadable_text
from tipdesk.ui.models.records import RecordTableModel, shown_value
from tipdesk.ui.views.audit import audit_columns
from tipdesk.ui.views.documents import DocumentsTab
from tipdesk.ui.views.journey_tabs import JourneyTabs
from tipdesk.ui.views.transfers import ReadOnlyGuard, StandingBanner
from tipdesk.ui.widgets.forms import (
    ERROR_STYLE,
    OK_STYLE,
    WARNING_STYLE,
    CaseForm,
    PersonForm,
    message_label,
    refusal,
    scrolled,
)
from tipdesk.ui.widgets.lists import ColumnFitter, list_table
from tipdesk.ui.widgets.look import StatusDelegate, case_status_colours

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root of a list or table model


class NotesModel(QAbstractListModel):
    """The case timeline: notes, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes: list[r.CaseNote] = []
        self.names: dict[str, str] = {}  # username -> display name

    def set_notes(self, notes: Sequence[r.CaseNote]) -> None:
        self.beginResetModel()
        # Newest first; ids are time-ordered (UUIDv7), so they order notes of one day.
        self.notes = sorted(notes, key=lambda n: (n.noted_on or dt.date.min, n.id), reverse=True)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.notes):
            return None
        note = self.notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            day = format_date(note.noted_on)
            author = self.names.get(note.author, note.author)
            return f"{day} · {author}\n{note.text}"
        return None


HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "When"),
    QT_TRANSLATE_NOOP("HistoryModel", "Who"),
    QT_TRANSLATE_NOOP("HistoryModel", "Record"),
    QT_TRANSLATE_NOOP("HistoryModel", "Field"),
    QT_TRANSLATE_NOOP("HistoryModel", "Before"),
    QT_TRANSLATE_NOOP("HistoryModel", "After"),
)
ENTITIES: dict[str, tuple[type, str]] = {
    "persons": (r.Person, QT_TRANSLATE_NOOP("HistoryModel", "Person")),
    "cases": (r.Case, QT_TRANSLATE_NOOP("HistoryModel", "Case")),
    "services": (r.Service, QT_TRANSLATE_NOOP("HistoryModel", "Service")),
    "referrals": (r.Referral, QT_TRANSLATE_NOOP("HistoryModel", "Referral")),
    "case_notes": (r.CaseNote, QT_TRANSLATE_NOOP("HistoryModel", "Note")),
    "assessments": (r.Assessment, QT_TRANSLATE_NOOP("HistoryModel", "Assessment")),
    "plan_goals": (r.PlanGoal, QT_TRANSLATE_NOOP("HistoryModel", "Plan goal")),
    "legal_steps": (r.LegalStep, QT_TRANSLATE_NOOP("HistoryModel", "Legal step")),
    "restitution": (r.Restitution, QT_TRANSLATE_NOOP("HistoryModel", "Restitution")),
    "lpsk_requests": (r.LpskRequest, QT_TRANSLATE_NOOP("HistoryModel", "LPSK request")),
    "returns": (r.Return, QT_TRANSLATE_NOOP("HistoryModel", "Return")),
    "reintegration_checkups": (
        r.ReintegrationCheckup,
        QT_TRANSLATE_NOOP("HistoryModel", "Reintegration check-up"),
    ),
    "incidents": (r.Incident, QT_TRANSLATE_NOOP("HistoryModel", "Incident")),
    "documents": (r.Document, QT_TRANSLATE_NOOP("HistoryModel", "Document")),
    "simfoni_entries": (r.SimfoniEntry, QT_TRANSLATE_NOOP("HistoryModel", "SIMFONI-PPA entry")),
}
OPERATIONS = {
    "insert": QT_TRANSLATE_NOOP("HistoryModel", "created"),
    "update": QT_TRANSLATE_NOOP("HistoryModel", "changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryModel", "deleted"),
    "purge": QT_TRANSLATE_NOOP("HistoryModel", "erased"),
}


def _entity(name: str) -> tuple[type | None, str]:
    """The record type and translated name of a history entity (table or record name)."""
    key = (
        name
        if name in ENTITIES
        else {
            "person": "persons",
            "case": "cases",
            "service": "services",
            "referral": "referrals",
            "case_note": "case_notes",
            "note": "case_notes",
            **{child.record.__name__.lower(): child.table for child in r.CASE_CHILDREN},
            "incident": "incidents",
        }.get(name, name)
    )
    record_type, label = ENTITIES.get(key, (None, name))
    return record_type, QCoreApplication.translate("HistoryModel", label)


class HistoryModel(QAbstractTableModel):
    """Changes to the case and its person and items: one row per changed field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []
        self.names: dict[str, str] = {}  # username -> display name

    def set_entries(self, entries: Sequence[Any]) -> None:
        rows: list[tuple[str, ...]] = []
        for entry in sorted(entries, key=lambda e: e.seq, reverse=True):
            record_type, entity = _entity(entry.entity)
            op = QCoreApplication.translate("HistoryModel", OPERATIONS.get(entry.op, entry.op))
            at = format_datetime(entry.at)
            what = f"{entity} {op}"
            changes = list(entry.changes) or [("", None, None)]
            for field, before, after in changes:
                label = field_label(field, current_language()) if field else ""
                shown = [
                    shown_value(record_type, field, v, names=self.names)
                    if record_type and field
                    else ("" if v is None else str(v))
                    for v in (before, after)
                ]
                author = self.names.get(entry.author, entry.author or "")
                rows.append((at, author, what, label, *shown))
                at, what = "", ""  # said once per entry
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HISTORY_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self.rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HISTORY_COLUMNS)
        ):
            return QCoreApplication.translate("HistoryModel", HISTORY_COLUMNS[section])
        return None


# --- the unsaved-changes question -----------------------------------------------------------


class ConfirmRemoval:
    """Asks before an item leaves the case file (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, what: str) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ConfirmRemoval", "Remove service"),
            QCoreApplication.translate("ConfirmRemoval", "Remove this service from the case?")
            + f"\n\n{what}",
        )
        return answer == QMessageBox.StandardButton.Yes


class UnsavedChanges:
    """Asks whether to save edits before leaving a case file (tests replace ``ask``)."""

    SAVE, DISCARD, CANCEL = "save", "discard", "cancel"

    @classmethod
    def ask(cls, parent: QWidget | None) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("UnsavedChanges", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate(
                "UnsavedChanges", "This case file has changes that are not saved."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate("UnsavedChanges", "Save them before closing?")
        )
        save = box.addButton(
            QCoreApplication.translate("UnsavedChanges", "Save"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("UnsavedChanges", "Discard changes"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(
            QCoreApplication.translate("UnsavedChanges", "Cancel"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return cls.SAVE
        if clicked is discard:
            return cls.DISCARD
        return cls.CANCEL


# --- the widget -----------------------------------------------------------------------------

SERVICE_COLUMNS = (
    "service_type",
    "provider_id",
    "status",
    "planned_on",
    "started_on",
    "completed_on",
    "description",
)
REFERRAL_COLUMNS = (
    "provider_id",
    "services_requested",
    "urgency",
    "status",
    "letter_number",
    "letter_date",
    "follow_up_on",
)


def _table(model: QAbstractTableModel) -> QTableView:
    view = list_table(model)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultSectionSize(150)
    return view


def fit_columns(view: QTableView, widest: int = 320) -> None:
    """Columns as wide as their contents, but none so wide that the others scroll away."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(max(header.sectionSize(column), 90), widest))


class CaseFileWidget(QWidget):
    """One case opened for work, in tabs: Person, Case, Services, Referrals, Notes, History."""

    saved = Signal(str)  # case number
    open_case_requested = Signal(str)
    erased = Signal(list)  # the case numbers of the erased person
    new_case_requested = Signal(object)  # the person (records.Person): a new case for her
    transfer_decided = Signal(str)  # accepted or declined from the banner (case number)

    def __init__(self, session: Session, case_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.file: r.CaseFile | None = None
        self.refusal: TipdeskError | None = None  # why the case could not be opened
        self.standing: transfers.CaseStanding | None = None
        self.read_only = False
        self.copy_dropped = False  # a transfer declined here: this register's copy is gone
        self.guard = ReadOnlyGuard(self)
        self._build()
        self.reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("subtitle")
        for label in (self.title, self.subtitle):
            label.setWordWrap(True)  # a long name wraps rather than widen the window
        self.other_cases = QLabel(self)
        self.other_cases.setObjectName("other_cases")
        self.other_cases.linkActivated.connect(self.open_case_requested)
        self.unsaved = QLabel(self.tr("Unsaved changes"), self)
        self.unsaved.setObjectName("unsaved")
        self.unsaved.setStyleSheet(WARNING_STYLE)
        self.unsaved.hide()
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert")
        self.revert_button.setToolTip(self.tr("Show the case file as last saved"))
        self.revert_button.clicked.connect(self.reload)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save the person and the case (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        heading.addWidget(self.other_cases)
        self.rights_button = self._rights_button()
        self.new_case_button = QPushButton(self.tr("New case for this person…"), self)
        self.new_case_button.setObjectName("new_case_for_person")
        self.new_case_button.setToolTip(
            self.tr("The person comes back: a new case, her registered details kept")
        )
        self.new_case_button.setVisible(permissions.allowed(self.session, "create_cases"))
        self.new_case_button.clicked.connect(self._ask_new_case)
        # A short label: the heading row holds five buttons at 1024 pixels wide.
        self.transfer_button = QPushButton(self.tr("Transfer…"), self)
        self.transfer_button.setObjectName("transfer")
        self.transfer_button.setToolTip(
            self.tr(
                "Transfer to another office: hand the person and all of their cases to "
                "another office of the province (pelimpahan), with a reason (supervisors)"
            )
        )
        self.transfer_button.setVisible(permissions.allowed(self.session, "transfer_cases"))
        self.transfer_button.clicked.connect(self.request_transfer)
        # Messages ("Saved.", what is wrong) show in the heading row, beside the title,
        # so the form below never moves under the pointer when one appears.
        self.message = message_label(self, screen=True)
        # Their room is kept while hidden: a message or "Unsaved changes" appearing never
        # squeezes the title into another line, which would move the form.
        for label in (self.message, self.unsaved):
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            label.setSizePolicy(policy)
        top = QHBoxLayout()
        top.addLayout(heading, 3)
        top.addWidget(self.message, 2)
        top.addWidget(self.unsaved)
        top.addWidget(self.new_case_button)
        top.addWidget(self.transfer_button)
        top.addWidget(self.rights_button)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)

        # Values this case file holds that cannot be read (DESIGN.md section 5b): the
        # rest is shown, and this line says which fields are missing.
        self.unreadable = QLabel(self)
        self.unreadable.setObjectName("unreadable")
        self.unreadable.setWordWrap(True)
        self.unreadable.setStyleSheet(WARNING_STYLE)
        self.unreadable.hide()

        self.person_form = PersonForm(self.session.today)
        self.case_form = CaseForm(
            workers=[
                (u.display_name or u.username, u.username)
                for u in listing.list_workers(self.session)
            ]
        )
        for form in (self.person_form, self.case_form):
            form.changed.connect(self._update_unsaved)
        self.tabs = QTabWidget(self)
        self.person_scroll = scrolled(self.person_form)
        self.case_scroll = scrolled(self.case_form)
        self.tabs.addTab(self.person_scroll, self.tr("Person"))
        self.tabs.addTab(self.case_scroll, self.tr("Case"))
        self.tabs.addTab(self._services_tab(), self.tr("Services"))
        self.tabs.addTab(self._referrals_tab(), self.tr("Referrals"))
        self.tabs.addTab(self._notes_tab(), self.tr("Notes"))
        self.documents = DocumentsTab(self.session, self)
        self.documents.changed.connect(self._documents_changed)
        self.documents.said.connect(self._say)
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.journey = JourneyTabs(self.session, self)
        for tab in self.journey.tabs:
            self.tabs.addTab(tab, tab.title())
        self.journey.connect(self._after_item, self._say)
        self.tabs.addTab(self._history_tab(), self.tr("History"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.fitters = [
            ColumnFitter(v, fit_columns) for v in (self.services_view, self.referrals_view)
        ]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        # How the case stands between offices (issue 23).
        self.banner = StandingBanner(self.session, self)
        self.banner.accept_requested.connect(self.accept_transfer)
        self.banner.decline_requested.connect(self.decline_transfer)
        layout.addWidget(self.banner)
        layout.addWidget(self.unreadable)
        layout.addWidget(self.tabs, 1)

    def _rights_button(self) -> QPushButton:
        """The person's rights (supervisors only; the service checks too)."""
        button = QPushButton(self.tr("Person's rights"), self)
        button.setObjectName("person_rights")
        button.setToolTip(
            self.tr(
                "A copy of everything held about the person, or erasing "
                "it, when the person asks (supervisors)"
            )
        )
        menu = QMenu(button)
        self.export_action = menu.addAction(self.tr("Export person's data…"))
        self.export_action.triggered.connect(lambda _=False: self.export_person_data())
        self.erase_action = menu.addAction(self.tr("Erase person…"))
        self.erase_action.triggered.connect(lambda _=False: self.erase_person())
        button.setMenu(menu)
        self.export_action.setVisible(permissions.allowed(self.session, "export_person_data"))
        self.erase_action.setVisible(permissions.allowed(self.session, "erase_person"))
        button.setVisible(self.export_action.isVisible() or self.erase_action.isVisible())
        return button

    def _providers(self) -> dict[str, r.Provider]:
        return self.file.providers if self.file else {}

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _services_tab(self) -> QWidget:
        self.services_model = RecordTableModel(
            r.Service, SERVICE_COLUMNS, providers=self._providers, parent=self
        )
        self.services_view = _table(self.services_model)
        self.services_view.setObjectName("services")
        self.services_view.doubleClicked.connect(lambda _i: self.edit_service())
        self.add_service_button = QPushButton(self.tr("Add service…"))
        self.add_service_button.clicked.connect(self.add_service)
        self.edit_service_button = QPushButton(self.tr("Edit…"))
        self.edit_service_button.clicked.connect(self.edit_service)
        self.remove_service_button = QPushButton(self.tr("Remove…"))
        self.remove_service_button.setToolTip(
            self.tr(
                "Remove a service entered by mistake. A service that was declined or could "
                "not be given stays, with that status."
            )
        )
        self.remove_service_button.clicked.connect(self.remove_service)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(
            self._buttons(
                self.add_service_button, self.edit_service_button, self.remove_service_button
            )
        )
        layout.addWidget(self.services_view, 1)
        return tab

    def _referrals_tab(self) -> QWidget:
        self.referrals_model = RecordTableModel(
            r.Referral, REFERRAL_COLUMNS, providers=self._providers, parent=self
        )
        self.referrals_view = _table(self.referrals_model)
        self.referrals_view.setObjectName("referrals")
        self.referrals_view.setItemDelegateForColumn(
            REFERRAL_COLUMNS.index("status"),
            StatusDelegate(case_status_colours(), self.referrals_view),
        )
        self.referrals_view.doubleClicked.connect(lambda _i: self.edit_referral())
        self.add_referral_button = QPushButton(self.tr("Add referral…"))
        self.add_referral_button.clicked.connect(self.add_referral)
        self.edit_referral_button = QPushButton(self.tr("Edit…"))
        self.edit_referral_button.clicked.connect(self.edit_referral)
        self.letter_button = QPushButton(self.tr("Letter…"))
        self.letter_button.setObjectName("letter")
        self.letter_button.setToolTip(
            self.tr("Preview the referral letter, issue it with a number, print it or save it")
        )
        self.letter_button.clicked.connect(self.open_letter)
        self.reply_button = QPushButton(self.tr("Record reply…"))
        self.reply_button.setObjectName("record_reply")
        self.reply_button.setToolTip(
            self.tr("Record what the provider answered to the letter, and when to follow up")
        )
        self.reply_button.clicked.connect(self.record_reply)
        self.referrals_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_referral_buttons()
        )
        self.referrals_model.modelReset.connect(self._update_referral_buttons)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(
            self._buttons(
                self.add_referral_button,
                self.edit_referral_button,
                self.letter_button,
                self.reply_button,
            )
        )
        layout.addWidget(self.referrals_view, 1)
        self._update_referral_buttons()
        return tab

    def _notes_tab(self) -> QWidget:
        self.notes_model = NotesModel(self)
        self.notes_view = QListView()
        self.notes_view.setObjectName("notes")
        self.notes_view.setModel(self.notes_model)
        self.notes_view.setWordWrap(True)
        self.notes_view.setAlternatingRowColors(True)
        self.notes_view.setSpacing(4)
        self.notes_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes_view.doubleClicked.connect(lambda _i: self.edit_note())
        self.add_note_button = QPushButton(self.tr("Add note…"))
        self.add_note_button.clicked.connect(self.add_note)
        self.edit_note_button = QPushButton(self.tr("Edit…"))
        self.edit_note_button.clicked.connect(self.edit_note)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(self._buttons(self.add_note_button, self.edit_note_button))
        layout.addWidget(self.notes_view, 1)
        return tab

    def _history_tab(self) -> QWidget:
        self.history_model = HistoryModel(self)
        self.history_view = _table(self.history_model)
        self.history_view.setObjectName("history")
        self.history_note = QLabel()
        self.history_note.setObjectName("history_note")
        self.history_note.setWordWrap(True)
        self.history_note.hide()
        self._history_stale = True
        # Who opened or changed the case: its entries in the audit trail.
        self.access_model = RowsModel(
            audit_columns(with_case=False), key=lambda e: str(e.seq), parent=self
        )
        self.access_view = _table(self.access_model)
        self.access_view.setObjectName("case_access")
        self.access_heading = QLabel(self.tr("Who opened or changed this case"))
        self.access_heading.setObjectName("access_heading")
        bold = QFont(self.access_heading.font())
        bold.setBold(True)
        self.access_heading.setFont(bold)
        self.access_note = QLabel()
        self.access_note.setObjectName("access_note")
        self.access_note.setWordWrap(True)
        self.access_note.hide()
        changes = QWidget()
        upper = QVBoxLayout(changes)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(self.history_note)
        upper.addWidget(self.history_view, 1)
        access = QWidget()
        lower = QVBoxLayout(access)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.access_heading)
        lower.addWidget(self.access_note)
        lower.addWidget(self.access_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(changes)
        splitter.addWidget(access)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter, 1)
        self.history_tab = tab
        return tab

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the case file as stored, dropping unsaved edits."""
        try:
            self.file = cases.open_case(self.session, self.case_number)
        except TipdeskError as exc:
            self.refusal = exc
            self._say(describe_error(exc, current_language()), ERROR_STYLE)
            self.setEnabled(False)
            return
        self.refusal = None
        self.person_form.load(self.file.person)
        self.case_form.load(self.file.case)
        self._show_standing()
        self._show_items()
        self._show_heading()
        self._update_unsaved()
        self.message.hide()

    def _refresh_items(self) -> None:
        """Reload services, referrals and notes only, keeping unsaved form edits."""
        fresh = cases.open_case(self.session, self.case_number)
        assert self.file is not None
        self.file.services, self.file.referrals = fresh.services, fresh.referrals
        self.file.notes, self.file.providers = fresh.notes, fresh.providers
        for child in r.CASE_CHILDREN:  # the case journey's records
            setattr(self.file, child.file_list, getattr(fresh, child.file_list))
        self._show_items()

    # --- between offices -------------------------------------------------------------------

    def _show_standing(self) -> None:
        """The banner, and the case file held read-only when this office holds a copy."""
        assert self.file is not None
        self.standing = standing = transfers.standing(self.session, self.file.case)
        self.read_only = standing.read_only
        self.banner.show_standing(standing)
        view = standing.transfer
        waiting = view is not None and view.transfer.status == "requested"
        self.transfer_button.setEnabled(not self.read_only and not waiting)
        # A copy shows neither: the banner says why, and the title keeps its room.
        may_transfer = permissions.allowed(self.session, "transfer_cases")
        self.transfer_button.setVisible(may_transfer and not self.read_only)
        self.revert_button.setVisible(not self.read_only)
        if self.read_only:
            self._hold_read_only()
        elif self.guard.active:
            self.guard.release()
            for form in (self.person_form, self.case_form):
                form.setEnabled(True)
            self.erase_action.setEnabled(True)

    def _hold_read_only(self) -> None:
        """Every control that changes the case, on every tab, disabled (the journey tabs
        are made now, so that theirs are too)."""
        for journey_tab in self.journey.tabs:
            journey_tab.ensure_built()
        # A copy's documents can still be viewed and saved (issue 24).
        reading = self.documents.reading_controls
        buttons = [b for b in self.tabs.findChildren(QPushButton) if b not in reading]
        views = [v for v in self.tabs.findChildren(QAbstractItemView) if v not in reading]
        self.guard.hold([*buttons, self.save_button, self.new_case_button], views)
        for form in (self.person_form, self.case_form):
            form.setEnabled(False)
        self.erase_action.setEnabled(False)

    def request_transfer(self) -> None:
        if self.file is None or self.read_only:
            return
        if self.has_unsaved_changes():
            self._say(self.tr("Save or undo the changes first."), WARNING_STYLE)
            return
        from tipdesk.ui.dialogs.transfer import TransferRequestDialog

        transfer = TransferRequestDialog.run(self.session, self.case_number, self)
        if transfer is None:
            return
        self.reload()
        self._say(
            self.tr("Transfer requested.")
            if transfer.status == "requested"
            else self.tr("The case is handed over."),
            OK_STYLE,
        )
        self.saved.emit(self.case_number)

    def accept_transfer(self) -> None:
        view = self.standing.transfer if self.standing else None
        if view is None or not view.waiting_for_us:
            return
        from tipdesk.ui.dialogs.transfer import accept_transfer

        accepted, refusal = accept_transfer(self.session, view, self)
        if refusal:
            self._say(refusal, ERROR_STYLE)
        if accepted:
            self.reload()
            self._say(self.tr("The case is this office's now."), OK_STYLE)
            self.transfer_decided.emit(self.case_number)

    def decline_transfer(self) -> None:
        view = self.standing.transfer if self.standing else None
        if view is None or not view.waiting_for_us:
            return
        from tipdesk.ui.dialogs.transfer import DeclineDialog

        if DeclineDialog.run(self.session, self.case_number, self):
            self.copy_dropped = True  # the window closes (MainWindow)
            self.transfer_decided.emit(self.case_number)

    def _show_unreadable(self) -> None:
        """Name the fields of the person, the case and its items whose stored value
        cannot be read or is out of bounds (they show blank, or as stored)."""
        assert self.file is not None
        records = (
            self.file.person,
            self.file.case,
            *self.file.services,
            *self.file.referrals,
            *self.file.notes,
        )
        fields = list(
            dict.fromkeys(name for record in records for name in r.unreadable_fields(record))
        )
        self.unreadable.setText(unreadable_text(fields))
        self.unreadable.setVisible(bool(fields))

    def _show_items(self) -> None:
        assert self.file is not None
        self._show_unreadable()
        self.services_model.set_items(self.file.services)
        self.referrals_model.set_items(self.file.referrals)
        self.notes_model.names = self.history_model.names = users.display_names(self.session)
        self.notes_model.set_notes(self.file.notes)
        for fitter in self.fitters:
            fitter.request()
        counts = (len(self.file.services), len(self.file.referrals), len(self.file.notes))
        for tab, text, count in zip(
            (2, 3, 4),
            (self.tr("Services"), self.tr("Referrals"), self.tr("Notes")),
            counts,
            strict=True,
        ):
            self.tabs.setTabText(tab, f"{text} ({count})" if count else text)
        self.journey.show_file(self.file)
        self.documents.show_file(self.file, read_only=self.read_only)
        self.tabs.setTabText(self.tabs.indexOf(self.documents), self.documents.title())
        for journey_tab in self.journey.tabs:
            self.tabs.setTabText(self.tabs.indexOf(journey_tab), journey_tab.title())
        self._history_stale = True
        if self.tabs.currentWidget() is self.history_tab:
            self.refresh_history()

    def _show_heading(self) -> None:
        assert self.file is not None
        person, case = self.file.person, self.file.case
        lang = current_language()
        self.title.setText(f"{case.case_number} · {person.full_name}")
        age = r.age_of(person, self.session.today())
        bits = [
            person.register_number,
            VOCABULARIES["case_status"].label(case.status, lang)
            if case.status in VOCABULARIES["case_status"]
            else case.status,
        ]
        if age is not None:
            bits.append(self.tr("{age} years").format(age=age))
        self.subtitle.setText(" · ".join(b for b in bits if b))
        others = [
            c.case_number
            for c in cases.cases_of_person(self.session, person.id)
            if c.case_number != case.case_number
        ]
        links = ", ".join(f'<a href="{n}">{n}</a>' for n in sorted(others))
        self.other_cases.setText(
            self.tr("Other cases of this person: {links}").format(links=links) if others else ""
        )
        self.other_cases.setVisible(bool(others))

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history_tab and self._history_stale:
            self.refresh_history()

    def refresh_history(self) -> None:
        """Load the case's history (written by the listing service)."""
        self._history_stale = False
        try:
            # Imported here: the history service arrives separately from this view.
            from tipdesk.services.casework.listing import case_history
        except ImportError:
            self.history_note.setText(
                self.tr("The history of changes is not available in this version.")
            )
            self.history_note.show()
            self.history_model.set_entries([])
            return
        try:
            entries = case_history(self.session, self.case_number)
        except TipdeskError as exc:
            self.history_note.setText(describe_error(exc, current_language()))
            self.history_note.show()
            return
        self.history_note.setVisible(not entries)
        self.history_note.setText(self.tr("No changes recorded yet."))
        self.history_model.set_entries(entries)
        fit_columns(self.history_view)
        self.refresh_access()

    def refresh_access(self) -> None:
        """Who opened and changed the case, newest first (from the audit trail)."""
        try:
            entries = audit.case_entries(self.session, self.case_number)
        except TipdeskError as exc:
            entries = []
            self.access_note.setText(describe_error(exc, current_language()))
        else:
            self.access_note.setText(self.tr("Nobody has opened this case yet."))
        self.access_note.setVisible(not entries)
        self.access_model.set_rows(entries)
        fit_columns(self.access_view)

    # --- saving ---------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.person_form.is_dirty() or self.case_form.is_dirty()

    def _update_unsaved(self) -> None:
        dirty = self.has_unsaved_changes()
        self.unsaved.setVisible(dirty)
        if dirty and self.message.styleSheet() == OK_STYLE:
            self.message.hide()  # "Saved." and "Unsaved changes" never show together

    def save(self) -> bool:
        """Validate and save the person and case together; False (problems shown) if not."""
        if self.file is None:
            return False
        if self.read_only:  # Save is disabled; Ctrl+S says why
            self._say(
                self.tr("This is a read-only copy: only {office} can change the case.").format(
                    office=self.standing.owner_code if self.standing else ""
                ),
                WARNING_STYLE,
            )
            return False
        self.message.hide()
        self.person_form.clear_problems()
        self.case_form.clear_problems()
        person, person_input = self.person_form.edited_copy(self.file.person)
        case, case_input = self.case_form.edited_copy(self.file.case)
        problems = person_input + case_input
        if not problems:
            today = self.session.today()
            problems = validate(person, today=today) + validate(case, today=today)
        if any(p.is_error for p in problems):
            self._refused(ValidationFailed(problems))
            return False
        try:
            warnings = cases.save_case_file(self.session, person, case)
        except ValidationFailed as exc:
            self._refused(exc)
            return False
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()), ERROR_STYLE)
            return False
        self.reload()
        self._show_problems(warnings)
        self._say(self.tr("Saved."), OK_STYLE)
        self.saved.emit(self.case_number)
        return True

    def _refused(self, exc: ValidationFailed) -> None:
        text, first = refusal(exc, self.person_form, self.case_form)
        self._say(text, ERROR_STYLE)
        if first:
            self._go_to_field(first)

    def _show_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        # Person and case share no editable field name, so each problem has one home.
        return self.case_form.show_problems(self.person_form.show_problems(problems))

    def _go_to_field(self, name: str) -> None:
        for form, scroll in (
            (self.person_form, self.person_scroll),
            (self.case_form, self.case_scroll),
        ):
            if name in form.editors:
                self.tabs.setCurrentWidget(scroll)
                scroll.ensureWidgetVisible(form.editors[name])
                form.focus_field(name)
                return

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        # Good news while edits wait to be saved would say two things at once: the
        # "Unsaved changes" note stays, alone.
        self.message.setVisible(style != OK_STYLE or not self.has_unsaved_changes())

    def _ask_new_case(self) -> None:
        if self.file is not None:
            self.new_case_requested.emit(self.file.person)

    def show_warnings(self, problems: Sequence[Problem]) -> None:
        """What a save elsewhere (the new-case dialog) warned about, shown on this case:
        the fields marked, and the first warnings in the message line."""
        if not problems:
            return
        self._show_problems(problems)
        lang = current_language()
        self._say("\n".join(describe_problem(p, lang) for p in problems[:3]), WARNING_STYLE)
        self._go_to_field(problems[0].field)

    def show_tab(self, key: str) -> None:
        """Bring a tab forward: "person", "case", "services", "referrals", "notes",
        "documents", "assessment", "legal", "return" or "history"."""
        keys = (
            *("person", "case", "services", "referrals", "notes", "documents"),
            *JourneyTabs.KEYS,
            "history",
        )
        self.tabs.setCurrentIndex(keys.index(key))

    def maybe_close(self) -> bool:
        """True if the case file may close: nothing unsaved, saved, or edits discarded."""
        if not self.has_unsaved_changes():
            return True
        answer = UnsavedChanges.ask(self)
        if answer == UnsavedChanges.SAVE:
            return self.save()
        if answer == UnsavedChanges.DISCARD:
            self.reload()
            return True
        return False

    # --- services, referrals, notes --------------------------------------------------------

    def _selected(self, view: QAbstractItemView, items: Sequence[Any]) -> Any:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        index = rows[0] if rows else view.currentIndex()
        return items[index.row()] if index.isValid() and index.row() < len(items) else None

    def _after_item(self, warnings: list[Problem] | None) -> None:
        if warnings is None:
            return
        self._refresh_items()
        lang = current_language()
        if warnings:
            self._say("\n".join(describe_problem(p, lang) for p in warnings), WARNING_STYLE)
        else:
            self._say(self.tr("Saved."), OK_STYLE)
        self.saved.emit(self.case_number)  # the Home lists and others show the change

    def add_service(self) -> None:
        assert self.file is not None
        self._after_item(ServiceDialog.edit(self.session, self.file.case, None, self))

    def edit_service(self) -> None:
        service = self._selected(self.services_view, self.services_model.items)
        if service is not None and self.file is not None:
            self._after_item(ServiceDialog.edit(self.session, self.file.case, service, self))

    def remove_service(self) -> None:
        service = self._selected(self.services_view, self.services_model.items)
        if service is None or self.file is None:
            self._say(self.tr("Choose the service to remove first."), WARNING_STYLE)
            return
        row = self.services_model.items.index(service)
        shown = [self.services_model.index(row, c).data() for c in range(3)]
        if not ConfirmRemoval.ask(self, " · ".join(str(x) for x in shown if x)):
            return
        try:
            cases.remove_service(self.session, service.id)
        except TipdeskError as exc:
            self._say(describe_error(exc, current_language()), ERROR_STYLE)
            return
        self._refresh_items()
        self._say(self.tr("Service removed."), OK_STYLE)

    def add_referral(self) -> None:
        assert self.file is not None
        self._after_item(ReferralDialog.edit(self.session, self.file.case, None, self))

    def edit_referral(self) -> None:
        referral = self._selected(self.referrals_view, self.referrals_model.items)
        if referral is not None and self.file is not None:
            self._after_item(ReferralDialog.edit(self.session, self.file.case, referral, self))

    def selected_referral(self) -> r.Referral | None:
        return self._selected(self.referrals_view, self.referrals_model.items)

    def _update_referral_buttons(self) -> None:
        referral = self.selected_referral()
        self.letter_button.setEnabled(referral is not None)
        self.reply_button.setEnabled(can_record_reply(referral))

    def _reselect(self, referral_id: str) -> None:
        ids = [x.id for x in self.referrals_model.items]
        if referral_id in ids:
            self.referrals_view.selectRow(ids.index(referral_id))

    def open_letter(self) -> None:
        """The letter of the selected referral: preview, issue, print, save."""
        referral = self.selected_referral()
        if referral is None or self.file is None:
            return
        from tipdesk.ui.dialogs.letter import LetterDialog  # ReportLab, QtPdf: when needed

        issued = LetterDialog.show_for(
            self.session,
            self.case_number,
            referral.id,
            unsaved=self.has_unsaved_changes(),
            parent=self,
        )
        if issued:
            self._refresh_items()
            self._reselect(referral.id)
            self.saved.emit(self.case_number)

    def record_reply(self) -> None:
        """The provider's answer to the selected referral's letter."""
        referral = self.selected_referral()
        if not can_record_reply(referral) or self.file is None:
            return
        provider = self.file.providers.get(referral.provider_id)
        from tipdesk.ui.dialogs.reply import ReplyDialog

        warnings = ReplyDialog.record(
            self.session, referral, provider.name if provider else "", self
        )
        self._after_item(warnings)
        if warnings is not None:
            self._reselect(referral.id)

    def add_note(self) -> None:
        assert self.file is not None
        self._after_item(NoteDialog.edit(self.session, self.file.case, None, self))

    def edit_note(self) -> None:
        note = self._selected(self.notes_view, self.notes_model.notes)
        if note is not None and self.file is not None:
            self._after_item(NoteDialog.edit(self.session, self.file.case, note, self))

    def _documents_changed(self) -> None:
        self._refresh_items()
        self.saved.emit(self.case_number)  # the History and other windows show the change

    # --- the person's rights ---------------------------------------------------------------

    def export_person_data(self) -> None:
        """Everything held about the person, as a JSON or PDF file (supervisors)."""
        from tipdesk.ui.dialogs.person_rights import export_person_data

        def written(path: object) -> None:
            self._say(
                self.tr("The person's data is saved as {path}. The file is not encrypted.").format(
                    path=path
                ),
                WARNING_STYLE,
            )

        export_person_data(self.session, self.case_number, written, self)

    def erase_person(self) -> None:
        """Erase the person and all their cases (supervisors); the window then closes."""
        from tipdesk.ui.dialogs.person_rights import EraseDialog

        result = EraseDialog.run(self.session, self.case_number, self)
        if result is None:
            return
        # Nothing is left to save: the forms' edits went with the person.
        self.person_form.mark_unchanged()
        self.case_form.mark_unchanged()
        self.erased.emit(list(result.case_numbers) or [self.case_number])
