"""Accounts: who may sign in to a register, with which role (DESIGN.md section 4).

Every account is a row in ``users`` (inside the encrypted database) and, while it may
sign in, a key slot in ``register.keys``. Adding, enabling and resetting a password
write a slot; disabling and removing delete it, so a disabled user's password no longer
opens anything. Removing a user can also re-key the database, so that a copy of the old
key file the removed user may hold opens no later copy of the register; that survives
any interruption (``services.access.rekey``). The register always keeps at least one active
admin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tipdesk.domain.errors import (
    LastAdmin,
    NotPermitted,
    NotYourself,
    PasswordTooShort,
    RoleNeedsNewPassword,
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
    normalize_recovery_code,
)
from tipdesk.services.access import analysis, audit, permissions
from tipdesk.services.access import rekey as rekey_service
from tipdesk.services.register import (
    KEYS_FILE,
    MIN_PASSWORD,
    keys_path,
    open_register,
    open_with_first_key,
)
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import local


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    active: bool
    removed: bool
    can_sign_in: bool  # has a key slot
    created_at: str

    @property
    def status(self) -> str:
        return "removed" if self.removed else ("active" if self.active else "disabled")


def _keys(session: Session) -> KeyFile:
    return KeyFile.load(session.folder / KEYS_FILE)


def _user(session: Session, username: str) -> User:
    user = local.get_user(session.db, username)
    if user is None or user.removed:
        raise UnknownUser(
            user=username,
            users=", ".join(u.username for u in local.list_users(session.db) if not u.removed),
        )
    return user


def _check_password(password: str, minimum: int = MIN_PASSWORD) -> None:
    if len(password) < minimum:
        raise PasswordTooShort(minimum=minimum)


def _other_active_admins(session: Session, username: str) -> int:
    return sum(
        1
        for u in local.list_users(session.db)
        if u.role == "admin" and u.active and not u.removed and u.username != username
    )


def _may_take_away(session: Session, username: str, action: str) -> User:
    """An admin may disable or remove any account but their own and the last admin."""
    permissions.require(session, "manage_users")
    user = _user(session, username)
    if username == session.user.username:
        raise NotYourself(action=action)
    if user.role == "admin" and user.active and _other_active_admins(session, username) == 0:
        raise LastAdmin(user=username)
    return user


def display_names(session: Session) -> dict[str, str]:
    """``{username: display name}`` of every account this register has had, removed ones
    too (their notes and changes remain), for showing who wrote what; an account with no
    display name shows its username."""
    permissions.require(session, "view_own_cases")
    return {u.username: u.display_name or u.username for u in local.list_users(session.db)}


def list_accounts(session: Session) -> list[Account]:
    permissions.require(session, "manage_users")
    slots = set(_keys(session).usernames())
    return [
        Account(
            u.username,
            u.display_name,
            u.role,
            u.active,
            u.removed,
            u.username in slots,
            u.created_at,
        )
        for u in local.list_users(session.db)
    ]


def add_user(session: Session, user: User, password: str, *, kdf: KdfParams | None = None) -> None:
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
        audit.record(
            session,
            "user_added",
            entity="users",
            record_id=user.username,
            detail={"role": user.role},
        )
        _set_slot(session, keys, user.username, user.role, password, kdf)


def _set_slot(
    session: Session, keys: KeyFile, username: str, role: str, password: str, kdf: KdfParams | None
) -> None:
    """The user's key slot for ``role``: an analyst's wraps the analysis copy's key only."""
    kind, key = analysis.slot_key(session, role)
    keys.set_user_slot(username, password, key, kdf or KdfParams(), kind=kind)


def crosses_analyst(old_role: str, new_role: str) -> bool:
    """Whether a change of role changes what the user's key slot opens (so a new
    password must come with it)."""
    return (old_role == analysis.ROLE) != (new_role == analysis.ROLE)


def set_role(
    session: Session,
    username: str,
    role: str,
    *,
    password: str | None = None,
    kdf: KdfParams | None = None,
) -> None:
    """Change a user's role. To or from analyst the user's key slot must wrap the other
    key: ``password`` is their new password (refused without one). A user who becomes
    an analyst has held the register key: `check` advises a re-key until one is done."""
    permissions.require(session, "manage_users")
    user = _user(session, username)
    ensure_valid(User(username=username, role=role))
    if user.role == role:
        return
    if user.role == "admin" and _other_active_admins(session, username) == 0:
        raise LastAdmin(user=username)
    crossing = crosses_analyst(user.role, role)
    if crossing:
        if password is None:
            raise RoleNeedsNewPassword(user=username)
        _check_password(password)
    keys = _keys(session)
    with session.write():
        local.update_user(session.db, username, role=role)
        audit.record(
            session,
            "user_role_changed",
            entity="users",
            record_id=username,
            detail={"from": user.role, "to": role},
        )
        if crossing and role == analysis.ROLE:
            exposed = local.get_setting(session.db, analysis.EXPOSED_SETTING) or []
            local.set_setting(session.db, analysis.EXPOSED_SETTING, sorted({*exposed, username}))
        if crossing and user.active:
            _set_slot(session, keys, username, role, password or "", kdf)
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


