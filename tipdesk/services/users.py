"""Accounts: who may sign in to a register, with which role (DESIGN.md section 4).

Every account is a row in ``users`` (inside the encrypted database) and, while it may
sign in, a key slot in ``register.keys``. Adding, enabling and resetting a password
write a slot; disabling and removing delete it, so a disabled user's password no longer
opens anything. Removing a user can also re-key the database, so that a copy of the old
key file the removed user may hold opens no later copy of the register. The register
always keeps at least one active admin.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from tipdesk.domain.errors import (
    LastAdmin,
    NotPermitted,
    NotYourself,
    PasswordTooShort,
    UnknownUser,
    UserExists,
    WrongPassword,
)
from tipdesk.domain.records import User
from tipdesk.domain.validation import ensure_valid
from tipdesk.security.keyslots import (
    RECOVERY,
    KdfParams,
    KeyFile,
    make_slot,
    new_database_key,
    new_recovery_code,
    normalize_recovery_code,
)
from tipdesk.services import audit, permissions
from tipdesk.services.register import DB_FILE, KEYS_FILE, MIN_PASSWORD
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import local
from tipdesk.storage.backup import export_rekeyed
from tipdesk.storage.connection import checkpoint, open_database


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    active: bool
    removed: bool
    can_sign_in: bool       # has a key slot
    created_at: str

    @property
    def status(self) -> str:
        return "removed" if self.removed else ("active" if self.active else "disabled")


def _keys(session: Session) -> KeyFile:
    return KeyFile.load(session.folder / KEYS_FILE)


def _user(session: Session, username: str) -> User:
    user = local.get_user(session.db, username)
    if user is None or user.removed:
        raise UnknownUser(user=username, users=", ".join(
            u.username for u in local.list_users(session.db) if not u.removed))
    return user


def _check_password(password: str, minimum: int = MIN_PASSWORD) -> None:
    if len(password) < minimum:
        raise PasswordTooShort(minimum=minimum)


def _other_active_admins(session: Session, username: str) -> int:
    return sum(1 for u in local.list_users(session.db)
               if u.role == "admin" and u.active and not u.removed and u.username != username)


def _may_take_away(session: Session, username: str, action: str) -> User:
    """An admin may disable or remove any account but their own and the last admin."""
    permissions.require(session, "manage_users")
    user = _user(session, username)
    if username == session.user.username:
        raise NotYourself(action=action)
    if user.role == "admin" and user.active and _other_active_admins(session, username) == 0:
        raise LastAdmin(user=username)
    return user


def list_accounts(session: Session) -> list[Account]:
    permissions.require(session, "manage_users")
    slots = set(_keys(session).usernames())
    return [Account(u.username, u.display_name, u.role, u.active, u.removed,
                    u.username in slots, u.created_at)
            for u in local.list_users(session.db)]


def add_user(session: Session, user: User, password: str, *,
             kdf: KdfParams | None = None) -> None:
    """A new account with its own key slot (admins)."""
    permissions.require(session, "manage_users")
    ensure_valid(user)
    _check_password(password)
    if local.get_user(session.db, user.username) is not None:
        raise UserExists(user=user.username)
    keys = _keys(session)
    user.active, user.removed, user.created_at = True, False, utc_now()
    with session.write():
        local.add_user(session.db, user)
        audit.record(session, "user_added", entity="users", record_id=user.username,
                     detail={"role": user.role})
        keys.set_user_slot(user.username, password, session.key, kdf or KdfParams())


def set_role(session: Session, username: str, role: str) -> None:
    permissions.require(session, "manage_users")
    user = _user(session, username)
    ensure_valid(User(username=username, role=role))
    if user.role == role:
        return
    if user.role == "admin" and _other_active_admins(session, username) == 0:
        raise LastAdmin(user=username)
    with session.write():
        local.update_user(session.db, username, role=role)
        audit.record(session, "user_role_changed", entity="users", record_id=username,
                     detail={"from": user.role, "to": role})
    if username == session.user.username:
        session.user.role = role


def disable_user(session: Session, username: str) -> None:
    """The account stays (the audit trail names it); its key slot is deleted."""
    _may_take_away(session, username, "disable")
    keys = _keys(session)
    with session.write():
        local.update_user(session.db, username, active=0)
        audit.record(session, "user_disabled", entity="users", record_id=username)
        keys.remove_user_slot(username)
        keys.save()


def enable_user(session: Session, username: str, password: str, *,
                kdf: KdfParams | None = None) -> None:
    """Enable a disabled account again, with a new password (its old slot is gone)."""
    permissions.require(session, "manage_users")
    _user(session, username)
    _check_password(password)
    keys = _keys(session)
    with session.write():
        local.update_user(session.db, username, active=1)
        audit.record(session, "user_enabled", entity="users", record_id=username)
        keys.set_user_slot(username, password, session.key, kdf or KdfParams())


def reset_password(session: Session, username: str, password: str, *,
                   kdf: KdfParams | None = None) -> None:
    """An admin sets a new password for another user (who forgot theirs)."""
    permissions.require(session, "manage_users")
    user = _user(session, username)
    if not user.active:
        raise UnknownUser(user=username, users="")
    _check_password(password)
    keys = _keys(session)
    with session.write():
        audit.record(session, "password_reset", entity="users", record_id=username)
        keys.set_user_slot(username, password, session.key, kdf or KdfParams())
        keys.failures.pop(username, None)
        keys.save()


def change_password(session: Session, old_password: str, new_password: str, *,
                    kdf: KdfParams | None = None) -> None:
    """Any user changes their own password (the old one is asked again)."""
    username = session.user.username
    keys = _keys(session)
    if session.key not in (keys.unlock_keys(username, old_password)):
        raise WrongPassword(user=username)
    _check_password(new_password)
    with session.write():
        audit.record(session, "password_changed", entity="users", record_id=username)
        keys.set_user_slot(username, new_password, session.key, kdf or KdfParams())


@dataclass(frozen=True)
class Removed:
    username: str
    rekeyed: bool
    # Accounts whose slots predate key pairs lost their slot in the re-key (their
    # passwords must be reset), and a new recovery code if the old one could not follow.
    needs_reset: tuple[str, ...] = ()
    new_recovery_code: str = ""


def remove_user(session: Session, username: str, *, rekey: bool) -> Removed:
    """Remove an account: its key slot is deleted at once; with ``rekey`` the database
    is re-encrypted under a new key that only the remaining slots can reach."""
    _may_take_away(session, username, "remove")
    keys = _keys(session)
    with session.write():
        local.update_user(session.db, username, active=0, removed=1)
        audit.record(session, "user_removed", entity="users", record_id=username,
                     detail={"rekey": rekey})
        keys.remove_user_slot(username)
        keys.save()
    if not rekey:
        return Removed(username, False)
    return rekey_database(session, removed=username)


def rekey_database(session: Session, *, removed: str = "") -> Removed:
    """Re-encrypt the database under a new random key (admins).

    The new key is sealed to every slot's public key; each user's next sign-in opens it
    with their password. The steps are ordered so that a crash at any point leaves a
    register that opens: the old key stays in every slot until its user signs in again,
    and the database file is replaced by one atomic rename."""
    permissions.require(session, "manage_users")
    folder = session.folder
    new_key = new_database_key()
    with session.write():
        audit.record(session, "rekeyed", entity="users", record_id=removed)
    checkpoint(session.db)
    tmp = folder / f".{DB_FILE}.{secrets.token_hex(6)}.rekey"
    try:
        export_rekeyed(session.db, new_key, tmp)
        keys = _keys(session)
        dropped = keys.seal_pending(new_key)
        new_code = ""
        if RECOVERY in dropped:
            # A recovery slot from before key pairs cannot follow: a new code, shown once.
            new_code = new_recovery_code()
            keys.slots.append(make_slot(RECOVERY, RECOVERY, new_code, new_key, KdfParams()))
        keys.save()
        session.db.close()
        os.replace(tmp, folder / DB_FILE)
        for leftover in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (folder / f"{DB_FILE}{leftover}").unlink()
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    session.db = open_database(folder / DB_FILE, new_key)
    session.key = new_key
    return Removed(removed, True, tuple(n for n in dropped if n != RECOVERY), new_code)


def recover(folder: Path, recovery_code: str, username: str, new_password: str, *,
            kdf: KdfParams | None = None) -> Session:
    """With the recovery code: set a new password for an admin (enabling the account if
    it was disabled) and open the register as that admin."""
    from tipdesk.services.register import _keys_path, _open_with, open_register

    keys = KeyFile.load(_keys_path(Path(folder)))
    candidates = keys.unlock_keys_with_recovery_code(recovery_code)
    _check_password(new_password)
    db, key = _open_with(Path(folder), candidates)
    try:
        user = local.get_user(db, username)
        if user is None or user.removed:
            raise UnknownUser(user=username, users=", ".join(
                u.username for u in local.list_users(db) if u.role == "admin"))
        if user.role != "admin":
            raise NotPermitted(role=user.role, permission="manage_users",
                               needed=", ".join(permissions.PERMISSIONS["manage_users"]))
        with db.atomic():
            local.update_user(db, username, active=1)
            audit.record_raw(db, "recovered", username=username, entity="users",
                             record_id=username)
        keys.set_user_slot(username, new_password, key, kdf or KdfParams())
        if key != candidates[-1]:   # a re-key the recovery slot had not followed yet
            keys.rewrap(RECOVERY, RECOVERY, normalize_recovery_code(recovery_code), key)
            keys.save()
    finally:
        db.close()
    return open_register(Path(folder), username, new_password)
