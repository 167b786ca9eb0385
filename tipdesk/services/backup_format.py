"""The backup file (DESIGN.md section 2): a zip, stored not compressed, of exactly three
members — ``register.db`` (the database, encrypted with the register's own key),
``register.keys`` (the key slots) and ``manifest.json`` (format, office, time, the
migrations the database has, the SHA-256 and size of the two others) — read strictly, and
a user's key slot taken out of every backup in a register's ``backups/`` folder.

Apart from the use cases (``services/backup.py``) so that a re-key can reach the backups
without importing what restoring a register needs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tipdesk.domain.errors import BackupDamaged, BackupTooNew, NotABackup
from tipdesk.security.keyslots import USER_KINDS
from tipdesk.storage import migrate
from tipdesk.storage.backup import atomic_file

log = logging.getLogger(__name__)

FORMAT_PREFIX = "tipdesk-backup/"
FORMAT_VERSION = 1
FORMAT = f"{FORMAT_PREFIX}{FORMAT_VERSION}"
SUFFIX = ".tipbackup"
# (the names services.register gives them; it imports what imports this module)
MANIFEST, DATABASE, KEYS = "manifest.json", "register.db", "register.keys"
MEMBERS = (MANIFEST, KEYS, DATABASE)
MAX_MANIFEST = 1024 * 1024
MAX_KEYS = 4 * 1024 * 1024
CHUNK = 1024 * 1024
MIGRATION = re.compile(r"^m\d{3}_[a-z0-9_]{1,60}$")
ZIP_MAGIC = b"PK\x03\x04"


def backups_in(register_folder: Path) -> list[Path]:
    """The backup files in a register's ``backups/`` folder (daily ones and any other
    ``.tipbackup`` saved there), by name."""
    folder = Path(register_folder) / "backups"
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.endswith(SUFFIX) and not p.name.startswith(".") and p.is_file()
    )


def remove_user_slot(
    register_folder: Path, username: str, *, progress: Callable[[int, int], None] | None = None
) -> int:
    """Take ``username``'s key slot out of every backup in the register's ``backups/``
    (each file rewritten under a temporary name and renamed over the old one); the
    number of files changed. A file that is not a readable backup is left as it is.

    The ``.db`` copies made there before migrations hold only the database, encrypted
    under the key of their day, and no key slot: there is nothing in them to remove."""
    files = [(p, p.stat().st_size) for p in backups_in(register_folder)]
    total = sum(size for _, size in files) or 1
    done = changed = 0
    for path, size in files:
        try:
            if _drop_slot(path, username):
                changed += 1
        except (NotABackup, BackupDamaged, BackupTooNew):
            log.warning(
                "a backup in the register's backups folder cannot be read; the "
                "removed user's key slot stays in it"
            )
        done += size
        if progress is not None:
            progress(min(done, total), total)
    return changed


def _drop_slot(path: Path, username: str) -> bool:
    with open_zip(path) as zf:
        check_manifest(zf)
        data = keys_json(zf.read(KEYS))
    if not without_user(data, username):
        return False
    with atomic_file(path) as handle, open_zip(path) as zf:
        manifest = check_manifest(zf)
        data = keys_json(zf.read(KEYS))
        without_user(data, username)
        keys = json.dumps(data, indent=2).encode("utf-8")
        manifest["members"][KEYS] = {"sha256": hashlib.sha256(keys).hexdigest(), "size": len(keys)}
        infos = {info.filename: info for info in zf.infolist()}
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED, allowZip64=True) as out:
            out.writestr(
                zipfile.ZipInfo(MANIFEST, infos[MANIFEST].date_time),
                json.dumps(manifest, indent=2).encode("utf-8"),
            )
            out.writestr(zipfile.ZipInfo(KEYS, infos[KEYS].date_time), keys)
            try:
                with (
                    zf.open(DATABASE) as source,
                    out.open(
                        zipfile.ZipInfo(DATABASE, infos[DATABASE].date_time), "w", force_zip64=True
                    ) as target,
                ):
                    shutil.copyfileobj(source, target, CHUNK)
            except (zipfile.BadZipFile, EOFError, zlib.error):
                raise BackupDamaged(reason="member_hash") from None
    return True


def keys_json(raw: bytes) -> dict:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BackupDamaged(reason="members") from None
    if not isinstance(data, dict) or not isinstance(data.get("slots"), list):
        raise BackupDamaged(reason="members")
    return data


def without_user(data: dict, username: str) -> bool:
    """Drop ``username``'s slot (and sign-in failures) from a parsed key file, also from
    a re-key it was caught in; whether there was one."""

    def keep(slots: list) -> list:
        return [
            s
            for s in slots
            if not (
                isinstance(s, dict) and s.get("kind") in USER_KINDS and s.get("name") == username
            )
        ]

    found = len(keep(data["slots"])) != len(data["slots"])
    data["slots"] = keep(data["slots"])
    if isinstance(data.get("failures"), dict):
        data["failures"].pop(username, None)
    rekey = data.get("rekey")
    if isinstance(rekey, dict):
        for name in ("next", "before"):
            if isinstance(rekey.get(name), list):
                found = found or len(keep(rekey[name])) != len(rekey[name])
                rekey[name] = keep(rekey[name])
    return found


# --- reading backups -------------------------------------------------------------------


def read_manifest(file: Path) -> dict[str, Any]:
    """The checked manifest of a backup file (its members are checked when restored)."""
    with open_zip(Path(file)) as zf:
        return check_manifest(zf)


def open_zip(file: Path) -> zipfile.ZipFile:
    if not file.is_file():
        raise NotABackup(reason="no such file")
    with open(file, "rb") as handle:
        head = handle.read(len(ZIP_MAGIC))
    if head != ZIP_MAGIC:
        raise NotABackup(reason="not a zip file")
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, EOFError, OSError):
        # It starts like one but its directory at the end is missing: cut short.
        raise BackupDamaged(reason="truncated") from None


def check_manifest(zf: zipfile.ZipFile) -> dict[str, Any]:
    names = zf.namelist()
    if MANIFEST not in names:
        raise NotABackup(reason="no manifest")
    if sorted(names) != sorted(MEMBERS):
        raise BackupDamaged(reason="members")
    if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST or zf.getinfo(KEYS).file_size > MAX_KEYS:
        raise BackupDamaged(reason="members")
    try:
        manifest = json.loads(zf.read(MANIFEST))
    except (zipfile.BadZipFile, EOFError, zlib.error, ValueError, UnicodeDecodeError):
        raise BackupDamaged(reason="manifest") from None
    tag = manifest.get("format") if isinstance(manifest, dict) else None
    if not isinstance(tag, str) or not tag.startswith(FORMAT_PREFIX):
        raise NotABackup(reason="format")
    version = tag[len(FORMAT_PREFIX) :]
    if not version.isdigit() or len(version) > 6:
        raise NotABackup(reason="format")
    if int(version) > FORMAT_VERSION:
        raise BackupTooNew(version=tag)
    if int(version) < FORMAT_VERSION:
        raise NotABackup(reason="format")
    try:
        members = manifest["members"]
        for name in (DATABASE, KEYS):
            entry = members[name]
            if not (isinstance(entry["sha256"], str) and isinstance(entry["size"], int)):
                raise TypeError(name)
        migrations = manifest["migrations"]
        if not all(isinstance(m, str) and MIGRATION.match(m) for m in migrations):
            raise TypeError("migrations")
        for name in ("office_id", "office_code", "created_at"):
            if not isinstance(manifest[name], str):
                raise TypeError(name)
    except (KeyError, TypeError):
        raise BackupDamaged(reason="manifest") from None
    known = set(migrate.known())
    newer = [m for m in migrations if m not in known]
    if newer:
        raise BackupTooNew(version=newer[0])
    return manifest


def extract(zf: zipfile.ZipFile, name: str, expected: dict, target: Path) -> None:
    """Copy one member out, checking its CRC (zipfile) and its SHA-256 and size."""
    digest, size = hashlib.sha256(), 0
    try:
        with zf.open(name) as source, open(target, "xb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
    except (zipfile.BadZipFile, EOFError, zlib.error):
        raise BackupDamaged(reason="member_hash") from None
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise BackupDamaged(reason="member_hash")


# --- restoring -------------------------------------------------------------------------

# How far a restore moves the change numbers on: more changes than an office makes
# between two backups, many times over, and far inside SQLite's 64-bit integers.
