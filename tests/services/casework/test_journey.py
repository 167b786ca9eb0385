"""The case journey's use cases (issue 22): records added, changed and removed by whoever
may change the case, the plan approved by a supervisor, incidents and the cases they
bring, and the records in the case file, its History, the person's export and erasure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from tests.helpers import (
    JOURNEY_TEXT,
    TODAY,
    add_account,
    add_journey,
    cli_environment,
    journey_records,
    letter_settings,
    new_case,
    second_user,
    sign_in,
)
from tests.services.casework.test_privacy import plaintext
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, NotPermitted, PlanEmpty, ValidationFailed
from tipdesk.services import letters
from tipdesk.services.access import audit
from tipdesk.services.casework import cases, journey, listing, privacy
from tipdesk.storage import rows


@pytest.fixture
def worker(session):
    """A case worker's session beside the admin's."""
    siti = second_user(session, "siti", "caseworker")
    yield siti
    siti.close()


def test_each_record_added_is_in_the_case_file_and_its_show_json(
    session, tmp_path, capsys, monkeypatch
):
    file = new_case(session)
    added = add_journey(session, file.case.id)
    opened = cases.open_case(session, file.case.case_number)
    for child in journey.JOURNEY.values():
        [record] = getattr(opened, child.file_list)
        assert record.id == added[child.table].id and record.origin == session.office.id
    assert opened.legal_steps[0].reference_number == JOURNEY_TEXT["legal_steps"]
    assert opened.checkups[0].return_id == added["returns"].id
    from tipdesk.cli import main

    cli_environment(monkeypatch, tmp_path, user="admin")
    session.close()
    assert main(["show", str(session.folder), file.case.case_number, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["restitution"][0]["requested_amount"] == 85_000_000
    assert shown["legal_steps"][0]["perpetrators"] == 2
    assert shown["lpsk_requests"][0]["protection_types"] == [
        "physical_protection",
        "restitution_facilitation",
    ]
    assert shown["incident"] is None


def test_a_bad_record_is_refused_whole_and_nothing_is_written(session):
    file = new_case(session)
    step = r.LegalStep(case_id=file.case.id, kind="verdict", step_on=TODAY, outcome="convicted")
    with pytest.raises(ValidationFailed) as refused:
        journey.add_record(session, step)
    assert [p.code for p in refused.value.problems] == ["court_required"]
    assert cases.open_case(session, file.case.case_number).legal_steps == []


def test_edit_and_removal_keep_the_case_and_leave_a_scrubbed_tombstone(session):
    file = new_case(session)
    added = add_journey(session, file.case.id)
    step = dataclasses.replace(added["legal_steps"], case_id="elsewhere", kind="investigation")
    journey.update_record(session, step)
    stored = rows.get(session.db, r.LegalStep, step.id)
    assert stored.case_id == file.case.id and stored.kind == "investigation"
    journey.remove_record(session, r.LegalStep, step.id)
    stored = rows.get(session.db, r.LegalStep, step.id)
    assert stored.deleted and stored.reference_number == "" and stored.note == ""
    assert cases.open_case(session, file.case.case_number).legal_steps == []
    with pytest.raises(NotFound):
        journey.remove_record(session, r.LegalStep, step.id)
    actions = [e.action for e in audit.entries(session, case_number=file.case.case_number)]
    assert {"case_record_added", "case_record_changed", "case_record_removed"} <= set(actions)


def test_a_case_worker_changes_only_the_cases_that_are_theirs(session, worker):
    theirs = new_case(worker)
    others = new_case(session, {"full_name": "Yohana Seran", "nik": ""}, assigned_to="admin")
    [assessment, *_] = journey_records(theirs.case.id)
    journey.add_record(worker, assessment)
    assert assessment.assessed_by == "Siti"  # who assessed, unless told
    with pytest.raises(NotPermitted):
        journey.add_record(worker, journey_records(others.case.id)[0])
    mine = journey_records(others.case.id)[2]
    journey.add_record(session, mine)
    with pytest.raises(NotPermitted):
        journey.remove_record(worker, r.LegalStep, mine.id)


def test_a_goal_names_only_services_and_referrals_of_its_own_case(session):
    file = new_case(session)
    other = new_case(session, {"full_name": "Yohana Seran", "nik": ""})
    service = r.Service(case_id=other.case.id, service_type="health", status="planned")
    cases.add_service(session, service)
    goal = journey_records(file.case.id)[1]
    goal.linked_ids = [service.id]
    with pytest.raises(ValidationFailed) as refused:
        journey.add_record(session, goal)
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("linked_ids", "not_of_this_case")
    ]
    own = r.Service(case_id=file.case.id, service_type="health", status="planned")
    cases.add_service(session, own)
    goal.linked_ids = [own.id]
    journey.add_record(session, goal)
    assert cases.open_case(session, file.case.case_number).plan_goals[0].linked_ids == [own.id]


def test_a_supervisor_approves_the_plan_and_a_changed_aim_takes_it_back(session, worker):
    file = new_case(worker)
    number = file.case.case_number
    with pytest.raises(PlanEmpty):
        journey.approve_plan(session, number)
    goal = journey_records(file.case.id)[1]
    journey.add_record(worker, goal)
    with pytest.raises(NotPermitted):
        journey.approve_plan(worker, number)
    assert journey.approve_plan(session, number) == 1
    [approved] = cases.open_case(worker, number).plan_goals
    assert (approved.approved_by, approved.approved_on) == ("admin", TODAY)
    assert journey.plan_approved([approved])
    # Progress keeps the approval; a new aim needs it again.
    approved.status = "in_progress"
    journey.update_record(worker, approved)
    [kept] = cases.open_case(worker, number).plan_goals
    assert kept.approved_by == "admin"
    kept.goal = "Ikut kursus menjahit dan membuka usaha"
    journey.update_record(worker, kept)
    [changed] = cases.open_case(worker, number).plan_goals
    assert changed.approved_by == "" and changed.approved_on is None
    assert not journey.plan_approved([changed])
    [row] = audit.entries(session, actions=("plan_approved",))
    assert row.case_number == number and row.detail["newly_approved"] == 1


def test_an_incident_lists_the_cases_it_brought(session, worker):
    incident, _ = journey.create_incident(
        session,
        r.Incident(occurred_on=dt.date(2026, 9, 30), kind="deportation", region_code="53.71"),
    )
    assert incident.incident_number == "KUP-KJ-2026-0001"
    first = new_case(session)
    second = new_case(worker, {"full_name": "Yohana Seran", "nik": ""})
    third = new_case(session, {"full_name": "Ina Bolo", "nik": ""}, assigned_to="admin")
    for file, who in ((first, session), (second, worker), (third, session)):
        journey.link_case(who, file.case.case_number, incident.incident_number)
    [row] = journey.list_incidents(worker)
    assert row.incident.id == incident.id and row.cases == 3
    shown = journey.show_incident(worker, incident.incident_number)
    assert [c.case_number for c in shown.cases] == [second.case.case_number]
    assert shown.hidden == 2
    everyone = journey.show_incident(session, incident.incident_number)
    assert [c.case_number for c in everyone.cases] == [
        first.case.case_number,
        second.case.case_number,
        third.case.case_number,
    ]
    assert cases.open_case(session, first.case.case_number).incident.id == incident.id
    journey.unlink_case(session, first.case.case_number)
    assert cases.open_case(session, first.case.case_number).incident is None
    assert journey.list_incidents(session)[0].cases == 2
    with pytest.raises(NotFound):
        journey.link_case(session, first.case.case_number, "KUP-KJ-2026-0999")
    with pytest.raises(ValidationFailed):
        journey.create_incident(session, r.Incident(occurred_on=TODAY, kind="party"))


def test_history_lists_the_journey_records_and_the_incident_link(session):
    file = new_case(session)
    added = add_journey(session, file.case.id)
    step = added["legal_steps"]
    step.authority = "Polres Kupang Kota"
    journey.update_record(session, step)
    incident, _ = journey.create_incident(session, r.Incident(occurred_on=TODAY, kind="raid"))
    journey.link_case(session, file.case.case_number, incident.incident_number)
    history = listing.case_history(session, file.case.case_number)
    inserted = {h.entity for h in history if h.op == "insert"}
    assert {c.table for c in journey.JOURNEY.values()} <= inserted
    [change] = [h for h in history if h.entity == "legal_steps" and h.op == "update"]
    assert change.changes == (("authority", "Polda NTT", "Polres Kupang Kota"),)
    [link] = [h for h in history if h.entity == "cases" and h.op == "update"]
    assert link.changes[0][0] == "incident_id"


def test_the_persons_export_holds_the_journey(session, tmp_path):
    supervisor = second_user(session, "sari", "supervisor")
    file = new_case(session)
    add_journey(session, file.case.id)
    data = privacy.person_data(supervisor, file.case.case_number)
    [item] = data["cases"]
    assert item["legal_steps"][0]["reference_number"] == JOURNEY_TEXT["legal_steps"]
    assert item["restitution"][0]["requested_amount"] == 85_000_000
    assert item["checkups"][0]["note"].endswith(JOURNEY_TEXT["reintegration_checkups"])
    letters.save_letter_settings(session, letter_settings())
    out = privacy.export_person_data(
        supervisor, file.case.case_number, tmp_path / "p.pdf", lang="en"
    )
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Criminal case" in text and JOURNEY_TEXT["legal_steps"] in text
    assert "Return home" in text and "Migrant worker agency" in text
    supervisor.close()


def test_erasure_leaves_no_trace_of_the_journey(session):
    supervisor = second_user(session, "sari", "supervisor")
    file = new_case(session)
    added = add_journey(session, file.case.id)
    words = [w.encode() for w in JOURNEY_TEXT.values()]
    assert all(w in plaintext(supervisor) for w in words)  # the check works
    privacy.erase_person(supervisor, file.case.case_number, "person_request")
    text = plaintext(supervisor)
    assert [w for w in words if w in text] == []
    for child in journey.JOURNEY.values():
        stored = rows.get(supervisor.db, child.record, added[child.table].id)
        assert stored.deleted
    supervisor.close()


def test_deleting_a_case_deletes_its_journey(session):
    file = new_case(session)
    added = add_journey(session, file.case.id)
    cases.delete_case(session, file.case.case_number)
    for child in journey.JOURNEY.values():
        assert rows.get(session.db, child.record, added[child.table].id).deleted


def test_the_analysts_copy_keeps_the_journeys_figures_and_none_of_its_text(session):
    add_account(session, "ana", "analyst")
    file = new_case(session)
    added = add_journey(session, file.case.id)
    journey.create_incident(
        session, r.Incident(occurred_on=TODAY, kind="raid", place="Gudang Oesapa", note="x")
    )
    folder = session.folder
    session.close()
    with sign_in(folder, "ana") as analyst:
        assert analyst.analysis
        step = analyst.db.execute(
            "SELECT kind, perpetrators, reference_number, authority, note FROM legal_steps"
        ).fetchone()
        assert tuple(step) == ("police_report", 2, "", "", "")
        claim = analyst.db.execute("SELECT requested_amount, note FROM restitution").fetchone()
        assert tuple(claim) == (85_000_000, "")
        place = analyst.db.execute("SELECT kind, place, note FROM incidents").fetchone()
        assert tuple(place) == ("raid", "", "")
        text = " ".join(
            str(value)
            for child in journey.JOURNEY.values()
            for row in analyst.db.execute(f"SELECT * FROM {child.table}").fetchall()
            for value in row
        )
        assert added["legal_steps"].id in text  # the rows are there
        assert [w for w in JOURNEY_TEXT.values() if w in text] == []


# --- group intake ----------------------------------------------------------------------------


def _intake_rows(count: int) -> list[journey.IntakeRow]:
    """``count`` victims of one raid, each with a name and NIK no register holds yet."""
    return [
        journey.IntakeRow(
            person=r.Person(
                full_name=f"Korban Razia {chr(65 + i % 26)}{chr(65 + i // 26)}wati",
                sex="female" if i % 3 else "male",
                estimated_age=18 + i % 20,
                nik="",
            ),
            case=r.Case(opened_on=TODAY, exploitation_types=["sexual_exploitation"]),
        )
        for i in range(count)
    ]


def test_group_intake_registers_every_victim_linked_to_the_incident(session):
    incident, _ = journey.create_incident(session, r.Incident(occurred_on=TODAY, kind="raid"))
    found = new_case(session)  # a victim already in the register
    rows_in = _intake_rows(3)
    rows_in.append(
        journey.IntakeRow(
            person=r.Person(full_name="Maria Goreti Bria", sex="female", phone="0811"),
            case=r.Case(opened_on=TODAY, exploitation_types=["forced_labour"]),
            person_id=found.person.id,
        )
    )
    result = journey.group_intake(session, incident.incident_number, rows_in)
    assert len(result.case_numbers) == 4
    _, victims, hidden = journey.incident_victims(session, incident.incident_number)
    assert hidden == 0
    assert [v.case.case_number for v in victims] == result.case_numbers
    assert victims[3].person.id == found.person.id  # a new case, not a second person
    assert len(cases.cases_of_person(session, found.person.id)) == 2
    assert journey.list_incidents(session)[0].cases == 4
    assert victims[0].case.exploitation_types == ["sexual_exploitation"]


def test_group_intake_reports_every_row_in_error_and_writes_nothing(session):
    incident, _ = journey.create_incident(session, r.Incident(occurred_on=TODAY, kind="raid"))
    rows_in = _intake_rows(30)
    rows_in[28].person.full_name = ""  # row 29
    rows_in[4].person.sex = None  # row 5
    before = session.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    with pytest.raises(ValidationFailed) as refused:
        journey.group_intake(session, incident.incident_number, rows_in)
    bad = {(p.params["row"], p.field) for p in refused.value.problems if p.is_error}
    assert bad == {(29, "full_name"), (5, "sex")}
    assert session.db.execute("SELECT count(*) FROM persons").fetchone()[0] == before
    assert journey.list_incidents(session)[0].cases == 0


def test_group_intake_of_forty_is_one_transaction(session, monkeypatch):
    incident, _ = journey.create_incident(session, r.Incident(occurred_on=TODAY, kind="raid"))
    writes = []
    real = type(session).write

    def counted(self, **kwargs):
        writes.append(1)
        return real(self, **kwargs)

    monkeypatch.setattr(type(session), "write", counted)
    journey.group_intake(session, incident.incident_number, _intake_rows(40))
    assert len(writes) == 1
    assert journey.list_incidents(session)[0].cases == 40


def test_group_intake_failing_while_writing_row_29_leaves_nothing(session, monkeypatch):
    incident, _ = journey.create_incident(session, r.Incident(occurred_on=TODAY, kind="raid"))
    persons = session.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    real = cases._insert_case
    written = []

    def insert(s, person, case):
        if len(written) == 28:  # row 29
            raise OSError("disk gone")
        written.append(person.id)
        real(s, person, case)

    monkeypatch.setattr(cases, "_insert_case", insert)
    with pytest.raises(OSError):
        journey.group_intake(session, incident.incident_number, _intake_rows(30))
    assert len(written) == 28
    assert session.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    assert journey.list_incidents(session)[0].cases == 0
