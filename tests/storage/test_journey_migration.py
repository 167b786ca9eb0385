"""m015 (issue 22): a register from before the case journey gains its tables, the
case's link to an incident, and change capture of them, and keeps its cases as they were."""

from tests.helpers import PASSWORD, add_journey, new_case, triggers
from tipdesk.security.keyslots import KeyFile
from tipdesk.services.casework import cases
from tipdesk.services.register import open_register
from tipdesk.storage import capture, integrity, migrate, schema
from tipdesk.storage.connection import open_database


def test_a_register_from_before_the_case_journey_gains_its_tables(register, session):
    old = new_case(session)
    session.close()
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)
    db = open_database(register.folder / "register.db", key)
    with db.conn:  # as m014 left it
        for table in schema.JOURNEY_TABLES:
            db.execute(f"DROP TABLE {table}")
        db.execute("DROP INDEX cases_incident")
        for op in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER {capture.trigger_name('cases', op)}")
        db.execute("ALTER TABLE cases DROP COLUMN incident_id")
        capture.install(db, "cases")
        # and m016 after it, which gives the letters their kinds
        db.execute("DROP INDEX letters_record")
        db.execute("ALTER TABLE letters DROP COLUMN kind")
        db.execute("ALTER TABLE letters RENAME COLUMN record_id TO referral_id")
        db.execute("CREATE INDEX letters_referral ON letters (referral_id, issued_at)")
        for name in ("m015_case_journey", "m016_letter_kinds"):
            db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [name])
    db.close()

    with open_register(register.folder, "admin", PASSWORD) as s:
        assert "m015_case_journey" in migrate.applied(s.db)
        assert migrate.pending(s.db) == []
        for table in schema.JOURNEY_TABLES:
            assert s.db[table].exists(), table
        names = {name for name, _ in triggers(s.db)}
        assert {capture.trigger_name(t, "update") for t in schema.JOURNEY_TABLES} <= names
        assert integrity.capture_triggers(s.db) == [] and integrity.foreign_keys(s.db) == []
        file = cases.open_case(s, old.case.case_number)
        assert file.case.incident_id == "" and file.legal_steps == [] and file.incident is None
        assert file.case.summary == old.case.summary
        add_journey(s, old.case.id)
        captured = {
            row[0] for row in s.db.execute("SELECT DISTINCT entity FROM _changes").fetchall()
        }
        assert set(schema.JOURNEY_TABLES) - {"incidents"} <= captured
    assert list((register.folder / "backups").glob("*before-m015_case_journey*"))
