"""The checks every entry of an imported batch passes before anything of it is used.

A batch is signed by an enrolled office, but that office may be buggy, stolen or
hostile: its entries name only known columns (they become SQL), one record each, that it
or we own, with values of the kind their columns hold (what the forms would let in).

:func:`check_chunk` checks a run of entries of one table. It first tries a pass that
looks at the run column by column (a few set operations in C per column instead of
Python steps per value): about five times faster, and only ever able to say "all of
these pass". If it cannot say so, every entry is checked one by one, in order, by
:func:`check_entry`, which names the first problem exactly as it always has. The quick
pass is stricter than the exact one, never looser: a test holds it to that.
"""

from __future__ import annotations

import functools
import operator
import re
from itertools import repeat
from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain.clock import parse_rev
from tipdesk.domain.errors import BatchDamaged, BatchOverreach
from tipdesk.domain.vocab import VOCABULARIES

RECORD_TYPES = {"offices": r.Office, "persons": r.Person, "cases": r.Case,
                "services": r.Service, "referrals": r.Referral, "providers": r.Provider,
                "case_notes": r.CaseNote}
OPS = frozenset({"insert", "update", "delete", "purge", "ref"})
# A text without a limit of its own may be this long in a batch (the forms' limits are
# 13 to 10,000 characters; room is left for text written before a limit was set).
TEXT_CAP = 100_000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_REV = re.compile(r"(\d{13})-(\d{4})-(.+)")    # what parse_rev reads, and nothing more


def check_chunk(entity: str, entries: list, columns: frozenset[str], sender: str,
                owners: set[str]) -> None:
    """Refuse (``BatchDamaged``, ``BatchOverreach``) the first entry of ``entries`` that
    fails :func:`check_entry`; return if none does."""
    if not _all_pass(entity, entries, columns, sender, owners):
        for entry in entries:
            check_entry(entity, entry, columns, sender, owners)


def check_entry(entity: str, entry: object, columns: frozenset[str], sender: str,
                owners: set[str]) -> None:
    """The shape of one entry, before anything of it is used."""
    if not isinstance(entry, dict):
        raise BatchDamaged(reason="entry")
    rid, op, seq, rev, row = (entry.get(k) for k in ("id", "op", "seq", "rev", "row"))
    steps, before, base = entry.get("steps"), entry.get("before"), entry.get("base_rev")
    if (not isinstance(rid, str) or op not in OPS or type(seq) is not int or seq < 0
            or not _is_rev(rev) or not (base is None or _is_rev(base))
            or not isinstance(steps, list) or not isinstance(before, dict)
            or not all(isinstance(step, list) and len(step) == 2 and _is_rev(step[0])
                       and isinstance(step[1], list)
                       and all(isinstance(name, str) for name in step[1])
                       for step in steps)):
        raise BatchDamaged(reason="entry")
    if row is None:
        return
    if (not isinstance(row, dict) or row.get("id") != rid or not row.keys() <= columns
            or any(name not in columns and name != "*" for step in steps
                   for name in step[1])):
        raise BatchDamaged(reason="entry")
    origin = row.get("origin")
    if origin not in owners or (entity == "offices" and rid != sender):
        # An office speaks for its own office record and for records it or we own.
        raise BatchOverreach()
    check_values(entity, row)


@functools.cache
def value_checks(entity: str) -> tuple[tuple[str, str, Any], ...]:
    checks = []
    for name, f in r.fields_of(RECORD_TYPES[entity]).items():
        kind, meta = f.metadata["kind"], f.metadata
        if kind == "code":
            checks.append((name, "code", frozenset(VOCABULARIES[meta["vocab"]].codes())))
        elif kind in ("text", "ref", "codes", "lines"):
            limit = meta.get("max_len")
            checks.append((name, "text", max(4 * limit, 1000) if limit else TEXT_CAP))
        elif kind in ("date", "int", "flag"):
            checks.append((name, kind, None))
    return tuple(checks)


