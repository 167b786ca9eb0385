"""SIMFONI-PPA entries (issue 25): ``simfoni list|record|remove``.

``tipdesk simfoni list REGISTER --from D --to D [--missing] [--json]``: the cases opened in
the period and whether each was entered into SIMFONI-PPA (``--missing``: only those not
yet entered); ``record REGISTER CASE --reference REF [--date D] [--note TEXT]``;
``remove REGISTER CASE``.
"""

from __future__ import annotations

import argparse

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, open_register, print_json, say
from tipdesk.domain import records as r
from tipdesk.domain.errors import ValidationFailed
from tipdesk.domain.fields import parse_value


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "simfoni",
        help="which cases were entered into SIMFONI-PPA, and which are not yet",
        description="tipdesk simfoni list|record|remove REGISTER ...",
    )
    actions = add_actions(p, json=True)
    p = actions.add_parser(
        "list",
        help="the cases opened in a period and their SIMFONI-PPA entries",
        description="the cases opened in a period and their SIMFONI-PPA entries",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("--from", dest="start", required=True, help="first day, DD/MM/YYYY")
    p.add_argument("--to", dest="end", required=True, help="last day, DD/MM/YYYY")
    p.add_argument("--missing", action="store_true", help="only the cases not yet entered")
    p.set_defaults(func=cmd_list)
    p = actions.add_parser(
        "record",
        help="record that a case was entered into SIMFONI-PPA",
        description="record that a case was entered into SIMFONI-PPA",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("case", metavar="CASE", help="case number")
    p.add_argument("--reference", required=True, help="the case's number in SIMFONI-PPA")
    p.add_argument("--date", help="when it was entered, DD/MM/YYYY (default: today)")
    p.add_argument("--note", default="", help="a note")
    p.set_defaults(func=cmd_record)
    p = actions.add_parser(
        "remove",
        help="remove a case's SIMFONI-PPA entry (recorded by mistake)",
        description="remove a case's SIMFONI-PPA entry (recorded by mistake)",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("case", metavar="CASE", help="case number")
    p.set_defaults(func=cmd_remove)


def _day(text: str | None, name: str):
    field = r.fields_of(r.SimfoniEntry)["entered_on"]
    value, problem = parse_value(field, text or "")
    if problem is not None:
        raise ValidationFailed([type(problem)(name, problem.code, params=problem.params)])
    return value


def cmd_list(args: argparse.Namespace) -> int:
    """``tipdesk simfoni list kup --from 01/11/2026 --to 30/11/2026 --missing --json``"""
    from tipdesk.services.casework import simfoni

    start, end = _day(args.start, "start"), _day(args.end, "end")
    with open_register(args, write=False) as session:
        found = simfoni.period(session, start, end)
    shown = found.not_entered if args.missing else found.cases
    if getattr(args, "json", False):
        print_json(
            [
                {
                    "case_number": c.case_number,
                    "opened_on": c.opened_on,
                    "status": c.status,
                    "entered_on": c.entry.entered_on if c.entry else None,
                    "entered_by": c.entry.entered_by if c.entry else None,
                    "reference": c.entry.reference if c.entry else None,
                }
                for c in shown
            ]
        )
        return EXIT_OK
    for c in shown:
        day = c.entry.entered_on.strftime("%d/%m/%Y") if c.entry and c.entry.entered_on else "-"
        ref = c.entry.reference if c.entry else "-"
        print(f"{c.case_number:<18} {c.opened_on or '-':<10}  {day:<10}  {ref}")
    missing = len(found.not_entered)
    print(
        say(
            "cli_simfoni_summary",
            start=start.strftime("%d/%m/%Y"),
            end=end.strftime("%d/%m/%Y"),
            cases=len(found.cases),
            entered=len(found.cases) - missing,
            missing=missing,
        )
    )
    return EXIT_OK


def cmd_record(args: argparse.Namespace) -> int:
    """``tipdesk simfoni record kup KUP-2026-00010 --reference 5371-2026-000123``"""
    from tipdesk.services.casework import simfoni

    day = _day(args.date, "entered_on")
    with open_register(args) as session:
        entry = simfoni.record_entry(
            session, args.case, args.reference, entered_on=day, note=args.note
        )
    on = entry.entered_on.strftime("%d/%m/%Y") if entry.entered_on else "-"
    print(say("cli_simfoni_recorded", case_number=args.case, reference=entry.reference, on=on))
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    """``tipdesk simfoni remove kup KUP-2026-00010``"""
    from tipdesk.services.casework import simfoni

    with open_register(args) as session:
        simfoni.remove_entry(session, args.case)
    print(say("cli_simfoni_removed", case_number=args.case))
    return EXIT_OK
