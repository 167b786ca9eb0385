"""Full-text search over cases (FTS5): names, aliases, numbers, places and notes.

``case_search`` is contentless and keyed by ``cases.rid``; :func:`refresh` rebuilds the
entries of the given cases from their current rows, so every write path that touches a
case, its person or its notes calls it in the same transaction.

Its column ``spellings`` holds the spelling keys (``domain.spelling``) of the name words
whose key differs from the word: "lidia" for "Lidya". A search is exact
(:func:`match_expression`: the words typed, in every column but ``spellings``) or
forgiving (:func:`fuzzy_expression`: each word as typed, or its key among the names and
their keys); the list shows the exact hits first.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from tipdesk.domain import records as r
from tipdesk.domain.regions import wilayah_name
from tipdesk.domain.spelling import fold_word, folded_words
from tipdesk.storage.connection import immediate
from tipdesk.storage.rows import read_value

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CHUNK = 500

_SOURCE = """
SELECT c.rid, c.deleted, c.case_number, c.recruitment_place, c.transit_place,
       c.exploitation_place, c.recruitment_region, c.summary,
       p.full_name, p.alias, p.register_number, p.nik, p.address, p.region_code,
       (SELECT group_concat(n.text, ' ') FROM case_notes n
         WHERE n.case_id = c.id AND n.deleted = 0) AS notes
FROM cases c JOIN persons p ON p.id = c.person_id
WHERE c.rid IN ({marks})
"""


# Room for every region a register's people come from: 100,000 demo cases name over 11,000
# villages and districts, and a cache smaller than that keeps dropping names it needs.
@functools.lru_cache(maxsize=65_536)
def region_words(code: str) -> str:
    """Names of a Kemendagri region and its parents: ``Oebobo Kota Kupang Nusa ...``."""
    if not code:
        return ""
    parts = code.split(".")
    names = [wilayah_name(".".join(parts[:i])) for i in range(len(parts), 0, -1)]
    return " ".join(n for n in names if n)


# The columns of :data:`_SOURCE` after rid and deleted, in order: what an entry is made of.
_PARTS = (
    "case_number",
    "recruitment_place",
    "transit_place",
    "exploitation_place",
    "recruitment_region",
    "summary",
    "full_name",
    "alias",
    "register_number",
    "nik",
    "address",
    "region_code",
    "notes",
)
_parts_of = operator.itemgetter(*_PARTS)


def entry(row: dict) -> tuple[str, str, str, str, str]:
    """The five indexed columns of one case, from a row with the columns of _PARTS."""
    return _entry(_parts_of(row))


def _entry(parts: Sequence) -> tuple[str, str, str, str, str]:
    (
        case_number,
        recruitment_place,
        transit_place,
        exploitation_place,
        recruitment_region,
        summary,
        full_name,
        alias,
        register_number,
        nik,
        address,
        region_code,
        notes,
    ) = parts
    names = " ".join(x for x in (full_name, alias) if x)
    numbers = " ".join(x for x in (case_number, register_number, nik) if x)
    places = " ".join(
        x
        for x in (
            address,
            region_words(region_code),
            region_words(recruitment_region),
            recruitment_place,
            transit_place,
            exploitation_place,
        )
        if x
    )
    notes = " ".join(x for x in (summary, notes) if x)
    return names, numbers, places, notes, " ".join(folded_words(names))


# Every column of an entry, in order (the table's and :func:`entry`'s).
_INSERT = (
    "INSERT INTO case_search (rowid, names, numbers, places, notes, spellings) VALUES (?,?,?,?,?,?)"
)


def _entries(cursor) -> list[tuple]:
    """``(rid, names, numbers, places, notes, spellings)`` of each live case of a _SOURCE query,
    read as plain tuples (no dict per row: a bulk import indexes 100,000 cases)."""
    return [(row[0], *_entry(row[2:])) for row in cursor if not row[1]]


def refresh(db: Database, case_rids: Iterable[int | None]) -> None:
    """Re-index the given cases (a deleted case leaves the index; None, the rid of no
    case from :func:`rid_for_case`, matches nothing)."""
    rids = list(dict.fromkeys(case_rids))
    for start in range(0, len(rids), _CHUNK):
        chunk = rids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM case_search WHERE rowid IN ({marks})", chunk)
        values = _entries(db.conn.execute(_SOURCE.format(marks=marks), chunk))
        db.conn.executemany(_INSERT, values)


def index_new(db: Database, after_rid: int) -> None:
    """Index the cases added after ``after_rid`` (none of them is in the index yet)."""
    source = _SOURCE.replace("WHERE c.rid IN ({marks})", "WHERE c.rid > ? ORDER BY c.rid LIMIT ?")
    while True:
        rows = db.conn.execute(source, [after_rid, 2000]).fetchall()
        if not rows:
            return
        db.conn.executemany(_INSERT, _entries(rows))
        after_rid = rows[-1][0]


EMPTIED = "search_emptied"  # a setting: a migration emptied the index (m009, m013)


def index_if_emptied(db: Database) -> bool:
    """Index every case if a migration left the index empty to be filled (its setting
    says so), in one transaction with the setting's removal; a process killed half-way
    leaves the setting, and the next open starts again."""
    if not db.execute("SELECT 1 FROM settings WHERE key = ?", [EMPTIED]).fetchone():
        return False
    with immediate(db):
        index_new(db, 0)
        db.execute("DELETE FROM settings WHERE key = ?", [EMPTIED])
    return True


def rids_for_person(db: Database, person_id: str) -> list[int]:
    return [
        row["rid"] for row in db.query("SELECT rid FROM cases WHERE person_id = ?", [person_id])
    ]


def rid_for_case(db: Database, case_id: str) -> int | None:
    rows = list(db.query("SELECT rid FROM cases WHERE id = ?", [case_id]))
    return rows[0]["rid"] if rows else None


_WRITTEN = "{names numbers places notes}"  # the columns of words as written
_NAMES = "{names spellings}"  # the names, and the spelling keys of their words


def _phrase(word: str) -> str:
    return '"' + word.replace('"', "") + '"*'


def match_expression(text: str) -> str | None:
    """A safe FTS5 query from what a person typed: every word, as a prefix, must match
    as written."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return f"{_WRITTEN} : (" + " ".join(_phrase(token) for token in tokens) + ")"


