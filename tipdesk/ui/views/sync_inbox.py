"""The Sync screen's Inbox tab: the batches kept in ``inbox/`` and why each waits — for
an earlier batch from the same office that has not arrived, or held for an administrator
because it deletes many of that office's cases (DESIGN.md section 5b).

This tab only shows them; the Sync screen runs Accept and Discard (it owns the progress
dialog and the messages), when the tab's buttons ask for them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from tipdesk.services import sync
from tipdesk.ui.models.case_list import Column, RowsModel, format_count, format_timestamp
from tipdesk.ui.widgets.lists import list_table

_C = "InboxTab"


class InboxTab(QWidget):
    accept_requested = Signal()
    discard_requested = Signal()

    def __init__(
        self, can_decide: bool, office_is_district: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.can_decide = can_decide  # an administrator (review_held_batches)
        self.office_is_district = office_is_district
        self.province_peers: set[str] = set()
        self.items: list[sync.InboxItem] = []

        self.note = QLabel(self)
        self.note.setObjectName("inbox_note")
        self.note.setWordWrap(True)
        self.model = RowsModel(self._columns(), key=lambda item: item.batch_id, parent=self)
        self.table = list_table(self.model, self)
        self.table.setObjectName("inbox")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((70, 120, 130, 300)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.detail = QLabel(self)
        self.detail.setObjectName("inbox_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        only_admin = self.tr("Only an administrator can accept or discard a held batch.")
        self.accept_button = QPushButton(self.tr("Accept…"), self)
        self.accept_button.setToolTip(
            self.tr(
                "Apply the held batch as it is, after the office that sent it confirmed its "
                "deletions"
            )
            if can_decide
            else only_admin
        )
        self.accept_button.clicked.connect(lambda _=False: self.accept_requested.emit())
        self.discard_button = QPushButton(self.tr("Discard…"), self)
        self.discard_button.setToolTip(
            self.tr("Throw the held batch away; nothing of it is applied here")
            if can_decide
            else only_admin
        )
        self.discard_button.clicked.connect(lambda _=False: self.discard_requested.emit())
        self.admin_note = QLabel(
            only_admin + " " + self.tr("Ask your office's administrator."), self
        )
        self.admin_note.setWordWrap(True)
        self.admin_note.setObjectName("inbox_admin_note")

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.discard_button)
        buttons.addSpacing(12)
        if can_decide:
            buttons.addStretch(1)
        else:
            buttons.addWidget(self.admin_note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.table, self.accept_button)
        QWidget.setTabOrder(self.accept_button, self.discard_button)
        self.set_items([])

    def _columns(self) -> tuple[Column, ...]:
        return (
            Column(_C, QT_TRANSLATE_NOOP("InboxTab", "Office"), lambda i: i.peer_code),
            Column(_C, QT_TRANSLATE_NOOP("InboxTab", "Changes"), self.changes),
            Column(
                _C,
                QT_TRANSLATE_NOOP("InboxTab", "Received"),
                lambda i: format_timestamp(i.received_at),
            ),
            Column(_C, QT_TRANSLATE_NOOP("InboxTab", "Why it waits"), self.reason),
        )

    # --- what a batch says --------------------------------------------------------------

    def changes(self, item: sync.InboxItem) -> str:
        return self.tr("no. {first}–{last}").format(
            first=format_count(item.seq_from), last=format_count(item.seq_to)
        )

    def reason(self, item: sync.InboxItem) -> str:
        """Why the batch waits, in a few words (the table's last column)."""
        if not item.held:
            return self.tr("Waits for an earlier batch")
        if item.held == "mass_delete":
            return self.tr("Deletes {deleted} of {cases} cases: held for an administrator").format(
                deleted=format_count(int(item.detail.get("deleted_cases", 0))),
                cases=format_count(int(item.detail.get("cases", 0))),
            )
        return self.tr("Held for an administrator")

    def deletes_text(self, office: str, deleted: int, cases: int) -> str:
        """``The batch from KUP deletes 21 of the 24 cases of KUP in this register.``"""
        if self.office_is_district and office in self.province_peers:
            # Our province may change this office's own cases: they are not "of" it.
            return self.tr(
                "The batch from {office} deletes {deleted} of the {cases} cases in this register."
            ).format(office=office, deleted=format_count(deleted), cases=format_count(cases))
        return self.tr(
            "The batch from {office} deletes {deleted} of the {cases} cases of "
            "{office} in this register."
        ).format(office=office, deleted=format_count(deleted), cases=format_count(cases))

    def held_text(self, item: sync.InboxItem) -> str:
        """What a held batch means and what to do about it."""
        if item.held == "mass_delete" and "cases" in item.detail:
            first = self.deletes_text(
                item.peer_code,
                int(item.detail.get("deleted_cases", 0)),
                int(item.detail.get("cases", 0)),
            )
        else:
            first = self.tr("The batch from {office} is held for an administrator.").format(
                office=item.peer_code
            )
        then = (
            self.tr(
                "An administrator must accept or discard it, after asking {office} whether these "
                "cases were meant to be deleted."
            )
            if item.held == "mass_delete"
            else self.tr("An administrator must accept or discard it.")
        )
        return " ".join(
            (
                first,
                self.tr("It is held in the inbox and nothing of it has been applied."),
                then.format(office=item.peer_code),
            )
        )

    def explanation(self, item: sync.InboxItem) -> str:
        if item.held:
            return self.held_text(item)
        return self.tr(
            "This batch from {office} waits for an earlier one that has not arrived here; it "
            "is applied by itself when that batch arrives. Ask {office} to export "
            "again."
        ).format(office=item.peer_code)

    # --- loading ------------------------------------------------------------------------

    def set_items(
        self, items: list[sync.InboxItem], province_peers: set[str] | None = None, keep: str = ""
    ) -> None:
        """Show ``items``, keeping the batch ``keep`` (else the first) selected."""
        self.items = list(items)
        if province_peers is not None:
            self.province_peers = province_peers
        self.model.set_rows(self.items)
        self.select(keep)
        self.note.setText(
            self.tr(
                "Batches wait here until an earlier batch from the same office arrives, or until "
                "an administrator accepts or discards a batch that deletes many cases."
            )
            if self.items
            else self.tr(
                "The inbox is empty. A batch waits here when an earlier batch from the same "
                "office has not arrived yet, or when it deletes many cases and an administrator "
                "must decide."
            )
        )
        self.table.setVisible(bool(self.items))
        held = any(item.held for item in self.items)
        self.accept_button.setVisible(held)
        self.discard_button.setVisible(held)
        self.admin_note.setVisible(held and not self.can_decide)
        self._show_item()

    def held_count(self) -> int:
        return sum(1 for item in self.items if item.held)

    def select(self, batch_id: str) -> None:
        if not self.model.rowCount():
            return
        row = next((i for i in range(self.model.rowCount()) if self.model.key_at(i) == batch_id), 0)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected(self) -> sync.InboxItem | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def _show_item(self) -> None:
        item = self.selected()
        self.detail.setVisible(item is not None)
        decidable = item is not None and bool(item.held) and self.can_decide
        self.accept_button.setEnabled(decidable)
        self.discard_button.setEnabled(decidable)
        if item is not None:
            self.detail.setText(self.explanation(item))
