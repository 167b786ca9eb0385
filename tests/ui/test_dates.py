"""One date format everywhere (issue 21): dd/mm/yyyy in a form, a list cell, the History
columns and a report's header, with a calendar that speaks the app's language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QToolButton

from tests.conftest import TODAY, new_case
from tests.ui.conftest import settle
from tipdesk.domain import records as r
from tipdesk.services.access import audit
from tipdesk.ui import dates, i18n
from tipdesk.ui.models.case_list import CaseListModel, RowsModel
from tipdesk.ui.views.audit import AuditText, audit_columns
from tipdesk.ui.views.reports import ReportsView
from tipdesk.ui.widgets.forms import DateEditor

FOLLOW_UP = dt.date(2026, 12, 7)
SHOWN = "07/12/2026"
MOMENT = re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d$")


@pytest.fixture
def indonesian(qapp):
    i18n.install("id", qapp)


def test_the_helpers_write_day_month_year():
    assert dates.format_date(FOLLOW_UP) == SHOWN
    assert dates.format_date(None) == ""
    utc = dt.datetime(2026, 12, 7, 3, 4, tzinfo=dt.UTC)
    assert dates.format_datetime(utc) == utc.astimezone().strftime("%d/%m/%Y %H:%M")
    assert dates.format_timestamp("2026-12-07T03:04:05.123Z") == dates.format_datetime(utc)
    assert dates.format_iso("2026-12-07") == SHOWN
    assert dates.format_iso("KUP-2026-0001") == "KUP-2026-0001"


def test_a_date_reads_the_same_in_a_form_a_list_history_and_a_report(qtbot, indonesian, session):
    session.today = lambda: TODAY
    file = new_case(session, {"full_name": "Yosefina Nahak"}, follow_up_on=FOLLOW_UP)

    editor = DateEditor(r.fields_of(r.Case)["follow_up_on"])
    qtbot.addWidget(editor)
    editor.write(FOLLOW_UP)
    assert editor.edit.text() == SHOWN
    assert editor.edit.placeholderText() == "HH/BB/TTTT"
    assert editor.read() == (FOLLOW_UP, None)  # what is stored stays a date (ISO)
    editor.edit.setText("7-12-2026")
    editor.edit.editingFinished.emit()
    assert editor.edit.text() == SHOWN

    cases = CaseListModel(session)
    column = cases.column_of("follow_up_on")
    assert cases.index(0, column).data() == SHOWN

    entries = audit.entries(session, case_number=file.case.case_number)
    history = RowsModel(audit_columns(), key=lambda e: str(e.seq))
    history.set_rows(entries)
    when = history.index(0, 0).data()
    assert MOMENT.match(when) and when == AuditText.when(entries[0])

    screen = ReportsView(session)
    qtbot.addWidget(screen)
    screen.period.setCurrentIndex(screen.period.findData("this_year"))
    settle()
    assert screen.summary.text().startswith("01/01/2026 \u2013 31/12/2026")
    assert screen.start.text() == "01/01/2026" and screen.end.text() == "31/12/2026"


def test_the_calendar_speaks_indonesian_without_week_numbers(qtbot, indonesian):
    editor = DateEditor(r.fields_of(r.Case)["follow_up_on"])
    qtbot.addWidget(editor)
    calendar = editor.calendar
    assert calendar.locale().language() == QLocale.Language.Indonesian
    assert calendar.locale().monthName(12) == "Desember"
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    calendar.setCurrentPage(2026, 12)
    month_button = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert month_button.text() == "Desember"

    edit = dates.setup_date_edit(QDateEdit(QDate(2026, 12, 7)))
    qtbot.addWidget(edit)
    assert edit.text() == SHOWN
    assert edit.calendarWidget().locale().monthName(3) == "Maret"


def test_english_uses_the_same_day_month_year(qtbot, qapp):
    i18n.install("en", qapp)
    editor = DateEditor(r.fields_of(r.Case)["follow_up_on"])
    qtbot.addWidget(editor)
    editor.write(FOLLOW_UP)
    assert editor.edit.text() == SHOWN
    assert editor.edit.placeholderText() == "DD/MM/YYYY"
    assert editor.calendar.locale().monthName(12) == "December"


def test_the_calendar_opens_from_the_button_and_fills_the_date(qtbot, indonesian):
    editor = DateEditor(r.fields_of(r.Case)["follow_up_on"])
    qtbot.addWidget(editor)
    editor.show()
    menu = editor.button.menu()
    QTimer.singleShot(0, lambda: pick(menu))
    seen: list[str] = []

    def pick(shown) -> None:
        calendar = shown.findChild(QCalendarWidget)  # the calendar is in the open menu
        seen.append(calendar.locale().monthName(12))
        calendar.clicked.emit(QDate(2026, 12, 24))

    editor.button.showMenu()  # returns when the menu closes: a date was picked
    assert seen == ["Desember"]
    assert editor.edit.text() == "24/12/2026"
    assert editor.read() == (dt.date(2026, 12, 24), None)
