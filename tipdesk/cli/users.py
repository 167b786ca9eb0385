"""Accounts: ``users`` (admins manage them), ``passwd`` (your own password), ``recover``
(an admin's password from the recovery code).

``tipdesk users list|add|set-role|disable|enable|reset-password|remove|rekey REGISTER
[USERNAME] ...``
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from pathlib import Path

from tipdesk.cli.actions import add_actions
from tipdesk.cli.common import EXIT_OK, add_command, lang, open_register, password, print_json, say
from tipdesk.domain.errors import BadArgument, PasswordNeeded, PasswordsDiffer
from tipdesk.domain.records import User
from tipdesk.domain.vocab import ROLE

ROLES = ("admin", "supervisor", "caseworker", "analyst")


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "users",
        help="accounts of a register (admins)",
        description="tipdesk users list|add|set-role|disable|enable|"
        "reset-password|remove|rekey REGISTER [USERNAME] ...",
    )
    actions = add_actions(
        p, user_help="who you are (default: TIPDESK_USER, else the only user)", json=True
    )
    _action(actions, "list", cmd_users_list, "the accounts, their roles and status")
    p = _action(actions, "add", cmd_users_add, "add an account (its password: asked)", True)
    p.add_argument("--role", choices=ROLES)
    p.add_argument("--name", help="display name")
    p = _action(actions, "set-role", cmd_users_set_role, "give an account another role", True)
    p.add_argument("--role", choices=ROLES)
    _action(actions, "disable", cmd_users_disable, "stop an account opening the register", True)
    _action(actions, "enable", cmd_users_enable, "let it in again, with a new password", True)
    _action(actions, "reset-password", cmd_users_reset_password, "give it a new password", True)
    p = _action(actions, "remove", cmd_users_remove, "remove an account and its key slot", True)
    p.add_argument(
        "--no-rekey",
        action="store_true",
        help="do not re-encrypt the database under a new key",
    )
    _action(actions, "rekey", cmd_users_rekey, "re-encrypt the database under a new key")

    add_command(
        subparsers,
        "passwd",
        cmd_passwd,
        "change your own password (new one: TIPDESK_NEW_PASSWORD or asked)",
    )

    p = subparsers.add_parser(
        "recover",
        help="set a new admin password with the recovery code",
        description="the code from TIPDESK_RECOVERY_CODE or asked; the new "
        "password from TIPDESK_NEW_PASSWORD or asked",
    )
    p.set_defaults(func=cmd_recover)
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("--user", required=True, help="the admin account to recover")


def _action(actions, name, func, help_text, username=False) -> argparse.ArgumentParser:
    p = actions.add_parser(name, help=help_text, description=help_text)
    p.add_argument("register", metavar="REGISTER", help="register folder")
    if username:
        # Optional to argparse: a missing one is refused as ever (exit 3), once signed in.
        p.add_argument("username", nargs="?", metavar="USERNAME")
    p.set_defaults(func=func)
    return p


def _username(args: argparse.Namespace) -> str:
    if not args.username:
        raise BadArgument(argument="USERNAME", reason="required")
    return args.username


def _role(args: argparse.Namespace) -> str:
    if not args.role:
        raise BadArgument(argument="--role", reason="required")
    return args.role


def _new_password() -> str:
    """A new password for an account: ``TIPDESK_NEW_PASSWORD`` or asked twice."""
    secret = os.environ.get("TIPDESK_NEW_PASSWORD")
    if secret is not None:
        return secret
    if not sys.stdin.isatty():
        raise PasswordNeeded()
    first = getpass.getpass(say("cli_new_password_prompt"))
    if getpass.getpass(say("cli_new_password_repeat_prompt")) != first:
        raise PasswordsDiffer()
    return first


def cmd_users_list(args: argparse.Namespace) -> int:
    """``tipdesk users list demo-register [--json]``"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        accounts = users.list_accounts(session)
        if args.json:
            print_json([{**dataclasses.asdict(a), "status": a.status} for a in accounts])
            return EXIT_OK
        for a in accounts:
            print(
                f"{a.username:<20} {ROLE.label(a.role, lang()):<28} {a.status:<9} {a.display_name}"
            )
    return EXIT_OK


