"""Migrations: sqlite-utils Migrations("tipdesk"), with a backup before pending ones run."""

import pytest
from sqlite_utils.migrations import Migrations

from tests.helpers import PASSWORD, TODAY, letter_settings, new_case, provider
from tipdesk.domain import records as r
from tipdesk.security.keyslots import KeyFile
from tipdesk.services import letters
from tipdesk.services.casework import cases, journey
from tipdesk.services.register import open_register
from tipdesk.storage import capture, migrate, rows, schema, search
from tipdesk.storage.connection import DatabaseError, open_database


def test_new_register_has_every_migration_applied(session):
    assert migrate.pending(session.db) == []
    assert (
        migrate.applied(session.db)
        == migrate.known()
        == [
            "m001_initial",
            "m002_change_author",
            "m003_letters",
            "m004_sync",
            "m005_case_origin",
            "m006_access",
            "m007_report_indexes",
            "m008_search_settings",
            "m009_search_without_prefixes",
            "m010_search_hash_smaller",
            "m011_sync_trust",
            "m012_analysis_copy",
            "m013_search_spellings",
            "m014_list_sort_indexes",
            "m015_case_journey",
            "m016_letter_kinds",
            "m017_transfers_and_links",
            "m018_documents",
            "m019_simfoni_entries",
        ]
    )


def test_pending_migration_is_preceded_by_an_encrypted_backup(register, session):
    new_case(session)
    session.close()
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)

    later = Migrations("tipdesk")
    later._migrations = list(schema.migrations._migrations)

    @later()
    def m999_add_column(db):
        db.execute("ALTER TABLE settings ADD COLUMN note TEXT")

    db = open_database(register.folder / "register.db", key)
    backup = migrate.migrate(db, key, register.folder / "backups", later)
    assert "note" in {c.name for c in db["settings"].columns}
    db.close()

    assert backup is not None and backup.parent == register.folder / "backups"
    assert "before-m999_add_column" in backup.name
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    copy = open_database(backup, key)
    assert "note" not in {c.name for c in copy["settings"].columns}
    assert copy.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    copy.close()
    assert list((register.folder / "backups").glob(".*tmp")) == []


def test_failing_migration_changes_nothing(register):
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)
    broken = Migrations("tipdesk")
    broken._migrations = list(schema.migrations._migrations)

    @broken()
    def m998_broken(db):
        db.execute("CREATE TABLE half_done (x)")
        db.execute("THIS IS NOT SQL")

    db = open_database(register.folder / "register.db", key)
    with pytest.raises(DatabaseError):
        migrate.migrate(db, key, register.folder / "backups", broken)
    assert not db["half_done"].exists()
    assert migrate.pending(db, broken) == ["m998_broken"]
    db.close()
    with open_register(register.folder, "admin", PASSWORD) as s:
        assert s.office.code == "KUP"


_M001_SEARCH = """CREATE VIRTUAL TABLE case_search USING fts5 (
    names, numbers, places, notes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
)"""


def test_m009_indexes_every_case_again_without_prefix_indexes(register, session):
    """A register from before m009 (its search index with 2- and 3-letter prefix indexes)
    gets an index without them, holding every live case, and its bulk settings."""
    maria = new_case(
        session, {"full_name": "Maria Fátima da Costa"}, exploitation_place="Kota Kinabalu"
    )
    gone = new_case(session, {"full_name": "Marta Seran"})
    cases.delete_case(session, gone.case.case_number)
    session.close()
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)
    db = open_database(register.folder / "register.db", key)
    with db.conn:  # as m001 and m008 left it
        db.execute("DROP TABLE case_search")
        db.execute(_M001_SEARCH)
        schema.m008_search_settings(db)
        db.execute(
            "DELETE FROM _sqlite_migrations WHERE name IN ('m009_search_without_prefixes',"
            " 'm010_search_hash_smaller', 'm013_search_spellings')"
        )
    db.close()

    with open_register(register.folder, "admin", PASSWORD) as s:
        sql = s.db.execute("SELECT sql FROM sqlite_master WHERE name = 'case_search'").fetchone()[0]
        assert "prefix" not in sql and "contentless_delete = 1" in sql
        config = dict(s.db.execute("SELECT k, v FROM case_search_config").fetchall())
        assert config["hashsize"] == schema.SEARCH_HASH_BYTES
        assert config["automerge"] == schema.SEARCH_AUTOMERGE
        for query in ("Maria", "Ma", "fát", "kinabalu", maria.case.case_number):
            assert [row["case_number"] for row in cases.find_cases(s, query)] == [
                maria.case.case_number
            ], query
        assert cases.find_cases(s, "Marta") == []
        assert s.db.execute("SELECT count(*) FROM case_search").fetchone()[0] == 1
    assert list((register.folder / "backups").glob("*before-m009_search_without_prefixes*"))

    # killed after m013 (the last to empty it) committed, before the index was filled:
    # the next open fills it
    db = open_database(register.folder / "register.db", key)
    with db.conn:
        schema.m013_search_spellings(db)
    db.close()
    with open_register(register.folder, "admin", PASSWORD) as s:
        assert [row["case_number"] for row in cases.find_cases(s, "Maria")] == [
            maria.case.case_number
        ]
        assert (
            s.db.execute("SELECT count(*) FROM settings WHERE key = 'search_emptied'").fetchone()[0]
            == 0
        )


