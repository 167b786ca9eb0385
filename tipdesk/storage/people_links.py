"""The SQL of one person across districts (issue 23): the persons a province's duplicate
check reads a page at a time, the review list of candidate pairs (local), the pairs
found to be two people (local), and the links between persons of two offices.

Pairs are kept with ``person_a < person_b`` (ids), as the tables' keys are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows

# What the duplicate check compares of each live person, read as plain tuples (a million
# of them at a province): (rowid, origin, full_name, birth_date, estimated_age).
_PAGE = """
    SELECT rowid, origin, full_name, birth_date, estimated_age FROM persons
    WHERE rowid > ? AND deleted = 0 ORDER BY rowid LIMIT ?
"""
_CHUNK = 500


def count_live_persons(db: Database) -> int:
    return db.execute("SELECT count(*) FROM persons WHERE deleted = 0").fetchone()[0]


def persons_page(db: Database, after_rowid: int, limit: int) -> list[tuple]:
    """The next ``limit`` live persons after ``after_rowid``, as the tuples of ``_PAGE``."""
    return db.conn.execute(_PAGE, [after_rowid, limit]).fetchall()


def shared_niks(db: Database) -> list[tuple[str, int, str]]:
    """``(nik, rowid, origin)`` of each live person whose NIK a live person of another
    office also has, by NIK (the index persons_nik answers the grouping)."""
    return db.conn.execute(
        """
        SELECT nik, rowid, origin FROM persons
        WHERE deleted = 0 AND nik IN (
            SELECT nik FROM persons WHERE nik <> '' AND deleted = 0
            GROUP BY nik HAVING count(DISTINCT origin) > 1)
        ORDER BY nik, rowid"""
    ).fetchall()


def ids_of_rowids(db: Database, rowids: Iterable[int]) -> dict[int, str]:
    """Person ids by row number."""
    found: dict[int, str] = {}
    wanted = list(rowids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            db.conn.execute(f"SELECT rowid, id FROM persons WHERE rowid IN ({marks})", chunk)
        )
    return found


def rowids_of_ids(db: Database, ids: Iterable[str]) -> dict[str, int]:
    """Row numbers by person id."""
    found: dict[str, int] = {}
    wanted = list(ids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(db.conn.execute(f"SELECT id, rowid FROM persons WHERE id IN ({marks})", chunk))
    return found


def persons_by_id(db: Database, ids: Sequence[str]) -> dict[str, r.Person]:
    found: dict[str, r.Person] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for person in rows.select(db, r.Person, f"id IN ({marks})", chunk):
            found[person.id] = person
    return found


def person_id_by_number(db: Database, number: str) -> str | None:
    """The person of a live case number, or of a register number."""
    found = (
        db.execute(
            "SELECT person_id FROM cases WHERE case_number = ? AND deleted = 0", [number]
        ).fetchone()
        or db.execute(
            "SELECT id FROM persons WHERE register_number = ? AND deleted = 0", [number]
        ).fetchone()
    )
    return found[0] if found else None


# --- links ------------------------------------------------------------------------------


def linked_pairs(db: Database) -> set[tuple[str, str]]:
    """Every pair a live link joins, as (a, b) with a < b."""
    return {
        (min(a, b), max(a, b))
        for a, b in db.conn.execute("SELECT person_a, person_b FROM person_links WHERE deleted = 0")
    }


def links_of_person(db: Database, person_id: str, *, live: bool = True) -> list[r.PersonLink]:
    """The "same person" links that name the person."""
    alive = " AND deleted = 0" if live else ""
    return rows.select(
        db,
        r.PersonLink,
        f"(person_a = ? OR person_b = ?){alive}",
        [person_id, person_id],
        order_by="linked_on, id",
    )


def live_link_between(db: Database, a: str, b: str) -> r.PersonLink | None:
    found = rows.select(
        db,
        r.PersonLink,
        "deleted = 0 AND ((person_a = ? AND person_b = ?) OR (person_a = ? AND person_b = ?))",
        [a, b, b, a],
    )
    return found[0] if found else None


def live_links(db: Database, office_id: str = "") -> list[r.PersonLink]:
    """Live links, oldest first; with ``office_id``, those naming a person of that office."""
    if not office_id:
        return rows.select(db, r.PersonLink, "deleted = 0", order_by="linked_on, id")
    return rows.select(
        db,
        r.PersonLink,
        "deleted = 0 AND (office_a = ? OR office_b = ?)",
        [office_id, office_id],
        order_by="linked_on, id",
    )


# --- the review list and the pairs judged two people ------------------------------------


def dismissed_pairs(db: Database) -> set[tuple[str, str]]:
    return set(db.conn.execute("SELECT person_a, person_b FROM person_link_dismissed"))


def is_dismissed(db: Database, a: str, b: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM person_link_dismissed WHERE person_a = ? AND person_b = ?", [a, b]
        ).fetchone()
        is not None
    )


def dismiss(db: Database, a: str, b: str, *, at: str, by: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO person_link_dismissed (person_a, person_b, dismissed_at, "
        "dismissed_by) VALUES (?, ?, ?, ?)",
        [a, b, at, by],
    )


def replace_candidates(db: Database, found: Iterable[tuple[str, str, list[str], float]], at: str):
    """The review list becomes ``found`` ((a, b, reasons, score), a < b), inside the open
    transaction."""
    db.execute("DELETE FROM person_link_candidates")
    _insert(db, found, at)


def add_candidates(db: Database, found: Iterable[tuple[str, str, list[str], float]], at: str):
    """Pairs added to the review list (a pair already in it is found again)."""
    _insert(db, found, at)


def _insert(db: Database, found: Iterable[tuple[str, str, list[str], float]], at: str) -> None:
    db.conn.executemany(
        "INSERT OR REPLACE INTO person_link_candidates (person_a, person_b, reasons, score, "
        "found_at) VALUES (?, ?, ?, ?, ?)",
        ((a, b, json.dumps(reasons), score, at) for a, b, reasons, score in found),
    )


def candidate(db: Database, a: str, b: str) -> dict | None:
    found = list(
        db.query("SELECT * FROM person_link_candidates WHERE person_a = ? AND person_b = ?", [a, b])
    )
    if not found:
        return None
    return found[0] | {"reasons": json.loads(found[0]["reasons"])}


def remove_candidate(db: Database, a: str, b: str) -> None:
    db.execute("DELETE FROM person_link_candidates WHERE person_a = ? AND person_b = ?", [a, b])


def candidate_rows(db: Database, *, limit: int = -1, offset: int = 0) -> list[dict]:
    """The review list, same NIK first, then by score, best first."""
    return [
        row | {"reasons": json.loads(row["reasons"])}
        for row in db.query(
            "SELECT * FROM person_link_candidates "
            "ORDER BY instr(reasons, '\"same_nik\"') > 0 DESC, score DESC, person_a, person_b "
            "LIMIT ? OFFSET ?",
            [limit, offset],
        )
    ]


def count_candidates(db: Database) -> int:
    return db.execute("SELECT count(*) FROM person_link_candidates").fetchone()[0]


def candidate_set(db: Database) -> dict[tuple[str, str], str]:
    """Every pair of the review list, with its reasons as stored (JSON)."""
    return {
        (a, b): reasons
        for a, b, reasons in db.conn.execute(
            "SELECT person_a, person_b, reasons FROM person_link_candidates"
        )
    }
