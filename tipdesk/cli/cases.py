"""Casework: ``search`` for cases, ``show`` one, ``update`` its fields."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from tipdesk.cli.common import (
    EXIT_OK,
    add_command,
    err,
    lang,
    open_register,
    positive,
    print_json,
    say,
)
from tipdesk.domain.errors import NotAnAssignment, NotUtf8
from tipdesk.domain.messages import describe_problem, field_label
from tipdesk.domain.records import CASE_CHILDREN, age_of, unreadable_fields
from tipdesk.domain.vocab import VOCABULARIES


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(subparsers, "search", cmd_search, "find cases by name, number, place or note")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=positive, default=50)
    p.add_argument("--json", action="store_true")

    p = add_command(
        subparsers, "show", cmd_show, "show one case with its person, services, referrals, notes"
    )
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument("--json", action="store_true")

    p = add_command(subparsers, "update", cmd_update, "change fields of a case or its person")
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="e.g. --set status=active --set person.phone=0812...",
    )


def cmd_search(args: argparse.Namespace) -> int:
    """``tipdesk search demo-register "siti kupang" --limit 20``"""
    from tipdesk.services.casework.cases import find_cases

    with open_register(args) as session:
        rows = find_cases(session, args.query, limit=args.limit)
    if args.json:
        print_json(
            [
                {k: v for k, v in row.items() if k != "rid"} | {"age": _age(row) or None}
                for row in rows
            ]
        )
        return EXIT_OK
    said = lang()
    if not rows:
        print(say("cli_no_matching_cases"))
    for row in rows:
        status = VOCABULARIES["case_status"].label_or_code(row["status"], said)
        print(
            f"{row['case_number']:<16} {row['register_number']:<14} {row['full_name']:<32} "
            f"{(row['sex'] or '')[:1].upper():<2}{_age(row):>4}  {status:<20} "
            f"{row['opened_on'] or ''}" + _unreadable_note(row.get("unreadable"), said)
        )
    return EXIT_OK


def _age(row: dict) -> str:
    from tipdesk.domain.records import Person

    # find_cases gives an unreadable birth date as None (and names it in "unreadable").
    person = Person(
        full_name="",
        sex=row["sex"],
        estimated_age=row["estimated_age"],
        birth_date=dt.date.fromisoformat(str(row["birth_date"])) if row["birth_date"] else None,
    )
    age = age_of(person, dt.date.today())
    return "" if age is None else str(age)


def _unreadable_note(fields, said: str) -> str:
    """The mark after a row holding values the app cannot read: "[cannot be read: ...]"."""
    if not fields:
        return ""
    names = ", ".join(field_label(name, said) for name in fields)
    return "  [" + say("cli_cannot_be_read", fields=names) + "]"


def _unreadable_line(fields, said: str) -> str:
    names = ", ".join(field_label(name, said) for name in fields)
    return say("cli_some_fields_cannot_be_read", fields=names)


def _label(vocab: str, code: str | None, said: str) -> str:
    return VOCABULARIES[vocab].label_or_code(code, said) if code else ""


def cmd_show(args: argparse.Namespace) -> int:
    """``tipdesk show demo-register KUP-2026-00010 [--json]``"""
    from tipdesk.services.casework.cases import open_case

    with open_register(args) as session:
        file = open_case(session, args.case_number)
    unreadable = _unreadable_of(file)
    if args.json:
        shown = dataclasses.asdict(file)
        if unreadable:
            shown["unreadable"] = unreadable
        print_json(shown)
        return EXIT_OK
    said = lang()
    hidden = {"id", "origin", "rev", "updated_at", "updated_by", "deleted", "person_id"}
    yes, no = say("cli_yes"), say("cli_no")
    for title, record in (("cli_show_person", file.person), ("cli_show_case", file.case)):
        print(f"== {say(title)}")
        if unreadable_fields(record):
            print(f"  (!) {_unreadable_line(unreadable_fields(record), said)}")
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if f.name in hidden or value in ("", [], None):
                continue
            vocab = f.metadata.get("vocab")
            if isinstance(value, bool):
                value = yes if value else no
            elif vocab and isinstance(value, list):
                value = ", ".join(_label(vocab, v, said) for v in value)
            elif vocab:
                value = _label(vocab, value, said)
            print(f"  {field_label(f.name, said) + ':':<48} {value}")
    print("== " + say("cli_show_services"))
    for s in file.services:
        provider = file.providers.get(s.provider_id)
        print(
            f"  {s.started_on or s.planned_on or ''!s:<11} "
            f"{_label('service_type', s.service_type, said):<34} "
            f"{_label('service_status', s.status, said):<16} {provider.name if provider else ''}"
            + _unreadable_note(unreadable_fields(s), said)
        )
    print("== " + say("cli_show_referrals"))
    for ref in file.referrals:
        provider = file.providers.get(ref.provider_id)
        print(
            f"  {ref.id}  {_label('referral_status', ref.status, said):<12} "
            f"{provider.name if provider else ''}"
            + (f"  ({ref.letter_number})" if ref.letter_number else "")
            + _unreadable_note(unreadable_fields(ref), said)
        )
    print("== " + say("cli_show_notes"))
    for note in file.notes:
        print(
            f"  {note.noted_on or ''} {note.author}: {note.text}"
            + _unreadable_note(unreadable_fields(note), said)
        )
    return EXIT_OK


def _unreadable_of(file) -> dict[str, Any]:
    """Which fields of the case file's records cannot be read, for ``show --json``:
    ``{"person": [...], "case": [...], "services": {id: [...]}, ...}``, only those with
    any."""
    found: dict[str, Any] = {}
    for name, record in (("person", file.person), ("case", file.case)):
        if unreadable_fields(record):
            found[name] = list(unreadable_fields(record))
    if file.incident is not None and unreadable_fields(file.incident):
        found["incident"] = list(unreadable_fields(file.incident))
    for name, items in [(c.file_list, getattr(file, c.file_list)) for c in CASE_CHILDREN]:
        marked = {
            item.id: list(unreadable_fields(item)) for item in items if unreadable_fields(item)
        }
        if marked:
            found[name] = marked
    return found


def cmd_update(args: argparse.Namespace) -> int:
    """``tipdesk update demo-register KUP-2026-00010 --set risk_level=high``"""
    from tipdesk.services.casework.cases import update_case_fields

    assignments: dict[str, str] = {}
    for item in args.set:
        if _not_utf8(item):
            # Bytes that are not UTF-8 reach argv as lone surrogates (PEP 383); a value
            # holding them cannot be stored, searched or printed. (The value is not
            # repeated: it may be personal.)
            name, sep, _ = item.partition("=")
            field = name.strip()
            named = sep and field.isascii() and field.replace(".", "_").isidentifier()
            raise NotUtf8(argument=f"--set {field}" if named else "--set")
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise NotAnAssignment(item=item)
        assignments[name.strip()] = value
    with open_register(args) as session:
        _, warnings = update_case_fields(session, args.case_number, assignments)
    said = lang()
    for problem in warnings:
        err(say("cli_warning", problem=describe_problem(problem, said)))
    if not warnings.changed:
        print(say("cli_nothing_changed", case_number=args.case_number))
        return EXIT_OK
    print(say("cli_saved", case_number=args.case_number))
    return EXIT_OK


def _not_utf8(text: str) -> bool:
    """Whether ``text`` from the command line held bytes that are not UTF-8 (on Linux and
    macOS they arrive as surrogate escapes, ``\\udc80``-``\\udcff``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
