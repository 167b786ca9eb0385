"""What needs attention, counted for the navigation's badges: follow-ups already late,
referral follow-ups already late, and sync conflicts or held batches waiting for a
decision. Each count is one indexed query, so the badges can follow every screen change."""

from __future__ import annotations

import datetime as dt

from tipdesk.services.access import permissions
from tipdesk.services.casework.listing import OPEN_STATUSES
from tipdesk.services.session import Session
from tipdesk.storage import listing as store
from tipdesk.storage import sync as sync_store

# A badge shows "99+" past 99: counting stops at 100, so it costs the same at any size.
BADGE_CAP = 100


def attention(session: Session, *, today: dt.date | None = None) -> dict[str, int]:
    """``{screen: count}`` for "home" (overdue follow-ups of open cases), "referrals"
    (referrals sent or accepted whose follow-up date has passed) and "sync" (open
    conflicts and held batches), each at most BADGE_CAP; a screen the user may not use is
    left out."""
    today = today or session.today()
    yesterday = today - dt.timedelta(days=1)
    found: dict[str, int] = {}
    if permissions.allowed(session, "view_own_cases"):
        owner = permissions.owner_filter(session)
        found["home"] = store.count_cases(
            session.db,
            store.CaseQuery(owner=owner, statuses=OPEN_STATUSES, follow_up_to=yesterday),
            at_most=BADGE_CAP,
        )
        found["referrals"] = store.count_referral_follow_ups(
            session.db, until=yesterday.isoformat(), owner=owner, at_most=BADGE_CAP
        )
    if permissions.allowed(session, "sync"):
        held = sum(1 for item in sync_store.inbox(session.db) if item.get("held"))
        found["sync"] = len(sync_store.conflicts(session.db)) + held
    return found
