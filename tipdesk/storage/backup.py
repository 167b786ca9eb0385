"""Encrypted copies of the database (before migrations; the backup issue builds on this)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from tipdesk.storage.files import atomic_file  # noqa: F401  (backups use it from here)


def copy_database(db: Database, key: bytes, target: Path) -> Path:
    """Copy the open database to ``target``, encrypted with the same key.

    Uses SQLite's online backup into a temporary name beside ``target``, then renames,
    so a half-written copy never carries the final name.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
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


def export_rekeyed(db: Database, new_key: bytes, target: Path) -> Path:
    """Write the whole open database to ``target`` encrypted under ``new_key``
    (``sqlcipher_export``: SQLCipher 4 cannot re-key a database in WAL mode in place)."""
    target = Path(target)
    db.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"", [str(target)])
    try:
        db.execute("SELECT sqlcipher_export('rekeyed')").fetchone()
        version = db.execute("PRAGMA main.user_version").fetchone()[0]
        db.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
    finally:
        db.execute("DETACH DATABASE rekeyed")
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    return target