def cmd_users_add(args: argparse.Namespace) -> int:
    """``tipdesk users add demo-register ani --role caseworker --name "Ani Kase"``"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        name, role = _username(args), _role(args)
        users.add_user(
            session, User(username=name, display_name=args.name or "", role=role), _new_password()
        )
        print(say("cli_user_added", user=name, role=ROLE.label(role, lang())))
    return EXIT_OK


def cmd_users_set_role(args: argparse.Namespace) -> int:
    """``tipdesk users set-role demo-register ani --role supervisor``"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        name, role = _username(args), _role(args)
        secret = None
        if users.crosses_analyst(_role_of(session, name), role):
            secret = _new_password()  # the slot wraps another key from now on
        users.set_role(session, name, role, password=secret)
        print(say("cli_user_role_set", user=name, role=ROLE.label(role, lang())))
    return EXIT_OK


def _role_of(session, username: str) -> str:
    from tipdesk.services.access import users

    return next((a.role for a in users.list_accounts(session) if a.username == username), "")


def cmd_users_disable(args: argparse.Namespace) -> int:
    """``tipdesk users disable demo-register ani``"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        name = _username(args)
        users.disable_user(session, name)
        print(say("cli_user_disabled", user=name))
    return EXIT_OK


def cmd_users_enable(args: argparse.Namespace) -> int:
    """``tipdesk users enable demo-register ani`` (a new password: asked)"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        name = _username(args)
        users.enable_user(session, name, _new_password())
        print(say("cli_user_enabled", user=name))
    return EXIT_OK


def cmd_users_reset_password(args: argparse.Namespace) -> int:
    """``tipdesk users reset-password demo-register ani`` (the new one: asked)"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        name = _username(args)
        users.reset_password(session, name, _new_password())
        print(say("cli_user_password_reset", user=name))
    return EXIT_OK


def cmd_users_remove(args: argparse.Namespace) -> int:
    """``tipdesk users remove demo-register ani [--no-rekey]``"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        name = _username(args)
        removed = users.remove_user(session, name, rekey=not args.no_rekey)
        said = say("cli_user_removed", user=name)
        if removed.rekeyed:
            said += " " + say("cli_database_rekeyed")
        print(said)
        if removed.backups:
            print(say("cli_user_removed_from_backups", count=removed.backups))
        _after_rekey(removed)
    return EXIT_OK


def cmd_users_rekey(args: argparse.Namespace) -> int:
    """``tipdesk users rekey demo-register``: a new database key (and analysts' copy key)."""
    from tipdesk.services.access import users

    with open_register(args) as session:
        done = users.rekey_database(session)
        print(say("cli_database_and_copy_rekeyed"))
        _after_rekey(done)
    return EXIT_OK


def _after_rekey(done) -> None:
    """What a re-key leaves to do: passwords to reset, a new recovery code (shown once)."""
    if done.needs_reset:
        print(say("cli_reset_the_passwords_of", users=", ".join(done.needs_reset)))
    if done.new_recovery_code:
        print(say("cli_new_recovery_code_heading"))
        print(done.new_recovery_code)


def cmd_passwd(args: argparse.Namespace) -> int:
    """``tipdesk passwd demo-register`` (the new one: TIPDESK_NEW_PASSWORD or asked)"""
    from tipdesk.services.access import users

    with open_register(args) as session:
        users.change_password(session, password(), _new_password())
        print(say("cli_password_changed"))
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    """``tipdesk recover demo-register --user demo`` (the code: TIPDESK_RECOVERY_CODE or
    asked; the new password: TIPDESK_NEW_PASSWORD or asked)"""
    from tipdesk.services.access import users

    code = os.environ.get("TIPDESK_RECOVERY_CODE")
    if code is None:
        if not sys.stdin.isatty():
            raise PasswordNeeded()
        code = getpass.getpass(say("cli_recovery_code_prompt"))
    if not args.user:
        raise BadArgument(argument="--user", reason="required: the admin to recover")
    with users.recover(Path(args.register), code, args.user, _new_password()):
        print(say("cli_admin_recovered", user=args.user))
    return EXIT_OK
