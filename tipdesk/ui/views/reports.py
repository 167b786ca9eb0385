"""The Reports screen (issue 7): a period and an office, the figures as charts and
tables, the cases behind any figure, and the report saved as PDF, XLSX or CSV.

Every number comes from ``services.reports.build_report`` (SQL), and every label from the
same labelled report the files print, so the screen and the files agree. Building a
report runs off the UI thread; the page builds this month's the first time it is shown.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import reports as d
from tipdesk.domain.errors import TipdeskError
from tipdesk.services import reports
from tipdesk.services.access import permissions
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date, setup_date_edit
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import unreadable_text
from tipdesk.ui.operations import Operation, run_in_background
from tipdesk.ui.widgets.forms import message_label
from tipdesk.ui.widgets.lists import FlowLayout

# The charts the issue asks for: (table key, how its bars are drawn). Services go
# sideways so that their long names are read whole beside the bars.
CHARTS = (
    ("cases_per_month", "stacked"),
    ("sex_age", "grouped"),
    ("services_by_type", "sideways"),
)
MAX_CASES_LISTED = 1000
STATUS_COLUMN = 4  # of the cases behind a figure
AXIS_LINE = 34  # characters on a line of a category's name beside sideways bars


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _number(value: float | int | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.1f}"
    else:
        text = f"{int(value):,}"
    return text.replace(",", ".") if current_language() == "id" else text


def _axis_label(label: str, *, wrap: bool) -> str:
    """A category's name for a chart axis (which reads HTML): beside sideways bars, a long
    one on two lines, since Qt cuts an axis label wider than its share of the chart."""
    if not wrap or len(label) <= AXIS_LINE:
        return html.escape(label)
    return "<br>".join(html.escape(line) for line in textwrap.wrap(label, AXIS_LINE))


class ReportsView(QWidget):
    open_case_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: d.Report | None = None
        self.words = None  # the labelled report (services.report_files.LabelledReport)
        today = session.today()
        self.period = QComboBox()
        for key, text in (
            ("this_month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("this_year", self.tr("This year")),
            ("last_year", self.tr("Last year")),
            ("custom", self.tr("Other dates")),
        ):
            self.period.addItem(text, key)
        self.start = QDateEdit(_qdate(_month_start(today)))
        self.end = QDateEdit(_qdate(_month_end(today)))
        for edit in (self.start, self.end):
            setup_date_edit(edit)
            edit.dateChanged.connect(self._dates_edited)
        self.office = QComboBox()
        self.office.addItem(self.tr("All offices"), "")
        allowed = permissions.allowed(session, "view_statistics")
        if allowed and session.office.level == "province":
            for code, name in reports.office_choices(session):
                self.office.addItem(f"{code} — {name}", code)
        self.office.setVisible(self.office.count() > 1)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setToolTip(self.tr("Save this report as PDF, XLSX (spreadsheet) or CSV"))
        self.stats_button = QPushButton(self.tr("Anonymised export…"))
        self.stats_button.setToolTip(
            self.tr(
                "One row per case with no name, number, date or free text, each combination "
                "shared by at least k cases (for CTDC-style statistics)"
            )
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.end)
        bar.addWidget(self.office)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.stats_button)
        self.message = message_label()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.hint = QLabel(self.tr("Click a bar or a number to list the cases it counts."))
        self.hint.setStyleSheet("color: #555;")
        self.hint.hide()  # until there is a chart to click
        self.charts = QTabWidget()
        # Three tabs side by side at 1024 px, their titles cut short (each chart's own
        # title says it whole) rather than one scrolled out of sight.
        self.charts.setElideMode(Qt.TextElideMode.ElideRight)
        self.charts.setUsesScrollButtons(False)
        self.chart_views: dict[str, QChartView] = {}
        self.chart_legends: dict[str, ChartLegend] = {}
        self._opened = False  # the report is built the first time the page is shown
        # One piece of work at a time on the session's connection; a report asked for
        # meanwhile is built once it ends.
        self.operation: Operation | None = None
        self._waiting: list[Callable[[], object]] = []
        self._build_again = False
        self.table_list = QListWidget()
        self.table_list.setMaximumWidth(330)
        self.table_list.setWordWrap(True)
        self.table_title = QLabel()
        self.table_title.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellActivated.connect(self._cell_chosen)
        self.table.cellDoubleClicked.connect(self._cell_chosen)
        self.table_list.currentRowChanged.connect(self._show_table)
        tables = QSplitter()
        tables.addWidget(self.table_list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table_title)
        right_layout.addWidget(self.table, 1)
        tables.addWidget(right)
        tables.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.tabs.addTab(tables, self.tr("Tables"))
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{self.tr('Reports')}</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.show_button.clicked.connect(self.refresh)
        self.save_button.clicked.connect(self.save_as)
        self.stats_button.clicked.connect(self.anonymised_export)
        if not allowed:
            for widget in (
                self.period,
                self.start,
                self.end,
                self.office,
                self.show_button,
                self.save_button,
                self.stats_button,
                self.tabs,
                self.hint,
            ):
                widget.setEnabled(False)
            self._say(
                self.tr(
                    "Your role cannot see statistics; ask a supervisor, an "
                    "administrator or a data analyst."
                )
            )
        self.save_button.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the page is shown, this month's report is built without a click
        (in the background: the page paints its "counting" line meanwhile)."""
        super().showEvent(event)
        if not self._opened:
            self._opened = True
            self.refresh()

    # -- the period -----------------------------------------------------------------------

    def _period_chosen(self) -> None:
        today = self.session.today()
        key = self.period.currentData()
        if key == "this_month":
            start, end = _month_start(today), _month_end(today)
        elif key == "last_month":
            end = _month_start(today) - dt.timedelta(days=1)
            start = _month_start(end)
        elif key == "this_year":
            start, end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
        elif key == "last_year":
            start, end = dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
        else:
            return
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self.refresh()

    def _dates_edited(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.period.blockSignals(False)

    def dates(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.start.date()), _pydate(self.end.date())

    # -- building -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Build the report for the chosen period and office (in the background)."""
        if not permissions.allowed(self.session, "view_statistics"):
            return
        if self.operation is not None:
            self._build_again = True
            return
        start, end = self.dates()
        if end < start:
            self._say(self.tr("The period ends before it starts: check the dates."))
            return
        office = self.office.currentData() or ""
        lang = current_language()

        def work(progress, cancelled):
            from tipdesk.services.reports.files import labelled_report

            built = reports.build_report(self.session, start, end, office_code=office)
            return built, labelled_report(self.session, built, lang)

        def built(result) -> None:
            self.report, self.words = result
            self._say("")
            self._fill()

        self._counting()
        self._run(
            self.tr("Reports"),
            self.tr("Counting the cases of the period…"),
            work,
            built,
            failed=self._show_summary,
        )

    def _counting(self) -> None:
        """While a report is built: say so where its figures will be, and no hint about
        clicking charts that are not there yet (or are about to change)."""
        start, end = self.dates()
        self.summary.setText(
            self.tr("Counting the cases of {period}…").format(
                period=f"{format_date(start)} \u2013 {format_date(end)}"
            )
        )
        self.hint.hide()
        self.save_button.setEnabled(False)

    def _run(self, title: str, label: str, work, done, failed=None) -> None:
        """``work`` in the background, every window blocked (it reads the register in one
        transaction on the session's connection, which a save must not join), then
        ``done(result)``; if it failed, the user is told why (and ``failed()`` runs).
        Work asked for while other work runs waits for it (they would share the
        connection)."""
        if self.operation is not None:
            self._waiting.append(lambda: self._run(title, label, work, done, failed))
            return

        def failure(error: BaseException) -> None:
            if failed is not None:
                failed()
            if isinstance(error, TipdeskError):
                self._say(refusal_text(error))
            else:
                report(self, error)

        self.operation = run_in_background(
            self,
            title,
            label,
            work,
            success=done,
            failure=failure,
            cancellable=False,
            whole_app=True,
        )
        self.operation.ended.connect(self._ended)

    def _ended(self) -> None:
        self.operation = None
        if self._waiting:
            self._waiting.pop(0)()
        elif self._build_again:
            self._build_again = False
            self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_summary(self) -> None:
        """The summary line of the report on screen (none yet: nothing), the hint when
        it has a bar or a number to click, and Save when there is a report to save."""
        if self.report is None:
            self.summary.setText("")
            self.hint.hide()
            self.save_button.setEnabled(False)
            return
        summary = self.report.tables["summary"]
        self.summary.setText(
            self.tr(
                "{period}: {new} new cases, {handled} handled, {closed} closed, {open} open at "
                "the end; {children} child victims."
            ).format(
                period=f"{format_date(self.report.period_from)} \u2013 "
                f"{format_date(self.report.period_to)}",
                new=_number(summary.value("new_cases")),
                handled=_number(summary.value("handled")),
                closed=_number(summary.value("closed")),
                open=_number(summary.value("open_at_end")),
                children=_number(summary.value("children")),
            )
        )
        self.hint.setVisible(any(self._clickable(key) for key in self.chart_views))
        self.save_button.setEnabled(True)

    def _clickable(self, key: str) -> bool:
        """Whether the chart of ``key`` has a bar to click."""
        chart = self.chart_views[key].chart()
        return any(
            bar_set.at(i) > 0
            for series in chart.series()
            for bar_set in series.barSets()
            for i in range(bar_set.count())
        )

    def _fill(self) -> None:
        assert self.report is not None and self.words is not None
        current = self.table_list.currentRow()
        self.table_list.blockSignals(True)
        self.table_list.clear()
        for table in self.words.tables:
            self.table_list.addItem(table.title)
            self.table_list.item(self.table_list.count() - 1).setToolTip(table.title)
        self.table_list.blockSignals(False)
        self.table_list.setCurrentRow(max(0, current))
        self._show_table(max(0, current))
        self._draw_charts()
        self._show_summary()

    def _labelled(self, key: str):
        return next((t for t in self.words.tables if t.key == key), None)

    def _show_table(self, row: int) -> None:
        if self.words is None or not 0 <= row < len(self.words.tables):
            return
        table = self.words.tables[row]
        self.table_title.setText(
            f"<b>{html.escape(table.title)}</b>"
            + (f"<br>{html.escape(table.note)}" if table.note else "")
        )
        self.table.clear()
        self.table.setColumnCount(len(table.columns))
        self.table.setRowCount(len(table.rows))
        self.table.setHorizontalHeaderLabels(list(table.column_labels))
        self.table.setVerticalHeaderLabels([r.label for r in table.rows])
        for i, r in enumerate(table.rows):
            for j, value in enumerate(r.values):
                item = QTableWidgetItem(_number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, (table.key, r.key, table.columns[j]))
                self.table.setItem(i, j, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _draw_charts(self) -> None:
        current = self.charts.currentIndex()
        while self.charts.count():
            page = self.charts.widget(0)
            self.charts.removeTab(0)
            page.deleteLater()
        self.chart_views.clear()
        self.chart_legends.clear()
        for key, kind in CHARTS:
            table = self._labelled(key)
            if table is None:
                continue
            chart = self._chart(table, kind)
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # Qt's own legend cuts long names to "Eksploitasi s..." on a narrow screen;
            # this one wraps its entries onto more lines instead.
            legend = ChartLegend(
                [
                    (bar_set.label(), bar_set.color())
                    for series in chart.series()
                    for bar_set in series.barSets()
                ]
                if kind != "sideways"
                else []
            )
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 4)
            page_layout.addWidget(view, 1)
            page_layout.addWidget(legend)
            self.chart_views[key] = view
            self.chart_legends[key] = legend
            self.charts.setTabToolTip(self.charts.addTab(page, table.title), table.title)
        self.charts.setCurrentIndex(max(0, current))

    def _chart(self, table, kind: str) -> QChart:
        """Rows as categories, columns as bar sets (without the total row and column)."""
        rows = [r for r in table.rows if r.key != d.TOTAL]
        columns = [
            (j, c, label)
            for j, (c, label) in enumerate(zip(table.columns, table.column_labels, strict=True))
            if c != d.TOTAL
        ]
        if kind == "sideways":
            rows.reverse()  # Qt draws the first category at the bottom
        series = {
            "stacked": QStackedBarSeries,
            "grouped": QBarSeries,
            "sideways": QHorizontalBarSeries,
        }[kind]()
        top = 0.0
        for j, column, label in columns:
            bar_set = QBarSet(label)
            for r in rows:
                bar_set.append(float(r.values[j] or 0))
            bar_set.clicked.connect(
                lambda index, c=column, key=table.key, keys=[r.key for r in rows]: self.list_cases(
                    key, keys[index], c
                )
            )
            series.append(bar_set)
            top = max(top, *(float(r.values[j] or 0) for r in rows)) if rows else top
        if kind == "stacked" and rows:
            top = max(sum(float(r.values[j] or 0) for j, _, _ in columns) for r in rows)
        chart = QChart()
        chart.addSeries(series)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(table.title)  # whole, where the tab above may be cut short
        chart.legend().setVisible(False)  # the page's own legend is under the chart
        categories = QBarCategoryAxis()
        if table.key == "cases_per_month":  # "Nov 26": twelve months fit the width
            from tipdesk.services.reports.files.labels import month_label

            categories.append([month_label(r.key, current_language(), short=True) for r in rows])
        else:
            categories.append([_axis_label(r.label, wrap=kind == "sideways") for r in rows])
        values = QValueAxis()
        values.setRange(0, max(4.0, top * 1.05))
        values.applyNiceNumbers()  # ticks at round numbers
        values.setLabelFormat("%d")
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        sideways = kind == "sideways"
        chart.addAxis(categories, left if sideways else bottom)
        chart.addAxis(values, bottom if sideways else left)
        series.attachAxis(categories)
        series.attachAxis(values)
        return chart

    # -- the cases behind a figure --------------------------------------------------------

    def _cell_chosen(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is not None:
            key, row_key, column_key = item.data(Qt.ItemDataRole.UserRole)
            self.list_cases(key, row_key, column_key)

    def list_cases(self, table: str, row: str, column: str) -> None:
        if table == "referral_reply" or self.report is None:
            return  # a median, not a count of cases; or nothing counted yet
        # The cases of the report on screen, even if the dates were edited since.
        try:
            found = reports.cases_behind(
                self.session,
                self.report.period_from,
                self.report.period_to,
                table,
                row,
                column,
                office_code=self.report.scope,
                limit=MAX_CASES_LISTED,
            )
        except TipdeskError as exc:
            self._say(refusal_text(exc))
            return
        words = self._labelled(table)
        labels = {r.key: r.label for r in words.rows} if words else {}
        columns = dict(zip(words.columns, words.column_labels, strict=True)) if words else {}
        what = labels.get(row, row)
        if column not in (d.COUNT, d.TOTAL) and column in columns:
            what += f" — {columns[column]}"
        CasesBehindDialog(
            self,
            self.session,
            f"{words.title if words else table}: {what}",
            found,
            self.open_case_requested.emit,
        ).exec()

    # -- files ----------------------------------------------------------------------------

    def save_as(self) -> None:
        if self.report is None:
            return
        start, end = self.report.period_from, self.report.period_to
        suggested = f"laporan-{self.session.office.code}-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            suggested,
            self.tr("PDF (*.pdf);;Spreadsheet (*.xlsx);;CSV for scripts (*.csv)"),
        )
        if not path:
            return
        fmt = Path(path).suffix.lower().lstrip(".")
        if fmt not in ("pdf", "xlsx", "csv"):
            fmt = "xlsx" if "xlsx" in chosen else "csv" if "csv" in chosen else "pdf"
            path += f".{fmt}"
        from tipdesk.services.reports.files import write_report

        try:
            # The file dialog has asked before replacing a file.
            write_report(
                self.session, self.report, Path(path), fmt, lang=current_language(), overwrite=True
            )
        except TipdeskError as exc:
            self._say(refusal_text(exc))
            return
        QMessageBox.information(
            self,
            self.tr("Reports"),
            self.tr(
                "The report was saved to {path}.\nIt holds counts only, no names; the file is "
                "not encrypted."
            ).format(path=path),
        )

    def anonymised_export(self) -> None:
        k = AskK.ask(self)
        if k is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Anonymised export"),
            f"statistik-{self.session.office.code}.csv",
            self.tr("CSV (*.csv)"),
        )
        if not path:
            return
        from tipdesk.services.reports.stats_export import export_stats

        def work(progress, cancelled):
            return export_stats(self.session, Path(path), k=k, progress=progress)

        def written(done) -> None:
            QMessageBox.information(
                self,
                self.tr("Anonymised export"),
                self.tr(
                    "{exported} cases written to {path} (k = {k}).\n{generalised} values were made "
                    "coarser and {suppressed} cases left out so that every combination is shared "
                    "by at least {k} cases; {no_consent} cases without consent to anonymous "
                    "statistics were not included."
                ).format(
                    exported=done.exported,
                    path=path,
                    k=done.k,
                    generalised=done.generalised,
                    suppressed=done.suppressed,
                    no_consent=done.without_consent,
                ),
            )

        self._run(
            self.tr("Anonymised export"),
            self.tr("Writing the anonymised statistics…"),
            work,
            written,
        )


