"""``keys``: this office's sync keys, and enrolling other offices.

``tipdesk keys export|trust|rotate|accept-rotation|recovery REGISTER ...``
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, open_register, read_file, say
from tipdesk.domain.errors import BadArgument


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "keys",
        help="this office's sync keys, and enrolling other offices",
        description="tipdesk keys export|trust|rotate|accept-rotation|recovery REGISTER ...",
    )
    actions = add_actions(p)

    p = _action(actions, "export", cmd_keys_export, "write our key file, show its fingerprint")
    p.add_argument("--out", metavar="FILE.tipkey", help="where to write our key file")

    p = _action(actions, "trust", cmd_keys_trust, "enrol another office, if its key matches")
    _key_file(p)
    p.add_argument(
        "--fingerprint",
        metavar="FPR",
        help="the fingerprint the other office read out to you",
    )
    p.add_argument(
        "--profile",
        choices=("full", "deidentified"),
        help="what travels to that office (default: full case data)",
    )

    p = _action(actions, "rotate", cmd_keys_rotate, "a new key, signed by the old one")
    p.add_argument("--out", metavar="FILE.tipkey", help="where to write our key file")

    p = _action(
        actions, "accept-rotation", cmd_keys_accept_rotation, "take in another office's new key"
    )
    _key_file(p)

    _action(
        actions, "recovery", cmd_keys_recovery, "a province: a new batch-recovery key, shown once"
    )


def _action(actions, name: str, func, help_text: str) -> argparse.ArgumentParser:
    p = actions.add_parser(name, help=help_text, description=help_text)
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.set_defaults(func=func)
    return p


def _key_file(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", metavar="FILE.tipkey", help="the other office's key file")


def _needs(args: argparse.Namespace, *names: str) -> None:
    """Refuse (exit 3, as ever) an action missing what it works on."""
    for name in names:
        if not getattr(args, name):
            raise BadArgument(
                argument=f"keys {args.action}",
                reason=say("cli_needs", what="--" + name if name != "file" else "FILE.tipkey"),
            )


def cmd_keys_export(args: argparse.Namespace) -> int:
    """``tipdesk keys export demo-register --out kup.tipkey``"""
    from tipdesk.services import sync

    _needs(args, "out")
    with open_register(args) as session:
        path, fingerprint = sync.export_key_file(session, Path(args.out))
        print(say("cli_key_file", path=path))
        print(say("cli_key_fingerprint", fingerprint=fingerprint))
    return EXIT_OK


def cmd_keys_trust(args: argparse.Namespace) -> int:
    """``tipdesk keys trust ntt-register kup.tipkey --fingerprint 7F3A-91C2-...``"""
    from tipdesk.services import sync

    _needs(args, "file", "fingerprint")
    with open_register(args) as session:
        peer = sync.trust_key_file(
            session, read_file(args.file), args.fingerprint or "", profile=args.profile
        )
        print(say("cli_office_enrolled", code=peer.code, name=peer.name, profile=peer.profile))
    return EXIT_OK


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    """``tipdesk keys rotate demo-register --out kup-new.tipkey``"""
    from tipdesk.services import sync

    _needs(args, "out")
    with open_register(args) as session:
        _card, fingerprint = sync.rotate_keys(session)
        path, _ = sync.export_key_file(session, Path(args.out))
        print(say("cli_key_rotated", path=path))
        print(say("cli_new_fingerprint", fingerprint=fingerprint))
    return EXIT_OK


def cmd_keys_accept_rotation(args: argparse.Namespace) -> int:
    """``tipdesk keys accept-rotation ntt-register kup-new.tipkey``"""
    from tipdesk.services import sync

    _needs(args, "file")
    with open_register(args) as session:
        peer = sync.accept_rotation(session, read_file(args.file))
        print(say("cli_rotation_accepted", code=peer.code))
    return EXIT_OK


def cmd_keys_recovery(args: argparse.Namespace) -> int:
    """``tipdesk keys recovery ntt-register`` (a province; the key is shown once)."""
    from tipdesk.services import sync

    with open_register(args) as session:
        secret = sync.create_recovery_identity(session)
        print(say("cli_batch_recovery_key_heading"))
        print(f"    {secret}")
        print(say("cli_export_the_key_file_again"))
    return EXIT_OK
