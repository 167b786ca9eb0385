"""Is a row, as stored or as it arrives in a batch, a record the app could have saved?

A row holds text: dates as ISO strings, lists as JSON arrays, flags as 0/1. The forms
never let a bad value in, but a row can also come from another office (DESIGN.md section
5b) or from a register that took one in before these checks existed. :func:`decode` reads
each value strictly and names the field of each one it cannot read;
:func:`row_problems` then runs the app's own validation (``validation.validate``) on the
record, so an incoming row passes exactly what a save from a form would.

Two allowances, both for rows that lost fields on purpose: a tombstone (``deleted``) and
a de-identified row (``partial``) keep no personal fields, so those may be blank even
where the form requires them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import operator
import re
from collections.abc import Mapping, Sequence
from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain import validation
from tipdesk.domain.errors import Problem
from tipdesk.domain.vocab import VOCABULARIES

# Integers are stored by SQLite in 64 bits.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
# A system field (ids, numbers, names of users) or a list item has no limit of its own.
SYSTEM_TEXT_MAX = 200
LIST_ITEMS_MAX = 200
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A field left out of the app's checks (system fields) still has a bound.
_SYNCED_SYSTEM = {"id": 64, "origin": 64, "rev": 128, "updated_at": 64, "updated_by": 64}


def _text_bound(f: dataclasses.Field) -> int:
    return f.metadata.get("max_len") or _SYNCED_SYSTEM.get(f.name, SYSTEM_TEXT_MAX)


def _bad_text(value: str, bound: int) -> str | None:
    if len(value) > bound:
        return "too_long"
    return "control_character" if validation.control_characters(value, bound) else None


def decode_value(f: dataclasses.Field, value: Any) -> tuple[Any, str | None]:
    """``(the value as the record holds it, None)``, or ``(its default, problem code)``
    for a value that cannot be read as its field's kind. A text that is too long or holds
    a control character is still a text: it is kept as it is, with its problem, so that
    showing it and saving the record never loses it."""
    kind = f.metadata.get("kind")
    default = f.default if f.default is not dataclasses.MISSING else []
    if value is None:
        return (
            []
            if kind in ("codes", "lines")
            else ""
            if kind in ("text", "ref")
            else False
            if kind == "flag"
            else None
        ), None
    if kind in ("text", "ref"):
        if not isinstance(value, str):
            return default, "unreadable_value"
        return value, _bad_text(value, _text_bound(f))
    if kind == "code":
        return (
            (value, None)
            if isinstance(value, str) and len(value) <= 64
            else (default, "unreadable_value")
        )
    if kind in ("codes", "lines"):
        if not isinstance(value, str):
            return [], "unreadable_value"
        if not value:
            return [], None
        try:
            items = json.loads(value)
        except (ValueError, RecursionError):
            return [], "unreadable_value"
        if (
            not isinstance(items, list)
            or len(items) > LIST_ITEMS_MAX
            or not all(isinstance(item, str) for item in items)
        ):
            return [], "unreadable_value"
        bound = 64 if kind == "codes" else SYSTEM_TEXT_MAX
        if any(_bad_text(item, bound) for item in items):
            return [], "unreadable_value"
        return items, None
    if kind == "date":
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            return None, "unreadable_date"
        try:
            return dt.date.fromisoformat(value), None
        except ValueError:
            return None, "unreadable_date"
    if kind == "flag":
        return (
            (bool(value), None)
            if type(value) is int and value in (0, 1)
            else (False, "unreadable_flag")
        )
    if kind == "int":
        if type(value) is not int or not INT_MIN <= value <= INT_MAX:
            return None, "unreadable_number"
        return value, None
    return value, None


def decode(record_type: type, row: dict[str, Any]) -> tuple[Any, list[Problem]]:
    """The record a row holds, with a problem for each value that cannot be read (that
    field then holds its default, so the rest of the record can still be shown)."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for f in dataclasses.fields(record_type):
        if f.name not in row:
            continue
        value, problem = decode_value(f, row[f.name])
        if problem:
            problems.append(Problem(f.name, problem))
        values[f.name] = value
    return record_type(**values), problems


