"""Change capture into _changes, for the sync that reads it."""

import json

import pytest

from tests.helpers import (
    add_document,
    add_journey,
    add_simfoni_entry,
    add_transfer_and_link,
    erase,
    new_case,
    provider,
)
from tests.helpers import triggers as _triggers
from tipdesk.services.casework import cases, journey
from tipdesk.storage import capture


def changes(session, entity=None):
    rows = capture.changes_after(session.db)
    return [c for c in rows if entity is None or c["entity"] == entity]


def test_insert_update_delete_are_captured_with_before_after_and_revs(session):
    file = new_case(session)
    person_changes = changes(session, "persons")
    assert [c["op"] for c in person_changes] == ["insert"]
    inserted = person_changes[0]
    assert inserted["id"] == file.person.id
    # An insert keeps no image: the row holds the values.
    assert inserted["before_json"] is None and inserted["after_json"] is None
    assert inserted["rev"] == file.person.rev

    cases.update_case_fields(session, file.case.case_number, {"person.alias": "Ina"})
    update = changes(session, "persons")[-1]
    assert update["op"] == "update"
    assert update["base_rev"] == inserted["rev"]
    assert update["rev"] > update["base_rev"]
    # Only the changed fields, before and after.
    assert json.loads(update["before_json"]) == {"alias": ""}
    assert json.loads(update["after_json"]) == {"alias": "Ina"}

    erase(session, file.case.case_number)
    delete = changes(session, "persons")[-1]
    assert delete["op"] == "delete"
    assert json.loads(delete["after_json"])["deleted"] == 1
    assert not json.loads(delete["after_json"])["full_name"]


def test_hard_delete_is_captured_without_an_image(session):
    file = new_case(session)
    cases.add_note(
        session,
        __import__("tipdesk.domain.records", fromlist=["CaseNote"]).CaseNote(
            case_id=file.case.id, noted_on=file.case.opened_on, text="x"
        ),
    )
    session.db.execute("DELETE FROM case_notes")
    purge = changes(session, "case_notes")[-1]
    assert (purge["op"], purge["before_json"], purge["after_json"]) == ("purge", None, None)


def test_every_synced_table_is_captured(session):
    p = provider(session)
    file = new_case(session)
    from tipdesk.domain import records as r

    cases.add_service(
        session, r.Service(case_id=file.case.id, service_type="health", provider_id=p.id)
    )
    cases.add_referral(
        session, r.Referral(case_id=file.case.id, provider_id=p.id, services_requested=["health"])
    )
    cases.add_note(
        session,
        r.CaseNote(case_id=file.case.id, noted_on=file.case.opened_on, text="Kunjungan rumah."),
    )
    add_journey(session, file.case.id)
    journey.create_incident(session, r.Incident(occurred_on=file.case.opened_on, kind="raid"))
    add_transfer_and_link(session, file.case.id, file.person.id)
    add_document(session, file.case.case_number)
    add_simfoni_entry(session, file.case.case_number)
    entities = {c["entity"] for c in changes(session)}
    assert entities == set(capture.SYNCED_TABLES)


def test_muted_capture_records_nothing_and_rolls_back_with_its_transaction(session):
    before = len(changes(session))
    with session.db.atomic():
        capture.set_muted(session.db, True)
        session.db.execute("UPDATE offices SET name = 'Imported name'")
        capture.set_muted(session.db, False)
    assert len(changes(session)) == before
    session.db.execute("UPDATE offices SET name = 'Local name'")
    assert len(changes(session)) == before + 1


def test_soft_delete_scrubs_personal_fields_in_row_and_history(session):
    file = new_case(session, {"nik": "5371015403990001", "full_name": "Ermelinda Tnunay"})
    cases.add_note(
        session,
        __import__("tipdesk.domain.records", fromlist=["CaseNote"]).CaseNote(
            case_id=file.case.id, noted_on=file.case.opened_on, text="Ermelinda tinggal di Oesapa."
        ),
    )
    erase(session, file.case.case_number)
    person = session.db.execute("SELECT full_name, nik, deleted FROM persons").fetchone()
    assert person == ("", "", 1)
    assert session.db.execute("SELECT count(*) FROM cases WHERE deleted = 1").fetchone()[0] == 1
    dump = json.dumps(changes(session))
    assert "Ermelinda" not in dump
    assert "5371015403990001" not in dump
    assert "Tnunay" not in dump
    assert cases.find_cases(session, "Ermelinda") == []


