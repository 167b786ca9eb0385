"""The analysts' de-identified copy of the register (DESIGN.md section 4; issue 19).

An analyst's key slot wraps the copy's key, never the register's: with their password
and the register folder they open ``analysis.db``, which holds no personal field and no
free text (``storage/analysis.py``). Statistics, reports and de-identified lists run on
it with the register's own SQL, so an analyst's figures are an admin's.

Whoever holds the register key keeps the copy current: after each write transaction
(``Session.write`` calls :func:`keep_current`; an import or a bulk load is one), and at
sign-in. A copy
that is missing, does not open with the key the register holds for it, or was built
from another state of the register (one put back from a backup) is made again in
place. Keeping it current never fails the save it follows: a drive that refuses, or an
analyst's long report holding the copy, leaves the notes for the next time (logged,
without personal data).

What analysts do (sign in, lock and unlock, change their password) is written to the
copy's own trail and moved into the register's at the next sign-in of a key holder.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tipdesk.domain.clock import HybridClock
from tipdesk.domain.errors import AnalysisCopyNotReady, RegisterDamaged, TipdeskError
from tipdesk.domain.records import Office
from tipdesk.security.keyslots import KeyFile
from tipdesk.services.session import Session
from tipdesk.storage import analysis as store
from tipdesk.storage import audit as audit_store
from tipdesk.storage import local, rows
from tipdesk.storage.analysis import ANALYSIS_FILE
from tipdesk.storage.connection import Database, DatabaseError, open_database

log = logging.getLogger(__name__)

ROLE = "analyst"
SLOT_KIND = "analyst"  # an analyst's key slot (security/keyslots.py)
# What an analyst's session may write to the copy's trail, moved into the register's.
ANALYST_ACTIONS = ("sign_in", "locked", "unlocked", "password_changed")
# Analysts whose key slot of an earlier version wrapped the register key (until a re-key).
EXPOSED_SETTING = "analysts_held_register_key"
# How long a refresh waits for an analyst's write to the copy before leaving it for later.
BUSY_MS = 1000
TAKEN_SETTING = "analysis_audit_taken"
_LOCK = threading.RLock()  # one refresh at a time (the app's jobs run on threads)


def path_of(folder: Path) -> Path:
    return Path(folder) / ANALYSIS_FILE


def key_of(db) -> bytes:
    """The copy's key, kept in the register (made on first use)."""
    value = local.get_setting(db, store.KEY_SETTING)
    if isinstance(value, str) and len(value) == 64:
        with contextlib.suppress(ValueError):
            return bytes.fromhex(value)
    key = store.new_key()
    with db.atomic():
        local.set_setting(db, store.KEY_SETTING, key.hex())
    return key


def set_key(db, key: bytes) -> None:
    """A new key for the copy (a re-key): the copy under the old one is made again."""
    local.set_setting(db, store.KEY_SETTING, key.hex())


def slot_key(session: Session, role: str) -> tuple[str, bytes]:
    """(kind, key) of the key slot a user of ``role`` gets: an analyst the copy's key."""
    if role == ROLE:
        return SLOT_KIND, session.key if session.analysis else key_of(session.db)
    return "user", session.key


def keep_current(session: Session) -> bool:
    """Bring the copy up to the register (a key holder's session); False if it had to
    wait (an analyst's long read, a full drive): the notes stay for the next time."""
    if session.analysis or session.db.conn.in_transaction:
        return True  # (inside a caller's transaction: after it)
    with _LOCK:
        try:
            return _refresh(session)
        except (DatabaseError, OSError, TipdeskError) as exc:
            # (a full or read-only drive, the copy held by another program: the save it
            # follows stands, and the notes wait for the next refresh)
            release(session)
            log.warning("the analysis copy is left for later: %s", type(exc).__name__)
            return False


def release(session: Session) -> None:
    """Close the session's connection of the copy: before a bulk write, which takes the
    register for itself, and before a re-key."""
    link, session.copy_db = session.copy_db, None
    if link is not None:
        with contextlib.suppress(Exception):
            link.close()


