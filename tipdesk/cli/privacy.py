"""A person's rights: ``person-export`` (access) and ``erase`` (erasure)."""

from __future__ import annotations

import argparse
from pathlib import Path

from tipdesk.cli.common import EXIT_OK, add_command, err, lang, open_register, say


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "person-export",
        cmd_person_export,
        "write everything held about the person of a case (right of access)",
    )
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.json|FILE.pdf",
        help="where to write it (not encrypted)",
    )

    p = add_command(
        subparsers,
        "erase",
        cmd_erase,
        "erase the person of a case and all their records (cannot be undone)",
    )
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument(
        "--reason",
        required=True,
        metavar="CODE",
        help="person_request, legal_order or entered_by_mistake",
    )
    p.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")


def cmd_person_export(args: argparse.Namespace) -> int:
    """``tipdesk person-export demo-register KUP-2026-00010 --out orang.json``"""
    from tipdesk.services.casework import privacy

    with open_register(args) as session:
        out = privacy.export_person_data(session, args.case_number, Path(args.out), lang=lang())
    print(say("cli_person_data_written", path=out))
    err(say("cli_person_data_not_encrypted"))
    return EXIT_OK


def cmd_erase(args: argparse.Namespace) -> int:
    """``tipdesk erase demo-register KUP-2026-00010 --reason person_request --yes``"""
    from tipdesk.domain.errors import ErasureNotConfirmed
    from tipdesk.services.casework import privacy

    if not args.yes:
        raise ErasureNotConfirmed(case_number=args.case_number)
    with open_register(args) as session:
        result = privacy.erase_person(session, args.case_number, args.reason)
    print(
        say(
            "cli_person_erased",
            records=result.records,
            cases=", ".join(result.case_numbers),
            letters=result.letters,
            documents=result.documents,
        )
    )
    if not result.compacted:
        err(say("cli_erased_not_compacted"))
    return EXIT_OK
