"""The audit trail (local only, never synced): one row per action, chained by hash.

Each row's ``hash`` is the SHA-256 of the previous row's hash and this row's fields, so
editing a row breaks its own hash and removing one breaks the next row's ``prev_hash``.
The newest row's number and hash are also kept in ``settings`` (``audit_head``), so
cutting rows off the end shows too. Rows hold usernames, record ids, case numbers and
codes, never a person's name or other personal data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tipdesk.storage import local

GENESIS = "0" * 64
HEAD_SETTING = "audit_head"
_FIELDS = ("seq", "at", "username", "action", "entity", "record_id", "case_number", "detail")


def row_hash(prev_hash: str, row: dict[str, Any]) -> str:
    payload = json.dumps(
        [prev_hash, *(row[f] for f in _FIELDS)], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    db: Database,
    *,
    at: str,
    username: str,
    action: str,
    entity: str = "",
    record_id: str = "",
    case_number: str = "",
    detail: dict | None = None,
) -> int:
    """Add one row after the newest; call inside the transaction of the action."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    row = {
        "seq": seq,
        "at": at,
        "username": username,
        "action": action,
        "entity": entity,
        "record_id": record_id,
        "case_number": case_number,
        "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
    }
    row["prev_hash"], row["hash"] = prev, row_hash(prev, row)
    db.execute(
        "INSERT INTO audit_log (seq, at, username, action, entity, record_id, "
        "case_number, detail, prev_hash, hash) VALUES (:seq, :at, :username, :action, "
        ":entity, :record_id, :case_number, :detail, :prev_hash, :hash)",
        row,
    )
    local.set_setting(db, HEAD_SETTING, {"seq": seq, "hash": row["hash"]})
    return seq


@dataclass(frozen=True)
class AuditQuery:
    case_number: str = ""
    username: str = ""
    record_id: str = ""
    actions: tuple[str, ...] = ()


def entries(db: Database, q: AuditQuery, *, limit: int = 500, offset: int = 0) -> list[dict]:
    """Rows matching ``q``, newest first."""
    where, params = ["1"], []
    if q.case_number:
        where.append("case_number = ?")
        params.append(q.case_number)
    if q.username:
        where.append("username = ?")
        params.append(q.username)
    if q.record_id:
        where.append("record_id = ?")
        params.append(q.record_id)
    if q.actions:
        where.append(f"action IN ({', '.join('?' * len(q.actions))})")
        params += q.actions
    sql = (
        f"SELECT seq, at, username, action, entity, record_id, case_number, detail "
        f"FROM audit_log WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT ? OFFSET ?"
    )
    found = list(db.query(sql, [*params, limit, offset]))
    for row in found:
        row["detail"] = json.loads(row["detail"])
    return found


def _walk(db: Database) -> Iterator[dict]:
    yield from db.query("SELECT * FROM audit_log ORDER BY seq")


def verify(db: Database) -> list[str]:
    """Problems with the chain, the first broken row first (empty: intact)."""
    prev, expected_seq = GENESIS, 1
    for row in _walk(db):
        if row["seq"] != expected_seq:
            return [f"audit row {expected_seq} is missing (the next row is {row['seq']})"]
        if row["prev_hash"] != prev:
            return [
                f"audit row {row['seq']} does not follow row {row['seq'] - 1} "
                "(a row before it was changed or removed)"
            ]
        if row_hash(prev, row) != row["hash"]:
            return [f"audit row {row['seq']} was changed after it was written"]
        prev, expected_seq = row["hash"], expected_seq + 1
    head = local.get_setting(db, HEAD_SETTING)
    last = expected_seq - 1
    if head is None:
        return [] if last == 0 else ["the audit trail's head record is missing"]
    if head.get("seq") != last or head.get("hash") != prev:
        return [
            f"audit rows after row {last} were removed (the trail ended at row {head.get('seq')})"
        ]
    return []


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def head(db: Database) -> tuple[int, str]:
    """The newest row's number and hash (0 and the genesis hash for an empty trail)."""
    found = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (found[0], found[1]) if found else (0, GENESIS)


def hash_at(db: Database, seq: int) -> str | None:
    """Row ``seq``'s hash as stored (GENESIS for row 0), or None if there is no such row."""
    if seq == 0:
        return GENESIS
    found = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    return found[0] if found else None


def anchor_problems(db: Database) -> list[str]:
    """Where our trail no longer extends a head another office has seen (DESIGN.md
    section 5b). (A peer whose trail went back on a head it sent us is shown with the
    peers, ``sync.list_peers``: it may have been restored from a backup.)"""
    problems = []
    for anchor in db.query(
        "SELECT a.seq, a.hash, coalesce(p.code, a.peer) AS code "
        "FROM audit_anchors a LEFT JOIN peers p ON p.office_id = a.peer "
        "ORDER BY code"
    ):
        if hash_at(db, anchor["seq"]) != anchor["hash"]:
            problems.append(
                f"the audit trail no longer extends the head office "
                f"{anchor['code']} saw (row {anchor['seq']}): rows up to it "
                "were changed or removed"
            )
    return problems
