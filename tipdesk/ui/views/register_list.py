"""The case register: search as you type, filters, the paged table, and Enter to open.

A province's register holds the cases of its districts: it shows which office each case
came from and filters by office."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.vocab import CASE_STATUS, EXPLOITATION
from tipdesk.services.access import permissions
from tipdesk.services.casework import listing
from tipdesk.ui.dates import setup_date_edit
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import CaseListModel, format_count
from tipdesk.ui.widgets.lists import FlowLayout, RowActivation, SearchBox, list_table
from tipdesk.ui.widgets.look import StatusDelegate, case_status_colours

NOT_CLOSED = ("open", "active", "follow_up")
# Starting widths (px) of the register's columns; the name column takes what is left.
COLUMN_WIDTHS = {
    "case_number": 118,
    "office": 64,
    "register_number": 106,
    "sex": 64,
    "age": 40,
    "exploitation": 180,
    "status": 130,
    "worker": 110,
    "updated_at": 118,
    "follow_up_on": 100,
}


def combo_select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


class PopupComboBox(QComboBox):
    """A combo box that says when its list is about to open."""

    about_to_show = Signal()

    def showPopup(self) -> None:
        self.about_to_show.emit()
        super().showPopup()


class RegisterListView(QWidget):
    """Every case of the register, filtered and sorted in SQL."""

    open_case_requested = Signal(str)
    new_case_requested = Signal()

    def __init__(self, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.province = session.office.level == "province"
        self.model = CaseListModel(session, self, province=self.province)

        self.search = SearchBox(self.tr("Search by name, NIK, case or register number"), self)
        self.search.search_changed.connect(self.apply_filter)
        self.initials = QCheckBox(self.tr("Initials only"), self)
        self.initials.setToolTip(
            self.tr("Show initials instead of names, e.g. when others can see the screen")
        )
        self.initials.toggled.connect(self._show_initials)
        self.grouped = QCheckBox(self.tr("Group by person"), self)
        self.grouped.setToolTip(
            self.tr("Show each person's cases together, the first opened first")
        )
        self.grouped.toggled.connect(self._group_by_person)
        self.model.grouped_changed.connect(self._grouping_changed)
        self.count = QLabel(self)
        self.new_case = QPushButton(self.tr("New case"), self)
        self.new_case.clicked.connect(self.new_case_requested)

        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), ())
        self.status.addItem(self.tr("Not closed"), NOT_CLOSED)
        for term in CASE_STATUS:
            self.status.addItem(CASE_STATUS.label(term.code, current_language()), (term.code,))
        self.worker = QComboBox(self)
        self.office = PopupComboBox(self)
        self.office.setToolTip(self.tr("The office each case came from"))
        self.office.setVisible(self.province)
        # Offices are looked up again when the list opens (an import may have brought a
        # new one), not each time the screen is shown.
        self.office.about_to_show.connect(self.load_offices)
        self.exploitation = QComboBox(self)
        self.exploitation.addItem(self.tr("All exploitation types"), "")
        for term in EXPLOITATION:
            self.exploitation.addItem(EXPLOITATION.label(term.code, current_language()), term.code)
        self.dated = QCheckBox(self.tr("Opened between"), self)
        today = self.session.today()
        self.opened_from = self._date_edit(dt.date(today.year, 1, 1))
        self.opened_to = self._date_edit(today)
        self.and_label = QLabel(self.tr("and"), self)
        self.clear = QPushButton(self.tr("Clear filters"), self)
        self.clear.clicked.connect(self.clear_filters)
        for combo in self.combos():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.apply_filter)
        # Office names can be long ("UPTD PPA Kabupaten Timor Tengah Selatan"): the box
        # keeps a fixed size and its list opens as wide as the names.
        self.office.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.office.setMinimumContentsLength(22)
        self.dated.toggled.connect(self._dates_toggled)
        self._dates_toggled(False)

        self.table = list_table(self.model, self)
        self._setup_columns()
        # An analyst's list is de-identified: no names, no register numbers, no search.
        self.deidentified = not permissions.allowed(session, "view_own_cases")
        self.deidentified_note = QLabel(
            self.tr(
                "De-identified list: your role sees no names or register numbers, and cannot "
                "search or open case files."
            ),
            self,
        )
        self.deidentified_note.setObjectName("deidentified_note")
        self.deidentified_note.setWordWrap(True)
        self.deidentified_note.setVisible(self.deidentified)
        self.search.setVisible(permissions.allowed(session, "search_cases"))
        self.new_case.setVisible(permissions.allowed(session, "create_cases"))
        if self.deidentified:
            self.initials.hide()
            self.grouped.hide()
            for key in ("name", "register_number"):
                self.table.setColumnHidden(self.model.column_of(key), True)
            self.table.horizontalHeader().setStretchLastSection(True)
        self.activation = RowActivation(self.table, self._open_row)
        self.find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find.activated.connect(self.focus_search)
        self.model.modelReset.connect(self._update_count)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.deidentified_note, 1)
        top.addWidget(self.initials)
        top.addWidget(self.grouped)
        top.addSpacing(12)
        top.addWidget(self.count)
        top.addSpacing(12)
        top.addWidget(self.new_case)
        # The dates stay together when the filters wrap onto a second line (1024 px).
        dates = QWidget(self)
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.dated, self.opened_from, self.and_label, self.opened_to):
            dates_row.addWidget(widget)
        self.filters = FlowLayout()
        for widget in (self.office, self.status, self.worker, self.exploitation, dates):
            self.filters.addWidget(widget)
        self.filters.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        self.load_workers()
        self.load_offices()
        self._update_count()

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.office, self.status, self.worker, self.exploitation)

    def _date_edit(self, day: dt.date) -> QDateEdit:
        edit = setup_date_edit(QDateEdit(QDate(day.year, day.month, day.day), self))
        edit.dateChanged.connect(self.apply_filter)
        return edit

    def _setup_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key, width in COLUMN_WIDTHS.items():
            column = self.model.column_of(key)
            if column < 0:
                continue  # the office column is a province's only
            # Never narrower than the (translated) header, which is not elided.
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(self.model.column_of("name"), QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(
            self.model.column_of("status"), StatusDelegate(case_status_colours(), self.table)
        )
        header.setSortIndicator(
            self.model.column_of(self.model.sort_key),
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
        )
        # After the indicator, so enabling sorting asks for the order already loaded.
        self.table.setSortingEnabled(True)

    # --- filters ----------------------------------------------------------------------

    def load_workers(self) -> None:
        """Fill the worker filter (and the model's display names) from the register."""
        chosen = self.worker.currentData()
        workers = listing.list_workers(self.session)
        self.model.set_worker_names({u.username: u.display_name or u.username for u in workers})
        self.worker.blockSignals(True)
        self.worker.clear()
        self.worker.addItem(self.tr("All workers"), "")
        for user in workers:
            self.worker.addItem(user.display_name or user.username, user.username)
        combo_select(self.worker, chosen or "")
        self.worker.blockSignals(False)

    def load_offices(self) -> None:
        """Fill the office filter of a province's register with the offices its cases
        came from. A district's register holds its own cases only and has no such filter."""
        if not self.province:
            return
        chosen = self.office.currentData()
        self.office.blockSignals(True)
        self.office.clear()
        self.office.addItem(self.tr("All offices"), "")
        for office in listing.list_case_offices(self.session):
            self.office.addItem(f"{office.code} · {office.name}", office.id)
        combo_select(self.office, chosen or "")
        self.office.view().setMinimumWidth(self.office.view().sizeHintForColumn(0) + 24)
        self.office.blockSignals(False)

    def current_filter(self) -> listing.CaseFilter:
        dated = self.dated.isChecked()
        return listing.CaseFilter(
            text=self.search.search_text(),
            statuses=tuple(self.status.currentData() or ()),
            worker=self.worker.currentData() or "",
            exploitation_type=self.exploitation.currentData() or "",
            opened_from=self.opened_from.date().toPython() if dated else None,
            opened_to=self.opened_to.date().toPython() if dated else None,
            office=(self.office.currentData() or "") if self.province else "",
        )

    def apply_filter(self, *_args: object) -> None:
        flt = self.current_filter()
        if flt != self.model.filter:
            self.model.set_filter(flt)

    def clear_filters(self) -> None:
        widgets = (self.search, *self.combos(), self.dated)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.search.timer.stop()
        for combo in self.combos():
            combo.setCurrentIndex(0)
        self.dated.setChecked(False)
        self._dates_toggled(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    def _dates_toggled(self, on: bool) -> None:
        for widget in (self.opened_from, self.and_label, self.opened_to):
            widget.setEnabled(on)
        self.apply_filter()

    def _show_initials(self, on: bool) -> None:
        self.model.show_initials = on

    def _group_by_person(self, on: bool) -> None:
        self.model.set_grouped(on)

    def _grouping_changed(self, on: bool) -> None:
        """The box follows the model (a click on a column ends the grouping); grouped,
        no column shows a sort indicator."""
        self.grouped.blockSignals(True)
        self.grouped.setChecked(on)
        self.grouped.blockSignals(False)
        self.table.horizontalHeader().setSortIndicatorShown(not on)

    # --- table ------------------------------------------------------------------------

    def _update_count(self) -> None:
        total = self.model.total()
        if self.model.count_is_partial():
            text = self.tr("More than {count} cases").format(count=format_count(total - 1))
        elif total == 0:
            text = self.tr("No cases")
        elif total == 1:
            text = self.tr("1 case")
        else:
            text = self.tr("{count} cases").format(count=format_count(total))
        self.count.setText(text)

    def _open_row(self, row: int) -> None:
        self.open_case_requested.emit(self.model.case_number_at(row))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_case_number(self) -> str:
        index = self.table.currentIndex()
        return self.model.case_number_at(index.row()) if index.isValid() else ""

    def refresh(self) -> None:
        """Load again (after a case was added or changed elsewhere), keeping the filter."""
        self.load_workers()
        flt = self.current_filter()  # a worker may have gone from the list
        if flt != self.model.filter:
            self.model.set_filter(flt)
        else:
            self.model.refresh()