def fuzzy_expression(text: str) -> str | None:
    """The query that forgives spelling: every word typed matches as written, or its
    spelling key (``domain.spelling.fold_word``) matches a name's. None when no word has
    a letter (numbers are never spelled otherwise)."""
    tokens = _TOKEN.findall(text)
    if not any(ch.isalpha() for token in tokens for ch in token):
        return None
    either = []
    for token in tokens:
        key = fold_word(token)
        if any(ch.isdigit() for ch in token) or not key:
            either.append(f"{_WRITTEN} : {_phrase(token)}")
        else:
            either.append(f"({_WRITTEN} : {_phrase(token)} OR {_NAMES} : {_phrase(key)})")
    return " AND ".join(either)


def fuzzy_only(text: str) -> str | None:
    """The cases a forgiving search finds that the exact one does not: those to list
    after the exact hits."""
    exact, fuzzy = match_expression(text), fuzzy_expression(text)
    if exact is None or fuzzy is None:
        return None
    return f"({fuzzy}) NOT ({exact})"


LIST_COLUMNS = """
    c.id, c.rid, c.person_id, c.case_number, c.status, c.opened_on, c.assigned_to,
    c.exploitation_types, c.follow_up_on, c.updated_at, p.register_number, p.full_name, p.sex,
    p.birth_date, p.estimated_age
"""
# The field each list column holds, to read its stored value as the record would.
_LIST_FIELDS: dict[str, dataclasses.Field] = {
    **{
        name: r.fields_of(r.Case)[name]
        for name in (
            "case_number",
            "status",
            "opened_on",
            "assigned_to",
            "exploitation_types",
            "follow_up_on",
        )
    },
    **{
        name: r.fields_of(r.Person)[name]
        for name in ("register_number", "full_name", "sex", "birth_date", "estimated_age")
    },
}


