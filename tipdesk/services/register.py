"""Creating and opening registers (DESIGN.md section 2)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from tipdesk.domain.clock import HybridClock, new_id
from tipdesk.domain.errors import (
    BadArgument,
    NotARegister,
    PasswordTooShort,
    PathIsAFile,
    RegisterDamaged,
    RegisterExists,
    RegisterReadOnly,
    TipdeskError,
    UnknownUser,
    UserDisabled,
    UserRequired,
    WrongPassword,
    os_refusal,
)
from tipdesk.domain.records import LetterSettings, Office, User
from tipdesk.domain.validation import ensure_valid, validate
from tipdesk.security.keyslots import KdfParams, KeyFile, new_database_key
from tipdesk.services.access import analysis, audit, rekey
from tipdesk.services.session import CLOCK_SETTING, Session, utc_now
from tipdesk.storage import local, rows
from tipdesk.storage import sync as sync_store
from tipdesk.storage.connection import (
    DatabaseError,
    checkpoint,
    drive_refusal,
    immediate,
    is_damage,
    open_database,
    refusal,
    writable,
)
from tipdesk.storage.files import clean_folder, temp_path
from tipdesk.storage.migrate import migrate

DB_FILE = "register.db"
KEYS_FILE = "register.keys"
SUBFOLDERS = ("backups", "outbox", "inbox")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class Created:
    folder: Path
    recovery_code: str
    office_id: str
    # A province's recovery age identity (AGE-SECRET-KEY-...), shown once; "" otherwise.
    recovery_age_key: str = ""


def is_register(folder: Path) -> bool:
    return (Path(folder) / KEYS_FILE).is_file()


def create_register(
    folder: Path,
    office: Office,
    admin: User,
    password: str,
    *,
    kdf: KdfParams | None = None,
    min_password: int = MIN_PASSWORD,
    letter_settings: LetterSettings | None = None,
) -> Created:
    """Create a register folder; return the recovery code (shown once) with it.

    The folder is built under a temporary name beside ``folder`` and renamed at the end,
    so a failure leaves nothing behind.
    """
    folder = Path(folder)
    try:
        taken = folder.exists() and (not folder.is_dir() or any(folder.iterdir()))
    except OSError as exc:  # a name too long, a folder that may not be listed
        raise _not_made(exc, folder) from None
    if taken:
        raise RegisterExists(path=str(folder))
    checked: list[Office | User | LetterSettings] = [
        office,
        admin,
        *([letter_settings] if letter_settings else []),
    ]
    problems = [p for record in checked for p in validate(record) if p.is_error]
    if len(password) < min_password:
        raise PasswordTooShort(minimum=min_password)
    if problems:
        for record in checked:
            ensure_valid(record)
    above = [folder.parent, *folder.parent.parents]
    blocking = next((p for p in above if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise PathIsAFile(path=str(blocking))
    made = [p for p in above if not p.exists()]  # nearest first: removed if we fail
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only drive, no permission: said, never a trace
        _remove_empty(made)
        raise _not_made(exc, folder) from None
    # What a killed creation (or restore) left beside the new register goes first.
    clean_folder(folder.parent, "the folder a register is created in")
    building = temp_path(folder)
    try:
        building.mkdir()
    except OSError as exc:
        _remove_empty(made)
        raise _not_made(exc, folder) from None
    except BaseException:
        _remove_empty(made)
        raise
    try:
        for sub in SUBFOLDERS:
            (building / sub).mkdir()
        key = new_database_key()
        _, code = KeyFile.create(
            building / KEYS_FILE, key, admin.username, password, kdf or KdfParams()
        )
        db = open_database(building / DB_FILE, key, create=True)
        try:
            migrate(db, key, building / "backups")
            office.id = office.id or new_id()
            office.origin = office.id
            clock = HybridClock(office.id)
            admin.role = "admin"
            admin.created_at = utc_now()
            with db.atomic():
                local.add_user(db, admin)
                rows.insert(
                    db,
                    office,
                    lambda: {
                        "rev": clock.tick(),
                        "updated_at": utc_now(),
                        "updated_by": admin.username,
                    },
                )
                local.set_setting(db, "office_id", office.id)
                local.set_setting(db, CLOCK_SETTING, clock.last)
                recovery_age_key = _make_office_keys(db, office)
                if letter_settings:
                    local.set_setting(
                        db, local.LETTER_SETTINGS, dataclasses.asdict(letter_settings)
                    )
            checkpoint(db)
        finally:
            db.close()
        if folder.exists():
            folder.rmdir()
        os.replace(building, folder)
    except BaseException as exc:
        shutil.rmtree(building, ignore_errors=True)
        _remove_empty(made)
        # The drive filled up or went read-only half-way: said of the folder chosen, not
        # of the temporary one it was built in.
        said = exc
        if isinstance(exc, OSError):
            said = os_refusal(exc, str(folder.parent)) or exc
        elif isinstance(exc, DatabaseError):
            said = refusal(exc, folder.parent)
        elif isinstance(exc, TipdeskError) and exc.params.get("path") == str(building):
            exc.params["path"] = str(folder.parent)
        if said is exc:
            raise
        raise said from None
    return Created(
        folder=folder, recovery_code=code, office_id=office.id, recovery_age_key=recovery_age_key
    )


def _not_made(exc: OSError, folder: Path) -> TipdeskError:
    """Why the register's folder could not be made: a full or read-only drive, no
    permission (said of the folder it would go in), or a name the system refuses."""
    return os_refusal(exc) or BadArgument(
        argument=str(folder), reason="the folder cannot be created there"
    )


def _remove_empty(folders: list[Path]) -> None:
    """The folders a failed creation made above the register, nearest first."""
    for path in folders:
        try:
            path.rmdir()
        except OSError:
            return


def _make_office_keys(db, office: Office) -> str:
    """The office's signing key and age identity; a province also gets a recovery age
    identity, whose secret is returned to be shown once (only its recipient is kept)."""
    from tipdesk.services import sync

    secret, recipient = ("", "")
    if office.level == "province":
        secret, recipient = sync.new_recovery_identity()
    sync.store_office_keys(db, office, recovery_recipient=recipient)
    return secret


def register_users(folder: Path) -> list[str]:
    """Usernames with a key slot (readable without a password)."""
    return KeyFile.load(keys_path(folder)).usernames()


def keys_path(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.exists():
        raise NotARegister(path=str(folder), reason="the folder does not exist")
    if not folder.is_dir():
        raise NotARegister(path=str(folder), reason="it is a file, not a folder")
    if not (folder / KEYS_FILE).is_file():
        raise NotARegister(path=str(folder), reason="register.keys is missing")
    if not (folder / DB_FILE).is_file():
        raise RegisterDamaged(path=str(folder), reason="register.db is missing")
    return folder / KEYS_FILE


def open_register(
    folder: Path,
    username: str | None,
    password: str,
    *,
    audit_sign_in: bool = True,
    write: bool = True,
) -> Session:
    """Unlock and open a register as ``username`` (None: the register's only user).

    Failed attempts are counted per user in ``register.keys`` (after five, a growing
    delay) and written to the audit trail at the next successful sign-in, with this one.
    ``write=False`` writes nothing at all on the way in (``tipdesk check``: a file that
    may be damaged is not written to); the failed attempts wait for the next sign-in.
    """
    folder = Path(folder)
    keys_file = keys_path(folder)
    if write and not writable(folder):
        # Said before a password is tried (a failure could not be counted there) and not
        # as "damaged": the register is whole, only where it lies cannot be written.
        raise RegisterReadOnly(path=str(folder))
    if write or writable(folder):
        # A re-key an interrupted program left half-done: finished or rolled back (its
        # key slots open either file meanwhile, so a read-only folder still opens).
        rekey.settle(folder)
    keys = KeyFile.load(keys_file)
    if username is None:
        users = keys.usernames()
        if len(users) != 1:
            raise UserRequired(users=", ".join(users))
        username = users[0]
    candidates = keys.unlock_keys(username, password)
    if keys.user_kind(username) == analysis.SLOT_KIND:
        return _open_as_analyst(
            folder, keys, username, password, candidates, write=write, audit_sign_in=audit_sign_in
        )
    db, key = open_with_first_key(folder, candidates)
    with _closed_on_error(db, folder):
        migrate(db, key, folder / "backups")
        user = local.get_user(db, username)
        if user is None or user.removed:
            raise UnknownUser(user=username, users=", ".join(keys.usernames()))
        if not user.active:
            raise UserDisabled(user=username)
        office_id = local.get_setting(db, "office_id")
        office = rows.get(db, Office, office_id) if office_id else None
        if office is None:
            raise RegisterDamaged(path=str(folder), reason="the office record is missing")
        clock = HybridClock(office.id, local.get_setting(db, CLOCK_SETTING))
        if not write:
            return Session(folder=folder, db=db, key=key, user=user, office=office, clock=clock)
        changed = bool(keys.events) or username in keys.failures
        events = keys.take_events(username)
        if user.role == analysis.ROLE:
            # An analyst's slot of an earlier version wraps the register key: from now on
            # it wraps the analysis copy's only. (They could read the whole register until
            # now: `check` advises a re-key, which takes that key away.)
            keys.set_user_slot(
                username,
                password,
                analysis.key_of(db),
                keys.kdf_of(username),
                kind=analysis.SLOT_KIND,
            )
            local.set_setting(
                db,
                analysis.EXPOSED_SETTING,
                sorted({*(local.get_setting(db, analysis.EXPOSED_SETTING) or []), username}),
            )
            changed = True
        elif key != candidates[-1] or not keys.has_key_pair("user", username):
            # A re-key this user had not seen yet, or a slot from before key pairs.
            keys.rewrap("user", username, password, key)
            changed = True
        with immediate(db):  # the write lock first: another program may be writing
            for event in events:
                audit.record_raw(
                    db,
                    event["action"],
                    username=event["username"],
                    at=_iso(event["at"]),
                    entity="users",
                    record_id=event["username"],
                    detail={"failures": event.get("failures", 0)},
                )
            if audit_sign_in:
                audit.record_raw(
                    db, "sign_in", username=username, entity="users", record_id=username
                )
        if changed:  # (most sign-ins change nothing there: no rewrite)
            keys.save()
    session = Session(
        folder=folder,
        db=db,
        key=key,
        office=office,
        user=user,
        clock=clock,
        after_write=analysis.keep_current,
    )
    _remove_leftovers(folder)
    if sync_store.get_keys(db) is None:  # a register made before sync existed
        from tipdesk.services import sync  # (its cryptography only when needed)

        sync.ensure_keys(session)
    # What others wrote since, and analysts' trail; the copy's connection is opened again
    # at the first write (until then the register stays this connection's alone).
    analysis.keep_current(session)
    analysis.release(session)
    if user.role == analysis.ROLE:  # (an analyst of an earlier version, once)
        session.close()
        return open_register(folder, username, password, audit_sign_in=False, write=write)
    return session


def _open_as_analyst(
    folder: Path,
    keys: KeyFile,
    username: str,
    password: str,
    candidates: list[bytes],
    *,
    write: bool,
    audit_sign_in: bool,
) -> Session:
    """An analyst's sign-in: their slot opens the de-identified analysis copy only."""
    db, key = analysis.open_copy(folder, candidates)
    with _closed_on_error(db, folder):
        session = analysis.analyst_session(folder, db, key, username)
        user = session.user
        if user.removed:
            raise UnknownUser(user=username, users=", ".join(keys.usernames()))
        if not user.active:
            raise UserDisabled(user=username)
        if user.role != analysis.ROLE:
            raise UnknownUser(user=username, users=", ".join(keys.usernames()))
        if write:
            changed = keys.clear_failures(username)
            if key != candidates[-1] or not keys.has_key_pair(analysis.SLOT_KIND, username):
                keys.rewrap(analysis.SLOT_KIND, username, password, key)
                changed = True
            if audit_sign_in:
                with immediate(db):
                    audit.record_raw(
                        db, "sign_in", username=username, entity="users", record_id=username
                    )
            if changed:
                keys.save()
    return session


@contextlib.contextmanager
def _closed_on_error(db, folder: Path):
    """``db`` closed if signing in fails; a database error said as what it is ("damaged"
    only for a damaged file; a full or read-only drive says so, issue 19)."""
    try:
        yield
    except DatabaseError as exc:
        with contextlib.suppress(Exception):
            db.close()
        raise refusal(exc, folder) from None
    except BaseException:
        with contextlib.suppress(Exception):
            db.close()
        raise


def _remove_leftovers(folder: Path) -> None:
    """Remove what killed TipDesk processes left in the register's folders (temporary
    files of backups, exports, key files...; SQLite's own files are left alone), once
    signed in, so that a half-done re-key is settled first."""
    clean_folder(folder, "the register's folder")
    for sub in SUBFOLDERS:
        clean_folder(folder / sub, f"the register's {sub} folder")


def open_with_first_key(folder: Path, candidates: list[bytes]):
    """Open the database with the first key that fits (a re-key may not have finished)."""
    for i, key in enumerate(candidates):
        try:
            return open_database(folder / DB_FILE, key), key
        except RegisterDamaged:
            if i == len(candidates) - 1:
                raise
    raise AssertionError("no key")


def as_refusal(exc: BaseException, folder: Path | None = None) -> TipdeskError | None:
    """The refusal to show a person for an error met while working on the register in
    ``folder`` (the desktop app's error path): a full, read-only, busy or failing drive
    or folder, or a damaged database file; None for an error nobody can explain to them
    (shown as unexpected, with details for IT)."""
    if isinstance(exc, TipdeskError):
        return exc
    if isinstance(exc, DatabaseError):
        place = folder if folder is not None else Path()
        return drive_refusal(exc, place) or (refusal(exc, place) if is_damage(exc) else None)
    if isinstance(exc, OSError):
        return os_refusal(exc)
    return None


def _iso(epoch: float) -> str:
    return (
        dt.datetime.fromtimestamp(epoch, dt.UTC)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
    )


def verify_password(session: Session, password: str) -> None:
    """Check the signed-in user's password again (unlocking the app after a lock).

    Counts failures and delays like a sign-in; raises WrongPassword or SignInDelayed."""
    keys = KeyFile.load(session.folder / KEYS_FILE)
    candidates = keys.unlock_keys(session.user.username, password)
    if session.key not in candidates:
        raise WrongPassword(user=session.user.username)
    events = keys.take_events(session.user.username)
    # Through a connection of its own: the app's may be in the middle of a background job.
    audit.record_apart(
        session,
        "unlocked",
        entity="users",
        record_id=session.user.username,
        rows=[
            {
                "action": e["action"],
                "username": e["username"],
                "at": _iso(e["at"]),
                "entity": "users",
                "record_id": e["username"],
                "detail": {"failures": e.get("failures", 0)},
            }
            for e in events
        ],
    )
    keys.save()
