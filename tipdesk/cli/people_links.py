"""One person across districts (issue 23): ``people-links list|scan|link|unlink|dismiss``.

``tipdesk people-links list REGISTER [--candidates] [--json]``: the links (at a district,
the other office and its case number only), or the province's review list;
``scan REGISTER``: the province's full duplicate check; ``link REGISTER A B``: the
persons of case numbers A and B are one; ``unlink REGISTER LINK_ID --reason TEXT``;
``dismiss REGISTER A B``: two people, not proposed again.
"""

from __future__ import annotations

import argparse
import sys

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, lang, number, open_register, positive, print_json, say
from tipdesk.domain.vocab import VOCABULARIES


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "people-links",
        help="one person registered by two offices: the province's links and review list",
        description="tipdesk people-links list|scan|link|unlink|dismiss REGISTER ...",
    )
    actions = add_actions(p, json=True)
    p = actions.add_parser(
        "list",
        help="the links (at a district: the other office and its case number), or with "
        "--candidates the province's review list, best first",
        description="the links, or with --candidates the province's review list",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument(
        "--candidates", action="store_true", help="the pairs that may be one person (province)"
    )
    p.add_argument("--limit", type=positive, help="at most this many candidate pairs")
    p.set_defaults(func=cmd_list)
    p = actions.add_parser(
        "scan",
        help="compare every person with the other offices' persons (province): the review "
        "list is made anew",
        description="the province's full duplicate check across offices",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.set_defaults(func=cmd_scan)
    for name, func, help_text in (
        ("link", cmd_link, "record that two persons of two offices are one (province)"),
        ("dismiss", cmd_dismiss, "record that two persons are two people (province)"),
    ):
        p = actions.add_parser(name, help=help_text, description=help_text)
        p.add_argument("register", metavar="REGISTER", help="register folder")
        p.add_argument("first", metavar="A", help="a case number (or register number)")
        p.add_argument("second", metavar="B", help="the other person's case number")
        if name == "link":
            p.add_argument("--note", default="", help="why they are one person")
        p.set_defaults(func=func)
    p = actions.add_parser(
        "unlink",
        help="remove a link, with a reason (province)",
        description="remove a link, with a reason (province)",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("link_id", metavar="LINK_ID", help="the link's id (people-links list)")
    p.add_argument("--reason", required=True, help="why (at least 10 letters)")
    p.set_defaults(func=cmd_unlink)


def _reasons(codes, said: str) -> str:
    return ", ".join(VOCABULARIES["duplicate_reason"].label_or_code(c, said) for c in codes)


def cmd_list(args: argparse.Namespace) -> int:
    """``tipdesk people-links list ntt-register --candidates --json``"""
    if args.candidates:
        return _list_candidates(args)
    from tipdesk.services.casework import people_links

    with open_register(args, write=False) as session:
        province = session.office.level == "province"
        found = people_links.list_links(session)
        codes = people_links.office_codes(session)
    said = lang()
    if province:
        rows = [
            {
                "id": v.link.id,
                "a": {
                    "office": codes.get(v.link.office_a, ""),
                    "case_number": v.link.case_number_a,
                },
                "b": {"office": v.other_office_code, "case_number": v.other_case_number},
                "reasons": v.link.reasons,
                "linked_on": v.link.linked_on,
                "linked_by": v.link.linked_by,
            }
            for v in found
        ]
    else:
        rows = [
            {
                "id": v.link.id,
                "case_number": v.link.case_number_a
                if v.other_person_id == v.link.person_b
                else v.link.case_number_b,
                "other": {
                    "office": v.other_office_code,
                    "office_name": v.other_office_name,
                    "case_number": v.other_case_number,
                },
                "linked_on": v.link.linked_on,
            }
            for v in found
        ]
    if getattr(args, "json", False):
        print_json(rows)
        return EXIT_OK
    if not rows:
        print(say("cli_people_links_none"))
    for row, v in zip(rows, found, strict=True):
        if province:
            print(
                f"{row['id']}  {row['a']['case_number']} ({row['a']['office']}) = "
                f"{row['b']['case_number']} ({row['b']['office']})  "
                f"{v.link.linked_on or ''!s}  {_reasons(v.link.reasons, said)}"
            )
        else:
            print(
                f"{row['id']}  "
                + say(
                    "cli_people_links_known_elsewhere",
                    case=row["case_number"],
                    office=f"{v.other_office_code} ({v.other_office_name})",
                    other=v.other_case_number or "?",
                )
            )
    return EXIT_OK


def _list_candidates(args: argparse.Namespace) -> int:
    from tipdesk.services.casework import people_links

    with open_register(args, write=False) as session:
        total = people_links.count_candidates(session)
        found = people_links.candidates(session, limit=args.limit or -1)
    if getattr(args, "json", False):
        print_json(
            [
                {
                    "reasons": list(pair.reasons),
                    "score": pair.score,
                    "found_at": pair.found_at,
                    **{
                        key: {
                            "person_id": side.person.id,
                            "full_name": side.person.full_name,
                            "sex": side.person.sex,
                            "birth_date": side.person.birth_date,
                            "estimated_age": side.person.estimated_age,
                            "nik": side.person.nik,
                            "region_code": side.person.region_code,
                            "office": side.office_code,
                            "office_name": side.office_name,
                            "case_numbers": list(side.case_numbers),
                        }
                        for key, side in (("a", pair.a), ("b", pair.b))
                    },
                }
                for pair in found
            ]
        )
        return EXIT_OK
    said = lang()
    print(say("cli_people_links_candidates", count=number(total)))
    for pair in found:
        print(f"== {_reasons(pair.reasons, said)} ({pair.score:.2f})")
        for side in (pair.a, pair.b):
            person = side.person
            born = person.birth_date.isoformat() if person.birth_date else ""
            if not born and person.estimated_age is not None:
                born = say("cli_people_links_age", age=person.estimated_age)
            print(
                f"  {side.office_code:<6} {', '.join(side.case_numbers):<20} "
                f"{person.full_name:<32} {born:<12} {person.nik}"
            )
    return EXIT_OK


def cmd_scan(args: argparse.Namespace) -> int:
    """``tipdesk people-links scan ntt-register``: the review list made anew."""
    from tipdesk.services.casework import people_links

    shown = sys.stderr.isatty() and not getattr(args, "json", False)

    def progress(done: int, total: int) -> None:
        if shown:
            print(f"\r{100 * done // max(1, total)}%", end="", file=sys.stderr, flush=True)

    with open_register(args) as session:
        found = people_links.scan(session, progress=progress)
    if shown:
        print(file=sys.stderr)
    if getattr(args, "json", False):
        print_json({"candidates": found})
    else:
        print(say("cli_people_links_scanned", count=number(found)))
    return EXIT_OK


def cmd_link(args: argparse.Namespace) -> int:
    """``tipdesk people-links link ntt-register KUP-2026-0001 BEL-2026-0042``"""
    from tipdesk.services.casework import people_links

    with open_register(args) as session:
        a = people_links.person_id_of(session, args.first)
        b = people_links.person_id_of(session, args.second)
        made = people_links.link(session, a, b, args.note)
    if getattr(args, "json", False):
        print_json(
            {
                "id": made.id,
                "case_number_a": made.case_number_a,
                "case_number_b": made.case_number_b,
            }
        )
    else:
        print(
            say("cli_people_links_linked", a=made.case_number_a, b=made.case_number_b, id=made.id)
        )
    return EXIT_OK


def cmd_unlink(args: argparse.Namespace) -> int:
    """``tipdesk people-links unlink ntt-register LINK_ID --reason "..."``"""
    from tipdesk.services.casework import people_links

    with open_register(args) as session:
        people_links.unlink(session, args.link_id, args.reason)
    print(say("cli_people_links_unlinked", id=args.link_id))
    return EXIT_OK


def cmd_dismiss(args: argparse.Namespace) -> int:
    """``tipdesk people-links dismiss ntt-register KUP-2026-0001 BEL-2026-0042``"""
    from tipdesk.services.casework import people_links

    with open_register(args) as session:
        a = people_links.person_id_of(session, args.first)
        b = people_links.person_id_of(session, args.second)
        people_links.dismiss(session, a, b)
    print(say("cli_people_links_dismissed", a=args.first, b=args.second))
    return EXIT_OK
