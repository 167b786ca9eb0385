"""Every command of the command line is in the README (as sqlite-utils' own docs test
does): a command nobody can find is a command nobody uses."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from tipdesk.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parsers of ``parser``'s sub-commands (or a command's actions), by name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action._name_parser_map)
    return {}


def _commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()):
    """Each command and action as the words typed after ``tipdesk``, at any depth."""
    for name, sub in _subcommands(parser).items():
        yield (*words, name)
        yield from _commands(sub, (*words, name))


def test_the_walk_finds_commands_and_their_actions():
    found = set(_commands(build_parser()))
    assert {("search",), ("keys", "trust"), ("users", "rekey"), ("inbox", "discard")} <= found
    assert ("conflicts", "resolve") in found


def test_every_command_and_each_of_its_actions_is_in_the_readme():
    missing = []
    for words in _commands(build_parser()):
        command, actions = words[0], words[1:]
        lines = [
            line
            for line in README.splitlines()
            if re.search(rf"tipdesk {re.escape(command)}\b", line)
        ]
        # An action may share a line with its siblings ("add/set-role/...").
        if not lines or not all(
            any(re.search(rf"(?<![\w-]){re.escape(action)}(?![\w-])", line) for line in lines)
            for action in actions
        ):
            missing.append(" ".join(words))
    assert missing == []
