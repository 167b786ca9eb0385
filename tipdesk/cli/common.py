"""What every command shares: exit codes, the user's language and the catalogue's words,
printing, the password, opening the register, reading a given file, and number types."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tipdesk.domain.errors import BadArgument, PasswordNeeded, PasswordsDiffer, os_refusal
from tipdesk.domain.messages import MESSAGES

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3
USER_HELP = "username (default: TIPDESK_USER, else the only user)"


def lang() -> str:
    """``TIPDESK_LANG`` (``id`` or ``en``, ``en_US`` style accepted); Indonesian otherwise."""
    chosen = os.environ.get("TIPDESK_LANG", "id").split("_")[0].split(".")[0].lower()
    return chosen if chosen in ("id", "en") else "id"


def say(code: str, /, **params: Any) -> str:
    """The catalogue's message ``code`` (``cli_...``) in the user's language, filled in."""
    return MESSAGES[code][lang()].format(**params)


def number(value: int) -> str:
    """A whole number as the user's language groups it: 1.000.000 (id), 1,000,000 (en)."""
    return f"{value:,}".replace(",", say("cli_thousands_separator"))


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    raise TypeError(type(value).__name__)


def password(*, confirm: bool = False) -> str:
    """The user's password: ``TIPDESK_PASSWORD``, else asked (twice with ``confirm``)."""
    secret = os.environ.get("TIPDESK_PASSWORD")
    if secret is not None:
        return secret
    if not sys.stdin.isatty():
        raise PasswordNeeded()
    first = getpass.getpass(say("cli_password_prompt"))
    if confirm and getpass.getpass(say("cli_password_repeat_prompt")) != first:
        raise PasswordsDiffer()
    return first


def open_register(args: argparse.Namespace, *, write: bool = True):
    """A session on ``args.register`` as ``--user`` (else ``TIPDESK_USER``)."""
    from tipdesk.services.register import open_register as open_session

    user = args.user or os.environ.get("TIPDESK_USER") or None
    return open_session(Path(args.register), user, password(), write=write)


def add_command(
    subparsers: argparse._SubParsersAction,
    name: str,
    func: Callable[[argparse.Namespace], int],
    help_text: str,
    *,
    register: bool = True,
) -> argparse.ArgumentParser:
    """A command's parser; with ``register``, its REGISTER folder and ``--user``."""
    p = subparsers.add_parser(name, help=help_text, description=help_text)
    if register:
        p.add_argument("register", metavar="REGISTER", help="register folder")
        p.add_argument("--user", help=USER_HELP)
    p.set_defaults(func=func)
    return p


def read_file(path: str, limit: int = 1024 * 1024 * 1024) -> bytes:
    """The bytes of a file named on the command line (a key file, a batch)."""
    file = checked_file(path, limit)
    try:
        return file.read_bytes()
    except PermissionError as exc:  # (a read: not "cannot write", as main would say)
        if getattr(exc, "winerror", None) in (32, 33):  # held by another program
            raise os_refusal(exc, path) or exc from None
        raise BadArgument(argument=path, reason=say("cli_no_permission_to_read")) from None


def checked_file(path: str, limit: int = 1024 * 1024 * 1024) -> Path:
    """A file named on the command line that exists, is a file and is within ``limit``."""
    file = Path(path)
    if file.is_dir():
        raise BadArgument(argument=path, reason=say("cli_is_a_folder_not_a_file"))
    if not file.exists():
        raise BadArgument(argument=path, reason=say("cli_no_such_file"))
    if not file.is_file():
        raise BadArgument(argument=path, reason=say("cli_not_a_regular_file"))
    if file.stat().st_size > limit:
        raise BadArgument(argument=path, reason=say("cli_file_too_large"))
    return file


def not_negative(text: str) -> int:
    return _whole(text, 0)


def positive(text: str) -> int:
    return _whole(text, 1)


# More than any register holds; a larger number only overflows SQLite's integers.
_LARGEST = 1_000_000_000


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli_not_a_whole_number", text=text)) from None
    if not least <= value <= _LARGEST:
        raise argparse.ArgumentTypeError(
            say("cli_number_out_of_range", least=least, largest=number(_LARGEST))
        )
    return value
