"""The documents a referral letter lists in its Lampiran (issue 24): a checkable list of
the case's documents in the letter dialog, and whether to print them after the letter.

Each document shows by its kind, date and size, never by its file name (a name may carry
the victim's). The bytes are not read here: printing reads them through the documents
service (audited), only once the print dialog was accepted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.vocab import DOCUMENT_KIND
from tipdesk.ui.dates import format_date, ui_locale
from tipdesk.ui.models.case_list import vocab_label

VISIBLE_ROWS = 5  # the list's height; more scroll


class DocumentsBox(QGroupBox):
    """ "Attach documents": the case's documents to check, and "print them after"."""

    changed = Signal()  # the checked documents changed (by the user or by ``show``)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attach documents"), parent)
        self.setObjectName("documents_box")
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("documents_hint")
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("documents")
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.list.fontMetrics().lineSpacing() + 6
        self.list.setFixedHeight(rows * VISIBLE_ROWS + 2 * self.list.frameWidth())
        self.print_after = QCheckBox(self.tr("Print the attached documents after the letter"), self)
        self.print_after.setObjectName("print_documents")
        self.print_after.setChecked(True)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addWidget(self.print_after)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.show_documents([], ())

    def show_documents(self, documents: Sequence[r.Document], checked: Sequence[str]) -> None:
        """List ``documents`` (those of the case and its person), ``checked`` ticked."""
        ticked = set(checked)
        self.list.blockSignals(True)
        self.list.clear()
        for document in documents:
            item = QListWidgetItem(self.describe(document), self.list)
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if document.id in ticked else Qt.CheckState.Unchecked
            )
            item.setToolTip(self.describe(document))
        self.list.blockSignals(False)
        has = bool(documents)
        self.hint.setText(
            self.tr(
                "Ticked documents are listed in the letter by kind and date, and counted in "
                "its Lampiran."
            )
            if has
            else self.tr("This case has no documents to attach. Add them on the Documents tab.")
        )
        self.list.setVisible(has)
        self.print_after.setEnabled(has)
        self.changed.emit()

    def describe(self, document: r.Document) -> str:
        """Kind, date and size: ``Medical report · 25/11/2026 · 1.2 MB``."""
        day = format_date(document.document_on) or self.tr("undated")
        size = ui_locale().formattedDataSize(
            document.size or 0, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
        )
        kind = vocab_label(DOCUMENT_KIND, document.kind) or self.tr("Document")
        return f"{kind} · {day} · {size}"

    def chosen(self) -> list[str]:
        """The ids of the ticked documents, in the list's order (the case's: by date)."""
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in (self.list.item(i) for i in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, ids: Sequence[str]) -> None:
        wanted = set(ids)
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = (
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )
            if item.checkState() != state:
                item.setCheckState(state)
