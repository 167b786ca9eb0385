"""Bulk inserts of prepared rows (demo data, imports): one statement per table and chunk."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database


def insert_rows(db: Database, table: str, rows: Sequence[dict]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table`` inside the open transaction."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                        [tuple(row[c] for c in columns) for row in rows])


def insert_tuples(db: Database, table: str, columns: Sequence[str],
                  rows: Sequence[tuple]) -> None:
    """Insert value tuples (in ``columns`` order) into ``table`` inside the open transaction."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def next_rid(db: Database) -> int:
    return db.execute("SELECT coalesce(max(rid), 0) + 1 FROM cases").fetchone()[0]


def insert_search_entries(db: Database, entries: Sequence[tuple]) -> None:
    """``(rid, names, numbers, places, notes)`` rows for cases just inserted."""
    db.conn.executemany(
        "INSERT INTO case_search (rowid, names, numbers, places, notes) VALUES (?,?,?,?,?)",
        entries)
