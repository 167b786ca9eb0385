"""Change capture: every write to a synced table appends a row to ``_changes``.

Triggers record the op, the rev before (``base_rev``) and after, and for an update the
fields it changed, before and after, as JSON. An insert keeps no image: the row itself
holds the values, and an export coalesces per record (base from the first unacknowledged
change, values from the row), so full images would only multiply the register's size.
An import mutes the triggers inside its own transaction so that applying a peer's
changes does not echo them back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import analysis

SYNCED_TABLES: tuple[str, ...] = tuple(r.SYNCED_RECORDS)
# The synced tables m001 made: the early migrations (re)install capture on these only,
# as they did when they landed; later tables install theirs in their own migration.
M001_TABLES = ("offices", "persons", "cases", "services", "referrals", "providers", "case_notes")
_MUTED = "(SELECT muted FROM _capture) = 0"


# Carried by the _changes row itself (id, rev) or by every write (time, author).
META_COLUMNS = ("rid", "id", "origin", "rev", "updated_at", "updated_by")


def trigger_name(table: str, op: str) -> str:
    """The capture trigger of ``table`` for ``op`` (insert, update, delete)."""
    return f"{table}_capture_{op}"


def _changed(prefix: str, columns: list[str]) -> str:
    """JSON of ``prefix``'s values for the columns an update changed."""
    parts = ", ".join(
        f'CASE WHEN OLD."{c}" IS NOT NEW."{c}" THEN \'$.{c}\' ELSE \'$._\' END, {prefix}."{c}"'
        for c in columns
    )
    return f"json_remove(json_set('{{}}', {parts}), '$._')"


def install(db: Database, table: str) -> None:
    """(Re)create the capture triggers of ``table`` for its current columns.

    Once ``_changes`` has its ``author`` column (m002), each change records who made it:
    the row's ``updated_by`` after the write, or before it for a purge.
    """
    columns = [c.name for c in db[table].columns if c.name not in META_COLUMNS]
    # m001 installs before the column exists; m002 re-installs with it.
    with_author = "author" in {c.name for c in db["_changes"].columns}
    into = "entity, id, op, rev, base_rev, before_json, after_json"
    into += ", author" if with_author else ""

    def by(row: str) -> str:
        return f", {row}.updated_by" if with_author else ""

    for op in ("insert", "update", "delete"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, op)}")
    db.execute(f"""
        CREATE TRIGGER {trigger_name(table, "insert")} AFTER INSERT ON {table} WHEN {_MUTED}
        BEGIN
            INSERT INTO _changes ({into})
            VALUES ('{table}', NEW.id, 'insert', NEW.rev, NULL, NULL, NULL{by("NEW")});
        END""")
    db.execute(f"""
        CREATE TRIGGER {trigger_name(table, "update")} AFTER UPDATE ON {table} WHEN {_MUTED}
        BEGIN
            INSERT INTO _changes ({into})
            VALUES ('{table}', NEW.id,
                    CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' ELSE 'update' END,
                    NEW.rev, OLD.rev, {_changed("OLD", columns)}, {_changed("NEW", columns)}
                    {by("NEW")});
        END""")
    db.execute(f"""
        CREATE TRIGGER {trigger_name(table, "delete")} AFTER DELETE ON {table} WHEN {_MUTED}
        BEGIN
            INSERT INTO _changes ({into})
            VALUES ('{table}', OLD.id, 'purge', OLD.rev, OLD.rev, NULL, NULL{by("OLD")});
        END""")


@contextlib.contextmanager
def insert_triggers_lifted(db: Database, tables: Sequence[str]) -> Iterator[None]:
    """Inside the open transaction, the insert-capture triggers of ``tables`` dropped
    while bulk rows go in, and put back exactly as they were (their stored SQL) after.

    A trigger, even muted, costs every inserted row its ``WHEN`` test and a statement
    journal (a tenth to a sixth of the demo's writing). The DDL is part of the
    transaction, so a rollback, or a process killed half-way, leaves the triggers as they
    were. Whatever happened in between (a rollback, even a commit), each trigger that is
    missing at the end is created again. Rows inserted meanwhile get no ``_changes`` row:
    ``bulk.insert_captured`` writes them; an import, which mutes capture, wants none.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("insert triggers are lifted only inside a transaction")
    saved = _triggers(
        db,
        [trigger_name(table, "insert") for table in tables]
        + [analysis.trigger_name(table, "insert") for table in tables],
    )
    # The analysis copy's notes of new rows are written after, in one statement a table.
    before = analysis.newest_rowids(db, tables)
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
    analysis.note_new_rows(db, before)


def insert_trigger_in_place(db: Database, table: str) -> bool:
    return bool(_triggers(db, [trigger_name(table, "insert")]))


def _triggers(db: Database, names: Sequence[str]) -> list[tuple[str, str]]:
    marks = ", ".join("?" * len(names))
    return db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        f"AND name IN ({marks}) ORDER BY name",
        list(names),
    ).fetchall()


def _put_back(db: Database, saved: Sequence[tuple[str, str]]) -> None:
    """Create each of the saved triggers that is missing (none, after a rollback)."""
    present = {name for name, _ in _triggers(db, [name for name, _ in saved])}
    for name, sql in saved:
        if name not in present:
            db.execute(sql)


def set_muted(db: Database, muted: bool) -> None:
    """Mute or unmute capture; call inside the transaction that applies an import."""
    db.execute("UPDATE _capture SET muted = ?", [1 if muted else 0])


def is_muted(db: Database) -> bool:
    return bool(db.execute("SELECT muted FROM _capture").fetchone()[0])


def changes_after(db: Database, seq: int = 0, *, limit: int | None = None) -> list[dict]:
    """Captured changes with a sequence number above ``seq``, oldest first."""
    sql = "SELECT * FROM _changes WHERE seq > ? ORDER BY seq"
    params: list = [seq]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return list(db.query(sql, params))


def redact(db: Database, table: str, record_id: str, fields: list[str]) -> None:
    """Blank ``fields`` wherever a captured image of one record holds them."""
    if not fields:
        return
    paths = ", ".join(f"'$.{f}', NULL" for f in fields)
    db.execute(
        f"""UPDATE _changes SET
              before_json = CASE WHEN before_json IS NULL THEN NULL
                                 ELSE json_replace(before_json, {paths}) END,
              after_json = CASE WHEN after_json IS NULL THEN NULL
                                ELSE json_replace(after_json, {paths}) END
            WHERE entity = ? AND id = ?""",
        [table, record_id],
    )
