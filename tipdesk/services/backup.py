"""Backups of a register and restoring one (DESIGN.md section 2).

A backup is one file, a zip (stored, not compressed: the database is encrypted and does
not compress) with exactly three members:

- ``register.db``: a consistent copy of the database taken with SQLite's online backup
  while the register stays in use, still encrypted with the register's own key, so the
  file never holds plaintext;
- ``register.keys``: the key slots, in which that key is wrapped by each user's
  password and by the recovery code;
- ``manifest.json``: the format tag, the office, when it was made, the migrations the
  database has, and the SHA-256 and size of the two other members.

A backup is therefore useless without a user's password or the recovery code: it is the
encrypted database with its wrapped key slots, nothing more. It also means a backup
opens with the passwords that were valid when it was made, except a removed user's:
removing a user takes their slot out of the backups in the register's own ``backups/``
(``remove_user_slot``).

Restoring builds the register under a temporary folder name beside the target, opens it
with the user's password (or sets a new one with the recovery code), runs the integrity
check, records the restore in the restored register's audit trail, and only then renames
it into place; any refusal leaves nothing at the target.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tipdesk import __version__
from tipdesk.domain.errors import (
    BackupDamaged,
    BadArgument,
    OutputExists,
    RegisterExists,
    UserRequired,
)
from tipdesk.security.keyslots import KdfParams, KeyFile
from tipdesk.services.access import audit, permissions, users
from tipdesk.services.backup_format import (
    CHUNK,
    DATABASE,
    FORMAT,
    KEYS,
    MANIFEST,
    SUFFIX,
    backups_in,  # noqa: F401  (the app and the command line read backups through here)
    check_manifest,
    extract,
    open_zip,
    read_manifest,  # noqa: F401
    remove_user_slot,  # noqa: F401
)
from tipdesk.services.check import check_register
from tipdesk.services.register import (
    DB_FILE,
    KEYS_FILE,
    SUBFOLDERS,
    open_register,
)
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import migrate
from tipdesk.storage import sync as sync_store
from tipdesk.storage.backup import atomic_file, copy_database
from tipdesk.storage.connection import immediate, open_database
from tipdesk.storage.files import clean_folder, temp_path

log = logging.getLogger(__name__)

DAILY_KEEP = 14
_DAILY = re.compile(r"^register-(\d{8}T\d{6}Z)-daily" + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int  # bytes of the backup file
    sha256: str  # of the backup file
    created_at: str  # ISO UTC
    cases: int


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    office_id: str
    office_code: str
    created_at: str  # when the backup was made
    cases: int
    username: str


# --- making backups --------------------------------------------------------------------


def backup_file_name(office_code: str, when: dt.datetime) -> str:
    """``KUP-20261128-101500.tipbackup`` (local time): the office and the moment only."""
    return f"{office_code}-{when.astimezone():%Y%m%d-%H%M%S}{SUFFIX}"


def make_backup(session: Session, out: Path, *, now: dt.datetime | None = None) -> BackupResult:
    """Write a backup of the open register to ``out`` (a new file, or a folder in which a
    name with the office code and the date is chosen). Works while the register is in
    use, by this program or another. Refuses an existing file."""
    permissions.require(session, "backup")
    when = _aware(now)
    out = Path(out)
    if out.is_dir():
        out = out / backup_file_name(session.office.code, when)
    if out.exists():
        raise OutputExists(path=str(out))
    if not out.parent.is_dir():
        raise BadArgument(argument=str(out.parent), reason="the folder does not exist")
    return _write_backup(session, out, when, kind="manual")


def daily_backup(
    session: Session, *, keep: int = DAILY_KEEP, now: dt.datetime | None = None
) -> Path | None:
    """The day's automatic backup in the register's ``backups/`` folder:
    ``register-<UTC stamp>-daily.tipbackup``, unless one was made already that (local)
    day. Keeps the newest ``keep`` daily backups and deletes older ones (never the
    ``.db`` copies made before migrations). Returns the new file, or None.

    No permission is needed: the copy stays inside the register's own folder, encrypted
    like the register, and is made for whoever signs in first that day."""
    if keep < 1:
        raise BadArgument(argument="keep", reason="must be 1 or more")
    when = _aware(now)
    folder = session.folder / "backups"
    folder.mkdir(exist_ok=True)
    existing = daily_backups(session.folder)
    today = when.astimezone().date()
    made = None
    if not any(stamp.astimezone().date() == today for stamp, _ in existing):
        made = folder / f"register-{when.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}-daily{SUFFIX}"
        _write_backup(session, made, when, kind="daily")
        existing = daily_backups(session.folder)
    for _stamp, path in existing[:-keep]:
        path.unlink(missing_ok=True)
    return made


def daily_backups(register_folder: Path) -> list[tuple[dt.datetime, Path]]:
    """The daily backups in a register's ``backups/`` folder, oldest first."""
    folder = Path(register_folder) / "backups"
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _DAILY.match(path.name)
            if match and path.is_file():
                stamp = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ")
                found.append((stamp.replace(tzinfo=dt.UTC), path))
    return sorted(found)


