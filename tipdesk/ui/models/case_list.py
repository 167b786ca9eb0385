"""Table models for the list screens: the case register, paged from SQL, and a small
read-only model for referral, provider and dashboard rows.

Both keep the rows loaded so far and ask the services for the next page only when the
view scrolls near the end (``canFetchMore``/``fetchMore``), never more than one page at
a time; sorting and filtering happen in SQL, so a reset reloads the first page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle

from tipdesk.domain.messages import field_label
from tipdesk.domain.records import unreadable_fields
from tipdesk.domain.vocab import CASE_STATUS, EXPLOITATION, SEX, Vocabulary
from tipdesk.services.casework import listing

# format_date and format_timestamp stay importable from here for the views.
from tipdesk.ui.dates import format_date, format_timestamp, ui_locale
from tipdesk.ui.i18n import current_language

Index = QModelIndex | QPersistentModelIndex


def locale() -> QLocale:
    """The locale of the app's language, for numbers (``1.234`` / ``1,234``)."""
    return ui_locale()


def format_count(n: int) -> str:
    return locale().toString(n)


def vocab_label(vocab: Vocabulary, code: str | None) -> str:
    """The label of a code in the app's language; an unknown code (from a newer version,
    via sync) shows as itself rather than failing the whole list."""
    if not code:
        return ""
    try:
        return vocab.label(code, current_language())
    except KeyError:
        return code


def unreadable_text(fields: Sequence[str]) -> str:
    """The mark of a record holding values the app cannot read (DESIGN.md section 5b),
    in the app's language: "Some fields cannot be read: Birth date"; "" for none."""
    if not fields:
        return ""
    lang = current_language()
    return QCoreApplication.translate("Unreadable", "Some fields cannot be read: {fields}").format(
        fields=", ".join(field_label(name, lang) for name in fields)
    )


