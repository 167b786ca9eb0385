"""Incidents that brought many victims at once (a raid, a deportation): ``incident list``
and ``incident show`` (issue 22).

``tipdesk incident list|show REGISTER [NUMBER] [--json]``
"""

from __future__ import annotations

import argparse
import dataclasses

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, lang, open_register, print_json, say
from tipdesk.domain.vocab import VOCABULARIES


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "incident",
        help="incidents that brought many victims at once, and their cases",
        description="tipdesk incident list|show REGISTER [NUMBER] [--json]",
    )
    actions = add_actions(p, json=True)
    p = actions.add_parser(
        "list",
        help="every incident, newest first, with how many cases name it",
        description="every incident, newest first, with how many cases name it",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.set_defaults(func=cmd_incident_list)
    p = actions.add_parser(
        "show",
        help="one incident and its victims: case, status, last legal step",
        description="one incident and its victims: case, status, last legal step",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("number", metavar="NUMBER", help="incident number, e.g. KUP-KJ-2026-0001")
    p.set_defaults(func=cmd_incident_show)


def _label(vocab: str, code: str | None, said: str) -> str:
    return VOCABULARIES[vocab].label_or_code(code, said) if code else ""


def cmd_incident_list(args: argparse.Namespace) -> int:
    """``tipdesk incident list demo-register [--json]``"""
    from tipdesk.services.casework.journey import list_incidents

    with open_register(args, write=False) as session:
        found = list_incidents(session)
    if getattr(args, "json", False):
        print_json([dataclasses.asdict(row.incident) | {"cases": row.cases} for row in found])
        return EXIT_OK
    said = lang()
    if not found:
        print(say("cli_no_incidents"))
    for row in found:
        incident = row.incident
        print(
            f"{incident.incident_number:<20} {incident.occurred_on or ''!s:<11} "
            f"{_label('incident_kind', incident.kind, said):<16} "
            f"{say('cli_incident_cases', count=row.cases):<12} {incident.place}"
        )
    return EXIT_OK


def cmd_incident_show(args: argparse.Namespace) -> int:
    """``tipdesk incident show demo-register KUP-KJ-2026-0001 [--json]``: the cases of
    another worker are counted, not listed, for a case worker (as ``show`` refuses them)."""
    from tipdesk.services.casework.journey import incident_victims

    with open_register(args) as session:  # the read is audited
        incident, victims, hidden = incident_victims(session, args.number)
    if getattr(args, "json", False):
        print_json(
            {
                "incident": dataclasses.asdict(incident),
                "cases": len(victims) + hidden,
                "hidden": hidden,
                "victims": [
                    {
                        "case_number": v.case.case_number,
                        "register_number": v.person.register_number,
                        "full_name": v.person.full_name,
                        "sex": v.person.sex,
                        "status": v.case.status,
                        "opened_on": v.case.opened_on,
                        "last_legal_step": None
                        if v.last_legal_step is None
                        else {"kind": v.last_legal_step.kind, "on": v.last_legal_step.step_on},
                        "last_return": None
                        if v.last_return is None
                        else {
                            "escort": v.last_return.escort,
                            "handover_on": v.last_return.handover_on,
                        },
                    }
                    for v in victims
                ],
            }
        )
        return EXIT_OK
    said = lang()
    print(f"== {say('cli_incident_title', number=incident.incident_number)}")
    for label, value in (
        ("cli_incident_occurred_on", incident.occurred_on or ""),
        ("cli_incident_kind", _label("incident_kind", incident.kind, said)),
        ("cli_incident_place", incident.place),
        ("cli_incident_note", incident.note),
    ):
        if value:
            print(f"  {say(label) + ':':<20} {value}")
    print(f"== {say('cli_incident_victims', count=len(victims) + hidden)}")
    for v in victims:
        step = v.last_legal_step
        last = (
            f"{_label('legal_step_kind', step.kind, said)} ({step.step_on or ''})"
            if step
            else say("cli_incident_no_legal_step")
        )
        print(
            f"  {v.case.case_number:<16} {v.person.full_name:<32} "
            f"{_label('case_status', v.case.status, said):<30} {last}"
        )
    if hidden:
        print("  " + say("cli_incident_hidden_cases", count=hidden))
    return EXIT_OK
