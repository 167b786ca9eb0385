"""The SQL of statistics: every figure is a GROUP BY over one temporary table of the
cases handled in the period (``report_cases``), made once per report.

The temporary table lives in memory (``temp_store=MEMORY``), holds codes, dates and
flags only (no name, number or text), and is dropped when the report is done. Building
it reads the cases through two index walks (open cases, and cases closed on or after
the period's first day), so a report over a large register reads only the cases that
matter to it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from tipdesk.domain.validation import MAX_AGE
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.storage.connection import larger_cache

# A register may hold values the app cannot read (DESIGN.md section 5b: rows taken in
# before they were checked). A report counts such a case (which cases it reads is decided
# on the stored text, through the indexes) but not the value: a date that does not exist
# is unknown (the case is not new, closed or overdue by it, as the app shows it blank),
# so is an age from one, or an estimate outside 0-120; a list that is not a JSON array
# counts once as "unknown", as does a code outside its vocabulary; a flag other than 1 is
# not set. SQLite's date() takes 2024-02-30 as it is, so a date is real when adding no
# days leaves it unchanged.


def real_date(column: str) -> str:
    """SQL: true if ``column`` holds a date that exists (YYYY-MM-DD)."""
    return f"date({column}, '+0 days') IS {column}"


def code_list(column: str) -> str:
    """SQL: ``column``'s JSON array of codes; '["unknown"]' for one that is not an array
    (json_each would fail on it), "[]" for blank."""
    return (
        f"CASE WHEN {column} = '' THEN '[]' WHEN json_valid({column}) "
        f"AND json_type({column}) = 'array' THEN {column} ELSE '[\"unknown\"]' END"
    )


def known_code(expression: str, vocab: str) -> str:
    """SQL: ``expression`` if it is a code of the vocabulary, else 'unknown'."""
    codes = ", ".join(f"'{code}'" for code in VOCABULARIES[vocab].codes())
    return f"CASE WHEN {expression} IN ({codes}) THEN {expression} ELSE 'unknown' END"


def known_or_null(expression: str, vocab: str) -> str:
    """SQL: ``expression`` if it is a code of the vocabulary, else NULL."""
    codes = ", ".join(f"'{code}'" for code in VOCABULARIES[vocab].codes())
    return f"CASE WHEN {expression} IN ({codes}) THEN {expression} END"


# Age in whole years on the day the case was opened, from the birth date, else the
# estimated age recorded for the person.
AGE = (
    f"CASE WHEN p.birth_date IS NOT NULL AND c.opened_on IS NOT NULL THEN "
    f"CASE WHEN {real_date('p.birth_date')} AND {real_date('c.opened_on')} THEN "
    "CAST(substr(c.opened_on, 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)"
    " - (substr(c.opened_on, 6) < substr(p.birth_date, 6)) END "
    f"WHEN p.estimated_age BETWEEN 0 AND {MAX_AGE} THEN p.estimated_age END"
)


def _real_or_null(column: str, name: str) -> str:
    return f"CASE WHEN {real_date(column)} THEN {column} END AS {name}"


_COLUMNS = f"""
    c.rid, c.id, c.person_id, c.origin, {_real_or_null("c.opened_on", "opened_on")},
    {_real_or_null("c.closed_on", "closed_on")}, c.status,
    {_real_or_null("c.follow_up_on", "follow_up_on")},
    {code_list("c.exploitation_types")} AS exploitation_types,
    {known_or_null("c.labour_sector", "labour_sector")} AS labour_sector,
    {code_list("c.means_of_control")} AS means_of_control,
    {known_or_null("c.recruitment_method", "recruitment_method")} AS recruitment_method,
    {known_or_null("c.recruiter_relationship", "recruiter_relationship")}
        AS recruiter_relationship,
    {known_or_null("c.exploitation_country", "country")} AS exploitation_country,
    c.cross_border IS 1 AS cross_border, c.migrant_worker IS 1 AS migrant_worker,
    c.consent_statistics IS 1 AS consent_statistics,
    {known_or_null("p.sex", "sex")} AS sex, p.nationality, p.region_code, {AGE} AS age
