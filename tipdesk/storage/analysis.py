"""The analysis copy in SQL: a de-identified copy of the register for analysts, kept in
``analysis.db`` under a key of its own (DESIGN.md section 4; issue 19).

It holds the tables statistics and de-identified lists read, with the same names and
columns as the register, so the same SQL runs on both and an analyst's report is an
admin's, figure for figure. What it does not hold:

- every field the domain marks personal, every column no domain field describes, and
  the free text of ``BLANKED`` (kept at its column's default: '' or NULL);
- notes, letters, the search index, sync keys, the change log and settings;
- the person: each case has a person of its own (id = the case's id) with sex,
  nationality, region and the codes of the real one, and instead of the birth date the
  age on the day the case was opened, as ``reports.AGE`` computes it. With a real opening
  date the age is written as a birth date on 1 January (``reports.AGE`` gives the same
  age back; a list shows about the age today); otherwise as the estimated age.

The register keeps it current through ``_analysis_dirty``: triggers note every record
written (imports included, which mute the change log). A connection of the copy, with
the register attached as ``reg``, copies the noted records (``seq`` up to the newest) in
one transaction of the copy, and only after that commit drops the notes from the
register: a crash between the two leaves notes that are copied again, which changes
nothing.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypedDict

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import reports
from tipdesk.storage.connection import OperationalError

ANALYSIS_FILE = "analysis.db"
REGISTER = "reg"  # the register, attached to a connection of the copy
# 2: the case journey's tables (issue 22); a copy of an older format is made anew.
FORMAT = 2
GENERATION_SETTING = "analysis_generation"
KEY_SETTING = "analysis_key"
DIRTY = "_analysis_dirty"

# The tables the copy holds, in the order rows go in (a row's parent first).
# Of a case's records, every kind but its notes (all free text), its documents and its
# SIMFONI-PPA entries (references in another system) goes in.
TABLES: tuple[str, ...] = (
    "offices",
    "providers",
    "incidents",
    "persons",
    "cases",
    *(
        child.table
        for child in r.CASE_CHILDREN
        if child.table not in ("case_notes", "documents", "simfoni_entries")
    ),
    "users",
)
RECORDS: dict[str, type] = {
    **{table: r.SYNCED_RECORDS[table] for table in TABLES if table != "users"},
    "users": r.User,
}
_META = ("rid", "id", "origin", "updated_at", "deleted")
# Of those, what no analyst's query reads outside the cases (kept at their default: the
# copy is a quarter smaller, and as much quicker to write).
_META_CASES_ONLY = ("origin", "updated_at")
# Text that is not a victim's but is free text or a contact all the same.
BLANKED: dict[str, tuple[str, ...]] = {
    "offices": ("head_name", "head_title", "head_nip", "letterhead"),
    "providers": ("address", "phone", "email", "contact_person", "contact_title"),
    "users": ("phone",),
    # who assessed and who asked (people's names), which court and unit, which record
    "assessments": ("assessed_by",),
    "legal_steps": ("authority",),
    "restitution": ("requested_by",),
    "returns": ("handover_number",),
}
# The register's indexes no analyst's query walks (a case's person is its own, in the
# copy; analysts list no referrals and search no names): not kept in the copy, where each
# would only slow the refresh.
UNUSED_INDEXES = frozenset(
    {
        "cases_person",
        "cases_created_by",
        "persons_nik",
        "persons_name",
        "referrals_status",
        "referrals_follow_up",
        "referrals_provider",
        "providers_name",
    }
)
# Settings an analyst's session reads from the copy.
SETTINGS = ("office_id",)
_KEY_COLUMN = {"users": "username"}


def key_column(table: str) -> str:
    return _KEY_COLUMN.get(table, "id")


def kept(table: str) -> set[str]:
    """Columns of ``table`` the copy holds as stored (the rest at their default)."""
    record = RECORDS[table]
    fields = r.fields_of(record)
    personal = set(r.personal_fields(record)) | set(BLANKED.get(table, ()))
    meta = set(_META) - (set() if table in ("cases", "offices") else set(_META_CASES_ONLY))
    ordinary = {
        name
        for name in fields
        if name not in personal and name not in ("rev", "updated_by", *_META_CASES_ONLY)
    }
    return ordinary | meta | {key_column(table)}


def trigger_name(table: str, op: str) -> str:
    return f"{table}_analysis_{op}"


def install_triggers(db: Database) -> None:
    """(Re)create the triggers that note every written record in ``_analysis_dirty``."""
    present = {
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    # A migration installs the triggers of the tables it has made so far (m012 before
    # the case journey's tables exist; m015 again with them).
    for table in [t for t in TABLES if t in present]:
        key = key_column(table)
        for op, row, gone in (("insert", "NEW", 0), ("update", "NEW", 0), ("delete", "OLD", 1)):
            db.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, op)}")
            db.execute(f"""
                CREATE TRIGGER {trigger_name(table, op)} AFTER {op.upper()} ON {table}
                BEGIN
                    INSERT INTO {DIRTY} (entity, id, gone) VALUES ('{table}', {row}.{key},
                                                                   {gone});
                END""")


def newest_rowids(db: Database, tables: Sequence[str]) -> dict[str, int]:
    """The highest rowid of each table (before a bulk load that lifts the triggers)."""
    return {
        t: db.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0]
        for t in tables
        if t in TABLES
    }


def note_new_rows(db: Database, before: dict[str, int]) -> None:
    """Note the rows a bulk load added after ``before`` (``newest_rowids``)."""
    for table, rowid in before.items():
        db.execute(
            f"INSERT INTO {DIRTY} (entity, id) SELECT '{table}', "
            f"{key_column(table)} FROM {table} WHERE rowid > ?",
            [rowid],
        )


def new_key() -> bytes:
    return secrets.token_bytes(32)


# --- building and refreshing: a connection of the copy, the register attached as ``reg`` --


def attach_register(copy: Database, path: Path, key: bytes, *, busy_ms: int) -> None:
    """Attach the register at ``path`` (with its key) to a connection of the copy, which
    waits at most ``busy_ms`` for a lock (an analyst writing to the copy)."""
    copy.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    # Nothing personal is ever deleted through this connection (the copy holds none; in
    # the register it only drops notes of record ids): freed pages need no overwriting.
    copy.execute("PRAGMA main.secure_delete = OFF")
    copy.execute(f"ATTACH DATABASE ? AS {REGISTER} KEY \"x'{key.hex()}'\"", [str(path)])
    copy.execute(f"SELECT count(*) FROM {REGISTER}.sqlite_master").fetchone()
    copy.execute(f"PRAGMA {REGISTER}.secure_delete = OFF")


@contextlib.contextmanager
def transaction(copy: Database) -> Iterator[None]:
    """One transaction of a connection of the copy (the attached register in it too)."""
    copy.execute("BEGIN")
    try:
        yield
        copy.execute("COMMIT")
    except BaseException:
        if copy.conn.in_transaction:
            copy.execute("ROLLBACK")
        raise


def state(copy: Database) -> dict[str, str]:
    """The copy's own notes (format, generation, applied), {} if it has none."""
    if not has_meta(copy):
        return {}
    return {k: v for k, v in copy.execute("SELECT key, value FROM main.analysis_meta")}


