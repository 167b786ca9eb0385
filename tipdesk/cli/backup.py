"""Backups: ``backup`` writes one encrypted file, ``restore`` makes a register of it."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from tipdesk.cli.common import EXIT_OK, USER_HELP, add_command, open_register, password, say
from tipdesk.domain.errors import PasswordNeeded


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers, "backup", cmd_backup, "write an encrypted backup of a register (one file)"
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="a new file, or a folder (a name with the office code and date)",
    )

    p = subparsers.add_parser(
        "restore",
        help="restore a backup as a new register",
        description="restore a backup as a new register (admin); the "
        "password comes from TIPDESK_PASSWORD or a prompt",
    )
    p.add_argument("file", metavar="FILE.tipbackup")
    p.add_argument(
        "--to",
        required=True,
        metavar="NEW_REGISTER",
        help="a folder that does not exist yet, or an empty one",
    )
    p.add_argument("--user", help=USER_HELP)
    p.add_argument(
        "--recovery",
        action="store_true",
        help="unlock with the recovery code (TIPDESK_RECOVERY_CODE or a prompt); "
        "the password becomes the user's new one",
    )
    p.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    """``tipdesk backup demo-register --out /media/usb``"""
    from tipdesk.services import backup

    with open_register(args) as session:
        result = backup.make_backup(session, Path(args.out))
    print(say("cli_backup_written", path=result.path))
    print(say("cli_backup_summary", size=_size(result.size), cases=result.cases))
    return EXIT_OK


def _size(count: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return str(count)


def cmd_restore(args: argparse.Namespace) -> int:
    """``tipdesk restore /media/usb/KUP-20261201-093000.tipbackup --to new-register``"""
    from tipdesk.services import backup

    user = args.user or os.environ.get("TIPDESK_USER") or None
    code = None
    if args.recovery:
        code = os.environ.get("TIPDESK_RECOVERY_CODE")
        if code is None:
            if not sys.stdin.isatty():
                raise PasswordNeeded()
            code = getpass.getpass(say("cli_recovery_code_prompt"))
    secret = password(confirm=args.recovery)
    result = backup.restore_backup(Path(args.file), Path(args.to), user, secret, recovery_code=code)
    print(say("cli_restored_at", folder=result.folder))
    print(
        say(
            "cli_restore_summary",
            office=result.office_code,
            cases=result.cases,
            created=result.created_at[:16].replace("T", " "),
            user=result.username,
        )
    )
    if args.recovery:
        print(say("cli_restore_new_password", user=result.username))
    return EXIT_OK