def test_demo_bulk_inserts_are_captured_once_each_parents_first(session):
    from tipdesk.services.devtools.demo import add_demo_cases

    before = session.db.execute("SELECT max(seq) FROM _changes").fetchone()[0] or 0
    add_demo_cases(session, 40, seed=2)
    db = session.db
    for table in ("persons", "cases", "services", "referrals", "case_notes"):
        rows = {(r["id"], r["rev"]) for r in db.query(f"SELECT id, rev FROM {table}")}
        captured = [
            (r["id"], r["rev"])
            for r in db.query(
                "SELECT id, rev FROM _changes WHERE entity = ? AND op = 'insert' AND seq > ?",
                [table, before],
            )
        ]
        assert len(captured) == len(set(captured)) == len(rows), table
        assert set(captured) == rows, table
    # a peer applying the changes in order meets each person before the person's case
    seq = {
        r["id"]: r["seq"] for r in db.query("SELECT id, seq FROM _changes WHERE seq > ?", [before])
    }
    for case in db.query("SELECT id, person_id FROM cases"):
        assert seq[case["person_id"]] < seq[case["id"]]
    for note in db.query("SELECT id, case_id FROM case_notes"):
        assert seq[note["case_id"]] < seq[note["id"]]
    assert db.execute("SELECT muted FROM _capture").fetchone()[0] == 0


def test_lifted_insert_triggers_come_back_exactly_and_capture_again(session):
    db = session.db
    before = _triggers(db)
    assert {f"{t}_capture_insert" for t in capture.SYNCED_TABLES} <= {n for n, _ in before}
    with pytest.raises(RuntimeError), capture.insert_triggers_lifted(db, capture.SYNCED_TABLES):
        pass  # outside a transaction: refused, nothing dropped
    assert _triggers(db) == before
    with session.write(), capture.insert_triggers_lifted(db, ["providers"]):
        names = {n for n, _ in _triggers(db)}
        assert "providers_capture_insert" not in names
        assert "persons_capture_insert" in names  # only the tables named
        seq = db.execute("SELECT coalesce(max(seq), 0) FROM _changes").fetchone()[0]
        provider(session, name="Rumah Sakit Lifted")
        # a row inserted meanwhile gets no _changes row from a trigger
        assert (
            db.execute(
                "SELECT count(*) FROM _changes WHERE seq > ? AND entity = 'providers'", [seq]
            ).fetchone()[0]
            == 0
        )
    assert _triggers(db) == before
    # put back, they capture again
    provider(session, name="Rumah Sakit After")
    assert changes(session, "providers")[-1]["op"] == "insert"


def test_lifted_triggers_come_back_when_the_transaction_is_rolled_back(session):
    db = session.db
    before = _triggers(db)
    with (
        pytest.raises(LookupError),
        session.write(),
        capture.insert_triggers_lifted(db, capture.SYNCED_TABLES),
    ):
        provider(session, name="Rumah Sakit Rolled Back")
        raise LookupError("the action fails after its rows went in")
    assert _triggers(db) == before
    file = new_case(session)
    assert changes(session, "persons")[-1]["id"] == file.person.id


def test_lifted_triggers_survive_a_rollback_or_a_commit_inside(session):
    db = session.db
    before = _triggers(db)
    # SQLite itself rolled back (a full disk, say), then the action fails: its error comes
    # out, not one about putting the triggers back
    with (
        pytest.raises(LookupError, match="the disk is full"),
        session.write(),
        capture.insert_triggers_lifted(db, capture.SYNCED_TABLES),
    ):
        db.conn.execute("ROLLBACK")
        raise LookupError("the disk is full")
    assert _triggers(db) == before
    # something inside committed the drops: the triggers are created again at the end
    db.conn.execute("BEGIN")
    with capture.insert_triggers_lifted(db, capture.SYNCED_TABLES):
        db.conn.execute("COMMIT")
        assert not {n for n, _ in _triggers(db)} & {
            f"{t}_capture_insert" for t in capture.SYNCED_TABLES
        }
    assert _triggers(db) == before
    file = new_case(session)
    assert changes(session, "cases")[-1]["id"] == file.case.id


def test_captured_bulk_rows_need_their_trigger_lifted(session):
    from tipdesk.storage import bulk

    db = session.db
    count = db.execute("SELECT count(*) FROM _changes").fetchone()[0]
    with pytest.raises(RuntimeError, match="lift the insert trigger of providers"), session.write():
        bulk.insert_captured(db, "providers", ["id"], [("x",)])
    assert db.execute("SELECT count(*) FROM _changes").fetchone()[0] == count
    assert db.execute("SELECT count(*) FROM providers WHERE id = 'x'").fetchone()[0] == 0
