"""The Reports screen (issue 7): the service's numbers in tables and charts, the cases
behind a figure, the report saved, an analyst's view, charts drawn offscreen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QBarSeries, QStackedBarSeries
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from tests.conftest import add_account, new_register, sign_in
from tests.ui.conftest import settle
from tipdesk.domain import reports as d
from tipdesk.services import reports
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.ui import i18n
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.views import reports as view_module
from tipdesk.ui.views.reports import CasesBehindDialog, ReportsView

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    created = new_register(tmp_path_factory.mktemp("reports-ui") / "register")
    with sign_in(created.folder, "admin") as s:
        add_demo_cases(s, 400, seed=9)
        add_account(s, "analis", "analyst")
        add_account(s, "ani", "caseworker")
    return created.folder


@pytest.fixture
def session(folder):
    with sign_in(folder, "admin") as s:
        s.today = lambda: TODAY
        yield s


@pytest.fixture
def screen(qtbot, session):
    widget = ReportsView(session)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    return widget


def _this_year(screen):
    screen.period.setCurrentIndex(screen.period.findData("this_year"))  # builds the report
    settle()


def test_the_tables_show_the_services_numbers(screen, session):
    _this_year(screen)
    expected = reports.build_report(session, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert screen.report.tables == expected.tables
    titles = [screen.table_list.item(i).text() for i in range(screen.table_list.count())]
    assert titles[0] == "Summary" and "Victims by sex and age group" in titles
    screen.table_list.setCurrentRow(titles.index("Victims by sex and age group"))
    table = expected.tables["sex_age"]
    headers = [
        screen.table.horizontalHeaderItem(j).text() for j in range(screen.table.columnCount())
    ]
    assert headers == ["Female", "Male", "Total"]
    for i, row in enumerate(table.rows):
        assert [screen.table.item(i, j).text() for j in range(3)] == [f"{v:,}" for v in row.values]
    assert f"{expected.tables['summary'].value('new_cases'):,} new cases" in screen.summary.text()


def test_the_three_charts_are_drawn_offscreen_with_the_figures(screen):
    _this_year(screen)
    assert set(screen.chart_views) == {"cases_per_month", "sex_age", "services_by_type"}
    months = screen.chart_views["cases_per_month"].chart()
    stacked = months.series()[0]
    assert isinstance(stacked, QStackedBarSeries)
    exploitation = screen.report.tables["cases_per_month"]
    assert stacked.barSets()[0].label() == "Forced labour"
    first = stacked.barSets()[0]
    assert [first.at(i) for i in range(first.count())] == [
        float(r.values[0]) for r in exploitation.rows if r.key != d.TOTAL
    ]
    sexes = screen.chart_views["sex_age"].chart().series()[0]
    assert isinstance(sexes, QBarSeries) and len(sexes.barSets()) == 2
    for key, view in screen.chart_views.items():
        screen.charts.setCurrentWidget(view.parentWidget())
        image = view.grab().toImage()
        assert image.width() > 300 and not image.isNull(), key
        assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) > 3, (
            key
        )  # something drawn


def test_a_figure_lists_the_cases_it_counts(screen, monkeypatch):
    _this_year(screen)
    shown = {}

    def capture(dialog):
        shown["rows"] = dialog.rows
        shown["title"] = dialog.windowTitle()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CasesBehindDialog, "exec", capture)
    screen.table_list.setCurrentRow([t.key for t in screen.words.tables].index("exploitation"))
    row = [r.key for r in screen.report.tables["exploitation"].rows].index("forced_labour")
    screen.table.cellDoubleClicked.emit(row, 0)
    assert len(shown["rows"]) == screen.report.tables["exploitation"].value("forced_labour")
    assert shown["title"] == "Type of exploitation: Forced labour"
    # A bar in a chart does the same.
    sexes = screen.chart_views["sex_age"].chart().series()[0]
    female = sexes.barSets()[0]
    groups = [r.key for r in screen.report.tables["sex_age"].rows if r.key != d.TOTAL]
    female.clicked.emit(groups.index("25-44"))
    assert len(shown["rows"]) == screen.report.tables["sex_age"].value("25-44", "female")
    assert shown["title"].startswith("Victims by sex and age group: 25")
    assert shown["title"].endswith(" — Female")


def test_opening_a_listed_case_asks_the_main_window(qtbot, session, screen):
    _this_year(screen)
    rows = reports.cases_behind(
        session, dt.date(2026, 1, 1), dt.date(2026, 12, 31), "summary", "new_cases"
    )
    dialog = CasesBehindDialog(screen, session, "x", rows, screen.open_case_requested.emit)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(screen.open_case_requested) as signal:
        dialog.table.cellDoubleClicked.emit(0, 0)
    assert signal.args == [rows[0].case_number]


def test_save_as_writes_each_format(screen, tmp_path, monkeypatch):
    _this_year(screen)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    for name in ("r.pdf", "r.xlsx", "r.csv"):
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, n=name, **k: (str(tmp_path / n), "")
        )
        screen.save_as()
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert len(book.sheetnames) == len(screen.report.tables) + 1
    assert "summary,new_cases,count," in (tmp_path / "r.csv").read_text(encoding="utf-8")


def test_anonymised_export_from_the_screen(screen, tmp_path, monkeypatch):
    said = {}
    monkeypatch.setattr(view_module.AskK, "ask", classmethod(lambda cls, parent: 5))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "anon.csv"), "")
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: said.setdefault("text", text)
    )
    screen.anonymised_export()
    settle()
    lines = (tmp_path / "anon.csv").read_text(encoding="utf-8").splitlines()
    assert said["text"].startswith(f"{len(lines) - 1} cases written")
    assert "(k = 5)" in said["text"]


def test_an_analyst_sees_figures_without_names(qtbot, folder, monkeypatch):
    with sign_in(folder, "analis") as s:
        s.today = lambda: TODAY
        screen = ReportsView(s)
        qtbot.addWidget(screen)
        _this_year(screen)
        assert screen.report is not None
        shown = {}
        monkeypatch.setattr(
            CasesBehindDialog, "exec", lambda dialog: shown.setdefault("rows", dialog.rows)
        )
        screen.list_cases("summary", "new_cases", d.COUNT)
        assert shown["rows"] and all(r.full_name == r.initials == "" for r in shown["rows"])


def test_a_case_worker_is_told_the_screen_is_not_for_their_role(qtbot, folder):
    with sign_in(folder, "ani") as s:
        screen = ReportsView(s)
        qtbot.addWidget(screen)
        screen.refresh()
        settle()
        assert screen.report is None
        assert not screen.show_button.isEnabled()
        assert "cannot see statistics" in screen.message.text()


def test_the_page_opens_on_this_month_already_drawn(screen):
    # Shown, it counts this month at once, saying so instead of the hint about charts.
    assert screen.summary.text() == "Counting the cases of 01/11/2026 \u2013 30/11/2026…"
    assert screen.hint.isHidden()
    settle()
    assert (screen.report.period_from, screen.report.period_to) == (
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 30),
    )
    assert screen.period.currentData() == "this_month"
    assert screen.summary.text().startswith("01/11/2026 \u2013 30/11/2026: ")
    assert set(screen.chart_views) == {"cases_per_month", "sex_age", "services_by_type"}
    assert not screen.hint.isHidden() and screen.save_button.isEnabled()


def test_a_period_chosen_is_counted_and_the_bars_list_its_cases(screen, monkeypatch):
    settle()
    screen.period.setCurrentIndex(screen.period.findData("last_year"))
    assert screen.hint.isHidden()  # the charts on screen are about to change
    settle()
    assert screen.report.period_from == dt.date(2025, 1, 1)
    # Dates typed but not yet shown do not change what a bar of the report lists.
    screen.start.setDate(screen.start.date().addYears(1))
    shown = {}
    monkeypatch.setattr(
        CasesBehindDialog, "exec", lambda dialog: shown.setdefault("n", len(dialog.rows))
    )
    screen.list_cases("summary", "new_cases", d.COUNT)
    assert shown["n"] == screen.report.tables["summary"].value("new_cases")


def test_no_hint_without_a_chart_to_click(qtbot, tmp_path):
    created = new_register(tmp_path / "empty")
    with sign_in(created.folder, "admin") as s:
        screen = ReportsView(s)
        qtbot.addWidget(screen)
        screen.show()
        settle()
        assert screen.report is not None and screen.summary.text().endswith("0 child victims.")
        assert screen.hint.isHidden()


def _indonesian_main_window_at_1024(qtbot, qapp, session):
    i18n.install("id", qapp)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.showNormal()
    qtbot.waitExposed(window)
    window.resize(1024, 768)
    window.show_page("reports")
    settle()
    QApplication.processEvents()
    return window, window.pages["reports"]


def test_the_cases_behind_a_figure_show_whole_case_numbers(qtbot, qapp, session):
    i18n.install("id", qapp)
    rows = reports.cases_behind(
        session, dt.date(2026, 1, 1), dt.date(2026, 12, 31), "summary", "handled"
    )
    dialog = CasesBehindDialog(None, session, "Ringkasan: Ditangani", rows, lambda n: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1024 and dialog.height() <= 768
    table = dialog.table
    assert table.horizontalHeaderItem(0).text() == "Kasus"
    widest = max(table.fontMetrics().horizontalAdvance(r.case_number) for r in rows)
    assert table.columnWidth(0) >= widest
    # The whole table is in view across: nothing pushed off to the right.
    assert sum(table.columnWidth(c) for c in range(6)) <= table.viewport().width()


def test_chart_legends_show_every_name_whole_at_1024(qtbot, qapp, session):
    window, screen = _indonesian_main_window_at_1024(qtbot, qapp, session)
    screen.period.setCurrentIndex(screen.period.findData("this_year"))
    settle()
    legend = screen.chart_legends["cases_per_month"]
    names = [label.text() for label in legend.labels]
    assert "Perhambaan dalam rumah tangga" in names and len(names) >= 5
    for key in ("cases_per_month", "sex_age"):
        screen.charts.setCurrentWidget(screen.chart_views[key].parentWidget())
        QApplication.processEvents()
        legend = screen.chart_legends[key]
        assert legend.isVisible()
        inside = QRect(0, 0, window.width(), window.height())
        for label in legend.labels:
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), (
                label.text()
            )
            corner = label.mapTo(window, label.rect().bottomRight())
            assert label.isVisible() and inside.contains(corner), label.text()


def test_the_journey_tables_read_in_indonesian_at_1024(qtbot, qapp, session, monkeypatch):
    """Issue 22: the criminal case, restitution (count and rupiah), LPSK and return, and
    victims per incident, each a table of its own with what it counts written above it;
    a figure lists the cases it counts."""
    window, screen = _indonesian_main_window_at_1024(qtbot, qapp, session)
    screen.period.setCurrentIndex(screen.period.findData("this_year"))
    settle()
    screen.tabs.setCurrentIndex(1)
    titles = [screen.table_list.item(i).text() for i in range(screen.table_list.count())]
    for title in (
        "Proses pidana",
        "Restitusi",
        "Perlindungan LPSK dan pemulangan",
        "Korban per kejadian (penggerebekan, deportasi)",
    ):
        assert title in titles
    screen.table_list.setCurrentRow(titles.index("Restitusi"))
    QApplication.processEvents()
    table = screen.table
    headers = [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())]
    assert headers == ["Jumlah", "Jumlah (Rp)"]
    rows = [table.verticalHeaderItem(i).text() for i in range(table.rowCount())]
    assert rows == [
        "Restitusi diajukan",
        "Restitusi dinilai LPSK",
        "Restitusi diputus pengadilan",
        "Restitusi dibayar",
    ]
    requested = screen.report.tables["restitution"].value("restitution_requested", d.RUPIAH)
    assert requested >= 1_000_000  # the demo's claims, in whole rupiah
    assert table.item(0, 1).text() == f"{requested:,}".replace(",", ".")
    assert "Permohonan restitusi kasus yang ditangani" in screen.table_title.text()
    # every figure in view across the 1024-pixel window
    widths = table.verticalHeader().width() + sum(table.columnWidth(j) for j in range(2))
    assert widths <= table.viewport().width() + table.verticalHeader().width()
    corner = table.mapTo(window, table.rect().topLeft()).x() + widths
    assert corner <= window.width()
    # the cases behind the number of claims paid
    shown = {}
    monkeypatch.setattr(
        CasesBehindDialog, "exec", lambda dialog: shown.update(rows=dialog.rows) or 0
    )
    table.cellDoubleClicked.emit(3, 0)
    paid = screen.report.tables["restitution"].value("restitution_paid")
    assert paid > 0 and len(shown["rows"]) == len({r.case_number for r in shown["rows"]})
    assert len(shown["rows"]) <= paid
