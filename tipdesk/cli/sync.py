"""Batches between offices: ``export`` one, ``import`` one, and the ``peers`` they go to."""

from __future__ import annotations

import argparse
import dataclasses
import errno
from pathlib import Path

from tipdesk.cli.common import (
    EXIT_OK,
    add_command,
    checked_file,
    open_register,
    print_json,
    say,
)
from tipdesk.domain.errors import BadArgument


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(subparsers, "export", cmd_export, "write a batch of changes for another office")
    p.add_argument("--to", required=True, metavar="OFFICE_CODE")
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="a file, or a folder (a neutral random file name is chosen)",
    )

    p = add_command(subparsers, "import", cmd_import, "apply a batch from another office")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = add_command(
        subparsers, "peers", cmd_peers, "per enrolled office: sent, acknowledged, received, when"
    )
    p.add_argument("--json", action="store_true")


def cmd_export(args: argparse.Namespace) -> int:
    """``tipdesk export demo-register --to NTT --out /media/usb`` (a folder: a random name)"""
    from tipdesk.services import sync

    out = Path(args.out)
    if not out.is_dir() and not out.parent.is_dir():
        raise BadArgument(argument="--out", reason=say("cli_folder_missing", folder=out.parent))
    if not out.is_dir() and (out.exists() or out.is_symlink()):
        # It may be an earlier batch not carried yet, or not a file at all.
        raise BadArgument(argument="--out", reason=say("cli_batch_out_exists", path=out))
    with open_register(args) as session:
        try:
            result = sync.export_batch(session, args.to, out)
        except OSError as exc:
            raise BadArgument(
                argument="--out",
                reason=say("cli_batch_not_written", path=out, problem=_os_problem(exc)),
            ) from None
    total = sum(result.records.values())
    print(say("cli_batch_written", path=result.path))
    if result.parts:
        names = ", ".join(part.name for part in result.parts)
        print(say("cli_batch_parts", count=len(result.parts), names=names))
    if result.seq_to < result.seq_from:
        print(say("cli_batch_only_acknowledges", peer=result.peer_code))
        return EXIT_OK
    print(
        say(
            "cli_batch_summary",
            total=total,
            peer=result.peer_code,
            first=result.seq_from,
            last=result.seq_to,
        )
    )
    return EXIT_OK


# What went wrong writing a batch, by errno; any other is "a file system error".
_OS_PROBLEMS = {
    errno.ENOSPC: "cli_os_full",
    errno.EROFS: "cli_os_write_protected",
    errno.EACCES: "cli_os_no_permission",
    errno.EPERM: "cli_os_no_permission",
    errno.ENOENT: "cli_os_folder_gone",
    errno.EIO: "cli_os_input_output",
}


def _os_problem(exc: OSError) -> str:
    return say(_OS_PROBLEMS.get(exc.errno or 0, "cli_os_other"))


def cmd_import(args: argparse.Namespace) -> int:
    """``tipdesk import ntt-register /media/usb/1a2b3c4d5e6f7a8b.tipbatch`` (all or nothing)"""
    from tipdesk.services import sync

    # By its path: its document parts, if it has any, are read from beside it.
    path = checked_file(args.file)
    with open_register(args) as session:
        summary = sync.import_batch(session, path)
    if args.json:
        print_json(dataclasses.asdict(summary))
        return EXIT_OK
    if summary.already_imported:
        print(say("cli_batch_imported_before"))
    elif summary.held:
        print(
            say(
                "cli_batch_held",
                code=summary.peer_code,
                batch_id=summary.batch_id,
                register=args.register,
            )
        )
    elif summary.waiting:
        print(say("cli_batch_waiting", peer=summary.peer_code))
    else:
        print(
            say(
                "cli_batch_applied",
                peer=summary.peer_code,
                applied=summary.applied,
                unchanged=summary.unchanged,
                merged=summary.merged,
                conflicts=summary.conflicts,
            )
        )
        if summary.documents:
            print(say("cli_batch_documents_kept", count=summary.documents))
        if summary.from_inbox:
            print(say("cli_also_applied_from_inbox", count=len(summary.from_inbox)))
        if summary.conflicts:
            print(say("cli_review_conflicts", register=args.register))
    return EXIT_OK


def cmd_peers(args: argparse.Namespace) -> int:
    """``tipdesk peers ntt-register [--json]``"""
    from tipdesk.services import sync

    with open_register(args) as session:
        peers = sync.list_peers(session)
    if args.json:
        print_json([dataclasses.asdict(p) for p in peers])
        return EXIT_OK
    print(say("cli_peers_heading"))
    for p in peers:
        print(
            f"{p.code:<5} {p.name[:29]:<29} {p.sent_upto:>6} {(p.last_sent_at or '-')[:10]:<10}"
            f" {p.acked_upto:>6} {(p.last_acked_at or '-')[:10]:<10}"
            f" {p.received_upto:>6} {(p.last_received_at or '-')[:10]:<10} {p.waiting:>4}"
        )
        if p.audit_warning:
            print(
                "      "
                + say(
                    "cli_peer_audit_trail_shortened",
                    code=p.code,
                    now_seq=p.audit_warning["now_seq"],
                    seq=p.audit_warning["seq"],
                )
            )
    if not peers:
        print(say("cli_no_peers"))
    return EXIT_OK
