"""Reading the case aggregate: a case with its person and every record of it."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows


def case_by_number(db: Database, case_number: str) -> r.Case | None:
    found = rows.select(db, r.Case, "case_number = ? AND deleted = 0", [case_number])
    return found[0] if found else None


# How a case file lists each kind of record (the rest: by its date, then id).
_FILE_ORDER = {
    "services": "coalesce(started_on, planned_on), id",
    "referrals": "id",
    "case_notes": "noted_on DESC, id DESC",
}


def load_case_file(db: Database, case: r.Case) -> r.CaseFile:
    person = rows.get(db, r.Person, case.person_id)
    if person is None:
        raise LookupError("case without its person")
    lists: dict[str, list[Any]] = {
        child.file_list: rows.select(
            db,
            child.record,
            "case_id = ? AND deleted = 0",
            [case.id],
            order_by=_FILE_ORDER.get(
                child.table, f"{child.dated_by} IS NULL, {child.dated_by}, id"
            ),
        )
        for child in r.CASE_CHILDREN
    }
    linked: list[r.Service | r.Referral] = [*lists["services"], *lists["referrals"]]
    provider_ids = sorted({x.provider_id for x in linked if x.provider_id})
    providers: dict[str, r.Provider] = {}
    if provider_ids:
        marks = ",".join("?" * len(provider_ids))
        providers = {p.id: p for p in rows.select(db, r.Provider, f"id IN ({marks})", provider_ids)}
    incident = rows.get(db, r.Incident, case.incident_id) if case.incident_id else None
    return r.CaseFile(
        case=case,
        person=person,
        providers=providers,
        incident=incident if incident is not None and not incident.deleted else None,
        **lists,
    )


def persons_with_nik(db: Database, nik: str) -> list[r.Person]:
    return rows.select(db, r.Person, "nik = ? AND deleted = 0", [nik])


def cases_of_person(db: Database, person_id: str) -> list[r.Case]:
    return rows.select(db, r.Case, "person_id = ?", [person_id], order_by="rid")


def count_cases(db: Database) -> int:
    return db.execute("SELECT count(*) FROM cases WHERE deleted = 0").fetchone()[0]


def count_all_cases(db: Database) -> int:
    """Every case row, deleted ones included (they still hold their row id)."""
    return db.execute("SELECT count(*) FROM cases").fetchone()[0]


def count_providers(db: Database) -> int:
    return db.execute("SELECT count(*) FROM providers").fetchone()[0]


def providers_by_type(db: Database) -> dict[str, list[tuple[str, str]]]:
    """``{provider_type: [(id, name), ...]}`` of the providers in use, by name."""
    found: dict[str, list[tuple[str, str]]] = {}
    for row in db.query(
        "SELECT id, name, provider_type FROM providers WHERE deleted = 0 ORDER BY name"
    ):
        found.setdefault(row["provider_type"], []).append((row["id"], row["name"]))
    return found


def providers(db: Database, *, text: str = "") -> list[r.Provider]:
    if text:
        return rows.select(
            db, r.Provider, "deleted = 0 AND name LIKE ?", [f"%{text}%"], order_by="name"
        )
    return rows.select(db, r.Provider, "deleted = 0", order_by="name")


def current_office(db: Database, office_id: str) -> r.Office | None:
    return rows.get(db, r.Office, office_id)


def any_case(db: Database) -> bool:
    """Whether the register holds a live case (cheap at any size, unlike a count)."""
    return db.execute("SELECT 1 FROM cases WHERE deleted = 0 LIMIT 1").fetchone() is not None
