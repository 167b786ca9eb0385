"""A demo register holding values the app cannot read or would refuse, written straight
into the tables (as a register that took in a bad batch before import checked values,
DESIGN.md section 5b, would hold them): one damaged value per case, each in a case whose
person has no other case, so every other case stays untouched."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import demo_register, sign_in

DEMO_CASES = 40


@dataclass(frozen=True)
class Plant:
    table: str  # persons, cases or services
    assignment: str  # SQL SET clause
    field: str  # the field named by check and marked on the record
    code: str  # the problem code check gives
    listed: bool  # a column of the case list (search, register, home) shows it


# The values the issue found stored; a text column holding a number is stored as text in
# a STRICT table ('5'), which the app reads as an unknown code.
PLANTS: dict[str, Plant] = {
    "day_zero": Plant(
        "persons", "birth_date = '1990-00-00'", "birth_date", "unreadable_date", True
    ),
    "february_30": Plant("cases", "opened_on = '2024-02-30'", "opened_on", "unreadable_date", True),
    "broken_list": Plant(
        "cases", "exploitation_types = '[oops'", "exploitation_types", "unreadable_value", True
    ),
    "unknown_code": Plant(
        "cases", "means_of_control = '[\"oops\"]'", "means_of_control", "unknown_code", False
    ),
    "object_for_list": Plant(
        "cases", "transit_countries = '{\"a\":1}'", "transit_countries", "unreadable_value", False
    ),
    "negative_age": Plant(
        "persons",
        "birth_date = NULL, estimated_age = -5",
        "estimated_age",
        "age_out_of_range",
        True,
    ),
    "huge_age": Plant(
        "persons",
        f"birth_date = NULL, estimated_age = {2**62}",
        "estimated_age",
        "age_out_of_range",
        True,
    ),
    "long_name": Plant("persons", "full_name = '" + "x" * 999 + "'", "full_name", "too_long", True),
    "nul_in_name": Plant(
        "persons", "full_name = 'Ana' || char(0) || 'Bria'", "full_name", "control_character", True
    ),
    "flag_seven": Plant("cases", "cross_border = 7", "cross_border", "unreadable_flag", False),
    "number_for_code": Plant("persons", "sex = 5", "sex", "unknown_code", True),
    "service_date": Plant(
        "services", "planned_on = '2024-02-30'", "planned_on", "unreadable_date", False
    ),
}


@dataclass
class Planted:
    folder: Path
    case_of: dict[str, str] = field(default_factory=dict)  # plant -> case number
    record_of: dict[str, str] = field(default_factory=dict)  # plant -> record id
    before: dict[str, dict] = field(default_factory=dict)  # plant -> case row before
    others: list[str] = field(default_factory=list)  # untouched case numbers


def planted_register(parent: Path, *, plants: dict[str, Plant] = PLANTS) -> Planted:
    """A register of DEMO_CASES demo cases (user ``admin``, tests.helpers.PASSWORD)
    with each plant's value written into a case of its own."""
    planted = Planted(demo_register(parent / "register", DEMO_CASES, seed=4))
    with sign_in(planted.folder, "admin") as s:
        db = s.db
        candidates = list(
            db.query(
                """SELECT c.* FROM cases c WHERE c.deleted = 0 AND c.opened_on IS NOT NULL
                 AND (SELECT count(*) FROM cases x WHERE x.person_id = c.person_id) = 1
               ORDER BY c.rid"""
            )
        )
        with_service = {
            row[0] for row in db.execute("SELECT DISTINCT case_id FROM services WHERE deleted = 0")
        }
        used: set[str] = set()
        for name, plant in plants.items():
            case = next(
                c
                for c in candidates
                if c["id"] not in used and (plant.table != "services" or c["id"] in with_service)
            )
            used.add(case["id"])
            if plant.table == "cases":
                record_id = case["id"]
            elif plant.table == "persons":
                record_id = case["person_id"]
            else:
                record_id = db.execute(
                    "SELECT id FROM services WHERE case_id = ? AND deleted = 0 ORDER BY id LIMIT 1",
                    [case["id"]],
                ).fetchone()[0]
            planted.before[name] = case
            with db.conn:
                db.execute(f"UPDATE {plant.table} SET {plant.assignment} WHERE id = ?", [record_id])
            planted.case_of[name] = case["case_number"]
            planted.record_of[name] = record_id
        planted.others = [
            row[0]
            for row in db.execute("SELECT case_number FROM cases WHERE deleted = 0 ORDER BY rid")
            if row[0] not in planted.case_of.values()
        ]
    return planted


# How the English screens and commands name the fields planted above.
LABELS = {
    "birth_date": "Birth date",
    "opened_on": "Opened on",
    "exploitation_types": "Exploitation types",
    "means_of_control": "Means of control",
    "transit_countries": "Transit countries",
    "estimated_age": "Estimated age",
    "full_name": "Full name",
    "cross_border": "Cross-border",
    "sex": "Sex",
    "planned_on": "Planned on",
}
