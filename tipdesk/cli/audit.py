"""``audit``: the audit trail, who did what and when (admins, supervisors)."""

from __future__ import annotations

import argparse

from tipdesk.cli.common import EXIT_OK, add_command, lang, open_register, positive, print_json


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers, "audit", cmd_audit, "the audit trail: who did what, when (admins, supervisors)"
    )
    p.add_argument("--case", metavar="CASE_NUMBER")
    p.add_argument("--by", metavar="USERNAME", help="only what this user did")
    p.add_argument("--limit", type=positive, default=500)
    p.add_argument("--json", action="store_true")


def cmd_audit(args: argparse.Namespace) -> int:
    """``tipdesk audit demo-register --case KUP-2026-00010 [--by USER] [--json]``"""
    from tipdesk.domain.audit import action_label
    from tipdesk.services.access import audit

    with open_register(args) as session:
        found = audit.entries(
            session, case_number=args.case or "", username=args.by or "", limit=args.limit
        )
    if args.json:
        print_json(found)
        return EXIT_OK
    said = lang()
    for e in found:
        detail = ", ".join(f"{k}={v}" for k, v in sorted(e.detail.items()))
        print(
            f"{e.seq:>6} {e.at[:19].replace('T', ' ')} {e.username:<14} "
            f"{action_label(e.action, said):<36} {e.case_number:<16} {detail}"
        )
    return EXIT_OK