def _aware(now: dt.datetime | None) -> dt.datetime:
    when = now or dt.datetime.now(dt.UTC)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _write_backup(session: Session, out: Path, when: dt.datetime, *, kind: str) -> BackupResult:
    work = session.folder / "backups"
    work.mkdir(exist_ok=True)
    # The database copy is made on the register's own disk (encrypted, like the register)
    # and streamed into the zip; it is removed whatever happens.
    copy = temp_path(work / "backup.db")
    created_at = _iso(when)
    # A connection of its own: a backup runs off the UI thread, and the session's
    # connection must not carry two threads' transactions at once.
    own = open_database(session.folder / DB_FILE, session.key)
    try:
        copy_database(own, session.key, copy)
        keys = (session.folder / KEYS_FILE).read_bytes()
        db_sha, db_size = _file_digest(copy)
        cases = case_store.count_cases(own)
        manifest = {
            "format": FORMAT,
            "office_id": session.office.id,
            "office_code": session.office.code,
            "office_level": session.office.level,
            "created_at": created_at,
            "created_by": session.user.username,
            "kind": kind,
            "tipdesk_version": __version__,
            "migrations": migrate.applied(own),
            "cases": cases,
            "members": {
                DATABASE: {"sha256": db_sha, "size": db_size},
                KEYS: {"sha256": hashlib.sha256(keys).hexdigest(), "size": len(keys)},
            },
        }
        stamp = when.astimezone(dt.UTC).timetuple()[:6]
        digest = hashlib.sha256()
        with atomic_file(out) as handle:
            hashing = _HashingWriter(handle, digest)
            with zipfile.ZipFile(hashing, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
                zf.writestr(
                    zipfile.ZipInfo(MANIFEST, stamp), json.dumps(manifest, indent=2).encode("utf-8")
                )
                zf.writestr(zipfile.ZipInfo(KEYS, stamp), keys)
                with (
                    open(copy, "rb") as source,
                    zf.open(zipfile.ZipInfo(DATABASE, stamp), "w", force_zip64=True) as dst,
                ):
                    shutil.copyfileobj(source, dst, CHUNK)
            size = hashing.tell()
            # Recorded before the file takes its name: a backup that exists always has
            # its audit row (a rename that then fails leaves a row and no file).
            with immediate(own):
                audit.record_raw(
                    own,
                    "backup",
                    username=session.user.username,
                    detail={
                        "kind": kind,
                        "size": size,
                        "sha256": digest.hexdigest(),
                        "cases": cases,
                    },
                )
    finally:
        copy.unlink(missing_ok=True)
        own.close()
    return BackupResult(
        path=out, size=size, sha256=digest.hexdigest(), created_at=created_at, cases=cases
    )


class _HashingWriter:
    """A write-only file object that hashes what passes through (zipfile writes
    sequentially to an unseekable stream, using data descriptors)."""

    def __init__(self, handle, digest) -> None:
        self._handle, self._digest, self._pos = handle, digest, 0

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        self._pos += len(data)
        return self._handle.write(data)

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        self._handle.flush()

    def close(self) -> None:
        """Nothing to do: whoever opened the handle closes it (zipfile leaves a file
        object it was given open)."""


def _file_digest(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


# --- a removed user's slot out of the register's own backups (issue 19) -----------------

RESTORE_SEQ_JUMP = sync_store.RESTORE_SEQ_JUMP


def restore_backup(
    file: Path,
    to: Path,
    username: str | None,
    password: str,
    *,
    recovery_code: str | None = None,
    kdf: KdfParams | None = None,
) -> RestoreResult:
    """Restore the backup ``file`` as a new register at ``to`` (a folder that does not
    exist or is empty), signed in as ``username`` (None: the backup's only user) with
    ``password``, who must be an admin of the restored register.

    With ``recovery_code`` (the code printed when the register was created),
    ``password`` becomes that admin's new password in the restored register (as
    ``users.recover`` does), for when no password valid at the time of the backup is
    known; ``kdf`` is its cost (default: the standard)."""
    file, to = Path(file), Path(to)
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise RegisterExists(path=str(to))
    with open_zip(file) as zf:
        manifest = check_manifest(zf)
        to.parent.mkdir(parents=True, exist_ok=True)
        # What a killed restore (or creation) left beside the target goes first.
        clean_folder(to.parent, "the folder a register is restored into")
        building = temp_path(to)
        building.mkdir()
        try:
            for sub in SUBFOLDERS:
                (building / sub).mkdir()
            extract(zf, KEYS, manifest["members"][KEYS], building / KEYS)
            extract(zf, DATABASE, manifest["members"][DATABASE], building / DATABASE)
            zf.close()
            if recovery_code is not None:
                session = users.recover(
                    building, recovery_code, username or _only_user(building), password, kdf=kdf
                )
            else:
                session = open_register(building, username, password)
            result = _check_and_record(
                session, to, manifest, by_recovery_code=recovery_code is not None
            )
            if to.exists():
                to.rmdir()
            building.replace(to)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
    return result


def _check_and_record(
    session: Session, to: Path, manifest: dict, *, by_recovery_code: bool
) -> RestoreResult:
    try:
        permissions.require(session, "restore")
        if session.office.id != manifest["office_id"]:
            raise BackupDamaged(reason="office")
        # Whether the file is whole; records holding bad values (check names them) are
        # restored as they were backed up, and every read still shows the rest.
        if not check_register(session, records=False).whole:
            raise BackupDamaged(reason="check")
        cases = case_store.count_cases(session.db)
        with session.write(immediate=True) as db:
            # Changes made after the backup may have reached other offices under change
            # numbers this copy will hand out again; those offices would skip the new
            # changes as already received. New numbers start far above any used before.
            jumped = sync_store.skip_change_numbers(db, RESTORE_SEQ_JUMP)
            audit.record(
                session,
                "restore",
                entity="offices",
                record_id=session.office.id,
                detail={
                    "backup_created_at": manifest["created_at"],
                    "backup_format": manifest["format"],
                    "cases": cases,
                    "by_recovery_code": by_recovery_code,
                    "next_change_number": jumped,
                },
            )
        return RestoreResult(
            folder=to,
            office_id=session.office.id,
            office_code=session.office.code,
            created_at=manifest["created_at"],
            cases=cases,
            username=session.user.username,
        )
    finally:
        session.close()


def _only_user(folder: Path) -> str:
    users_ = KeyFile.load(folder / KEYS_FILE).usernames()
    if len(users_) != 1:
        raise UserRequired(users=", ".join(users_))
    return users_[0]
