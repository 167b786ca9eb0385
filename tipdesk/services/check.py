"""``tipdesk check``: is the register whole, and is its schema the one this program knows?"""

from __future__ import annotations

from dataclasses import dataclass, field

from tipdesk.services.session import Session
from tipdesk.storage import audit, integrity, migrate


@dataclass
class CheckReport:
    checks: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.checks.values())


def check_register(session: Session) -> CheckReport:
    db = session.db
    report = CheckReport()
    report.checks["pages"] = integrity.cipher_pages(db)
    report.checks["structure"] = integrity.structure(db)
    report.checks["foreign_keys"] = integrity.foreign_keys(db)
    known = set(migrate.known())
    applied = migrate.applied(db)
    report.checks["migrations"] = (
        [f"migration {name} is not applied" for name in migrate.pending(db)]
        + [f"migration {name} is from a newer TipDesk" for name in applied if name not in known]
    )
    report.checks["search_index"] = integrity.search_index(db)
    report.checks["change_capture"] = integrity.capture_triggers(db)
    # Each audit row holds the hash of the one before: the first broken row is named.
    report.checks["audit_trail"] = audit.verify(db)
    return report