def row_problems(
    record_type: type, row: dict[str, Any], *, today: dt.date | None = None, partial: bool = False
) -> list[Problem]:
    """The errors of a row: values that cannot be read, then what the app's validation
    refuses. Warnings are left out (a save keeps them too). ``partial``: a de-identified
    row, whose personal fields may be blank."""
    record, problems = decode(record_type, row)
    if problems:
        return problems
    lenient = partial or bool(row.get("deleted"))
    personal = set(r.personal_fields(record_type)) if lenient else set()
    found = []
    for problem in validation.validate(record, today=today):
        if not problem.is_error:
            continue
        if problem.code == "required" and problem.field in personal:
            continue
        found.append(problem)
    return found


__all__ = ["decode", "decode_value", "row_problems"]


# --- many rows at once -----------------------------------------------------------------
#
# An import checks every row it takes in (100,000 cases bring some 600,000 rows), and
# :func:`row_problems` costs 20-150 microseconds a row. :func:`rows_pass` looks at a run
# of rows column by column instead (distinct values once, set operations and regular
# expressions over whole columns in C) and can only say "every row passes"; where it
# cannot say so, each row is checked by :func:`row_problems`, which names the problem.
# It is stricter than row_problems, never looser: a property test holds it to that.

_NONE = type(None)
_NIK = re.compile(r"\d{16}")


@functools.cache
def _plan(record_type: type) -> tuple[tuple[str, str, Any, bool, bool, bool], ...]:
    """Per field: name, kind, argument (bound or vocabulary codes), required, personal,
    and whether the app's validation looks at it (editable or required)."""
    plan = []
    for f in dataclasses.fields(record_type):
        meta = f.metadata
        kind = meta["kind"]
        checked = bool(meta.get("editable") or meta.get("required"))
        if kind in ("code", "codes"):
            arg: Any = frozenset(VOCABULARIES[meta["vocab"]].codes())
        elif kind in ("text", "ref"):
            arg = _text_bound(f)
        else:
            arg = None
        plan.append(
            (
                f.name,
                kind,
                arg,
                bool(meta.get("required")) and checked,
                bool(meta.get("personal")),
                checked,
            )
        )
    return tuple(plan)


def _nik_surely_fine(nik: str) -> bool:
    """A NIK that lokal-id surely finds no fatal problem in (16 digits, regency and
    district not 00, serial not 0000, a day and month every year has)."""
    if not _NIK.fullmatch(nik) or nik[2:4] == "00" or nik[4:6] == "00" or nik[12:] == "0000":
        return False
    day, month = int(nik[6:8]), int(nik[8:10])
    day = day - 40 if day > 40 else day
    return 1 <= month <= 12 and 1 <= day <= (
        28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    )


def _list_fine(text: str, kind: str, codes: frozenset[str] | None) -> bool:
    try:
        items = json.loads(text)
    except (ValueError, RecursionError):
        return False
    if not isinstance(items, list) or len(items) > LIST_ITEMS_MAX:
        return False
    if kind == "codes":
        return (
            codes is not None
            and len(set(items)) == len(items)
            and all(isinstance(item, str) and item in codes for item in items)
        )
    return all(isinstance(item, str) and not _bad_text(item, SYSTEM_TEXT_MAX) for item in items)


def _column_fine(
    name: str, kind: str, arg: Any, column: Sequence[Any], checked: bool, today_text: str
) -> bool:
    types = set(map(type, column))
    values = set(column)
    values.discard(None)
    if kind in ("text", "ref"):
        if not types <= {str, _NONE}:
            return False
        values.discard("")
        if not values:
            return True
        if max(map(len, values)) > arg:
            return False
        return not validation.control_characters("".join(values), arg)
    if kind == "code":
        return types <= {str, _NONE} and values <= arg
    if kind in ("codes", "lines"):
        if not types <= {str, _NONE}:
            return False
        values.discard("")
        return all(_list_fine(value, kind, arg) for value in values)
    if kind == "date":
        if not types <= {str, _NONE}:
            return False
        for value in values:
            if not _DATE.fullmatch(value):
                return False
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                return False
            if checked and (
                day.year < 1900 or (value > today_text and name not in validation.FUTURE_ALLOWED)
            ):
                return False
        return True
    if kind == "flag":
        return types <= {int, _NONE} and values <= {0, 1}
    if kind == "int":
        return types <= {int, _NONE} and (
            not values or (min(values) >= INT_MIN and max(values) <= INT_MAX)
        )
    return False


def _required_fine(
    column: Sequence[Any], deleted: Sequence[Any], lenient_all: bool, personal: bool
) -> bool:
    if personal and lenient_all:
        return True
    if personal and any(deleted):  # a tombstone keeps no personal fields
        column = [value for value, gone in zip(column, deleted, strict=True) if not gone]
    values = set(column)
    if None in values or "" in values or "[]" in values:
        return False
    return not any(value.isspace() for value in values if isinstance(value, str))


