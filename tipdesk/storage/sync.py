"""Sync bookkeeping (local only): this office's keys, enrolled peers, batches seen, the
inbox of batches waiting for a gap, conflicts; and reading/writing synced rows by id for
export and import."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage.capture import SYNCED_TABLES

# Parents before children, so foreign keys hold while a batch is applied.
APPLY_ORDER: tuple[str, ...] = tuple(r.SYNCED_RECORDS)
assert set(APPLY_ORDER) == set(SYNCED_TABLES)
# A restored register's next change number is this far above the last it had, so its
# batches are newer than any it sent before (skip_change_numbers).
RESTORE_SEQ_JUMP = 1_000_000_000
# Local columns that never travel.
LOCAL_COLUMNS = ("rid",)
_CHUNK = 500


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


MIGRATION = """
-- This office's signing key and age identity (inside the encrypted database).
CREATE TABLE office_keys (
    office_id TEXT PRIMARY KEY,
    secrets TEXT NOT NULL,
    card TEXT NOT NULL
) STRICT;
-- Offices enrolled by key file and fingerprint, and where sync with each stands.
CREATE TABLE peers (
    office_id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    card TEXT NOT NULL,
    key_id BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    profile TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    enrolled_by TEXT NOT NULL,
    acked_upto INTEGER NOT NULL DEFAULT 0,
    sent_upto INTEGER NOT NULL DEFAULT 0,
    last_sent_at TEXT,
    last_acked_at TEXT,
    received_upto INTEGER NOT NULL DEFAULT 0,
    last_received_at TEXT
) STRICT;
CREATE INDEX peers_key_id ON peers (key_id);
-- Every batch written or applied, by id: a batch is never applied twice.
CREATE TABLE batches (
    batch_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL,
    peer TEXT NOT NULL,
    seq_from INTEGER NOT NULL,
    seq_to INTEGER NOT NULL,
    ack_upto INTEGER NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '{}'
) STRICT;
-- Batches kept (still encrypted, in inbox/) until the gap before them is filled.
CREATE TABLE inbox (
    batch_id TEXT PRIMARY KEY,
    peer TEXT NOT NULL,
    file TEXT NOT NULL,
    seq_from INTEGER NOT NULL,
    seq_to INTEGER NOT NULL,
    received_at TEXT NOT NULL
) STRICT;
-- Fields both offices changed, and deletes against edits, for a person to decide.
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kind TEXT NOT NULL,
    local_value TEXT,
    remote_value TEXT,
    local_rev TEXT NOT NULL,
    remote_rev TEXT NOT NULL,
    local_author TEXT NOT NULL,
    remote_author TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    peer TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT
) STRICT;
CREATE INDEX conflicts_record ON conflicts (entity, record_id);
-- A merge's change stands for the earlier changes of its record in later batches.
ALTER TABLE _changes ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;
"""


# --- our keys ----------------------------------------------------------------------------


def get_keys(db: Database) -> dict | None:
    rows = list(db.query("SELECT secrets, card FROM office_keys LIMIT 1"))
    return rows[0] if rows else None


def set_keys(db: Database, office_id: str, secrets: str, card: str) -> None:
    db.execute(
        """INSERT INTO office_keys (office_id, secrets, card) VALUES (?, ?, ?)
                  ON CONFLICT (office_id) DO UPDATE SET secrets = excluded.secrets,
                                                        card = excluded.card""",
        [office_id, secrets, card],
    )


# --- peers -------------------------------------------------------------------------------

PEER_COLUMNS = (
    "office_id",
    "code",
    "name",
    "level",
    "card",
    "key_id",
    "fingerprint",
    "profile",
    "enrolled_at",
    "enrolled_by",
    "acked_upto",
    "sent_upto",
    "last_sent_at",
    "last_acked_at",
    "received_upto",
    "last_received_at",
    "audit_seq",
    "audit_hash",
    "audit_at",
    "audit_warning",
)


def peers(db: Database) -> list[dict]:
    return list(db.query("SELECT * FROM peers ORDER BY code"))


def peer_by(db: Database, **where: Any) -> dict | None:
    ((column, value),) = where.items()
    if column not in ("office_id", "code", "key_id"):
        raise ValueError(column)
    rows = list(db.query(f"SELECT * FROM peers WHERE {column} = ?", [value]))
    return rows[0] if rows else None


def upsert_peer(db: Database, peer: dict) -> None:
    columns = [c for c in PEER_COLUMNS if c in peer]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "office_id")
    db.execute(
        f"""INSERT INTO peers ({", ".join(columns)})
                   VALUES ({", ".join("?" * len(columns))})
                   ON CONFLICT (office_id) DO UPDATE SET {updates}""",
        [peer[c] for c in columns],
    )


def update_peer(db: Database, office_id: str, **values: Any) -> None:
    for column in values:
        if column not in PEER_COLUMNS or column == "office_id":
            raise ValueError(column)
    assignments = ", ".join(f"{c} = ?" for c in values)
    db.execute(f"UPDATE peers SET {assignments} WHERE office_id = ?", [*values.values(), office_id])


# --- batches -----------------------------------------------------------------------------


def batch_seen(db: Database, batch_id: str) -> bool:
    return db.execute("SELECT 1 FROM batches WHERE batch_id = ?", [batch_id]).fetchone() is not None


def record_batch(db: Database, **batch: Any) -> None:
    batch = {**batch, "summary": json.dumps(batch.get("summary", {}))}
    columns = list(batch)
    db.execute(
        f"INSERT INTO batches ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        list(batch.values()),
    )


def newest_batch_made(db: Database, peer: str) -> str | None:
    """When the newest batch we imported from ``peer`` was made (its manifest's
    ``created_at``, kept in the summary); None before any, or only older records."""
    return db.execute(
        "SELECT max(json_extract(summary, '$.created_at')) FROM batches "
        "WHERE direction = 'in' AND peer = ?",
        [peer],
    ).fetchone()[0]


# --- inbox -------------------------------------------------------------------------------


def add_inbox(db: Database, **item: Any) -> None:
    if "detail" in item:
        item["detail"] = json.dumps(item["detail"])
    columns = list(item)
    db.execute(
        f"INSERT OR IGNORE INTO inbox ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})",
        list(item.values()),
    )


def inbox(db: Database, *, peer: str | None = None) -> list[dict]:
    sql, params = "SELECT * FROM inbox", []
    if peer:
        sql, params = sql + " WHERE peer = ?", [peer]
    return list(db.query(sql + " ORDER BY seq_from, received_at", params))


def remove_inbox(db: Database, batch_id: str) -> None:
    db.execute("DELETE FROM inbox WHERE batch_id = ?", [batch_id])


def hold_inbox(db: Database, batch_id: str, held: str | None, detail: dict) -> None:
    """Hold an inbox batch for an administrator, for the reason ``held`` (None: it
    waits, no longer held)."""
    db.execute(
        "UPDATE inbox SET held = ?, detail = ? WHERE batch_id = ?",
        [held, json.dumps(detail), batch_id],
    )


def inbox_item(db: Database, batch_id: str) -> dict | None:
    rows = list(db.query("SELECT * FROM inbox WHERE batch_id = ?", [batch_id]))
    return rows[0] if rows else None


# --- audit anchors -----------------------------------------------------------------------


def set_anchor(db: Database, peer: str, seq: int, hash_: str, at: str) -> None:
    """Our audit head as ``peer`` last saw it."""
    db.execute(
        """INSERT INTO audit_anchors (peer, seq, hash, at) VALUES (?, ?, ?, ?)
                  ON CONFLICT (peer) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
                                                   at = excluded.at""",
        [peer, seq, hash_, at],
    )


def anchors(db: Database) -> list[dict]:
    return list(db.query("SELECT * FROM audit_anchors ORDER BY peer"))


# --- owners ------------------------------------------------------------------------------


def origins(db: Database, table: str, ids: Iterable[str]) -> dict[str, str]:
    """The ``origin`` of each record of ``table`` among ``ids`` that is here."""
    found: dict[str, str] = {}
    for chunk in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(chunk))
        found.update(
            db.execute(
                f"SELECT id, origin FROM {table} WHERE id IN ({marks})", list(chunk)
            ).fetchall()
        )
    return found


def live_cases_of(db: Database, origin: str) -> int:
    """How many cases of office ``origin`` are here and not deleted."""
    return db.execute(
        "SELECT count(*) FROM cases WHERE origin = ? AND NOT deleted", [origin]
    ).fetchone()[0]


# --- conflicts ---------------------------------------------------------------------------

CONFLICT_COLUMNS = (
    "id",
    "entity",
    "record_id",
    "field",
    "kind",
    "local_value",
    "remote_value",
    "local_rev",
    "remote_rev",
    "local_author",
    "remote_author",
    "batch_id",
    "peer",
    "created_at",
)


def add_conflict(db: Database, conflict: dict) -> None:
    row = {c: conflict[c] for c in CONFLICT_COLUMNS}
    row["local_value"] = json.dumps(row["local_value"], ensure_ascii=False)
    row["remote_value"] = json.dumps(row["remote_value"], ensure_ascii=False)
    db.execute(
        f"INSERT INTO conflicts ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )


def _conflict(row: dict) -> dict:
    return {
        **row,
        "local_value": json.loads(row["local_value"]),
        "remote_value": json.loads(row["remote_value"]),
    }


def conflicts(db: Database, *, open_only: bool = True) -> list[dict]:
    sql = "SELECT * FROM conflicts"
    if open_only:
        sql += " WHERE resolved_at IS NULL"
    return [_conflict(row) for row in db.query(sql + " ORDER BY created_at, id")]


def conflict(db: Database, conflict_id: str) -> dict | None:
    rows = list(db.query("SELECT * FROM conflicts WHERE id = ?", [conflict_id]))
    return _conflict(rows[0]) if rows else None


def resolve_conflict(db: Database, conflict_id: str, *, resolution: str, at: str, by: str) -> None:
    db.execute(
        "UPDATE conflicts SET resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ?",
        [resolution, at, by, conflict_id],
    )


# --- changes and rows for export ---------------------------------------------------------


def max_seq(db: Database) -> int:
    return db.execute("SELECT coalesce(max(seq), 0) FROM _changes").fetchone()[0]


def last_change_number(db: Database) -> int:
    """The highest change number handed out or skipped: above :func:`max_seq` after a
    restore (:func:`skip_change_numbers`), so the restored office's next batch is newer
    than any it sent before, even before it makes a change of its own."""
    kept = db.execute("SELECT seq FROM sqlite_sequence WHERE name = '_changes'").fetchone()
    return max(max_seq(db), kept[0] if kept else 0)


def rows_by_id(db: Database, table: str, ids: Sequence[str]) -> dict[str, dict]:
    """Current rows of ``table`` by id, without local-only columns."""
    found: dict[str, dict] = {}
    for chunk in _chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT * FROM {table} WHERE id IN ({marks})", list(chunk)):
            for column in LOCAL_COLUMNS:
                row.pop(column, None)
            found[row["id"]] = row
    return found


# --- applying an import ------------------------------------------------------------------


def local_changes(db: Database, entity: str, record_id: str) -> list[dict]:
    """This office's captured changes of one record, oldest first (imports are muted, so
    every row here is a local edit or a merge)."""
    return list(
        db.query(
            "SELECT seq, op, rev, base_rev, before_json, after_json FROM _changes "
            "WHERE entity = ? AND id = ? ORDER BY seq",
            [entity, record_id],
        )
    )


def write_row(db: Database, table: str, row: dict) -> None:
    """Replace the synced columns of an existing row (its local rid stays). Column names
    come from the table, never from the row: a row is data from another office."""
    names = [c for c in table_columns(db, table) if c != "id" and c in row]
    assignments = ", ".join(f'"{c}" = ?' for c in names)
    db.execute(
        f"UPDATE {table} SET {assignments} WHERE id = ?", [*(row[c] for c in names), row["id"]]
    )


def append_change(db: Database, change: dict) -> None:
    """Record a change by hand (a merge's result while capture is muted)."""
    columns = ("entity", "id", "op", "rev", "base_rev", "before_json", "after_json", "author")
    db.execute(
        f"INSERT INTO _changes ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [change.get(c) for c in columns],
    )


def supersede(db: Database, entity: str, record_id: str) -> None:
    """Mark our earlier changes of a record as folded into a merge: the merge's own
    change stands for them in later batches (History still shows them)."""
    db.execute(
        "UPDATE _changes SET superseded = 1 WHERE entity = ? AND id = ?", [entity, record_id]
    )


def case_number_of(db: Database, entity: str, record_id: str) -> str:
    """The case number a record belongs to ("" for providers and offices)."""
    if entity == "cases":
        sql, params = "SELECT case_number FROM cases WHERE id = ?", [record_id]
    elif entity == "persons":
        sql = "SELECT case_number FROM cases WHERE person_id = ? ORDER BY rid LIMIT 1"
        params = [record_id]
    elif entity in r.CHILD_TABLES:
        sql = (
            f"SELECT c.case_number FROM {entity} x JOIN cases c ON c.id = x.case_id WHERE x.id = ?"
        )
        params = [record_id]
    else:
        return ""
    found = db.execute(sql, params).fetchone()
    return found[0] if found else ""


def case_rids(db: Database, case_ids: Sequence[str]) -> list[int]:
    rids: list[int] = []
    for chunk in _chunks(list(case_ids)):
        marks = ",".join("?" * len(chunk))
        rids += [
            row[0]
            for row in db.execute(f"SELECT rid FROM cases WHERE id IN ({marks})", list(chunk))
        ]
    return rids


def cases_of_persons(db: Database, person_ids: Sequence[str]) -> list[str]:
    found: list[str] = []
    for chunk in _chunks(list(person_ids)):
        marks = ",".join("?" * len(chunk))
        found += [
            row[0]
            for row in db.execute(f"SELECT id FROM cases WHERE person_id IN ({marks})", list(chunk))
        ]
    return found


# --- fast paths for whole batches ----------------------------------------------------------


def table_columns(db: Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns if c.name not in LOCAL_COLUMNS]


# How a column leaves this office under a sharing profile.
_TRANSFORMS = {
    "keep": "t.{c}",
    "blank": "''",
    "empty_list": "'[]'",
    "null": "NULL",
    "regency": "substr(t.{c}, 1, 5)",
    # completed years between birth and the row's last change (the person's age then)
    "age": (
        "coalesce(t.estimated_age, CASE WHEN t.birth_date IS NULL THEN NULL ELSE "
        "(CAST(strftime('%Y', t.updated_at) AS INTEGER) "
        "- CAST(strftime('%Y', t.birth_date) AS INTEGER) "
        "- (strftime('%m-%d', t.updated_at) < strftime('%m-%d', t.birth_date))) END)"
    ),
}


def _row_json(db: Database, table: str, transforms: dict[str, str]) -> str:
    parts = []
    for column in table_columns(db, table):
        expr = _TRANSFORMS[transforms.get(column, "keep")].format(c=f'"{column}"')
        parts.append(f"'{column}', {expr}")
    return f"json_object({', '.join(parts)})"


_AGG = """
    WITH agg AS (
        SELECT id, max(seq) AS seq, count(*) AS n, max(op) AS op, max(rev) AS rev
        FROM _changes
        WHERE seq > ? AND seq <= ? AND entity = ? AND superseded = 0
        GROUP BY id)"""


def export_inserted(
    db: Database,
    table: str,
    after: int,
    upto: int,
    *,
    transforms: dict[str, str] | None = None,
    where: str = "",
    params: Sequence[Any] = (),
    piece: int = 5000,
) -> Iterator[tuple[str, int]]:
    """The batch lines of records of ``table`` whose only change in ``(after, upto]`` is
    their insert (most of a first batch), each line made by SQLite; yielded as
    ``(lines joined by newlines, how many)`` pieces of at most ``piece`` lines, so a
    large table is never held whole. ``transforms`` (column -> kind of
    :data:`_TRANSFORMS`) apply the sharing profile; ``where`` (on ``t``, the table)
    chooses which records go. One statement, streamed in the order of the records' ids
    (the change index's), with nothing to sort: one snapshot, and little memory."""
    row = _row_json(db, table, transforms or {})
    sql = f"""{_AGG}
        SELECT json_object(
                   'e', ?, 'id', agg.id, 'op', 'insert', 'seq', agg.seq, 'base_rev', NULL,
                   'rev', agg.rev, 'steps', json_array(json_array(agg.rev, json_array('*'))),
                   'before', json_object(), 'row', {row})
        FROM agg JOIN {table} t ON t.id = agg.id
        WHERE agg.n = 1 AND agg.op = 'insert' {("AND " + where) if where else ""}"""
    cursor = db.execute(sql, [after, upto, table, table, *params])
    while rows := cursor.fetchmany(piece):
        yield "\n".join(line for (line,) in rows), len(rows)


def export_changed(
    db: Database,
    table: str,
    after: int,
    upto: int,
    *,
    transforms: dict[str, str] | None = None,
    where: str = "",
    params: Sequence[Any] = (),
) -> Iterator[tuple[str, int, str, str | None]]:
    """The other records of ``table`` changed in ``(after, upto]``: ``(id, last seq,
    history, row JSON or None if purged)``; history is a JSON array of ``[seq, op, rev,
    base_rev, before_json]``, oldest first (superseded changes left out). Streamed in the
    order of the records' ids, with nothing to sort: a large window is never held whole,
    by SQLite either."""
    row = _row_json(db, table, transforms or {})
    sql = f"""{_AGG}
        SELECT agg.id, agg.seq,
               (SELECT json_group_array(json_array(c.seq, c.op, c.rev, c.base_rev,
                                                   c.before_json) ORDER BY c.seq)
                FROM _changes c
                WHERE c.entity = ? AND c.id = agg.id AND c.seq > ? AND c.seq <= ?
                  AND c.superseded = 0),
               CASE WHEN t.id IS NULL THEN NULL ELSE {row} END
        FROM agg LEFT JOIN {table} t ON t.id = agg.id
        WHERE NOT (agg.n = 1 AND agg.op = 'insert' AND t.id IS NOT NULL)
              {("AND " + where) if where else ""}"""
    yield from db.execute(sql, [after, upto, table, table, after, upto, *params])


def older_cases(db: Database, case_ids: Iterable[str], max_rid: int) -> list[str]:
    """Of ``case_ids``, the cases that were here before the import (rid up to max_rid)."""
    ids = sorted(case_ids)
    found: list[str] = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        found += [
            row[0]
            for row in db.execute(
                f"SELECT id FROM cases WHERE id IN ({marks}) AND rid <= ?", [*chunk, max_rid]
            )
        ]
    return found


def max_rid(db: Database) -> int:
    return db.execute("SELECT coalesce(max(rid), 0) FROM cases").fetchone()[0]


# The persons whose file a province offers a district: a transfer to it, undecided.
_OFFERED = (
    "SELECT person_id FROM transfers WHERE to_office = ? AND status = 'requested' AND deleted = 0"
)


# The persons a district handed to another office: their deletions (an erasure at the new
# owner) still reach the copy it kept.
_GAVE = "SELECT person_id FROM transfers WHERE from_office = ? AND status = 'accepted'"


def peer_scope(table: str, owner: str, own: str) -> tuple[str, list[str]]:
    """Which records of ``table`` we send a peer (DESIGN.md sections 5b and 10): the
    cases and persons ``owner`` owns, the records of its cases (services, referrals,
    notes, the case journey), its providers and incidents and ours, the transfers it is
    a party to, and our own office record. A province passes the district it sends to as
    ``owner``, and sends it too the file of a person offered to it by a transfer it has
    not decided yet, the deletions of a file it handed over (the copy it kept is erased
    with the person), and the links that name it; every other office passes itself, and
    so sends only what it owns."""
    offered = owner != own
    if table in ("cases", "persons"):
        if not offered:
            return "t.origin = ?", [owner]
        person = "t.id" if table == "persons" else "t.person_id"
        return (
            f"(t.origin = ? OR {person} IN ({_OFFERED}) "
            f"OR (t.deleted = 1 AND {person} IN ({_GAVE})))",
            [owner, owner, owner],
        )
    if table in r.CHILD_TABLES:
        if not offered:
            return (
                "EXISTS (SELECT 1 FROM cases c WHERE c.id = t.case_id AND c.origin = ?)",
                [owner],
            )
        return (
            "EXISTS (SELECT 1 FROM cases c WHERE c.id = t.case_id "
            f"AND (c.origin = ? OR c.person_id IN ({_OFFERED}) "
            f"OR (t.deleted = 1 AND c.person_id IN ({_GAVE}))))",
            [owner, owner, owner],
        )
    if table == "transfers":
        return "(t.from_office = ? OR t.to_office = ?)", [owner, owner]
    if table == "person_links":
        if not offered:
            return "t.origin = ?", [own]
        return "(t.office_a = ? OR t.office_b = ?)", [owner, owner]
    if table in ("providers", "incidents"):
        return "t.origin IN (?, ?)", [owner, own]
    return "t.origin = ?", [own]


def _row_object(db: Database, table: str, alias: str) -> str:
    return (
        "json_object("
        + ", ".join(f"'{c}', {alias}.\"{c}\"" for c in table_columns(db, table))
        + ")"
    )


# The persons whose file was offered or handed to a district (issue 23).
_HANDED = (
    "SELECT person_id FROM transfers WHERE to_office = ? "
    "AND status IN ('requested', 'accepted') AND deleted = 0"
)


def referenced_rows(db: Database, district: str, own: str) -> Iterator[tuple[str, str]]:
    """``(table, row JSON)`` of the records a province's batch for a district carries as
    references, so that what the district holds names only what it has: the other
    offices of the province; our providers its cases name; and the providers and
    incidents of other offices that a file offered or handed to it names. (Otherwise
    another district's provider or incident never goes to a district.)"""
    cases = f"SELECT id FROM cases WHERE origin = ? OR person_id IN ({_OFFERED})"
    handed = f"SELECT id FROM cases WHERE person_id IN ({_HANDED})"
    for (row,) in db.execute(
        f"SELECT {_row_object(db, 'offices', 'o')} FROM offices o WHERE o.id NOT IN (?, ?)",
        [district, own],
    ):
        yield "offices", row
    for (row,) in db.execute(
        f"""SELECT {_row_object(db, "providers", "p")} FROM providers p
        WHERE (p.origin = ? AND p.id IN (
                SELECT provider_id FROM referrals WHERE case_id IN ({cases})
                UNION SELECT provider_id FROM services WHERE case_id IN ({cases})))
           OR (p.origin <> ? AND p.id IN (
                SELECT provider_id FROM referrals WHERE case_id IN ({handed})
                UNION SELECT provider_id FROM services WHERE case_id IN ({handed})))""",
        [own, district, district, district, district, district, district, district],
    ):
        yield "providers", row
    for (row,) in db.execute(
        f"""SELECT {_row_object(db, "incidents", "i")} FROM incidents i
        WHERE i.origin NOT IN (?, ?) AND i.id IN (
            SELECT incident_id FROM cases WHERE id IN ({handed}))""",
        [district, own, district],
    ):
        yield "incidents", row


def skip_change_numbers(db: Database, jump: int) -> int:
    """Make the next ``_changes`` number ``jump`` above the highest used; return it.

    ``_changes.seq`` is AUTOINCREMENT, so SQLite never hands out a number at or below the
    one kept in ``sqlite_sequence``."""
    current = db.execute("SELECT coalesce(max(seq), 0) FROM _changes").fetchone()[0]
    kept = db.execute("SELECT seq FROM sqlite_sequence WHERE name = '_changes'").fetchone()
    floor = max(current, kept[0] if kept else 0) + jump
    if kept:
        db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = '_changes'", [floor])
    else:
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('_changes', ?)", [floor])
    return floor + 1
