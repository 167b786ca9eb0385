"""What a new register still needs before an office can work with it: the letterhead and
logo of its letters, the service providers it refers to, its users, the other offices'
keys for sync, and its first case. Home shows the steps left (DESIGN.md section 7)."""

from __future__ import annotations

from dataclasses import dataclass

from tipdesk.services.access import permissions
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import local
from tipdesk.storage import sync as sync_store

# In the order an office takes them; each with the permission its screen asks for.
STEPS: tuple[tuple[str, str], ...] = (
    ("letters", "edit_letter_settings"),
    ("providers", "manage_providers"),
    ("users", "manage_users"),
    ("keys", "manage_keys"),
    ("first_case", "create_cases"),
)


@dataclass(frozen=True)
class Step:
    key: str  # one of STEPS
    done: bool
    allowed: bool  # whether this user may take the step (else: ask an administrator)
    count: int = 0  # providers, other users or enrolled offices so far


def first_steps(session: Session) -> list[Step]:
    """Every step, done or not; empty for a user who may not see cases (an analyst)."""
    if not permissions.allowed(session, "view_own_cases"):
        return []
    db = session.db
    settings = local.get_setting(db, local.LETTER_SETTINGS) or {}
    providers = case_store.count_providers(db)
    others = sum(
        1 for u in local.list_users(db) if u.active and u.username != session.user.username
    )
    offices = len(sync_store.peers(db))
    done = {
        "letters": bool(settings.get("logo")),
        "providers": providers > 0,
        "users": others > 0,
        "keys": offices > 0,
        "first_case": case_store.any_case(db),
    }
    counts = {"providers": providers, "users": others, "keys": offices}
    return [
        Step(key, done[key], permissions.allowed(session, permission), counts.get(key, 0))
        for key, permission in STEPS
    ]
