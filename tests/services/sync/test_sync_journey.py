"""The case journey's records across offices (issue 22; DESIGN.md sections 5, 5b, 10):
each travels district -> province and back with the field-level merge, a legal step edited
on both sides goes to review, and the scope rules hold for the new tables: a district
writes only what it owns, a row the app would refuse is refused, and a case's link to
another office's incident gives that office nothing of the case."""

from __future__ import annotations

import time

import pytest

from tests.helpers import (
    JOURNEY_TEXT,
    TODAY,
    add_journey,
    journey_records,
    new_case,
    received_upto,
    row,
    same,
    sealed_as,
    send,
    state,
)
from tipdesk.domain import records as r
from tipdesk.domain.errors import BatchEntryRefused, BatchOverreach, NotOurRecord
from tipdesk.domain.messages import describe_error
from tipdesk.services import sync
from tipdesk.services.casework import journey
from tipdesk.storage import rows
from tipdesk.storage.rows import to_row

JOURNEY_TABLES = (*(c.table for c in journey.JOURNEY.values()), "incidents")
NEW_ID = "01a20000-0000-7000-8000-0000000000{:02x}"


def test_each_record_travels_up_and_back_with_the_incident(offices):
    district, province, stick = offices
    file = new_case(district.session)
    number = file.case.case_number
    added = add_journey(district.session, file.case.id)
    incident, _ = journey.create_incident(
        district.session, r.Incident(occurred_on=file.case.opened_on, kind="rescue", note="x")
    )
    journey.link_case(district.session, number, incident.incident_number)
    summary = send(district, province, stick / "1.tipbatch")
    assert summary.applied >= len(JOURNEY_TABLES) + 2
    same(district, province, ("persons", "cases", *JOURNEY_TABLES))
    up = province.case(number)
    assert up.incident.incident_number == incident.incident_number
    assert up.legal_steps[0].reference_number == JOURNEY_TEXT["legal_steps"]
    # The province adds a verdict and records the award; both travel down.
    step = r.LegalStep(
        case_id=file.case.id,
        kind="verdict",
        step_on=TODAY,
        authority="PN Kupang",
        outcome="convicted",
        sentence_months=72,
        perpetrators=2,
    )
    journey.add_record(province.session, step)
    claim = up.restitution[0]
    claim.awarded_on, claim.awarded_amount = claim.requested_on, 60_000_000
    journey.update_record(province.session, claim)
    send(province, district, stick / "back.tipbatch")
    down = district.case(number)
    assert [s.kind for s in down.legal_steps] == ["police_report", "verdict"]
    assert down.restitution[0].awarded_amount == 60_000_000
    assert down.restitution[0].id == added["restitution"].id
    same(district, province, ("persons", "cases", *JOURNEY_TABLES))


def _shared_step(offices):
    district, province, stick = offices
    file = new_case(district.session)
    added = add_journey(district.session, file.case.id)
    send(district, province, stick / "1.tipbatch")
    return file.case.case_number, added["legal_steps"].id


def _edit_step(office, number: str, **values) -> None:
    [step] = [s for s in office.case(number).legal_steps if s.kind == "police_report"]
    for name, value in values.items():
        setattr(step, name, value)
    journey.update_record(office.session, step)


def test_a_legal_step_edited_on_both_sides_goes_to_review_and_converges(offices):
    district, province, stick = offices
    number, step_id = _shared_step(offices)
    _edit_step(district, number, authority="Polres Kupang Kota")
    _edit_step(province, number, authority="Ditreskrimum Polda NTT")
    summary = send(district, province, stick / "2.tipbatch")
    assert summary.conflicts == 1
    [conflict] = sync.list_conflicts(province.session)
    assert (conflict.entity, conflict.record_id, conflict.field) == (
        "legal_steps",
        step_id,
        "authority",
    )
    assert (conflict.local_value, conflict.remote_value) == (
        "Ditreskrimum Polda NTT",
        "Polres Kupang Kota",
    )
    assert conflict.case_number == number
    sync.resolve_conflict(province.session, conflict.id, keep="remote")
    send(province, district, stick / "back.tipbatch")
    send(district, province, stick / "3.tipbatch")
    for office in (district, province):
        [step] = [s for s in office.case(number).legal_steps if s.id == step_id]
        assert step.authority == "Polres Kupang Kota"
    same(district, province, ("cases", *JOURNEY_TABLES))
    assert sync.list_conflicts(province.session) == []