def has_meta(db: Database) -> bool:
    """Whether the copy has been built (a crash while it was first made leaves it
    empty)."""
    return (
        db.execute(
            "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'analysis_meta'"
        ).fetchone()
        is not None
    )


def is_current(copy: Database, generation: str) -> bool:
    """Whether the copy was built from the attached register (and not from a later state
    of it: a register put back from a backup has fewer notes than the copy saw)."""
    meta = state(copy)
    if meta.get("format") != str(FORMAT) or meta.get("generation") != generation:
        return False
    issued = copy.execute(
        f"SELECT seq FROM {REGISTER}.sqlite_sequence WHERE name = ?", [DIRTY]
    ).fetchone()
    return int(meta.get("applied", "0")) <= (issued[0] if issued else 0)


def _columns(copy: Database, table: str) -> list[tuple[str, str, bool, str | None, int]]:
    """(name, type, not null, default, pk) of the register's ``table``."""
    return [
        (row[1], row[2], bool(row[3]), row[4], row[5])
        for row in copy.execute(f"PRAGMA {REGISTER}.table_info({table})")
    ]


def clear(copy: Database) -> None:
    """Drop every table of the copy (inside the transaction that makes it again)."""
    for (name,) in copy.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        copy.execute(f'DROP TABLE main."{name}"')


