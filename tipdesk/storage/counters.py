"""Per-year counters for register and case numbers (taken inside the writing transaction)."""

from __future__ import annotations

from sqlite_utils import Database


def take(db: Database, name: str, year: int, count: int = 1) -> int:
    """Reserve ``count`` numbers of counter ``name`` for ``year``; return the first."""
    db.execute(
        """INSERT INTO counters (name, year, value) VALUES (?, ?, ?)
           ON CONFLICT (name, year) DO UPDATE SET value = value + excluded.value""",
        [name, year, count],
    )
    (value,) = db.execute(
        "SELECT value FROM counters WHERE name = ? AND year = ?", [name, year]
    ).fetchone()
    return value - count + 1