@dataclass
class _Link:
    """A session's connection of the copy, the register attached, and what it knows."""

    db: Database
    applied: int = -1  # the copy's last note (-1: not yet read or checked)
    dropped: int = 0  # notes up to this one are out of the register
    selects: dict[str, store.CopyStatements] = field(default_factory=dict)

    def drop_notes(self) -> None:
        """Out of the register: the notes the copy holds (committed there before)."""
        with store.transaction(self.db):
            store.drop_applied(self.db, self.applied)
        self.dropped = self.applied

    def close(self) -> None:
        try:
            if self.applied > self.dropped:
                with contextlib.suppress(DatabaseError):
                    self.drop_notes()
        finally:
            self.db.close()


def _link(session: Session) -> _Link:
    """The session's connection of the copy (opened once; a copy that is missing, empty
    or under another key is made anew)."""
    if session.copy_db is not None:
        return session.copy_db
    path, key = path_of(session.folder), key_of(session.db)
    copy = None
    if path.exists():
        try:
            copy = open_database(path, key)
        except RegisterDamaged:
            _remove(path)
    if copy is None:
        copy = open_database(path, key, create=True)
    try:
        store.attach_register(copy, session.database_path, session.key, busy_ms=BUSY_MS)
    except BaseException:
        copy.close()
        raise
    session.copy_db = _Link(copy)
    return session.copy_db


# More notes than this many times the copy's cases (about a third of its rows): the copy
# is made anew instead of record by record.
REBUILD_SHARE = 2
# The register's notes the copy holds are dropped once this many have gathered (or when
# the session ends): most saves then commit the copy alone.
DROP_BATCH = 500


def _refresh(session: Session) -> bool:
    link = _link(session)
    copy = link.db
    if link.applied < 0:  # first use: is the copy this register's, and as new?
        generation = local.get_setting(session.db, store.GENERATION_SETTING) or ""
        if not generation or not store.is_current(copy, generation):
            _build(session, link, generation)
            return True
        link.applied = link.dropped = store.applied(copy)
        # Analysts' trail rows move at a session's first refresh (its sign-in), not at
        # every save.
        _move_audit(session, copy, built=True)
    with store.transaction(copy):  # (one snapshot of the register, one commit)
        upto = store.newest_note(copy)
        noted = upto - link.applied
        rebuild = noted > DROP_BATCH and noted > REBUILD_SHARE * store.live_cases(copy)
        if noted > 0 and not rebuild:
            store.copy_rows(copy, upto, after=link.applied, selects=link.selects)
            store.set_meta(copy, applied=upto)
    if rebuild:
        # (a large import: writing the copy anew, indexes built once, is quicker)
        _build(session, link, local.get_setting(session.db, store.GENERATION_SETTING) or "")
        return True
    if noted <= 0:
        return True
    link.applied = upto
    if upto - link.dropped >= DROP_BATCH:
        link.drop_notes()
    return True