def test_different_fields_of_a_legal_step_merge_without_review(offices):
    district, province, stick = offices
    number, step_id = _shared_step(offices)
    _edit_step(district, number, perpetrators=3)
    _edit_step(province, number, authority="Ditreskrimum Polda NTT")
    assert send(district, province, stick / "2.tipbatch").conflicts == 0
    send(province, district, stick / "back.tipbatch")
    for office in (district, province):
        [step] = [s for s in office.case(number).legal_steps if s.id == step_id]
        assert (step.perpetrators, step.authority) == (3, "Ditreskrimum Polda NTT")


# --- scope and values (DESIGN.md section 5b) -----------------------------------------------


def _entry(table: str, record, sender) -> dict:
    """An insert of ``record`` (id and origin set) as ``sender``'s batch would carry it."""
    rev = f"{int(time.time() * 1000):013d}-0001-{sender.session.office.id}"
    row = {
        **to_row(record),
        "rev": rev,
        "updated_at": "2026-11-28T10:00:00.000Z",
        "updated_by": "admin",
        "deleted": 0,
    }
    return {
        "e": table,
        "id": record.id,
        "op": "insert",
        "base_rev": None,
        "rev": rev,
        "steps": [[rev, ["*"]]],
        "before": {},
        "row": row,
    }


def _forged(sender, receiver, entries, where) -> object:
    high = received_upto(receiver, sender)
    for i, entry in enumerate(entries):
        entry["seq"] = high + 1 + i
    path = where / "forged.tipbatch"
    path.write_bytes(
        sealed_as(
            sender,
            receiver,
            entries,
            seq_from=high + 1,
            seq_to=high + len(entries),
            to_recovery_key=False,
        )
    )
    return path


@pytest.fixture
def shared(three_offices):
    """KUP's case (with its journey) and BEL's, both at the province NTT."""
    kup, bel, ntt, stick = three_offices
    kup.mine = new_case(kup.session)
    add_journey(kup.session, kup.mine.case.id)
    bel.mine = new_case(bel.session, {"full_name": "Yohana Seran", "nik": ""})
    send(kup, ntt, stick / "kup.tipbatch")
    send(bel, ntt, stick / "bel.tipbatch")
    return kup, bel, ntt, stick


@pytest.mark.parametrize("table", [c.table for c in journey.JOURNEY.values()])
def test_a_district_cannot_write_the_journey_of_another_districts_case(shared, table, tmp_path):
    kup, bel, ntt, _ = shared
    [record] = [
        x for x in journey_records(kup.mine.case.id) if journey.JOURNEY[type(x)].table == table
    ]
    record.id, record.origin = NEW_ID.format(1), bel.session.office.id
    before = state(ntt)
    with pytest.raises(BatchOverreach) as refused:
        sync.import_batch(ntt.session, _forged(bel, ntt, [_entry(table, record, bel)], tmp_path))
    said = describe_error(refused.value, "en")
    assert "BEL" in said and NEW_ID.format(1) in said and "nothing was imported" in said
    assert state(ntt) == before


def test_a_tampered_legal_step_is_refused_with_its_field_and_changes_nothing(shared, tmp_path):
    kup, _, ntt, _ = shared
    step = r.LegalStep(
        id=NEW_ID.format(2),
        origin=kup.session.office.id,
        case_id=kup.mine.case.id,
        kind="verdict",
        step_on=kup.mine.case.opened_on,
        authority="PN Kupang",
        outcome="convicted",
        perpetrators=5000,
    )
    before = state(ntt)
    with pytest.raises(BatchEntryRefused) as refused:
        sync.import_batch(
            ntt.session, _forged(kup, ntt, [_entry("legal_steps", step, kup)], tmp_path)
        )
    assert (refused.value.params["field"], refused.value.params["problem"]) == (
        "perpetrators",
        "number_out_of_range",
    )
    said = describe_error(refused.value, "en")
    assert "Perpetrators" in said and "a number out of range" in said
    assert "Jumlah pelaku" in describe_error(refused.value, "id")
    assert state(ntt) == before


