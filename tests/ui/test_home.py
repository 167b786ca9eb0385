"""The home screen: each section lists the right cases for today, and opens them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.conftest import TODAY, new_case, provider
from tipdesk.domain import records as r
from tipdesk.services.casework import cases
from tipdesk.storage import local
from tipdesk.ui.views.home import HomeView

DAY = dt.timedelta(days=1)


@pytest.fixture
def office(session):
    """Four cases and two referrals, each placed to fall in some sections and not others."""
    session.today = lambda: TODAY
    local.add_user(session.db, r.User(username="dewi.lestari", role="caseworker"))
    month_start = TODAY.replace(day=1)
    due = new_case(
        session,
        {"full_name": "Yosefina Nahak"},
        opened_on=month_start + 2 * DAY,
        follow_up_on=TODAY,
    )
    closed = new_case(
        session,
        {"full_name": "Agustina Lango"},
        opened_on=month_start,
        status="closed",
        closed_on=TODAY - DAY,
        closure_reason="goals_achieved",
        follow_up_on=TODAY - 5 * DAY,
    )
    late = new_case(
        session,
        {"full_name": "Marselina Bano"},
        opened_on=dt.date(2026, 10, 2),
        status="active",
        assigned_to="dewi.lestari",
        follow_up_on=TODAY - 10 * DAY,
    )
    later = new_case(
        session,
        {"full_name": "Theresia Kolo"},
        opened_on=dt.date(2026, 9, 1),
        status="follow_up",
        follow_up_on=TODAY + 30 * DAY,
    )
    rs = provider(session)
    cases.add_referral(
        session,
        r.Referral(
            case_id=late.case.id,
            provider_id=rs.id,
            services_requested=["health"],
            status="sent",
            letter_date=TODAY - 8 * DAY,
        ),
    )
    cases.add_referral(
        session,
        r.Referral(
            case_id=due.case.id, provider_id=rs.id, services_requested=["health"], status="draft"
        ),
    )
    return {
        "due": due.case.case_number,
        "closed": closed.case.case_number,
        "late": late.case.case_number,
        "later": later.case.case_number,
    }


def test_each_section_lists_the_right_cases_for_today(session, office, qtbot):
    view = HomeView(session)
    qtbot.addWidget(view)
    lists = {name: box.case_numbers() for name, box in view.sections.items()}
    assert sorted(lists["my_open"]) == sorted([office["due"], office["later"]])
    assert lists["follow_ups_this_week"] == [office["due"]]
    assert lists["overdue"] == [office["late"]]
    assert lists["awaiting_reply"] == [office["late"]]
    assert sorted(lists["opened_this_month"]) == sorted([office["due"], office["closed"]])


def test_titles_carry_the_counts_and_rows_their_details(session, office, qtbot):
    view = HomeView(session)
    qtbot.addWidget(view)
    titles = [box.title() for box in view.sections.values()]
    assert titles == [
        "My open cases (2)",
        "Follow-ups due this week (1)",
        "Overdue follow-ups (1)",
        "Referrals awaiting a reply (1)",
        "Referral follow-ups this week (0)",
        "Cases opened this month (2)",
    ]
    overdue = view.sections["overdue"].model
    assert [overdue.index(0, c).data() for c in range(3)] == [
        office["late"],
        "Marselina Bano",
        (TODAY - 10 * DAY).strftime("%d/%m/%Y"),
    ]
    awaiting = view.sections["awaiting_reply"].model
    assert awaiting.index(0, 2).data() == "RSUD Prof. Dr. W. Z. Johannes"
    assert view.heading.text() == "admin — 28/11/2026"


def test_an_empty_section_says_so(session, qtbot):
    view = HomeView(session)
    qtbot.addWidget(view)
    box = view.sections["overdue"]
    assert box.title() == "Overdue follow-ups (0)"
    assert box.stack.currentWidget() is box.empty
    assert box.empty.text() == "Nothing here."


def test_activating_an_item_opens_its_case(session, office, qtbot, qtmodeltester):
    view = HomeView(session)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    for box in view.sections.values():
        qtmodeltester.check(box.model)

    tree = view.sections["overdue"].view
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0))
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [office["late"]]

    tree = view.sections["awaiting_reply"].view
    rect = tree.visualRect(tree.model().index(0, 1))
    # A real double-click starts with a press and release, as here.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [office["late"]]


def test_refresh_picks_up_a_new_case(session, office, qtbot):
    view = HomeView(session)
    qtbot.addWidget(view)
    new = new_case(
        session, {"full_name": "Fransiska Tefa"}, opened_on=TODAY, follow_up_on=TODAY + DAY
    )
    view.reload.click()
    assert new.case.case_number in view.sections["opened_this_month"].case_numbers()
    assert new.case.case_number in view.sections["my_open"].case_numbers()


def test_in_indonesian_dates_read_day_month_year_as_everywhere(session, office, qtbot, qapp):
    from tipdesk.ui import i18n

    i18n.install("id", qapp)
    view = HomeView(session)
    qtbot.addWidget(view)
    assert view.heading.text() == "admin — 28/11/2026"
    overdue = view.sections["overdue"].model
    assert overdue.index(0, 2).data() == "18/11/2026"
