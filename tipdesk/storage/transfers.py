"""Transfers between offices (DESIGN.md section 10): reading them, moving the owner of a
person's records, relaying those records through the province, and dropping a copy a
receiving office declined.

A transfer moves a person with every case of theirs and everything attached to those
cases. The records a transfer moves are the person's "file": the person row, the cases
that name it, and the rows of every case child table that name one of those cases.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows

# The tables of a person's file, parents first.
FILE_TABLES: tuple[str, ...] = ("persons", "cases", *r.CHILD_TABLES)
_CHUNK = 500


def by_id(db: Database, transfer_id: str) -> r.Transfer | None:
    return rows.get(db, r.Transfer, transfer_id)


def of_person(db: Database, person_id: str, *, live: bool = True) -> list[r.Transfer]:
    """Every transfer of one person (not deleted, unless ``live`` is False), oldest hop
    first."""
    alive = " AND deleted = 0" if live else ""
    return rows.select(db, r.Transfer, f"person_id = ?{alive}", [person_id], order_by="hop, id")


def of_persons(
    db: Database, person_ids: Sequence[str], *, live: bool = True
) -> dict[str, list[r.Transfer]]:
    """The transfers of each person (not deleted, unless ``live`` is False)."""
    alive = " AND deleted = 0" if live else ""
    found: dict[str, list[r.Transfer]] = {}
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for transfer in rows.select(
            db, r.Transfer, f"person_id IN ({marks}){alive}", chunk, order_by="hop, id"
        ):
            found.setdefault(transfer.person_id, []).append(transfer)
    return found


def listed(db: Database, office_id: str = "") -> list[r.Transfer]:
    """Transfers from or to ``office_id`` ("" : every one), newest request first."""
    if office_id:
        return rows.select(
            db,
            r.Transfer,
            "deleted = 0 AND (from_office = ? OR to_office = ?)",
            [office_id, office_id],
            order_by="requested_on DESC, hop DESC, id DESC",
        )
    return rows.select(db, r.Transfer, "deleted = 0", order_by="requested_on DESC, hop DESC, id")


def owner_of_person(db: Database, person_id: str) -> str | None:
    found = db.execute("SELECT origin FROM persons WHERE id = ?", [person_id]).fetchone()
    return found[0] if found else None


def file_ids(db: Database, person_id: str) -> dict[str, list[str]]:
    """The ids of every record of a person's file here, by table."""
    case_ids = [
        row[0] for row in db.execute("SELECT id FROM cases WHERE person_id = ?", [person_id])
    ]
    found: dict[str, list[str]] = {
        "persons": [
            row[0] for row in db.execute("SELECT id FROM persons WHERE id = ?", [person_id])
        ],
        "cases": case_ids,
    }
    marks = ",".join("?" * len(case_ids))
    for table in r.CHILD_TABLES:
        found[table] = (
            [
                row[0]
                for row in db.execute(
                    f"SELECT id FROM {table} WHERE case_id IN ({marks})", case_ids
                )
            ]
            if case_ids
            else []
        )
    return found


def move_owner(db: Database, person_id: str, office_id: str) -> int:
    """Make ``office_id`` the owner of every record of the person's file (the caller
    mutes capture: each office makes this move itself when it learns of the accepted
    transfer). Returns how many rows changed."""
    moved = 0
    case_ids = "SELECT id FROM cases WHERE person_id = ?"
    moved += db.execute(
        "UPDATE persons SET origin = ? WHERE id = ? AND origin <> ?",
        [office_id, person_id, office_id],
    ).rowcount
    moved += db.execute(
        "UPDATE cases SET origin = ? WHERE person_id = ? AND origin <> ?",
        [office_id, person_id, office_id],
    ).rowcount
    for table in r.CHILD_TABLES:
        moved += db.execute(
            f"UPDATE {table} SET origin = ? WHERE case_id IN ({case_ids}) AND origin <> ?",
            [office_id, person_id, office_id],
        ).rowcount
    return moved


def drop_copy(db: Database, person_id: str, own_office: str, transfer_id: str) -> list[int]:
    """Remove a person's file that another office owns from this register (a declined
    transfer's copy at the office that declined it), with its search entries and
    conflicts, and remember its ids (``dropped_ids``). Nothing is captured: the copy was
    never this office's. Returns the removed cases' rids."""
    owner = owner_of_person(db, person_id)
    if owner is None or owner == own_office:
        return []
    ids = file_ids(db, person_id)
    for table_ids in ids.values():
        db.conn.executemany(
            "INSERT OR REPLACE INTO transfer_dropped (record_id, person_id, transfer_id) "
            "VALUES (?, ?, ?)",
            [(i, person_id, transfer_id) for i in table_ids],
        )
    rids = [row[0] for row in db.execute("SELECT rid FROM cases WHERE person_id = ?", [person_id])]
    for rid in rids:
        db.execute("DELETE FROM case_search WHERE rowid = ?", [rid])
    for table in reversed(FILE_TABLES):
        chunk_ids = ids.get(table, [])
        for start in range(0, len(chunk_ids), _CHUNK):
            chunk = chunk_ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)
            db.execute(f"DELETE FROM conflicts WHERE record_id IN ({marks})", chunk)
    return rids


