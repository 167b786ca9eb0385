"""Refusals read in the user's language, down to the reason they give."""

import ast
import inspect
from pathlib import Path

import tipdesk
from tipdesk.domain import errors
from tipdesk.domain.errors import BatchDamaged, NotARegister, Problem, RegisterDamaged
from tipdesk.domain.messages import REASONS, describe_error, describe_problem

SOURCE = Path(tipdesk.__file__).parent
ERRORS = {
    name
    for name, value in vars(errors).items()
    if inspect.isclass(value) and issubclass(value, errors.TipdeskError)
}


def _raised_reasons() -> dict[str, str]:
    """Every literal ``reason=`` given to a TipDesk error in the code: reason -> where."""
    found: dict[str, str] = {}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ERRORS
            ):
                for keyword in node.keywords:
                    if (
                        keyword.arg == "reason"
                        and isinstance(keyword.value, ast.Constant)
                        and isinstance(keyword.value.value, str)
                    ):
                        found[keyword.value.value] = f"{path.name}:{node.lineno}"
    return found


def test_every_reason_a_refusal_gives_is_said_in_both_languages():
    raised = _raised_reasons()
    assert len(raised) > 40  # the scan finds the refusals, not nothing
    missing = {reason: where for reason, where in raised.items() if reason not in REASONS}
    assert missing == {}
    for reason, said in REASONS.items():
        assert said["id"].strip() and said["en"].strip(), reason


def test_a_damaged_batch_says_why_in_indonesian():
    text = describe_error(BatchDamaged(reason="truncated"), "id")
    assert "terpotong" in text and "truncated" not in text
    assert "cut short" in describe_error(BatchDamaged(reason="truncated"), "en")


def test_a_register_refusal_says_why_in_indonesian():
    damaged = describe_error(RegisterDamaged(path="D:/reg", reason="register.db is empty"), "id")
    assert "register.db kosong" in damaged and "is empty" not in damaged
    missing = describe_error(NotARegister(path="D:/x", reason="the folder does not exist"), "id")
    assert "folder itu tidak ada" in missing and "does not exist" not in missing


def test_a_reason_not_in_the_table_is_shown_as_given():
    text = describe_error(errors.BadArgument(argument="profile", reason="one of full, x"), "id")
    assert text == "profile: one of full, x"


def test_a_missing_reference_names_the_thing_in_the_users_language():
    problem = Problem(
        "provider_id", "unknown_reference", params={"what": "provider", "value": "0192-abc"}
    )
    assert describe_problem(problem, "id").endswith(
        "Penyedia layanan '0192-abc' tidak ada di register."
    )
    assert describe_problem(problem, "en").endswith("Provider '0192-abc' is not in this register.")


def test_a_field_message_does_not_repeat_the_field_s_name():
    """ "NIK: NIK harus 16 digit angka." said NIK twice (issue 21): the label comes first,
    the message only says what is wrong."""
    from tipdesk.domain.messages import MESSAGES, field_label

    problem = Problem("nik", "nik_format")
    assert describe_problem(problem, "id") == "NIK: harus 16 digit angka."
    assert describe_problem(problem, "en") == "NIK: must be 16 digits."
    for field in ("nik", "full_name", "birth_date", "phone"):
        for lang in ("id", "en"):
            label = field_label(field, lang).casefold()
            for code, texts in MESSAGES.items():
                if code.startswith(field.split("_")[0]) and "{" not in texts[lang][:1]:
                    assert not texts[lang].casefold().startswith(label), (code, lang)