def test_restitution_paid_before_it_was_awarded_is_refused(shared, tmp_path):
    kup, _, ntt, _ = shared
    claim = r.Restitution(
        id=NEW_ID.format(3),
        origin=kup.session.office.id,
        case_id=kup.mine.case.id,
        requested_on=kup.mine.case.opened_on,
        awarded_on=kup.mine.case.opened_on,
        paid_on=kup.mine.case.opened_on.replace(day=1),
        paid_amount=10,
    )
    before = state(ntt)
    with pytest.raises(BatchEntryRefused) as refused:
        sync.import_batch(
            ntt.session, _forged(kup, ntt, [_entry("restitution", claim, kup)], tmp_path)
        )
    assert refused.value.params["field"] == "paid_on"
    assert state(ntt) == before


def test_a_link_to_another_offices_incident_gives_that_office_nothing_of_the_case(shared, tmp_path):
    kup, bel, ntt, stick = shared
    incident, _ = journey.create_incident(
        bel.session, r.Incident(occurred_on=bel.mine.case.opened_on, kind="raid")
    )
    send(bel, ntt, stick / "bel2.tipbatch")
    number = kup.mine.case.case_number
    journey.link_case(ntt.session, number, incident.incident_number)
    # BEL's next batch carries none of KUP's case, and BEL may not write it.
    batch = bel.export(ntt, stick / "bel3.tipbatch")
    sync.import_batch(ntt.session, batch)
    theirs = rows.get(ntt.session.db, r.Case, kup.mine.case.id)
    assert theirs.incident_id == incident.id and theirs.origin == kup.session.office.id
    stored = row(ntt, "cases", theirs.id)
    rev = f"{int(time.time() * 1000):013d}-0001-{bel.session.office.id}"
    edit = {
        "e": "cases",
        "id": theirs.id,
        "op": "update",
        "base_rev": stored["rev"],
        "rev": rev,
        "steps": [[rev, ["summary"]]],
        "before": {"summary": stored["summary"]},
        "row": {**stored, "rev": rev, "summary": "ditulis oleh BEL"},
    }
    before = state(ntt)
    with pytest.raises(BatchOverreach):
        sync.import_batch(ntt.session, _forged(bel, ntt, [edit], tmp_path))
    assert state(ntt) == before
    # The link travels to KUP, which holds no copy of BEL's incident: the case opens.
    send(ntt, kup, stick / "down.tipbatch")
    down = kup.case(number)
    assert down.case.incident_id == incident.id and down.incident is None
    assert rows.get(kup.session.db, r.Incident, incident.id) is None


def test_a_district_links_to_the_provinces_incident_but_cannot_change_it(offices):
    district, province, stick = offices
    incident, _ = journey.create_incident(
        province.session,
        r.Incident(occurred_on=TODAY, kind="deportation", region_code="53", note="Nunukan"),
    )
    send(province, district, stick / "down.tipbatch")
    [row] = journey.list_incidents(district.session)
    assert row.incident.incident_number == incident.incident_number == "NTT-KJ-2026-0001"
    file = new_case(district.session)
    journey.link_case(district.session, file.case.case_number, incident.incident_number)
    theirs = row.incident
    theirs.note = "diubah kabupaten"
    with pytest.raises(NotOurRecord) as refused:
        journey.update_incident(district.session, theirs)
    assert "NTT" in describe_error(refused.value, "en")
    send(district, province, stick / "up.tipbatch")
    shown = journey.show_incident(province.session, incident.incident_number)
    assert [c.case_number for c in shown.cases] == [file.case.case_number]
    assert rows.get(province.session.db, r.Incident, incident.id).note == "Nunukan"
