"""``conflicts``: fields both offices changed; list them, or resolve one.

``tipdesk conflicts REGISTER [--json] | tipdesk conflicts resolve REGISTER CONFLICT_ID
--keep local|remote``
"""

from __future__ import annotations

import argparse

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, open_register, print_json, say


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "conflicts",
        help="list conflicts, or resolve one",
        description="tipdesk conflicts REGISTER [--json] | "
        "tipdesk conflicts resolve REGISTER CONFLICT_ID "
        "--keep local|remote",
    )
    # An unknown action was always refused as input (exit 3), not as usage.
    actions = add_actions(p, json=True, refuse_as_input=True)
    actions.add_listing("list", cmd_conflicts_list, "fields both offices changed")
    p = actions.add_parser(
        "resolve",
        help="keep this office's value or the other's",
        description="keep this office's value or the other's",
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("conflict_id", metavar="CONFLICT_ID")
    p.add_argument("--keep", required=True, choices=("local", "remote"))
    p.set_defaults(func=cmd_conflicts_resolve)


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    """``tipdesk conflicts ntt-register [--json]``"""
    from tipdesk.services import sync

    with open_register(args) as session:
        found = sync.conflicts_json(session)
    if args.json:
        print_json(found)
        return EXIT_OK
    here = say("cli_conflict_here")
    for item in found:
        what = item["field"] or say("cli_conflict_delete_edit")
        print(
            f"{item['id']}  {item['case_number'] or item['entity']:<16} {what:<20} "
            f"{here}: {item['local_value']!s:.30} "
            f"({item['local_author']}, {item['local_at'][:16]})  "
            f"{item['peer_code']}: {item['remote_value']!s:.30} "
            f"({item['remote_author']}, {item['remote_at'][:16]})"
        )
    if not found:
        print(say("cli_no_conflicts"))
    return EXIT_OK


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    """``tipdesk conflicts resolve ntt-register CONFLICT_ID --keep remote``"""
    from tipdesk.services import sync

    with open_register(args) as session:
        sync.resolve_conflict(session, args.conflict_id, args.keep)
        print(say("cli_conflict_resolved", conflict_id=args.conflict_id))
    return EXIT_OK
