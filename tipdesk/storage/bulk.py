"""Bulk inserts of prepared rows (demo data, imports): one statement per table and chunk."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from sqlite_utils import Database

from tipdesk.storage import capture


def insert_rows(db: Database, table: str, rows: Sequence[dict]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table`` inside the open transaction."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                        [tuple(map(row.__getitem__, columns)) for row in rows])


def insert_tuples(db: Database, table: str, columns: Sequence[str],
                  rows: Sequence[tuple]) -> None:
    """Insert value tuples (in ``columns`` order) into ``table`` inside the open transaction."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def insert_captured(db: Database, table: str, columns: Sequence[str],
                    rows: Sequence[tuple]) -> None:
    """Like ``insert_tuples`` for a synced table whose insert trigger is lifted
    (:func:`insert_triggers_lifted`): the ``_changes`` rows that trigger would write,
    made by one statement after the rows instead of one per row (none while muted)."""
    if not rows:
        return
    if _triggers(db, [f"{table}_capture_insert"]):
        # with the trigger in place every row would be captured twice
        raise RuntimeError(f"lift the insert trigger of {table} first")
    last = db.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
    insert_tuples(db, table, columns, rows)
    if not capture.is_muted(db):
        db.execute(
            "INSERT INTO _changes (entity, id, op, rev, base_rev, before_json, after_json, "
            "author) "
            f"SELECT ?, id, 'insert', rev, NULL, NULL, NULL, updated_by FROM {table} "
            "WHERE rowid > ? ORDER BY rowid", [table, last])


@contextlib.contextmanager
def insert_triggers_lifted(db: Database, tables: Sequence[str]) -> Iterator[None]:
    """Inside the open transaction, the insert-capture triggers of ``tables`` dropped
    while bulk rows go in, and put back exactly as they were (their stored SQL) after.

    A trigger, even muted, costs every inserted row its ``WHEN`` test and a statement
    journal (a tenth to a sixth of the demo's writing). The DDL is part of the
    transaction, so a rollback, or a process killed half-way, leaves the triggers as they
    were. Whatever happened in between (a rollback, even a commit), each trigger that is
    missing at the end is created again. Rows inserted meanwhile get no ``_changes`` row:
    :func:`insert_captured` writes them; an import, which mutes capture, wants none.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("insert triggers are lifted only inside a transaction")
    saved = _triggers(db, [f"{table}_capture_insert" for table in tables])
    try:
        for name, _ in saved:
            db.execute(f'DROP TRIGGER "{name}"')
        yield
    except BaseException:
        # The caller rolls back; if putting them back fails too, its error is the one
        # to tell, and the rollback restores them.
        with contextlib.suppress(Exception):
            _put_back(db, saved)
        raise
    _put_back(db, saved)


def _triggers(db: Database, names: Sequence[str]) -> list[tuple[str, str]]:
    marks = ", ".join("?" * len(names))
    return db.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                      f"AND name IN ({marks}) ORDER BY name", list(names)).fetchall()


def _put_back(db: Database, saved: Sequence[tuple[str, str]]) -> None:
    """Create each of the saved triggers that is missing (none, after a rollback)."""
    present = {name for name, _ in _triggers(db, [name for name, _ in saved])}
    for name, sql in saved:
        if name not in present:
            db.execute(sql)


def next_rid(db: Database) -> int:
    return db.execute("SELECT coalesce(max(rid), 0) + 1 FROM cases").fetchone()[0]


def insert_search_entries(db: Database, entries: Sequence[tuple]) -> None:
    """``(rid, names, numbers, places, notes)`` rows for cases just inserted."""
    db.conn.executemany(
        "INSERT INTO case_search (rowid, names, numbers, places, notes) VALUES (?,?,?,?,?)",
        entries)