def read_list_row(row: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The values of a list row (``LIST_COLUMNS``) as the records hold them (dates as
    dates, lists as lists), and the names of those that cannot be read or are out of
    bounds (``rows.read_value``); an unreadable one holds its field's default."""
    values: dict[str, Any] = {}
    bad: list[str] = []
    for name, f in _LIST_FIELDS.items():
        if name in row:
            values[name], unreadable = read_value(f, row[name])
            if unreadable:
                bad.append(name)
    return values, tuple(bad)


def search(
    db: Database, text: str, *, limit: int = 50, owner: tuple[str, str] = ("", "")
) -> list[dict]:
    """Cases matching ``text``: the exact hits best first, then those whose names are
    spelled otherwise (Lidya for Lidia), best first, as list rows; with ``owner``
    (username, office id), only that office's cases assigned to or created by that user."""
    rows: list[dict] = []
    for expression in (match_expression(text), fuzzy_only(text)):
        if expression is not None and len(rows) < limit:
            rows += _hits(db, expression, limit - len(rows), owner)
    return _readable(rows)


def _readable(rows: list[dict]) -> list[dict]:
    for row in rows:
        # Dates stay ISO text; a value that cannot be read holds its field's default and
        # is named in "unreadable", so one damaged case does not hide the others.
        values, unreadable = read_list_row(row)
        row["exploitation_types"] = values["exploitation_types"]
        for name in unreadable:
            row[name] = values[name]
        row["unreadable"] = list(unreadable)
    return rows


def _mine(owner: tuple[str, str]) -> str:
    return (
        (
            "AND rowid IN (SELECT rid FROM cases WHERE assigned_to = :owner AND origin = :office"
            " UNION SELECT rid FROM cases WHERE created_by = :owner AND origin = :office)"
        )
        if owner[0]
        else ""
    )


def incident_cases(
    db: Database, incident_id: str, *, limit: int = 50, owner: tuple[str, str] = ("", "")
) -> list[dict]:
    """The live cases that name an incident, oldest first, as :func:`search` lists them."""
    sql = f"""
        SELECT {LIST_COLUMNS}
        FROM cases c JOIN persons p ON p.id = c.person_id
        WHERE c.incident_id = :incident AND c.deleted = 0
          {_mine(owner).replace("rowid", "c.rid")}
        ORDER BY c.rid LIMIT :limit
    """
    params = {"incident": incident_id, "limit": limit, "owner": owner[0], "office": owner[1]}
    return _readable(list(db.query(sql, params)))


def _hits(db: Database, expression: str, limit: int, owner: tuple[str, str]) -> list[dict]:
    mine = _mine(owner)
    sql = f"""
        SELECT {LIST_COLUMNS}
        FROM (SELECT rowid, rank FROM case_search WHERE case_search MATCH :match {mine}
              ORDER BY rank LIMIT :limit) AS hits
        JOIN cases c ON c.rid = hits.rowid
        JOIN persons p ON p.id = c.person_id
        WHERE c.deleted = 0
        ORDER BY hits.rank
    """
    params = {"match": expression, "limit": limit, "owner": owner[0], "office": owner[1]}
    return list(db.query(sql, params))


def bare_match(db: Database, text: str, *, limit: int = 50) -> list[int]:
    """The raw FTS5 query alone (the baseline ``tipdesk bench`` compares search with)."""
    expression = match_expression(text)
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rank LIMIT ?",
            [expression, limit],
        )
    ]
