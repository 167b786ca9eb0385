"""The case journey's records (issue 22): what a save accepts and refuses, said in both
languages, and rows from another office held to the same rules."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.helpers import TODAY, journey_records
from tipdesk.domain import records as r
from tipdesk.domain import row_check
from tipdesk.domain.messages import describe_problem
from tipdesk.domain.validation import validate
from tipdesk.storage.rows import to_row

GOOD = {type(record): record for record in journey_records("case-1")}
GOOD[r.Incident] = r.Incident(occurred_on=dt.date(2026, 9, 30), kind="rescue", region_code="53")


def problems(record, **changes) -> list[tuple[str, str]]:
    changed = dataclasses.replace(record, **changes)
    return [(p.field, p.code) for p in validate(changed, today=TODAY) if p.is_error]


@pytest.mark.parametrize("record_type", sorted(GOOD, key=lambda t: t.__name__))
def test_a_complete_record_of_each_kind_is_accepted(record_type):
    assert problems(GOOD[record_type]) == []


VERDICT = r.LegalStep(
    case_id="case-1",
    kind="verdict",
    step_on=dt.date(2026, 9, 1),
    authority="PN Kupang",
    outcome="convicted",
    sentence_months=84,
    perpetrators=1,
)

BAD = [
    # (record, changes, field, code)
    (GOOD[r.Assessment], {"kind": "risk_triage", "risk_level": None}, "risk_level",
     "triage_needs_risk_level"),
    (GOOD[r.Assessment], {"respond_by": dt.date(2026, 10, 1)}, "respond_by", "date_before"),
    (GOOD[r.Assessment], {"needs": ["safety", "made_up"]}, "needs", "unknown_code"),
    (GOOD[r.Assessment], {"assessed_on": dt.date(2030, 1, 1)}, "assessed_on", "date_in_future"),
    (GOOD[r.PlanGoal], {"goal": " "}, "goal", "required"),
    (GOOD[r.PlanGoal], {"status": "finished"}, "status", "unknown_code"),
    (VERDICT, {"authority": ""}, "authority", "court_required"),
    (VERDICT, {"outcome": None, "sentence_months": None}, "outcome", "verdict_outcome_required"),
    (VERDICT, {"outcome": "acquitted"}, "sentence_months", "sentence_without_conviction"),
    (VERDICT, {"sentence_months": 1201}, "sentence_months", "number_out_of_range"),
    (VERDICT, {"perpetrators": 1001}, "perpetrators", "number_out_of_range"),
    (VERDICT, {"perpetrators": -1}, "perpetrators", "number_out_of_range"),
    (VERDICT, {"kind": "police_report", "authority": "Polda NTT", "sentence_months": None},
     "outcome", "outcome_without_court"),
    (GOOD[r.LegalStep], {"restitution_requested": True}, "restitution_requested",
     "restitution_flag_misplaced"),
    (GOOD[r.LegalStep], {"perpetrators": None}, "perpetrators",
     "relationship_without_perpetrators"),
    (GOOD[r.Restitution], {"requested_amount": -5}, "requested_amount", "number_out_of_range"),
    (GOOD[r.Restitution], {"requested_amount": r.MAX_RUPIAH + 1}, "requested_amount",
     "number_out_of_range"),
    (GOOD[r.Restitution], {"awarded_amount": 10_000_000}, "awarded_on", "amount_needs_date"),
    (GOOD[r.Restitution], {"awarded_on": dt.date(2026, 11, 1), "paid_on": dt.date(2026, 10, 30)},
     "paid_on", "date_before"),
    (GOOD[r.Restitution], {"paid_on": dt.date(2026, 11, 2)}, "paid_on", "paid_without_award"),
    (GOOD[r.Restitution], {"lpsk_assessed_on": dt.date(2026, 10, 1)}, "lpsk_assessed_on",
     "date_before"),
    (GOOD[r.Restitution], {"requested_on": None, "requested_amount": None}, "requested_on",
     "required"),
    (GOOD[r.LpskRequest], {"protection_types": []}, "protection_types", "required"),
    (GOOD[r.LpskRequest], {"decision": "granted"}, "decided_on", "decision_date_required"),
    (GOOD[r.LpskRequest], {"decided_on": dt.date(2026, 11, 1)}, "decided_on",
     "decision_date_while_pending"),
    (GOOD[r.LpskRequest], {"decision": "refused", "decided_on": dt.date(2026, 10, 1)},
     "decided_on", "date_before"),
    (GOOD[r.Return], {"arrived_on": dt.date(2026, 10, 1)}, "arrived_on", "date_before"),
    (GOOD[r.Return], {"handover_on": dt.date(2026, 10, 2)}, "handover_on", "date_before"),
    (GOOD[r.Return], {"origin_region": "NTT"}, "origin_region", "invalid_region_code"),
    (GOOD[r.Return], {"escort": None}, "escort", "required"),
    (GOOD[r.ReintegrationCheckup], {"next_on": dt.date(2026, 11, 1)}, "next_on", "date_before"),
    (GOOD[r.Incident], {"kind": "party"}, "kind", "unknown_code"),
    (GOOD[r.Incident], {"note": "a\x00b"}, "note", "control_character"),
]  # fmt: skip


@pytest.mark.parametrize(
    "record, changes, field, code", BAD, ids=[f"{b[0].__class__.__name__}-{b[3]}" for b in BAD]
)
def test_each_bad_value_is_refused_by_field_and_said_in_both_languages(
    record, changes, field, code
):
    found = problems(record, **changes)
    assert (field, code) in found
    problem = next(
        p
        for p in validate(dataclasses.replace(record, **changes), today=TODAY)
        if (p.field, p.code) == (field, code)
    )
    said = {lang: describe_problem(problem, lang) for lang in ("id", "en")}
    assert said["id"] != said["en"]
    for text in said.values():
        # the field's label and a sentence (an unknown code lists the codes allowed)
        label, _, sentence = text.partition(": ")
        assert field not in label and "{" not in text
        assert sentence and (code == "unknown_code" or "_" not in sentence)


def test_a_date_out_of_order_names_the_earlier_field_in_the_users_language():
    x = dataclasses.replace(
        GOOD[r.Restitution], awarded_on=dt.date(2026, 11, 1), paid_on=dt.date(2026, 10, 30)
    )
    [problem] = [p for p in validate(x, today=TODAY) if p.code == "date_before"]
    assert describe_problem(problem, "id") == (
        "Tanggal dibayar: tidak boleh sebelum Tanggal restitusi diputus."
    )
    assert describe_problem(problem, "en") == "Paid on: cannot be before Awarded on."


def test_a_response_deadline_and_review_dates_may_lie_ahead():
    triage = r.Assessment(
        case_id="c",
        kind="risk_triage",
        assessed_on=TODAY,
        risk_level="low",
        respond_by=TODAY + dt.timedelta(days=3),
    )
    assert problems(triage) == []
    assert problems(GOOD[r.PlanGoal], review_on=TODAY + dt.timedelta(days=30)) == []


@pytest.mark.parametrize("record, changes, field, code", BAD[:3] + BAD[6:12] + BAD[15:22])
def test_a_row_from_another_office_is_held_to_the_same_rules(record, changes, field, code):
    row = {**to_row(dataclasses.replace(record, **changes)), "id": "x", "origin": "o"}
    assert (field, code) in [
        (p.field, p.code) for p in row_check.row_problems(type(record), row, today=TODAY)
    ]
    assert not row_check.rows_pass(type(record), [row], today=TODAY)
    good = {**to_row(record), "id": "y", "origin": "o"}
    assert row_check.rows_pass(type(record), [good], today=TODAY)
