"""Migrations: sqlite-utils Migrations("tipdesk"), with a backup before pending ones run."""

import pytest
from sqlite_utils.migrations import Migrations

from tests.conftest import PASSWORD, new_case
from tipdesk.security.keyslots import KeyFile
from tipdesk.services.register import open_register
from tipdesk.storage import migrate, schema
from tipdesk.storage.connection import DatabaseError, open_database


def test_new_register_has_every_migration_applied(session):
    assert migrate.pending(session.db) == []
    assert migrate.applied(session.db) == migrate.known() == ["m001_initial",
                                                                 "m002_change_author",
                                                                 "m003_letters", "m004_sync",
                                                                 "m005_case_origin", "m006_access",
                                                                 "m007_report_indexes",
                                                                 "m008_search_settings"]


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
