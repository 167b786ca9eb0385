"""Letters: ``letter`` issues (or reprints) a referral letter, ``letters`` lists the
archive (every kind: referral letters, requests to LPSK, handover records)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from tipdesk.cli.common import (
    EXIT_OK,
    add_command,
    err,
    lang,
    not_negative,
    open_register,
    print_json,
    say,
)
from tipdesk.domain.errors import BadArgument
from tipdesk.domain.messages import describe_problem


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers, "letter", cmd_letter, "issue (or reprint) the referral letter of a referral"
    )
    p.add_argument("referral_id", metavar="REFERRAL_ID", help="as listed by 'tipdesk show'")
    p.add_argument(
        "--out", required=True, metavar="FILE.pdf", help="where to write the PDF (not encrypted)"
    )
    p.add_argument(
        "--lang",
        choices=("id", "en"),
        help="letter language (default: the office's letter settings)",
    )
    p.add_argument(
        "--reprint",
        action="store_true",
        help="reproduce the referral's latest letter exactly as issued",
    )
    p.add_argument(
        "--new",
        action="store_true",
        help="issue another letter, with a new number, for a referral that has one",
    )
    p.add_argument(
        "--attachments",
        type=not_negative,
        default=0,
        metavar="N",
        help="number of attached files (Lampiran)",
    )
    p.add_argument(
        "--document",
        action="append",
        default=[],
        dest="documents",
        metavar="DOCUMENT_ID",
        help="a document of the case to attach: listed by kind and date, counted in the "
        "Lampiran (repeat for more; ids: 'tipdesk documents list')",
    )
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="supervisors: issue without recorded consent to refer, for this reason",
    )

    p = add_command(subparsers, "letters", cmd_letters, "list the letters this office has issued")
    p.add_argument("--json", action="store_true")


def cmd_letter(args: argparse.Namespace) -> int:
    """``tipdesk letter demo-register REFERRAL_ID --out surat.pdf [--reprint]``"""
    from tipdesk.services import letters

    out = out_file(args.out)
    with open_register(args) as session:
        letter = write_letter(session, letters.REFERRAL, args.referral_id, args, out)
    said_letter(letter, out, reprint=args.reprint)
    return EXIT_OK


def write_letter(session, kind: str, record_id: str, args: argparse.Namespace, out: Path):
    """Issue (or with ``--reprint``, reprint) the letter of ``kind`` for a record with the
    options of ``tipdesk letter``, and save its PDF at ``out``."""
    from tipdesk.services import letters

    if getattr(args, "reprint", False):
        letter = letters.reprint(
            session,
            kind,
            record_id,
            language=args.lang,
            override_reason=args.override_reason or "",
        )
    else:
        letter = letters.issue(
            session,
            kind,
            record_id,
            language=args.lang,
            attachments=args.attachments,
            documents=getattr(args, "documents", []),
            new=getattr(args, "new", False),
            override_reason=args.override_reason or "",
        )
    letters.save_pdf(letter.pdf, out)
    return letter


def said_letter(letter, out: Path, *, reprint: bool) -> None:
    """Warnings, the number and file, and that the PDF is not encrypted."""
    said = lang()
    for problem in letter.warnings:
        err(say("cli_warning", problem=describe_problem(problem, said)))
    done = "cli_letter_reprinted" if reprint else "cli_letter_issued"
    print(say(done, number=letter.number, out=out))
    err(say("cli_letter_pdf_not_encrypted"))


def out_file(path: str, option: str = "--out") -> Path:
    """Where to write a letter, checked before anything is asked for or issued."""
    out = Path(path)
    if out.is_dir():
        raise BadArgument(argument=option, reason=say("cli_out_is_a_folder_pdf"))
    if not out.parent.is_dir():
        raise BadArgument(argument=option, reason=say("cli_folder_missing", folder=out.parent))
    return out


def cmd_letters(args: argparse.Namespace) -> int:
    """``tipdesk letters demo-register [--json]``"""
    from tipdesk.services import letters

    with open_register(args) as session:
        entries = letters.list_letters(session)
    if args.json:
        print_json(
            [
                {
                    **dataclasses.asdict(e.letter),
                    "referral_id": e.letter.referral_id,  # "" for the other kinds
                    "case_number": e.case_number,
                }
                for e in entries
            ]
        )
        return EXIT_OK
    print(
        f"{say('cli_column_letter_number'):<34} {say('cli_column_kind'):<12} "
        f"{say('cli_column_date'):<10} "
        f"{say('cli_column_case'):<16} {say('cli_column_language'):<7} "
        f"{say('cli_column_identity'):<9} {say('cli_column_by'):<12} SHA-256"
    )
    yes, no = say("cli_yes").lower(), say("cli_no").lower()
    kinds = {
        "referral": say("cli_letter_kind_referral"),
        "lpsk_request": say("cli_letter_kind_lpsk_request"),
        "handover": say("cli_letter_kind_handover"),
        "transfer": say("cli_letter_kind_transfer"),
    }
    for e in entries:
        row = e.letter
        flag = yes if row.includes_identity else no
        line = (
            f"{row.number:<34} {kinds.get(row.kind, row.kind):<12} {row.issued_on:<10} "
            f"{e.case_number:<16} {row.language:<7} "
            f"{flag:<9} {row.username:<12} {row.sha256[:16]}"
        )
        if row.override_reason:
            line += "  (" + say("cli_without_consent", reason=row.override_reason) + ")"
        print(line)
    if not entries:
        print(say("cli_no_letters_yet"))
    return EXIT_OK