class ChartLegend(QWidget):
    """What each colour of a chart stands for: a swatch and the whole name per entry,
    wrapped onto as many lines as the width needs (never cut to "...")."""

    def __init__(self, entries: list[tuple[str, QColor]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[QLabel] = []
        flow = FlowLayout(self, spacing=4)
        flow.setContentsMargins(12, 0, 12, 0)
        for text, colour in entries:
            entry = QWidget(self)
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 10, 0)
            row.setSpacing(5)
            swatch = QLabel(entry)
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background-color: {colour.name()};")
            label = QLabel(text, entry)
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(swatch)
            row.addWidget(label)
            flow.addWidget(entry)
            self.labels.append(label)
        if len(entries) < 2:
            self.hide()  # one colour needs no key


class AskK(QDialog):
    """How many cases must share every combination of the export's quasi-identifiers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Anonymised export"))
        self.k = QSpinBox()
        self.k.setRange(2, 100)
        self.k.setValue(11)
        text = QLabel(
            self.tr(
                "Each combination of year, sex, age band, citizenship, province of origin and "
                "country of exploitation will be shared by at least k cases. CTDC publishes "
                "with k = 11."
            )
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addWidget(QLabel("k"))
        row.addWidget(self.k)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> int | None:
        dialog = cls(parent)
        return dialog.k.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class CasesBehindDialog(QDialog):
    """The cases one figure counts; Enter or a double-click opens one (if allowed)."""

    def __init__(
        self, parent: QWidget | None, session: Session, title: str, rows: list, open_case
    ) -> None:
        super().__init__(parent)
        from tipdesk.domain.vocab import CASE_STATUS, SEX

        lang = current_language()
        self.rows = rows
        self.open_case = open_case
        self.may_open = permissions.allowed(session, "view_own_cases")
        self.setWindowTitle(title)
        self.resize(760, 480)
        header = QLabel(
            self.tr("{n} cases").format(n=len(rows))
            + (
                self.tr(" (the first {n})").format(n=MAX_CASES_LISTED)
                if len(rows) >= MAX_CASES_LISTED
                else ""
            )
        )
        self.table = QTableWidget(len(rows), 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Initials"),
                self.tr("Sex"),
                self.tr("Age"),
                self.tr("Status"),
                self.tr("Office"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for i, row in enumerate(rows):
            values = (
                row.case_number,
                row.initials,
                SEX.label_or_code(row.sex, lang) if row.sex else "",
                "" if row.age is None else str(row.age),
                CASE_STATUS.label_or_code(row.status, lang),
                row.office_code,
            )
            mark = unreadable_text(row.unreadable)
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if mark:  # a case holding values that cannot be read says which
                    item.setToolTip("\n".join(x for x in (value, mark) if x))
                self.table.setItem(i, j, item)
        # Case numbers whole; the longest text (the status) takes what is left and is
        # cut at its end if it must be.
        columns = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.cellActivated.connect(self._open)
        self.table.cellDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{html.escape(title)}</b>"))
        layout.addWidget(header)
        if not self.may_open:
            note = QLabel(
                self.tr("Names are not shown to your role, and cases cannot be opened from here.")
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _open(self, row: int, _column: int) -> None:
        if self.may_open and 0 <= row < len(self.rows):
            self.open_case(self.rows[row].case_number)
            self.accept()