@dataclass(frozen=True)
class Column:
    """One column of a read-only table: header (English source, translated in
    ``context``), the text of a row, and optionally its SQL sort key and alignment."""

    context: str
    title: str
    text: Callable[[Any], str]
    sort_key: str = ""
    align_right: bool = False

    def header(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


class RowsModel(QAbstractTableModel):
    """Read-only rows (dataclasses from the services), described by ``Column``s.

    Rows come either all at once (``set_rows``, for short lists) or page by page from a
    source (``set_source(count, fetch)``, for lists that can grow large).
    ``Qt.UserRole`` returns the row's key (``key(row)``, e.g. its case number).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        key: Callable[[Any], str],
        page: int = 100,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.key = key
        self.page = page
        self._rows: list[Any] = []
        self._total = 0
        self._announcing_reset = False
        self._count: Callable[[], int] = lambda: 0
        self._fetch: Callable[[int, int], list[Any]] = lambda offset, limit: []

    # --- loading ---------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        self.set_source(
            lambda: len(rows),
            lambda offset, limit: rows[offset : offset + limit],
            page=max(len(rows), 1),
        )

    def set_source(
        self,
        count: Callable[[], int],
        fetch: Callable[[int, int], list[Any]],
        *,
        page: int | None = None,
    ) -> None:
        self._count, self._fetch = count, fetch
        if page is not None:
            self.page = page
        self.reload()

    def reload(self) -> None:
        """Forget the loaded rows; count again and load the first page."""
        self.beginResetModel()
        self._total = self._count()
        self._rows = self._fetch(0, min(self.page, self._total)) if self._total else []
        self._total = max(self._total, len(self._rows))
        # A listener of modelReset must not make the model insert rows while the reset
        # is still being announced; it may fetch once the signal has been delivered.
        self._announcing_reset = True
        try:
            self.endResetModel()
        finally:
            self._announcing_reset = False

    def total(self) -> int:
        """How many rows the source holds (loaded or not)."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._announcing_reset and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        more = self._fetch(start, min(self.page, self._total - start))
        if not more:  # the source shrank since it was counted
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # --- reading ---------------------------------------------------------------------

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def key_at(self, row: int) -> str:
        return self.key(self._rows[row])

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            # A row holding values that cannot be read says which, on every cell.
            mark = unreadable_text(unreadable_fields(row))
            return "\n".join(x for x in (column.text(row), mark) if x)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            if unreadable_fields(row):
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


# --- the case register ----------------------------------------------------------------

_C = "CaseListModel"


def exploitation_text(row: listing.CaseRow) -> str:
    return ", ".join(vocab_label(EXPLOITATION, code) for code in row.exploitation_types)


def case_columns(model: CaseListModel, *, province: bool = False) -> tuple[Column, ...]:
    """The register's columns; each sorts by the service's key of the same name. A
    province's register also says which office each case came from."""
    office = (
        (
            Column(
                _C, QT_TRANSLATE_NOOP("CaseListModel", "Office"), lambda r: r.office_code, "office"
            ),
        )
        if province
        else ()
    )
    return (
        Column(
            _C,
            QT_TRANSLATE_NOOP("CaseListModel", "Case no."),
            lambda r: r.case_number,
            "case_number",
        ),
        *office,
        Column(
            _C,
            QT_TRANSLATE_NOOP("CaseListModel", "Register no."),
            lambda r: r.register_number,
            "register_number",
        ),
        Column(_C, QT_TRANSLATE_NOOP("CaseListModel", "Name"), model.name_of, "name"),
        Column(
            _C, QT_TRANSLATE_NOOP("CaseListModel", "Sex"), lambda r: vocab_label(SEX, r.sex), "sex"
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("CaseListModel", "Age"),
            lambda r: "" if r.age is None else str(r.age),
            "age",
            align_right=True,
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("CaseListModel", "Exploitation"),
            exploitation_text,
            "exploitation",
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("CaseListModel", "Status"),
            lambda r: vocab_label(CASE_STATUS, r.status),
            "status",
        ),
        Column(_C, QT_TRANSLATE_NOOP("CaseListModel", "Worker"), model.worker_of, "worker"),
        Column(
            _C,
            QT_TRANSLATE_NOOP("CaseListModel", "Last update"),
            lambda r: format_timestamp(r.updated_at),
            "updated_at",
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("CaseListModel", "Next follow-up"),
            lambda r: format_date(r.follow_up_on),
            "follow_up_on",
        ),
    )


class CaseListModel(RowsModel):
    """The case register, a page of ``PAGE`` rows at a time, sorted and filtered in SQL.

    Grouped by person, a person's cases follow each other (the first opened first) and
    each after the first says so in the name column instead of repeating the name."""

    PAGE = 100
    # Counting stops past this many cases: "more than 10,000" costs milliseconds where the
    # count of a province's million cases costs a tenth of a second and more.
    COUNT_AT_MOST = 10_000
    SAME_PERSON = "\u21b3 "  # ↳, before "same person"
    grouped_changed = Signal(bool)

    def __init__(
        self,
        session: Any,
        parent: QObject | None = None,
        *,
        flt: listing.CaseFilter | None = None,
        sort: str = "updated_at",
        descending: bool = True,
        province: bool = False,
    ) -> None:
        super().__init__((), key=lambda r: r.case_number, page=self.PAGE, parent=parent)
        self.columns = case_columns(self, province=province)
        self.session = session
        self.filter = flt or listing.CaseFilter()
        self.sort_key = sort
        self.descending = descending
        self._show_initials = False
        self._ungrouped = (sort, descending)  # the order to go back to
        self._count_limit = self.COUNT_AT_MOST + 1
        self.worker_names: dict[str, str] = {}
        self.set_source(self._count_some, self._page)

    def _count_some(self, loaded: int = 0) -> int:
        self._count_limit = loaded + self.COUNT_AT_MOST + 1
        return listing.count_cases(self.session, self.filter, at_most=self._count_limit)

    def count_is_partial(self) -> bool:
        """Whether counting stopped: more than ``total() - 1`` cases match."""
        return self._total >= self._count_limit

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        super().fetchMore(parent)
        if self._total > self.COUNT_AT_MOST and len(self._rows) >= self._total:
            # scrolled to where counting stopped: count on from there
            self._total = max(self._total, self._count_some(len(self._rows)))

    def _page(self, offset: int, limit: int) -> list[listing.CaseRow]:
        return listing.list_cases(
            self.session,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=limit,
        )

    def name_of(self, row: listing.CaseRow) -> str:
        return row.initials if self._show_initials else row.full_name

    @property
    def grouped(self) -> bool:
        return self.sort_key == "person"

    def set_grouped(self, on: bool) -> None:
        """A person's cases together (persons by name), or the order before that."""
        if on == self.grouped:
            return
        if on:
            self._ungrouped = (self.sort_key, self.descending)
            self.sort_key, self.descending = "person", False
        else:
            self.sort_key, self.descending = self._ungrouped
        self.reload()
        self.grouped_changed.emit(on)

    def same_person_as_above(self, row: int) -> bool:
        """Grouped, whether the case of ``row`` is a later case of the person above."""
        return (
            self.grouped
            and 0 < row < len(self._rows)
            and bool(self._rows[row].person_id)
            and self._rows[row].person_id == self._rows[row - 1].person_id
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
            and index.isValid()
            and self.columns[index.column()].sort_key == "name"
            and self.same_person_as_above(index.row())
        ):
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.name_of(self._rows[index.row()])
            return self.SAME_PERSON + QCoreApplication.translate("CaseListModel", "same person")
        return super().data(index, role)

    def worker_of(self, row: listing.CaseRow) -> str:
        return self.worker_names.get(row.assigned_to) or row.assigned_to

    @property
    def show_initials(self) -> bool:
        return self._show_initials

    @show_initials.setter
    def show_initials(self, on: bool) -> None:
        """Names or initials only, e.g. when others can see the screen."""
        if on == self._show_initials:
            return
        self._show_initials = on
        if self._rows:
            column = self.column_of("name")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def set_worker_names(self, names: dict[str, str]) -> None:
        """Display names of workers by username (the rows carry usernames)."""
        self.worker_names = dict(names)
        if self._rows:
            column = self.column_of("worker")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def column_of(self, sort_key: str) -> int:
        """The column sorted by ``sort_key``; -1 if the model has no such column."""
        return next((i for i, c in enumerate(self.columns) if c.sort_key == sort_key), -1)

    def case_number_at(self, row: int) -> str:
        return self._rows[row].case_number

    def set_filter(self, flt: listing.CaseFilter) -> None:
        self.filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sort_key:
            return
        key = self.columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return  # already in this order: don't reload
        was_grouped = self.grouped
        self.sort_key, self.descending = key, descending
        self.reload()
        if was_grouped:  # a column's order replaces the grouping
            self.grouped_changed.emit(False)

    def refresh(self) -> None:
        """Load again with the same filter and order (after an edit elsewhere)."""
        self.reload()
