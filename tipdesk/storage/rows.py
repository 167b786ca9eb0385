"""Mapping records to rows and back, and the writes every synced table shares.

Dates are stored as ISO text, lists as JSON arrays, flags as 0/1. Every write stamps the
row with a fresh rev, the time and the user (``Stamp``); the change-capture triggers
record it in ``_changes``.

Reading never fails on a stored value (DESIGN.md section 5b): a value that cannot be
read as its field's kind becomes the field's default (``row_check.decode``), a code
outside its vocabulary or a number outside its range is kept as stored, and the record
names those fields (``records.unreadable_fields``) so that screens and commands can show
the rest and say what is missing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.domain import row_check
from tipdesk.domain.validation import MAX_AGE
from tipdesk.domain.vocab import VOCABULARIES

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")
# Returns {"rev": ..., "updated_at": ..., "updated_by": ...} for one row write.
Stamp = Callable[[], dict[str, str]]

TABLES: dict[type, str] = {
    **{record: table for table, record in r.SYNCED_RECORDS.items()},
    r.User: "users",
}


def to_row(record: DataclassInstance) -> dict[str, Any]:
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
    """The record a row holds; never fails on a stored value. Fields whose value is
    unreadable or out of bounds (:func:`read_value`) are named in the record's
    ``unreadable`` attribute (``records.unreadable_fields``)."""
    record, problems = row_check.decode(record_type, row)
    bad = {problem.field for problem in problems}
    for f in dataclasses.fields(record_type):
        if f.name in row and f.name not in bad and _out_of_bounds(f, getattr(record, f.name)):
            bad.add(f.name)
    if bad:
        setattr(
            record,
            r.UNREADABLE,
            tuple(f.name for f in dataclasses.fields(record_type) if f.name in bad),
        )
    return record


def read_value(f: dataclasses.Field, value: Any) -> tuple[Any, bool]:
    """One stored value as a record holds it, and whether it is unreadable: of the wrong
    kind (the field's default then stands in), or a code outside its vocabulary or a
    number outside its range (kept as stored)."""
    decoded, problem = row_check.decode_value(f, value)
    if problem:
        return decoded, True
    return decoded, _out_of_bounds(f, decoded)


# Numbers the app holds to a range (validation): a stored one outside it is marked.
_RANGES: dict[str, tuple[int, int]] = {"estimated_age": (0, MAX_AGE)}


def _out_of_bounds(f: dataclasses.Field, value: Any) -> bool:
    """A readable value that the field cannot hold: a code outside its vocabulary, a
    number outside its range."""
    kind, vocab = f.metadata.get("kind"), f.metadata.get("vocab")
    if kind == "code" and vocab:
        return value is not None and value not in VOCABULARIES[vocab]
    if kind == "codes" and vocab:
        return any(item not in VOCABULARIES[vocab] for item in value)
    if kind == "int" and value is not None and f.name in _RANGES:
        low, high = _RANGES[f.name]
        return not low <= value <= high
    return False


def table_of(record: object | type) -> str:
    return TABLES[record if isinstance(record, type) else type(record)]


def insert(db: Database, record: Any, stamp: Stamp) -> None:
    """Insert a synced record; ``record.id`` and ``record.origin`` must be set."""
    record.__dict__.update(stamp())
    db.table(table_of(record)).insert(to_row(record))


def update(db: Database, record: Any, stamp: Stamp) -> None:
    """Write every field of an existing synced record, with a new rev."""
    record.__dict__.update(stamp())
    row = to_row(record)
    record_id = row.pop("id")
    assignments = ", ".join(f'"{name}" = ?' for name in row)
    cursor = db.execute(
        f"UPDATE {table_of(record)} SET {assignments} WHERE id = ?", [*row.values(), record_id]
    )
    if cursor.rowcount != 1:
        raise LookupError("record to update is not in the register")


def get(db: Database, record_type: type[T], record_id: str) -> T | None:
    rows = list(db.query(f"SELECT * FROM {TABLES[record_type]} WHERE id = ?", [record_id]))
    return from_row(record_type, rows[0]) if rows else None


def select(
    db: Database,
    record_type: type[T],
    where: str,
    params: Iterable[Any] = (),
    order_by: str | None = None,
) -> list[T]:
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
    defaults = {
        f.name: (f.default if f.default is not dataclasses.MISSING else [])
        for f in dataclasses.fields(record)
        if f.name in personal
    }
    for name, value in defaults.items():
        setattr(record, name, value)
    record.deleted = True
    update(db, record, stamp)
    capture.redact(db, table_of(record), record.id, personal)
