"""Reading incidents and the case journey's links (DESIGN.md section 10): an incident by
its number, the incidents with how many cases name them, and the cases of one incident."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows


def incident_by_number(db: Database, number: str) -> r.Incident | None:
    found = rows.select(db, r.Incident, "incident_number = ? AND deleted = 0", [number])
    return found[0] if found else None


def incidents(db: Database) -> list[tuple[r.Incident, int]]:
    """Live incidents, newest first, each with how many live cases name it."""
    counts = {
        row["incident_id"]: row["n"]
        for row in db.query(
            "SELECT incident_id, count(*) AS n FROM cases WHERE incident_id IS NOT NULL "
            "AND incident_id <> '' AND deleted = 0 GROUP BY incident_id"
        )
    }
    found = rows.select(db, r.Incident, "deleted = 0", order_by="occurred_on DESC, id DESC")
    return [(incident, counts.get(incident.id, 0)) for incident in found]


def cases_of_incident(db: Database, incident_id: str) -> list[r.Case]:
    """The live cases that name the incident, in the order they were registered here."""
    return rows.select(db, r.Case, "incident_id = ? AND deleted = 0", [incident_id], order_by="rid")


def live_ids(db: Database, table: str, case_id: str) -> set[str]:
    """Ids of the live records of ``table`` (a case child) of one case."""
    if table not in r.CHILD_TABLES:
        raise ValueError(f"{table} is not a table of case records")
    return {
        row[0]
        for row in db.execute(
            f"SELECT id FROM {table} WHERE case_id = ? AND deleted = 0", [case_id]
        )
    }


def set_fields(db: Database, record: Any, values: dict[str, Any], stamp: rows.Stamp) -> None:
    """Write ``values`` (field -> value as the record holds it) of a stored synced record,
    and nothing else of it, with a new rev: a field the app cannot read stays as stored."""
    for name, value in values.items():
        setattr(record, name, value)
    record.__dict__.update(stamp())
    row = rows.to_row(record)
    names = [*values, "rev", "updated_at", "updated_by"]
    assignments = ", ".join(f'"{name}" = ?' for name in names)
    cursor = db.execute(
        f"UPDATE {rows.table_of(record)} SET {assignments} WHERE id = ?",
        [*(row[name] for name in names), record.id],
    )
    if cursor.rowcount != 1:
        raise LookupError("record to update is not in the register")
