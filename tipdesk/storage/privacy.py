"""The person's rights (right of access, right to erasure): reading everything held about
one person, and the SQL of an erasure.

Erased records stay as scrubbed tombstones (so a sync cannot bring them back as new
rows); their ids are also kept in the local ``settings`` table (``erased_records``), so
that an import never writes field values into them again. Ids are random UUIDs, not
personal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import local, rows
from tipdesk.storage.letters import LetterRow

ERASED_SETTING = "erased_records"
CHILD_TABLES = r.CHILD_TABLES
_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def case_by_number(db: Database, case_number: str) -> r.Case | None:
    """The case with this number, deleted or not."""
    found = rows.select(db, r.Case, "case_number = ?", [case_number])
    return found[0] if found else None


def cases_of_person(db: Database, person_id: str) -> list[r.Case]:
    """Every case of one person, deleted ones included, oldest first."""
    return rows.select(db, r.Case, "person_id = ?", [person_id], order_by="rid")


def items_of_cases(db: Database, case_ids: Sequence[str]) -> dict[str, list]:
    """Every record of the given cases (``records.CASE_CHILDREN``), deleted ones
    included: ``{"services": [...], "referrals": [...], "case_notes": [...], ...}``."""
    found: dict[str, list] = {table: [] for table in CHILD_TABLES}
    order = {"services": "coalesce(started_on, planned_on), id", "referrals": "id"}
    for child in r.CASE_CHILDREN:
        for chunk in _chunks(list(case_ids)):
            marks = ",".join("?" * len(chunk))
            found[child.table] += rows.select(
                db,
                child.record,
                f"case_id IN ({marks})",
                chunk,
                order_by=order.get(child.table, f"{child.dated_by}, id"),
            )
    return found


def providers_by_id(db: Database, provider_ids: Iterable[str]) -> dict[str, r.Provider]:
    ids = sorted({i for i in provider_ids if i})
    found: dict[str, r.Provider] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        found.update({p.id: p for p in rows.select(db, r.Provider, f"id IN ({marks})", chunk)})
    return found


_LETTER_COLUMNS = ", ".join(f.name for f in fields(LetterRow))


def letters_of_cases(db: Database, case_ids: Sequence[str]) -> list[LetterRow]:
    """The archived letters of the given cases (without their PDF), oldest first."""
    found: list[LetterRow] = []
    for chunk in _chunks(list(case_ids)):
        marks = ",".join("?" * len(chunk))
        for row in db.query(
            f"SELECT {_LETTER_COLUMNS} FROM letters WHERE case_id IN "
            f"({marks}) ORDER BY issued_at, seq",
            list(chunk),
        ):
            row["includes_identity"] = bool(row["includes_identity"])
            found.append(LetterRow(**row))
    return found


def blank_letters(db: Database, case_ids: Sequence[str]) -> int:
    """Empty the archived PDF (and the free-text override reason) of the given cases'
    letters; number, date and hash stay, so numbering stays unique and the archive
    shows that a letter was issued."""
    done = 0
    for chunk in _chunks(list(case_ids)):
        marks = ",".join("?" * len(chunk))
        done += db.execute(
            f"UPDATE letters SET pdf = x'', override_reason = '' WHERE case_id IN ({marks})",
            list(chunk),
        ).rowcount
    return done


def remove_conflicts(db: Database, record_ids: Sequence[str]) -> int:
    """Delete the sync conflicts about these records (they hold both offices' values)."""
    done = 0
    for chunk in _chunks(list(record_ids)):
        marks = ",".join("?" * len(chunk))
        done += db.execute(
            f"DELETE FROM conflicts WHERE record_id IN ({marks})", list(chunk)
        ).rowcount
    return done


def erased_ids(db: Database) -> set[str]:
    """Ids of every record erased here (a person and everything of theirs)."""
    return set(local.get_setting(db, ERASED_SETTING, []))


def add_erased(db: Database, record_ids: Iterable[str]) -> None:
    known = local.get_setting(db, ERASED_SETTING, [])
    seen = set(known)
    local.set_setting(
        db, ERASED_SETTING, known + [i for i in dict.fromkeys(record_ids) if i not in seen]
    )


def optimize_search(db: Database) -> None:
    """Merge the full-text index into one segment. A contentless FTS5 table keeps the
    words of a deleted entry in its older segments until they are merged; this drops
    them, so erased names leave the index's pages too."""
    db.execute("INSERT INTO case_search (case_search) VALUES ('optimize')")


def compact(db: Database, *, vacuum: bool = True) -> bool:
    """Fold the write-ahead log into the database, rebuild the file (VACUUM, unless
    ``vacuum`` is False) and empty the log again, so overwritten content is gone from
    both files. False if another program held the log open and it could not be emptied.

    VACUUM builds the new file in memory (``temp_store = MEMORY``: nothing may spill to
    an unencrypted temporary file), so it needs about the database's size in RAM."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if vacuum:
        db.execute("VACUUM")
    return db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
