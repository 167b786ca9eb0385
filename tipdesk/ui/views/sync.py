"""The Sync screen: the offices this register exchanges batch files with (what was last
sent, confirmed and received), export and import by USB stick, enrolling an office and
this office's key file, the review of conflicts, and the inbox (batches waiting for an
earlier one, or held for an administrator to accept or discard).

Everything goes through ``tipdesk.services.sync``; export, import and the inbox run in
the background behind a progress dialog. Refusals (a damaged or foreign batch, a wrong
fingerprint, a role without the permission) show as one translated sentence.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import BadArgument, TipdeskError
from tipdesk.domain.messages import field_label
from tipdesk.domain.vocab import OFFICE_LEVEL
from tipdesk.services import sync
from tipdesk.services.access import permissions
from tipdesk.services.casework import cases
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_datetime
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.dialogs.office_keys import EnrolDialog, RecoveryKeyDialog, monospace
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import (
    Column,
    RowsModel,
    format_count,
    format_timestamp,
    vocab_label,
)
from tipdesk.ui.models.records import shown_value
from tipdesk.ui.operations import run_in_background
from tipdesk.ui.settings import app_settings
from tipdesk.ui.views.sync_inbox import InboxTab
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, WARNING_STYLE, message_label
from tipdesk.ui.widgets.lists import RowActivation, list_table

_C = "SyncView"
FOLDER_KEY = "sync/folder"  # the last folder a batch or key file went to or came from
KEY_FILE_LIMIT = 1024 * 1024  # read no more of a chosen key file (real ones are ~1 KB)

# Record types and the names of the synced tables, as a person reads them.
ENTITIES: dict[str, tuple[type, str]] = {
    "offices": (r.Office, QT_TRANSLATE_NOOP("SyncView", "Office")),
    "persons": (r.Person, QT_TRANSLATE_NOOP("SyncView", "Person")),
    "cases": (r.Case, QT_TRANSLATE_NOOP("SyncView", "Case")),
    "services": (r.Service, QT_TRANSLATE_NOOP("SyncView", "Service")),
    "referrals": (r.Referral, QT_TRANSLATE_NOOP("SyncView", "Referral")),
    "providers": (r.Provider, QT_TRANSLATE_NOOP("SyncView", "Provider")),
    "case_notes": (r.CaseNote, QT_TRANSLATE_NOOP("SyncView", "Note")),
    "incidents": (r.Incident, QT_TRANSLATE_NOOP("SyncView", "Incident")),
    "assessments": (r.Assessment, QT_TRANSLATE_NOOP("SyncView", "Assessment")),
    "plan_goals": (r.PlanGoal, QT_TRANSLATE_NOOP("SyncView", "Plan goal")),
    "legal_steps": (r.LegalStep, QT_TRANSLATE_NOOP("SyncView", "Legal step")),
    "restitution": (r.Restitution, QT_TRANSLATE_NOOP("SyncView", "Restitution")),
    "lpsk_requests": (r.LpskRequest, QT_TRANSLATE_NOOP("SyncView", "LPSK request")),
    "returns": (r.Return, QT_TRANSLATE_NOOP("SyncView", "Return")),
    "reintegration_checkups": (
        r.ReintegrationCheckup,
        QT_TRANSLATE_NOOP("SyncView", "Reintegration check-up"),
    ),
}
# How many records of each table a batch carried.
RECORDS = {
    "offices": QT_TRANSLATE_NOOP("SyncView", "offices"),
    "persons": QT_TRANSLATE_NOOP("SyncView", "persons"),
    "cases": QT_TRANSLATE_NOOP("SyncView", "cases"),
    "services": QT_TRANSLATE_NOOP("SyncView", "services"),
    "referrals": QT_TRANSLATE_NOOP("SyncView", "referrals"),
    "providers": QT_TRANSLATE_NOOP("SyncView", "providers"),
    "case_notes": QT_TRANSLATE_NOOP("SyncView", "notes"),
    "incidents": QT_TRANSLATE_NOOP("SyncView", "incidents"),
    "assessments": QT_TRANSLATE_NOOP("SyncView", "assessments"),
    "plan_goals": QT_TRANSLATE_NOOP("SyncView", "plan goals"),
    "legal_steps": QT_TRANSLATE_NOOP("SyncView", "legal steps"),
    "restitution": QT_TRANSLATE_NOOP("SyncView", "restitution claims"),
    "lpsk_requests": QT_TRANSLATE_NOOP("SyncView", "LPSK requests"),
    "returns": QT_TRANSLATE_NOOP("SyncView", "returns"),
    "reintegration_checkups": QT_TRANSLATE_NOOP("SyncView", "reintegration check-ups"),
}
PROFILES = {
    "full": QT_TRANSLATE_NOOP("SyncView", "full case data"),
    "deidentified": QT_TRANSLATE_NOOP("SyncView", "de-identified data"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def when(stamp: str | None) -> str:
    return format_timestamp(stamp) if stamp else _t(QT_TRANSLATE_NOOP("SyncView", "never"))


def moment(at: dt.datetime) -> str:
    return format_datetime(at)


def records_text(records: dict[str, int]) -> str:
    """``persons 5, cases 5, services 2`` in the order the tables travel."""
    return ", ".join(
        f"{_t(RECORDS.get(table, table))} {format_count(n)}" for table, n in records.items() if n
    )


def peer_columns() -> tuple[Column, ...]:
    return (
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Office"), lambda p: p.code),
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Name"), lambda p: p.name),
        Column(
            _C, QT_TRANSLATE_NOOP("SyncView", "Level"), lambda p: vocab_label(OFFICE_LEVEL, p.level)
        ),
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Last sent"), lambda p: when(p.last_sent_at)),
        Column(
            _C, QT_TRANSLATE_NOOP("SyncView", "Confirmed by them"), lambda p: when(p.last_acked_at)
        ),
        Column(
            _C, QT_TRANSLATE_NOOP("SyncView", "Last received"), lambda p: when(p.last_received_at)
        ),
        # Every change of this register since the office's last confirmation (for a
        # province, other districts' too, which never go to this one).
        Column(
            _C,
            QT_TRANSLATE_NOOP("SyncView", "Changes since confirmed"),
            lambda p: format_count(p.unacknowledged),
            align_right=True,
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("SyncView", "Waiting in inbox"),
            lambda p: format_count(p.waiting),
            align_right=True,
        ),
    )


class ConflictText:
    """A conflict's record, field and values as a person reads them: field labels,
    vocabulary labels, yes/no, provider names."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._providers: dict[str, r.Provider] | None = None

    def providers(self) -> dict[str, r.Provider]:
        if self._providers is None:
            self._providers = {p.id: p for p in cases.list_providers(self.session)}
        return self._providers

    @staticmethod
    def record(conflict: sync.Conflict) -> str:
        return _t(ENTITIES[conflict.entity][1]) if conflict.entity in ENTITIES else conflict.entity

    @staticmethod
    def field(conflict: sync.Conflict) -> str:
        if conflict.kind == "delete" or not conflict.field:
            return _t(QT_TRANSLATE_NOOP("SyncView", "Whole record"))
        return field_label(conflict.field, current_language())

    def value(self, conflict: sync.Conflict, side: str) -> str:
        value = conflict.local_value if side == "local" else conflict.remote_value
        if conflict.kind == "delete":
            if isinstance(value, dict):
                # They edited what we deleted: keeping theirs brings the record back.
                return _t(QT_TRANSLATE_NOOP("SyncView", "edited (restores the record)"))
            words = {
                "deleted": QT_TRANSLATE_NOOP("SyncView", "deleted"),
                "edited": QT_TRANSLATE_NOOP("SyncView", "edited"),
            }
            return _t(words[str(value)]) if str(value) in words else str(value)
        record_type = ENTITIES.get(conflict.entity, (None, ""))[0]
        if record_type is None:
            return "" if value is None else str(value)
        field = r.fields_of(record_type).get(conflict.field)
        kind = field.metadata.get("kind") if field else None
        if kind in ("codes", "lines") and isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        text = shown_value(
            record_type,
            conflict.field,
            value,
            providers=self.providers() if conflict.field == "provider_id" else None,
        )
        return text or _t(QT_TRANSLATE_NOOP("SyncView", "(empty)"))


