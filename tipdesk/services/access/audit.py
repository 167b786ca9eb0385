"""The audit trail in use: services record what users do; admins and supervisors read it.

``record`` is called inside the transaction of the action it records (a change and its
audit row are written together or not at all); a view (a case opened) writes its row on
its own. The trail holds usernames, record ids, case numbers and codes, never a
person's name, so it can be shown to an admin who does not handle cases.
"""

from __future__ import annotations

from typing import Any

from tipdesk.domain.audit import ACTIONS, AuditEntry
from tipdesk.domain.errors import NotFound
from tipdesk.services.access import permissions
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import audit as store
from tipdesk.storage import cases as case_store


def record(
    session: Session,
    action: str,
    *,
    entity: str = "",
    record_id: str = "",
    case_number: str = "",
    detail: dict[str, Any] | None = None,
    username: str | None = None,
) -> None:
    """Append one row; inside ``session.write()`` it is part of that transaction."""
    assert action in ACTIONS, action
    with session.db.atomic():
        store.append(
            session.db,
            at=utc_now(),
            username=username or session.user.username,
            action=action,
            entity=entity,
            record_id=record_id,
            case_number=case_number,
            detail=detail,
        )


def record_read(
    session: Session, action: str, *, entity: str, record_id: str, case_number: str = ""
) -> None:
    """Audit a read of personal data (a case opened, an incident's victims listed) in a
    transaction of its own, once for a run of reads of the same record by the same user
    with nothing between (a screen that refreshes writes no row each time)."""
    last = store.entries(session.db, store.AuditQuery(), limit=1)
    if (
        last
        and last[0]["action"] == action
        and last[0]["record_id"] == record_id
        and last[0]["username"] == session.user.username
    ):
        return
    with session.write(immediate=True):
        record(session, action, entity=entity, record_id=record_id, case_number=case_number)


def record_apart(
    session: Session, action: str, *, rows: list[dict] | None = None, **fields: Any
) -> None:
    """Append rows through a connection of the register's own, in one transaction: for
    the desktop app, whose session connection may be carrying a background job's
    transaction (a lock while an import runs). ``rows`` are earlier events to write
    first (``record_raw`` keywords)."""
    from tipdesk.storage.connection import immediate, open_database

    assert action in ACTIONS, action
    db = open_database(session.database_path, session.key)
    try:
        with immediate(db):
            for row in rows or ():
                record_raw(db, **row)
            store.append(db, at=utc_now(), username=session.user.username, action=action, **fields)
    finally:
        db.close()


def record_raw(db, action: str, *, username: str, at: str | None = None, **fields: Any) -> None:
    """Append a row without a session (sign-in events, before a session exists)."""
    assert action in ACTIONS, action
    store.append(db, at=at or utc_now(), username=username, action=action, **fields)


def _entry(row: dict) -> AuditEntry:
    return AuditEntry(**row)


def entries(
    session: Session,
    *,
    case_number: str = "",
    username: str = "",
    actions: tuple[str, ...] = (),
    limit: int = 500,
    offset: int = 0,
) -> list[AuditEntry]:
    """The trail, newest first (admins and supervisors)."""
    permissions.require(session, "view_audit")
    query = store.AuditQuery(case_number=case_number, username=username, actions=actions)
    return [_entry(row) for row in store.entries(session.db, query, limit=limit, offset=offset)]


def case_entries(session: Session, case_number: str, *, limit: int = 500) -> list[AuditEntry]:
    """Who opened and changed one case, newest first: for anyone who may open the case."""
    case = case_store.case_by_number(session.db, case_number)
    if case is None:
        raise NotFound(what="case", key=case_number)
    permissions.require_case(session, case)  # refuses what the user may not see
    query = store.AuditQuery(case_number=case_number)
    return [_entry(row) for row in store.entries(session.db, query, limit=limit)]


def verify(session: Session) -> list[str]:
    return store.verify(session.db)


def head(session: Session) -> dict[str, Any]:
    """The trail's newest row number and hash, which batches carry to anchor it."""
    seq, hash_ = store.head(session.db)
    return {"seq": seq, "hash": hash_}
