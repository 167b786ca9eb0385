"""Re-keying the database so that it survives any interruption (issue 19).

At every instant the register is either as it was (old database key, the removed user
still in the database and in ``register.keys``) or as it will be (new key, the user gone
from both). The steps:

1. Take the database for ourselves (``hold_exclusive``: refused while another program has
   it open), and write an intent to ``register.keys``: stage ``export``, naming the
   temporary copy about to be written.
2. Export the database under the new key to that temporary copy (``files.temp_path``),
   and in the copy mark the user removed and write the audit rows.
3. Write ``register.keys`` again (one atomic write): stage ``ready``, with the copy's
   first 16 bytes (SQLCipher's per-file salt), the key slots as they will be (the
   user's slot gone, the new key sealed to every other slot) and as they were; the
   current slots also get the new key sealed to them, so that a sign-in between the next
   two steps opens whichever file it finds.
4. Rename the copy over ``register.db``: the commit point.
5. Install the new slots (stage ``backups``), take the user's slot out of the backups in
   ``backups/``, and clear the intent.

Opening the register (``open_register``, ``recover``) calls :func:`settle` first: with a
``ready`` intent it compares ``register.db``'s first bytes with the salt to tell whether
the rename happened, and finishes (installs the slots) or rolls back (deletes the copy,
puts the slots back as they were); an ``export`` intent whose writer has gone is rolled
back; a ``backups`` one is finished. Each is said in the log, without names.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from tipdesk.domain.errors import RegisterBusy
from tipdesk.runtime.progress import Progress
from tipdesk.security.keyslots import (
    RECOVERY,
    USER_KINDS,
    KdfParams,
    KeyFile,
    make_slot,
    new_database_key,
    new_recovery_code,
)
from tipdesk.services import backup_format
from tipdesk.services.access import analysis, audit
from tipdesk.services.session import CLOCK_SETTING, Session
from tipdesk.storage import analysis as analysis_store
from tipdesk.storage import backup as store
from tipdesk.storage import files, local
from tipdesk.storage.connection import immediate, open_database
from tipdesk.storage.files import is_temp_name, temp_path

log = logging.getLogger(__name__)

DB_FILE = "register.db"  # (as services.register names them; it imports this module)
KEYS_FILE = "register.keys"
# How long an opener waits for a running re-key to rename its copy into place (it writes
# the ``ready`` stage just before) before it takes the writer for hung and rolls back.
READY_WAIT_S = 5.0

# The copy an interrupted re-key of TipDesk before issue 19 left (and SQLite's files of it).
_OLD_COPY = re.compile(r"^\.register\.db\.[0-9a-f]{12}\.rekey(?:-journal|-wal|-shm)?$")


@dataclass(frozen=True)
class Rekeyed:
    dropped: tuple[str, ...]  # slots that could not follow (no key pair)
    new_recovery_code: str
    backups: int  # backup files the removed user's slot was taken out of


def rekey(session: Session, removed: str = "", *, progress: Progress | None = None) -> Rekeyed:
    """Re-encrypt the session's database under a new key; with ``removed``, the same step
    marks that user removed and drops their key slot. The session goes on under the new
    key. Raises ``RegisterBusy`` if another program has the register open."""
    folder = session.folder
    keys_path = folder / KEYS_FILE
    settle(folder, ours_ended=True)  # (one of ours that failed half-way is over)
    keys = KeyFile.load(keys_path)
    if keys.rekey:  # another program's re-key is under way
        raise RegisterBusy()
    tell = progress or (lambda _done, _total: None)
    backups = _backup_files(folder) if removed else []
    backup_bytes = sum(_size(p) for p in backups)
    new_key = new_database_key()
    # The analysis copy gets a new key too (a removed analyst knew the old one); what
    # analysts wrote to its trail moves into the register's first.
    analysis.collect_audit(session)
    analysis.release(session)  # (its connection holds the register too)
    new_analysis_key = analysis_store.new_key()
    tmp = temp_path(folder / DB_FILE)
    intent: dict = {"stage": "export", "db": tmp.name, "pid": os.getpid()}
    old_key = session.key
    try:
        store.hold_exclusive(session.db)
        keys.rekey = intent
        keys.save()
        db_bytes = 0

        def exported(done: int, total: int) -> None:
            nonlocal db_bytes
            db_bytes = total
            tell(done, total + backup_bytes)

        store.export_rekeyed(session.db, new_key, tmp, progress=exported)
        _change_copy(session, tmp, new_key, removed, new_analysis_key)
        keys = KeyFile.load(keys_path)
        before = copy.deepcopy(keys.slots)
        following = KeyFile(keys_path, copy.deepcopy(keys.slots))
        if removed:
            following.remove_user_slot(removed)
        dropped = following.seal_pending(new_key, new_analysis_key)
        new_code = ""
        if RECOVERY in dropped:
            # A recovery slot from before key pairs cannot follow: a new code, shown once.
            new_code = new_recovery_code()
            following.slots.append(make_slot(RECOVERY, RECOVERY, new_code, new_key, KdfParams()))
        sealed = {(s["kind"], s["name"]): s.get("pending") for s in following.slots}
        for slot in keys.slots:  # the new key for the others now, in case of a crash
            pending = sealed.get((slot["kind"], slot["name"]))
            if pending and not (slot["kind"] in USER_KINDS and slot["name"] == removed):
                slot["pending"] = pending
        intent = {
            "stage": "ready",
            "db": tmp.name,
            "pid": os.getpid(),
            "salt": store.database_salt(tmp).hex(),
            "removed": removed,
            "next": following.slots,
            "before": before,
        }
        keys.rekey = intent
        keys.save()
        session.db.close()
        store.replace_file(tmp, folder / DB_FILE)  # the commit point
    except BaseException:
        committed = intent["stage"] == "ready" and _renamed(folder, intent)
        with contextlib.suppress(Exception):
            session.db.close()
        if committed:  # (interrupted just after the rename returned)
            with contextlib.suppress(Exception):
                _finish(folder, intent)
            session.db, session.key = open_database(folder / DB_FILE, new_key), new_key
        else:
            with contextlib.suppress(Exception):
                _roll_back(folder, intent)
            session.db, session.key = open_database(folder / DB_FILE, old_key), old_key
        raise
    session.db, session.key = open_database(folder / DB_FILE, new_key), new_key
    db_bytes = db_bytes or _size(folder / DB_FILE)
    changed = _finish(
        folder, intent, progress=lambda done, _total: tell(db_bytes + done, db_bytes + backup_bytes)
    )
    analysis.keep_current(session)  # the analysts' copy again, under its new key
    return Rekeyed(tuple(dropped), new_code, changed)


def _change_copy(
    session: Session, tmp: Path, key: bytes, removed: str, analysis_key: bytes
) -> None:
    """In the re-keyed copy: the user removed, the analysis copy's new key and the audit
    rows, in one transaction."""
    db = store.open_copy(tmp, key)
    try:
        with immediate(db):
            analysis.set_key(db, analysis_key)
            # (an analyst whose slot once held the old key can no longer use it)
            local.set_setting(db, analysis.EXPOSED_SETTING, [])
            if removed:
                local.update_user(db, removed, active=0, removed=1)
                audit.record_raw(
                    db,
                    "user_removed",
                    username=session.user.username,
                    entity="users",
                    record_id=removed,
                    detail={"rekey": True},
                )
            audit.record_raw(
                db, "rekeyed", username=session.user.username, entity="users", record_id=removed
            )
            local.set_setting(db, CLOCK_SETTING, session.clock.last)
    except BaseException:
        db.close()
        raise
    store.close_copy(db, tmp)


# --- the next open ---------------------------------------------------------------------


def settle(folder: Path, *, ours_ended: bool = False) -> str:
    """Finish or roll back a re-key an interrupted program left half-done in ``folder``:
    "finished", "rolled_back", or "" (none, or one another program is still running).
    ``ours_ended``: one this process wrote is over (it failed and could not clean up)."""
    folder = Path(folder)
    keys_path = folder / KEYS_FILE
    if not keys_path.is_file():
        return ""
    _remove_old_copies(folder)
    intent = KeyFile.load(keys_path).rekey
    if not intent:
        return ""
    stage, pid = intent.get("stage"), intent.get("pid")

    def running() -> bool:
        if not isinstance(pid, int) or isinstance(pid, bool):
            return False
        return not (ours_ended and pid == os.getpid()) and files.writer_alive(pid)

    alive = running()
    if stage == "ready":
        deadline = time.monotonic() + READY_WAIT_S
        while True:
            if _renamed(folder, intent):
                return _finished(folder, intent)
            if not alive or time.monotonic() > deadline:
                return _rolled_back(folder, intent)
            time.sleep(0.05)  # its writer renames the copy in a moment
            now = KeyFile.load(keys_path).rekey
            if now != intent:
                return settle(folder, ours_ended=ours_ended) if now else ""
            alive = running()
    if alive:  # exporting, or cleaning its backups: leave it be
        return ""
    if stage == "export":
        return _rolled_back(folder, intent)
    if stage == "backups":
        return _finished(folder, intent)
    return ""


def _remove_old_copies(folder: Path) -> None:
    """Delete the copies interrupted re-keys of earlier versions left (``.register.db.
    <hex>.rekey``: never renamed into place, they are of no use), older than this process."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _OLD_COPY.match(entry.name):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < files.PROCESS_STARTED:
                        os.unlink(entry.path)
                        removed += 1
    if removed:
        log.warning("removed %d file(s) an interrupted re-key of an earlier version left", removed)


