"""Bulk writes with a rollback journal (connection.bulk_journal): only when nobody else has
the register open, always back in WAL mode after, and as safe as WAL mode if it fails."""

import pytest

from tests.helpers import PASSWORD, new_case
from tipdesk.security.keyslots import KeyFile
from tipdesk.storage.connection import bulk_journal, open_database


def mode(db) -> str:
    return db.execute("PRAGMA journal_mode").fetchone()[0]


@pytest.fixture
def key(register):
    return KeyFile.load(register.folder / "register.keys").unlock("admin", PASSWORD)


def test_a_bulk_write_alone_goes_in_with_a_rollback_journal_then_back_to_wal(register, session):
    db = session.db
    assert mode(db) == "wal"
    with bulk_journal(db) as switched:
        assert switched and mode(db) == "delete"
        # outside WAL mode, only full syncs keep a power cut from damaging the file
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert not (register.folder / "register.db-wal").exists()
        with session.write():
            new_case(session)
    assert mode(db) == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert db["cases"].count == 1


def test_with_another_connection_open_it_stays_in_wal_mode_and_nobody_waits(register, session, key):
    other = open_database(register.folder / "register.db", key)
    try:
        with bulk_journal(session.db) as switched:
            assert not switched and mode(session.db) == "wal"
            with session.write():
                new_case(session)
        # the other connection reads on, as in WAL mode it always could
        assert other.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
        assert session.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        other.close()


def test_inside_a_transaction_or_when_not_wanted_nothing_changes(session):
    db = session.db
    with bulk_journal(db, when=False) as switched:
        assert not switched and mode(db) == "wal"
    with session.write(), bulk_journal(db) as switched:
        assert not switched and mode(db) == "wal"


def test_a_failed_bulk_write_is_rolled_back_and_wal_mode_restored(session):
    db = session.db
    with pytest.raises(RuntimeError), bulk_journal(db), session.write():
        new_case(session)
        raise RuntimeError("cancelled half-way")
    assert mode(db) == "wal"
    assert db["cases"].count == 0


def test_every_open_puts_a_register_left_out_of_wal_mode_back(register, session, key):
    session.db.execute("PRAGMA journal_mode = DELETE")  # as a killed bulk write leaves it
    session.close()
    db = open_database(register.folder / "register.db", key)
    try:
        assert mode(db) == "wal"
    finally:
        db.close()


def test_a_register_that_cannot_go_back_to_wal_says_so_without_hiding_the_error(session, caplog):
    db = session.db
    with pytest.raises(RuntimeError, match="inside"), bulk_journal(db):
        db.execute("BEGIN")  # left open: WAL mode cannot come back yet
        raise RuntimeError("inside")
    assert "stays out of WAL mode" in caplog.text
    db.execute("ROLLBACK")
    with bulk_journal(db):
        pass
    assert mode(db) == "wal"
