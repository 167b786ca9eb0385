"""Opening the encrypted database (SQLCipher 4 through sqlcipher3, driven by sqlite-utils)."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from tipdesk.domain.errors import (
    DiskFull,
    DriveError,
    RegisterBusy,
    RegisterDamaged,
    RegisterReadOnly,
    TipdeskError,
)

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
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        # A wrong key reads as "file is not a database" (SQLITE_NOTADB), RegisterDamaged:
        # the caller may try the next key. A full or read-only drive, or a lock another
        # program holds, is said as such (``refusal``).
        if sqlite_code(exc) == SQLITE_NOTADB or not isinstance(exc, OperationalError):
            reason = "the database does not open with its key"
        else:
            reason = "the database cannot be read"
        raise refusal(
            exc, path.parent, damaged=RegisterDamaged(path=str(path.parent), reason=reason)
        ) from None
    return Database(conn)


# SQLite's primary result codes (the low byte of an extended one)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
# An older sqlcipher3 gives no ``sqlite_errorcode``: SQLite's own words for each code.
_CODE_OF_TEXT = (
    ("database or disk is full", SQLITE_FULL),
    ("readonly database", SQLITE_READONLY),
    ("unable to open database file", SQLITE_CANTOPEN),
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
    ("disk i/o error", SQLITE_IOERR),
    ("malformed", SQLITE_CORRUPT),
    ("file is not a database", SQLITE_NOTADB),
)
# Free space below which a failed read or write is put down to a full drive: SQLite
# needs room for its shared-memory index and log (a few pages) to open a register at all.
LOW_SPACE = 1024 * 1024


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code for a database error, from the exception's
    ``sqlite_errorcode`` or, failing that, its message."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code > 0:
        return code & 0xFF
    text = str(exc).lower()
    return next((code for words, code in _CODE_OF_TEXT if words in text), None)


def refusal(
    exc: BaseException, folder: Path | str, *, damaged: TipdeskError | None = None
) -> TipdeskError:
    """What to tell a person about a database error on the register in ``folder``.

    A full drive, a read-only drive or folder, a lock another program holds or a failing
    drive each say so, and that the register is not damaged (``drive_refusal``); only
    the rest (SQLITE_CORRUPT, not a database...) is ``damaged`` (default: RegisterDamaged,
    "a page cannot be read"), as ``tipdesk check`` would find it."""
    return (
        drive_refusal(exc, folder)
        or damaged
        or RegisterDamaged(path=str(folder), reason="a page cannot be read")
    )


def drive_refusal(exc: BaseException, folder: Path | str) -> TipdeskError | None:
    """The refusal for a database error the drive, the folder or another program is to
    blame for, not the file; None for any other (a damaged file, a fault of the code)."""
    folder = Path(folder)
    code = sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return RegisterBusy()
    if code == SQLITE_FULL:
        return DiskFull(path=str(folder))
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR):
        # SQLite says "unable to open" or "disk I/O error" where it cannot make its
        # -shm or -wal file beside the database: a read-only or a full drive. A folder
        # that is gone went with its drive (a stick pulled out).
        if code != SQLITE_READONLY and not folder.is_dir():
            return DriveError(path=str(folder))
        if code == SQLITE_READONLY or not writable(folder):
            return RegisterReadOnly(path=str(folder))
        if free_space(folder) < LOW_SPACE:
            return DiskFull(path=str(folder))
        return DriveError(path=str(folder))
    return None


def is_damage(exc: BaseException) -> bool:
    """Whether a database error says the file itself is damaged (or not a database)."""
    return sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def writable(folder: Path) -> bool:
    """Whether the register in ``folder`` can be written: not on a read-only drive (as
    the system reports it), and the folder and its database writable for this user.
    Never raises: a folder that cannot be looked at counts as not writable."""
    folder = Path(folder)
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
        database = folder / "register.db"
        return os.access(folder, os.W_OK) and (
            not database.exists() or os.access(database, os.W_OK)
        )
    except OSError:
        return False


def free_space(folder: Path) -> int:
    """Bytes free on the drive holding ``folder`` (a large number if it cannot be told)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62


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
    except OperationalError:  # another connection has it open
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
        except Exception as exc:  # never in place of what happened inside
            log.warning(
                "the register stays out of WAL mode until it is opened again: %s",
                type(exc).__name__,
            )


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