def _finished(folder: Path, intent: dict) -> str:
    _finish(folder, intent)
    log.warning(
        "an interrupted re-key of the database was finished: the register has its "
        "new key and the removed user's key slot is gone"
    )
    return "finished"


def _rolled_back(folder: Path, intent: dict) -> str:
    outcome = _roll_back(folder, intent)
    if outcome == "rolled_back":
        log.warning(
            "an interrupted re-key of the database was rolled back: the register "
            "keeps its key and nobody was removed"
        )
    return outcome


def _renamed(folder: Path, intent: dict) -> bool:
    """Whether the re-keyed copy has become ``register.db``."""
    salt = intent.get("salt")
    return bool(salt) and store.database_salt(folder / DB_FILE).hex() == salt


def _copy_path(folder: Path, intent: dict) -> Path | None:
    name = intent.get("db")
    if (
        isinstance(name, str)
        and name.startswith(f".{DB_FILE}.")
        and is_temp_name(name)
        and "/" not in name
        and "\\" not in name
    ):
        return folder / name
    return None


def _roll_back(folder: Path, intent: dict) -> str:
    """The re-key did not happen: delete its copy and put the key slots back.
    "rolled_back"; "finished" if the copy turns out to be in place after all; "" if its
    writer still holds it (Windows)."""
    tmp = _copy_path(folder, intent)
    if tmp is not None:
        # Claimed by a rename first: a writer about to rename it into place no longer
        # can, and if it already has, this rename fails and the re-key is finished.
        claimed: Path | None
        claimed = temp_path(folder / DB_FILE)
        try:
            os.rename(tmp, claimed)
        except FileNotFoundError:
            claimed = None
            if _renamed(folder, intent):
                return _finished(folder, intent)
        except OSError:  # in use (Windows): its writer is still at work
            return ""
        if claimed is not None:
            claimed.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    keys = KeyFile.load(folder / KEYS_FILE)
    if _same(keys.rekey, intent):
        if "before" in keys.rekey:
            keys.slots = keys.rekey["before"]
        keys.rekey = None
        keys.save()
    return "rolled_back"


