"""Every command of the command line is in the README (as sqlite-utils' own docs test
does): a command nobody can find is a command nobody uses."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from tipdesk.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_and_each_of_its_actions_is_in_the_readme():
    missing = []
    for name, parser in _commands().items():
        lines = [
            line for line in README.splitlines() if re.search(rf"tipdesk {re.escape(name)}\b", line)
        ]
        if not lines:
            missing.append(name)
            continue
        for action in parser._actions:
            if action.dest == "action" and action.choices:
                missing += [
                    f"{name} {choice}"
                    for choice in action.choices
                    if not any(re.search(rf"\b{re.escape(choice)}\b", line) for line in lines)
                ]
    assert missing == []