def _remove(path: Path) -> None:
    """A copy under a key the register no longer holds (or damaged): gone, with SQLite's
    files beside it, before it is made again."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        if (path.parent / name).exists():
            with contextlib.suppress(FileNotFoundError):
                (path.parent / name).unlink()


def discard(folder: Path) -> None:
    """Delete the copy (its key changed): the next refresh makes it again. A copy an
    analyst holds open (Windows) stays until then, as the register's key no longer opens
    it."""
    try:
        _remove(path_of(folder))
    except OSError as exc:
        log.warning("the old analysis copy stays until it is made again: %s", type(exc).__name__)


def _build(session: Session, link: _Link, generation: str) -> None:
    """Make the copy again, in one transaction of the copy (a crash leaves it as it was,
    or empty: made again next time)."""
    copy = link.db
    if generation:
        _move_audit(session, copy)
    new_generation = generation or secrets.token_hex(16)
    link.selects.clear()  # (the register's columns may have changed)
    with store.rollback_journal(copy), store.transaction(copy), store.bulk_cache(copy):
        store.clear(copy)
        store.create_schema(copy)
        upto = store.newest_note(copy)
        store.copy_rows(copy, None, selects=link.selects)
        store.create_indexes(copy)
        store.copy_settings(copy)
        store.set_meta(copy, format=store.FORMAT, generation=new_generation, applied=upto)
    if new_generation != generation:
        with session.db.atomic():
            local.set_setting(session.db, store.GENERATION_SETTING, new_generation)
    link.applied = upto
    if upto:
        link.drop_notes()
    log.info("the analysis copy was made again")


def _move_audit(session: Session, copy, *, built: bool = False) -> None:
    """Analysts' rows of the copy's trail, into the register's (in its own transaction,
    then out of the copy: a crash between repeats none, as the register keeps the copy's
    last row it took)."""
    if not built and not store.has_meta(copy):
        return
    pending = store.pending_audit(copy)
    if not pending:
        return
    db = session.db
    generation = local.get_setting(db, store.GENERATION_SETTING) or ""
    taken = local.get_setting(db, TAKEN_SETTING) or {}
    last = taken.get("seq", 0) if taken.get("generation") == generation else 0
    analysts = {u.username for u in local.list_users(db) if u.role == ROLE}
    with db.atomic():
        for row in pending:
            if row["seq"] <= last:
                continue
            if row["username"] not in analysts or row["action"] not in ANALYST_ACTIONS:
                continue  # (the copy's key holders could write anything there)
            try:
                detail = json.loads(row["detail"]) if row["detail"] else {}
            except ValueError:
                detail = {}
            detail = detail if isinstance(detail, dict) else {}
            audit_store.append(
                db,
                at=row["at"],
                username=row["username"],
                action=row["action"],
                entity=row["entity"],
                record_id=row["record_id"],
                detail={**detail, "in": "analysis_copy"},
            )
        local.set_setting(db, TAKEN_SETTING, {"generation": generation, "seq": pending[-1]["seq"]})
    with store.transaction(copy):
        store.drop_audit(copy, pending[-1]["seq"])


def collect_audit(session: Session) -> None:
    """Move analysts' trail rows into the register's now (before the copy's key changes)."""
    if session.analysis or not path_of(session.folder).exists():
        return
    with _LOCK, contextlib.suppress(DatabaseError, RegisterDamaged):
        _move_audit(session, _link(session).db)


def problems(session: Session) -> list[str]:
    """What `tipdesk check` says of the analysts' protection: analysts who held the
    register key (until a re-key), analysts' slots that still open the register, and a
    copy that holds anything in a column it must keep blank. Usernames only."""
    if session.analysis:
        return []
    lines = [
        f"analyst {name} has held the register key (with an earlier TipDesk, or in "
        "another role): re-key the register (tipdesk users rekey)"
        for name in local.get_setting(session.db, EXPOSED_SETTING) or []
    ]
    keys = KeyFile.load(Path(session.folder) / "register.keys")
    lines += [
        f"analyst {u.username}'s key slot opens the register: they sign in once, or "
        "reset their password"
        for u in local.list_users(session.db)
        if u.role == ROLE and u.active and keys.user_kind(u.username) == "user"
    ]
    path, key = path_of(session.folder), local.get_setting(session.db, store.KEY_SETTING)
    if path.exists() and isinstance(key, str):
        try:
            copy = open_database(path, bytes.fromhex(key))
        except (RegisterDamaged, ValueError):
            return lines  # (under an old key: made again at the next refresh)
        try:
            if store.has_meta(copy):
                lines += [
                    f"the analysis copy holds {column}, which it must leave blank"
                    for column in store.holds_personal_columns(copy)
                ]
        finally:
            copy.close()
    return lines


# --- an analyst's session ---------------------------------------------------------------


def open_copy(folder: Path, candidates: list[bytes]):
    """The copy opened with the first of an analyst slot's keys that fits, and that key."""
    path = path_of(folder)
    if not path.exists() or path.stat().st_size == 0:
        raise AnalysisCopyNotReady()
    for key in candidates:
        try:
            db = open_database(path, key)
        except RegisterDamaged:
            continue
        if not store.has_meta(db):
            db.close()
            raise AnalysisCopyNotReady()
        return db, key
    raise AnalysisCopyNotReady()


def analyst_session(folder: Path, db, key: bytes, username: str) -> Session:
    """The session of an analyst on the copy: the office and the user as it holds them."""
    user = local.get_user(db, username)
    office_id = local.get_setting(db, "office_id")
    office = rows.get(db, Office, office_id) if office_id else None
    if user is None or office is None:
        db.close()
        raise AnalysisCopyNotReady()
    return Session(
        folder=folder,
        db=db,
        key=key,
        office=office,
        user=user,
        clock=HybridClock(office.id),
        analysis=True,
    )
