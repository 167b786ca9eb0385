"""Documents of a case (issue 24): ``documents list|add|get REGISTER CASE ...``.

``tipdesk documents list REGISTER CASE [--json]``: the case's documents (and its
person's), without their bytes; ``add REGISTER CASE FILE --kind K [--date D]
[--attached-to WHAT [--record ID]] [--note TEXT] [--keep-original]``: keep a PDF, JPEG,
PNG or WebP file as a document of the case; ``get REGISTER CASE DOCUMENT_ID --out PATH``:
write a plain copy where told (it is not encrypted: said on stderr).
"""

from __future__ import annotations

import argparse
import dataclasses
import math
from pathlib import Path

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, err, lang, open_register, print_json, read_file, say
from tipdesk.domain import records as r
from tipdesk.domain.errors import BadArgument, NotFound, ValidationFailed
from tipdesk.domain.fields import parse_value
from tipdesk.domain.vocab import VOCABULARIES


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "documents",
        help="scans and photos kept with a case, encrypted in the register",
        description="tipdesk documents list|add|get REGISTER CASE ...",
    )
    actions = add_actions(p, json=True)
    p = actions.add_parser(
        "list",
        help="the documents of a case and of its person, without their contents",
        description="the documents of a case and of its person, without their contents",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("case", metavar="CASE", help="case number")
    p.set_defaults(func=cmd_list)
    p = actions.add_parser(
        "add",
        help="keep a PDF, JPEG, PNG or WebP file as a document of the case",
        description="keep a PDF, JPEG, PNG or WebP file as a document of the case; a "
        "large photo is scaled down (and its EXIF data, such as where it was taken, "
        "dropped) unless --keep-original",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("case", metavar="CASE", help="case number")
    p.add_argument("file", metavar="FILE", help="the file to keep")
    kinds = VOCABULARIES["document_kind"].codes()
    p.add_argument("--kind", required=True, choices=kinds, help="what the document is")
    p.add_argument("--date", help="the document's date, DD/MM/YYYY or YYYY-MM-DD")
    p.add_argument(
        "--attached-to",
        default="case",
        choices=VOCABULARIES["document_subject"].codes(),
        help="what it belongs to (default: the case)",
    )
    p.add_argument("--record", default="", help="the id of the record it belongs to")
    p.add_argument("--note", default="", help="a note")
    p.add_argument(
        "--keep-original", action="store_true", help="keep a photo as it is (not scaled down)"
    )
    p.set_defaults(func=cmd_add)
    p = actions.add_parser(
        "get",
        help="write a plain (unencrypted) copy of a document where told",
        description="write a plain (unencrypted) copy of a document where told",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("case", metavar="CASE", help="case number")
    p.add_argument("document", metavar="DOCUMENT_ID", help="the document's id (documents list)")
    p.add_argument("--out", required=True, help="the file (or folder) to write")
    p.set_defaults(func=cmd_get)


def document_json(document) -> dict:
    """A document as ``list --json`` and ``show --json`` give it: never its bytes."""
    data = dataclasses.asdict(document)
    data["document_on"] = document.document_on.isoformat() if document.document_on else None
    return {name: value for name, value in data.items() if name not in ("updated_by",)}


def cmd_list(args: argparse.Namespace) -> int:
    """``tipdesk documents list kup KUP-2026-00001 --json``"""
    from tipdesk.services.casework import documents

    with open_register(args, write=False) as session:
        found = documents.list_documents(session, args.case)
    if getattr(args, "json", False):
        print_json([document_json(d) for d in found])
        return EXIT_OK
    if not found:
        print(say("cli_documents_none", case_number=args.case))
    said = lang()
    for d in found:
        kind = VOCABULARIES["document_kind"].label_or_code(d.kind or "", said)
        day = d.document_on.strftime("%d/%m/%Y") if d.document_on else "-"
        size = f"{max(1, math.ceil((d.size or 0) / 1024)):,} KB"
        print(f"{d.id}  {day:<10}  {kind:<24} {d.media_type or '':<5} {size:>10}  {d.file_name}")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    """``tipdesk documents add kup KUP-2026-00001 scan.pdf --kind police_report``"""
    from tipdesk.services.casework import documents

    path = Path(args.file)
    data = read_file(args.file, limit=r.MAX_DOCUMENT_BYTES * 4)  # a photo may be scaled down
    day, problem = parse_value(r.fields_of(r.Document)["document_on"], args.date or "")
    if problem is not None:
        raise ValidationFailed([problem])
    with open_register(args) as session:
        document = documents.attach(
            session,
            args.case,
            data,
            kind=args.kind,
            file_name=path.name,
            attached_to=args.attached_to,
            attached_id=args.record,
            document_on=day,
            note=args.note,
            scale=not args.keep_original,
        )
    if getattr(args, "json", False):
        print_json(document_json(document))
        return EXIT_OK
    print(say("cli_document_added", id=document.id, case_number=args.case, size=document.size))
    return EXIT_OK


def cmd_get(args: argparse.Namespace) -> int:
    """``tipdesk documents get kup KUP-2026-00001 0193... --out ~/Desktop/``"""
    from tipdesk.services.casework import documents

    out = Path(args.out)
    if not out.is_dir() and not out.parent.is_dir():
        raise BadArgument(argument="--out", reason=say("cli_folder_missing", folder=out.parent))
    with open_register(args) as session:
        found = {d.id for d in documents.list_documents(session, args.case)}
        if args.document not in found:
            raise NotFound(what="document", key=args.document[:64])
        written = documents.save_copy(session, args.document, out)
    print(say("cli_document_saved", out=written))
    err(say("cli_document_not_encrypted"))
    return EXIT_OK
