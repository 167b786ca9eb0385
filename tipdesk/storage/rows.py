"""Mapping records to rows and back, and the writes every synced table shares.

Dates are stored as ISO text, lists as JSON arrays, flags as 0/1. Every write stamps the
row with a fresh rev, the time and the user (``Stamp``); the change-capture triggers
record it in ``_changes``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlite_utils import Database

from tipdesk.domain import records as r

T = TypeVar("T")
# Returns {"rev": ..., "updated_at": ..., "updated_by": ...} for one row write.
Stamp = Callable[[], dict[str, str]]

TABLES: dict[type, str] = {
    r.Office: "offices",
    r.Person: "persons",
    r.Case: "cases",
    r.Service: "services",
    r.Referral: "referrals",
    r.Provider: "providers",
    r.CaseNote: "case_notes",
    r.User: "users",
}


def to_row(record: object) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        kind = f.metadata.get("kind")
        if kind in ("codes", "lines"):
            value = json.dumps(list(value), ensure_ascii=False)
        elif kind == "date":
            value = value.isoformat() if value else None
        elif kind == "flag":
            value = 1 if value else 0
        row[f.name] = value
    return row


def from_row(record_type: type[T], row: dict[str, Any]) -> T:
    values: dict[str, Any] = {}
    for f in dataclasses.fields(record_type):
        if f.name not in row:
            continue
        value = row[f.name]
        kind = f.metadata.get("kind")
        if kind in ("codes", "lines"):
            value = json.loads(value) if value else []
        elif kind == "date":
            value = dt.date.fromisoformat(value) if value else None
        elif kind == "flag":
            value = bool(value)
        elif kind == "text" and value is None:
            value = ""
        values[f.name] = value
    return record_type(**values)


def table_of(record: object | type) -> str:
    return TABLES[record if isinstance(record, type) else type(record)]


def insert(db: Database, record: Any, stamp: Stamp) -> None:
    """Insert a synced record; ``record.id`` and ``record.origin`` must be set."""
    record.__dict__.update(stamp())
    db[table_of(record)].insert(to_row(record))


def update(db: Database, record: Any, stamp: Stamp) -> None:
    """Write every field of an existing synced record, with a new rev."""
    record.__dict__.update(stamp())
    row = to_row(record)
    record_id = row.pop("id")
    assignments = ", ".join(f'"{name}" = ?' for name in row)
    cursor = db.execute(f"UPDATE {table_of(record)} SET {assignments} WHERE id = ?",
                        [*row.values(), record_id])
    if cursor.rowcount != 1:
        raise LookupError("record to update is not in the register")


def get(db: Database, record_type: type[T], record_id: str) -> T | None:
    rows = list(db.query(f"SELECT * FROM {TABLES[record_type]} WHERE id = ?", [record_id]))
    return from_row(record_type, rows[0]) if rows else None


def select(db: Database, record_type: type[T], where: str, params: Iterable[Any] = (),
           order_by: str | None = None) -> list[T]:
    sql = f"SELECT * FROM {TABLES[record_type]} WHERE {where}"
    if order_by:
        sql += f" ORDER BY {order_by}"
    return [from_row(record_type, row) for row in db.query(sql, list(params))]


def soft_delete(db: Database, record: Any, stamp: Stamp) -> None:
    """Mark a record deleted, scrub its personal fields here and in captured changes.

    The row stays as a tombstone so that a sync cannot bring the data back.
    """
    from tipdesk.storage import capture

    personal = r.personal_fields(type(record))
    defaults = {f.name: (f.default if f.default is not dataclasses.MISSING else [])
                for f in dataclasses.fields(record) if f.name in personal}
    for name, value in defaults.items():
        setattr(record, name, value)
    record.deleted = True
    update(db, record, stamp)
    capture.redact(db, table_of(record), record.id, personal)
