"""Home's deadlines: each appears on its due date, not the day before, and leaves when
the record that meets it is saved; a case worker sees only her own cases' deadlines."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.helpers import new_case, second_user
from tipdesk.domain import records as r
from tipdesk.services.casework import deadlines, journey

D = dt.date


def on(session, day: dt.date) -> None:
    session.today = lambda: day


def due(session, case_number: str, rule: str) -> list[dt.date]:
    """The due dates of one case's deadlines of one rule, listed today."""
    found = deadlines.deadlines(session)
    return [d.due_on for d in found.items if d.case_number == case_number and d.rule == rule]


@pytest.fixture
def case(session):
    """A case opened on Wednesday 16 December 2026 (before Christmas and its cuti bersama)."""
    on(session, D(2026, 12, 16))
    return new_case(session, opened_on=D(2026, 12, 16)).case


def add(session, day: dt.date, record) -> None:
    on(session, day)
    journey.add_record(session, record)


def test_assessment_is_due_seven_working_days_after_opening(session, case):
    # 17, 18, (weekend), 21, 22, 23, (24 cuti bersama, 25 Christmas, weekend), 28, 29.
    on(session, D(2026, 12, 28))
    assert due(session, case.case_number, "assessment") == []
    on(session, D(2026, 12, 29))
    assert due(session, case.case_number, "assessment") == [D(2026, 12, 29)]
    # A risk triage is not the assessment the rule asks for; a biopsychosocial one is.
    triage = r.Assessment(case_id=case.id, assessed_on=D(2026, 12, 29), risk_level="low")
    add(session, D(2026, 12, 29), triage)
    assert due(session, case.case_number, "assessment") == [D(2026, 12, 29)]
    add(
        session,
        D(2026, 12, 30),
        r.Assessment(case_id=case.id, kind="biopsychosocial", assessed_on=D(2026, 12, 30)),
    )
    assert due(session, case.case_number, "assessment") == []


def test_an_office_s_own_day_off_pushes_the_assessment_back(session, case):
    from tipdesk.storage import local

    local.set_setting(session.db, deadlines.LOCAL_DAYS_OFF, ["2026-12-29"])
    on(session, D(2026, 12, 29))
    assert due(session, case.case_number, "assessment") == []
    on(session, D(2026, 12, 30))
    assert due(session, case.case_number, "assessment") == [D(2026, 12, 30)]


def test_a_risk_response_is_overdue_the_day_after_with_nothing_recorded(session, case):
    triage = r.Assessment(
        case_id=case.id, assessed_on=D(2026, 12, 17), risk_level="high", respond_by=D(2026, 12, 17)
    )
    add(session, D(2026, 12, 17), triage)
    assert due(session, case.case_number, "risk_response") == []
    on(session, D(2026, 12, 18))
    assert due(session, case.case_number, "risk_response") == [D(2026, 12, 17)]
    # A note of the contact the next day answers it.
    on(session, D(2026, 12, 18))
    from tipdesk.services.casework import cases

    cases.add_note(
        session, r.CaseNote(case_id=case.id, noted_on=D(2026, 12, 18), text="Dikunjungi.")
    )
    assert due(session, case.case_number, "risk_response") == []


def test_a_later_assessment_or_a_started_service_answers_a_risk_triage(session, case):
    from tipdesk.services.casework import cases

    add(
        session,
        D(2026, 12, 17),
        r.Assessment(
            case_id=case.id,
            assessed_on=D(2026, 12, 17),
            risk_level="low",
            respond_by=D(2026, 12, 22),
        ),
    )
    on(session, D(2026, 12, 23))
    assert due(session, case.case_number, "risk_response") == [D(2026, 12, 22)]
    # Listed for 30 days; past that the case shows as still without an assessment.
    on(session, D(2027, 1, 21))
    assert due(session, case.case_number, "risk_response") == [D(2026, 12, 22)]
    on(session, D(2027, 1, 22))
    assert due(session, case.case_number, "risk_response") == []
    assert due(session, case.case_number, "assessment") == [D(2026, 12, 29)]
    on(session, D(2026, 12, 23))
    cases.add_service(
        session,
        r.Service(
            case_id=case.id,
            service_type="shelter",
            status="in_progress",
            started_on=D(2026, 12, 23),
        ),
    )
    assert due(session, case.case_number, "risk_response") == []


def test_a_plan_review_is_due_on_its_date_until_the_goal_is_settled(session, case):
    goal = r.PlanGoal(
        case_id=case.id, goal="Kembali sekolah", domain="education", review_on=D(2027, 1, 11)
    )
    add(session, D(2026, 12, 17), goal)
    on(session, D(2027, 1, 10))
    assert due(session, case.case_number, "plan_review") == []
    on(session, D(2027, 1, 11))
    assert due(session, case.case_number, "plan_review") == [D(2027, 1, 11)]
    journey.update_record(session, dataclasses.replace(goal, status="achieved"))
    assert due(session, case.case_number, "plan_review") == []


