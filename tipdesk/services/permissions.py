"""Which role may do what (DESIGN.md section 4). Services call :func:`require`; the UI
asks :func:`allowed` only to decide what to offer, never instead of the service's check."""

from __future__ import annotations

from tipdesk.domain.errors import NotPermitted
from tipdesk.services.session import Session

PERMISSIONS: dict[str, tuple[str, ...]] = {
    "edit_letter_settings": ("admin",),
    "override_consent": ("supervisor",),
    "manage_keys": ("admin",),
    "sync": ("admin", "supervisor", "caseworker"),
}


def allowed(session: Session, permission: str) -> bool:
    return session.user.role in PERMISSIONS[permission]


def require(session: Session, permission: str) -> None:
    if not allowed(session, permission):
        raise NotPermitted(role=session.user.role, permission=permission,
                           needed=", ".join(PERMISSIONS[permission]))
