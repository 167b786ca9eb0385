"""Every word the command line prints comes from the message catalogue, in both
languages: no Indonesian and English pair is written inline in tipdesk/cli/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tipdesk.domain.messages import MESSAGES

CLI = Path(__file__).resolve().parents[2] / "tipdesk" / "cli"


def _trees():
    for path in sorted(CLI.glob("*.py")):
        yield path.name, ast.parse(path.read_text("utf-8"), str(path))


def _codes_used() -> set[str]:
    return {
        node.value
        for _, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"cli_\w+", node.value)
    }


def test_each_code_the_command_line_uses_is_in_the_catalogue_in_both_languages():
    used = _codes_used()
    assert len(used) > 80
    for code in sorted(used):
        assert set(MESSAGES.get(code, {})) == {"id", "en"}, code
        assert all(MESSAGES[code].values()), code
        placeholders = [set(re.findall(r"{(\w*)", MESSAGES[code][lang])) for lang in ("id", "en")]
        assert placeholders[0] == placeholders[1], code


def test_the_catalogue_holds_no_command_line_words_nobody_prints():
    catalogued = {code for code in MESSAGES if code.startswith("cli_")}
    assert catalogued - _codes_used() == set()


def test_no_words_are_chosen_by_language_inline():
    offenders = []
    for name, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "_say":
                offenders.append(f"{name}:{node.lineno} defines _say")
            if isinstance(node, ast.Name) and node.id == "_say":
                offenders.append(f"{name}:{node.lineno} calls _say")
            if isinstance(node, ast.Compare) and any(
                isinstance(side, ast.Constant) and side.value in ("id", "en")
                for side in (node.left, *node.comparators)
            ):
                offenders.append(f"{name}:{node.lineno} compares with a language")
    assert offenders == []