def _same(current: dict | None, intent: dict) -> TypeGuard[dict]:
    """Whether ``current`` (from the file) is the same re-key as ``intent`` (each writes
    its copy under a name of its own)."""
    return bool(current and current.get("db") == intent.get("db"))


def _finish(folder: Path, intent: dict, *, progress: Progress | None = None) -> int:
    """The copy is ``register.db``: install the new key slots, take the removed user's
    slot out of the backups, clear the intent. Returns the number of backups changed."""
    keys_path = folder / KEYS_FILE
    removed = intent.get("removed") or ""
    if intent.get("stage") == "ready":
        keys = KeyFile.load(keys_path)
        if not (_same(keys.rekey, intent) and keys.rekey.get("stage") == "ready"):
            return 0  # finished by another program meanwhile
        keys.slots = keys.rekey["next"]
        if removed:
            keys.failures.pop(removed, None)
        intent = {"stage": "backups", "removed": removed, "pid": os.getpid()}
        keys.rekey = intent if removed else None
        keys.save()
        # The analysis copy under the old key: made again under the new one at the next
        # sign-in (or at once, by the program that re-keyed).
        analysis.discard(folder)
    changed = remove_from_backups(folder, removed, progress=progress) if removed else 0
    keys = KeyFile.load(keys_path)
    if keys.rekey == intent:
        keys.rekey = None
        keys.save()
    return changed


# --- backups ---------------------------------------------------------------------------


def _backup_files(folder: Path) -> list[Path]:
    return backup_format.backups_in(folder)


def remove_from_backups(folder: Path, username: str, *, progress: Progress | None = None) -> int:
    """Take ``username``'s key slot out of every backup in the register's ``backups/``;
    the number of files changed."""
    return backup_format.remove_user_slot(folder, username, progress=progress)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
