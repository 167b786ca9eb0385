"""Integrity checks of the database: pages, structure, foreign keys, index, triggers."""

from __future__ import annotations

from collections.abc import Iterator

from sqlite_utils import Database

from tipdesk.storage import capture


def cipher_pages(db: Database) -> list[str]:
    """SQLCipher's HMAC check of every page: a tampered or damaged page is named."""
    return [row[0] for row in db.execute("PRAGMA cipher_integrity_check").fetchall()]


def structure(db: Database) -> list[str]:
    result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if result == ["ok"] else result


def foreign_keys(db: Database) -> list[str]:
    return [
        f"{row[0]} row {row[1]} refers to a missing {row[2]}"
        for row in db.execute("PRAGMA foreign_key_check").fetchall()
    ]


def search_index(db: Database) -> list[str]:
    try:
        db.execute("INSERT INTO case_search (case_search) VALUES ('integrity-check')")
    except Exception as exc:  # FTS5 reports corruption as an SQL error
        return [f"search index: {type(exc).__name__}"]
    indexed = db.execute("SELECT count(*) FROM case_search").fetchone()[0]
    live = db.execute("SELECT count(*) FROM cases WHERE deleted = 0").fetchone()[0]
    if indexed != live:
        return [f"search index holds {indexed} cases, the register {live}"]
    return []


def capture_triggers(db: Database) -> list[str]:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [
        f"change capture trigger {capture.trigger_name(table, op)} is missing"
        for table in capture.SYNCED_TABLES
        for op in ("insert", "update", "delete")
        if capture.trigger_name(table, op) not in names
    ]


def rows_in_chunks(db: Database, table: str, *, chunk: int = 2000) -> Iterator[list[dict]]:
    """Every row of ``table`` (a synced table), ``chunk`` rows at a time in rowid order:
    a register of a million cases is read without holding it."""
    last: int | None = None
    while True:
        after = "" if last is None else "WHERE rowid > ?"
        found = list(
            db.query(
                f"SELECT rowid AS _rowid, * FROM {table} {after} ORDER BY rowid LIMIT ?",
                ([] if last is None else [last]) + [chunk],
            )
        )
        if not found:
            return
        last = found[-1]["_rowid"]
        yield found


def case_numbers_of_record(db: Database, table: str, row: dict) -> list[str]:
    """The numbers of the cases a record belongs to: its own (a case), its person's, or
    its case's (a service, referral or note); [] for an office or provider."""
    if table == "cases":
        return [row["case_number"]] if row.get("case_number") else []
    if table == "persons":
        sql, key = "SELECT case_number FROM cases WHERE person_id = ? ORDER BY rid", row["id"]
    elif "case_id" in row:
        sql, key = "SELECT case_number FROM cases WHERE id = ?", row["case_id"]
    else:
        return []
    return [found[0] for found in db.execute(sql, [key]).fetchall()]
