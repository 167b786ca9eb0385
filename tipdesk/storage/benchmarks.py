"""The raw queries ``tipdesk bench`` compares the register's own code with.

They read the same rows the services read, without the layers above: the difference is
the overhead the budgets are about.
"""

from __future__ import annotations

import sqlite3
import time

from sqlite_utils import Database

DEMO_TABLES = ("persons", "cases", "services", "referrals", "case_notes")


def sample_names(db: Database, limit: int) -> list[str]:
    return [row["full_name"] for row in db.query(
        "SELECT full_name FROM persons ORDER BY rowid LIMIT ?", [limit])]


def _spread(db: Database, table: str, key: str, column: str, count: int, seed: int,
            where: str = "1") -> list:
    """``count`` values of ``column`` from rows spread evenly over ``table`` by ``key``
    (a row number), the same for the same seed."""
    total = db.execute(f"SELECT max({key}) FROM {table}").fetchone()[0] or 0
    if not total:
        return []
    step = max(1, total // count)
    keys = [1 + (seed + i * step) % total for i in range(count)]
    marks = ",".join("?" * len(keys))
    return [row[0] for row in db.execute(
        f"SELECT {column} FROM {table} WHERE {key} IN ({marks}) AND {where} ORDER BY {key}",
        keys)]


def sample_case_numbers(db: Database, count: int, seed: int) -> list[str]:
    """``count`` case numbers spread over the register, the same for the same seed."""
    return _spread(db, "cases", "rid", "case_number", count, seed)


def raw_case(db: Database, number: str) -> None:
    """The rows ``open_case`` reads, fetched as plain tuples."""
    conn = db.conn
    cursor = conn.execute("SELECT * FROM cases WHERE case_number = ?", [number])
    names = [d[0] for d in cursor.description]
    case = cursor.fetchone()
    case_id, person_id = case[names.index("id")], case[names.index("person_id")]
    conn.execute("SELECT * FROM persons WHERE id = ?", [person_id]).fetchall()
    for table in ("services", "referrals", "case_notes"):
        conn.execute(f"SELECT * FROM {table} WHERE case_id = ?", [case_id]).fetchall()


def plain_inserts(source: Database, chunk: int = 20_000) -> float:
    """Seconds to insert the register's demo rows with plain sqlite-utils (no encryption,
    triggers or index) into an in-memory database, so no copy of the rows touches disk."""
    target = Database(sqlite3.connect(":memory:"))
    elapsed = 0.0
    try:
        for table in DEMO_TABLES:
            last = 0
            while True:
                rows = list(source.query(
                    f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid > ? "
                    f"ORDER BY rowid LIMIT ?", [last, chunk]))
                if not rows:
                    break
                last = rows[-1].pop("_rowid")
                for row in rows:
                    row.pop("_rowid", None)
                started = time.perf_counter()
                target[table].insert_all(rows, batch_size=1000)
                elapsed += time.perf_counter() - started
    finally:
        target.close()
    return elapsed


def sample_referral_ids(db: Database, count: int, seed: int) -> list[str]:
    """``count`` live referral ids spread over the register, the same for the same seed."""
    return _spread(db, "referrals", "rowid", "id", count, seed, where="deleted = 0")


def raw_serialise(source: Database, chunk: int = 20_000) -> tuple[bytes, float]:
    """The register's synced rows as JSON lines with the standard library (the raw cost
    an export is compared with, with encryption added by the caller); and the seconds
    spent serialising, reads excluded."""
    import json

    parts: list[bytes] = []
    elapsed = 0.0
    for table in ("offices", "providers", *DEMO_TABLES):
        last = 0
        while True:
            rows = list(source.query(
                f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid > ? "
                f"ORDER BY rowid LIMIT ?", [last, chunk]))
            if not rows:
                break
            last = rows[-1]["_rowid"]
            started = time.perf_counter()
            parts.append("\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
                         .encode())
            elapsed += time.perf_counter() - started
    started = time.perf_counter()
    data = b"\n".join(parts)
    return data, elapsed + time.perf_counter() - started
