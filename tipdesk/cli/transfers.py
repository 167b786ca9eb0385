"""Handing a case to another office (pelimpahan, issue 23): ``transfer request``,
``accept``, ``decline``, ``list`` and ``letter`` (the transfer letter).

``tipdesk transfer request demo-register KUP-2026-00001 --to BEL --reason "..."``
``tipdesk transfer accept|decline|list|letter REGISTER [CASE] ...``

A request travels to the receiving office through the province with the next batches;
the receiving office accepts or declines it there. Refusals (a second request, a case of
another office, a reason too short) exit 3 with one line saying why.
"""

from __future__ import annotations

import argparse

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    err,
    lang,
    not_negative,
    open_register,
    print_json,
    say,
)
from tipdesk.cli.letters import out_file, said_letter, write_letter
from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.messages import describe_error
from tipdesk.domain.vocab import TRANSFER_STATUS


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "transfer",
        help="hand a case to another office, decide a transfer offered, list transfers",
        description="tipdesk transfer request|accept|decline|list|letter REGISTER [CASE] ...",
    )
    actions = add_actions(p)

    p = _action(actions, "request", cmd_request, "ask to hand a case (its person, all their cases)")
    p.add_argument("--to", required=True, metavar="CODE", help="the receiving office, e.g. BEL")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why the case moves")
    p.add_argument(
        "--letter",
        metavar="OUT.pdf",
        help="also issue the transfer letter and write it here (not encrypted)",
    )
    _letter_options(p)

    _action(actions, "accept", cmd_accept, "accept a transfer offered to this office")
    p = _action(actions, "decline", cmd_decline, "decline a transfer offered to this office")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why it is declined")

    p = actions.add_parser(
        "list",
        help="transfers this office asked for or was offered, newest first",
        description="transfers this office asked for or was offered, newest first",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = _action(actions, "letter", cmd_letter, "issue (or reprint) the transfer letter of a case")
    p.add_argument(
        "--out", required=True, metavar="FILE.pdf", help="where to write the PDF (not encrypted)"
    )
    p.add_argument("--reprint", action="store_true", help="the latest letter exactly as issued")
    p.add_argument(
        "--new", action="store_true", help="another letter, with a new number, for a transfer"
    )
    _letter_options(p)


def _action(actions, name: str, func, help_text: str) -> argparse.ArgumentParser:
    p = actions.add_parser(name, help=help_text, description=help_text)
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("case", metavar="CASE", help="case number, e.g. KUP-2026-00001")
    p.set_defaults(func=func)
    return p


def _letter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang", choices=("id", "en"), help="letter language (default: the office's settings)"
    )
    p.add_argument(
        "--attachments",
        type=not_negative,
        default=0,
        metavar="N",
        help="number of attached files (Lampiran)",
    )
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="supervisors: issue without recorded consent to refer, for this reason",
    )


def _view(session, transfer_id: str):
    from tipdesk.services.casework import transfers

    return next(v for v in transfers.list_transfers(session) if v.transfer.id == transfer_id)


def cmd_request(args: argparse.Namespace) -> int:
    """``tipdesk transfer request demo-register KUP-2026-00001 --to BEL --reason "Korban
    kembali ke keluarganya di Belu" --letter pelimpahan.pdf``"""
    from tipdesk.services import letters
    from tipdesk.services.casework import transfers

    out = out_file(args.letter, "--letter") if args.letter else None
    with open_register(args) as session:
        transfer = transfers.request(session, args.case, args.to, args.reason)
        view = _view(session, transfer.id)
        if transfer.status == "accepted":  # a province's own decision
            print(say("cli_transfer_handed_over", case_number=args.case, to=view.to_code))
        else:
            print(
                say(
                    "cli_transfer_requested",
                    case_number=args.case,
                    to=view.to_code,
                    count=view.cases_moving,
                )
            )
        if out is None:
            return EXIT_OK
        try:
            letter = write_letter(session, letters.TRANSFER, transfer.id, args, out)
        except TipdeskError as exc:  # the transfer stands; its letter can follow
            err("tipdesk: " + describe_error(exc, lang()))
            err(say("cli_transfer_letter_later", case_number=args.case))
            return EXIT_REFUSED
    said_letter(letter, out, reprint=False)
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    """``tipdesk transfer accept demo-register KUP-2026-00001``"""
    from tipdesk.services.casework import transfers

    with open_register(args) as session:
        transfer = transfers.accept(session, args.case)
        view = _view(session, transfer.id)
    print(say("cli_transfer_accepted", case_number=args.case, count=view.cases_moving))
    return EXIT_OK


def cmd_decline(args: argparse.Namespace) -> int:
    """``tipdesk transfer decline demo-register KUP-2026-00001 --reason "..."``"""
    from tipdesk.services.casework import transfers

    with open_register(args) as session:
        transfer = transfers.decline(session, args.case, args.reason)
        view = _view(session, transfer.id)
    print(say("cli_transfer_declined", case_number=args.case, office=view.from_code))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """``tipdesk transfer list demo-register [--json]``"""
    from tipdesk.services.casework import transfers

    with open_register(args, write=False) as session:
        views = transfers.list_transfers(session)
    if args.json:
        print_json(transfers.transfers_json(views))
        return EXIT_OK
    if not views:
        print(say("cli_no_transfers"))
        return EXIT_OK
    said = lang()
    directions = {
        "outgoing": say("cli_transfer_outgoing"),
        "incoming": say("cli_transfer_incoming"),
        "between": say("cli_transfer_between"),
    }
    print(
        f"{say('cli_column_case'):<16} {say('cli_column_direction'):<12} "
        f"{say('cli_column_offices'):<14} {say('cli_column_status'):<10} "
        f"{say('cli_column_date'):<10} {say('cli_column_letter_number')}"
    )
    for v in views:
        t = v.transfer
        offices = f"{v.from_code} -> {v.to_code}"
        print(
            f"{v.case_number or '-':<16} {directions.get(v.direction, v.direction):<12} "
            f"{offices:<14} {TRANSFER_STATUS.label_or_code(t.status, said):<10} "
            f"{t.requested_on or '':<10} {t.letter_number or '-'}"
        )
    return EXIT_OK


def cmd_letter(args: argparse.Namespace) -> int:
    """``tipdesk transfer letter demo-register KUP-2026-00001 --out pelimpahan.pdf
    [--reprint]``: the letter of the latest transfer this office asked for the case."""
    from tipdesk.services import letters
    from tipdesk.services.letters.transfer import latest_asked

    out = out_file(args.out, "--out")
    with open_register(args) as session:
        transfer = latest_asked(session, args.case)
        letter = write_letter(session, letters.TRANSFER, transfer.id, args, out)
    said_letter(letter, out, reprint=args.reprint)
    return EXIT_OK
