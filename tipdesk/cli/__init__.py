"""The command line: ``tipdesk <command> ...``; with no command, the desktop app.

Exit codes (DESIGN.md section 8): 0 done, 1 unexpected error, 2 usage, 3 refused input,
with a one-line reason on stderr. Passwords come from ``TIPDESK_PASSWORD`` or a prompt.

Each module declares its commands' parsers (``add_parsers``) beside the commands:
``register`` (init, check), ``cases`` (search, show, update), ``incidents``
(incident list, show), ``letters`` (letter,
letters), ``transfers`` (transfer request, accept, decline, list, letter), ``keys``,
``sync`` (export, import, peers), ``conflicts``, ``inbox``,
``people_links`` (people-links list, scan, link, unlink, dismiss),
``backup`` (backup, restore), ``privacy`` (person-export, erase), ``users`` (users,
passwd, recover), ``audit``, ``reports`` (report, stats-export) and ``devtools`` (demo,
selftest, bench). ``actions`` gives keys, users, conflicts and inbox their actions;
``common`` holds what all share. Every word they print comes from the catalogue
(``tipdesk.domain.messages``, codes ``cli_...``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import os
import sys

from tipdesk import __version__
from tipdesk.cli import (
    audit,
    backup,
    cases,
    conflicts,
    devtools,
    documents,
    inbox,
    incidents,
    keys,
    letters,
    people_links,
    privacy,
    register,
    reports,
    simfoni,
    sync,
    transfers,
    users,
)
from tipdesk.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    err,
    lang,
    positive,
    say,
)
from tipdesk.domain.errors import (
    HelperStopped,
    NotFound,
    TipdeskError,
    ValidationFailed,
    os_refusal,
)
from tipdesk.domain.messages import describe_error, describe_problem
from tipdesk.logs import frames, setup_command_line_logging, setup_logging
from tipdesk.storage.connection import DatabaseError, refusal

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main"]

# In the order ``tipdesk --help`` lists them: daily work first, tools for trying last.
AREAS = (
    register,
    cases,
    incidents,
    documents,
    letters,
    transfers,
    keys,
    sync,
    conflicts,
    inbox,
    people_links,
    backup,
    privacy,
    users,
    audit,
    reports,
    simfoni,
    devtools,
)
log = logging.getLogger("tipdesk")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tipdesk", description="TipDesk case register")
    parser.add_argument("--version", action="version", version=f"tipdesk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the desktop app on a throwaway demo register"
    )
    parser.add_argument(
        "--demo-cases",
        type=positive,
        default=5000,
        metavar="N",
        help="cases in the --demo register (default 5000)",
    )
    parser.set_defaults(func=cmd_app)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        area.add_parsers(subparsers)
    return parser


def cmd_app(args: argparse.Namespace) -> int:
    """``tipdesk [--demo]``: the desktop app."""
    from tipdesk.ui.app import run  # Qt is loaded only for the desktop app

    return run(demo=args.demo, demo_cases=args.demo_cases)


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the bundled app starts its workers as itself
    said = lang()
    try:
        args = build_parser().parse_args(argv)
    except TipdeskError as exc:  # words refused as they are read (an unknown action)
        err("tipdesk: " + describe_error(exc, said))
        return EXIT_REFUSED
    setup_command_line_logging()  # (a re-key settled, leftovers removed: said and logged)
    try:
        return args.func(args)
    except ValidationFailed as exc:
        err("tipdesk: " + describe_error(exc, said))
        for problem in exc.problems:
            err("  " + ("" if problem.is_error else "(!) ") + describe_problem(problem, said))
        return EXIT_REFUSED
    except HelperStopped as exc:
        # not the input's fault (DESIGN.md section 8): an unexpected error, told plainly
        err("tipdesk: " + describe_error(exc, said))
        return EXIT_ERROR
    except TipdeskError as exc:
        text = describe_error(exc, said)
        if isinstance(exc, NotFound) and exc.params.get("what") == "case":
            text += " " + say("cli_look_the_case_up")
        err("tipdesk: " + text)  # one line, for people and for scripts alike
        return EXIT_REFUSED
    except DatabaseError as exc:
        # "damaged" only for a damaged file: a full or read-only drive, or a lock another
        # program holds, is said as such (issue 19)
        folder = getattr(args, "register", None) or getattr(args, "to", None) or ""
        err("tipdesk: " + describe_error(refusal(exc, folder), said))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        err("tipdesk: " + say("cli_interrupted"))
        return 130
    except BrokenPipeError:
        # The reader (``| head``) has all it wanted; nothing more is written to it.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # A full, read-only or busy drive or folder (a backup, an export, a key file):
        # refused with what to do; any other system error is unexpected.
        refused = os_refusal(exc)
        if refused is None:
            return _unexpected(exc)
        err("tipdesk: " + describe_error(refused, said))
        return EXIT_REFUSED
    except Exception as exc:
        return _unexpected(exc)


def _unexpected(exc: BaseException) -> int:
    """An error nobody refused: its type and stack to the log, one line to the person."""
    log_path = setup_logging()
    # Only the type and the stack: exception texts may quote data.
    log.error("unexpected %s\n%s", type(exc).__name__, frames(exc))
    err("tipdesk: " + say("cli_unexpected", kind=type(exc).__name__, log=log_path))
    return EXIT_ERROR