def test_no_restitution_request_while_with_police_until_asked_or_indicted(session, case):
    report = r.LegalStep(case_id=case.id, kind="police_report", step_on=D(2026, 12, 21))
    add(session, D(2026, 12, 21), report)
    on(session, D(2026, 12, 20))
    assert due(session, case.case_number, "restitution_request") == []
    on(session, D(2026, 12, 21))
    assert due(session, case.case_number, "restitution_request") == [D(2026, 12, 21)]
    # A later step keeps the first one's date, and the case listed once.
    add(
        session,
        D(2026, 12, 22),
        r.LegalStep(case_id=case.id, kind="investigation", step_on=D(2026, 12, 22)),
    )
    assert due(session, case.case_number, "restitution_request") == [D(2026, 12, 21)]
    claim = r.Restitution(
        case_id=case.id, requested_on=D(2026, 12, 23), requested_amount=50_000_000
    )
    add(session, D(2026, 12, 23), claim)
    assert due(session, case.case_number, "restitution_request") == []
    journey.remove_record(session, r.Restitution, claim.id)
    assert due(session, case.case_number, "restitution_request") == [D(2026, 12, 21)]
    add(
        session,
        D(2027, 2, 1),
        r.LegalStep(case_id=case.id, kind="indictment", step_on=D(2027, 2, 1)),
    )
    assert due(session, case.case_number, "restitution_request") == []


def test_awarded_restitution_unpaid_fourteen_days_after_the_award(session, case):
    award = r.Restitution(
        case_id=case.id,
        requested_on=D(2026, 12, 17),
        awarded_on=D(2027, 1, 4),
        awarded_amount=30_000_000,
    )
    add(session, D(2027, 1, 4), award)
    on(session, D(2027, 1, 17))
    assert due(session, case.case_number, "restitution_payment") == []
    on(session, D(2027, 1, 18))
    assert due(session, case.case_number, "restitution_payment") == [D(2027, 1, 18)]
    partly = dataclasses.replace(award, paid_on=D(2027, 1, 18), paid_amount=10_000_000)
    journey.update_record(session, partly)
    assert due(session, case.case_number, "restitution_payment") == [D(2027, 1, 18)]
    journey.update_record(session, dataclasses.replace(partly, paid_amount=30_000_000))
    assert due(session, case.case_number, "restitution_payment") == []


def test_a_check_up_after_the_return_and_then_on_its_planned_date(session, case):
    home = r.Return(case_id=case.id, escort="social_affairs", handover_on=D(2026, 12, 17))
    add(session, D(2026, 12, 17), home)
    on(session, D(2027, 1, 15))
    assert due(session, case.case_number, "checkup") == []
    on(session, D(2027, 1, 16))
    assert due(session, case.case_number, "checkup") == [D(2027, 1, 16)]
    add(
        session,
        D(2027, 1, 18),
        r.ReintegrationCheckup(
            case_id=case.id,
            return_id=home.id,
            checked_on=D(2027, 1, 18),
            status="on_track",
            next_on=D(2027, 3, 1),
        ),
    )
    assert due(session, case.case_number, "checkup") == []
    on(session, D(2027, 2, 28))
    assert due(session, case.case_number, "checkup") == []
    on(session, D(2027, 3, 1))
    assert due(session, case.case_number, "checkup") == [D(2027, 3, 1)]


def test_a_case_worker_sees_only_her_cases_and_closed_cases_have_none(session):
    on(session, D(2026, 12, 1))
    worker = second_user(session, "ani", "caseworker")
    on(worker, D(2026, 12, 1))
    hers = new_case(
        session, {"full_name": "Yosefina Nahak"}, opened_on=D(2026, 11, 2), assigned_to="ani"
    )
    other = new_case(session, {"full_name": "Marselina Bano"}, opened_on=D(2026, 11, 3))
    closed = new_case(
        session,
        {"full_name": "Agustina Lango"},
        opened_on=D(2026, 11, 2),
        status="closed",
        closed_on=D(2026, 11, 30),
        closure_reason="goals_achieved",
    )
    try:
        mine = deadlines.deadlines(worker)
        assert [(d.case_number, d.full_name, d.rule) for d in mine.items] == [
            (hers.case.case_number, "Yosefina Nahak", "assessment")
        ]
        assert mine.count == 1
    finally:
        worker.close()
    every = deadlines.deadlines(session)
    assert [d.case_number for d in every.items] == [hers.case.case_number, other.case.case_number]
    assert closed.case.case_number not in [d.case_number for d in every.items]


def test_the_list_is_the_earliest_and_the_count_stops_at_the_cap(session, monkeypatch):
    on(session, D(2026, 12, 1))
    made = [new_case(session, opened_on=D(2026, 11, day)).case.case_number for day in (5, 3, 4)]
    found = deadlines.deadlines(session, limit=2)
    assert [d.case_number for d in found.items] == [made[1], made[2]]
    assert found.count == 3
    monkeypatch.setattr(deadlines, "COUNT_CAP", 2)
    assert deadlines.deadlines(session, limit=1).count == 2
