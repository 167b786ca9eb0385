"""SIMFONI-PPA entries (issue 25): which cases of a period were entered into the national
register, and under which reference."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows


@dataclass(frozen=True)
class PeriodCase:
    """A case opened in the period, with its SIMFONI-PPA entry if it has one."""

    case_number: str
    opened_on: str | None
    status: str
    assigned_to: str
    entry: r.SimfoniEntry | None


def live_entry(db: Database, case_id: str) -> r.SimfoniEntry | None:
    found = rows.select(db, r.SimfoniEntry, "case_id = ? AND deleted = 0", [case_id])
    return found[0] if found else None


def case_with_reference(db: Database, reference: str) -> str | None:
    """The number of the live case that has a live entry under ``reference``, if any
    (compared without regard to case or surrounding spaces)."""
    row = db.execute(
        "SELECT c.case_number FROM simfoni_entries s JOIN cases c ON c.id = s.case_id "
        "WHERE s.deleted = 0 AND c.deleted = 0 AND upper(trim(s.reference)) = upper(trim(?)) "
        "LIMIT 1",
        [reference],
    ).fetchone()
    return row[0] if row else None


def cases_of_period(
    db: Database, start: dt.date, end: dt.date, owner: tuple[str, str] = ("", "")
) -> list[PeriodCase]:
    """The live cases opened from ``start`` to ``end`` (a case worker's own with
    ``owner``), oldest first, each with its live entry."""
    where = "c.deleted = 0 AND c.opened_on BETWEEN :start AND :end"
    if owner[0]:
        where += " AND c.assigned_to = :owner AND c.origin = :office"
    found = db.execute(
        "SELECT c.case_number, c.opened_on, c.status, c.assigned_to, s.id FROM cases c "
        "LEFT JOIN simfoni_entries s ON s.case_id = c.id AND s.deleted = 0 "
        f"WHERE {where} ORDER BY c.opened_on, c.case_number",
        {"start": start.isoformat(), "end": end.isoformat(), "owner": owner[0], "office": owner[1]},
    ).fetchall()
    ids = [row[4] for row in found if row[4]]
    entries: dict[str, r.SimfoniEntry] = {}
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        marks = ",".join("?" * len(chunk))
        entries.update(
            (e.id, e) for e in rows.select(db, r.SimfoniEntry, f"id IN ({marks})", chunk)
        )
    return [
        PeriodCase(number, opened_on, status, assigned, entries.get(entry_id or ""))
        for number, opened_on, status, assigned, entry_id in found
    ]
