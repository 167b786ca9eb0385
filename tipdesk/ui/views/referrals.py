"""Referrals of every case: filter by status, search, and Enter opens the case."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from tipdesk.domain.vocab import REFERRAL_STATUS, URGENCY
from tipdesk.services.casework import listing
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import Column, RowsModel, format_count, format_date, vocab_label
from tipdesk.ui.widgets.lists import RowActivation, SearchBox, list_table
from tipdesk.ui.widgets.look import StatusDelegate, case_status_colours

PAGE = 200
OPEN_STATUSES = ("draft", "sent", "accepted")
_C = "ReferralsView"


def referral_columns() -> tuple[Column, ...]:
    return (
        Column(_C, QT_TRANSLATE_NOOP("ReferralsView", "Case no."), lambda f: f.case_number),
        Column(_C, QT_TRANSLATE_NOOP("ReferralsView", "Name"), lambda f: f.full_name),
        Column(_C, QT_TRANSLATE_NOOP("ReferralsView", "Provider"), lambda f: f.provider_name),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ReferralsView", "Status"),
            lambda f: vocab_label(REFERRAL_STATUS, f.status),
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ReferralsView", "Urgency"),
            lambda f: vocab_label(URGENCY, f.urgency),
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ReferralsView", "Letter no."),
            lambda f: f.letter_number,
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ReferralsView", "Letter date"),
            lambda f: format_date(f.letter_date),
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ReferralsView", "Follow-up"),
            lambda f: format_date(f.follow_up_on),
        ),
    )


class ReferralsView(QWidget):
    open_case_requested = Signal(str)
    case_tab = "referrals"  # a case opened from here shows its referrals first

    def __init__(self, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RowsModel(
            referral_columns(), key=lambda f: f.case_number, page=PAGE, parent=self
        )
        self.search = SearchBox(self.tr("Search by name, case number or provider"), self)
        self.search.search_changed.connect(lambda _text: self.refresh())
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), ())
        self.status.addItem(self.tr("Not finished"), OPEN_STATUSES)
        for term in REFERRAL_STATUS:
            self.status.addItem(REFERRAL_STATUS.label(term.code, current_language()), (term.code,))
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count = QLabel(self)

        self.table = list_table(self.model, self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((120, 220, 260, 120, 100, 190, 100, 100)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(3, StatusDelegate(case_status_colours(), self.table))
        self.activation = RowActivation(self.table, self._open_row)
        self.find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find.activated.connect(self.search.setFocus)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addSpacing(12)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def statuses(self) -> tuple[str, ...]:
        return tuple(self.status.currentData() or ())

    def refresh(self) -> None:
        statuses, text = self.statuses(), self.search.search_text()
        self.model.set_source(
            lambda: listing.count_referrals(self.session, statuses=statuses, text=text),
            lambda offset, limit: listing.list_referrals(
                self.session, statuses=statuses, text=text, offset=offset, limit=limit
            ),
            page=PAGE,
        )
        n = self.model.total()
        self.count.setText(
            self.tr("1 referral")
            if n == 1
            else self.tr("{count} referrals").format(count=format_count(n))
        )

    def _open_row(self, row: int) -> None:
        self.open_case_requested.emit(self.model.key_at(row))