def relay_whole_file(db: Database, person_id: str, author: str) -> int:
    """Put every record of a person's file in the change log as it stands (an insert at
    its current rev): the province's next batch to each office that may hold the file
    carries all of it. An office that already has a record at that rev finds it
    unchanged. Returns how many records."""
    count = 0
    for table, ids in file_ids(db, person_id).items():
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            count += db.execute(
                f"""INSERT INTO _changes (entity, id, op, rev, base_rev, before_json,
                                          after_json, author)
                    SELECT ?, id, 'insert', rev, NULL, NULL, NULL, ? FROM {table}
                    WHERE id IN ({marks})""",
                [table, author, *chunk],
            ).rowcount
    return count


def relay_step(
    db: Database, table: str, record_id: str, prior: dict | None, row: dict, author: str
) -> None:
    """Log a record the province took from a batch as if it had made the step itself:
    from ``prior`` (its row before, None if new) to ``row`` (the incoming one), so the
    step travels on to the other office that holds the record."""
    if prior is None:
        db.execute(
            "INSERT INTO _changes (entity, id, op, rev, base_rev, before_json, after_json, "
            "author) VALUES (?, ?, 'insert', ?, NULL, NULL, NULL, ?)",
            [table, record_id, row["rev"], author],
        )
        return
    meta = {"id", "origin", "rev", "updated_at", "updated_by", "rid"}
    changed = sorted(k for k in row if k not in meta and prior.get(k) != row.get(k))
    op = "delete" if row.get("deleted") and not prior.get("deleted") else "update"
    db.execute(
        "INSERT INTO _changes (entity, id, op, rev, base_rev, before_json, after_json, "
        "author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            table,
            record_id,
            op,
            row["rev"],
            prior["rev"],
            json.dumps({k: prior.get(k) for k in changed}, ensure_ascii=False),
            json.dumps({k: row.get(k) for k in changed}, ensure_ascii=False),
            author,
        ],
    )


def persons_of_records(db: Database, table: str, ids: Iterable[str]) -> dict[str, str]:
    """The person each record of ``table`` (a table of a person's file) belongs to."""
    ids = list(ids)
    found: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        if table == "persons":
            sql = f"SELECT id, id FROM persons WHERE id IN ({marks})"
        elif table == "cases":
            sql = f"SELECT id, person_id FROM cases WHERE id IN ({marks})"
        else:
            sql = (
                f"SELECT x.id, c.person_id FROM {table} x JOIN cases c ON c.id = x.case_id "
                f"WHERE x.id IN ({marks})"
            )
        found.update(dict(db.execute(sql, chunk).fetchall()))
    return found


def persons_with_transfers(db: Database, person_ids: Iterable[str]) -> set[str]:
    ids = list(set(person_ids))
    found: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found |= {
            row[0]
            for row in db.execute(
                f"SELECT DISTINCT person_id FROM transfers WHERE person_id IN ({marks})",
                chunk,
            )
        }
    return found


def case_numbers(db: Database, case_ids: Sequence[str]) -> dict[str, str]:
    ids = list(case_ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(db.execute(f"SELECT id, case_number FROM cases WHERE id IN ({marks})", ids))


def dropped_ids(db: Database) -> set[str]:
    return {row[0] for row in db.execute("SELECT record_id FROM transfer_dropped")}


def forget_dropped(db: Database, person_id: str) -> None:
    """A person's file is offered again: its records may come in again."""
    db.execute("DELETE FROM transfer_dropped WHERE person_id = ?", [person_id])


def cases_per_person(db: Database, person_ids: Sequence[str]) -> dict[str, int]:
    """How many live cases each person has here."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(
        db.execute(
            f"SELECT person_id, count(*) FROM cases WHERE person_id IN ({marks}) "
            "AND deleted = 0 GROUP BY person_id",
            ids,
        ).fetchall()
    )


def row_of(db: Database, table: str, record_id: str) -> dict | None:
    """A synced row as it stands, without its local row number."""
    if table not in FILE_TABLES:
        raise ValueError(f"{table} is not a table of a person's file")
    found = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
    if not found:
        return None
    found[0].pop("rid", None)
    return found[0]


def any_transfers(db: Database) -> bool:
    return db.execute("SELECT 1 FROM transfers LIMIT 1").fetchone() is not None
