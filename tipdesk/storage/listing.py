"""Lists for the desktop app: cases and referrals a page at a time, a case's history, and the
persons a duplicate check compares.

A list page is two reads: the row ids of the page, then those rows. The ids come from
walking an index in the sort order and testing each id against the filters, which are
sets of ids answered from narrow indexes (``status``, ``assigned_to``, the full-text
index...). Case rows are wide (summaries, places), so a page never reads one it does
not show. Deleted cases are the few ids of the partial index ``cases_deleted``.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.storage import rows
from tipdesk.storage.search import LIST_COLUMNS

_NOT_DELETED = "{rid} NOT IN (SELECT rid FROM cases WHERE deleted = 1)"
_MATCHING = "SELECT rowid FROM case_search WHERE case_search MATCH ?"

# Where a page's ids are read from. Sorting by a person's name or register number walks
# the persons index in that order and reaches each person's cases through cases_person.
_CASES = "cases c"
_PERSONS_FIRST = "persons p CROSS JOIN cases c ON c.person_id = p.id"
_WITH_PERSON = "cases c JOIN persons p ON p.id = c.person_id"

# Age today in whole years, from the ISO text of the birth date; the parameters are
# today's year and "MM-DD".
_AGE = (
    "CASE WHEN p.birth_date IS NULL THEN p.estimated_age"
    " ELSE ? - CAST(substr(p.birth_date, 1, 4) AS INTEGER) - (substr(p.birth_date, 6) > ?)"
    " END"
)


@dataclass(frozen=True)
class Sort:
    key: str  # SQL expression to order by
    source: str  # FROM clause
    indexed: bool  # an index yields rows in this order
    column: str = ""  # the cases column sorted on, if it is one
    needs_today: bool = False


CASE_SORTS: dict[str, Sort] = {
    "case_number": Sort("c.case_number", _CASES, True, "case_number"),
    "register_number": Sort("p.register_number", _PERSONS_FIRST, True),
    "name": Sort("p.full_name COLLATE NOCASE", _PERSONS_FIRST, True),
    # Ties of the person's columns: by person (persons_sex holds the rowid), then rid.
    "sex": Sort("p.sex {dir}, p.rowid {dir}", _PERSONS_FIRST, True),
    # Walked in two parts merged (_age_page): ties by birth date, then person, then rid.
    "age": Sort(
        _AGE + " {dir}, p.birth_date IS NULL, p.birth_date {born}, p.rowid {dir}",
        _WITH_PERSON,
        False,
        needs_today=True,
    ),
    "exploitation": Sort("c.exploitation_types", _CASES, True, "exploitation_types"),
    "status": Sort("c.status", _CASES, True, "status"),
    "worker": Sort("c.assigned_to", _CASES, True, "assigned_to"),
    "updated_at": Sort("c.updated_at", _CASES, True, "updated_at"),
    "follow_up_on": Sort("c.follow_up_on", _CASES, True, "follow_up_on"),
    "opened_on": Sort("c.opened_on", _CASES, True, "opened_on"),
    # A person's cases together, the first opened first (the list's "group by person"):
    # persons in name order, each one's few cases sorted on the way.
    "person": Sort(
        "p.full_name COLLATE NOCASE {dir}, p.id {dir}, c.opened_on", _PERSONS_FIRST, True
    ),
    # A province's register: the code of the office the case came from.
    "office": Sort("(SELECT o.code FROM offices o WHERE o.id = c.origin)", _CASES, False),
}


@dataclass(frozen=True)
class CaseQuery:
    """Which live cases a list shows; every condition given must hold."""

    match: str | None = None  # FTS5 expression (search.match_expression)
    statuses: tuple[str, ...] = ()
    worker: str = ""
    exploitation_type: str = ""
    opened_from: dt.date | None = None
    opened_to: dt.date | None = None
    follow_up_from: dt.date | None = None
    follow_up_to: dt.date | None = None
    office: str = ""  # origin office id (a province's register)
    incident: str = ""  # id of the incident the cases name (a search on its number)
    # only cases of this office (id) assigned to or created by this user: (username, id)
    owner: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class _Condition:
    """A test of one cases column, which an index of that column answers alone."""

    column: str
    sql: str  # "{c}" stands for the table's alias and a dot, or nothing
    params: tuple[Any, ...]

    def on(self, alias: str = "") -> str:
        return self.sql.format(c=f"{alias}." if alias else "")

    def as_set(self, rid: str, probe: str = "") -> str:
        return f"{probe}{rid} IN (SELECT rid FROM cases WHERE {self.on()})"

    def from_index(self, alias: str = "") -> str:
        """The test on the entries of an index that holds this column too (as
        cases_follow_up_status holds status): "+" keeps the planner on that index."""
        return self.sql.format(c=f"+{alias}." if alias else "+")


# Conditions the index of a follow-up date also answers (cases_follow_up_status holds the
# status): tested on its entries as they are walked, never made into a set of ids first
# (the open cases of a province are hundreds of thousands).
_WITH_FOLLOW_UP = ("status",)


def _conditions(q: CaseQuery) -> list[_Condition]:
    found = []
    marks = ", ".join("?" * len(q.statuses))
    if q.worker and q.statuses:
        # One index (cases_worker) answers both: a worker's open cases are one small set.
        found.append(
            _Condition(
                "assigned_to",
                f"{{c}}assigned_to = ? AND {{c}}status IN ({marks})",
                (q.worker, *q.statuses),
            )
        )
    elif q.statuses:
        found.append(_Condition("status", f"{{c}}status IN ({marks})", tuple(q.statuses)))
    elif q.worker:
        found.append(_Condition("assigned_to", "{c}assigned_to = ?", (q.worker,)))
    if q.exploitation_type:
        # Codes are stored as a JSON array of quoted codes: '"forced_labour"' is exact.
        found.append(
            _Condition(
                "exploitation_types",
                "instr({c}exploitation_types, ?) > 0",
                (json.dumps(q.exploitation_type),),
            )
        )
    if q.office:
        found.append(_Condition("origin", "{c}origin = ?", (q.office,)))
    if q.incident:
        found.append(_Condition("incident_id", "{c}incident_id = ?", (q.incident,)))
    if q.owner[0]:
        # Either index (cases_worker, cases_created_by) answers its half.
        found.append(
            _Condition(
                "owner",
                "({c}assigned_to = ? OR {c}created_by = ?) AND {c}origin = ?",
                (q.owner[0], q.owner[0], q.owner[1]),
            )
        )
    for column, low, high in (
        ("opened_on", q.opened_from, q.opened_to),
        ("follow_up_on", q.follow_up_from, q.follow_up_to),
    ):
        if low and high:
            found.append(
                _Condition(
                    column, f"{{c}}{column} BETWEEN ? AND ?", (low.isoformat(), high.isoformat())
                )
            )
        elif bound := low or high:
            found.append(
                _Condition(column, f"{{c}}{column} {'>=' if low else '<='} ?", (bound.isoformat(),))
            )
    return found


# A search that finds at most this many cases is listed from its hits (each hit's row read,
# then sorted); one that finds more walks the index of the sort order and probes each case
# against the hits, as a list without search does.
FEW_HITS = 5_000


def count_cases(db: Database, q: CaseQuery, *, at_most: int | None = None) -> int:
    """How many live cases ``q`` lists; with ``at_most``, counting stops after that many
    (a count of ``at_most`` means "at least that many")."""
    params: list[Any] = []
    if q.match and not _conditions(q):
        # The index holds live cases only (a deleted case leaves it).
        inner = _MATCHING
        params.append(q.match)
    elif q.match:
        # From the hits, each probed in its case row: no condition reads every case.
        where = ["case_search MATCH ?", "c.deleted = 0"]
        params.append(q.match)
        for condition in _conditions(q):
            where.append(condition.on("c"))
            params += condition.params
        inner = (
            "SELECT 1 FROM case_search CROSS JOIN cases c ON c.rid = case_search.rowid "
            f"WHERE {' AND '.join(where)}"
        )
    else:
        # One condition through its index, the others as sets of ids from theirs: no
        # condition has to read a case row.
        where = [_NOT_DELETED.format(rid="rid")]
        conditions = _conditions(q)
        dated = any(c.column == "follow_up_on" for c in conditions)
        if dated:  # the follow-up dates first: their index holds the status too
            conditions.sort(key=lambda c: c.column != "follow_up_on")
        for i, condition in enumerate(conditions):
            if i == 0:
                where.append(condition.on())
            elif dated and condition.column in _WITH_FOLLOW_UP:
                where.append(condition.from_index())
            else:
                where.append(condition.as_set("rid", "+"))
            params += condition.params
        inner = f"SELECT 1 FROM cases WHERE {' AND '.join(where)}"
    if at_most is None:
        sql = f"SELECT count(*) FROM ({inner})"
    else:
        sql = f"SELECT count(*) FROM ({inner} LIMIT ?)"
        params.append(at_most)
    return db.execute(sql, params).fetchone()[0]


def _few_hits(db: Database, match: str) -> bool:
    found = db.execute(
        f"SELECT count(*) FROM ({_MATCHING} LIMIT ?)", [match, FEW_HITS + 1]
    ).fetchone()[0]
    return found <= FEW_HITS


def case_page(
    db: Database,
    q: CaseQuery,
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
    today: dt.date,
) -> list[int]:
    """Row ids (``cases.rid``) of one page, ties broken by rid in the same direction
    (for the person's sex and age, by person first; see CASE_SORTS)."""
    order = CASE_SORTS[sort]
    direction = "DESC" if descending else "ASC"
    born = "ASC" if descending else "DESC"  # the younger, the later the birth date
    key = (
        order.key.format(dir=direction, born=born)
        if "{dir}" in order.key
        else f"{order.key} {direction}"
    )
    today_params = [today.year, f"{today:%m-%d}"] if order.needs_today else []
    if q.match and _few_hits(db, q.match):
        # A search's few hits: read each hit's case (and person) and sort them.
        where = ["case_search MATCH ?", "c.deleted = 0"]
        params: list[Any] = [q.match]
        for condition in _conditions(q):
            where.append(condition.on("c"))
            params += condition.params
        sql = (
            "SELECT c.rid FROM case_search CROSS JOIN cases c ON c.rid = case_search.rowid "
            "JOIN persons p ON p.id = c.person_id "
            f"WHERE {' AND '.join(where)} "
            f"ORDER BY {key}, c.rid {direction} LIMIT ? OFFSET ?"
        )
        return [row[0] for row in db.execute(sql, [*params, *today_params, limit, offset])]
    # Walk the index in sort order (or, for an order no index has, the narrow
    # cases_person) and probe each id; "+" keeps the planner from starting at a filter
    # instead, which would read a case row per match. A condition on the sorted column
    # narrows the walk itself.
    where = [_NOT_DELETED.format(rid="c.rid")]
    params = []
    for condition in _conditions(q):
        on_sorted = order.indexed and condition.column == order.column
        if on_sorted:
            where.append(condition.on("c"))
        elif order.column == "follow_up_on" and condition.column in _WITH_FOLLOW_UP:
            where.append(condition.from_index("c"))
        else:
            where.append(condition.as_set("c.rid", "+"))
        params += condition.params
    if q.match:
        where.append(f"+c.rid IN ({_MATCHING})")
        params.append(q.match)
    if sort == "age":
        return _age_page(db, where, params, descending, offset + limit, today)[offset:]
    params += today_params
    sql = (
        f"SELECT c.rid FROM {order.source} WHERE {' AND '.join(where)} "
        f"ORDER BY {key}, c.rid {direction} LIMIT ? OFFSET ?"
    )
    return [row[0] for row in db.execute(sql, [*params, limit, offset])]


def _age_page(
    db: Database,
    where: list[str],
    params: list[Any],
    descending: bool,
    count: int,
    today: dt.date,
) -> list[int]:
    """The first ``count`` rids by age: persons with a birth date walked by it (the
    youngest, born last, first), merged with those with an estimated age walked by it;
    the age of either is what the list shows. Blank ages first, ascending."""
    direction = "DESC" if descending else "ASC"
    born = "ASC" if descending else "DESC"
    conditions = " AND ".join(where)
    dated = db.execute(
        f"SELECT c.rid, {_AGE} FROM persons p INDEXED BY persons_birth "
        f"CROSS JOIN cases c ON c.person_id = p.id "
        f"WHERE p.birth_date IS NOT NULL AND {conditions} "
        f"ORDER BY p.birth_date {born}, p.rowid {direction}, c.rid {direction} LIMIT ?",
        [today.year, f"{today:%m-%d}", *params, count],
    ).fetchall()
    estimated = db.execute(
        f"SELECT c.rid, p.estimated_age FROM persons p INDEXED BY persons_estimated_age "
        f"CROSS JOIN cases c ON c.person_id = p.id "
        f"WHERE p.birth_date IS NULL AND {conditions} "
        f"ORDER BY p.estimated_age {direction}, p.rowid {direction}, c.rid {direction} LIMIT ?",
        [*params, count],
    ).fetchall()

    def key(row: tuple) -> tuple[bool, int]:
        return (row[1] is not None, row[1] or 0)

    merged = heapq.merge(dated, estimated, key=key, reverse=descending)
    return [row[0] for row in itertools.islice(merged, count)]


def case_rows(db: Database, rids: Sequence[int]) -> list[dict]:
    """List rows (``search.LIST_COLUMNS`` and ``office_code``, the code of the office the
    case came from) of the given cases, in the order given."""
    if not rids:
        return []
    marks = ", ".join("?" * len(rids))
    found = {
        row["rid"]: row
        for row in db.query(
            f"SELECT {LIST_COLUMNS}, coalesce(o.code, '') AS office_code "
            "FROM cases c JOIN persons p ON p.id = c.person_id "
            "LEFT JOIN offices o ON o.id = c.origin "
            f"WHERE c.rid IN ({marks})",
            list(rids),
        )
    }
    return [found[rid] for rid in rids if rid in found]


def offices_with_cases(db: Database) -> list[dict]:
    """Offices (id, code, name, level) that live cases of this register came from, by
    code. One probe of ``cases`` per office, of which a register holds a few dozen."""
    return list(
        db.query(
            """SELECT o.id, o.code, o.name, o.level FROM offices o
           WHERE EXISTS (SELECT 1 FROM cases c WHERE c.origin = o.id AND c.deleted = 0)
           ORDER BY o.code"""
        )
    )


# --- Referrals -----------------------------------------------------------------------------

# Referral rows are wide too: the same two reads, with the deleted ones (a case's are
# deleted with it) left out through the partial index referrals_deleted.
_LIVE_REFERRAL = "f.rowid NOT IN (SELECT rowid FROM referrals WHERE deleted = 1)"
# A case worker's referrals: those of the cases assigned to or created by them.
_OWNED_REFERRAL = (
    "+f.case_id IN (SELECT id FROM cases WHERE assigned_to = ? AND origin = ? "
    "UNION SELECT id FROM cases WHERE created_by = ? AND origin = ?)"
)


def _owned(owner: tuple[str, str]) -> tuple[str, list[Any]]:
    name, office = owner
    return (f" AND {_OWNED_REFERRAL}", [name, office, name, office]) if name else ("", [])


def like_pattern(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere, its wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _referral_conditions(
    statuses: Sequence[str],
    match: str | None,
    provider_like: str | None,
    owner: tuple[str, str] = ("", ""),
) -> tuple[list[str], list[Any]]:
    where = [_LIVE_REFERRAL]
    params: list[Any] = []
    if owner[0]:
        where.append(_OWNED_REFERRAL)
        params += [owner[0], owner[1], owner[0], owner[1]]
    if statuses:
        where.append(f"f.status IN ({', '.join('?' * len(statuses))})")
        params += statuses
    either = []
    if match:
        either.append(
            "SELECT rowid FROM referrals WHERE case_id IN "
            f"(SELECT id FROM cases WHERE rid IN ({_MATCHING}))"
        )
        params.append(match)
    if provider_like:
        either.append(
            "SELECT rowid FROM referrals WHERE provider_id IN "
            "(SELECT id FROM providers WHERE name LIKE ? ESCAPE '\\')"
        )
        params.append(provider_like)
    if either:
        where.append(f"+f.rowid IN ({' UNION '.join(either)})")
    return where, params


def count_referrals(
    db: Database,
    *,
    statuses: Sequence[str] = (),
    match: str | None = None,
    provider_like: str | None = None,
    owner: tuple[str, str] = ("", ""),
    at_most: int | None = None,
) -> int:
    """How many live referrals match; with ``at_most``, counting stops there."""
    where, params = _referral_conditions(statuses, match, provider_like, owner)
    if at_most is None:
        sql = f"SELECT count(*) FROM referrals f WHERE {' AND '.join(where)}"
        return db.execute(sql, params).fetchone()[0]
    sql = f"SELECT count(*) FROM (SELECT 1 FROM referrals f WHERE {' AND '.join(where)} LIMIT ?)"
    return db.execute(sql, [*params, at_most]).fetchone()[0]


def referral_page(
    db: Database,
    *,
    statuses: Sequence[str] = (),
    match: str | None = None,
    provider_like: str | None = None,
    offset: int = 0,
    limit: int = 200,
    owner: tuple[str, str] = ("", ""),
) -> list[dict]:
    """One page of live referrals, newest first (rowid follows insertion)."""
    where, params = _referral_conditions(statuses, match, provider_like, owner)
    sql = (
        f"SELECT f.rowid FROM referrals f WHERE {' AND '.join(where)} "
        "ORDER BY f.rowid DESC LIMIT ? OFFSET ?"
    )
    return referral_rows(db, [row[0] for row in db.execute(sql, [*params, limit, offset])])


def awaiting_reply(db: Database, *, limit: int, owner: tuple[str, str] = ("", "")) -> list[dict]:
    """Sent referrals, the soonest follow-up date first, then those without one."""
    mine, mine_params = _owned(owner)
    dated = [
        row[0]
        for row in db.execute(
            f"""SELECT f.rowid FROM referrals f
            WHERE f.follow_up_on IS NOT NULL AND {_LIVE_REFERRAL}
              AND +f.status = 'sent'{mine}
            ORDER BY f.follow_up_on, f.rowid LIMIT ?""",
            [*mine_params, limit],
        )
    ]
    undated: list[int] = []
    if len(dated) < limit:
        undated = [
            row[0]
            for row in db.execute(
                f"""SELECT f.rowid FROM referrals f
                WHERE f.status = 'sent' AND f.follow_up_on IS NULL AND {_LIVE_REFERRAL}{mine}
                ORDER BY f.rowid LIMIT ?""",
                [*mine_params, limit - len(dated)],
            )
        ]
    return referral_rows(db, dated + undated)


def referral_follow_ups(
    db: Database, *, until: str, limit: int, owner: tuple[str, str] = ("", "")
) -> list[dict]:
    """Referrals sent or accepted whose follow-up date is on or before ``until``
    (ISO date), the earliest first."""
    mine, mine_params = _owned(owner)
    rowids = [
        row[0]
        for row in db.execute(
            f"""SELECT f.rowid FROM referrals f
            WHERE f.follow_up_on IS NOT NULL AND f.follow_up_on <= ? AND {_LIVE_REFERRAL}
              AND +f.status IN ('sent', 'accepted'){mine}
            ORDER BY f.follow_up_on, f.rowid LIMIT ?""",
            [until, *mine_params, limit],
        )
    ]
    return referral_rows(db, rowids)


def referral_rows(db: Database, rowids: Sequence[int]) -> list[dict]:
    """List rows of the given referrals, in the order given."""
    if not rowids:
        return []
    marks = ", ".join("?" * len(rowids))
    found = {
        row["rowid"]: row
        for row in db.query(
            f"""SELECT f.rowid AS rowid, f.id, coalesce(c.case_number, '') AS case_number,
                   coalesce(p.full_name, '') AS full_name,
                   coalesce(v.name, '') AS provider_name, f.status, f.urgency,
                   f.letter_number, f.letter_date, f.follow_up_on
            FROM referrals f
            LEFT JOIN cases c ON c.id = f.case_id
            LEFT JOIN persons p ON p.id = c.person_id
            LEFT JOIN providers v ON v.id = f.provider_id
            WHERE f.rowid IN ({marks})""",
            list(rowids),
        )
    }
    return [found[rowid] for rowid in rowids if rowid in found]


# --- History -------------------------------------------------------------------------------


def case_changes(db: Database, case_id: str, person_id: str, *, limit: int) -> list[dict]:
    """Captured changes of a case, its person and its records (``CASE_CHILDREN``),
    newest first.

    Saving a case file rewrites its person too; a save that changed none of a record's
    fields is left out.
    """
    children = "".join(
        f"\n               OR (entity = '{table}'"
        f"\n                   AND id IN (SELECT id FROM {table} WHERE case_id = :case))"
        for table in r.CHILD_TABLES
    )
    sql = f"""
        SELECT seq, entity, id, op, rev, before_json, after_json, author FROM _changes
        WHERE ((entity = 'cases' AND id = :case)
               OR (entity = 'persons' AND id = :person)
               {children})
          AND NOT (op = 'update' AND after_json = '{{}}')
        ORDER BY seq DESC
        LIMIT :limit
    """
    return list(db.query(sql, {"case": case_id, "person": person_id, "limit": limit}))


# --- Duplicates ----------------------------------------------------------------------------


def persons_matching(
    db: Database, match: str, *, exclude_id: str = "", limit: int = 500
) -> list[r.Person]:
    """Live persons with a live case whose search entry matches ``match`` (FTS5), the best
    ``limit`` hits (bm25: a name that is mostly the words searched for comes first)."""
    sql = f"""
        SELECT DISTINCT p.* FROM ({_MATCHING} ORDER BY rank LIMIT ?) AS hits
        JOIN cases c ON c.rid = hits.rowid
        JOIN persons p ON p.id = c.person_id
        WHERE c.deleted = 0 AND p.deleted = 0 AND p.id <> ?
    """
    return [rows.from_row(r.Person, row) for row in db.query(sql, [match, limit, exclude_id])]


def case_numbers_of(db: Database, person_ids: Sequence[str]) -> dict[str, list[str]]:
    """Numbers of each person's live cases, oldest first."""
    found: dict[str, list[str]] = {}
    if not person_ids:
        return found
    marks = ", ".join("?" * len(person_ids))
    for row in db.query(
        f"SELECT person_id, case_number FROM cases WHERE deleted = 0 "
        f"AND person_id IN ({marks}) ORDER BY rid",
        list(person_ids),
    ):
        found.setdefault(row["person_id"], []).append(row["case_number"])
    return found


def count_referral_follow_ups(
    db: Database, *, until: str, owner: tuple[str, str] = ("", ""), at_most: int | None = None
) -> int:
    """How many referrals ``referral_follow_ups`` would list without a limit; with
    ``at_most``, counting stops there (a badge showing "99+" needs no more)."""
    mine, mine_params = _owned(owner)
    limit, limit_params = ("LIMIT ?", [at_most]) if at_most is not None else ("", [])
    return db.execute(
        f"""SELECT count(*) FROM (SELECT 1 FROM referrals f
        WHERE f.follow_up_on IS NOT NULL AND f.follow_up_on <= ? AND {_LIVE_REFERRAL}
          AND +f.status IN ('sent', 'accepted'){mine} {limit})""",
        [until, *mine_params, *limit_params],
    ).fetchone()[0]