def test_m010_makes_the_search_index_gather_fewer_words_in_memory(register, session):
    maria = new_case(session, {"full_name": "Maria Fátima da Costa"})
    session.close()
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)
    db = open_database(register.folder / "register.db", key)
    with db.conn:  # as m009 left it
        schema.m008_search_settings(db)
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_search_hash_smaller'")
    assert (
        dict(db.execute("SELECT k, v FROM case_search_config").fetchall())["hashsize"]
        == 32 * 1024 * 1024
    )
    db.close()
    with open_register(register.folder, "admin", PASSWORD) as s:
        config = dict(s.db.execute("SELECT k, v FROM case_search_config").fetchall())
        assert config["hashsize"] == schema.SEARCH_HASH_BYTES == 8 * 1024 * 1024
        assert config["automerge"] == schema.SEARCH_AUTOMERGE
        assert [row["case_number"] for row in cases.find_cases(s, "fátima")] == [
            maria.case.case_number
        ]


def test_a_register_from_before_issue_18_gains_the_trust_columns(register, session):
    """A register made before m011 opens with its inbox, peers and anchors ready for the
    trust rules: the inbox says why a batch waits, peers keep audit heads."""
    session.close()
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)
    db = open_database(register.folder / "register.db", key)
    with db.conn:  # as m010 left it
        db.execute("DROP TABLE audit_anchors")
        for column in ("held", "detail"):
            db.execute(f"ALTER TABLE inbox DROP COLUMN {column}")
        for column in ("audit_seq", "audit_hash", "audit_at", "audit_warning"):
            db.execute(f"ALTER TABLE peers DROP COLUMN {column}")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_sync_trust'")
    db.close()
    with open_register(register.folder, "admin", PASSWORD) as s:
        assert "m011_sync_trust" in migrate.applied(s.db)
        assert {"held", "detail"} <= {c.name for c in s.db["inbox"].columns}
        assert {"audit_seq", "audit_warning"} <= {c.name for c in s.db["peers"].columns}
        assert s.db["audit_anchors"].exists()


_M009_SEARCH = """CREATE VIRTUAL TABLE case_search USING fts5 (
    names, numbers, places, notes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
)"""


def test_m013_makes_a_register_from_before_issue_21_forgive_spelling(register, session):
    """A register whose search index has no spelling keys (as m009 made it) gets one with
    them for every live case: "lidia" then finds Lidya."""
    lidya = new_case(session, {"full_name": "Lidya Mohammad"})
    session.close()
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)
    db = open_database(register.folder / "register.db", key)
    with db.conn:  # as m012 left it: four columns, every case in them
        db.execute("DROP TABLE case_search")
        db.execute(_M009_SEARCH)
        db.execute(
            "INSERT INTO case_search (rowid, names, numbers, places, notes) "
            "SELECT c.rid, p.full_name, c.case_number, '', '' "
            "FROM cases c JOIN persons p ON p.id = c.person_id"
        )
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_search_spellings'")
    db.close()

    with open_register(register.folder, "admin", PASSWORD) as s:
        assert [row["case_number"] for row in cases.find_cases(s, "lidia mohamad")] == [
            lidya.case.case_number
        ]
        config = dict(s.db.execute("SELECT k, v FROM case_search_config").fetchall())
        assert config["hashsize"] == schema.SEARCH_HASH_BYTES
        assert not s.db.execute("SELECT 1 FROM settings WHERE key = ?", [search.EMPTIED]).fetchone()
    assert list((register.folder / "backups").glob("*before-m013_search_spellings*"))


def test_m016_keeps_the_referral_letters_of_a_register_from_before_issue_22(register, session):
    """A register whose archive knows only referral letters (as m003 made it) keeps
    them as referral letters, reprinted byte for byte; numbering goes on after them for
    every kind, and LPSK requests gain their letter number."""
    letters.save_letter_settings(session, letter_settings())
    file = new_case(session, consent_services=True, consent_date=TODAY, consent_by="korban")
    hospital = provider(session)
    referral = r.Referral(
        case_id=file.case.id, provider_id=hospital.id, services_requested=["health"]
    )
    cases.add_referral(session, referral)
    issued = letters.issue_letter(session, referral.id)
    session.close()
    key = KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)
    db = open_database(register.folder / "register.db", key)
    with db.conn:  # as m015 left it
        db.execute("DROP INDEX letters_record")
        db.execute("ALTER TABLE letters DROP COLUMN kind")
        db.execute("ALTER TABLE letters RENAME COLUMN record_id TO referral_id")
        db.execute("CREATE INDEX letters_referral ON letters (referral_id, issued_at)")
        for op in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER {capture.trigger_name('lpsk_requests', op)}")
        db.execute("ALTER TABLE lpsk_requests DROP COLUMN letter_number")
        capture.install(db, "lpsk_requests")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm016_letter_kinds'")
    db.close()

    with open_register(register.folder, "admin", PASSWORD) as s:
        assert "m016_letter_kinds" in migrate.applied(s.db)
        assert [(x.kind, x.record_id) for x in letters.letters_of_referral(s, referral.id)] == [
            ("referral", referral.id)
        ]
        assert letters.reprint_letter(s, referral.id).pdf == issued.pdf
        request = r.LpskRequest(
            case_id=file.case.id, requested_on=TODAY, protection_types=["medical_aid"]
        )
        journey.add_record(s, request)
        lpsk = letters.issue(s, letters.LPSK_REQUEST, request.id)
        assert lpsk.row is not None and lpsk.row.seq == issued.row.seq + 1
        assert rows.get(s.db, r.LpskRequest, request.id).letter_number == lpsk.number
    assert list((register.folder / "backups").glob("*before-m016_letter_kinds*"))
