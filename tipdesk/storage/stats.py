"""The anonymised statistical export in SQL: one row per case in a temporary table,
generalised and suppressed until every combination of quasi-identifiers that remains
is shared by at least k rows.

The table holds no name, number, date finer than the year, free text or id: only the
year, codes and flags. Groups are compared by a key column (the quasi-identifiers joined
with '|'), recomputed after each generalisation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlite_utils import Database

from tipdesk.storage import reports

# CTDC's published age bands (DOMAIN.md), from the age on the day the case was opened.
_BAND = """CASE WHEN age IS NULL OR age < 0 THEN NULL WHEN age <= 8 THEN '0-8'
    WHEN age <= 17 THEN '9-17' WHEN age <= 20 THEN '18-20' WHEN age <= 23 THEN '21-23'
    WHEN age <= 26 THEN '24-26' WHEN age <= 29 THEN '27-29' WHEN age <= 38 THEN '30-38'
    WHEN age <= 47 THEN '39-47' ELSE '48+' END"""
# A value the app cannot read (a date that does not exist, a code outside its vocabulary,
# an age outside 0-120: storage/reports.py) is exported blank, never as it is stored: a
# damaged code may hold any text.
_AGE = reports.AGE
# The two coarse fields of the case journey (issue 22) are quasi-identifiers too: a case
# known to have reached a verdict with restitution is rarer than one without.
QUASI_IDENTIFIERS = (
    "year",
    "sex",
    "age_band",
    "citizenship",
    "province",
    "country",
    "legal_stage",
    "restitution",
)
_KEY = " || '|' || ".join(f"coalesce({c}, '')" for c in QUASI_IDENTIFIERS)

# Generalisation steps, tried in order on the rows of groups still under k: the age band
# to child/adult, restitution and the legal stage to unknown, then the country of
# exploitation, the province of origin and the citizenship to unknown (blank).
STEPS: tuple[tuple[str, str], ...] = (
    (
        "age_band",
        "CASE WHEN age_band IN ('0-8', '9-17', '0-17') THEN '0-17' "
        "WHEN age_band IS NULL THEN NULL ELSE '18+' END",
    ),
    ("restitution", "NULL"),
    ("legal_stage", "NULL"),
    ("country", "NULL"),
    ("province", "NULL"),
    ("citizenship", "NULL"),
    ("age_band", "NULL"),
)


# The furthest stage of the criminal case a case's live legal steps reached (whatever
# their dates: the export has no period), and whether it has a restitution claim.
STAGES = ("none", "police", "prosecution", "verdict")
_STAGE = (
    f"CASE WHEN kind IN {reports._codes(reports.VERDICT_STEPS)} THEN 3 "
    f"WHEN kind IN {reports._codes(reports.PROSECUTION_STEPS)} THEN 2 "
    f"WHEN kind IN {reports._codes(reports.POLICE_STEPS)} THEN 1 ELSE 0 END"
)


def _journey(db: Database) -> None:
    """``temp.stats_journey``: the stage reached (0-3) and a restitution flag of every case
    with a live legal step or restitution claim, one row each (the journey tables are
    read once in case order, not probed per case)."""
    db.execute("DROP TABLE IF EXISTS temp.stats_journey")
    db.execute(
        "CREATE TEMP TABLE stats_journey (id TEXT PRIMARY KEY, stage INTEGER NOT NULL, "
        "restitution INTEGER NOT NULL) WITHOUT ROWID"
    )
    db.execute(f"""
        INSERT INTO temp.stats_journey
        SELECT case_id, max(stage), max(restitution) FROM (
            SELECT case_id, {_STAGE} AS stage, 0 AS restitution
            FROM legal_steps WHERE deleted = 0
            UNION ALL
            SELECT case_id, 0, 1 FROM restitution WHERE deleted = 0)
        GROUP BY case_id""")


def fill(db: Database) -> tuple[int, int]:
    """Make ``temp.stats_rows`` from the live cases whose person consented to anonymous
    statistics; return (rows, cases left out for want of that consent). The lists of
    exploitation types and means of control stay as they are stored; ``csv_lines`` turns
    them into flags, so the rows the anonymisation rewrites stay narrow."""
    db.execute("DROP TABLE IF EXISTS temp.stats_rows")
    _journey(db)
    stage = " ".join(f"WHEN {n} THEN '{name}'" for n, name in enumerate(STAGES))
    db.execute(f"""
        CREATE TEMP TABLE stats_rows AS
        SELECT *, {_KEY} AS qk, 0 AS changed FROM (
            SELECT year, sex, {_BAND} AS age_band, citizenship, province, country,
                   legal_stage, restitution,
                   labour_sector, recruiter_relationship, exploitation_types,
                   means_of_control
            FROM (SELECT CASE WHEN {reports.real_date("c.opened_on")}
                              THEN CAST(substr(c.opened_on, 1, 4) AS INTEGER) END AS year,
                         {reports.known_or_null("p.sex", "sex")} AS sex,
                         {_AGE} AS age,
                         {reports.known_or_null("p.nationality", "nationality")}
                             AS citizenship,
                         CASE WHEN p.region_code GLOB '[0-9][0-9]*'
                              THEN substr(p.region_code, 1, 2) END AS province,
                         {reports.known_or_null("c.exploitation_country", "country")}
                             AS country,
                         {reports.known_or_null("c.labour_sector", "labour_sector")}
                             AS labour_sector,
                         {
        reports.known_or_null("c.recruiter_relationship", "recruiter_relationship")
    }
                             AS recruiter_relationship,
                         c.exploitation_types, c.means_of_control,
                         CASE coalesce(j.stage, 0) {stage} END AS legal_stage,
                         CASE WHEN j.restitution IS 1 THEN 'yes' ELSE 'no' END
                             AS restitution
                  FROM cases c JOIN persons p ON p.id = c.person_id
                  LEFT JOIN temp.stats_journey j ON j.id = c.id
                  WHERE c.deleted = 0 AND c.consent_statistics = 1))""")
    db.execute("DROP TABLE temp.stats_journey")
    # Groups are counted by walking this index, and the rows of small groups found by it.
    db.execute("CREATE INDEX temp.stats_rows_qk ON stats_rows (qk)")
    rows = db.execute("SELECT count(*) FROM temp.stats_rows").fetchone()[0]
    # A consent flag holding anything but 1 (a damaged value) is no consent.
    left_out = db.execute(
        "SELECT count(*) FROM cases WHERE deleted = 0 AND consent_statistics <> 1"
    ).fetchone()[0]
    return rows, left_out


def _small_groups(db: Database, k: int) -> int:
    """``temp.small_groups``: the keys of the combinations rarer than k; their number."""
    db.execute("DROP TABLE IF EXISTS temp.small_groups")
    db.execute(
        "CREATE TEMP TABLE small_groups AS SELECT qk FROM temp.stats_rows "
        "GROUP BY qk HAVING count(*) < :k",
        {"k": k},
    )
    return db.execute("SELECT count(*) FROM temp.small_groups").fetchone()[0]


def anonymise(db: Database, k: int) -> tuple[int, int]:
    """Generalise the rows of groups under k, step by step, then drop the rows still in
    such groups. Returns (values generalised, rows suppressed)."""
    generalised = 0
    try:
        for column, value in STEPS:
            if _small_groups(db, k) == 0:
                break
            generalised += db.execute(
                f"UPDATE temp.stats_rows SET {column} = {value}, changed = 1 "
                f"WHERE qk IN (SELECT qk FROM temp.small_groups) "
                f"AND {column} IS NOT NULL AND {column} IS NOT ({value})"
            ).rowcount
            db.execute(
                f"UPDATE temp.stats_rows SET qk = {_KEY}, changed = 0 "
                "WHERE qk IN (SELECT qk FROM temp.small_groups) AND changed = 1"
            )
        suppressed = 0
        if _small_groups(db, k):
            suppressed = db.execute(
                "DELETE FROM temp.stats_rows WHERE qk IN (SELECT qk FROM temp.small_groups)"
            ).rowcount
    finally:
        db.execute("DROP TABLE IF EXISTS temp.small_groups")
    return generalised, suppressed


def csv_lines(
    db: Database, columns: Sequence[str], flags: dict[str, tuple[str, str]], *, batch: int = 20_000
) -> Iterator[str]:
    """The rows as CSV lines built by SQLite, ordered by the quasi-identifiers (an index
    on the group key, so only the keys are sorted). ``columns`` are stats_rows columns or
    names in ``flags``: name -> (list column, code), a 0/1 flag for that code. A run of
    flags from one list is worked out once per distinct list (a few hundred), not once per
    row. Values are numbers, codes, age bands or blank; one holding a comma, quote or line
    break (a code from a damaged record) is quoted as CSV quotes it."""
    parts: list[str] = []
    joins: list[str] = []
    i = 0
    while i < len(columns):
        column = columns[i]
        if column not in flags:
            parts.append("coalesce(year, '')" if column == "year" else _csv_value(column))
            i += 1
            continue
        source = flags[column][0]
        run = []
        while i < len(columns) and columns[i] in flags and flags[columns[i]][0] == source:
            run.append(flags[columns[i]][1])
            i += 1
        alias = f"f{len(joins)}"
        table = f"stats_flags_{alias}"
        bits = " || ',' || ".join(f"(instr(v, '\"{code}\"') > 0)" for code in run)
        db.execute(f"DROP TABLE IF EXISTS temp.{table}")
        db.execute(f"CREATE TEMP TABLE {table} (v TEXT PRIMARY KEY, bits TEXT)")
        db.execute(
            f"INSERT INTO temp.{table} SELECT v, {bits} FROM "
            f"(SELECT DISTINCT {source} AS v FROM temp.stats_rows WHERE v IS NOT NULL)"
        )
        joins.append(f"LEFT JOIN temp.{table} {alias} ON {alias}.v = s.{source}")
        empty = ",".join("0" * len(run))
        parts.append(f"coalesce({alias}.bits, '{empty}')")
    line = " || ',' || ".join(parts)
    cursor = db.execute(
        f"SELECT {line} FROM temp.stats_rows s INDEXED BY stats_rows_qk "
        f"{' '.join(joins)} ORDER BY s.qk"
    )
    try:
        while True:
            chunk = cursor.fetchmany(batch)
            if not chunk:
                return
            yield "".join(row[0] + "\n" for row in chunk)
    finally:
        cursor.close()
        for n in range(len(joins)):
            db.execute(f"DROP TABLE IF EXISTS temp.stats_flags_f{n}")


def _csv_value(column: str) -> str:
    return (
        f"CASE WHEN {column} IS NULL THEN '' WHEN typeof({column}) <> 'text' "
        f"OR ({column} NOT GLOB '*[,\"' || char(10) || char(13) || ']*') THEN {column} "
        f"ELSE '\"' || replace({column}, '\"', '\"\"') || '\"' END"
    )


def drop(db: Database) -> None:
    db.execute("DROP INDEX IF EXISTS temp.stats_rows_qk")
    db.execute("DROP TABLE IF EXISTS temp.stats_rows")
    db.execute("DROP TABLE IF EXISTS temp.stats_journey")
