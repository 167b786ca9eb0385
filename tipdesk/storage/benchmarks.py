"""The raw queries ``tipdesk bench`` compares the register's own code with.

They read the same rows the services read, without the layers above: the difference is
the overhead the budgets are about.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Iterable

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import analysis

DEMO_TABLES = ("persons", "cases", "services", "referrals", "case_notes")


def sample_names(db: Database, limit: int) -> list[str]:
    return [
        row["full_name"]
        for row in db.query("SELECT full_name FROM persons ORDER BY rowid LIMIT ?", [limit])
    ]


def _spread(
    db: Database, table: str, key: str, column: str, count: int, seed: int, where: str = "1"
) -> list:
    """``count`` values of ``column`` from rows spread evenly over ``table`` by ``key``
    (a row number), the same for the same seed."""
    total = db.execute(f"SELECT max({key}) FROM {table}").fetchone()[0] or 0
    if not total:
        return []
    step = max(1, total // count)
    keys = [1 + (seed + i * step) % total for i in range(count)]
    marks = ",".join("?" * len(keys))
    return [
        row[0]
        for row in db.execute(
            f"SELECT {column} FROM {table} WHERE {key} IN ({marks}) AND {where} ORDER BY {key}",
            keys,
        )
    ]


def sample_case_numbers(db: Database, count: int, seed: int) -> list[str]:
    """``count`` case numbers spread over the register, the same for the same seed."""
    return _spread(db, "cases", "rid", "case_number", count, seed)


def raw_case(db: Database, number: str) -> None:
    """The rows ``open_case`` reads, fetched as plain tuples."""
    conn = db.conn
    cursor = conn.execute("SELECT * FROM cases WHERE case_number = ?", [number])
    names = [d[0] for d in cursor.description]
    case = cursor.fetchone()
    case_id, person_id = case[names.index("id")], case[names.index("person_id")]
    conn.execute("SELECT * FROM persons WHERE id = ?", [person_id]).fetchall()
    for table in r.CHILD_TABLES:
        conn.execute(f"SELECT * FROM {table} WHERE case_id = ?", [case_id]).fetchall()


def plain_inserts(source: Database, chunk: int = 20_000) -> float:
    """Seconds to insert the register's demo rows with plain sqlite-utils (no encryption,
    triggers or index) into an in-memory database, so no copy of the rows touches disk."""
    target = Database(sqlite3.connect(":memory:"))
    elapsed = 0.0
    try:
        for table in DEMO_TABLES:
            last = 0
            while True:
                rows = list(
                    source.query(
                        f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid > ? "
                        f"ORDER BY rowid LIMIT ?",
                        [last, chunk],
                    )
                )
                if not rows:
                    break
                last = rows[-1].pop("_rowid")
                for row in rows:
                    row.pop("_rowid", None)
                started = time.perf_counter()
                target.table(table).insert_all(rows, batch_size=1000)
                elapsed += time.perf_counter() - started
    finally:
        target.close()
    return elapsed


def sample_referral_ids(db: Database, count: int, seed: int) -> list[str]:
    """``count`` live referral ids spread over the register, the same for the same seed."""
    return _spread(db, "referrals", "rowid", "id", count, seed, where="deleted = 0")


def raw_serialise(source: Database, chunk: int = 20_000) -> tuple[bytes, float]:
    """The register's synced rows as JSON lines with the standard library (the raw cost
    an export is compared with, with encryption added by the caller); and the seconds
    spent serialising, reads excluded."""
    import json

    parts: list[bytes] = []
    elapsed = 0.0
    for table in ("offices", "providers", *DEMO_TABLES):
        last = 0
        while True:
            rows = list(
                source.query(
                    f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid > ? "
                    f"ORDER BY rowid LIMIT ?",
                    [last, chunk],
                )
            )
            if not rows:
                break
            last = rows[-1]["_rowid"]
            started = time.perf_counter()
            parts.append("\n".join(json.dumps(row, ensure_ascii=False) for row in rows).encode())
            elapsed += time.perf_counter() - started
    started = time.perf_counter()
    data = b"\n".join(parts)
    return data, elapsed + time.perf_counter() - started


def fill_statistics_register(
    db: Database, cases: int, offices: list[str], *, codes: dict[str, list[str]], regions: list[str]
) -> None:
    """A province-sized register for the statistics budgets, written by SQLite itself:
    ``cases`` persons with one case, one service and (every other case) a referral each,
    spread over ``offices`` (ids) and eleven years in the order they were registered (as a
    register fills: row numbers follow the opening date), most older cases closed.

    Values come from the row number through fixed multipliers, so the same call gives
    the same rows. Names are blank and the search index is left empty: statistics read
    neither. Change capture is muted (these rows are not changes to send anywhere).
    """
    import json

    params = {
        "n": cases,
        "offices": json.dumps(offices),
        "regions": json.dumps(regions),
        **{k: json.dumps(v) for k, v in codes.items()},
    }

    def pick(kind: str, salt: int, var: str = "x") -> str:
        return (
            f"json_extract(:{kind}, '$[' || (({var} * {salt}) % json_array_length(:{kind})) || ']')"
        )

    with db.atomic():
        db.execute("UPDATE _capture SET muted = 1")
        db.execute(
            f"""
            WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < :n)
            INSERT INTO persons (id, origin, rev, updated_at, updated_by, register_number,
                                 sex, birth_date, estimated_age, nationality, region_code)
            SELECT printf('bp-%09d', x), {pick("offices", 7)}, '0', '', 'bench',
                   printf('BEN-P-%09d', x), CASE WHEN x % 10 < 8 THEN 'female' ELSE 'male' END,
                   CASE WHEN x % 3 THEN date('1960-01-01', '+' || ((x * 37) % 21000)
                                              || ' days') END,
                   CASE WHEN x % 3 = 0 THEN (x * 13) % 70 END,
                   CASE WHEN x % 50 THEN 'indonesian' ELSE 'foreign' END,
                   {pick("regions", 11)}
            FROM seq""",
            params,
        )
        db.execute(
            f"""
            WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < :n),
            c AS (SELECT x, 4000 - (x * 4000) / :n + (x * 7919) % 7 AS back FROM seq)
            INSERT INTO cases (rid, id, origin, rev, updated_at, updated_by, case_number,
                               person_id, opened_on, status, exploitation_types,
                               labour_sector, means_of_control, recruitment_method,
                               recruiter_relationship, exploitation_country, cross_border,
                               migrant_worker, consent_statistics, follow_up_on, closed_on,
                               closure_reason, created_by)
            SELECT x, printf('bc-%09d', x), {pick("offices", 7)}, '0', '', 'bench',
                   printf('BEN-%09d', x), printf('bp-%09d', x),
                   date('2026-11-30', '-' || back || ' days'),
                   CASE WHEN closed THEN 'closed' ELSE 'active' END,
                   json_array({pick("exploitation", 3)}),
                   {pick("labour_sector", 5)}, json_array({pick("means_of_control", 17)},
                                                          {pick("means_of_control", 29)}),
                   {pick("recruitment_method", 13)}, {pick("recruiter_relationship", 19)},
                   {pick("country", 23)}, x % 4 = 0, x % 3 = 0, x % 10 <> 0,
                   CASE WHEN NOT closed THEN date('2026-11-30', '-' || (back % 60) || ' days')
                                                 END,
                   CASE WHEN closed THEN min('2026-11-30', date('2026-11-30', '-' || back
                                        || ' days', '+' || (30 + x % 300) || ' days')) END,
                   CASE WHEN closed THEN 'goals_achieved' END, 'bench'
            FROM (SELECT x, back, CASE WHEN back > 365 THEN x % 100 < 97
                                       ELSE x % 100 < 40 END AS closed FROM c)""",
            params,
        )
        db.execute(
            f"""
            INSERT INTO services (id, origin, rev, updated_at, updated_by, case_id,
                                  service_type, status, provider_id)
            SELECT printf('bs-%09d', rid), origin, '0', '', 'bench', id,
                   {pick("service_type", 31, "rid")}, 'provided', 'bench-provider'
            FROM cases WHERE id LIKE 'bc-%'""",
            params,
        )
        db.execute("""
            INSERT OR IGNORE INTO providers (id, origin, rev, updated_at, updated_by, name,
                                             provider_type)
            VALUES ('bench-provider', '', '0', '', 'bench', 'RSUD', 'hospital')""")
        db.execute("""
            INSERT INTO referrals (id, origin, rev, updated_at, updated_by, case_id,
                                   provider_id, status, urgency, letter_date, responded_on)
            SELECT printf('br-%09d', rid), origin, '0', '', 'bench', id, 'bench-provider',
                   'accepted',
                   'routine', opened_on, date(opened_on, '+' || (rid % 20) || ' days')
            FROM cases WHERE id LIKE 'bc-%' AND rid % 2 = 0""")
        db.execute("UPDATE _capture SET muted = 0")


def add_bench_offices(db: Database, ids: list[str]) -> None:
    """District office records for a bench province (the cases' origins)."""
    with db.atomic():
        db.execute("UPDATE _capture SET muted = 1")
        db.conn.executemany(
            "INSERT INTO offices (id, origin, rev, updated_at, updated_by, code, name, level) "
            "VALUES (?, ?, '0', '', 'bench', ?, ?, 'district')",
            [(i, i, f"D{n:02d}", f"Bench district {n:02d}") for n, i in enumerate(ids, 1)],
        )
        db.execute("UPDATE _capture SET muted = 0")


def plain_count(db: Database, start: str, end: str) -> int:
    """The baseline of a report: counting the cases handled in the period through the
    same two indexes, reading nothing else (no person, no breakdown)."""
    return db.execute(
        "SELECT (SELECT count(*) FROM cases WHERE closed_on IS NULL AND opened_on <= :end)"
        " + (SELECT count(*) FROM cases WHERE closed_on >= :start AND opened_on <= :end)",
        {"start": start, "end": end},
    ).fetchone()[0]


def plain_csv(db: Database, path) -> None:
    """The baseline of the stats export: every case's columns written to CSV as read."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in db.execute(
            "SELECT substr(c.opened_on, 1, 4), p.sex, p.birth_date, p.nationality, "
            "substr(p.region_code, 1, 2), c.exploitation_country, c.exploitation_types, "
            "c.labour_sector, c.means_of_control, c.recruiter_relationship "
            "FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.deleted = 0"
        ):
            writer.writerow(row)


def drop_analysis_triggers(db: Database) -> None:
    """The bench's baseline without the analysis copy: its triggers gone."""
    for table in analysis.TABLES:
        for op in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS {analysis.trigger_name(table, op)}")
    db.conn.commit()


def restore_analysis_triggers(db: Database) -> None:
    analysis.install_triggers(db)
    db.conn.commit()


# (id, origin, register_number, full_name, sex, birth_date, estimated_age, nik, region_code)
BenchPerson = tuple[str, str, str, str, str, str | None, int | None, str, str]


def fill_people_register(db: Database, persons: Iterable[BenchPerson], chunk: int = 20_000) -> int:
    """A province's persons for the cross-office duplicate budgets (issue 23): each
    person of ``persons`` with one case (numbered ``BEN-<row>``), and the search index of
    every case, in one transaction; change capture muted (no changes to send). Returns
    how many persons."""
    from tipdesk.storage import search

    person_sql = (
        "INSERT INTO persons (id, origin, rev, updated_at, updated_by, register_number, "
        "full_name, sex, birth_date, estimated_age, nik, nationality, region_code) "
        "VALUES (?, ?, '0', '', 'bench', ?, ?, ?, ?, ?, ?, 'indonesian', ?)"
    )
    case_sql = (
        "INSERT INTO cases (rid, id, origin, rev, updated_at, updated_by, case_number, "
        "person_id, opened_on, status, created_by) "
        "VALUES (?, ?, ?, '0', '', 'bench', ?, ?, '2026-01-05', 'active', 'bench')"
    )
    done = 0
    with db.atomic():
        db.execute("UPDATE _capture SET muted = 1")
        first = db.execute("SELECT coalesce(max(rid), 0) FROM cases").fetchone()[0]
        batch: list[BenchPerson] = []
        for person in itertools.chain(persons, [None]):
            if person is not None:
                batch.append(person)
                if len(batch) < chunk:
                    continue
            db.conn.executemany(person_sql, batch)
            db.conn.executemany(
                case_sql,
                [
                    (first + done + i, f"bc-{p[0]}", p[1], f"BEN-{first + done + i:09d}", p[0])
                    for i, p in enumerate(batch, 1)
                ],
            )
            done += len(batch)
            batch = []
        search.index_new(db, first)
        db.execute("UPDATE _capture SET muted = 0")
    return done


def plain_person_read(db: Database, page: int = 50_000) -> int:
    """The baseline of the full duplicate check: every live person's name, birth date and
    age read a page at a time as plain tuples, nothing compared."""
    last, count = 0, 0
    while True:
        rows = db.conn.execute(
            "SELECT rowid, origin, full_name, birth_date, estimated_age FROM persons "
            "WHERE rowid > ? AND deleted = 0 ORDER BY rowid LIMIT ?",
            [last, page],
        ).fetchall()
        if not rows:
            return count
        count += len(rows)
        last = rows[-1][0]


def sample_person_ids(db: Database, count: int, seed: int) -> list[str]:
    """``count`` live person ids spread over the register, the same for the same seed."""
    return _spread(db, "persons", "rowid", "id", count, seed, where="deleted = 0")
