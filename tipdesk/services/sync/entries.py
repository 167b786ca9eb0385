"""The checks every entry of an imported batch passes before anything of it is used.

A batch is signed by an enrolled office, but that office may be buggy, stolen or
hostile (DESIGN.md section 5b): its entries name only known columns (they become SQL),
one record each, that it or we own (:func:`check_chunk`), with rows the app itself would
save, earlier values of bounded size and seqs inside the batch's range
(:func:`check_records`). Which office really owns a record, or its case, is checked
against the register as the batch is applied (``sync._in_scope``).

:func:`check_chunk` checks a run of entries of one table. It first tries a pass that
looks at the run column by column (a few set operations in C per column instead of
Python steps per value): about five times faster, and only ever able to say "all of
these pass". If it cannot say so, every entry is checked one by one, in order, by
:func:`check_entry`, which names the first problem exactly as it always has. The quick
pass is stricter than the exact one, never looser: a test holds it to that.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from dataclasses import dataclass
from itertools import repeat

from tipdesk.domain import records as r
from tipdesk.domain import row_check
from tipdesk.domain.clock import parse_rev
from tipdesk.domain.errors import BatchDamaged, BatchEntryRefused, BatchOverreach

RECORD_TYPES: dict[str, type] = r.SYNCED_RECORDS
OPS = frozenset({"insert", "update", "delete", "purge", "ref"})
_REV = re.compile(r"(\d{13})-(\d{4})-(.+)")  # what parse_rev reads, and nothing more


# Tables whose rows arrive from another office with a ref op: copies of records the
# receiver needs to read (a provider a case names, the incident it names, another office
# of the province), never written over what the receiver owns.
REF_TABLES = frozenset({"providers", "incidents", "offices"})


def check_chunk(
    entity: str, entries: list, columns: frozenset[str], sender: str, owners: set[str] | None
) -> None:
    """Refuse (``BatchDamaged``, ``BatchOverreach``) the first entry of ``entries`` that
    fails :func:`check_entry`; return if none does. ``owners`` None: the rows' origins
    are checked against the register as they are applied (``sync._in_scope``)."""
    if not _all_pass(entity, entries, columns, sender, owners):
        for entry in entries:
            check_entry(entity, entry, columns, sender, owners)


def check_entry(
    entity: str, entry: object, columns: frozenset[str], sender: str, owners: set[str] | None
) -> None:
    """The shape of one entry, before anything of it is used."""
    if not isinstance(entry, dict):
        raise BatchDamaged(reason="entry")
    rid, op, seq, rev, row = (entry.get(k) for k in ("id", "op", "seq", "rev", "row"))
    steps, before, base = entry.get("steps"), entry.get("before"), entry.get("base_rev")
    if (
        not isinstance(rid, str)
        or op not in OPS
        or type(seq) is not int
        or seq < 0
        or not _is_rev(rev)
        or not (base is None or _is_rev(base))
        or not isinstance(steps, list)
        or not isinstance(before, dict)
        or not all(
            isinstance(step, list)
            and len(step) == 2
            and _is_rev(step[0])
            and isinstance(step[1], list)
            and all(isinstance(name, str) for name in step[1])
            for step in steps
        )
    ):
        raise BatchDamaged(reason="entry")
    if row is None:
        return
    if (
        not isinstance(row, dict)
        or row.get("id") != rid
        or not row.keys() <= columns
        or any(name not in columns and name != "*" for step in steps for name in step[1])
    ):
        raise BatchDamaged(reason="entry")
    origin = row.get("origin")
    if not isinstance(origin, str):
        raise BatchDamaged(reason="entry")
    ref = op == "ref" and entity in REF_TABLES
    if (owners is not None and origin not in owners and not ref) or (
        entity == "offices" and rid != sender and not ref
    ):
        # An office speaks for its own office record and for records it or we own.
        raise BatchOverreach(what=THING[entity], record=rid)


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
_ENTRY = operator.itemgetter("id", "op", "seq", "rev", "base_rev", "steps", "before", "row")


def _all_pass(
    entity: str, entries: list, columns: frozenset[str], sender: str, owners: set[str] | None
) -> bool:
    """True only if every entry passes :func:`check_entry`. False says nothing: the
    entries are then checked one by one. Each test below is at least as strict as the
    exact one it stands for: exact types where that allows subclasses, every key
    present where a missing one counts as blank, a rev matched in full where parse_rev
    allows a newline at its end. Columns are taken apart with ``itemgetter`` and ``zip``
    and tested with set operations, so the work per value is done in C."""
    if not entries or set(map(type, entries)) != _DICT:
        return False
    try:
        ids, ops, seqs, revs, bases, steps, befores, rows = zip(*map(_ENTRY, entries), strict=True)
        if not set(ops) <= OPS:
            return False
    except (KeyError, TypeError):  # a key missing; an op that cannot be hashed
        return False
    if (
        set(map(type, ids)) != _STR
        or set(map(type, seqs)) != _INT
        or min(seqs) < 0
        or set(map(type, steps)) != _LIST
        or set(map(type, befores)) != _DICT
    ):
        return False
    flat = [step for each in steps for step in each]
    if flat and (set(map(type, flat)) != _LIST or set(map(len, flat)) != {2}):
        return False
    names = [step[1] for step in flat]
    if names and set(map(type, names)) != _LIST:
        return False
    try:  # each rev once: an insert's one step repeats its rev
        every_rev = {
            *revs,
            *(base for base in bases if base is not None),
            *(step[0] for step in flat),
        }
        named = set().union(*names)
    except TypeError:  # a rev or a name that cannot be hashed
        return False
    if set(map(type, every_rev)) != _STR or not all(map(_REV.fullmatch, every_rev)):
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
        origins = set(map(dict.get, rows, repeat("origin")))
        if set(map(type, origins)) != _STR or (owners is not None and not origins <= owners):
            return False
    except TypeError:  # an origin that cannot be hashed
        return False
    return not (entity == "offices" and set(ids) != {sender})


# --- the records themselves (DESIGN.md section 5b) ------------------------------------

# How a refusal names a table's record (a word of messages.THINGS).
THING = {
    "offices": "office",
    "persons": "person",
    "cases": "case",
    "providers": "provider",
    "incidents": "incident",
    "transfers": "transfer",
    "person_links": "person_link",
    **{child.table: child.thing for child in r.CASE_CHILDREN},
}
# A record's history in one batch: more steps than this is no office's work.
MAX_STEPS = 10_000
# Seq numbers are SQLite integers, and travel through JSON readers that keep 53 bits.
MAX_SEQ = 2**53


@dataclass(frozen=True)
class Rules:
    """What the entries of one batch are held to besides their shape: the sender, the
    offices whose records it may name (``owners``), the day its dates may reach (a day
    past ours: the sender's clock may be in a later time zone), whether it is
    de-identified, and the seq range its manifest claims."""

    sender: str
    owners: frozenset[str]
    today: dt.date
    partial: bool
    seq_from: int
    seq_to: int
    # Tables whose rows may name any office as owner here: checked against the register
    # as they are applied (transfers; a province's relay of a case offered to us).
    open_origins: frozenset[str] = frozenset()

    def owners_of(self, entity: str) -> set[str] | None:
        return None if entity in self.open_origins else set(self.owners)


def check_records(entity: str, entries: list[dict], rules: Rules) -> None:
    """Each entry's row passes what a save from the app would (``row_check``), its
    earlier values (``before``) are readable values of their fields, its history is
    bounded, and its seq lies in the batch's range. Raises ``BatchEntryRefused`` naming
    the first record and field that fail. The entries' shape is already checked."""
    record_type = RECORD_TYPES[entity]
    fields = r.fields_of(record_type)
    for entry in entries:
        seq = entry["seq"]
        if entry["op"] == "ref":
            if seq != 0 or entity not in REF_TABLES:
                _refuse(entity, entry, "seq", "seq_outside_batch")
        elif not rules.seq_from <= seq <= rules.seq_to or seq > MAX_SEQ:
            _refuse(entity, entry, "seq", "seq_outside_batch")
        if len(entry["steps"]) > MAX_STEPS:
            _refuse(entity, entry, "steps", "history_too_long")
        before = entry["before"]
        for name, value in before.items():
            f = fields.get(name)
            if f is None:
                _refuse(entity, entry, name, "unknown_field")
            elif row_check.decode_value(f, value)[1] is not None:
                _refuse(entity, entry, name, "unreadable_value")
    rows = [entry["row"] for entry in entries if entry["row"] is not None]
    if rows and not row_check.rows_pass(
        record_type, rows, today=rules.today, partial=rules.partial
    ):
        for entry in entries:
            if entry["row"] is None:
                continue
            problems = row_check.row_problems(
                record_type, entry["row"], today=rules.today, partial=rules.partial
            )
            if problems:
                _refuse(entity, entry, problems[0].field, problems[0].code)


def _refuse(entity: str, entry: dict, field: str, problem: str) -> None:
    raise BatchEntryRefused(
        what=THING[entity], record=str(entry.get("id"))[:64], field=field, problem=problem
    )