def _regions_fine(*columns: Sequence[Any]) -> bool:
    # Only the shape is an error; a code not in today's list is a warning.
    return all(
        validation.REGION.match(value) for column in columns for value in set(column) if value
    )


def _persons_fine(col: Mapping[str, Sequence[Any]], today: dt.date) -> bool:
    ages = set(col["estimated_age"])
    ages.discard(None)
    if ages and (min(ages) < 0 or max(ages) > validation.MAX_AGE):
        return False
    for value in set(col["birth_date"]):
        if value:
            born = dt.date.fromisoformat(value)
            if born <= today and r.age_on(born, today) > validation.MAX_AGE:
                return False
    if any(
        problem.is_error
        for nik in col["nik"]
        if nik and not _nik_surely_fine(nik)
        for problem in validation.check_nik(nik, today=today)
    ):
        return False
    return all(
        not validation.check_phone("phone", value)
        for name in ("phone", "guardian_phone")
        for value in set(col[name])
        if value
    ) and _regions_fine(col["region_code"])


def _cases_fine(col: Mapping[str, Sequence[Any]], today: dt.date) -> bool:
    closed_statuses = validation.CLOSED_STATUSES
    for status, closed_on, reason in zip(
        col["status"], col["closed_on"], col["closure_reason"], strict=True
    ):
        if (status in closed_statuses) != (closed_on is not None) or (
            status in closed_statuses and not reason
        ):
            return False
    for name in ("closed_on", "follow_up_on"):
        for opened, value in zip(col["opened_on"], col[name], strict=True):
            if value is not None and opened and value < opened:
                return False
    return _regions_fine(col["recruitment_region"])


def _ordered(earlier: Sequence[Any], later: Sequence[Any]) -> bool:
    return all(b is None or a is None or b >= a for a, b in zip(earlier, later, strict=True))


_EXTRA = {
    r.Person: _persons_fine,
    r.Case: _cases_fine,
    r.Service: lambda col, today: _ordered(col["started_on"], col["completed_on"]),
    r.Referral: lambda col, today: (
        _ordered(col["letter_date"], col["responded_on"])
        and _required_fine(col["services_requested"], [], False, False)
    ),
    r.Provider: lambda col, today: (
        all(validation.EMAIL.match(value) for value in set(col["email"]) if value)
        and _regions_fine(col["region_code"])
    ),
    r.CaseNote: lambda col, today: True,
    r.Office: lambda col, today: (
        not any(validation.check_office(value) for value in set(col["code"]) if value)
        and all(value.isprintable() for value in set(col["name"]) if value)
        and _regions_fine(col["region_code"])
    ),
}


def _each_record(record_type: type) -> Any:
    """The record's own rules (``validation``'s per-record checks), row by row: the case
    journey's tables are small beside cases, and their rules many."""

    def fine(col: Mapping[str, Sequence[Any]], today: dt.date) -> bool:
        names = list(col)
        for values in zip(*col.values(), strict=True):
            record, _ = decode(record_type, dict(zip(names, values, strict=True)))
            if any(p.is_error for p in validation.record_rules(record, today)):
                return False
        return True

    return fine


_EXTRA.update(
    {
        record_type: _each_record(record_type)
        for record_type in (*r.CHILD_TABLES.values(), r.Incident, r.Transfer, r.PersonLink)
        if record_type not in _EXTRA
    }
)


def rows_pass(
    record_type: type, rows: list[dict], *, today: dt.date, partial: bool = False
) -> bool:
    """True only if :func:`row_problems` finds nothing in any of ``rows`` (every row
    holding every field). False says nothing: check the rows one by one."""
    plan = _plan(record_type)
    names = [name for name, *_ in plan]
    try:
        columns = list(zip(*map(operator.itemgetter(*names), rows), strict=True))
    except (KeyError, TypeError):
        return False
    if not columns:
        return not rows
    col = dict(zip(names, columns, strict=True))
    deleted = col.get("deleted") or [0] * len(rows)
    today_text = today.isoformat()
    for name, kind, arg, required, personal, checked in plan:
        column = col[name]
        if not _column_fine(name, kind, arg, column, checked, today_text):
            return False
        if required and not _required_fine(column, deleted, partial, personal):
            return False
    return _EXTRA[record_type](col, today)
