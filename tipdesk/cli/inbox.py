"""``inbox``: batches waiting in the inbox; an admin accepts or discards a held one.

``tipdesk inbox REGISTER [--json] | tipdesk inbox accept|discard REGISTER BATCH_ID``
"""

from __future__ import annotations

import argparse
import dataclasses

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, open_register, print_json, say


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "inbox",
        help="batches waiting in the inbox; accept or discard a held one",
        description="tipdesk inbox REGISTER [--json] | "
        "tipdesk inbox accept|discard REGISTER BATCH_ID (admins)",
    )
    actions = add_actions(p, json=True)
    actions.add_listing("list", cmd_inbox_list, "batches waiting in the inbox")
    for name, func, help_text in (
        ("accept", cmd_inbox_accept, "apply a held batch (admins); audited"),
        ("discard", cmd_inbox_discard, "throw a held batch away (admins); audited"),
    ):
        p = actions.add_parser(name, help=help_text, description=help_text)
        p.add_argument("register", metavar="REGISTER", help="register folder")
        p.add_argument("batch_id", metavar="BATCH_ID")
        p.set_defaults(func=func)


def cmd_inbox_list(args: argparse.Namespace) -> int:
    """``tipdesk inbox ntt-register [--json]``: waiting for an earlier batch, or held."""
    from tipdesk.services import sync

    with open_register(args) as session:
        items = sync.list_inbox(session)
    if args.json:
        print_json([dataclasses.asdict(item) for item in items])
        return EXIT_OK
    for item in items:
        if item.held == "mass_delete":
            why = say(
                "cli_inbox_held_mass_delete",
                deleted=item.detail.get("deleted_cases"),
                cases=item.detail.get("cases"),
            )
        else:
            why = say("cli_inbox_waiting")
        print(
            f"{item.batch_id}  {item.peer_code:<5} {item.seq_from:>8}-{item.seq_to:<8} "
            f"{item.received_at[:16]}  {why}"
        )
    if not items:
        print(say("cli_inbox_empty"))
    return EXIT_OK


def cmd_inbox_accept(args: argparse.Namespace) -> int:
    """``tipdesk inbox accept ntt-register BATCH_ID [--json]``"""
    from tipdesk.services import sync

    with open_register(args) as session:
        summary = sync.accept_held(session, args.batch_id)
        if args.json:
            print_json(dataclasses.asdict(summary))
        else:
            print(
                say(
                    "cli_inbox_applied",
                    peer=summary.peer_code,
                    applied=summary.applied,
                    unchanged=summary.unchanged,
                    merged=summary.merged,
                    conflicts=summary.conflicts,
                )
            )
    return EXIT_OK


def cmd_inbox_discard(args: argparse.Namespace) -> int:
    """``tipdesk inbox discard ntt-register BATCH_ID``"""
    from tipdesk.services import sync

    with open_register(args) as session:
        sync.discard_held(session, args.batch_id)
        print(say("cli_inbox_discarded", batch_id=args.batch_id))
    return EXIT_OK
