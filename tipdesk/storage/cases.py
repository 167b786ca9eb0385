"""Reading the case aggregate: a case with its person, services, referrals and notes."""

from __future__ import annotations

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows


def case_by_number(db: Database, case_number: str) -> r.Case | None:
    found = rows.select(db, r.Case, "case_number = ? AND deleted = 0", [case_number])
    return found[0] if found else None


def load_case_file(db: Database, case: r.Case) -> r.CaseFile:
    person = rows.get(db, r.Person, case.person_id)
    if person is None:
        raise LookupError("case without its person")
    services = rows.select(
        db,
        r.Service,
        "case_id = ? AND deleted = 0",
        [case.id],
        order_by="coalesce(started_on, planned_on), id",
    )
    referrals = rows.select(db, r.Referral, "case_id = ? AND deleted = 0", [case.id], order_by="id")
    notes = rows.select(
        db, r.CaseNote, "case_id = ? AND deleted = 0", [case.id], order_by="noted_on DESC, id DESC"
    )
    linked: list[r.Service | r.Referral] = [*services, *referrals]
    provider_ids = sorted({x.provider_id for x in linked if x.provider_id})
    providers: dict[str, r.Provider] = {}
    if provider_ids:
        marks = ",".join("?" * len(provider_ids))
        providers = {p.id: p for p in rows.select(db, r.Provider, f"id IN ({marks})", provider_ids)}
    return r.CaseFile(
        case=case,
        person=person,
        services=services,
        referrals=referrals,
        notes=notes,
        providers=providers,
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