def check_values(entity: str, row: dict) -> None:
    """Each value of the row the kind its column holds (a code of its vocabulary, a
    date, a number, a flag, a text of bounded length). Blank and missing values pass (a
    de-identified row has many)."""
    for name, kind, arg in value_checks(entity):
        value = row.get(name)
        if value is None:
            continue
        if kind == "code":
            good = value in arg
        elif kind == "text":
            good = isinstance(value, str) and len(value) <= arg
        elif kind == "date":
            good = isinstance(value, str) and _DATE.fullmatch(value) is not None
        elif kind == "flag":
            good = value in (0, 1) and type(value) is int
        else:
            good = type(value) is int
        if not good:
            raise BatchDamaged(reason="value")


def _is_rev(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parse_rev(value)
    except ValueError:
        return False
    return True


_NONE = type(None)
_STR, _INT, _LIST, _DICT = {str}, {int}, {list}, {dict}
_KINDS = {"code": {str, _NONE}, "text": {str, _NONE}, "date": {str, _NONE},
          "flag": {int, _NONE}, "int": {int, _NONE}}
_ENTRY = operator.itemgetter("id", "op", "seq", "rev", "base_rev", "steps", "before", "row")


def _all_pass(entity: str, entries: list, columns: frozenset[str], sender: str,
              owners: set[str]) -> bool:
    """True only if every entry passes :func:`check_entry`. False says nothing: the
    entries are then checked one by one. Each test below is at least as strict as the
    exact one it stands for: exact types where that allows subclasses, every key
    present where a missing one counts as blank, a rev matched in full where parse_rev
    allows a newline at its end. Columns are taken apart with ``itemgetter`` and ``zip``
    and tested with set operations, so the work per value is done in C."""
    if not entries or set(map(type, entries)) != _DICT:
        return False
    try:
        ids, ops, seqs, revs, bases, steps, befores, rows = zip(*map(_ENTRY, entries),
                                                                   strict=True)
        if not set(ops) <= OPS:
            return False
    except (KeyError, TypeError):       # a key missing; an op that cannot be hashed
        return False
    if (set(map(type, ids)) != _STR or set(map(type, seqs)) != _INT or min(seqs) < 0
            or set(map(type, steps)) != _LIST or set(map(type, befores)) != _DICT):
        return False
    flat = [step for each in steps for step in each]
    if flat and (set(map(type, flat)) != _LIST or set(map(len, flat)) != {2}):
        return False
    names = [step[1] for step in flat]
    if names and set(map(type, names)) != _LIST:
        return False
    try:        # each rev once: an insert's one step repeats its rev
        revs = {*revs, *(base for base in bases if base is not None),
                *(step[0] for step in flat)}
        named = set().union(*names)
    except TypeError:                   # a rev or a name that cannot be hashed
        return False
    if set(map(type, revs)) != _STR or not all(map(_REV.fullmatch, revs)):
        return False
    if (named and set(map(type, named)) != _STR) or not named <= columns | {"*"}:
        return False
    present = [(rid, row) for rid, row in zip(ids, rows, strict=True) if row is not None]
    if not present:
        return True
    ids, rows = zip(*present, strict=True)
    if set(map(type, rows)) != _DICT or list(map(dict.get, rows, repeat("id"))) != list(ids):
        return False
    if not set().union(*rows) <= columns:
        return False
    try:
        if not set(map(dict.get, rows, repeat("origin"))) <= owners:
            return False
    except TypeError:                   # an origin that cannot be hashed
        return False
    if entity == "offices" and set(ids) != {sender}:
        return False
    checks = value_checks(entity)
    try:
        values = list(map(operator.itemgetter(*(name for name, _, _ in checks)), rows))
    except KeyError:                    # a column missing (blank to check_values)
        return False
    if len(checks) == 1:
        values = [(value,) for value in values]
    return all(_column_passes(kind, arg, column)
               for (_, kind, arg), column in zip(checks, zip(*values, strict=True),
                                                 strict=True))


def _column_passes(kind: str, arg: Any, column: tuple) -> bool:
    """One column's values (None for blank), all of the kind it holds."""
    if not set(map(type, column)) <= _KINDS[kind]:
        return False
    if kind == "text":
        return max(map(len, filter(None, column)), default=0) <= arg
    if kind == "int":
        return True
    values = set(column)
    values.discard(None)
    if kind == "date":
        return all(map(_DATE.fullmatch, values))
    return values <= (arg if kind == "code" else {0, 1})
