"""The letter archive (local only): one row per issued letter, with the PDF as printed.

Every kind of letter (a referral letter, a request to LPSK, a handover record, ...) is a
row here, with the kind and the id of the record it was issued for; all kinds take their
numbers from one yearly counter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from sqlite_utils import Database

LETTER_COUNTER = "letter"
REFERRAL = "referral"


@dataclass(frozen=True)
class LetterRow:
    id: str
    number: str
    year: int
    seq: int
    kind: str
    record_id: str
    case_id: str
    issued_on: str
    issued_at: str
    language: str
    includes_identity: bool
    attachments: int
    override_reason: str
    username: str
    sha256: str
    # The ids of the documents the letter lists in its Lampiran, in its order (stored as a
    # JSON array; a row read by another module's SELECT gives the text, taken here).
    documents: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.documents, str):
            object.__setattr__(self, "documents", tuple(json.loads(self.documents or "[]")))
        else:
            object.__setattr__(self, "documents", tuple(self.documents))

    @property
    def referral_id(self) -> str:
        """The referral a referral letter was issued for ("" for other kinds)."""
        return self.record_id if self.kind == REFERRAL else ""


_COLUMNS = ", ".join(f.name for f in fields(LetterRow))


def _row(row: dict) -> LetterRow:
    values = {f.name: row[f.name] for f in fields(LetterRow)}
    values["includes_identity"] = bool(values["includes_identity"])
    return LetterRow(**values)


def _value(letter: LetterRow, name: str) -> object:
    value = getattr(letter, name)
    return json.dumps(list(value)) if name == "documents" else value


def insert(db: Database, letter: LetterRow, pdf: bytes) -> None:
    db.execute(
        f"INSERT INTO letters ({_COLUMNS}, pdf) VALUES "
        f"({', '.join('?' * (len(fields(LetterRow)) + 1))})",
        [*(_value(letter, f.name) for f in fields(LetterRow)), pdf],
    )


def for_record(db: Database, kind: str, record_id: str) -> list[LetterRow]:
    """Letters of one kind issued for one record, oldest first."""
    return [
        _row(row)
        for row in db.query(
            f"SELECT {_COLUMNS} FROM letters WHERE kind = ? AND record_id = ? "
            "ORDER BY issued_at, seq",
            [kind, record_id],
        )
    ]


def for_referral(db: Database, referral_id: str) -> list[LetterRow]:
    """Letters issued for one referral, oldest first."""
    return for_record(db, REFERRAL, referral_id)


def latest_numbers(db: Database, kind: str, record_ids: list[str]) -> dict[str, str]:
    """The number of the latest letter of ``kind`` of each of ``record_ids`` that has one."""
    if not record_ids:
        return {}
    marks = ", ".join("?" * len(record_ids))
    return {
        row["record_id"]: row["number"]
        for row in db.query(
            f"SELECT record_id, number FROM letters WHERE kind = ? AND record_id IN ({marks}) "
            "ORDER BY issued_at, seq",
            [kind, *record_ids],
        )
    }


def next_seq(db: Database, year: int) -> int:
    """The sequence number the next letter of ``year`` would take (nothing is taken)."""
    found = db.execute(
        "SELECT value FROM counters WHERE name = ? AND year = ?", [LETTER_COUNTER, year]
    ).fetchone()
    return (found[0] if found else 0) + 1


def pdf_of(db: Database, letter_id: str) -> bytes | None:
    found = db.execute("SELECT pdf FROM letters WHERE id = ?", [letter_id]).fetchone()
    return bytes(found[0]) if found else None


def all_letters(db: Database, *, limit: int | None = None) -> list[LetterRow]:
    """The archive, newest first."""
    sql = f"SELECT {_COLUMNS} FROM letters ORDER BY issued_at DESC, seq DESC"
    params: list = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_row(row) for row in db.query(sql, params)]


def case_numbers(db: Database, case_ids: list[str]) -> dict[str, str]:
    if not case_ids:
        return {}
    marks = ", ".join("?" * len(case_ids))
    return {
        row["id"]: row["case_number"]
        for row in db.query(f"SELECT id, case_number FROM cases WHERE id IN ({marks})", case_ids)
    }
