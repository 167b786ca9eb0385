"""The case register screen and its paged model, and the referrals list."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.conftest import new_case
from tipdesk.services.casework import listing
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.ui import i18n
from tipdesk.ui.models.case_list import CaseListModel
from tipdesk.ui.views.referrals import ReferralsView
from tipdesk.ui.views.register_list import RegisterListView

ROOT = Path(__file__).resolve().parents[2]
DEMO = 250


@pytest.fixture
def demo(session):
    add_demo_cases(session, DEMO, seed=1)
    return session


@pytest.fixture
def calls(monkeypatch):
    """Every page the UI asks for, as (offset, limit)."""
    seen: list[tuple[int, int]] = []
    real = listing.list_cases

    def spy(session, flt, **kw):
        seen.append((kw.get("offset", 0), kw.get("limit", 100)))
        return real(session, flt, **kw)

    monkeypatch.setattr(listing, "list_cases", spy)
    return seen


def column_texts(model, key: str) -> list[str]:
    column = model.column_of(key)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_case_list_model_passes_the_model_tester(demo, qtmodeltester):
    model = CaseListModel(demo)
    qtmodeltester.check(model)
    # The tester keeps watching while the model pages, sorts and filters.
    model.fetchMore(QModelIndex())
    model.sort(model.column_of("name"), Qt.SortOrder.AscendingOrder)
    model.set_filter(listing.CaseFilter(statuses=("closed",)))
    model.show_initials = True
    assert model.rowCount() > 0


def test_the_model_loads_one_page_at_a_time(demo, calls):
    model = CaseListModel(demo)
    assert calls == [(0, CaseListModel.PAGE)]
    assert model.rowCount() == CaseListModel.PAGE
    assert model.total() == DEMO
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert calls[1:] == [(100, 100)]
    assert model.rowCount() == 200

    model.fetchMore(QModelIndex())
    assert calls[2:] == [(200, 50)]
    assert model.rowCount() == DEMO
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert len(calls) == 3
    assert len(set(model.case_number_at(r) for r in range(model.rowCount()))) == DEMO


def test_scrolling_the_table_pages_without_ever_asking_for_more_than_a_page(demo, calls, qtbot):
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    for _ in range(5):
        view.table.scrollToBottom()
        qtbot.wait(20)
    assert view.model.rowCount() == DEMO
    assert all(limit <= CaseListModel.PAGE for _offset, limit in calls)
    # One first page (showing the sorted table did not load it again), then one per scroll.
    assert [offset for offset, _limit in calls] == [0, 100, 200]


def test_rows_show_labels_and_the_case_number(demo):
    first = new_case(
        demo,
        {"full_name": "Yosefina Nahak Lamablawa", "sex": "female"},
        exploitation_types=["forced_labour"],
    )
    model = CaseListModel(demo)
    model.set_filter(listing.CaseFilter(text="Lamablawa"))
    assert model.rowCount() == 1
    values = {
        model.headerData(c, Qt.Orientation.Horizontal): model.index(0, c).data()
        for c in range(model.columnCount())
    }
    assert values["Case no."] == first.case.case_number
    assert values["Register no."] == first.person.register_number
    assert values["Name"] == "Yosefina Nahak Lamablawa"
    assert values["Sex"] == "Female"
    assert values["Age"] == "27"
    assert values["Exploitation"] == "Forced labour"
    assert values["Status"] == "Open"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == first.case.case_number
    assert model.case_number_at(0) == first.case.case_number

    model.show_initials = True
    assert model.index(0, model.column_of("name")).data() == "Y.N.L."


def test_labels_follow_the_language(demo):
    i18n.install("id")
    new_case(demo, {"full_name": "Yosefina Nahak Lamablawa"})
    model = CaseListModel(demo, flt=listing.CaseFilter(text="Lamablawa"))
    assert column_texts(model, "status") == ["Dibuka"]
    assert column_texts(model, "sex") == ["Perempuan"]


def test_typing_in_the_search_box_filters_after_a_pause(demo, qtbot):
    new_case(demo, {"full_name": "Yosefina Nahak Lamablawa"})
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    assert view.count.text() == f"{DEMO + 1} cases"

    qtbot.keyClicks(view.search, "Lamablawa")
    assert view.model.rowCount() == CaseListModel.PAGE  # not yet: still typing
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert column_texts(view.model, "name") == ["Yosefina Nahak Lamablawa"]
    assert view.count.text() == "1 case"

    view.search.clear()
    qtbot.waitUntil(lambda: view.model.total() == DEMO + 1, timeout=2000)


def test_the_status_filter_narrows_the_rows(demo, qtbot):
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    view.status.setCurrentIndex(view.status.findText("Closed"))
    assert 0 < view.model.total() < DEMO
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
    assert set(column_texts(view.model, "status")) == {"Closed"}
    assert view.count.text() == f"{view.model.total()} cases"

    view.status.setCurrentIndex(view.status.findText("Not closed"))
    assert set(column_texts(view.model, "status")) <= {"Open", "Active", "Follow-up"}

    view.clear_filters()
    assert view.model.total() == DEMO


def test_the_worker_filter_narrows_the_rows(demo, qtbot):
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    assert view.worker.findText("Dewi Lestari") > 0
    view.worker.setCurrentIndex(view.worker.findText("Dewi Lestari"))
    assert 0 < view.model.total() < DEMO
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
    assert set(column_texts(view.model, "worker")) == {"Dewi Lestari"}


def test_the_exploitation_filter_narrows_the_rows(demo, qtbot):
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    view.exploitation.setCurrentIndex(view.exploitation.findText("Forced marriage"))
    assert 0 < view.model.total() < DEMO
    assert all("Forced marriage" in text for text in column_texts(view.model, "exploitation"))


def test_the_opened_between_filter(demo, qtbot):
    old = new_case(demo, {"full_name": "Agustina Lango"}, opened_on=dt.date(2020, 1, 6))
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    view.opened_from.setDate(dt.date(2020, 1, 1))
    view.opened_to.setDate(dt.date(2020, 1, 31))
    assert view.model.total() == DEMO + 1  # dates are off until the box is ticked
    assert not view.opened_from.isEnabled()
    view.dated.setChecked(True)
    assert [view.model.case_number_at(r) for r in range(view.model.rowCount())] == [
        old.case.case_number
    ]
    view.dated.setChecked(False)
    assert view.model.total() == DEMO + 1


def test_sorting_by_a_column_orders_the_rows(demo, qtbot):
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    model = view.model
    view.table.sortByColumn(model.column_of("case_number"), Qt.SortOrder.AscendingOrder)
    numbers = column_texts(model, "case_number")
    assert numbers == sorted(numbers)
    assert model.rowCount() == CaseListModel.PAGE

    view.table.sortByColumn(model.column_of("age"), Qt.SortOrder.DescendingOrder)
    ages = [int(a) for a in column_texts(model, "age") if a]
    assert ages == sorted(ages, reverse=True)
    assert len(set(ages)) > 1


def test_enter_and_double_click_open_the_case(demo, qtbot):
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    view.table.setFocus()
    view.table.selectRow(2)
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.case_number_at(2)]

    rect = view.table.visualRect(view.model.index(4, 2))
    # A real double-click starts with a press and release, as here.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [view.model.case_number_at(4)]


def test_ctrl_f_focuses_the_search_and_new_case_asks(demo, qtbot):
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()

    with qtbot.waitSignal(view.new_case_requested):
        view.new_case.click()


def test_referrals_list_filters_and_opens_the_case(demo, qtbot, qtmodeltester):
    view = ReferralsView(demo)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    total = view.model.total()
    assert total > 0
    assert view.count.text() == f"{total} referrals"

    view.status.setCurrentIndex(view.status.findText("Sent"))
    assert 0 < view.model.total() < total
    statuses = {view.model.index(r, 3).data() for r in range(view.model.rowCount())}
    assert statuses == {"Sent"}

    view.show()
    qtbot.waitExposed(view)
    view.table.setFocus()
    view.table.selectRow(0)
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert opened.args == [view.model.index(0, 0).data()]


def test_referral_search_after_a_pause(demo, qtbot):
    view = ReferralsView(demo)
    qtbot.addWidget(view)
    number = view.model.index(0, 0).data()
    qtbot.keyClicks(view.search, number)
    qtbot.waitUntil(lambda: view.model.total() < 5, timeout=2000)
    assert number in {view.model.index(r, 0).data() for r in range(view.model.rowCount())}


# --- every visible string of the list screens has an Indonesian translation ---------------

SOURCES = (
    "tipdesk/ui/models/case_list.py",
    "tipdesk/ui/views/register_list.py",
    "tipdesk/ui/views/providers.py",
    "tipdesk/ui/views/referrals.py",
    "tipdesk/ui/views/home.py",
)


def marked_strings() -> set[tuple[str, str]]:
    found = set()
    for source in SOURCES:
        tree = ast.parse((ROOT / source).read_text("utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for call in [n for n in ast.walk(cls) if isinstance(n, ast.Call)]:
                if (
                    isinstance(call.func, ast.Attribute)
                    and call.func.attr == "tr"
                    and isinstance(call.args[0], ast.Constant)
                ):
                    found.add((cls.name, call.args[0].value))
        for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call)]:
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if name in ("QT_TRANSLATE_NOOP", "translate") and all(
                isinstance(a, ast.Constant) for a in call.args[:2]
            ):
                found.add((call.args[0].value, call.args[1].value))
    return found


def test_every_marked_string_has_an_indonesian_translation():
    table: dict[str, dict[str, str]] = {}
    for part in sorted((ROOT / "resources/i18n/id").glob("*.json")):
        for context, texts in json.loads(part.read_text("utf-8")).items():
            table.setdefault(context, {}).update(texts)
    strings = marked_strings()
    assert len(strings) > 50
    missing = [(c, s) for c, s in sorted(strings) if not table.get(c, {}).get(s)]
    assert missing == []


def test_group_by_person_shows_a_persons_cases_together(session, qtbot):
    from tipdesk.domain import records as r
    from tipdesk.services.casework import cases

    first = new_case(session, {"full_name": "Yosefina Nahak"}, opened_on=dt.date(2026, 3, 1))
    new_case(session, {"full_name": "Agustina Bria"}, opened_on=dt.date(2026, 5, 1))
    cases.add_case(
        session,
        first.person.id,
        r.Case(opened_on=dt.date(2026, 10, 1), intake_source="police"),
    )
    new_case(session, {"full_name": "Zakarias Seran"}, opened_on=dt.date(2026, 11, 1))
    view = RegisterListView(session)
    qtbot.addWidget(view)
    view.status.setCurrentIndex(view.status.findText("Not closed"))
    assert column_texts(view.model, "name")[0] == "Zakarias Seran"  # newest change first

    view.grouped.setChecked(True)
    assert column_texts(view.model, "name") == [
        "Agustina Bria",
        "Yosefina Nahak",
        "\u21b3 same person",
        "Zakarias Seran",
    ]
    later = view.model.index(2, view.model.column_of("name"))
    assert later.data(Qt.ItemDataRole.ToolTipRole) == "Yosefina Nahak"
    assert view.model.filter.statuses  # the filter is kept
    assert not view.table.horizontalHeader().isSortIndicatorShown()

    # a click on a column sorts by it, and the grouping ends
    view.table.sortByColumn(view.model.column_of("case_number"), Qt.SortOrder.AscendingOrder)
    assert not view.grouped.isChecked()
    assert "\u21b3 same person" not in column_texts(view.model, "name")
    view.grouped.setChecked(True)
    view.grouped.setChecked(False)
    assert column_texts(view.model, "case_number") == sorted(
        column_texts(view.model, "case_number")
    )


def test_search_in_the_list_forgives_spelling_and_puts_exact_hits_first(session, qtbot):
    for name in ("Lidia Seran", "Lidya Bria", "Lidia Kase", "Linda Nahak"):
        new_case(session, {"full_name": name})
    view = RegisterListView(session)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "lidya")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=2000)
    names = column_texts(view.model, "name")
    assert names[0] == "Lidya Bria"
    assert sorted(names[1:]) == ["Lidia Kase", "Lidia Seran"]
    assert view.count.text() == "3 cases"


def test_a_large_list_says_more_than_and_still_scrolls_to_its_end(demo, qtbot, monkeypatch):
    monkeypatch.setattr(CaseListModel, "COUNT_AT_MOST", 120)
    view = RegisterListView(demo)
    qtbot.addWidget(view)
    assert view.count.text() == "More than 120 cases"
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert view.model.rowCount() == DEMO
    assert len({view.model.case_number_at(i) for i in range(DEMO)}) == DEMO
    # A status with fewer cases than the cap is counted exactly.
    for index in range(view.status.count()):
        view.status.setCurrentIndex(index)
        if view.model.rowCount() < 120:
            break
    assert 0 < view.model.rowCount() < 120
    assert view.count.text() == f"{view.model.rowCount()} cases"
