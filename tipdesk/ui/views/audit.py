"""The Audit screen: who did what, when, newest first, filtered by case number, user and
action (``tipdesk.services.access.audit.entries``, for administrators and supervisors).

The trail holds usernames, case numbers, record ids and codes, never a person's name, so
nothing here identifies a victim. The case file's History tab shows one case's entries
with the same columns (``AuditText``).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.audit import ACTIONS, AuditEntry, action_label
from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.messages import field_label
from tipdesk.domain.vocab import ROLE
from tipdesk.services.access import audit
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_iso
from tipdesk.ui.dialogs.errors import refusal_text
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import Column, RowsModel, format_count, format_timestamp
from tipdesk.ui.widgets.forms import message_label
from tipdesk.ui.widgets.lists import SearchBox, list_table

PAGE = 500
_C = "AuditText"
_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ENTITIES = {
    "users": QT_TRANSLATE_NOOP("AuditText", "User"),
    "cases": QT_TRANSLATE_NOOP("AuditText", "Case"),
    "persons": QT_TRANSLATE_NOOP("AuditText", "Person"),
    "offices": QT_TRANSLATE_NOOP("AuditText", "Office"),
    "referrals": QT_TRANSLATE_NOOP("AuditText", "Referral"),
    "letters": QT_TRANSLATE_NOOP("AuditText", "Letter"),
    "services": QT_TRANSLATE_NOOP("AuditText", "Service"),
    "case_notes": QT_TRANSLATE_NOOP("AuditText", "Note"),
    "providers": QT_TRANSLATE_NOOP("AuditText", "Provider"),
    "assessments": QT_TRANSLATE_NOOP("AuditText", "Assessment"),
    "plan_goals": QT_TRANSLATE_NOOP("AuditText", "Plan goal"),
    "legal_steps": QT_TRANSLATE_NOOP("AuditText", "Legal step"),
    "restitution": QT_TRANSLATE_NOOP("AuditText", "Restitution"),
    "lpsk_requests": QT_TRANSLATE_NOOP("AuditText", "LPSK request"),
    "returns": QT_TRANSLATE_NOOP("AuditText", "Return"),
    "reintegration_checkups": QT_TRANSLATE_NOOP("AuditText", "Reintegration check-up"),
    "incidents": QT_TRANSLATE_NOOP("AuditText", "Incident"),
    "documents": QT_TRANSLATE_NOOP("AuditText", "Document"),
    "simfoni_entries": QT_TRANSLATE_NOOP("AuditText", "SIMFONI-PPA entry"),
}
DETAILS = {
    "fields": QT_TRANSLATE_NOOP("AuditText", "fields"),
    "role": QT_TRANSLATE_NOOP("AuditText", "role"),
    "from": QT_TRANSLATE_NOOP("AuditText", "from"),
    "to": QT_TRANSLATE_NOOP("AuditText", "to"),
    "reason": QT_TRANSLATE_NOOP("AuditText", "reason"),
    "failures": QT_TRANSLATE_NOOP("AuditText", "failed attempts"),
    "kind": QT_TRANSLATE_NOOP("AuditText", "kind"),
    "size": QT_TRANSLATE_NOOP("AuditText", "size"),
    "cases": QT_TRANSLATE_NOOP("AuditText", "cases"),
    "records": QT_TRANSLATE_NOOP("AuditText", "records"),
    "documents": QT_TRANSLATE_NOOP("AuditText", "documents"),
    "rekey": QT_TRANSLATE_NOOP("AuditText", "re-key"),
    "format": QT_TRANSLATE_NOOP("AuditText", "format"),
    "number": QT_TRANSLATE_NOOP("AuditText", "number"),
    "override": QT_TRANSLATE_NOOP("AuditText", "sent without recorded consent"),
    "identity": QT_TRANSLATE_NOOP("AuditText", "includes the person's identity"),
    "sha256": QT_TRANSLATE_NOOP("AuditText", "check code"),
    "backup_created_at": QT_TRANSLATE_NOOP("AuditText", "backup made"),
    "backup_format": QT_TRANSLATE_NOOP("AuditText", "backup format"),
    "by_recovery_code": QT_TRANSLATE_NOOP("AuditText", "with the recovery code"),
    "next_change_number": QT_TRANSLATE_NOOP("AuditText", "next change number"),
    "letters": QT_TRANSLATE_NOOP("AuditText", "letters"),
    "conflicts": QT_TRANSLATE_NOOP("AuditText", "conflicts"),
    "seq_from": QT_TRANSLATE_NOOP("AuditText", "first change"),
    "seq_to": QT_TRANSLATE_NOOP("AuditText", "last change"),
    "applied": QT_TRANSLATE_NOOP("AuditText", "changes applied"),
    "merged": QT_TRANSLATE_NOOP("AuditText", "changes merged"),
    "deleted_cases": QT_TRANSLATE_NOOP("AuditText", "cases deleted"),
    "in": QT_TRANSLATE_NOOP("AuditText", "in"),
    "goals": QT_TRANSLATE_NOOP("AuditText", "goals"),
    "newly_approved": QT_TRANSLATE_NOOP("AuditText", "newly approved"),
    "incident": QT_TRANSLATE_NOOP("AuditText", "incident"),
}
# Codes stored as detail values, shown as words.
VALUES = {
    ("kind", "manual"): QT_TRANSLATE_NOOP("AuditText", "by hand"),
    ("kind", "daily"): QT_TRANSLATE_NOOP("AuditText", "daily"),
    ("in", "analysis_copy"): QT_TRANSLATE_NOOP("AuditText", "the analysis copy"),
}
REASONS = {
    "person_request": QT_TRANSLATE_NOOP("AuditText", "the person asked"),
    "legal_order": QT_TRANSLATE_NOOP("AuditText", "a legal order"),
    "entered_by_mistake": QT_TRANSLATE_NOOP("AuditText", "entered by mistake"),
    "mass_delete": QT_TRANSLATE_NOOP("AuditText", "many cases deleted at once"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class AuditText:
    """An audit entry's columns as a person reads them."""

    @staticmethod
    def when(entry: AuditEntry) -> str:
        return format_timestamp(entry.at) if entry.at else ""

    @staticmethod
    def action(entry: AuditEntry) -> str:
        return action_label(entry.action, current_language())

    @staticmethod
    def record(entry: AuditEntry) -> str:
        name = _t(ENTITIES[entry.entity]) if entry.entity in ENTITIES else entry.entity
        # Record ids of cases and persons are long random ids; the case number says more.
        shown = "" if _ID.match(entry.record_id or "") else entry.record_id
        return " ".join(part for part in (name, shown) if part)

    @staticmethod
    def value(key: str, value: Any) -> str:
        lang = current_language()
        if isinstance(value, bool):
            return (
                _t(QT_TRANSLATE_NOOP("AuditText", "yes"))
                if value
                else _t(QT_TRANSLATE_NOOP("AuditText", "no"))
            )
        if key == "fields" and isinstance(value, list):
            return ", ".join(field_label(str(f).split(".")[-1], lang) for f in value)
        if key in ("role", "from", "to") and value in ROLE.codes():
            return ROLE.label(value, lang)
        if key == "reason" and value in REASONS:
            return _t(REASONS[value])
        if isinstance(value, str) and (key, value) in VALUES:
            return _t(VALUES[(key, value)])
        if key == "size" and isinstance(value, int):
            return f"{value / 1_000_000:.1f} MB"
        if key == "sha256" and isinstance(value, str):
            return value[:12]
        if isinstance(value, int):
            return format_count(value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return format_iso(str(value))  # a date or time kept as ISO text reads dd/mm/yyyy

    @classmethod
    def details(cls, entry: AuditEntry) -> str:
        detail = entry.detail if isinstance(entry.detail, dict) else {}
        return "; ".join(
            f"{_t(DETAILS[key]) if key in DETAILS else key}: {cls.value(key, value)}"
            for key, value in detail.items()
            if value not in ("", None, [])
        )


def audit_columns(*, with_case: bool = True) -> tuple[Column, ...]:
    columns = [
        Column(_C, QT_TRANSLATE_NOOP("AuditText", "Time"), AuditText.when),
        Column(_C, QT_TRANSLATE_NOOP("AuditText", "User"), lambda e: e.username),
        Column(_C, QT_TRANSLATE_NOOP("AuditText", "Action"), AuditText.action),
        Column(_C, QT_TRANSLATE_NOOP("AuditText", "Record"), AuditText.record),
    ]
    if with_case:
        columns.append(
            Column(_C, QT_TRANSLATE_NOOP("AuditText", "Case no."), lambda e: e.case_number)
        )
    columns.append(Column(_C, QT_TRANSLATE_NOOP("AuditText", "Details"), AuditText.details))
    return tuple(columns)


class AuditView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.entries: list[AuditEntry] = []
        self.more = False

        heading = QLabel("<h2>" + self.tr("Audit trail") + "</h2>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        intro = QLabel(
            self.tr(
                "Who did what in this register, newest first: sign-ins, cases opened and "
                "changed, letters, batches, backups and user changes. Each entry is chained to "
                "the one before it, so a removed or altered entry shows in the register check."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.case_number = SearchBox(self.tr("Case number"), self)
        self.case_number.setObjectName("case_filter")
        self.username = SearchBox(self.tr("Username"), self)
        self.username.setObjectName("user_filter")
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), "")
        lang = current_language()
        for code in sorted(ACTIONS, key=lambda c: action_label(c, lang).lower()):
            self.action.addItem(action_label(code, lang), code)
        self.action.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.clear = QPushButton(self.tr("Clear filters"), self)
        self.clear.clicked.connect(self.clear_filters)
        for box in (self.case_number, self.username):
            box.setMaximumWidth(260)
            box.search_changed.connect(lambda _text: self.refresh())
        self.action.currentIndexChanged.connect(lambda _i: self.refresh())

        self.model = RowsModel(audit_columns(), key=lambda e: str(e.seq), page=PAGE, parent=self)
        self.table = list_table(self.model, self)
        self.table.setObjectName("audit")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 130, 260, 210, 130)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setStretchLastSection(True)
        self.message = message_label(self)
        self.count = QLabel(self)
        self.older = QPushButton(self.tr("Show older entries"), self)
        self.older.clicked.connect(self.load_older)

        filters = QHBoxLayout()
        filters.addWidget(self.case_number, 1)
        filters.addWidget(self.username, 1)
        filters.addWidget(self.action)
        filters.addStretch(1)
        filters.addWidget(self.clear)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.older)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.refresh()

    def _fetch(self, offset: int) -> list[AuditEntry] | None:
        try:
            found = audit.entries(
                self.session,
                case_number=self.case_number.search_text(),
                username=self.username.search_text(),
                actions=(self.action.currentData(),) if self.action.currentData() else (),
                limit=PAGE + 1,
                offset=offset,
            )
        except TipdeskError as exc:
            self.message.setText(refusal_text(exc))
            self.message.show()
            return None
        self.message.hide()
        return found

    def refresh(self) -> None:
        """Load the newest entries that pass the filters."""
        found = self._fetch(0)
        self._show([] if found is None else found[:PAGE], found is not None and len(found) > PAGE)

    def load_older(self) -> None:
        found = self._fetch(len(self.entries))
        if found is not None:
            self._show(self.entries + found[:PAGE], len(found) > PAGE)

    def _show(self, entries: list[AuditEntry], more: bool) -> None:
        self.entries, self.more = entries, more
        self.model.set_rows(entries)
        self.older.setVisible(more)
        n = len(entries)
        self.count.setText(
            self.tr("No entries match.")
            if not n
            else self.tr("{count} entries, newest first").format(count=format_count(n))
            + (self.tr(" (older ones follow)") if more else "")
        )

    def clear_filters(self) -> None:
        for widget in (self.case_number, self.username, self.action):
            widget.blockSignals(True)
        self.case_number.clear()
        self.username.clear()
        for box in (self.case_number, self.username):
            box.timer.stop()
        self.action.setCurrentIndex(0)
        for widget in (self.case_number, self.username, self.action):
            widget.blockSignals(False)
        self.refresh()
