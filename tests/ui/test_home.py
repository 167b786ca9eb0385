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
        "Overdue follow-ups (1)",
        "Deadlines (3)",
        "Follow-ups due this week (1)",
        "Referral follow-ups due (0)",
        "Referrals awaiting a reply (1)",
        "Cases opened this month (2)",
    ]
    cards = {name: card.count for name, card in view.cards.items()}
    assert cards == {
        "my_open": 2,
        "overdue": 1,
        "deadlines": 3,
        "follow_ups_this_week": 1,
        "referral_follow_ups": 0,
        "awaiting_reply": 1,
        "opened_this_month": 2,
    }
    overdue = view.sections["overdue"].model
    assert [overdue.index(0, c).data() for c in range(4)] == [
        office["late"],
        "Marselina Bano",
        "Active",
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

    view.choose("overdue")
    tree = view.sections["overdue"].view
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0))
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [office["late"]]

    view.choose("awaiting_reply")
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
    assert overdue.index(0, 3).data() == "18/11/2026"


# --- cards, counts beyond the list, late dates, first steps (issue 21) --------------------


def test_cards_count_everything_and_a_click_shows_that_card_s_list(
    session, office, qtbot, monkeypatch
):
    from tipdesk.ui.views import home

    more = new_case(
        session,
        {"full_name": "Fransiska Tefa"},
        opened_on=TODAY - 40 * DAY,
        follow_up_on=TODAY - 3 * DAY,
    )
    monkeypatch.setattr(home, "LIMIT", 1)  # lists hold one row; the counts all of them
    view = HomeView(session)
    qtbot.addWidget(view)
    assert view.cards["overdue"].count == 2
    assert len(view.sections["overdue"].case_numbers()) == 1
    assert view.sections["overdue"].title() == (
        "Overdue follow-ups (2) · the first 1; all of them in the Register"
    )
    # Late work comes first: the overdue card is chosen, its number in the warning colour.
    assert view.lists.currentWidget() is view.sections["overdue"]
    assert "color" in view.cards["overdue"].number.styleSheet()
    assert view.cards["my_open"].number.styleSheet() == ""
    qtbot.mouseClick(view.cards["opened_this_month"], Qt.MouseButton.LeftButton)
    assert view.lists.currentWidget() is view.sections["opened_this_month"]
    assert view.cards["opened_this_month"].isChecked()
    assert not view.cards["overdue"].isChecked()
    # The choice holds across a refresh (a case saved in its window refreshes Home).
    view.refresh()
    assert view.lists.currentWidget() is view.sections["opened_this_month"]
    assert more.case.case_number not in view.sections["opened_this_month"].case_numbers()


def test_late_follow_up_dates_stand_out_and_due_ones_do_not(session, office, qtbot):
    view = HomeView(session)
    qtbot.addWidget(view)
    assert view.sections["overdue"].late_rows == [0]
    assert view.sections["follow_ups_this_week"].late_rows == []
    box = view.sections["overdue"]
    column = box.section.columns.index(home_module().FOLLOW_UP)
    assert box.view.itemDelegateForColumn(column) is box.late_dates


def home_module():
    from tipdesk.ui.views import home

    return home


def test_names_are_readable_beside_long_statuses_at_1024(session, qtbot, qapp):
    from tipdesk.ui import i18n

    i18n.install("id", qapp)
    session.today = lambda: TODAY
    long_name = "Margaretha Nurhasanah Setiawati Mattalatta"
    new_case(session, {"full_name": long_name}, status="follow_up", follow_up_on=TODAY)
    view = HomeView(session)
    qtbot.addWidget(view)
    view.resize(1024 - 160, 700)  # the window at 1024 less the navigation
    view.show()
    qtbot.waitExposed(view)
    box = view.sections["my_open"]
    view.choose("my_open")
    header = box.view.header()
    metrics = box.view.fontMetrics()
    name = box.section.columns.index(home_module().NAME)
    assert header.sectionSize(name) >= metrics.horizontalAdvance(long_name)
    # Every card's caption fits its card in Indonesian.
    for card in view.cards.values():
        needed = card.caption.heightForWidth(card.caption.width())
        assert needed <= card.caption.height(), card.caption.text()