"""


@dataclass(frozen=True)
class Period:
    start: str  # ISO dates, inclusive
    end: str
    as_of: str  # the day overdue follow-ups are counted on: min(end, today)
    origin: str = ""  # limit to cases from this office id ("" = all)


_TEMP_TABLES = ("report_cases", "report_services", "report_referrals")


@contextlib.contextmanager
def report_cases(db: Database, period: Period) -> Iterator[None]:
    """Fill ``temp.report_cases`` for the period, with the services given to those cases
    (``temp.report_services``) and their referrals (``temp.report_referrals``), each read
    once; all dropped on leaving."""
    for table in _TEMP_TABLES:
        db.execute(f"DROP TABLE IF EXISTS temp.{table}")
    office = "AND c.origin = :origin" if period.origin else ""
    params = {"start": period.start, "end": period.end, "origin": period.origin}
    with larger_cache(db):
        db.execute(
            f"""
            CREATE TEMP TABLE report_cases AS
            SELECT {_COLUMNS} FROM cases c JOIN persons p ON p.id = c.person_id
            WHERE c.closed_on IS NULL AND c.opened_on <= :end AND c.deleted = 0 {office}
            UNION ALL
            SELECT {_COLUMNS} FROM cases c JOIN persons p ON p.id = c.person_id
            WHERE c.closed_on >= :start AND c.opened_on <= :end AND c.deleted = 0 {office}
        """,
            params,
        )
        db.execute(f"""
            CREATE TEMP TABLE report_services AS
            SELECT r.rid, r.id, {known_code("s.service_type", "service_type")} AS service_type,
                   CASE WHEN v.provider_type IS NULL THEN 'none'
                        ELSE {known_code("v.provider_type", "provider_type")} END
                       AS provider_type
            FROM temp.report_cases r
            JOIN services s ON s.case_id = r.id AND s.deleted = 0
                           AND s.status IN ('provided', 'in_progress')
            LEFT JOIN providers v ON v.id = s.provider_id""")
        db.execute(f"""
            CREATE TEMP TABLE report_referrals AS
            SELECT r.rid, r.id, {known_code("f.status", "referral_status")} AS status,
                   f.letter_date, f.responded_on
            FROM temp.report_cases r
            JOIN referrals f ON f.case_id = r.id AND f.deleted = 0""")
    try:
        yield
    finally:
        for table in _TEMP_TABLES:
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _flat(rows) -> list[tuple]:
    return [tuple(row) for row in rows]


def summary(db: Database, period: Period) -> dict[str, int]:
    p = {"start": period.start, "end": period.end, "as_of": period.as_of}
    row = db.execute(
        """
        SELECT count(*),
               coalesce(sum(opened_on BETWEEN :start AND :end), 0),
               coalesce(sum(closed_on IS NULL OR closed_on > :end), 0),
               coalesce(sum(closed_on BETWEEN :start AND :end), 0),
               coalesce(sum(age < 18), 0),
               coalesce(sum(age >= 18), 0),
               coalesce(sum(cross_border), 0),
               coalesce(sum(migrant_worker), 0),
               coalesce(sum((closed_on IS NULL OR closed_on > :as_of)
                            AND follow_up_on < :as_of), 0)
        FROM temp.report_cases""",
        p,
    ).fetchone()
    keys = (
        "handled",
        "new_cases",
        "open_at_end",
        "closed",
        "children",
        "adults",
        "cross_border",
        "migrant_worker",
        "overdue_follow_up",
    )
    return dict(zip(keys, row, strict=True))


def by_office(db: Database, period: Period) -> list[tuple]:
    """(office code, new, handled, open at end, closed) per office the cases came from."""
    return _flat(
        db.execute(
            """
        SELECT coalesce(o.code, '?'), coalesce(sum(r.opened_on BETWEEN :start AND :end), 0),
               count(*), coalesce(sum(r.closed_on IS NULL OR r.closed_on > :end), 0),
               coalesce(sum(r.closed_on BETWEEN :start AND :end), 0)
        FROM temp.report_cases r LEFT JOIN offices o ON o.id = r.origin
        GROUP BY 1 ORDER BY 1""",
            {"start": period.start, "end": period.end},
        )
    )


# Each breakdown: (FROM clause over report_cases as r, the row key, the column key).
# A multi-valued code list is opened with json_each, so a case counts once per value.
_AGE_KEY = (
    "CASE WHEN r.age IS NULL OR r.age < 0 THEN 'unknown' WHEN r.age <= 5 THEN '0-5' "
    "WHEN r.age <= 12 THEN '6-12' WHEN r.age <= 17 THEN '13-17' "
    "WHEN r.age <= 24 THEN '18-24' WHEN r.age <= 44 THEN '25-44' "
    "WHEN r.age <= 59 THEN '45-59' ELSE '60+' END"
)
_SEX = "coalesce(r.sex, 'unknown')"

BREAKDOWNS: dict[str, tuple[str, str, str]] = {
    "sex_age": ("temp.report_cases r", _AGE_KEY, _SEX),
    "sex_child": (
        "temp.report_cases r",
        "CASE WHEN r.age IS NULL OR r.age < 0 THEN 'unknown' WHEN r.age < 18 "
        "THEN 'child' ELSE 'adult' END",
        _SEX,
    ),
    "exploitation": (
        "temp.report_cases r, json_each(r.exploitation_types) j",
        known_code("j.value", "exploitation"),
        "'count'",
    ),
    "labour_sector": ("temp.report_cases r", "coalesce(r.labour_sector, 'unknown')", "'count'"),
    "means_of_control": (
        "temp.report_cases r, json_each(r.means_of_control) j",
        known_code("j.value", "means_of_control"),
        "'count'",
    ),
    "recruitment_method": (
        "temp.report_cases r",
        "coalesce(r.recruitment_method, 'unknown')",
        "'count'",
    ),
    "recruiter_relationship": (
        "temp.report_cases r",
        "coalesce(r.recruiter_relationship, 'unknown')",
        "'count'",
    ),
    "destination_country": (
        "temp.report_cases r",
        "coalesce(r.exploitation_country, 'unknown')",
        "'count'",
    ),
    "origin_province": (
        "temp.report_cases r",
        "CASE WHEN length(r.region_code) >= 2 THEN substr(r.region_code, 1, 2) ELSE 'unknown' END",
        "'count'",
    ),
    "origin_regency": (
        "temp.report_cases r",
        "CASE WHEN length(r.region_code) >= 5 THEN substr(r.region_code, 1, 5) ELSE 'unknown' END",
        "'count'",
    ),
    "services_by_type": ("temp.report_services r", "r.service_type", "'count'"),
    "services_by_provider": ("temp.report_services r", "r.provider_type", "'count'"),
    "referrals_by_status": ("temp.report_referrals r", "r.status", "'count'"),
    "cases_per_month": (
        "temp.report_cases r, json_each(r.exploitation_types) j",
        "substr(r.opened_on, 1, 7)",
        known_code("j.value", "exploitation"),
    ),
}
# Breakdowns limited to part of the cases.
_WHERE = {
    "labour_sector": "instr(r.exploitation_types, '\"forced_labour\"') > 0",
    "cases_per_month": "r.opened_on BETWEEN :start AND :end",
}


def breakdown(db: Database, key: str, period: Period) -> list[tuple[str, str, int]]:
    """(row key, column key, count) of one breakdown, by row then column."""
    source, row, column = BREAKDOWNS[key]
    where = f"WHERE {_WHERE[key]}" if key in _WHERE else ""
    return _flat(
        db.execute(
            f"SELECT {row}, {column}, count(*) FROM {source} {where} GROUP BY 1, 2 ORDER BY 1, 2",
            {"start": period.start, "end": period.end},
        )
    )


def cell_case_rids(
    db: Database, key: str, period: Period, row: str, column: str, *, limit: int = 1000
) -> list[int]:
    """Row ids of the cases behind one figure of a breakdown (distinct, newest first)."""
    source, row_sql, column_sql = BREAKDOWNS[key]
    # A total row or column stands for every row or column.
    where = [
        f"{row_sql} = :row" if row != "total" else "1",
        f"{column_sql} = :column" if column != "total" else "1",
    ]
    if key in _WHERE:
        where.append(_WHERE[key])
    return [
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT r.rid FROM {source} WHERE {' AND '.join(where)} "
            "ORDER BY r.rid DESC LIMIT :limit",
            {
                "start": period.start,
                "end": period.end,
                "row": row,
                "column": column,
                "limit": limit,
            },
        )
    ]


_SUMMARY_WHERE = {
    "handled": "1",
    "new_cases": "opened_on BETWEEN :start AND :end",
    "open_at_end": "closed_on IS NULL OR closed_on > :end",
    "closed": "closed_on BETWEEN :start AND :end",
    "children": "age < 18",
    "adults": "age >= 18",
    "cross_border": "cross_border",
    "migrant_worker": "migrant_worker",
    "overdue_follow_up": "(closed_on IS NULL OR closed_on > :as_of) AND follow_up_on < :as_of",
}


SUMMARY_FIGURES = frozenset(_SUMMARY_WHERE)


def summary_case_rids(
    db: Database, figure: str, period: Period, *, office_code: str = "", limit: int = 1000
) -> list[int]:
    """Row ids behind one headline figure (optionally of one office's row)."""
    office = "AND origin IN (SELECT id FROM offices WHERE code = :code)" if office_code else ""
    return [
        r[0]
        for r in db.execute(
            f"SELECT rid FROM temp.report_cases WHERE ({_SUMMARY_WHERE[figure]}) {office} "
            "ORDER BY rid DESC LIMIT :limit",
            {
                "start": period.start,
                "end": period.end,
                "as_of": period.as_of,
                "code": office_code,
                "limit": limit,
            },
        )
    ]


def reply_days(db: Database, period: Period) -> tuple[int, float | None]:
    """How many referrals of the handled cases were answered, and the median of the days
    from the letter to the reply (SQL: the middle one or two of the sorted days)."""
    # A date that does not exist is left out (julianday() would read 2024-02-30 as 1 March).
    base = f"""SELECT julianday(responded_on) - julianday(letter_date) AS d
              FROM temp.report_referrals
              WHERE {real_date("letter_date")} AND {real_date("responded_on")}
                AND letter_date IS NOT NULL AND responded_on IS NOT NULL"""
    n = db.execute(f"SELECT count(*) FROM ({base})").fetchone()[0]
    if n == 0:
        return 0, None
    middle = db.execute(
        f"SELECT avg(d) FROM (SELECT d FROM ({base}) ORDER BY d "
        "LIMIT 2 - (:n % 2) OFFSET (:n - 1) / 2)",
        {"n": n},
    ).fetchone()[0]
    return n, middle


def office_ids(db: Database) -> dict[str, str]:
    """Office code -> id, for every office this register knows."""
    return {row["code"]: row["id"] for row in db.query("SELECT id, code FROM offices")}


def office_names(db: Database) -> dict[str, str]:
    return {row["code"]: row["name"] for row in db.query("SELECT code, name FROM offices")}
