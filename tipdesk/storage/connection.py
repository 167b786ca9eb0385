"""Opening the encrypted database (SQLCipher 4 through sqlcipher3, driven by sqlite-utils)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from tipdesk.domain.errors import RegisterBusy, RegisterDamaged

DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError
OperationalError = sqlcipher3.OperationalError

log = logging.getLogger(__name__)


def open_database(path: Path, key: bytes, *, create: bool = False) -> Database:
    """Open (or create) the database at ``path`` keyed with the raw 256-bit ``key``.

    A raw key means no slow KDF at open: the slow step is unwrapping the key slot.
    """
    path = Path(path)
    if not create and not path.exists():
        raise RegisterDamaged(path=str(path.parent), reason="register.db is missing")
    if not create and path.stat().st_size == 0:
        # SQLite would take an empty file for a new database and the migrations would
        # write a fresh, empty register over what was lost.
        raise RegisterDamaged(path=str(path.parent), reason="register.db is empty")
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        # SQLCipher logs decryption failures to stderr; a wrong key is reported by us.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Deleted content is overwritten, so scrubbed personal data does not linger in
        # free pages; temporary tables and sorts stay in memory, never in a temp file.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlcipher3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise RegisterBusy() from None
        raise RegisterDamaged(path=str(path.parent), reason="the database cannot be read") from None
    except sqlcipher3.DatabaseError:
        conn.close()
        raise RegisterDamaged(path=str(path.parent),
                              reason="the database does not open with its key") from None
    return Database(conn)


def begin_snapshot(db: Database) -> None:
    """Start a read transaction on ``db``: every query until it ends sees the register as
    it was at its first read, whatever other connections write meanwhile."""
    db.execute("BEGIN")


def checkpoint(db: Database) -> None:
    """Fold the write-ahead log back into the database file and empty it."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def larger_cache(db: Database, kib: int = 64 * 1024) -> Iterator[None]:
    """A larger page cache while bulk rows go in: fewer pages spilled and rewritten."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


@contextlib.contextmanager
def bulk_journal(db: Database, *, when: bool = True) -> Iterator[bool]:
    """The rollback journal instead of the write-ahead log for one bulk write (``when``
    it is one), if no other connection has the register open; yields whether it switched.

    In WAL mode every page of a large transaction is written twice: into the log (as the
    page cache spills, and at commit) and then into the database by the checkpoint. With
    a rollback journal, pages that did not exist before the transaction (nearly all of
    them, in a bulk load) go straight into the database file, and only the few existing
    pages it changes are copied, encrypted, into ``register.db-journal`` first. A
    rollback, or a process killed half-way, restores them as WAL mode would; the next
    open of the register finds the journal and rolls back.

    SQLite leaves WAL mode only when no other connection has the database open; if one
    has (another program; in the desktop app a backup or an audit entry written through a
    connection of its own), the write stays in WAL mode and nobody waits. Readers that
    open the register while the bulk write holds its lock wait for it, up to the busy
    timeout. Commits are synced in full meanwhile (``synchronous = FULL``): ``NORMAL`` is
    safe against a power cut only in WAL mode. Every connection is put back in WAL mode
    when it opens (``open_database``); if putting this one back fails, that is logged
    (no personal data in it) and the next open does it.
    """
    if not when or db.conn.in_transaction:
        yield False
        return
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0")
    try:
        switched = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    except OperationalError:       # another connection has it open
        switched = False
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    if not switched:
        yield False
        return
    db.execute("PRAGMA synchronous = FULL")
    try:
        yield True
    finally:
        try:
            if db.conn.in_transaction:
                raise OperationalError("a transaction is still open")
            db.execute("PRAGMA journal_mode = WAL").fetchone()
            db.execute("PRAGMA synchronous = NORMAL")
        except Exception as exc:     # never in place of what happened inside
            log.warning("the register stays out of WAL mode until it is opened again: %s",
                        type(exc).__name__)


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at once (``BEGIN IMMEDIATE``).

    For writes that read first and must not interleave with another writer, such as
    taking the next letter number: a second program waits (busy timeout) instead of
    failing later on a stale snapshot. Inside a transaction already, a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