def test_a_new_register_shows_its_first_steps_until_they_are_done(session, qtbot, monkeypatch):
    view = HomeView(session)
    qtbot.addWidget(view)
    view.show()
    steps = view.first_steps
    assert steps.isVisible()
    assert steps.steps_left() == ["letters", "providers", "users", "keys", "first_case"]
    with qtbot.waitSignal(view.step_requested) as asked:
        steps.rows["providers"][2].click()
    assert asked.args == ["providers"]
    with qtbot.waitSignal(view.new_case_requested):
        steps.rows["first_case"][2].click()
    provider(session)
    new_case(session, {"full_name": "Yosefina Nahak"})
    view.refresh()
    assert steps.steps_left() == ["letters", "users", "keys"]
    assert "(1)" in steps.rows["providers"][1].text()
    # Hidden, it stays hidden (the next start too) until Help > First steps.
    steps.hide_button.click()
    assert not steps.isVisible()
    again = HomeView(session)
    qtbot.addWidget(again)
    again.show()
    assert not again.first_steps.isVisible()
    again.show_first_steps()
    assert again.first_steps.isVisible()


def test_a_case_worker_sees_which_steps_an_administrator_takes(session, qtbot):
    from tests.helpers import second_user

    worker = second_user(session, "ani", "caseworker")
    view = HomeView(worker)
    qtbot.addWidget(view)
    _mark, label, button = view.first_steps.rows["letters"]
    assert not button.isEnabled()
    assert label.text().endswith("an administrator does this")
    assert view.first_steps.rows["first_case"][2].isEnabled()


def test_past_the_cap_a_card_says_at_least_and_stops_counting(session, office, qtbot, monkeypatch):
    """At province scale Home counts to a cap ("1.000+") instead of counting everything."""
    from tipdesk.services.casework import listing
    from tipdesk.ui.views import home

    new_case(session, {"full_name": "Fransiska Tefa"}, follow_up_on=TODAY - 3 * DAY)
    monkeypatch.setattr(listing, "COUNT_CAP", 2)
    monkeypatch.setattr(home, "LIMIT", 1)
    view = HomeView(session)
    qtbot.addWidget(view)
    assert view.cards["overdue"].number.text() == "2+"
    assert view.sections["overdue"].title().startswith("Overdue follow-ups (2+)")
    assert view.cards["follow_ups_this_week"].number.text() == "1"


# --- deadlines that follow from the case records (issue 22) ---------------------------------


def test_the_deadlines_card_lists_each_case_s_rule_and_due_date(session, office, qtbot):
    """Cases open for weeks with no biopsychosocial assessment are due; the closed one is
    not; an award left unpaid joins them, late dates in the warning colour."""
    from tipdesk.services.casework import journey

    view = HomeView(session)
    qtbot.addWidget(view)
    box = view.sections["deadlines"]
    assert view.cards["deadlines"].count == 3
    assert "color" in view.cards["deadlines"].number.styleSheet()
    assert office["closed"] not in box.case_numbers()
    # Opened 1 September, 2 October and 3 November: seven working days later, oldest first.
    assert box.case_numbers() == [office["later"], office["late"], office["due"]]
    assert [box.model.index(2, c).data() for c in range(4)] == [
        office["due"],
        "Yosefina Nahak",
        "Biopsychosocial assessment due",
        "12/11/2026",
    ]
    assert box.late_rows == [0, 1, 2]
    column = box.section.columns.index(home_module().DUE)
    assert box.view.itemDelegateForColumn(column) is box.late_dates

    late = cases.open_case(session, office["late"])
    journey.add_record(
        session,
        r.Restitution(
            case_id=late.case.id,
            requested_on=TODAY - 40 * DAY,
            awarded_on=TODAY - 14 * DAY,
            awarded_amount=25_000_000,
        ),
    )
    for number in (office["later"], office["late"], office["due"]):
        journey.add_record(
            session,
            r.Assessment(
                case_id=cases.open_case(session, number).case.id,
                kind="biopsychosocial",
                assessed_on=TODAY,
            ),
        )
    view.refresh()
    assert box.title() == "Deadlines (1)"
    assert [box.model.index(0, c).data() for c in range(4)] == [
        office["late"],
        "Marselina Bano",
        "Restitution awarded, not paid",
        TODAY.strftime("%d/%m/%Y"),
    ]
    # Due today, not late yet.
    assert box.late_rows == []


def test_a_deadline_opens_its_case_from_the_keyboard_and_reads_in_indonesian(
    session, office, qtbot, qapp
):
    from tipdesk.ui import i18n

    i18n.install("id", qapp)
    view = HomeView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.cards["deadlines"].caption.text() == "Tenggat waktu"
    view.choose("deadlines")
    tree = view.sections["deadlines"].view
    assert tree.model().index(0, 2).data() == "Asesmen biopsikososial jatuh tempo"
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0))
    with qtbot.waitSignal(view.open_case_requested) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [office["later"]]
