"""A document's bytes (issue 24), kept in the encrypted register beside its row.

The bytes are stored in parts of ``PART`` bytes (``document_bytes``), written and read a
part at a time, so no document is ever whole in memory when it need not be, and SQLite's
page cache is never asked to hold one. The register's encryption (SQLCipher) covers them
like every row: nothing of a document ever lies in a file of its own. A row and its bytes
are written in one transaction by the caller; removing or purging the row takes its bytes
with it (the triggers of migration m018).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows

PART = 512 * 1024


@dataclass(frozen=True)
class Written:
    size: int
    sha256: str


def write_bytes(db: Database, document_id: str, chunks: Iterable[bytes]) -> Written:
    """Store ``chunks`` (of any sizes) as the bytes of ``document_id``, replacing any; the
    caller holds the transaction. Returns their size and SHA-256."""
    db.execute("DELETE FROM document_bytes WHERE document_id = ?", [document_id])
    digest, size, part = hashlib.sha256(), 0, 0
    pending = bytearray()
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
        pending += chunk
        while len(pending) >= PART:
            _insert(db, document_id, part, bytes(pending[:PART]))
            del pending[:PART]
            part += 1
    if pending or part == 0:
        _insert(db, document_id, part, bytes(pending))
    return Written(size, digest.hexdigest())


class BytesWriter:
    """The bytes of one document written as they come (an import's stream): ``add``
    each piece, then ``close``; the caller holds the transaction."""

    def __init__(self, db: Database, document_id: str) -> None:
        self._db, self._id = db, document_id
        self._pending = bytearray()
        self._part = 0
        db.execute("DELETE FROM document_bytes WHERE document_id = ?", [document_id])

    def add(self, data: bytes) -> None:
        self._pending += data
        while len(self._pending) >= PART:
            _insert(self._db, self._id, self._part, bytes(self._pending[:PART]))
            del self._pending[:PART]
            self._part += 1

    def close(self) -> None:
        if self._pending or self._part == 0:
            _insert(self._db, self._id, self._part, bytes(self._pending))
        self._pending = bytearray()


def live_digest(db: Database, document_id: str) -> str | None:
    """The SHA-256 of a live document's bytes as its row says, or None."""
    row = db.execute(
        "SELECT sha256 FROM documents WHERE id = ? AND deleted = 0", [document_id]
    ).fetchone()
    return row[0] if row else None


def live_without_bytes(db: Database) -> set[str]:
    """Live documents that have no bytes here (none, in a sound register)."""
    return {
        row[0]
        for row in db.execute(
            "SELECT d.id FROM documents d WHERE d.deleted = 0 AND NOT EXISTS "
            "(SELECT 1 FROM document_bytes b WHERE b.document_id = d.id)"
        )
    }


def _insert(db: Database, document_id: str, part: int, data: bytes) -> None:
    db.execute(
        "INSERT INTO document_bytes (document_id, part, data) VALUES (?, ?, ?)",
        [document_id, part, data],
    )


def read_parts(db: Database, document_id: str) -> Iterator[bytes]:
    """The stored bytes of one document, a part at a time (none if it has none)."""
    part = 0
    while True:
        row = db.execute(
            "SELECT data FROM document_bytes WHERE document_id = ? AND part = ?",
            [document_id, part],
        ).fetchone()
        if row is None:
            return
        yield row[0]
        part += 1


def read_bytes(db: Database, document_id: str) -> bytes:
    return b"".join(read_parts(db, document_id))


def has_bytes(db: Database, document_id: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM document_bytes WHERE document_id = ? LIMIT 1", [document_id]
    ).fetchone()
    return row is not None


def get(db: Database, document_id: str) -> r.Document | None:
    return rows.get(db, r.Document, document_id)


def of_case(db: Database, case_id: str, person_id: str) -> list[r.Document]:
    """The live documents of a case, and of its person attached from their other cases:
    by date (undated last), then as attached."""
    return rows.select(
        db,
        r.Document,
        "deleted = 0 AND (case_id = ? OR (attached_to = 'person' AND person_id = ?))",
        [case_id, person_id],
        order_by="document_on IS NULL, document_on, id",
    )


def of_persons(db: Database, person_ids: list[str]) -> list[r.Document]:
    """The live documents of the persons' cases."""
    if not person_ids:
        return []
    marks = ",".join("?" * len(person_ids))
    return rows.select(
        db,
        r.Document,
        f"deleted = 0 AND case_id IN (SELECT id FROM cases WHERE person_id IN ({marks}))",
        person_ids,
        order_by="id",
    )


def chosen(db: Database, ids: list[str]) -> list[r.Document]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {d.id: d for d in rows.select(db, r.Document, f"deleted = 0 AND id IN ({marks})", ids)}
    return [found[i] for i in ids if i in found]


@dataclass(frozen=True)
class Stored:
    """What the register check finds: live documents whose bytes are missing or differ
    from their size and SHA-256, and bytes with no live document (orphans)."""

    checked: int
    missing: list[str]
    mismatched: list[str]
    orphans: list[str]


def check_all(db: Database) -> Stored:
    """Read every document's bytes back and compare them with its row."""
    missing, mismatched, checked = [], [], 0
    live = db.execute(
        "SELECT id, size, sha256 FROM documents WHERE deleted = 0 ORDER BY id"
    ).fetchall()
    for document_id, size, sha256 in live:
        checked += 1
        digest, total, parts = hashlib.sha256(), 0, 0
        for data in read_parts(db, document_id):
            digest.update(data)
            total += len(data)
            parts += 1
        if parts == 0:
            missing.append(document_id)
        elif total != size or digest.hexdigest() != sha256:
            mismatched.append(document_id)
    orphans = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT b.document_id FROM document_bytes b "
            "LEFT JOIN documents d ON d.id = b.document_id AND d.deleted = 0 "
            "WHERE d.id IS NULL"
        )
    ]
    return Stored(checked, missing, mismatched, orphans)


def remove_orphans(db: Database, ids: list[str]) -> None:
    for document_id in ids:
        db.execute("DELETE FROM document_bytes WHERE document_id = ?", [document_id])


def count_live(db: Database, case_ids: list[str]) -> int:
    if not case_ids:
        return 0
    marks = ",".join("?" * len(case_ids))
    row = db.execute(
        f"SELECT count(*) FROM documents WHERE deleted = 0 AND case_id IN ({marks})", case_ids
    ).fetchone()
    return int(row[0])


def total_bytes(db: Database) -> int:
    row = db.execute("SELECT coalesce(sum(size), 0) FROM documents WHERE deleted = 0").fetchone()
    return int(row[0])