def conflict_columns(text: ConflictText) -> tuple[Column, ...]:
    return (
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Case no."), lambda c: c.case_number),
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Record"), text.record),
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Field"), text.field),
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Ours"), lambda c: text.value(c, "local")),
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "Theirs"), lambda c: text.value(c, "remote")),
        Column(_C, QT_TRANSLATE_NOOP("SyncView", "From"), lambda c: c.peer_code),
    )


class SyncView(QWidget):
    open_case_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.can_sync = permissions.allowed(session, "sync")
        self.can_manage = permissions.allowed(session, "manage_keys")
        self.can_decide = permissions.allowed(session, "review_held_batches")
        self.province = session.office.level == "province"
        self.peers: list[sync.Peer] = []
        self.conflicts: list[sync.Conflict] = []
        self.fingerprint = ""  # this office's, once its key file was saved here
        self.text = ConflictText(session)

        self.intro = QLabel(
            self.tr(
                "Batch files carry this register's changes to the offices below and bring theirs "
                "back, on a USB stick. Each file is encrypted for one office and signed by this "
                "one; a file from an office that is not enrolled is refused."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.message = message_label(self, screen=True)
        self.tabs = QTabWidget(self)
        self.offices_tab = self._build_offices_tab()
        self.conflicts_tab = self._build_conflicts_tab()
        self.inbox_tab = InboxTab(self.can_decide, not self.province, self)
        self.inbox_tab.accept_requested.connect(lambda: self.accept_held())
        self.inbox_tab.discard_requested.connect(lambda: self.discard_held())
        self.tabs.addTab(self.offices_tab, self.tr("Offices"))
        self.tabs.addTab(self.conflicts_tab, self.tr("Conflicts"))
        self.tabs.addTab(self.inbox_tab, self.tr("Inbox"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # --- building -----------------------------------------------------------------------

    def _button(
        self, text: str, tip: str, slot: Callable[[], Any], *, allowed: bool = True
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False: slot())
        button.setVisible(allowed)
        return button

    def _build_offices_tab(self) -> QWidget:
        page = QWidget(self)
        self.peers_model = RowsModel(peer_columns(), key=lambda p: p.code, parent=self)
        self.peers_table = list_table(self.peers_model, page)
        self.peers_table.setObjectName("peers")
        header = self.peers_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.peers_table.fontMetrics()
        level = (
            max(
                metrics.horizontalAdvance(vocab_label(OFFICE_LEVEL, term.code))
                for term in OFFICE_LEVEL
            )
            + 16
        )
        for column, width in enumerate((70, 200, level, 130, 130, 130, 120, 110)):
            self.peers_table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.peers_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_peer())
        self.peer_details = QLabel(page)
        self.peer_details.setObjectName("peer_details")
        self.peer_details.setWordWrap(True)
        self.peer_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_peers = QLabel(page)
        self.no_peers.setWordWrap(True)

        self.export_button = self._button(
            self.tr("Export a batch…"),
            self.tr("Write a batch for the office chosen in the table, e.g. on a USB stick"),
            self.export_batch,
            allowed=self.can_sync,
        )
        self.import_button = self._button(
            self.tr("Import a batch…"),
            self.tr("Check and apply a batch file another office exported for this one"),
            self.import_batch,
            allowed=self.can_sync,
        )
        self.inbox_button = self._button(
            self.tr("Try the inbox again"),
            self.tr("Apply the batches that wait in the inbox for an earlier batch"),
            self.retry_inbox,
            allowed=self.can_sync,
        )
        self.role_note = QLabel(
            self.tr(
                "Your role does not exchange batches; a caseworker, supervisor or administrator "
                "can."
            ),
            page,
        )
        self.role_note.setWordWrap(True)
        self.role_note.setVisible(not self.can_sync)
        self.enrol_button = self._button(
            self.tr("Enrol an office…"),
            self.tr("Add an office from its key file, after confirming its fingerprint by phone"),
            self.enrol_office,
            allowed=self.can_manage,
        )
        self.key_button = self._button(
            self.tr("Save our key file…"),
            self.tr("Save this office's key file, to give to an office that enrols it"),
            self.save_key_file,
            allowed=self.can_manage,
        )
        self.recovery_button = self._button(
            self.tr("Make a recovery key…"),
            self.tr(
                "A key, kept on paper, that opens the batches sent to this province if "
                "its register is lost"
            ),
            self.make_recovery_key,
            allowed=self.can_manage and self.province,
        )
        self.fingerprint_label = QLabel(page)
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setFont(monospace())
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.hide()

        actions = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.inbox_button):
            actions.addWidget(button)
        if self.can_sync:
            actions.addStretch(1)
        else:
            actions.addWidget(self.role_note, 1)
        keys = QHBoxLayout()
        for button in (self.enrol_button, self.key_button, self.recovery_button):
            keys.addWidget(button)
        keys.addSpacing(12)
        keys.addWidget(self.fingerprint_label)
        keys.addStretch(1)
        chain = (
            self.export_button,
            self.import_button,
            self.inbox_button,
            self.peers_table,
            self.enrol_button,
            self.key_button,
            self.recovery_button,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        layout = QVBoxLayout(page)
        layout.addLayout(actions)
        layout.addWidget(self.peers_table, 1)
        layout.addWidget(self.no_peers)
        layout.addWidget(self.peer_details)
        if self.can_manage:
            layout.addLayout(keys)
        return page

    def _build_conflicts_tab(self) -> QWidget:
        page = QWidget(self)
        self.conflicts_model = RowsModel(
            conflict_columns(self.text), key=lambda c: c.id, parent=self
        )
        self.conflicts_table = list_table(self.conflicts_model, page)
        self.conflicts_table.setObjectName("conflicts")
        header = self.conflicts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 90, 150, 240, 240, 70)):
            self.conflicts_table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        for column in (3, 4):  # the two values share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.conflicts_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_conflict()
        )
        self.conflict_activation = RowActivation(
            self.conflicts_table, lambda _row: self.open_selected_case()
        )
        self.no_conflicts = QLabel(
            self.tr(
                "No conflicts to review. A conflict arises when this office and another changed "
                "the same field of a record before their batches crossed."
            ),
            page,
        )
        self.no_conflicts.setWordWrap(True)

        self.conflict_heading = QLabel(page)
        self.conflict_heading.setObjectName("conflict_heading")
        bold = QFont(self.conflict_heading.font())
        bold.setBold(True)
        self.conflict_heading.setFont(bold)
        self.ours_box, self.ours_value, self.ours_who = self._side(page)
        self.theirs_box, self.theirs_value, self.theirs_who = self._side(page)
        sides = QHBoxLayout()
        sides.addWidget(self.ours_box, 1)
        sides.addWidget(self.theirs_box, 1)
        self.keep_ours_button = self._button(
            self.tr("Keep ours"),
            self.tr("Keep this office's value; the other office gets it with the next batch"),
            lambda: self.resolve("local"),
            allowed=self.can_sync,
        )
        self.keep_theirs_button = self._button(
            self.tr("Keep theirs"),
            self.tr("Take the other office's value here; it goes back with the next batch"),
            lambda: self.resolve("remote"),
            allowed=self.can_sync,
        )
        self.open_case_button = self._button(
            self.tr("Open case"),
            self.tr("Open the case file in its own window"),
            self.open_selected_case,
        )
        self.conflict_note = QLabel(
            self.tr(
                "Either choice is an ordinary change that travels with the next batch, so both "
                "registers end with the same value."
            ),
            page,
        )
        self.conflict_note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.keep_ours_button, self.keep_theirs_button, self.open_case_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.conflict_note, 1)
        chain = (
            self.conflicts_table,
            self.keep_ours_button,
            self.keep_theirs_button,
            self.open_case_button,
            self.ours_value,
            self.theirs_value,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.conflict_detail = QWidget(page)
        detail = QVBoxLayout(self.conflict_detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.conflict_heading)
        detail.addLayout(sides)
        detail.addLayout(buttons)
        layout = QVBoxLayout(page)
        layout.addWidget(self.no_conflicts)
        layout.addWidget(self.conflicts_table, 1)
        layout.addWidget(self.conflict_detail)
        return page

    def _side(self, parent: QWidget) -> tuple[QGroupBox, QPlainTextEdit, QLabel]:
        box = QGroupBox(parent)
        value = QPlainTextEdit(box)
        value.setReadOnly(True)
        value.setTabChangesFocus(True)
        value.setFixedHeight(value.fontMetrics().lineSpacing() * 4 + 12)
        who = QLabel(box)
        who.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(value)
        layout.addWidget(who)
        return box, value, who

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the offices and the conflicts again, keeping what was selected."""
        peer, conflict = self.selected_peer(), self.selected_conflict()
        self.peers = sync.list_peers(self.session)
        self.peers_model.set_rows(self.peers)
        self._select(self.peers_table, self.peers_model, peer.code if peer else "")
        self.no_peers.setText(
            self.tr(
                "No office is enrolled yet. An administrator enrols an office from its key file "
                "and confirms its fingerprint over the phone."
            )
            if not self.peers
            else ""
        )
        self.no_peers.setVisible(not self.peers)
        self.peers_table.setVisible(bool(self.peers))
        self.export_button.setEnabled(bool(self.peers))
        self.load_inbox()
        # "Try again" helps only a batch that waits for an earlier one, not a held one.
        self.inbox_button.setEnabled(any(not item.held for item in self.inbox_tab.items))
        self.load_conflicts(conflict.id if conflict else "")
        self._show_peer()

    def load_inbox(self, keep: str = "") -> None:
        chosen = self.inbox_tab.selected()
        items = sync.list_inbox(self.session) if self.can_sync else []
        self.inbox_tab.set_items(
            items,
            {p.code for p in self.peers if p.level == "province"},
            keep or (chosen.batch_id if chosen else ""),
        )
        held = self.inbox_tab.held_count()
        count = format_count(len(items))
        self.tabs.setTabText(
            self.tabs.indexOf(self.inbox_tab),
            self.tr("Inbox ({count}, {held} held)").format(count=count, held=format_count(held))
            if held
            else self.tr("Inbox ({count})").format(count=count)
            if items
            else self.tr("Inbox"),
        )

    def load_conflicts(self, keep: str = "") -> None:
        self.text = ConflictText(self.session)
        self.conflicts_model.columns = conflict_columns(self.text)
        # Conflicts hold both offices' values: only for roles that exchange batches.
        self.conflicts = (
            sync.list_conflicts(self.session) if permissions.allowed(self.session, "sync") else []
        )
        self.conflicts_model.set_rows(self.conflicts)
        self._select(self.conflicts_table, self.conflicts_model, keep)
        n = len(self.conflicts)
        self.tabs.setTabText(
            self.tabs.indexOf(self.conflicts_tab),
            self.tr("Conflicts ({count})").format(count=format_count(n))
            if n
            else self.tr("Conflicts"),
        )
        self.no_conflicts.setVisible(not n)
        self.conflicts_table.setVisible(bool(n))
        self._show_conflict()

    @staticmethod
    def _select(table: QTableView, model: RowsModel, key: str) -> None:
        """Select the row with ``key`` (else the first) so that a row is always chosen."""
        if not model.rowCount():
            return
        row = next((i for i in range(model.rowCount()) if model.key_at(i) == key), 0)
        table.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected_peer(self) -> sync.Peer | None:
        index = self.peers_table.currentIndex()
        if not index.isValid() or index.row() >= self.peers_model.rowCount():
            return None
        return self.peers_model.row_at(index.row())

    def selected_conflict(self) -> sync.Conflict | None:
        index = self.conflicts_table.currentIndex()
        if not index.isValid() or index.row() >= self.conflicts_model.rowCount():
            return None
        return self.conflicts_model.row_at(index.row())

    def _show_peer(self) -> None:
        peer = self.selected_peer()
        self.peer_details.setVisible(peer is not None)
        if peer is None:
            return
        self.peer_details.setText(
            self.tr(
                "{office} · {name}: fingerprint {fingerprint}; receives {profile} from "
                "us; enrolled {enrolled}."
            ).format(
                office=peer.code,
                name=peer.name,
                fingerprint=peer.fingerprint,
                profile=_t(PROFILES.get(peer.profile, peer.profile)),
                enrolled=when(peer.enrolled_at),
            )
            + "\n"
            + self.tr(
                "Changes sent up to no. {sent}, of which they confirmed up to no. "
                "{acked}; received from them up to no. {received}."
            ).format(
                sent=format_count(peer.sent_upto),
                acked=format_count(peer.acked_upto),
                received=format_count(peer.received_upto),
            )
        )

    def _show_conflict(self) -> None:
        conflict = self.selected_conflict()
        self.conflict_detail.setVisible(conflict is not None)
        if conflict is None:
            return
        self.conflict_heading.setText(
            " · ".join(
                part
                for part in (
                    self.tr("Case {number}").format(number=conflict.case_number)
                    if conflict.case_number
                    else "",
                    self.text.record(conflict),
                    self.text.field(conflict),
                )
                if part
            )
        )
        self.ours_box.setTitle(self.tr("Ours ({office})").format(office=self.session.office.code))
        self.theirs_box.setTitle(self.tr("Theirs ({office})").format(office=conflict.peer_code))
        for side, value, who, author, at in (
            ("local", self.ours_value, self.ours_who, conflict.local_author, conflict.local_at),
            (
                "remote",
                self.theirs_value,
                self.theirs_who,
                conflict.remote_author,
                conflict.remote_at,
            ),
        ):
            value.setPlainText(self.text.value(conflict, side))
            who.setText(
                self.tr("Changed by {user} on {when}").format(
                    user=author or self.tr("unknown"), when=moment(at)
                )
            )
        # A case deleted here cannot be opened (until "Keep theirs" restores it).
        deleted_here = (
            conflict.kind == "delete"
            and conflict.entity == "cases"
            and conflict.local_value == "deleted"
        )
        self.open_case_button.setEnabled(bool(conflict.case_number) and not deleted_here)

    # --- telling the user ---------------------------------------------------------------

    def say(self, text: str, *, error: bool = False, warning: bool = False) -> None:
        """Keep the outcome of the last action in view at the top of the screen."""
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else WARNING_STYLE if warning else OK_STYLE)
        self.message.show()

    def refuse(self, title: str, text: str) -> None:
        self.say(text, error=True)
        QMessageBox.warning(self, title, text)

    def _failed(self, title: str, error: BaseException | None, file_problem: str) -> None:
        if isinstance(error, TipdeskError):
            self.refuse(title, refusal_text(error))
        elif isinstance(error, OSError):
            self.refuse(title, file_problem)
        elif error is not None:
            self.say(self.tr("{action} did not complete.").format(action=title), error=True)
            report(self, error)

    def _run(
        self,
        title: str,
        label: str,
        work: Callable[..., Any],
        done: Callable[[Any], None],
        *,
        file_problem: str,
        cancellable: bool = True,
        failed: Callable[[], None] | None = None,
    ) -> None:
        """Run ``work(progress, cancelled)`` in the background, every window held (it
        writes the register), then ``done(result)``. If it was refused, failed or
        cancelled, the user is told and ``failed()`` runs."""

        def refused(error: BaseException) -> None:
            self._failed(title, error, file_problem)
            if failed is not None:
                failed()

        def cancelled() -> None:
            self.say(self.tr("Cancelled; nothing was changed."))
            if failed is not None:
                failed()

        self.operation = run_in_background(
            self,
            title,
            label,
            work,
            success=done,
            failure=refused,
            cancelled=cancelled,
            cancellable=cancellable,
            whole_app=True,
        )

    def _start_folder(self) -> str:
        return str(app_settings().value(FOLDER_KEY, "") or "")

    def _remember_folder(self, folder: Path) -> None:
        app_settings().setValue(FOLDER_KEY, str(folder))

    # --- batches ------------------------------------------------------------------------

    def export_batch(self) -> None:
        """Write a batch for the chosen office into a folder the user picks."""
        title = self.tr("Export a batch")
        peer = self.selected_peer()
        if peer is None:
            self.refuse(title, self.tr("Choose in the table the office the batch is for."))
            return None
        chosen = QFileDialog.getExistingDirectory(
            self,
            self.tr("Where to write the batch for {office} (e.g. the USB stick)").format(
                office=peer.code
            ),
            self._start_folder(),
        )
        if not chosen:
            return None
        folder = Path(chosen)
        self._remember_folder(folder)

        def written(result: sync.ExportResult) -> None:
            records = records_text(result.records)
            text = (
                self.tr("The batch for {office} is written:\n{path}").format(
                    office=result.peer_code, path=result.path
                )
                + "\n\n"
            )
            text += (
                self.tr("Records: {records}.").format(records=records)
                if records
                else self.tr(
                    "No new changes: the batch tells {office} what this office has received."
                ).format(office=result.peer_code)
            )
            text += "\n\n" + self.tr(
                "It is encrypted for {office} and signed by this office; its name says nothing "
                "about what it holds. Import it at {office}; their next batch confirms it."
            ).format(office=result.peer_code)
            if result.parts:
                text += "\n\n" + self.tr(
                    "Its documents are in {count} more files beside it ({names}). Copy them "
                    "all with the batch: without them it cannot be imported."
                ).format(
                    count=format_count(len(result.parts)),
                    names=", ".join(part.name for part in result.parts),
                )
            self.refresh()
            self.say(text)
            QMessageBox.information(self, title, text)

        self._run(
            title,
            self.tr("Writing the batch for {office}…").format(office=peer.code),
            lambda progress, cancelled: sync.export_batch(
                self.session, peer.code, folder, progress=progress, cancelled=cancelled
            ),
            written,
            file_problem=self.tr(
                "The batch could not be written to {folder}: the stick may be full, "
                "write-protected or removed. Nothing was sent; try again."
            ).format(folder=folder),
        )

    def import_batch(self) -> None:
        """Check and apply a batch file the user picks."""
        title = self.tr("Import a batch")
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a batch file"),
            self._start_folder(),
            self.tr("TipDesk batches (*.tipbatch);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._remember_folder(path.parent)

        def imported(summary: sync.ImportSummary) -> None:
            self.refresh()
            text = self.summary_text(summary)
            if summary.held:
                self.say(text, warning=True)
                QMessageBox.warning(self, title, text)
                self.inbox_tab.select(summary.batch_id)
                self.tabs.setCurrentWidget(self.inbox_tab)
                return
            self.say(text)
            QMessageBox.information(self, title, text)
            if summary.conflicts:
                self.tabs.setCurrentWidget(self.conflicts_tab)

        self._run(
            title,
            self.tr("Checking and applying the batch…"),
            lambda progress, cancelled: sync.import_batch(
                self.session, path, progress=progress, cancelled=cancelled
            ),
            imported,
            file_problem=self.tr(
                "The file {path} could not be read. Check that the stick is still plugged in, "
                "then try again."
            ).format(path=path),
            failed=self.refresh,  # a refused or cancelled import changed nothing to show
        )

    def summary_text(self, summary: sync.ImportSummary) -> str:
        office = summary.peer_code
        if summary.already_imported:
            return self.tr("This batch from {office} was imported before; nothing changed.").format(
                office=office
            )
        if summary.held:
            # The inbox knows of how many cases; the summary only how many it deletes.
            item = next(
                (i for i in sync.list_inbox(self.session) if i.batch_id == summary.batch_id), None
            ) or sync.InboxItem(summary.batch_id, office, 0, 0, "", summary.held, {})
            return self.inbox_tab.held_text(item) + " " + self.tr("It is on the Inbox tab.")
        if summary.waiting:
            return self.tr(
                "An earlier batch from {office} has not arrived here, so this one cannot be "
                "applied yet. It is kept in the inbox and applied by itself when the missing "
                "batch arrives. Ask {office} to export again: a new batch carries everything "
                "this office has not confirmed."
            ).format(office=office)
        text = self.tr(
            "Batch from {office} imported. Applied: {applied}; unchanged: {unchanged}; "
            "merged with changes made here: {merged}; conflicts to review: {conflicts}."
        ).format(
            office=office,
            applied=format_count(summary.applied),
            unchanged=format_count(summary.unchanged),
            merged=format_count(summary.merged),
            conflicts=format_count(summary.conflicts),
        )
        if summary.documents:
            text += "\n" + self.tr("Documents received and checked: {count}.").format(
                count=format_count(summary.documents)
            )
        if summary.from_inbox:
            text += "\n" + self.tr("Batches from the inbox applied after it: {count}.").format(
                count=format_count(len(summary.from_inbox))
            )
        if summary.conflicts:
            text += "\n" + self.tr("Review the conflicts on the Conflicts tab.")
        return text

    def retry_inbox(self) -> None:
        title = self.tr("Inbox")

        def applied_(applied: list[str]) -> None:
            self.refresh()
            if applied:
                text = self.tr("Batches applied from the inbox: {count}.").format(
                    count=format_count(len(applied))
                )
            else:
                text = self.tr(
                    "Nothing in the inbox can be applied yet: the batch it waits for has not "
                    "arrived. Ask the sending office to export again."
                )
            held = self.inbox_tab.held_count()
            if held:
                text += "\n" + self.tr(
                    "Held for an administrator to accept or discard: {count}; see the Inbox tab."
                ).format(count=format_count(held))
            self.say(text, warning=bool(held))

        self._run(
            title,
            self.tr("Applying the batches waiting in the inbox…"),
            lambda progress, cancelled: sync.process_inbox(self.session),
            applied_,
            file_problem=self.tr(
                "A batch in the inbox could not be read. Ask the sending office to export again."
            ),
            cancellable=False,
        )

    def accept_held(self) -> None:
        """Apply the held batch chosen on the Inbox tab, once the admin confirms it."""
        item = self.inbox_tab.selected()
        if item is None or not item.held or not self.can_decide:
            return None
        title = self.tr("Accept a held batch")
        office = item.peer_code
        if not self._confirm_held(
            title,
            item,
            self.tr("Apply the batch from {office} as it is?").format(office=office),
            self.tr("Accept it only if {office} confirmed that it meant these changes.").format(
                office=office
            ),
        ):
            return None

        def accepted(summary: sync.ImportSummary) -> None:
            self.refresh()
            if summary.waiting:
                text = self.tr(
                    "The batch from {office} is accepted, but an earlier batch from {office} "
                    "has not arrived here: it waits in the inbox and is applied by itself when "
                    "that batch arrives."
                ).format(office=office)
            else:
                text = (
                    self.tr("You accepted the batch from {office}.").format(office=office)
                    + "\n"
                    + self.summary_text(summary)
                )
            self.say(text)
            QMessageBox.information(self, title, text)
            if summary.conflicts:
                self.tabs.setCurrentWidget(self.conflicts_tab)

        self._run(
            title,
            self.tr("Applying the batch from {office}…").format(office=office),
            lambda progress, cancelled: sync.accept_held(
                self.session, item.batch_id, progress=progress, cancelled=cancelled
            ),
            accepted,
            file_problem=self.tr(
                "The held batch could not be read from the inbox folder. Ask {office} to "
                "export again."
            ).format(office=office),
            failed=self.refresh,
        )

    def _confirm_held(self, title: str, item, question: str, advice: str) -> bool:
        """Ask, with the held batch's counts, before deciding on it (No by default)."""
        answer = QMessageBox.question(
            self,
            title,
            "\n\n".join((question, self._held_counts(item), advice)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def discard_held(self) -> bool:
        """Throw away the held batch chosen on the Inbox tab, once the admin confirms it."""
        item = self.inbox_tab.selected()
        if item is None or not item.held or not self.can_decide:
            return False
        title = self.tr("Discard a held batch")
        office = item.peer_code
        if not self._confirm_held(
            title,
            item,
            self.tr("Throw away the batch from {office}?").format(office=office),
            self.tr(
                "Nothing of it is applied here. Its changes come again in the next "
                "batch from {office}, which is held again if it still deletes these "
                "cases: ask {office} to put right what it deleted by "
                "mistake."
            ).format(office=office),
        ):
            return False
        try:
            sync.discard_held(self.session, item.batch_id)
        except Exception as exc:  # refusals in words, the unexpected through the error dialog
            self._failed(
                title, exc, self.tr("The held batch could not be removed from the inbox folder.")
            )
            self.refresh()
            return False
        self.refresh()
        self.say(
            self.tr("The batch from {office} is discarded; nothing of it was applied.").format(
                office=office
            )
        )
        return True

    def _held_counts(self, item: sync.InboxItem) -> str:
        if item.held == "mass_delete":
            return self.inbox_tab.deletes_text(
                item.peer_code,
                int(item.detail.get("deleted_cases", 0)),
                int(item.detail.get("cases", 0)),
            )
        return self.tr("It is held for an administrator.")

    # --- offices and keys ---------------------------------------------------------------

    def enrol_office(self) -> sync.Peer | None:
        title = self.tr("Enrol an office")
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the office's key file"),
            self._start_folder(),
            self.tr("TipDesk key files (*.tipkey);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            with path.open("rb") as file:
                data = file.read(KEY_FILE_LIMIT + 1)
            card = sync.read_key_file(data)
        except TipdeskError as exc:
            self.refuse(title, refusal_text(exc))
            return None
        except OSError:
            self.refuse(title, self.tr("The file {path} could not be read.").format(path=path))
            return None
        if card.office_id == self.session.office.id:
            # The service refuses too, but its reason is not translated.
            self.refuse(
                title,
                self.tr(
                    "This is this office's own key file. Choose the key file "
                    "that the other office sent."
                ),
            )
            return None
        dialog = EnrolDialog(
            self.session, data, card, {p.code: p.profile for p in self.peers}, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.peer is None:
            return None
        peer = dialog.peer
        self.refresh()
        self._select(self.peers_table, self.peers_model, peer.code)
        self.say(
            self.tr(
                "{office} ({name}) is enrolled: batches can now go to it and come from it."
            ).format(office=peer.code, name=peer.name)
        )
        return peer

    def save_key_file(self) -> Path | None:
        title = self.tr("Save our key file")
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where to save this office's key file"), self._start_folder()
        )
        if not chosen:
            return None
        try:
            path, fingerprint = sync.export_key_file(self.session, Path(chosen))
        except TipdeskError as exc:
            self.refuse(title, refusal_text(exc))
            return None
        except OSError:
            self.refuse(
                title, self.tr("The key file could not be saved in {folder}.").format(folder=chosen)
            )
            return None
        self.fingerprint = fingerprint
        self.fingerprint_label.setText(
            self.tr("Our fingerprint: {fingerprint}").format(fingerprint=fingerprint)
        )
        self.fingerprint_label.show()
        text = (
            self.tr(
                "This office's key file is saved as {path}. Give it to the other office on a "
                "stick or by e-mail; it holds no secret. When they phone to enrol this office, "
                "read them this fingerprint:"
            ).format(path=path)
            + f"\n\n{fingerprint}"
        )
        self.say(text)
        QMessageBox.information(self, title, text)
        return path

    def make_recovery_key(self) -> bool:
        title = self.tr("Recovery key for batches")
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Make a recovery key for the batches that districts send to this office? It is "
                "shown once, to print or write down and lock away; with it, those batches can "
                "still be opened if this register is lost."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            secret = sync.create_recovery_identity(self.session)
        except TipdeskError as exc:
            if isinstance(exc, BadArgument) and exc.params.get("argument") == "recovery":
                # The service's reason is English; a province button meets only this one.
                self.refuse(
                    title,
                    self.tr(
                        "This office already has a recovery key. It was shown once, when it was "
                        "made (for a province, when its register was created), and cannot be "
                        "shown again."
                    ),
                )
            else:
                self.refuse(title, refusal_text(exc))
            return False
        RecoveryKeyDialog(secret, self.session.office.code, self).exec()
        self.say(
            self.tr(
                "The recovery key is made. Save this office's key file again and give it to each "
                "district; each enrols it again (its fingerprint has changed)."
            )
        )
        return True

    # --- conflicts ----------------------------------------------------------------------

    def resolve(self, keep: str) -> bool:
        """Keep our value (``local``) or theirs (``remote``) of the chosen conflict."""
        conflict = self.selected_conflict()
        if conflict is None:
            return False
        title = self.tr("Conflict")
        try:
            sync.resolve_conflict(self.session, conflict.id, keep)
        except TipdeskError as exc:
            self.refuse(title, refusal_text(exc))
            self.load_conflicts()
            return False
        what = " · ".join(
            part for part in (conflict.case_number, self.text.field(conflict)) if part
        )
        self.say(
            self.tr("{what}: kept ours.").format(what=what)
            if keep == "local"
            else self.tr("{what}: kept the value of {office}.").format(
                what=what, office=conflict.peer_code
            )
        )
        index = self.conflicts_table.currentIndex().row()
        self.load_conflicts()
        if self.conflicts_model.rowCount():
            self._select(
                self.conflicts_table,
                self.conflicts_model,
                self.conflicts_model.key_at(
                    min(max(index, 0), self.conflicts_model.rowCount() - 1)
                ),
            )
        return True

    def open_selected_case(self) -> None:
        conflict = self.selected_conflict()
        if conflict is not None and self.open_case_button.isEnabled():
            self.open_case_requested.emit(conflict.case_number)
