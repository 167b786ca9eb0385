"""Bulk inserts of prepared rows (demo data, imports): one statement per table and chunk."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from tipdesk.storage import capture


def insert_rows(db: Database, table: str, rows: Sequence[dict]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table`` inside the open transaction."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        [tuple(map(row.__getitem__, columns)) for row in rows],
    )


def insert_tuples(db: Database, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert value tuples (in ``columns`` order) into ``table`` inside the open transaction."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def insert_captured(
    db: Database, table: str, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Like ``insert_tuples`` for a synced table whose insert trigger is lifted
    (``capture.insert_triggers_lifted``): the ``_changes`` rows that trigger would write,
    made by one statement after the rows instead of one per row (none while muted).

    If it fails, rows of its statements may be left in the transaction (see OR FAIL
    below): the caller must roll the whole transaction back, never carry on after it."""
    if not rows:
        return
    if capture.insert_trigger_in_place(db, table):
        # with the trigger in place every row would be captured twice
        raise RuntimeError(f"lift the insert trigger of {table} first")
    last = db.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
    insert_tuples(db, table, columns, rows)
    if not capture.is_muted(db):
        # OR FAIL: a statement that can stop half-way through many rows gets no statement
        # journal, and so FTS5 is not told of one, which makes it write out the search
        # words it holds (schema.SEARCH_HASH_BYTES) as one more segment to merge. A row
        # failing here fails the whole write, whose transaction the caller rolls back.
        db.execute(
            "INSERT OR FAIL INTO _changes (entity, id, op, rev, base_rev, before_json, "
            "after_json, author) "
            f"SELECT ?, id, 'insert', rev, NULL, NULL, NULL, updated_by FROM {table} "
            "WHERE rowid > ? ORDER BY rowid",
            [table, last],
        )


def next_rid(db: Database) -> int:
    return db.execute("SELECT coalesce(max(rid), 0) + 1 FROM cases").fetchone()[0]


def insert_search_entries(db: Database, entries: Sequence[tuple]) -> None:
    """``(rid, names, numbers, places, notes, spellings)`` rows (``search.entry``) for
    cases just inserted."""
    db.conn.executemany(
        "INSERT INTO case_search (rowid, names, numbers, places, notes, spellings) "
        "VALUES (?,?,?,?,?,?)",
        entries,
    )
