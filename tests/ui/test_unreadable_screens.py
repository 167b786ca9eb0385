"""Screens over a register holding values the app cannot read (DESIGN.md section 5b): each
shows the other cases and marks the damaged one, in the user's language."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from tests.bad_rows import LABELS, PLANTS, planted_register
from tests.conftest import sign_in
from tests.ui.conftest import settle
from tipdesk.services import reports
from tipdesk.ui import i18n
from tipdesk.ui.models.case_list import CaseListModel
from tipdesk.ui.views.case_file import CaseFileWidget
from tipdesk.ui.views.home import HomeView
from tipdesk.ui.views.register_list import RegisterListView
from tipdesk.ui.views.reports import CasesBehindDialog, ReportsView


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    return planted_register(tmp_path_factory.mktemp("unreadable-ui"))


@pytest.fixture
def session(planted):
    with sign_in(planted.folder, "admin") as s:
        yield s


def _all_rows(model: CaseListModel) -> None:
    while model.canFetchMore():
        model.fetchMore()


def test_the_register_list_shows_every_case_and_marks_the_damaged_ones(
    qtbot, session, planted, qtmodeltester
):
    model = CaseListModel(session)
    qtmodeltester.check(model)
    _all_rows(model)
    rows = {model.case_number_at(i): i for i in range(model.rowCount())}
    assert set(rows) == set(planted.others) | set(planted.case_of.values())
    for name, plant in PLANTS.items():
        row = rows[planted.case_of[name]]
        icon = model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
        tip = model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
        if plant.listed:
            assert icon is not None and not icon.isNull(), name
            assert tip.endswith(f"Some fields cannot be read: {LABELS[plant.field]}"), name
        else:
            assert icon is None, name
    for number in planted.others:
        assert model.index(rows[number], 0).data(Qt.ItemDataRole.DecorationRole) is None
        assert "cannot be read" not in (
            model.index(rows[number], 2).data(Qt.ItemDataRole.ToolTipRole) or ""
        )
    for column in range(model.columnCount()):  # every column sorts, nothing fails
        model.sort(column, Qt.SortOrder.DescendingOrder)
        _all_rows(model)
        assert model.rowCount() == len(rows)
    view = RegisterListView(session)
    qtbot.addWidget(view)


def test_each_case_file_opens_and_names_what_it_cannot_read(qtbot, session, planted):
    for name, plant in PLANTS.items():
        widget = CaseFileWidget(session, planted.case_of[name])
        qtbot.addWidget(widget)
        assert widget.refusal is None and widget.isEnabled(), name
        assert not widget.unreadable.isHidden(), name
        assert widget.unreadable.text() == f"Some fields cannot be read: {LABELS[plant.field]}", (
            name
        )
        assert widget.title.text().startswith(planted.case_of[name])
        assert not widget.has_unsaved_changes(), name
    widget = CaseFileWidget(session, planted.case_of["day_zero"])
    qtbot.addWidget(widget)
    assert widget.person_form.editors["birth_date"].text() == ""
    assert widget.person_form.editors["full_name"].text()  # the rest is shown
    widget = CaseFileWidget(session, planted.others[0])
    qtbot.addWidget(widget)
    assert widget.unreadable.isHidden() and widget.unreadable.text() == ""


def test_the_mark_is_in_indonesian(qtbot, qapp, session, planted):
    i18n.install("id", qapp)
    widget = CaseFileWidget(session, planted.case_of["day_zero"])
    qtbot.addWidget(widget)
    assert widget.unreadable.text() == "Beberapa isian tidak dapat dibaca: Tanggal lahir"
    model = CaseListModel(session)
    _all_rows(model)
    row = next(
        i for i in range(model.rowCount()) if model.case_number_at(i) == planted.case_of["day_zero"]
    )
    assert (
        model.index(row, 0)
        .data(Qt.ItemDataRole.ToolTipRole)
        .endswith("Beberapa isian tidak dapat dibaca: Tanggal lahir")
    )


def test_home_lists_load(qtbot, session):
    session.today = lambda: dt.date(2026, 11, 28)
    view = HomeView(session)
    qtbot.addWidget(view)
    assert sum(len(box.case_numbers()) for box in view.sections.values()) > 0


def test_the_reports_screen_builds_and_lists_the_cases_behind_a_figure(
    qtbot, session, planted, monkeypatch
):
    screen = ReportsView(session)
    qtbot.addWidget(screen)
    screen.start.setDate(QDate(2000, 1, 1))
    screen.end.setDate(QDate(2026, 12, 31))
    screen.refresh()
    settle()
    assert screen.report is not None
    assert screen.report.tables["summary"].value("handled") == len(planted.others) + len(PLANTS)
    rows = reports.cases_behind(
        session, dt.date(2000, 1, 1), dt.date(2026, 12, 31), "summary", "handled"
    )
    dialog = CasesBehindDialog(screen, session, "x", rows, lambda number: None)
    qtbot.addWidget(dialog)
    numbers = [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())]
    assert set(planted.case_of.values()) <= set(numbers)
    marked = dialog.table.item(numbers.index(planted.case_of["number_for_code"]), 0)
    assert marked.toolTip().endswith("Some fields cannot be read: Sex")
    assert dialog.table.item(numbers.index(planted.case_of["number_for_code"]), 2).text() == "5"
