"""The register itself: ``init`` makes one, ``check`` checks one."""

from __future__ import annotations

import argparse
from pathlib import Path

from tipdesk.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    add_command,
    err,
    lang,
    open_register,
    password,
    say,
)
from tipdesk.domain.errors import ValidationFailed
from tipdesk.domain.messages import describe_error, describe_problem
from tipdesk.domain.records import Office, User


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(subparsers, "init", cmd_init, "create a new, empty register")
    p.add_argument("--office-code", required=True, help="short office code, e.g. KUP")
    p.add_argument("--office-name", required=True)
    p.add_argument("--level", required=True, choices=("district", "province"))
    p.add_argument("--admin", required=True, metavar="USERNAME")
    p.add_argument("--admin-name", help="the administrator's display name")
    p.add_argument("--region-code", help="Kemendagri code of the office's area, e.g. 53.71")

    add_command(subparsers, "check", cmd_check, "check the integrity of a register")


def cmd_init(args: argparse.Namespace) -> int:
    """``tipdesk init kup --office-code KUP --office-name "..." --level district --admin ani``"""
    from tipdesk.services.register import create_register

    office = Office(
        code=args.office_code,
        name=args.office_name,
        level=args.level,
        region_code=args.region_code or "",
    )
    admin = User(username=args.admin, display_name=args.admin_name or args.admin, role="admin")
    if _refused_init(office, admin):
        return EXIT_REFUSED
    created = create_register(Path(args.register), office, admin, password(confirm=True))
    print(say("cli_register_created", folder=created.folder))
    print()
    print(say("cli_recovery_code_heading"))
    print(f"    {created.recovery_code}")
    if created.recovery_age_key:
        print()
        print(say("cli_province_batch_recovery_key_heading"))
        print(f"    {created.recovery_age_key}")
    return EXIT_OK


# The option of ``init`` that gives each field, so a refusal says what to type.
_INIT_OPTIONS = (
    {
        "code": "--office-code",
        "name": "--office-name",
        "level": "--level",
        "region_code": "--region-code",
    },
    {"username": "--admin", "display_name": "--admin-name"},
)


def _refused_init(office: Office, admin: User) -> bool:
    """Print every problem of the office and its administrator, each with the option
    that gives it (``--office-name`` rather than the form's "Name"); True if any."""
    from tipdesk.domain.validation import validate

    found = [
        (options.get(p.field, ""), p)
        for record, options in zip((office, admin), _INIT_OPTIONS, strict=True)
        for p in validate(record)
        if p.is_error
    ]
    if not found:
        return False
    said = lang()
    err("tipdesk: " + describe_error(ValidationFailed([p for _, p in found]), said))
    for option, problem in found:
        err("  " + (f"{option}: " if option else "") + describe_problem(problem, said))
    return True


def cmd_check(args: argparse.Namespace) -> int:
    """``tipdesk check kup``: cipher, pages, foreign keys, search index, audit chain."""
    from tipdesk.services.check import check_register

    with open_register(args, write=False) as session:
        report = check_register(session)
    for name, problems in report.checks.items():
        print(f"{'ok' if not problems else 'FAILED':<7}{name}")
        lines = [line for problem in problems for line in str(problem).splitlines()]
        for line in lines[:20]:
            print(f"         {line}")
        if len(lines) > 20:
            print("         " + say("cli_check_more_lines", count=len(lines) - 20))
    if not report.whole:
        err("tipdesk: " + say("cli_check_not_intact"))
        return EXIT_REFUSED
    if report.checks.get("analysts"):
        # The file is whole; an analyst held the register key (DESIGN.md section 4).
        err("tipdesk: " + say("cli_check_analyst_held_the_key"))
    if report.checks.get("records"):
        # The file is whole; some records hold values the app cannot read (section 5b).
        err("tipdesk: " + say("cli_check_records_unreadable"))
    if not report.ok:
        return EXIT_REFUSED
    return EXIT_OK
