"""``tipdesk check``: is the register whole, and is its schema the one this program knows?"""

from __future__ import annotations

from dataclasses import dataclass, field

from tipdesk.services.session import Session
from tipdesk.storage import audit, integrity, migrate
from tipdesk.storage.connection import DatabaseError


@dataclass
class CheckReport:
    checks: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.checks.values())


def check_register(session: Session) -> CheckReport:
    """Every check is run and reported, even after one finds the file damaged: the list
    says how far the damage goes."""
    db = session.db
    report = CheckReport()

    def migrations() -> list[str]:
        known = set(migrate.known())
        return ([f"migration {name} is not applied" for name in migrate.pending(db)]
                + [f"migration {name} is from a newer TipDesk"
                   for name in migrate.applied(db) if name not in known])

    checks = {
        "pages": lambda: integrity.cipher_pages(db),
        "structure": lambda: integrity.structure(db),
        "foreign_keys": lambda: integrity.foreign_keys(db),
        "migrations": migrations,
        "search_index": lambda: integrity.search_index(db),
        "change_capture": lambda: integrity.capture_triggers(db),
        # Each audit row holds the hash of the one before: the first broken row is named.
        "audit_trail": lambda: audit.verify(db),
    }
    for name, run in checks.items():
        try:
            report.checks[name] = run()
        except DatabaseError:
            report.checks[name] = ["could not be read: the database file is damaged here"]
    return report
