"""The letter archive (local only): one row per issued letter, with the PDF as printed."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlite_utils import Database

LETTER_COUNTER = "letter"


@dataclass(frozen=True)
class LetterRow:
    id: str
    number: str
    year: int
    seq: int
    referral_id: str
    case_id: str
    issued_on: str
    issued_at: str
    language: str
    includes_identity: bool
    attachments: int
    override_reason: str
    username: str
    sha256: str


_COLUMNS = ", ".join(f.name for f in fields(LetterRow))


def _row(row: dict) -> LetterRow:
    values = {f.name: row[f.name] for f in fields(LetterRow)}
    values["includes_identity"] = bool(values["includes_identity"])
    return LetterRow(**values)


def insert(db: Database, letter: LetterRow, pdf: bytes) -> None:
    db.execute(
        f"INSERT INTO letters ({_COLUMNS}, pdf) VALUES "
        f"({', '.join('?' * (len(fields(LetterRow)) + 1))})",
        [*(getattr(letter, f.name) for f in fields(LetterRow)), pdf],
    )


def for_referral(db: Database, referral_id: str) -> list[LetterRow]:
    """Letters issued for one referral, oldest first."""
    return [
        _row(row)
        for row in db.query(
            f"SELECT {_COLUMNS} FROM letters WHERE referral_id = ? ORDER BY issued_at, seq",
            [referral_id],
        )
    ]


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
