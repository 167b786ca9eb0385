"""Encrypted copies of the database (before migrations; the backup issue builds on this)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from tipdesk.domain.errors import RegisterBusy
from tipdesk.storage.files import atomic_file, temp_path  # noqa: F401  (backups use it from here)


def copy_database(db: Database, key: bytes, target: Path) -> Path:
    """Copy the open database to ``target``, encrypted with the same key.

    Uses SQLite's online backup into a temporary name beside ``target``, then renames,
    so a half-written copy never carries the final name.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(target)
    dest = sqlcipher3.connect(str(tmp))
    try:
        dest.execute("PRAGMA cipher_log_level = NONE")
        dest.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        db.conn.backup(dest)
        dest.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        dest.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return target


def backup_name(reason: str, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now(dt.UTC)
    return f"register-{when:%Y%m%dT%H%M%SZ}-{reason}.db"


# --- re-keying (tipdesk.services.access.rekey) -------------------------------------------------

SALT_BYTES = 16  # SQLCipher 4 starts each file with its own random salt


def hold_exclusive(db: Database) -> None:
    """Make ``db`` the only connection to its file until it is closed: out of WAL mode
    (which SQLite allows only when no other connection has the file open) and into
    exclusive locking, holding the exclusive lock. Nobody else reads or writes the file
    meanwhile, so nothing written elsewhere can be lost when a re-keyed copy replaces it.
    Raises ``RegisterBusy`` if another connection has it open. The caller closes ``db``
    (a connection opened again is in WAL mode and normal locking)."""
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0")
    try:
        mode = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode != "delete":
            raise RegisterBusy()
        db.execute("PRAGMA locking_mode = EXCLUSIVE").fetchone()
        db.execute("BEGIN EXCLUSIVE")
        db.execute("COMMIT")
    except sqlcipher3.OperationalError:
        raise RegisterBusy() from None
    finally:
        with contextlib.suppress(sqlcipher3.Error):
            db.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def export_rekeyed(
    db: Database,
    new_key: bytes,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the whole open database to ``target`` (a new file) encrypted under
    ``new_key`` (``sqlcipher_export``: SQLCipher 4 cannot re-key a database in WAL mode in
    place), then flush it to the disk. ``progress(done, total)`` is told the bytes
    written so far against the size of the database.

    The copy is written without a journal: until it takes the register's name it is a
    throwaway, and an interrupted export is deleted, never repaired."""
    target = Path(target)
    total = _database_bytes(db)
    db.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"", [str(target)])
    try:
        db.execute("PRAGMA rekeyed.journal_mode = OFF").fetchone()
        db.execute("PRAGMA rekeyed.synchronous = OFF")
        if progress is not None:

            def tell() -> int:
                with contextlib.suppress(OSError):
                    progress(min(os.path.getsize(target), total), total)
                return 0  # (non-zero would stop the export)

            db.conn.set_progress_handler(tell, 20_000)
        try:
            db.execute("SELECT sqlcipher_export('rekeyed')").fetchone()
        finally:
            if progress is not None:
                db.conn.set_progress_handler(None, 0)
        version = db.execute("PRAGMA main.user_version").fetchone()[0]
        db.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
    finally:
        db.execute("DETACH DATABASE rekeyed")
    _fsync_file(target)
    if progress is not None:
        progress(total, total)
    return target


def _database_bytes(db: Database) -> int:
    pages = db.execute("PRAGMA main.page_count").fetchone()[0]
    size = db.execute("PRAGMA main.page_size").fetchone()[0]
    return max(1, int(pages) * int(size))


def open_copy(path: Path, key: bytes) -> Database:
    """Open a re-keyed copy to change it before it replaces the register (no journal
    file and no syncing: :func:`close_copy` flushes it once)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = MEMORY").fetchone()
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return Database(conn)


def close_copy(db: Database, path: Path) -> None:
    """Close a copy :func:`open_copy` opened and flush it to the disk."""
    db.close()
    _fsync_file(Path(path))


def database_salt(path: Path) -> bytes:
    """The first bytes of a database file: SQLCipher's salt, different in every file, so
    they tell which of two copies of the register a path holds now (b"" if missing)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(SALT_BYTES)
    except FileNotFoundError:
        return b""


def replace_file(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` in one step, and sync the folder so the rename
    survives a power cut."""
    os.replace(source, target)
    if os.name == "posix":
        fd = os.open(Path(target).parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
