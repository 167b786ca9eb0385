"""The actions of a command (``tipdesk keys export ...``), each a parser of its own.

An unknown action is refused in the user's language. A command may list by default
(``tipdesk inbox REGISTER``): when its first word is no action, the listing parser reads
the words; it has no name of its own. ``--user`` (and ``--json`` where a command has it)
may come before the action or after it, as they could when the action was one word.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from tipdesk.cli.common import USER_HELP, say
from tipdesk.domain.errors import BadArgument


class ActionParsers(argparse._SubParsersAction):
    def __init__(self, *args, shared=(), refuse_as_input: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every word reaches __call__, which says what is wrong in the user's language.
        self.choices = None
        self._shared = shared  # (flags, options) also taken before the action
        self._refuse_as_input = refuse_as_input  # exit 3, as `conflicts` always did
        self._listing: tuple[str, argparse.ArgumentParser] | None = None

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        parser = super().add_parser(name, **kwargs)
        self._add_shared(parser)
        self._name_the_actions()
        return parser

    def add_listing(self, name: str, func, help_text: str) -> argparse.ArgumentParser:
        """The parser of ``tipdesk COMMAND REGISTER``, its action named ``name``."""
        parser = self._parser_class(prog=self._prog_prefix, description=help_text)
        parser.add_argument("register", metavar="REGISTER", help="register folder")
        self._add_shared(parser)
        parser.set_defaults(func=func)
        self._listing = (name, parser)
        self._name_the_actions()
        return parser

    def _add_shared(self, parser: argparse.ArgumentParser) -> None:
        for flags, options in self._shared:
            parser.add_argument(*flags, **options, default=argparse.SUPPRESS)

    def _name_the_actions(self) -> None:
        names = "{" + ",".join(self._name_parser_map) + "}"
        self.metavar = f"[{names}] REGISTER" if self._listing else names

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        word, actions = values[0], ", ".join(self._name_parser_map)
        if word in self._name_parser_map:
            super().__call__(parser, namespace, values, option_string)
            return
        if self._listing is None:
            self._refuse(parser, say("cli_unknown_action", word=word, actions=actions))
        name, listing = self._listing
        found, extra = listing.parse_known_args(values, None)
        if any(not text.startswith("-") for text in extra):
            self._refuse(
                parser,
                say(
                    "cli_unknown_action_or_register",
                    word=word,
                    actions=actions,
                    command=parser.prog,
                ),
            )
        setattr(namespace, self.dest, name)
        for key, value in vars(found).items():
            setattr(namespace, key, value)
        if extra:  # options nobody knows: the top parser says so
            vars(namespace).setdefault(argparse._UNRECOGNIZED_ARGS_ATTR, []).extend(extra)

    def _refuse(self, parser: argparse.ArgumentParser, text: str) -> NoReturn:
        if self._refuse_as_input:
            raise BadArgument(argument=parser.prog.removeprefix("tipdesk "), reason=text)
        parser.error(text)  # a usage error: exit 2


def add_actions(
    parser: argparse.ArgumentParser,
    *,
    user_help: str = USER_HELP,
    json: bool = False,
    refuse_as_input: bool = False,
) -> ActionParsers:
    """The sub-parsers of ``parser``'s actions (``args.action``); ``--user`` and, with
    ``json``, ``--json`` are taken before the action as well as after it."""
    shared = [(("--user",), {"help": user_help})]
    if json:
        shared.append((("--json",), {"action": "store_true"}))
    for flags, options in shared:
        parser.add_argument(*flags, **options)
    return parser.add_subparsers(
        action=ActionParsers,
        dest="action",
        required=True,
        shared=shared,
        refuse_as_input=refuse_as_input,
    )