def enable_user(
    session: Session, username: str, password: str, *, kdf: KdfParams | None = None
) -> None:
    """Enable a disabled account again, with a new password (its old slot is gone)."""
    permissions.require(session, "manage_users")
    _user(session, username)
    _check_password(password)
    keys = _keys(session)
    with session.write():
        local.update_user(session.db, username, active=1)
        audit.record(session, "user_enabled", entity="users", record_id=username)
        _set_slot(session, keys, username, _user(session, username).role, password, kdf)


def reset_password(
    session: Session, username: str, password: str, *, kdf: KdfParams | None = None
) -> None:
    """An admin sets a new password for another user (who forgot theirs)."""
    permissions.require(session, "manage_users")
    user = _user(session, username)
    if not user.active:
        raise UnknownUser(user=username, users="")
    _check_password(password)
    keys = _keys(session)
    with session.write():
        audit.record(session, "password_reset", entity="users", record_id=username)
        _set_slot(session, keys, username, user.role, password, kdf)
        keys.failures.pop(username, None)
        keys.save()


def change_password(
    session: Session, old_password: str, new_password: str, *, kdf: KdfParams | None = None
) -> None:
    """Any user changes their own password (the old one is asked again)."""
    username = session.user.username
    keys = _keys(session)
    if session.key not in (keys.unlock_keys(username, old_password)):
        raise WrongPassword(user=username)
    _check_password(new_password)
    with session.write():
        audit.record(session, "password_changed", entity="users", record_id=username)
        _set_slot(session, keys, username, session.user.role, new_password, kdf)


@dataclass(frozen=True)
class Removed:
    username: str
    rekeyed: bool
    # Accounts whose slots predate key pairs lost their slot in the re-key (their
    # passwords must be reset), and a new recovery code if the old one could not follow.
    needs_reset: tuple[str, ...] = ()
    new_recovery_code: str = ""
    backups: int = 0  # backups in the register's backups/ the slot was taken out of


def remove_user(
    session: Session,
    username: str,
    *,
    rekey: bool,
    progress: Callable[[int, int], None] | None = None,
) -> Removed:
    """Remove an account and its key slot, also from the backups in ``backups/``.

    With ``rekey`` the database is re-encrypted under a new key that only the remaining
    slots can reach, in one step with the removal (``services.access.rekey``): whatever stops
    the program, the register is either as before (the old key, the user still there)
    or as after (the new key, the user gone), and the next open finishes or rolls back
    what was half-done. ``progress(done, total)`` follows the long part (bytes)."""
    _may_take_away(session, username, "remove")
    if rekey:
        return rekey_database(session, removed=username, progress=progress)
    # Without a re-key the slot goes first: if the program stops between the two steps,
    # the user cannot sign in and can still be removed again.
    keys = _keys(session)
    keys.remove_user_slot(username)
    keys.save()
    with session.write():
        local.update_user(session.db, username, active=0, removed=1)
        audit.record(
            session, "user_removed", entity="users", record_id=username, detail={"rekey": False}
        )
    backups = rekey_service.remove_from_backups(session.folder, username, progress=progress)
    return Removed(username, False, backups=backups)


def rekey_database(
    session: Session, *, removed: str = "", progress: Callable[[int, int], None] | None = None
) -> Removed:
    """Re-encrypt the database under a new random key (admins); with ``removed``, that
    user is removed in the same step (see ``remove_user``).

    The new key is sealed to every remaining slot's public key; each user's next sign-in
    opens it with their password. Refused (``RegisterBusy``) while another program has
    the register open: what it wrote meanwhile would be lost with the old file."""
    permissions.require(session, "manage_users")
    done = rekey_service.rekey(session, removed, progress=progress)
    return Removed(
        removed,
        True,
        tuple(n for n in done.dropped if n != RECOVERY),
        done.new_recovery_code,
        done.backups,
    )


def recover(
    folder: Path,
    recovery_code: str,
    username: str,
    new_password: str,
    *,
    kdf: KdfParams | None = None,
) -> Session:
    """With the recovery code: set a new password for an admin (enabling the account if
    it was disabled) and open the register as that admin."""
    keys_file = keys_path(Path(folder))
    rekey_service.settle(Path(folder))  # a re-key interrupted earlier, first
    keys = KeyFile.load(keys_file)
    candidates = keys.unlock_keys_with_recovery_code(recovery_code)
    _check_password(new_password)
    db, key = open_with_first_key(Path(folder), candidates)
    try:
        user = local.get_user(db, username)
        if user is None or user.removed:
            raise UnknownUser(
                user=username,
                users=", ".join(u.username for u in local.list_users(db) if u.role == "admin"),
            )
        if user.role != "admin":
            raise NotPermitted(
                role=user.role,
                permission="manage_users",
                needed=", ".join(permissions.PERMISSIONS["manage_users"]),
            )
        with db.atomic():
            local.update_user(db, username, active=1)
            audit.record_raw(db, "recovered", username=username, entity="users", record_id=username)
        keys.set_user_slot(username, new_password, key, kdf or KdfParams())
        if key != candidates[-1]:  # a re-key the recovery slot had not followed yet
            keys.rewrap(RECOVERY, RECOVERY, normalize_recovery_code(recovery_code), key)
            keys.save()
    finally:
        db.close()
    return open_register(Path(folder), username, new_password)
