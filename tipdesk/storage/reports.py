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
    c.rid, c.id, c.origin, {_real_or_null("c.opened_on", "opened_on")},
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
    c.consent_statistics IS 1 AS consent_statistics, c.incident_id,
    {known_or_null("p.sex", "sex")} AS sex, p.nationality, p.region_code, {AGE} AS age
"""


@dataclass(frozen=True)
class Period:
    start: str  # ISO dates, inclusive
    end: str
    as_of: str  # the day overdue follow-ups are counted on: min(end, today)
    origin: str = ""  # limit to cases from this office id ("" = all)


_TEMP_TABLES = (
    "report_cases",
    "report_referrals",
    "report_legal",
    "report_restitution",
    "report_lpsk",
    "report_returns",
)


# Covering indexes of what a report reads (proposed migration m017, issue 22): with them
# the handled cases and their persons are read from the indexes alone, not from the
# table rows with their text (SQLite prefers the narrower indexes it has, so a report
# names these when the register has them).
REPORT_INDEXES = (
    "cases_report_open",
    "cases_report_closed",
    "persons_report",
    "services_report",
    "referrals_report",
)


def _indexed_by(db: Database, name: str) -> str:
    return f"INDEXED BY {name}" if name in report_indexes(db) else ""


def report_indexes(db: Database) -> set[str]:
    """Which of REPORT_INDEXES the database (register or analysis copy) has."""
    marks = ", ".join("?" * len(REPORT_INDEXES))
    return {
        row[0]
        for row in db.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
            REPORT_INDEXES,
        )
    }


@contextlib.contextmanager
def report_cases(db: Database, period: Period) -> Iterator[None]:
    """Fill ``temp.report_cases`` for the period, with their referrals
    (``temp.report_referrals``) and the journey's records a figure counts (issue 22),
    each read once; all dropped on leaving. (The services are counted by one query,
    ``service_counts``.)"""
    for table in _TEMP_TABLES:
        db.execute(f"DROP TABLE IF EXISTS temp.{table}")
    _fill(db, period)
    try:
        yield
    finally:
        for table in _TEMP_TABLES:
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _fill(db: Database, period: Period) -> None:
    office = "AND c.origin = :origin" if period.origin else ""
    params = {"start": period.start, "end": period.end, "origin": period.origin}
    has = report_indexes(db)
    open_cases, closed_cases, persons = (
        f"INDEXED BY {name}" if name in has else ""
        for name in ("cases_report_open", "cases_report_closed", "persons_report")
    )
    with larger_cache(db):
        db.execute(
            f"""
            CREATE TEMP TABLE report_cases AS
            SELECT {_COLUMNS} FROM cases c {open_cases}
                JOIN persons p {persons} ON p.id = c.person_id
            WHERE c.closed_on IS NULL AND c.opened_on <= :end AND c.deleted = 0 {office}
            UNION ALL
            SELECT {_COLUMNS} FROM cases c {closed_cases}
                JOIN persons p {persons} ON p.id = c.person_id
            WHERE c.closed_on >= :start AND c.opened_on <= :end AND c.deleted = 0 {office}
        """,
            params,
        )
        # The journey's records are read in their own order, each handled case looked up
        # here (most cases have none).
        db.execute("CREATE INDEX temp.report_cases_id ON report_cases (id)")
        db.execute(f"""
            CREATE TEMP TABLE report_referrals AS
            SELECT r.rid, {known_code("f.status", "referral_status")} AS status,
                   f.letter_date, f.responded_on
            FROM temp.report_cases r
            JOIN referrals f {_indexed_by(db, "referrals_report")} ON f.case_id = r.id
            WHERE f.deleted = 0""")
        _journey_tables(db, period)


# --- the case journey (issue 22) ----------------------------------------------------------
# Legal steps by the stage of the criminal case they belong to.
POLICE_STEPS = (
    "police_report",
    "investigation",
    "suspect_named",
    "file_returned",
    "file_complete",
    "investigation_stopped",
)
PROSECUTION_STEPS = ("handed_to_prosecutor", "indictment", "demand")
VERDICT_STEPS = ("verdict", "appeal", "cassation", "final", "execution")
MAX_RUPIAH = 10_000_000_000_000  # (records.MAX_RUPIAH: storage reads no domain records)


def _codes(codes: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{code}'" for code in codes) + ")"


def _in_period(column: str) -> str:
    return f"({real_date(column)} AND {column} BETWEEN :start AND :end)"


def _amount(column: str) -> str:
    """SQL: a stored amount as whole rupiah, NULL if blank, negative or beyond reason."""
    return f"CASE WHEN {column} BETWEEN 0 AND {MAX_RUPIAH} THEN {column} END"


def _journey_tables(db: Database, period: Period) -> None:
    """The journey records of the handled cases that a figure of the period counts, each
    table read once: ``report_legal`` (one row per case with a legal step dated on or
    before the period's end: the stages it reached), and the restitution claims, LPSK
    requests and returns with a date in the period. A journey table is walked by its
    case index from the handled cases only when that is the smaller side."""
    p = {"start": period.start, "end": period.end}
    # The legal steps are read in table order (NOT INDEXED): through the (kind, step_on)
    # index, each of a province's 1.4 million steps was a page read out of order, 17.5 s
    # against 4.5 s on a 1,000,000-case demo register (docs/performance.md).
    db.execute(
        f"""
        CREATE TEMP TABLE report_legal AS
        SELECT r.rid, r.id, max(s.kind = 'police_report') AS police,
               max(s.kind IN {_codes(PROSECUTION_STEPS)}) AS prosecution,
               max(s.kind IN {_codes(VERDICT_STEPS)}) AS verdict,
               max(s.kind IN {_codes(VERDICT_STEPS)} AND s.outcome IS 'convicted')
                   AS convicted
        FROM legal_steps s NOT INDEXED CROSS JOIN temp.report_cases r ON r.id = s.case_id
        WHERE s.deleted = 0 AND s.step_on <= :end AND {real_date("s.step_on")}
          AND s.kind IN {_codes(("police_report", *PROSECUTION_STEPS, *VERDICT_STEPS))}
        GROUP BY r.rid""",
        p,
    )
    dates = ("requested_on", "lpsk_assessed_on", "awarded_on", "paid_on")
    amounts = ("requested_amount", "lpsk_assessed_amount", "awarded_amount", "paid_amount")
    db.execute(
        f"""
        CREATE TEMP TABLE report_restitution AS
        SELECT r.rid, r.id,
               {", ".join(f"{_in_period('t.' + c)} AS {c}" for c in dates)},
               {", ".join(f"{_amount('t.' + c)} AS {c}" for c in amounts)}
        FROM restitution t CROSS JOIN temp.report_cases r ON r.id = t.case_id
        WHERE t.deleted = 0 AND ({" OR ".join(_in_period("t." + c) for c in dates)})""",
        p,
    )
    db.execute(
        f"""
        CREATE TEMP TABLE report_lpsk AS
        SELECT r.rid, r.id, {_in_period("t.requested_on")} AS requested,
               CASE WHEN {_in_period("t.decided_on")}
                    THEN {known_code("t.decision", "lpsk_decision")} END AS decision
        FROM lpsk_requests t CROSS JOIN temp.report_cases r ON r.id = t.case_id
        WHERE t.deleted = 0 AND ({_in_period("t.requested_on")} OR {_in_period("t.decided_on")})
        """,
        p,
    )
    completed = (
        f"CASE WHEN t.handover_on IS NOT NULL AND {real_date('t.handover_on')} "
        f"THEN t.handover_on WHEN {real_date('t.arrived_on')} THEN t.arrived_on END"
    )
    db.execute(
        f"""
        CREATE TEMP TABLE report_returns AS
        SELECT r.rid, r.id FROM returns t CROSS JOIN temp.report_cases r ON r.id = t.case_id
        WHERE t.deleted = 0 AND ({completed}) BETWEEN :start AND :end""",
        p,
    )


# figure -> (temporary table, the rows it counts, the amount it adds up or "")
JOURNEY: dict[str, tuple[str, str, str]] = {
    "police_report": ("report_legal", "police", ""),
    "prosecution": ("report_legal", "prosecution AND NOT verdict", ""),
    "verdict": ("report_legal", "verdict", ""),
    "convicted": ("report_legal", "convicted", ""),
    "restitution_requested": ("report_restitution", "requested_on", "requested_amount"),
    "restitution_assessed": ("report_restitution", "lpsk_assessed_on", "lpsk_assessed_amount"),
    "restitution_awarded": ("report_restitution", "awarded_on", "awarded_amount"),
    "restitution_paid": ("report_restitution", "paid_on", "paid_amount"),
    "lpsk_requested": ("report_lpsk", "requested", ""),
    "lpsk_granted": ("report_lpsk", "decision IS 'granted'", ""),
    "lpsk_partly_granted": ("report_lpsk", "decision IS 'partly_granted'", ""),
    "lpsk_refused": ("report_lpsk", "decision IS 'refused'", ""),
    "returns_completed": ("report_returns", "1", ""),
}


def journey(db: Database) -> dict[str, tuple[int, int]]:
    """figure -> (records counted, rupiah added up: 0 for a figure without an amount),
    from the journey tables of ``report_cases``."""
    out = {}
    for table in ("report_legal", "report_restitution", "report_lpsk", "report_returns"):
        figures = [(k, v) for k, v in JOURNEY.items() if v[0] == table]
        parts = []
        for _key, (_t, where, amount) in figures:
            parts.append(f"coalesce(sum(({where}) IS 1), 0)")
            parts.append(
                f"coalesce(sum(CASE WHEN {where} THEN {amount} END), 0)" if amount else "0"
            )
        row = db.execute(f"SELECT {', '.join(parts)} FROM temp.{table}").fetchone()
        for i, (key, _) in enumerate(figures):
            out[key] = (row[2 * i], row[2 * i + 1])
    return out


def journey_case_rids(db: Database, figure: str, *, limit: int = 1000) -> list[int]:
    """Row ids of the cases behind one journey figure (distinct, newest first)."""
    table, where, _ = JOURNEY[figure]
    return [
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT rid FROM temp.{table} WHERE ({where}) IS 1 "
            "ORDER BY rid DESC LIMIT :limit",
            {"limit": limit},
        )
    ]


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


# The services given to the handled cases (provided or in progress), counted by type and
# by provider type in one GROUP BY
# (``service_counts``), not kept in a temporary table (2.5 million rows at 1,000,000
# cases).
SERVICES = f"""(SELECT r.rid, r.id,
        {known_code("s.service_type", "service_type")} AS service_type,
        CASE WHEN v.provider_type IS NULL THEN 'none'
             ELSE {known_code("v.provider_type", "provider_type")} END AS provider_type
    FROM temp.report_cases r JOIN services s ON s.case_id = r.id
    LEFT JOIN providers v ON v.id = s.provider_id
    WHERE s.deleted = 0 AND s.status IN ('provided', 'in_progress')) r"""


def service_counts(db: Database) -> dict[str, list[tuple[str, str, int]]]:
    """services_by_type and services_by_provider from one read of the services, counted
    by the stored type and provider (the join to the providers and the vocabularies
    applied once per distinct pair, as SERVICES applies them)."""
    pairs = db.execute(
        f"""SELECT s.service_type, s.provider_id, count(*)
            FROM temp.report_cases r
            JOIN services s {_indexed_by(db, "services_report")} ON s.case_id = r.id
            WHERE s.deleted = 0 AND s.status IN ('provided', 'in_progress') GROUP BY 1, 2"""
    ).fetchall()
    ids = sorted({provider for _, provider, _ in pairs if provider is not None})
    kinds: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        kinds.update(
            db.execute(
                f"SELECT id, {known_code('provider_type', 'provider_type')} FROM providers "
                f"WHERE provider_type IS NOT NULL AND id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    types = set(VOCABULARIES["service_type"].codes())
    by_type: dict[str, int] = {}
    by_provider: dict[str, int] = {}
    for service_type, provider, n in pairs:
        key = service_type if service_type in types else "unknown"
        by_type[key] = by_type.get(key, 0) + n
        kind = kinds.get(provider, "none")
        by_provider[kind] = by_provider.get(kind, 0) + n
    return {
        "services_by_type": sorted((k, "count", n) for k, n in by_type.items()),
        "services_by_provider": sorted((k, "count", n) for k, n in by_provider.items()),
    }


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
    "services_by_type": (SERVICES, "r.service_type", "'count'"),
    "services_by_provider": (SERVICES, "r.provider_type", "'count'"),
    "referrals_by_status": ("temp.report_referrals r", "r.status", "'count'"),
    # the handled victims of each incident, by its number (issue 22)
    "victims_by_incident": (
        "temp.report_cases r JOIN incidents i ON i.id = r.incident_id AND i.deleted = 0",
        "i.incident_number",
        "'count'",
    ),
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


# Breakdowns counted in one read of ``report_cases`` (``case_breakdowns``): each its own
# GROUP BY would sort every handled case again (1-3 s each at 650,000 cases). The read
# counts the stored values (a few hundred distinct ones each: ages, codes, regions, code
# lists); their keys are worked out once per distinct value, as BREAKDOWNS says.
ONE_PASS = (
    "sex_age",
    "sex_child",
    "labour_sector",
    "recruitment_method",
    "recruiter_relationship",
    "destination_country",
    "origin_province",
    "origin_regency",
)
# Breakdowns of a code list, counted per distinct list, not per case.
LISTS = {"exploitation": "exploitation_types", "means_of_control": "means_of_control"}
_AGE_GROUPS = ((5, "0-5"), (12, "6-12"), (17, "13-17"), (24, "18-24"), (44, "25-44"), (59, "45-59"))


def _age_key(age) -> str:
    if age is None or age < 0:
        return "unknown"
    return next((key for top, key in _AGE_GROUPS if age <= top), "60+")


def _prefix(value, length: int) -> str:
    text = value if isinstance(value, str) or value is None else str(value)
    return text[:length] if text is not None and len(text) >= length else "unknown"


def _list_counts(texts, vocab: str) -> dict[str, int]:
    """Cases per code of the distinct stored lists ``texts`` (text -> cases); a list
    json_each cannot open, or a value outside the vocabulary, counts as "unknown"."""
    import json  # (only here)

    codes = set(VOCABULARIES[vocab].codes())
    total: dict[str, int] = {}
    for text, n in texts.items():
        try:
            values = json.loads(text)
        except (TypeError, ValueError):
            values = ["unknown"]
        for value in values if isinstance(values, list) else ["unknown"]:
            key = value if isinstance(value, str) and value in codes else "unknown"
            total[key] = total.get(key, 0) + n
    return total


def case_breakdowns(
    db: Database, period: Period, *, batch: int = 20_000
) -> dict[str, list[tuple[str, str, int]]]:
    """(row key, column key, count) of each breakdown of ONE_PASS and LISTS, from one
    read of the handled cases, counted as :func:`breakdown` counts them."""
    from collections import Counter
    from operator import itemgetter

    read = (
        "age",
        "sex",
        "exploitation_types",
        "labour_sector",
        "recruitment_method",
        "recruiter_relationship",
        "exploitation_country",
        "region_code",
        "means_of_control",
    )
    # what is counted: (age, sex), (list, sector), then one column each
    pick = [itemgetter(0, 1), itemgetter(2, 3), *(itemgetter(i) for i in range(4, len(read)))]
    pick.append(itemgetter(2))
    counted: list[Counter] = [Counter() for _ in pick]
    cursor = db.execute(f"SELECT {', '.join(read)} FROM temp.report_cases")
    try:
        while chunk := cursor.fetchmany(batch):
            for counter, getter in zip(counted, pick, strict=True):
                counter.update(map(getter, chunk))
    finally:
        cursor.close()
    ages, sectors, methods, relations, countries, regions, means, lists = counted

    def rows(counts: dict) -> list[tuple[str, str, int]]:
        return sorted((row, column, n) for (row, column), n in counts.items())

    sex_age: Counter = Counter()
    sex_child: Counter = Counter()
    for (age, sex), n in ages.items():
        column = "unknown" if sex is None else sex
        key = _age_key(age)
        sex_age[(key, column)] += n
        child = key if key == "unknown" else "child" if age < 18 else "adult"
        sex_child[(child, column)] += n
    labour: Counter = Counter()
    for (text, sector), n in sectors.items():
        if isinstance(text, str) and '"forced_labour"' in text:
            labour[("unknown" if sector is None else sector, "count")] += n

    def single(counts: Counter, key=lambda v: "unknown" if v is None else v) -> Counter:
        out: Counter = Counter()
        for value, n in counts.items():
            out[(key(value), "count")] += n
        return out

    return {
        "sex_age": rows(sex_age),
        "sex_child": rows(sex_child),
        "labour_sector": rows(labour),
        "recruitment_method": rows(single(methods)),
        "recruiter_relationship": rows(single(relations)),
        "destination_country": rows(single(countries)),
        "origin_province": rows(single(regions, lambda v: _prefix(v, 2))),
        "origin_regency": rows(single(regions, lambda v: _prefix(v, 5))),
        **{
            key: sorted((code, "count", n) for code, n in _list_counts(texts, key).items())
            for key, texts in (("exploitation", lists), ("means_of_control", means))
        },
    }


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