def create_schema(copy: Database) -> None:
    """The copy's tables (same columns as the register's, without the references that
    would order deletes and the NOT NULL of columns it blanks), the audit trail and the
    copy's notes; indexes come after the rows (``create_indexes``: one sorted build
    each, not a million inserts)."""
    for table in TABLES:
        parts = []
        for name, kind, _not_null, default, pk in _columns(copy, table):
            part = f'"{name}" {kind}'
            if pk:
                part += " PRIMARY KEY"
            if default is not None:
                part += f" DEFAULT {default}"
            parts.append(part)
        copy.execute(f"CREATE TABLE main.{table} ({', '.join(parts)})")
    audit = copy.execute(
        f"SELECT sql FROM {REGISTER}.sqlite_master WHERE name = 'audit_log'"
    ).fetchone()
    copy.execute(audit[0].replace("CREATE TABLE audit_log", "CREATE TABLE main.audit_log", 1))
    copy.execute("CREATE TABLE main.settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    copy.execute("CREATE TABLE main.analysis_meta (key TEXT PRIMARY KEY, value TEXT)")


def create_indexes(copy: Database) -> None:
    """Each table's key, the register's indexes that analysts' queries walk, and one on
    the case number (the register's is its UNIQUE constraint)."""
    for table in TABLES:
        primary = [name for name, _kind, _nn, _default, pk in _columns(copy, table) if pk]
        if primary != [key_column(table)]:
            copy.execute(f"CREATE UNIQUE INDEX main.{table}_key ON {table} ({key_column(table)})")
    for name, sql in copy.execute(
        f"SELECT name, sql FROM {REGISTER}.sqlite_master WHERE type = 'index' AND sql IS "
        f"NOT NULL AND tbl_name IN ({', '.join('?' * len(TABLES))})",
        TABLES,
    ).fetchall():
        if " UNIQUE " not in sql.upper() and name not in UNUSED_INDEXES:
            copy.execute(sql.replace(f"INDEX {name}", f"INDEX main.{name}", 1))
    copy.execute("CREATE INDEX main.cases_number ON cases (case_number)")


def _select(copy: Database, table: str) -> tuple[list[str], list[str]]:
    """The columns of ``table`` and the expressions that read them de-identified from
    the register (``src`` is the table; for persons, ``c`` the case and ``p`` its person)."""
    keep = kept(table)
    names, exprs = [], []
    age = f"({reports.AGE})"
    for name, _kind, _not_null, default, _pk in _columns(copy, table):
        names.append(name)
        if table == "persons":
            if name in ("rid", "id"):
                exprs.append("c.rid" if name == "rid" else "c.id")
            elif name == "birth_date":
                exprs.append(
                    f"CASE WHEN {age} IS NOT NULL AND {reports.real_date('c.opened_on')}"
                    f" THEN printf('%04d-01-01', CAST(substr(c.opened_on, 1, 4) AS "
                    f"INTEGER) - {age}) END"
                )
            elif name == "estimated_age":
                exprs.append(
                    f"CASE WHEN {age} IS NOT NULL AND NOT "
                    f"{reports.real_date('c.opened_on')} THEN {age} END"
                )
            elif name in keep:
                exprs.append(f'p."{name}"')
            else:
                exprs.append("NULL" if default is None else default)
            continue
        if table == "cases" and name == "person_id":
            exprs.append("src.id")
        elif name in keep:
            exprs.append(f'src."{name}"')
        else:
            exprs.append("NULL" if default is None else default)
    return names, exprs


def _noted(copy: Database, after: int, upto: int) -> tuple[dict[str, set[str]], set[str]]:
    """The ids noted after ``after``, up to ``upto``, by table of the copy (a person's
    change notes each of its cases: their persons carry its age), and the tables where
    one of them went (a purge)."""
    ids: dict[str, set[str]] = {}
    gone: set[str] = set()
    for entity, record_id, went in copy.execute(
        f"SELECT entity, id, gone FROM {REGISTER}.{DIRTY} WHERE seq > ? AND seq <= ?", [after, upto]
    ):
        ids.setdefault(entity, set()).add(record_id)
        if went:
            gone.add(entity)
    persons = ids.pop("persons", set())
    if persons:
        cases = ids.setdefault("cases", set())
        for chunk in _chunks(sorted(persons)):
            cases.update(
                row[0]
                for row in copy.execute(
                    f"SELECT id FROM {REGISTER}.cases WHERE person_id IN "
                    f"({', '.join('?' * len(chunk))})",
                    chunk,
                )
            )
    if "cases" in ids:
        ids["persons"] = ids["cases"]  # (the copy's persons are its cases')
        if gone & {"cases", "persons"}:
            gone |= {"cases", "persons"}
    return ids, gone


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _indexed(copy: Database, table: str) -> set[str]:
    """Columns of the copy's ``table`` that one of its indexes holds or filters on."""
    words: set[str] = set()
    for (sql,) in copy.execute(
        "SELECT sql FROM main.sqlite_master WHERE type = 'index' "
        "AND tbl_name = ? AND sql IS NOT NULL",
        [table],
    ):
        words |= set(re.findall(r"\w+", sql.split(" ON ", 1)[1]))
    return words


class CopyStatements(TypedDict):
    """The SQL that copies one table (see :func:`_statements`)."""

    columns: str
    select: str
    source: str
    id: str
    key: str
    upsert: str
    moved: list[str]
    moved_select: str


def _statements(copy: Database, table: str) -> CopyStatements:
    """The SQL that copies ``table``: the columns, the SELECT list from the register, the
    source, and the upsert that rewrites only columns no index holds (an index entry is
    rewritten only by the second statement, for rows where an indexed column changed)."""
    names, exprs = _select(copy, table)
    key = key_column(table)
    if table == "persons":
        source = f"{REGISTER}.cases c JOIN {REGISTER}.persons p ON p.id = c.person_id"
        id_expr = "c.id"
    else:
        source, id_expr = f"{REGISTER}.{table} src", f"src.{key}"
    indexed = _indexed(copy, table) - {key, "rid"}
    plain = [f'"{n}" = excluded."{n}"' for n in names if n not in indexed and n not in (key, "rid")]
    moved = [i for i, n in enumerate(names) if n in indexed]
    return {
        "columns": ", ".join(f'"{n}"' for n in names),
        "select": ", ".join(exprs),
        "source": source,
        "id": id_expr,
        "key": key,
        "upsert": f"DO UPDATE SET {', '.join(plain)}" if plain else "DO NOTHING",
        "moved": [f'"{names[i]}"' for i in moved],
        "moved_select": ", ".join(exprs[i] for i in moved),
    }


def copy_rows(
    copy: Database,
    upto: int | None,
    *,
    after: int = 0,
    selects: dict[str, CopyStatements] | None = None,
) -> None:
    """Copy the records noted after ``after``, up to ``upto`` (None: every record of the
    register, into empty tables) from the attached register into the copy,
    de-identified; remove those the register no longer has. Call inside a transaction of
    the copy. ``selects`` keeps each table's statements between calls on one
    connection."""
    selects = {} if selects is None else selects
    if upto is None:
        for table in TABLES:
            q = _statements_of(copy, table, selects)
            copy.execute(
                f"INSERT INTO main.{table} ({q['columns']}) "
                f"SELECT {q['select']} FROM {q['source']} WHERE 1"
            )
        return
    noted, gone = _noted(copy, after, upto)
    for table in [t for t in TABLES if t in noted]:
        q = _statements_of(copy, table, selects)
        for chunk in _chunks(sorted(noted[table])):
            _copy_some(copy, table, q, chunk, table in gone)


def _statements_of(
    copy: Database, table: str, selects: dict[str, CopyStatements]
) -> CopyStatements:
    if table not in selects:
        selects[table] = _statements(copy, table)
    return selects[table]


def _copy_some(copy: Database, table: str, q: CopyStatements, ids: list[str], gone: bool) -> None:
    """Copy the records ``ids`` of ``table``: the columns no index holds by an upsert;
    each indexed column only where its value changed (so an index entry is rewritten
    only when it moves)."""
    key, marks = q["key"], ", ".join("?" * len(ids))
    if gone:  # (a record purged from the register, or a case whose person is gone)
        copy.execute(
            f"""DELETE FROM main.{table} WHERE {key} IN ({marks})
                         AND NOT EXISTS (SELECT 1 FROM {q["source"]}
                                         WHERE {q["id"]} = main.{table}.{key})""",
            ids,
        )
    copy.execute(
        f"INSERT INTO main.{table} ({q['columns']}) SELECT {q['select']} "
        f"FROM {q['source']} WHERE {q['id']} IN ({marks}) "
        f"ON CONFLICT ({key}) {q['upsert']}",
        ids,
    )
    if not q["moved"]:
        return
    names = q["moved"]
    new = {
        row[0]: row[1:]
        for row in copy.execute(
            f"SELECT {q['id']}, {q['moved_select']} FROM {q['source']} "
            f"WHERE {q['id']} IN ({marks})",
            ids,
        )
    }
    for row in copy.execute(
        f"SELECT {key}, {', '.join(names)} FROM main.{table} WHERE {key} IN ({marks})", ids
    ).fetchall():
        wanted = new.get(row[0])
        if wanted is None:
            continue
        changed = [
            (name, value)
            for name, old, value in zip(names, row[1:], wanted, strict=True)
            if old != value or type(old) is not type(value)
        ]
        if changed:
            copy.execute(
                f"UPDATE main.{table} SET "
                f"{', '.join(f'{name} = ?' for name, _ in changed)} "
                f"WHERE {key} = ?",
                [v for _, v in changed] + [row[0]],
            )


def set_meta(copy: Database, **values: object) -> None:
    for key, value in values.items():
        copy.execute(
            "INSERT OR REPLACE INTO main.analysis_meta (key, value) VALUES (?, ?)",
            [key, str(value)],
        )


def copy_settings(copy: Database) -> None:
    marks = ", ".join("?" * len(SETTINGS))
    copy.execute(
        f"INSERT OR REPLACE INTO main.settings (key, value) "
        f"SELECT key, value FROM {REGISTER}.settings WHERE key IN ({marks})",
        SETTINGS,
    )


def live_cases(copy: Database) -> int:
    return copy.execute("SELECT count(*) FROM main.cases").fetchone()[0]


@contextlib.contextmanager
def bulk_cache(copy: Database, kib: int = 32 * 1024) -> Iterator[None]:
    """A larger page cache on the copy while many rows go in (the register is only read
    through, in order: its own cache stays as it is)."""
    before = copy.execute("PRAGMA main.cache_size").fetchone()[0]
    copy.execute(f"PRAGMA main.cache_size = -{int(kib)}")
    try:
        yield
    finally:
        copy.execute(f"PRAGMA main.cache_size = {int(before)}")


@contextlib.contextmanager
def rollback_journal(copy: Database) -> Iterator[None]:
    """The copy out of WAL mode while it is made anew, if no analyst has it open: its new
    pages go once into the file instead of into the log and then the file (as
    ``connection.bulk_journal`` does for the register)."""
    timeout = copy.execute("PRAGMA busy_timeout").fetchone()[0]
    copy.execute("PRAGMA busy_timeout = 0")
    try:
        switched = copy.execute("PRAGMA main.journal_mode = DELETE").fetchone()[0] == "delete"
    except OperationalError:  # an analyst has it open
        switched = False
    finally:
        copy.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    try:
        yield
    finally:
        if switched and not copy.conn.in_transaction:
            with contextlib.suppress(OperationalError):
                copy.execute("PRAGMA main.journal_mode = WAL").fetchone()


def newest_note(copy: Database) -> int:
    return copy.execute(f"SELECT coalesce(max(seq), 0) FROM {REGISTER}.{DIRTY}").fetchone()[0]


def applied(copy: Database) -> int:
    return int(state(copy).get("applied", "0"))


def drop_applied(copy: Database, upto: int) -> None:
    """Drop from the register the notes the copy holds (a write of the register)."""
    copy.execute(f"DELETE FROM {REGISTER}.{DIRTY} WHERE seq <= ?", [upto])


# --- the analysts' audit rows, moved into the register's trail -------------------------------


def pending_audit(copy: Database) -> list[dict]:
    """Rows analysts wrote into the copy's trail, oldest first."""
    cursor = copy.execute("SELECT * FROM main.audit_log ORDER BY seq")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def drop_audit(copy: Database, upto: int) -> None:
    copy.execute("DELETE FROM main.audit_log WHERE seq <= ?", [upto])


# --- reading the copy (an analyst's session) ---------------------------------------------


def holds_personal_columns(db: Database) -> list[str]:
    """``table.column`` of the copy (opened on its own) that holds anything but its
    default in a column the copy blanks: empty when the copy is as it should be."""
    found = []
    for table in TABLES:
        keep = kept(table) | (
            {"rid", "id", "birth_date", "estimated_age"} if table == "persons" else set()
        )
        for row in db.execute(f"PRAGMA table_info({table})").fetchall():
            name, default = row[1], row[4]
            if name in keep:
                continue
            blank = "NULL" if default is None else default
            if db.execute(
                f'SELECT 1 FROM {table} WHERE "{name}" IS NOT {blank} LIMIT 1'
            ).fetchone():
                found.append(f"{table}.{name}")
    return found
