"""``tipdesk check``: is the register whole, and is its schema the one this program knows?"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from tipdesk.domain.row_check import row_problems, rows_pass
from tipdesk.services.access import analysis
from tipdesk.services.session import Session
from tipdesk.services.sync.entries import RECORD_TYPES
from tipdesk.storage import audit, integrity, migrate
from tipdesk.storage import documents as document_store
from tipdesk.storage.connection import DatabaseError, drive_refusal

# Lines the "records" check keeps; past them it only counts (a register damaged
# everywhere would otherwise fill memory with its own report).
RECORD_LINES_MAX = 1000


# Checks that say what to do about a whole file (records to enter again, a re-key to
# run), never that the file is damaged.
ADVICE = ("analysts", "records")


@dataclass
class CheckReport:
    checks: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.checks.values())

    @property
    def whole(self) -> bool:
        """No check found damage (the advice of ``ADVICE`` aside)."""
        return not any(problems for name, problems in self.checks.items() if name not in ADVICE)


def check_register(session: Session, *, records: bool = True) -> CheckReport:
    """Every check is run and reported, even after one finds the file damaged: the list
    says how far the damage goes. ``records=False`` leaves out reading every record's
    values (a restore asks whether the file is whole; bad values travel in it anyway)."""
    db = session.db
    report = CheckReport()

    def migrations() -> list[str]:
        known = set(migrate.known())
        return [f"migration {name} is not applied" for name in migrate.pending(db)] + [
            f"migration {name} is from a newer TipDesk"
            for name in migrate.applied(db)
            if name not in known
        ]

    checks = {
        "pages": lambda: integrity.cipher_pages(db),
        "structure": lambda: integrity.structure(db),
        "foreign_keys": lambda: integrity.foreign_keys(db),
        "migrations": migrations,
        "search_index": lambda: integrity.search_index(db),
        "change_capture": lambda: integrity.capture_triggers(db),
        # Each audit row holds the hash of the one before: the first broken row is named.
        "audit_trail": lambda: audit.verify(db),
        # ...and must still extend every head another office has seen of it.
        "audit_anchors": lambda: audit.anchor_problems(db),
        # Every document's bytes read back against its SHA-256, and bytes of no document.
        "documents": lambda: documents(session),
        # Analysts reach the de-identified copy only (issue 19).
        "analysts": lambda: analysis.problems(session),
        # Values the app cannot read or would refuse (DESIGN.md section 5b).
        **({"records": lambda: bad_records(session)} if records else {}),
    }
    for name, run in checks.items():
        try:
            report.checks[name] = run()
        except DatabaseError as exc:
            # A drive that fails, fills up or is held by another program gives no verdict
            # on the file: said as such, never as damage (issue 19).
            refused = drive_refusal(exc, session.folder)
            if refused is not None:
                raise refused from None
            report.checks[name] = ["could not be read: the database file is damaged here"]
    return report


def documents(session: Session) -> list[str]:
    """A line for each live document whose bytes are missing or are not what its row
    says (size, SHA-256), and for each set of bytes that belongs to no live document."""
    found = document_store.check_all(session.db)
    return (
        [f"document {i}: its contents are missing" for i in found.missing]
        + [f"document {i}: its contents do not match its SHA-256" for i in found.mismatched]
        + [f"contents of no document (an orphan): {i}" for i in found.orphans]
    )


def bad_records(session: Session, *, limit: int = RECORD_LINES_MAX) -> list[str]:
    """One line per synced record holding a value the app cannot read or would refuse
    (``row_check.row_problems``): its table, id, case number(s), and each field with the
    problem's code; never the value, which may be personal. Rows are read a chunk at a
    time."""
    lines: list[str] = []
    more = 0
    # A date up to a day past ours is one an import takes (the sender's clock may be in a
    # later time zone, services/sync/), so it is no bad record here either.
    today = max(session.today(), dt.date.today()) + dt.timedelta(days=1)
    for table, record_type in RECORD_TYPES.items():
        required_personal = [
            f.name
            for f in dataclasses.fields(record_type)
            if f.metadata.get("personal") and f.metadata.get("required")
        ]
        for chunk in integrity.rows_in_chunks(session.db, table):
            # A row of another office with its required personal fields blank is a
            # de-identified copy: those fields may be blank.
            groups: dict[bool, list[dict]] = {False: [], True: []}
            for row in chunk:
                groups[
                    row.get("origin") != session.office.id
                    and bool(required_personal)
                    and all(row.get(name) in (None, "") for name in required_personal)
                ].append(row)
            # The quick column-by-column pass clears a whole group at once (row_check).
            if all(
                rows_pass(record_type, rows, today=today, partial=partial)
                for partial, rows in groups.items()
                if rows
            ):
                continue
            for partial, row in ((p, row) for p, rows in groups.items() for row in rows):
                problems = row_problems(record_type, row, today=today, partial=partial)
                if not problems:
                    continue
                if len(lines) >= limit:
                    more += 1
                    continue
                numbers = integrity.case_numbers_of_record(session.db, table, row)
                fields = "; ".join(f"{p.field} {p.code}" for p in problems)
                lines.append(
                    f"{table} {row.get('id')}"
                    + (f" (case {', '.join(numbers)})" if numbers else "")
                    + f": {fields}"
                )
    if more:
        lines.append(f"… and {more} more records")
    return lines
