"""Which role may do what (DESIGN.md section 4). Services call :func:`require` (and
:func:`require_case` for one case); the UI asks :func:`allowed` only to decide what to
offer, never instead of the service's check.

Roles: ``admin`` runs the office (users, keys, letter settings, backups) and, in an
office where the head of office is also its administrator, sees and edits every case;
``supervisor`` sees every case, assigns them, approves closure and intervention plans,
and overrides consent;
``caseworker`` sees and edits the cases assigned to them and the ones they registered,
and registers new ones; ``analyst`` sees statistics and de-identified lists only.
"""

from __future__ import annotations

from tipdesk.domain.errors import CaseReadOnly, NotPermitted
from tipdesk.domain.records import Case
from tipdesk.services.session import Session

ROLES = ("admin", "supervisor", "caseworker", "analyst")
_CASE_STAFF = ("admin", "supervisor", "caseworker")

PERMISSIONS: dict[str, tuple[str, ...]] = {
    # cases
    "view_all_cases": ("admin", "supervisor"),
    "view_own_cases": _CASE_STAFF,
    "create_cases": _CASE_STAFF,
    "assign_cases": ("admin", "supervisor"),
    "approve_closure": ("admin", "supervisor"),
    # the intervention plan, approved as closure is (issue 22)
    "approve_plan": ("admin", "supervisor"),
    "delete_cases": ("admin", "supervisor"),
    "search_cases": _CASE_STAFF,
    "manage_providers": _CASE_STAFF,
    "issue_letters": _CASE_STAFF,
    "override_consent": ("supervisor",),
    "view_deidentified": ("analyst",),
    "view_statistics": ("admin", "supervisor", "analyst"),
    # the person's rights (UU 27/2022)
    "export_person_data": ("supervisor",),
    "erase_person": ("supervisor",),
    # the office
    "edit_letter_settings": ("admin",),
    "manage_users": ("admin",),
    "manage_keys": ("admin",),
    "view_audit": ("admin", "supervisor"),
    "backup": ("admin", "supervisor"),
    "restore": ("admin",),
    "sync": _CASE_STAFF,
    # a batch held in the inbox (a mass delete): applied or thrown away by an admin
    "review_held_batches": ("admin",),
    # a case handed to another office (pelimpahan), and deciding one offered (issue 23)
    "transfer_cases": ("admin", "supervisor"),
    # linking two offices' persons as one (at the province)
    "link_persons": ("admin", "supervisor"),
}


def allowed(session: Session, permission: str) -> bool:
    return session.user.role in PERMISSIONS[permission]


def require(session: Session, permission: str) -> None:
    if not allowed(session, permission):
        raise NotPermitted(
            role=session.user.role, permission=permission, needed=", ".join(PERMISSIONS[permission])
        )


def owns(session: Session, case: Case) -> bool:
    """Assigned to the signed-in user, or registered by them, in this office's register
    (usernames are per register: a district's "siti" is not the province's "siti")."""
    name = session.user.username
    return case.origin == session.office.id and (
        case.assigned_to == name or case.created_by == name
    )


def may_see_case(session: Session, case: Case) -> bool:
    if allowed(session, "view_all_cases"):
        return True
    return allowed(session, "view_own_cases") and owns(session, case)


def require_case(session: Session, case: Case) -> None:
    """Refuse a case the signed-in user may not see or change."""
    if may_see_case(session, case):
        return
    require(session, "view_own_cases")  # an analyst: no case at all
    require(session, "view_all_cases")  # a case worker: not one of theirs


def may_change_case(session: Session, case: Case) -> bool:
    """This office may change the case: a district only the cases it owns (a case handed
    over, or offered to it and not yet accepted, is a read-only copy here); a province
    its own and its districts' (DESIGN.md section 5b)."""
    return session.office.level == "province" or case.origin == session.office.id


def require_change(session: Session, case: Case) -> None:
    """Refuse a change to a case this office holds only as a copy (``CaseReadOnly``,
    naming the office that owns it)."""
    if may_change_case(session, case):
        return
    from tipdesk.domain.records import Office
    from tipdesk.storage import rows  # (an office's code, to name it)

    owner = rows.get(session.db, Office, case.origin)
    raise CaseReadOnly(office=owner.code if owner else "?", case_number=case.case_number)


def owner_filter(session: Session) -> tuple[str, str]:
    """(username, office id) whose cases a list is limited to (("", "") for every case)."""
    if allowed(session, "view_all_cases"):
        return "", ""
    return session.user.username, session.office.id
